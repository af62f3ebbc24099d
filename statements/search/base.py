"""What every search engine provides, and the lazy result list both engines share.

An engine answers three questions about a parsed query, each in one SQL query:
which statements match (`matching`, a QuerySet filter that counts and facets reuse), in what
order of relevance (`ranked_ids`, for one page only), and which snippet to show for each of the
shown statements (`snippets`, text with sentinel markers for `highlight.mark_sentinels`).
"""

from functools import cached_property

from django.db.models import F, QuerySet

from statements.search.cache import cached, current_generation
from statements.search.query import ParsedQuery

SORTS = ("relevance", "newest", "oldest")
# Sentinels the engines put around matches; `highlight.mark_sentinels` turns them into <mark>.
START, STOP = "\x02", "\x03"
SNIPPET_WORDS = 32
# A text search with at most this many matches is counted and faceted over its ids, read first
# with one bounded query (see `SearchResults.few_ids`).
FEW_MATCHES = 1000
PAGE_ROWS = 20  # a page of results (the search page's and the API's default page size)
# The listing data each loaded statement carries, as `Statement.objects.with_listing_data()`.
RELATED = ("mentions", "topics", "meetings")


class SearchEngine:
    """One full-text backend. Subclasses: `postgres.PostgresEngine`, `sqlite.SqliteEngine`."""

    vendor = ""

    def matching(self, queryset: QuerySet, query: ParsedQuery) -> QuerySet:
        """`queryset` narrowed to the statements the query matches (no ordering)."""
        if query.is_empty:
            return queryset
        if query.only_excludes:
            return queryset.exclude(pk__in=self.match_any_ids(query.excluded))
        return self.filter_matches(queryset, query)

    def filter_matches(self, queryset, query):  # pragma: no cover - abstract
        raise NotImplementedError

    def match_any_ids(self, terms):  # pragma: no cover - abstract
        """A subquery (usable in `pk__in`) of statements matching any of `terms`."""
        raise NotImplementedError

    def first_matches(self, queryset, query, limit) -> list[int]:
        """Ids of up to `limit` of `queryset`'s matches, in no order (`query` has words)."""
        matched = self.filter_matches(queryset, query).order_by()
        return list(matched.values_list("pk", flat=True)[:limit])

    def ranked_ids(self, queryset, query, offset, limit) -> list[int]:  # pragma: no cover
        """Ids of `queryset`'s matches, best first, for one page. `queryset` is unmatched."""
        raise NotImplementedError

    def snippets(self, query, ids) -> dict[int, str]:  # pragma: no cover - abstract
        """Body excerpts around the matches, with START/STOP around each match."""
        raise NotImplementedError

    def maintain(self):
        """Tidy the search index after an import (see `faceted.warm`); nothing by default."""


def date_order(sort):
    """Newest or oldest first by `listing_date` (a statement's own date, else its meeting's)."""
    if sort == "oldest":
        return [F("listing_date").asc(nulls_last=True), "pk"]
    return [F("listing_date").desc(nulls_last=True), "-pk"]


def plain_snippet(body, words=SNIPPET_WORDS):
    """The start of a body, for results of an empty query (no match to centre on)."""
    parts = (body or "").split()
    text = " ".join(parts[:words])
    return text + (" …" if len(parts) > words else "")


class SearchResults:
    """The results of one search, lazily: Django's Paginator asks for `count()` and one slice.

    Only the slice shown is ranked in full, loaded with its listing data and given snippets, so a
    page costs the same number of queries whatever the number of matches.
    """

    def __init__(self, engine, query, filtered, matched, sort):
        self.engine = engine
        self.query = query
        self.filtered = filtered  # published, facet filters applied, not matched
        self.matched = matched  # `filtered` narrowed by the text query
        self.sort = sort
        self._count = None
        # What `load` reads with each statement; the search page, which shows no meetings, drops
        # them (the API and the downloads keep all three).
        self.related = RELATED

    @cached_property
    def generation(self):
        """The search generation this request's cached answers are keyed by (one query)."""
        return current_generation()

    def _sql(self):
        return self.matched.order_by().values("pk").query.sql_with_params()

    @cached_property
    def few_ids(self):
        """Every matched id (in no order) if the text query matches at most FEW_MATCHES
        statements with the filters, else None; cached like the count.

        One query that stops after FEW_MATCHES + 1 rows, so it costs little when there are many
        (SQLite walks the full-text index; PostgreSQL's planner scans until it has enough). With
        the ids in hand, counting and facets read the few link rows of those ids instead of
        asking the planner to guess how many a text match gives (PostgreSQL guessed ten times
        too many and hashed whole link tables: 37 ms for 50 matches at 20,000 statements).
        """
        if not self.query.groups:
            return None
        sql, params = self._sql()

        def probe():
            ids = self.engine.first_matches(self.filtered, self.query, FEW_MATCHES + 1)
            return sorted(ids) if len(ids) <= FEW_MATCHES else False  # (None is not cached)

        ids = cached(self.generation, "few:" + sql, params, probe)
        return None if ids is False else ids

    def count(self):
        if self._count is None:
            sql, params = self._sql()
            self._count = cached(
                self.generation, "count:" + sql, params, lambda: self.matched.count()
            )
        return self._count

    def __len__(self):
        return self.count()

    def ids(self, offset, limit):
        """Ids of one page, in order (cached: ranking many matches is the costly part)."""
        # The last page asks for fewer rows than a full page: fetch (and cache) a full one.
        fetch = max(limit, PAGE_ROWS)
        sql, params = self._sql()
        key = f"ids:{self.sort}:{offset}:{fetch}:{sql}"
        return cached(self.generation, key, params, lambda: self._ids(offset, fetch))[:limit]

    def _ids(self, offset, limit):
        if self.sort == "relevance" and self.query.groups:
            return self.engine.ranked_ids(self.filtered, self.query, offset, limit)
        ordered = self.matched.order_by(*date_order(self.sort))
        return list(ordered.values_list("pk", flat=True)[offset : offset + limit])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        offset = index.start or 0
        limit = (index.stop if index.stop is not None else self.count()) - offset
        if limit <= 0:
            return []
        return self.load(self.ids(offset, limit))

    def load(self, ids, *, with_snippets=True):
        """The statements with these ids, in this order, each with `.snippet` (sentinel text)
        and the listing data of `with_listing_data()` (`related`: mentions, topics, meetings)."""
        from statements.search.listing import load_listing

        statements = load_listing(ids, self.related)
        snippets = {}
        if with_snippets and self.query.groups:
            snippets = self.engine.snippets(self.query, [s.pk for s in statements])
        for statement in statements:
            statement.snippet = snippets.get(statement.pk) or plain_snippet(statement.body)
        return statements

    def __iter__(self):
        return iter(self[0 : self.count()])
