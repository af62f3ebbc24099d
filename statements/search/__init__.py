"""Full-text search over published statements: one interface, two engines.

    from statements.search import search
    results = search("Lopez Obrador -canada", sort="relevance")  # a SearchResults
    results.count(); results[0:20]  # each statement with .snippet (sentinel text)

`search()` takes any Statement QuerySet to search within (facet filters already applied); it
always narrows to published statements. The engine is chosen by the database in use:
PostgreSQL (`postgres.PostgresEngine`) or SQLite FTS5 (`sqlite.SqliteEngine`). The query
language is parsed once by `query.parse` and rendered safely by each engine.
"""

from django.db import connection

from statements.search.base import SORTS, SearchEngine, SearchResults
from statements.search.highlight import highlight, mark_sentinels
from statements.search.query import ParsedQuery, parse

__all__ = [
    "SORTS",
    "ParsedQuery",
    "SearchEngine",
    "SearchResults",
    "get_engine",
    "highlight",
    "mark_sentinels",
    "matching",
    "parse",
    "search",
]


def get_engine(vendor: str | None = None) -> SearchEngine:
    vendor = vendor or connection.vendor
    if vendor == "postgresql":
        from statements.search.postgres import PostgresEngine

        return PostgresEngine()
    if vendor == "sqlite":
        from statements.search.sqlite import SqliteEngine

        return SqliteEngine()
    raise NotImplementedError(f"No search engine for the {vendor} database")


def _published(queryset):
    from statements.models import Statement

    if queryset is None:
        queryset = Statement.objects.all()
    return queryset.published()


def matching(queryset, q: str | ParsedQuery):
    """The published statements of `queryset` that match `q` (a filter: no ranking)."""
    query = q if isinstance(q, ParsedQuery) else parse(q)
    return get_engine().matching(_published(queryset), query)


def normalize_sort(sort: str | None, query: ParsedQuery) -> str:
    """Relevance needs words to rank by; without them, newest first."""
    if sort not in SORTS:
        sort = "relevance"
    if sort == "relevance" and not query.groups:
        sort = "newest"
    return sort


def search(q: str | ParsedQuery = "", queryset=None, sort: str | None = None) -> SearchResults:
    """Search published statements; see the module docstring."""
    query = q if isinstance(q, ParsedQuery) else parse(q)
    engine = get_engine()
    filtered = _published(queryset)
    return SearchResults(
        engine,
        query,
        filtered=filtered,
        matched=engine.matching(filtered, query),
        sort=normalize_sort(sort, query),
    )
