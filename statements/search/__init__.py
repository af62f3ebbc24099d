"""Full-text search over published statements: one interface, two engines.

    from statements.search import search
    results = search("Lopez Obrador -canada", sort="relevance")  # a SearchResults
    results.count(); results[0:20]  # each statement with .snippet (sentinel text)

`search()` takes any Statement QuerySet to search within (facet filters already applied); it
always narrows to published statements. Searches of the whole archive are answered by the
Tantivy index (`engine.py` over `index.py`) once it is built; the database's own engine, chosen
by the database in use (`postgres.PostgresEngine` or SQLite FTS5 `sqlite.SqliteEngine`), answers
the others and is the reference the index is tested against. The query language is parsed once
by `query.parse` and rendered safely by each engine.
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


def search(
    q: str | ParsedQuery = "", queryset=None, sort: str | None = None, *, filterset=None
) -> SearchResults:
    """Search published statements; see the module docstring.

    Over every published statement (no `queryset`, or the one `filterset` narrows every
    published statement to), the Tantivy index answers once it is built (`engine.py`); the
    database answers the rest, and while no index is built.
    """
    query = q if isinstance(q, ParsedQuery) else parse(q)
    engine = get_engine()
    filtered = _published(queryset)
    matched = engine.matching(filtered, query)
    sort = normalize_sort(sort, query)
    if queryset is None or filterset is not None:
        from statements.search.engine import index_results

        results = index_results(engine, query, filtered, matched, sort, filterset)
        if results is not None:
            return results
    return SearchResults(engine, query, filtered=filtered, matched=matched, sort=sort)
