"""A faceted search request, as the search page, the downloads, the feed and the API run it.

    found = faceted_search(request.GET)
    found.results        # SearchResults: count(), slices
    found.facets         # {"official": [FacetValue, …], …} (each with .url to toggle it)
    found.chips          # chosen values, each with the URL that removes it
    found.errors         # readable messages for invalid parameters (they were ignored)

Queries: validation of chosen slugs (one per facet used), one per facet, the count, and the
page (ids, statements and their listing data, snippets): bounded whatever the number of results.
"""

import difflib
from dataclasses import dataclass, field
from functools import cache, cached_property
from urllib.parse import quote_plus

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import QueryDict

from statements.filters import FACETS, StatementFilter
from statements.models import Participant, ParticipantAlias, Statement
from statements.search import normalize_sort, parse, search
from statements.search.engine import IndexResults
from statements.search.facets import count_and_facets
from statements.text import fold

FACET_TITLES = {
    "official": "Officials",
    "topic": "Topics",
    "country": "Countries",
    "publisher": "Publishers",
    "kind": "Kinds",
    "year": "Years",
    "meeting": "Meetings",
}


def querystring(params: QueryDict, **changes) -> str:
    """`params` as a query string, without `page`, with `changes` ({name: [values]}).

    What `QueryDict.urlencode()` of a changed copy gives, without the copy (a page builds ~90).
    """
    lists = {name: values for name, values in params.lists() if name != "page"}
    lists.update(changes)  # as setlist(): a changed name keeps its place, a new one goes last
    encoded = "&".join(
        f"{quote_plus(name)}={quote_plus(str(value))}"
        for name, values in lists.items()
        if any(values)
        for value in values
    )
    return f"?{encoded}" if encoded else "?"


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

    @property
    def q(self):
        return self.params.get("q", "")

    @cached_property
    def facets(self):
        """{facet: [FacetValue with .url to toggle it]}; also primes the result count."""
        answered = None
        if isinstance(self.results, IndexResults):
            answered = self.results.count_and_facets(self.facet_names)
        facets = answered[1] if answered else self._database_facets()
        for name, values in facets.items():
            current = self.params.getlist(name)
            for value in values:
                chosen = [v for v in current if v != value.value]
                if not value.selected:
                    chosen.append(value.value)
                value.url = querystring(self.params, **{name: chosen})
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
        found = list(Participant.objects.raw(sql, params))
        if found and found[0].exact_name:
            return found[0]
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
        for alias_key, slug, name in ParticipantAlias.objects.filter(
            participant__in=Participant.objects.visible()
        ).values_list("name_key", "participant__slug", "participant__name"):
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

    def without_filters_url(self):
        return querystring(QueryDict(mutable=True), q=[self.q] if self.q else [])


_NAME = "\x00name\x00"  # stands for the folded query while the SQL is compiled
_NAME_LIKE = f"% {_NAME}"  # `name_key__endswith=f" {_NAME}"`'s parameter


@cache
def _official_sql(vendor, one_word):
    """(sql, params) of `official_match`'s one query, compiled once per process with `_NAME`
    for the name: building it through the ORM (visibility, aliases) took ~2.5 ms a request,
    four times the query. The visible officials named exactly (name or alias) come first
    (the first by name wins); for one word, then up to two whose surname it is."""
    aliases = ParticipantAlias.objects.filter(name_key=_NAME).values("participant_id")
    exact = Q(name_key=_NAME) | Q(pk__in=aliases)
    matching = exact | Q(name_key__endswith=f" {_NAME}") if one_word else exact
    found = (
        Participant.objects.visible()
        .filter(matching)
        .annotate(exact_name=ExpressionWrapper(exact, output_field=BooleanField()))
        .order_by("-exact_name", "name", "pk")[: 2 if one_word else 1]
    )
    sql, params = found.query.sql_with_params()
    assert params.count(_NAME) >= 2 and params.count(_NAME_LIKE) == int(one_word), params
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
        found.results.ids(0, 20)
