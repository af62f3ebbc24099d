"""A faceted search request, as the search page, the downloads, the feed and the API run it.

    found = faceted_search(request.GET)
    found.results        # SearchResults: count(), slices
    found.facets         # {"official": [FacetValue, …], …} (each with .url to toggle it)
    found.chips          # chosen values, each with the URL that removes it
    found.errors         # readable messages for invalid parameters (they were ignored)

Queries: validation of chosen slugs (one per facet used), one per facet, the count, and the
page (ids, statements and their listing data, snippets): bounded whatever the number of results.
"""

import datetime
import difflib
from dataclasses import dataclass, field
from functools import cache, cached_property
from urllib.parse import quote_plus

from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.db.models.functions import TruncMonth
from django.http import QueryDict

from statements.filters import FACETS, StatementFilter
from statements.models import Participant, ParticipantAlias, Statement, draft_only_forms
from statements.search import SORTS, normalize_sort, parse, search
from statements.search.cache import cached
from statements.search.engine import IndexResults
from statements.search.facets import FACET_LIMIT, LIMITED, count_and_facets
from statements.text import fold

# Every GET parameter of a search (what "Back to results" may carry back).
SEARCH_PARAMS = ("q", *FACETS, "date_from", "date_to", "sort", "page", "all")
FACET_TITLES = {
    "official": "Officials",
    "topic": "Topics",
    "country": "Countries",
    "publisher": "Publishers",
    "kind": "Kinds",
    "year": "Years",
    "meeting": "Meetings",
    "language": "Languages",
}


def querystring(params: QueryDict, **changes) -> str:
    """`params` as a query string, without `page`, with `changes` ({name: [values]}).

    What `QueryDict.urlencode()` of a changed copy gives, without the copy (a page builds ~90).
    """
    lists = {name: values for name, values in params.lists() if name != "page"}
    lists.update(changes)  # as setlist(): a changed name keeps its place, a new one goes last
    encoded = "&".join(_encoded(name, values) for name, values in lists.items() if any(values))
    return f"?{encoded}" if encoded else "?"


def _encoded(name, values):
    """One parameter's `name=value` pairs, as `QueryDict.urlencode()` writes them."""
    return "&".join(f"{quote_plus(name)}={quote_plus(str(value))}" for value in values)


def querystrings(params: QueryDict):
    """`changed(name, values)`: `querystring(params, **{name: values})`, with every other
    parameter encoded once (a page builds one per facet value, ~60)."""
    lists = [(name, values) for name, values in params.lists() if name != "page"]
    parts = [(name, _encoded(name, values) if any(values) else "") for name, values in lists]
    names = {name for name, _ in lists}

    def changed(name, values):
        own = _encoded(name, values) if any(values) else ""
        pieces = [own if other == name else part for other, part in parts]
        if name not in names:
            pieces.append(own)
        encoded = "&".join(piece for piece in pieces if piece)
        return f"?{encoded}" if encoded else "?"

    return changed


MONTHS_UP_TO_YEARS = 2  # results spanning at most this many years are counted per month


@dataclass
class OverTime:
    months: bool
    counts: dict  # {year: n}, or {(year, month): n}
    first: datetime.date | None = None
    last: datetime.date | None = None


@dataclass
class Chip:
    facet: str
    label: str
    url: str


@dataclass
class FacetedSearch:
    params: QueryDict
    filterset: StatementFilter
    results: object
    sort: str
    errors: list = field(default_factory=list)
    facet_names: tuple = FACETS
    # Over every published statement (no narrower queryset given), so facets may be counted
    # from the whole archive's counts (see `facets`).
    everything: bool = False

    @property
    def query(self):
        return self.results.query

    @cached_property
    def expanded(self):
        """Facets the reader asked to see whole (`?all=official`); the others show the top."""
        return tuple(name for name in self.facet_names if name in self.params.getlist("all"))

    def facet_toggle_urls(self, name, values):
        """(URL showing every value of facet `name`, or None; URL showing the top only, or
        None): "Show all" when the list may have been cut, "Show fewer" when expanded."""
        others = [v for v in self.params.getlist("all") if v != name]
        if name in self.expanded:
            return None, querystring(self.params, all=others)
        if name in LIMITED and len(values) >= FACET_LIMIT:
            return querystring(self.params, all=[*others, name]), None
        return None, None

    @property
    def q(self):
        return self.params.get("q", "")

    def start_facets(self):
        """Begin counting `facets`: in a worker thread while the caller loads the page, when the
        index answers (`IndexResults.start_facets`); otherwise now."""
        if "facets" in self.__dict__:
            return
        index = isinstance(self.results, IndexResults)
        if index and self.results.start_facets(self.facet_names, expanded=self.expanded):
            return
        self.facets  # noqa: B018 - counted now (and the results with them)

    @cached_property
    def facets(self):
        """{facet: [FacetValue with .url to toggle it]}; also primes the result count."""
        answered = None
        if isinstance(self.results, IndexResults):
            answered = self.results.count_and_facets(self.facet_names, expanded=self.expanded)
        facets = answered[1] if answered else self._database_facets()
        languages = facets.get("language")
        if languages is not None and len(languages) < 2 and not any(v.selected for v in languages):
            del facets["language"]  # one language in the archive (or the search): nothing to pick
        changed = querystrings(self.params)
        for name, values in facets.items():
            current = self.params.getlist(name)
            for value in values:
                chosen = [v for v in current if v != value.value]
                if not value.selected:
                    chosen.append(value.value)
                value.url = changed(name, chosen)
        return facets

    def _database_facets(self):
        """The reference path's counts (facets.py), in SQL."""
        engine, query = self.results.engine, self.query
        selected = {name: self.filterset.selected(name) for name in self.facet_names}
        own_bases = {
            name: engine.matching(self.filterset.filtered(without=name), query)
            for name in self.facet_names
            if selected[name]
        }
        unfiltered = self.everything and not self.filterset.chosen()
        few = self.results.few_ids
        count, facets = count_and_facets(
            self.results.matched if few is None else few,
            own_bases,
            selected,
            self.facet_names,
            generation=self.results.generation,
            whole=unfiltered and query.is_empty,
            expanded=self.expanded,
        )
        self.results._count = count
        return facets

    @cached_property
    def chips(self):
        chips = []
        for name in FACETS:
            current = self.params.getlist(name)
            for value, label in self.filterset.selected(name).items():
                others = [v for v in current if v != value]
                url = querystring(self.params, **{name: others})
                chips.append(Chip(name, label, url))
        for name, label in (("date_from", "From"), ("date_to", "To")):
            value = self.filterset.cleaned.get(name)
            if value:
                chips.append(
                    Chip(name, f"{label} {value:%Y-%m-%d}", querystring(self.params, **{name: []}))
                )
        return chips

    @cached_property
    def official_match(self):
        """The official the query names exactly (name, alias or unique surname): offered first."""
        key = fold(self.q)
        if not key or len(key) < 3:
            return None
        one_word = " " not in key and len(key) >= 4
        sql, params = _official_sql(connection.vendor, one_word)
        like = "%" + connection.ops.prep_for_like_query(f" {key}")
        params = [key if p == _NAME else like if p == _NAME_LIKE else p for p in params]
        found = _officials(sql, params)
        if found:  # a name that only drafts wrote is no public alias
            hidden = draft_only_forms([official.pk for official in found])
            found = [
                official
                for official in found
                if key not in hidden.get(official.pk, ((),))[0] or official.name_key == key
            ]
        if found and found[0].exact_name:
            return found[0]
        canonical = _gazetteer_name(key)
        if canonical:  # a form only the gazetteer knows ("AMLO" in an archive imported before)
            sql, params = _official_sql(connection.vendor, False)
            params = [canonical if p == _NAME else p for p in params]
            named = _officials(sql, params)
            if named:
                return named[0]
        # One word: a surname that only one official has ("Trudeau", "Verma").
        return found[0] if one_word and len(found) == 1 else None

    def near_officials(self, limit=3):
        """Officials whose names look like the query (for a search that found nothing)."""
        key = fold(self.q)
        if len(key) < 3:
            return []
        names = {}
        for slug, name, name_key in Participant.objects.visible().values_list(
            "slug", "name", "name_key"
        ):
            names.setdefault(name_key, (slug, name))
        aliases = ParticipantAlias.objects.filter(
            participant__in=Participant.objects.visible()
        ).values_list("name_key", "participant_id", "participant__slug", "participant__name")
        aliases = list(aliases)
        hidden = draft_only_forms({pk for _, pk, _, _ in aliases})
        for alias_key, pk, slug, name in aliases:
            if alias_key not in hidden.get(pk, ((),))[0]:
                names.setdefault(alias_key, (slug, name))
        words = {w: k for k in names for w in k.split() if len(w) > 3}
        close = difflib.get_close_matches(key, list(names), n=limit, cutoff=0.6)
        close += [
            words[w] for w in difflib.get_close_matches(key, list(words), n=limit, cutoff=0.75)
        ]
        found = []
        for name_key in close:
            if names[name_key] not in found:
                found.append(names[name_key])
        return found[:limit]

    @cached_property
    def undated_left_out(self):
        """(how many undated statements the date range leaves out, the URL that shows them
        instead), or None: one count, only when a date range is chosen and leaves some out."""
        undated = self.filterset.undated_left_out()
        if undated is None:
            return None
        count = self.results.engine.matching(undated, self.query).count()
        if not count:
            return None
        url = querystring(self.params, date_from=[], date_to=[], year=["undated"])
        return count, url

    def over_time(self):
        """The results per year ({year: n}, from the year facet: no query), or per month
        ({(year, month): n}) when they span at most two years (the chosen years, else the
        years with results): one GROUP BY query over those months, cached like the count."""
        years = self.facets.get("year")
        if not years:
            return None
        counts = {int(v.value): v.count for v in years if v.value.isdecimal()}
        chosen = [int(y) for y in self.params.getlist("year") if y.isdecimal() and int(y) in counts]
        span = chosen or [year for year, n in counts.items() if n]
        if not span:
            return None
        if max(span) - min(span) < MONTHS_UP_TO_YEARS:
            first, last = datetime.date(min(span), 1, 1), datetime.date(max(span), 12, 31)
            cleaned = self.filterset.cleaned
            first = max(first, cleaned.get("date_from") or first)
            last = min(last, cleaned.get("date_to") or last)
            if first <= last:
                return OverTime(True, self._month_counts(first, last), first, last)
        if chosen:  # the year facet counts every year whatever is chosen: show the chosen
            counts = {year: n for year, n in counts.items() if year in chosen}
        return OverTime(False, counts)

    def _month_counts(self, first, last):
        search = self.results.index_search if isinstance(self.results, IndexResults) else None
        if search is not None:  # the index counts them: no text match in the database
            return search.month_counts(first, last)
        rows = (
            self.results.matched.order_by()
            .filter(listing_date__gte=first, listing_date__lte=last)
            .annotate(month=TruncMonth("listing_date"))
            .values("month")
            .annotate(n=Count("pk"))
            .values_list("month", "n")
        )
        sql, params = rows.query.sql_with_params()

        def compute():
            counts = {}
            for month, n in rows:
                if isinstance(month, str):  # pragma: no cover - a backend giving text
                    month = datetime.date.fromisoformat(month[:10])
                counts[(month.year, month.month)] = n
            return counts

        return cached(self.results.generation, "months:" + sql, params, compute)

    def without_filters_url(self):
        return querystring(QueryDict(mutable=True), q=[self.q] if self.q else [])


def _gazetteer_name(key):
    """The folded canonical name the gazetteer gives a form of a name (another form), or ""."""
    from statements.ingest.resolve import default_gazetteer

    entry = default_gazetteer().entry_named(key)
    return fold(entry.name) if entry is not None and fold(entry.name) != key else ""


_NAME = "\x00name\x00"  # stands for the folded query while the SQL is compiled
_NAME_LIKE = f"% {_NAME}"  # `name_key__endswith=f" {_NAME}"`'s parameter


_OFFICIAL_FIELDS = ("id", "name", "slug", "name_key")  # what the match and the page read


def _officials(sql, params):
    """`_official_sql`'s officials, the other fields deferred: what `Participant.objects.raw()`
    gives, without its work per query (its columns, converters and model init order: 0.25 ms
    of a search that names no official)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found = []
    for row in rows:
        official = Participant.from_db(connection.alias, _OFFICIAL_FIELDS, row[:-1])
        official.exact_name = row[-1]
        found.append(official)
    return found


@cache
def _official_sql(vendor, one_word):
    """(sql, params) of `official_match`'s one query, compiled once per process with `_NAME`
    for the name: building it through the ORM (visibility, aliases) took ~2.5 ms a request,
    four times the query. The visible officials named exactly (name or alias) come first
    (the first by name wins); for one word, then up to two whose surname it is."""
    aliases = ParticipantAlias.objects.filter(name_key=_NAME).values("participant_id")
    exact = Q(name_key=_NAME) | Q(pk__in=aliases)
    matching = exact
    if one_word:
        # The surname's test reads every name: from the name index (a subquery of ids), not
        # the officials' rows (SQLite scanned the table: 0.65 against 0.29 ms at 100k).
        named = Q(name_key=_NAME) | Q(name_key__endswith=f" {_NAME}")
        matching = Q(pk__in=Participant.objects.filter(named).values("pk")) | Q(pk__in=aliases)
    found = (
        Participant.objects.visible()
        .filter(matching)
        .annotate(exact_name=ExpressionWrapper(exact, output_field=BooleanField()))
        .order_by("-exact_name", "name", "pk")
        .only(*_OFFICIAL_FIELDS)[: 2 if one_word else 1]
    )
    sql, params = found.query.sql_with_params()
    assert params.count(_NAME) >= 2 and params.count(_NAME_LIKE) == int(one_word), params
    columns = ", ".join(f'"statements_participant"."{name}"' for name in _OFFICIAL_FIELDS)
    assert sql.startswith(f"SELECT {columns}, ("), sql  # the order `_officials` reads them in
    if vendor == "postgresql":
        # PostgreSQL turns the visibility EXISTS into a join that first groups every published
        # mention (255k rows at 100k statements: ~110 ms of a 130 ms search); `OFFSET 0` keeps
        # it a check run only on the few officials the name matched (~2 ms, same answer).
        fenced = sql.replace(" LIMIT 1) AND", " LIMIT 1 OFFSET 0) AND", 1)
        assert fenced != sql, "the visibility EXISTS is no longer where it was"
        sql = fenced
    return sql, params


def faceted_search(params: QueryDict, queryset=None, facets=FACETS) -> FacetedSearch:
    """Run the search the GET parameters describe. Invalid parameters are ignored and reported.

    Nothing runs until asked: `results` (count, slices) and `facets` (which also counts).
    """
    everything = queryset is None
    if everything:
        queryset = Statement.objects.published()
    filterset = StatementFilter(params, queryset=queryset)
    errors = filterset.error_messages()
    query = parse(params.get("q", ""))
    if params.get("sort") and params.get("sort") not in SORTS:
        errors.append(
            f"sort: {params.get('sort')[:40]!r} is not a sort order; use {', '.join(SORTS)}."
        )
    sort = normalize_sort(params.get("sort"), query)
    results = search(
        query, queryset=filterset.filtered(), sort=sort, filterset=filterset if everything else None
    )
    return FacetedSearch(
        params=params,
        filterset=filterset,
        results=results,
        sort=sort,
        errors=errors,
        facet_names=tuple(facets),
        everything=everything,
    )


def warm(queries=("",)):
    """Compute and cache the answers of common searches now (the browse page by default).

    The importer can call this after an import so the first visitor after it does not pay for
    counting every facet over the whole archive. It also trims PostgreSQL's change log and tidies
    the engine's index (`SearchEngine.maintain`: PostgreSQL's GIN pending list, statistics).
    With the search index on, the searches it runs bring the index up to date first
    (`sync.ensure_fresh`), so the import, not the first visitor, waits for indexing.
    """
    from statements.search import get_engine
    from statements.search.cache import prune_generation_log

    get_engine().maintain()
    prune_generation_log()
    for q in queries:
        params = QueryDict(mutable=True)
        if q:
            params["q"] = q
        found = faceted_search(params)
        found.facets  # noqa: B018 - counts and caches
        found.over_time()  # the search page's picture (months: one cached query)
        found.results.ids(0, 20)
