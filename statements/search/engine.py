"""Search answered by the Tantivy index (`index.py`): ranking, counts, facets and snippets.

    results = search("fentanyl -canada")    # an IndexResults (statements/search/__init__.py)
    results.count(); results[0:20]; results.count_and_facets(names)

`IndexResults` brings the index up to date (`sync.ensure_fresh`) on first use and answers from
it; while no index is built (or with `SEARCH_INDEX_ENABLED` off) the database answers, as
`SearchResults`: that path is also the reference the engine is tested against.

The query is our own parse (`query.py`) turned into Tantivy query objects term by term, never
text for Tantivy's query parser, so no input can be an engine syntax error: a word is a term
query on each text field, a hyphenated or dotted word or a quoted phrase a phrase query, `word*`
a regex over the field's terms (the prefix as typed or stemmed), with the fields' weights as
boosts; groups are MUST, a group's alternatives (OR) SHOULD, exclusions MUST_NOT. Filters are
MUST clauses that score nothing. Facets are terms aggregations over the integer-coded fast
fields; a chosen (multi-select) facet is counted without its own filter, as `facets.py` does.
"""

import datetime
import heapq
import json
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor, wait
from functools import cached_property

import tantivy
from django.conf import settings
from django.db import connection

from statements.search.base import PAGE_ROWS, SNIPPET_WORDS, START, STOP, SearchResults
from statements.search.facets import (
    EXPANDED_LIMIT,
    FACET_LIMIT,
    LIMITED,
    LINKS,
    UNDATED,
    finish_facets,
)
from statements.search.index import (
    FIELD_LANGUAGE,
    FOLDING,
    ID_BITS,
    SCHEMA,
    TEXT_FIELDS,
    UNDATED_YEAR,
    WEIGHTS,
    analyzer_for,
    country_code,
    country_of,
    get_index,
)
from statements.search.query import _WORD, ParsedQuery, Term

logger = logging.getLogger(__name__)

Query, Occur = tantivy.Query, tantivy.Occur
MAX_BUCKETS = 65_000  # Tantivy's limit of buckets per aggregation
MAX_TIE_FETCH = 20_000
# A tie at the edge of a facet's top values longer than this is picked by reading the values'
# table in slug order (at most MAX_TIE_SCAN rows) rather than looking each tied id up.
LONG_TIE = 200
# A text query matching more than this share of the archive (and no filter) has its facets
# counted over the statements it does not match (`IndexSearch._counts_by_complement`).
COMPLEMENT_SHARE = 0.5
MAX_TIE_SCAN = 5000
# A tie at the top count any value has (`IndexSearch._most`) is walked in slug order
# (`IndexSearch._walk_tie`) when the matches are dense enough that its first values are near
# (WALK_DENSITY: see `_sparse`): chunks of the values' table, the first as large as should hold
# them twice, then as many as the density so far says hold the rest (at most TIE_WALK_LAST a
# chunk, TIE_WALK_ROUNDS chunks). Sparser, the tie is short: every tied value's bucket is cheap.
WALK_DENSITY = 0.02
TIE_WALK_LAST = 16_384
TIE_WALK_ROUNDS = 4
# Facets with few statements per value and many values (meetings: ~3 statements each, 33,000
# at 100k): counted over the matches, never over the complement (see `_counts_by_complement`).
SPARSE = {"meeting"}
# Values a SPARSE facet's first aggregation returns (the top, then as much of a tie as fits).
SPARSE_FIRST = 1000
TOP_TIE = "most:"  # the name of the aggregation of a SPARSE facet's values at `_most`
# A SPARSE facet's tie at `_most` is asked alone (not with its top values) when it is expected
# to hold this many times the values shown (`IndexSearch._tie_fills`).
TIE_ALONE = 2
# Values' ids per aggregation when the top count of a facet is computed per snapshot (`_most`).
ID_CHUNK = 20_000
# Results by relevance the count's search keeps for the page at most (`IndexSearch.rank_first`).
RANK_WITH_COUNT = 2000
# Hits past those ranked that the first search by relevance keeps: room for a short run of
# equal scores across the cut (`IndexSearch._fetch`).
RANK_MARGIN = 20
HIGHLIGHT_EXPANSIONS = 100  # index terms a `prefix*` highlights at most, per prefix
ID_MASK = (1 << ID_BITS) - 1
# A search page's facets are counted in a worker thread while the request's thread loads the
# page (`IndexSearch.start_facets`): Tantivy lets go of the GIL while it aggregates, so a cold
# page uses a second core. Off (settings.SEARCH_FACETS_IN_THREAD): counted when asked.
FACET_THREADS = 4  # worker threads per process (one request uses one at a time)
# Characters around the matches a snippet is chosen from (~ SNIPPET_WORDS words).
SNIPPET_CHARS = SNIPPET_WORDS * 7


# --- the query ------------------------------------------------------------------------------


def _regex_literal(word):
    """`word` as a regex literal, or None if it is not plain letters and digits."""
    return word if word.isalnum() else None


def _prefixes(term: Term, language="en") -> list[str]:
    """The last word of a `prefix*` term as typed (folded) and stemmed (in `language`): an
    index term that starts with either matches ("Trudea*" finds "trudeau", "semicond*"
    "semiconductor")."""
    stems = analyzer_for(language).analyze(term.text)
    folded = FOLDING.analyze(term.text)
    return sorted({word for word in (folded[-1:] + stems[-1:]) if _regex_literal(word)})


def _any(queries):
    if len(queries) == 1:
        return queries[0]
    return Query.boolean_query([(Occur.Should, q) for q in queries])


def _in_field(term: Term, field: str):
    """`term` as a query on one field (unweighted), stemmed in the field's language, or None if
    it cannot match there."""
    language = FIELD_LANGUAGE.get(field, "en")
    stems = analyzer_for(language).analyze(term.text)
    if not stems:
        return None
    if term.prefix:
        prefixes = _prefixes(term, language)
        if not prefixes:
            return None
        if len(stems) == 1:
            queries = [Query.regex_query(SCHEMA, field, f"{p}.*") for p in prefixes]
        else:
            queries = [Query.phrase_prefix_query(SCHEMA, field, [*stems[:-1], p]) for p in prefixes]
        return _any(queries)
    if len(stems) == 1:
        return Query.term_query(SCHEMA, field, stems[0])
    return Query.phrase_query(SCHEMA, field, stems)


def term_query(term: Term):
    """`term` on every text field, weighted (title 1.0, names 0.4, body 0.2): a statement's
    title and body are in the English fields or in the Spanish ones (`index.FIELD_LANGUAGE`),
    so a term matches a Spanish statement stemmed as Spanish, an English one as English."""
    clauses = []
    for field in TEXT_FIELDS:
        query = _in_field(term, field)
        if query is not None:
            clauses.append((Occur.Should, Query.boost_query(query, WEIGHTS[field])))
    return Query.boolean_query(clauses) if clauses else Query.empty_query()


def text_query(parsed: ParsedQuery):
    """The parsed query as one Tantivy query; None for an empty one (everything matches)."""
    if parsed.is_empty:
        return None
    clauses = [(Occur.Must, _any([term_query(t) for t in group])) for group in parsed.groups]
    if not clauses:  # only exclusions: every statement without them
        clauses.append((Occur.Must, Query.all_query()))
    clauses += [(Occur.MustNot, term_query(t)) for t in parsed.excluded]
    return Query.boolean_query(clauses)


def _year_key(year):
    """The year field's value for a year facet value ("undated": UNDATED_YEAR)."""
    return UNDATED_YEAR if str(year) == UNDATED else int(year)


def _facet_value(name, key):
    return UNDATED if name == "year" and key == UNDATED_YEAR else str(key)


def _filter_query(name, value):
    if name in ("official", "topic", "meeting"):
        return Query.term_set_query(SCHEMA, name, [item.pk for item in value])
    if name == "country":
        return Query.term_set_query(SCHEMA, "country", [country_code(code) for code in value])
    if name in ("publisher", "kind", "language"):
        return Query.term_set_query(SCHEMA, name, [str(item) for item in value])
    if name == "year":
        return Query.term_set_query(SCHEMA, "year", [_year_key(year) for year in value])
    if name in ("date_from", "date_to"):
        bound = value.toordinal()
        lower, upper = (bound, None) if name == "date_from" else (None, bound)
        return Query.range_query(SCHEMA, "day", tantivy.FieldType.Integer, lower, upper)
    raise ValueError(f"Unknown filter {name}")


def filter_queries(filterset, without=None):
    """The filterset's valid filters (all but `without`) as queries."""
    if filterset is None:
        return []
    return [
        _filter_query(name, value) for name, value in filterset.chosen().items() if name != without
    ]


def combine(text, filters):
    """`text` (or everything) narrowed by `filters`, which add nothing to the score."""
    clauses = [(Occur.Must, text)] if text is not None else []
    clauses += [(Occur.Must, Query.const_score_query(f, 0.0)) for f in filters]
    if not clauses:
        return Query.all_query()
    if len(clauses) == 1 and text is not None:
        return text
    return Query.boolean_query(clauses)


_pool, _pool_pid, _pool_lock = None, None, threading.Lock()


def _facet_pool():
    """The process's worker threads for facets, made on first use in this process (a pool made
    before gunicorn forks its workers would have no threads in them)."""
    global _pool, _pool_pid
    with _pool_lock:
        if _pool is None or _pool_pid != os.getpid():
            _pool = ThreadPoolExecutor(FACET_THREADS, thread_name_prefix="facets")
            _pool_pid = os.getpid()
        return _pool


# --- one search -----------------------------------------------------------------------------


class FacetsTooLarge(Exception):
    """A facet has too many values among the statements to count in one aggregation."""


class IndexSearch:
    """One request's search over one snapshot of the index."""

    def __init__(self, index, parsed: ParsedQuery, filterset=None):
        self.index = index
        self.searcher = index.searcher()
        self.parsed = parsed
        self.filterset = filterset
        self.text = text_query(parsed)
        self.query = combine(self.text, filter_queries(filterset))
        self.by_complement = False  # whether the facets were counted over the complement
        self._count = None
        # Results by relevance the page will show (`rank_first`, set by IndexResults): the
        # count's search keeps them, so the query is run once, not once to count and once to
        # rank (the phrase "arms trafficking" at 100,000 statements: 5.5 ms each time).
        self.rank_first = 0
        self._ranked = None  # (limit, hits) of the count's search
        self._facets_job = None  # (arguments, future, walked facets): `start_facets`

    def count(self):
        if self._count is None:
            limit = self._fetch(self.rank_first) + 1 if self.rank_first else 1
            found = self.searcher.search(self.query, limit, count=True)
            self._count = found.count
            if self.rank_first:
                self._ranked = (limit, found.hits)
        return self._count

    # ids in order -----------------------------------------------------------------------------

    def ids(self, sort, offset, limit):
        if limit <= 0:
            return []
        if sort == "relevance" and self.parsed.groups:
            return self._relevant(offset + limit)[offset : offset + limit]
        field, order = ("oldest", tantivy.Order.Asc) if sort == "oldest" else ("newest", None)
        hits = self.searcher.search(
            self.query,
            limit,
            count=False,
            order_by_field=field,
            offset=offset,
            order=order or tantivy.Order.Desc,
        ).hits
        return [int(key) & ID_MASK for key, _ in hits]

    @staticmethod
    def _fetch(needed):
        """Hits asked for first when ranking the best `needed` (one more: is the cut a tie?):
        RANK_MARGIN past them, so that a short run of equal scores across the cut (a statement
        published again word for word; at 1M, where the benchmark's archive is the 100k one ten
        times, every score comes ten times) ends inside the first search, not in a second one
        of four times as many (the common word's page 50 at 1M: 4,001 hits of 740,000
        matches scored again)."""
        first = max(needed, PAGE_ROWS)
        return first + RANK_MARGIN if first + RANK_MARGIN < MAX_TIE_FETCH else first

    def _relevant(self, needed):
        """The best `needed` ids by score, equal scores newest first (then by id, descending)
        as the database orders them: fetched past `needed` while a run of equal scores crosses
        the cut (up to MAX_TIE_FETCH: a `prefix*` alone scores every match alike). Past the
        first search (`_fetch`), four times as many each time from `needed` (as before the
        margin: the same hits where the cap stops it)."""
        fetch, grown = self._fetch(needed), max(needed, PAGE_ROWS)
        while True:
            if self._ranked is not None and self._ranked[0] == fetch + 1:
                hits = self._ranked[1]  # the count's search asked for exactly these
            else:
                hits = self.searcher.search(self.query, fetch + 1, count=False).hits
            if len(hits) <= fetch or hits[fetch][0] != hits[needed - 1][0]:
                break
            if fetch >= MAX_TIE_FETCH:
                break
            grown *= 4
            fetch = grown
        hits = hits[:fetch]
        addresses = [address for _, address in hits]
        ids = self.searcher.fast_field_values("id", addresses)
        newest = self.searcher.fast_field_values("newest", addresses)
        ranked = sorted(
            zip([score for score, _ in hits], newest, ids, strict=True),
            key=lambda row: (-row[0], -row[1]),
        )
        return [int(pk) for _, _, pk in ranked[:needed]]

    # facets -----------------------------------------------------------------------------------

    def count_and_facets(self, names, limit=FACET_LIMIT, expanded=()):
        """(count, {facet: [FacetValue]}) with the database path's semantics (facets.py).

        FacetsTooLarge when a facet has more values among the statements counted than one
        aggregation may make (Tantivy's bucket limit: 332,000 meetings at 1M statements)."""
        selected, limits, browsing = self._facet_plan(names, limit, expanded)
        labels = {name: self.filterset.selected(name) if self.filterset else {} for name in names}
        key = ("browse", tuple(names), limit, tuple(sorted(expanded)))
        cached = self.index.snapshot_cache.get(key) if browsing else None
        job, self._facets_job = self._facets_job, None
        if cached is not None and cached[0] is self.searcher:
            count, counts = cached[1]
        elif job is not None and job[0] == (tuple(names), limit, tuple(expanded)):
            count, counts = self._join(job[1], job[2], limits)
        else:
            count, counts = self._counts(names, limits, selected)
            if browsing:  # the whole archive's counts: once per snapshot of the index
                self.index.snapshot_cache[key] = (self.searcher, (count, counts))
        rows = self._rows(counts, selected, limits)
        return count, finish_facets(rows, labels, names, limit, expanded)

    def start_facets(self, names, limit=FACET_LIMIT, expanded=()):
        """Begin counting the facets `count_and_facets` (same arguments) will return, in a worker
        thread, while the caller goes on with the page (its ranking, listings and snippets).

        The worker only aggregates over the index (Tantivy lets go of the GIL meanwhile), never
        reads the database: what does — a facet's long tie walked in slug order (`_walk_tie`),
        the labels (`_rows`) — is left to `count_and_facets`, in the caller's thread. The count
        is made here first, in the caller's thread (with the page's ranking, `count`): the
        paginator needs it, and the worker's path depends on it. Browsing everything (counted
        once per snapshot) starts nothing."""
        if not settings.SEARCH_FACETS_IN_THREAD or self._facets_job is not None:
            return
        selected, limits, browsing = self._facet_plan(names, limit, expanded)
        if browsing:
            return
        try:
            count = self.count()
            walked = self._walked(names, count)
        except FacetsTooLarge:  # (counted when asked, which says so)
            return
        future = _facet_pool().submit(self._counts, names, limits, selected, walked)
        self._facets_job = ((tuple(names), limit, tuple(expanded)), future, walked)

    def _join(self, future, walked, limits):
        """`_counts` from the worker `start_facets` began, with the facets it left to this
        thread (`walked`) counted meanwhile."""
        try:
            mine = {
                name: self._sparse(name, self.query, limits[name], self._count) for name in walked
            }
        except BaseException:
            wait([future])  # (never leave the worker at this search's state)
            raise
        count, counts = future.result()
        return count, counts | mine

    def _facet_plan(self, names, limit, expanded):
        """({facet: chosen keys}, {facet: values shown}, whether browsing everything)."""
        selected = {name: self._selected(name) for name in names}
        limits = {name: EXPANDED_LIMIT if name in expanded else limit for name in names}
        browsing = self.text is None and self._unfiltered()
        return selected, limits, browsing

    def _unfiltered(self):
        """Whether no filter is chosen (the search is its text alone, or everything)."""
        return not (self.filterset and self.filterset.chosen())

    def _walked(self, names, matches):
        """The SPARSE facets among `names` whose long tie may be walked in slug order (reading
        the database, `_walk_tie`) for a search of `matches` statements."""
        if not self._unfiltered():
            return ()
        return tuple(name for name in names if name in SPARSE and self._walks(name, matches))

    def _aggregate(self, query, aggs):
        """Every aggregation of a request; Tantivy's bucket limit becomes FacetsTooLarge."""
        try:
            return self.searcher.aggregate(query, aggs)
        except ValueError as error:
            if "bucket limit" not in str(error):
                raise
            raise FacetsTooLarge(str(error)) from error

    def _counts(self, names, limits, selected, deferred=()):
        """(count, {facet: {key: count}}): one aggregation for the facets without a chosen value
        and the count, one per facet with chosen values (counted without their own filter);
        a SPARSE facet whose long tie can be walked (`_sparse`), on its own, unless `deferred`
        (`_walked`: left out, the caller counts them)."""
        if self.text is not None and self._unfiltered():
            answered = self._counts_by_complement(names, limits, deferred)
            if answered is not None:
                return answered
        # How many match, when known before counting (after `count`, or browsing everything).
        known = self._count if self.text is not None else self.searcher.num_docs
        walk = set(self._walked(names, known)) if known is not None else set()
        shared = [name for name in names if not selected[name] and name not in walk]
        tops, alone = self._tops(shared, self._count, limits)
        aggs = {
            name: self._terms(name, limits[name], selected[name])
            for name in shared
            if name not in alone
        }
        aggs["n"] = {"value_count": {"field": "id"}}
        try:
            found = self._aggregate(self.query, aggs | tops)
        except FacetsTooLarge:
            if not tops:
                raise
            # (the tie with the others' buckets past the limit: asked apart, as before)
            aggs |= {name: self._terms(name, limits[name], ()) for name in alone}
            tops, alone = {}, set()
            found = self._aggregate(self.query, aggs)
        count = int(found["n"]["value"] or 0)
        counts = {}
        for name in names:
            if name in walk:
                if name not in deferred:
                    counts[name] = self._sparse(name, self.query, limits[name], count)
                continue
            if selected[name]:
                base = combine(self.text, filter_queries(self.filterset, without=name))
                answer = self._aggregate(
                    base, {name: self._terms(name, limits[name], selected[name])}
                )[name]
            else:
                base, answer = self.query, found.get(name)
                tied = found.get(TOP_TIE + name)
                # Enough of the tie: the first answer's values all at the most (its values and
                # the tie's are the tie's: what `_complete` would have asked again), or, asked
                # alone, as many as are shown. None counts more: the shown are the tie's first.
                enough = limits[name] if answer is None else max(1, len(answer["buckets"]))
                if tied is not None and len(tied["buckets"]) >= enough:
                    buckets = tied["buckets"]
                    if len(buckets) >= MAX_BUCKETS:  # the tie cut: not exact
                        raise FacetsTooLarge(f"{name}: a tie of more than {MAX_BUCKETS} values")
                    counts[name] = {self._key(name, b["key"]): int(b["doc_count"]) for b in buckets}
                    continue
                if answer is None:  # the tie alone was guessed to fill the top and did not
                    answer = self._aggregate(base, {name: self._terms(name, limits[name], ())})
                    answer = answer[name]
            counts[name] = self._complete(name, base, answer, limits[name], selected[name])
        return count, counts

    def _tops(self, names, matches, limits):
        """({aggregation: terms}, {facet}): every value that counts the most any value has
        (`_most`), for the SPARSE facets among `names` over `matches` statements, when that is
        known (a search of WALK_DENSITY of the archive or more): asked with the facets, as the
        tie at their edge when it runs past the first SPARSE_FIRST values (a phrase in 20% of
        1M statements: 1,530 meetings with all three statements matched). Otherwise
        `_complete` asked it apart, evaluating the query again (170 ms of the phrase "arms
        trafficking" at 1M).

        The facets (second) whose tie is expected to hold the `limits` values shown or more
        (`_tie_fills`) are asked by their tie alone, without their first SPARSE_FIRST values:
        the tie is all that is shown, and merging every segment's buckets for the top of them
        cost twice the tie (146 against 65 ms for the phrase's meetings at 1M). When the tie
        has fewer, `_counts` asks the facet's values again."""
        if matches is None or matches < self.searcher.num_docs * WALK_DENSITY:
            return {}, set()
        tops, alone = {}, set()
        for name in names:
            if name in SPARSE and name in LINKS:
                most = self._most(name)
                if most > 0:
                    more = {"size": MAX_BUCKETS, "min_doc_count": most}
                    tops[TOP_TIE + name] = self._terms(name, 0, (), **more)
                    if self._tie_fills(name, matches, most, limits[name]):
                        alone.add(name)
        return tops, alone

    def _tie_fills(self, name, matches, most, limit):
        """Whether the values of facet `name` with `most` statements, all matched, should be
        TIE_ALONE times `limit` or more among `matches` statements spread evenly: as many as
        have `most` in the archive (`_at_most`) times the chance that all are matched."""
        expected = self._at_most(name) * self._density(matches, most)
        return expected >= TIE_ALONE * limit

    def _counts_by_complement(self, names, limits=None, deferred=()):
        """(count, {facet: {key: count}}) of a text query that matches most of the archive, from
        the statements it does *not* match: every value's count over the whole archive (once
        per snapshot, `_totals`) minus its count over the complement. Facets count statements
        per value and a statement is either matched or not, so the difference is exact; the
        complement is the smaller set to aggregate. None when the query matches fewer than
        COMPLEMENT_SHARE of the statements (or a facet has too many values to count whole).

        The SPARSE facets (meetings) are counted over the matches all the same: their top values
        are a few buckets there, where the complement hands every value back to Python (17,000
        meetings' buckets for a word in 74% of 100k statements) and the difference has to be
        scanned for its top (31,000 values) and the tie at its edge (8,700 meetings)."""
        count = self.count()
        if count <= self.searcher.num_docs * COMPLEMENT_SHARE:
            return None  # (before the totals: a narrow query never waits for them)
        totals = self._totals(names)
        if totals is None:
            return None
        total, whole = totals
        rest = Query.boolean_query([(Occur.Must, Query.all_query()), (Occur.MustNot, self.text)])
        dense = [name for name in names if name not in SPARSE]
        aggs = {name: self._terms(name, 0, (), size=MAX_BUCKETS) for name in dense}
        found = self._aggregate(rest, aggs) if count < total and aggs else {}
        counts = {}
        for name in names:  # the SPARSE ones over the matches: a few buckets, not all
            if name in SPARSE and name not in deferred:
                limit = (limits or {}).get(name, FACET_LIMIT)
                counts[name] = self._sparse(name, self.query, limit, count)
        for name in dense:
            # A copy of the totals (in C), less the complement's buckets: one step per value
            # the complement holds, not per value of the archive (33,000 meetings at 100k).
            counts[name] = values = dict(whole[name])
            for bucket in found.get(name, {}).get("buckets", ()):
                key = bucket["key"]  # as `_key` gives it: int, or str for kind and publisher
                left = values[key] - bucket["doc_count"]
                if left > 0:
                    values[key] = left
                else:
                    del values[key]
        self.by_complement = True
        return count, counts

    def _totals(self, names):
        """(statements, {facet: {bucket key: statements}}) over the whole index, every value,
        computed once per snapshot of the index; None if a facet has more values than one
        aggregation returns (the subtraction would not be exact)."""
        key = ("totals", tuple(names))
        cached = self.index.snapshot_cache.get(key)
        if cached is not None and cached[0] is self.searcher:
            return cached[1]
        dense = [name for name in names if name not in SPARSE]  # never subtracted
        aggs = {name: self._terms(name, 0, (), size=MAX_BUCKETS) for name in dense}
        aggs["n"] = {"value_count": {"field": "id"}}
        try:
            found = self._aggregate(Query.all_query(), aggs)
        except FacetsTooLarge:  # more values than one aggregation may make (meetings at 1M)
            self.index.snapshot_cache[key] = (self.searcher, None)
            return None
        whole, to_key = {}, self._key
        for name in dense:
            if found[name].get("sum_other_doc_count"):
                whole = None
                break
            buckets = found[name]["buckets"]
            whole[name] = {to_key(name, b["key"]): int(b["doc_count"]) for b in buckets}
        answer = (int(found["n"]["value"] or 0), whole) if whole is not None else None
        self.index.snapshot_cache[key] = (self.searcher, answer)
        return answer

    def _selected(self, name):
        """{index key: value in the URL} of a facet's chosen values."""
        if self.filterset is None:
            return {}
        chosen = self.filterset.chosen().get(name) or []
        if name in LINKS:
            return {item.pk: item.slug for item in chosen}
        if name == "country":
            return {country_code(code): code for code in chosen}
        if name == "year":
            return {_year_key(year): str(year) for year in chosen}
        return {str(item): str(item) for item in chosen}

    @staticmethod
    def _terms(name, limit, chosen, **more):
        size = MAX_BUCKETS
        if name in LIMITED:  # the top values, with room for ties at the edge
            size = 4 * (limit + len(chosen)) + 20
        if name in SPARSE:  # and for a tie of hundreds (a phrase's meetings): asked once
            size = max(size, SPARSE_FIRST)
        terms = {"field": name, "size": size, "segment_size": MAX_BUCKETS} | more
        return {"terms": terms}

    def _complete(self, name, base, answer, limit, chosen):
        """{key: count} of every value that can be shown: all values of the small facets; for
        the limited ones the top values and all those tied with the last of the top (asked
        again when the tie runs past the first answer); chosen values counted exactly."""
        buckets = answer["buckets"]
        counts = {self._key(name, b["key"]): int(b["doc_count"]) for b in buckets}
        cut = limit + len(chosen)
        if name in LIMITED and answer.get("sum_other_doc_count") and len(buckets) >= cut:
            edge = int(buckets[cut - 1]["doc_count"])
            if int(buckets[-1]["doc_count"]) == edge:
                more = self._terms(name, limit, chosen, size=MAX_BUCKETS, min_doc_count=edge)
                answer = self._aggregate(base, {name: more})[name]
                if len(answer["buckets"]) >= MAX_BUCKETS:  # the tie cut: not exact
                    raise FacetsTooLarge(f"{name}: a tie of more than {MAX_BUCKETS} values")
                counts.update(
                    {self._key(name, b["key"]): int(b["doc_count"]) for b in answer["buckets"]}
                )
        self._count_chosen(name, base, counts, chosen)
        return {key: n for key, n in counts.items() if n > 0}

    def _count_chosen(self, name, base, counts, chosen):
        for key in chosen:
            if key not in counts:
                match = combine(base, [Query.term_query(SCHEMA, name, key)])
                counts[key] = self.searcher.search(match, 1, count=True).count

    def _walks(self, name, matches):
        """Whether facet `name`'s long tie at the top count any value has may be walked in slug
        order (`_walk_tie`) for a search with `matches` statements: the share of the values
        with `most` statements that have them all matched, were the matches spread evenly,
        is WALK_DENSITY or more (a common word in 74% of 100k: 0.4; a phrase in 20%: 0.008)."""
        if name not in LINKS:
            return False
        if matches < self.searcher.num_docs * WALK_DENSITY:
            return False  # (any most >= 1 gives less: a narrow search never waits for `_most`)
        most = self._most(name)
        return most > 0 and self._density(matches, most) >= WALK_DENSITY

    def _density(self, matches, most):
        return (matches / max(1, self.searcher.num_docs)) ** most

    def _sparse(self, name, base, limit, matches):
        """{key: count} as `_complete` gives it, of a SPARSE facet with no chosen value over
        `matches` statements (`base`).

        A long tie at the edge (thousands of meetings reported by three statements, all three
        matched) is picked without counting every value: first the top values of each segment
        (an aggregation that merges every segment's every value costs several times more: 26
        against 3 ms for meetings at 100k), which can only count a value less than it has; if
        they already show `limit` values at the most any value has (`_most`), the edge is that
        most and the values shown are the first tied ones by slug (`_walk_tie`). Otherwise, or
        if the tie is too sparse to walk, the facet is counted exactly as `_complete` does."""
        if self._walks(name, matches):
            most = self._most(name)
            size = 4 * limit + 20
            probe = self._terms(name, limit, (), size=size, segment_size=size)
            buckets = self._aggregate(base, {name: probe})[name]["buckets"]
            if len(buckets) >= limit and int(buckets[limit - 1]["doc_count"]) == most:
                walked = self._walk_tie(name, base, limit, most, self._density(matches, most))
                if walked is not None:
                    return walked
        answer = self._aggregate(base, {name: self._terms(name, limit, ())})[name]
        return self._complete(name, base, answer, limit, ())

    def _walk_tie(self, name, base, need, edge, density):
        """{key: `edge`} of the first `need` values by slug that count `edge`, the most any value
        of the facet counts (`_most`); None if the tie is too sparse to walk (then its values'
        buckets are few) or has fewer.

        Nothing can count more than that most, so the values shown are the first tied ones in
        slug order (as the database orders them): the values' table is read in slug order, a
        chunk at a time, and each chunk's values counted exactly over the statements (one
        aggregation over the chunk's statements, whatever the index's segments), until enough
        are found. What the whole tie costs instead: every tied value's bucket (8,700 meetings
        for a word in 74% of 100k statements; more than one aggregation may return at 1M,
        where it came back cut)."""
        table = LINKS[name][2]._meta.db_table
        size = min(TIE_WALK_LAST, int(need / density * 2) + 64)  # twice what should hold them
        picked, after, walked = [], None, 0
        for _ in range(TIE_WALK_ROUNDS):
            if len(picked) >= need:
                break
            where, params = ("WHERE slug > %s ", [after]) if after is not None else ("", [])
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT id, slug FROM {table} {where}ORDER BY slug LIMIT %s", [*params, size]
                )
                rows = cursor.fetchall()
            if not rows:
                return None  # (the table has changed since the index was written)
            ids = [pk for pk, _ in rows]
            if ids:
                # Every value of the chunk's statements (a statement may have others too): each
                # bucket counted in full, none cut; at most the statements' values.
                terms = {"field": name, "size": MAX_BUCKETS, "segment_size": MAX_BUCKETS}
                found = self._aggregate(
                    combine(base, [Query.term_set_query(SCHEMA, name, ids)]),
                    {name: {"terms": terms | {"min_doc_count": edge}}},
                )[name]["buckets"]
                tied = {int(b["key"]) for b in found if int(b["doc_count"]) == edge}
                picked += [pk for pk in ids if pk in tied]
            walked += len(rows)
            if not picked:
                return None  # far sparser than the matches suggest: a short tie, counted whole
            # As many slugs as hold the rest at the density so far, with a margin.
            rest = need - len(picked)
            size = min(TIE_WALK_LAST, int(rest * walked / len(picked) * 1.25) + 64)
            after = rows[-1][1]
        if len(picked) < need:
            return None
        return dict.fromkeys(picked[:need], edge)

    def _most(self, name):
        """The most statements any one value of facet `name` has in this snapshot of the index
        (exact: its values' ids counted ID_CHUNK at a time, so no aggregation can be cut)."""
        return self._most_and_at(name)[0]

    def _at_most(self, name):
        """How many values of facet `name` have `_most` statements in this snapshot."""
        return self._most_and_at(name)[1]

    def _most_and_at(self, name):
        """(`_most`, `_at_most`), counted once per snapshot of the index: each chunk of ids'
        values at least at the most so far (`min_doc_count`), the top one returned and the
        others' statements summed (`sum_other_doc_count`), all at the chunk's top when that
        is the most so far: the values at it are that sum over it, plus the one returned. A
        chunk whose top passes the most so far is asked again at its top."""
        key = ("most", name)
        cached = self.index.snapshot_cache.get(key)
        if cached is not None and cached[0] is self.searcher:
            return cached[1]
        everything = Query.all_query()
        top = self._aggregate(everything, {"top": {"max": {"field": name}}})["top"]["value"]
        most, at, low = 0, 0, 0
        while top is not None and low <= top:
            chunk = Query.range_query(
                SCHEMA, name, tantivy.FieldType.Integer, low, low + ID_CHUNK - 1
            )
            floor = max(1, most)
            while True:
                terms = {"field": name, "size": 1, "segment_size": MAX_BUCKETS}
                terms["min_doc_count"] = floor
                found = self._aggregate(chunk, {name: {"terms": terms}})[name]
                buckets, others = found["buckets"], int(found.get("sum_other_doc_count") or 0)
                first = int(buckets[0]["doc_count"]) if buckets else 0
                if first <= floor or not others:
                    break
                floor = first  # others may count less than the top: ask at the top alone
            if first > most:
                most, at = first, 1 + others // first
            elif first and first == most:
                at += 1 + others // first
            low += ID_CHUNK
        self.index.snapshot_cache[key] = (self.searcher, (most, at))
        return most, at

    @staticmethod
    def _key(name, key):
        return str(key) if name in ("kind", "publisher", "language") else int(key)

    def _rows(self, counts, selected, limits):
        """(facet, value, label, count) rows as facets.py's SQL gives them: a limited facet's
        chosen values, then its others by count and slug (the publisher: by name) up to
        `limit` + chosen; the labels of officials, topics and meetings, and the first slugs of
        a tie at the edge, read in one query."""
        plan = {}
        for name, values in counts.items():
            chosen = selected[name]
            if name not in LIMITED:
                plan[name] = (list(values), [], 0)
                continue
            cut = limits[name] + len(chosen)
            ordered = heapq.nlargest(cut, values.values())
            edge = ordered[cut - 1] if len(ordered) >= cut else 0
            mine = [k for k in values if k in chosen]
            above, tied = [], []
            for k, n in values.items():
                if n >= edge and k not in chosen:
                    (above if n > edge else tied).append(k)
            plan[name] = (mine + above, tied, max(0, cut - len(mine) - len(above)))
        labels = _link_labels(
            {name: plan[name][0] for name in plan if name in LINKS},
            {name: plan[name][1:] for name in plan if name in LINKS},
            {name: len(counts[name]) for name in plan if name in LINKS},
        )
        rows = []
        for name, (keys, tied, need) in plan.items():
            values, chosen = counts[name], selected[name]
            if name in LINKS:
                found = labels.get(name, {})
                keys = [k for k in keys if k in found] + [k for k in tied if k in found]
                shown = [(*found[k], values[k], k in chosen) for k in keys]
            elif name == "country":
                shown = [(country_of(k), "", values[k], k in chosen) for k in keys]
            else:
                keys = keys + sorted(tied)[:need]
                shown = [(_facet_value(name, k), "", values[k], k in chosen) for k in keys]
            if name in LIMITED:
                mine = [row for row in shown if row[3]]
                others = sorted((r for r in shown if not r[3]), key=lambda r: (-r[2], r[0]))
                shown = mine + others[: limits[name] + len(chosen) - len(mine)]
            rows += [(name, value, label, n) for value, label, n, _ in shown]
        return rows

    def month_counts(self, first, last):
        """{(year, month): statements} of the matches dated `first` to `last` (their listing
        date, as the index's `day`), months with none left out: one aggregation of the days
        (at most 731: the search page asks for two years at most)."""
        days = Query.range_query(
            SCHEMA, "day", tantivy.FieldType.Integer, first.toordinal(), last.toordinal()
        )
        terms = {"field": "day", "size": MAX_BUCKETS, "segment_size": MAX_BUCKETS}
        found = self._aggregate(combine(self.query, [days]), {"day": {"terms": terms}})
        counts = {}
        for bucket in found["day"]["buckets"]:
            day = datetime.date.fromordinal(int(bucket["key"]))
            counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + int(
                bucket["doc_count"]
            )
        return counts

    # snippets ---------------------------------------------------------------------------------

    def snippets(self, statements):
        """{id: body excerpt with START/STOP around each match}, as today's snippets: about
        SNIPPET_WORDS words around the densest matches, " … " where the body goes on. A Spanish
        statement's body is read as its field (`body_es`) analyses it."""
        generators = {}
        out = {}
        for statement in statements:
            field = "body_es" if statement.language == "es" else "body"
            if field not in generators:
                words = self._highlight_query(field)
                generators[field] = words and tantivy.SnippetGenerator.create(
                    self.searcher, words, SCHEMA, field
                )
            generator = generators[field]
            if not generator:
                continue
            body = statement.body or ""
            generator.set_max_num_chars(len(body.encode("utf-8", "surrogatepass")) + 1)
            try:
                snippet = generator.snippet_from_doc(tantivy.Document(**{field: [body]}))
            except (ValueError, UnicodeError):  # pragma: no cover - defensive
                continue
            start = snippet.fragment_range().start
            spans = [(start + r.start, start + r.end) for r in snippet.highlighted()]
            if spans:
                out[statement.pk] = excerpt(body, _char_spans(body, spans))
        return out

    def _highlight_query(self, field="body"):
        """The words to mark in bodies of `field`: each positive term's words, stemmed in the
        field's language, and the index terms a prefix stands for (a regex query tells the
        snippet generator no terms); None if there are none."""
        language = FIELD_LANGUAGE.get(field, "en")
        clauses = []
        for term in self.parsed.positive_terms:
            stems = analyzer_for(language).analyze(term.text)
            words = stems[:-1] if term.prefix else stems
            clauses += [Query.term_query(SCHEMA, field, w) for w in words]
            if term.prefix:
                for prefix in _prefixes(term, language):
                    expanded = self.searcher.terms_with_prefix(
                        field, prefix, limit=HIGHLIGHT_EXPANSIONS
                    )
                    clauses += [Query.term_query(SCHEMA, field, w) for w, _ in expanded]
        return _any(clauses) if clauses else None


def _id_in(ids):
    """SQL `id IN (…)` for a list of ids, and its parameters (one parameter for a long list).

    On PostgreSQL a long list is `id = ANY(array)`, not `id IN (SELECT unnest(array))`: the
    subquery became a join that looked every id up and then sorted them all (966 tied meetings
    for "Lopez Obrador" at 100,000 statements: 2.8 ms), where the array is a filter the planner
    can apply while it reads the slug index in order, stopping at the LIMIT (1.3 ms)."""
    if len(ids) <= 50:
        return "id IN (" + ", ".join(["%s"] * len(ids)) + ")", list(ids)
    if connection.vendor == "sqlite":
        return "id IN (SELECT value FROM json_each(%s))", [json.dumps(list(ids))]
    return "id = ANY(%s::bigint[])", [list(ids)]


def _link_labels(wanted, ties, spread=None, *, scan=True):
    """{facet: {id: (slug, label)}} for the official, topic and meeting ids `wanted`, and for
    the first `need` by slug of each facet's `ties` ({facet: (ids, need)}), in one query.

    A long tie (meetings: thousands reported by as many statements) is not looked up id by id:
    the first slugs of the whole table are read in order, as many as should hold `need` of the
    tie given its share of the values (`spread`: {facet: how many values the search counted});
    only if they do not, a second query looks the tie's ids up.
    """
    spread = spread or {}
    parts, params, scans = [], [], {}
    for index, name in enumerate(sorted(set(wanted) | set(ties))):
        model, label = LINKS[name][2], LINKS[name][3]
        select = f"SELECT '{name}' AS f, id, slug, {label} AS l FROM {model._meta.db_table}"
        if wanted.get(name):
            where, where_params = _id_in(wanted[name])
            parts.append(f"{select} WHERE {where}")
            params += where_params
        tied, need = ties.get(name, ([], 0))
        if not (tied and need):
            continue
        if scan and len(tied) > LONG_TIE:
            share = len(tied) / max(spread.get(name, len(tied)), len(tied))
            rows = min(MAX_TIE_SCAN, int(need / share * 2) + 50)
            select = select.replace(f"'{name}' AS f", f"'{name}:scan' AS f")
            parts.append(f"SELECT * FROM ({select} ORDER BY slug LIMIT {rows}) t{index}")
            scans[name] = (set(tied), need, rows)
        else:
            where, where_params = _id_in(tied)
            parts.append(
                f"SELECT * FROM ({select} WHERE {where} ORDER BY slug LIMIT {int(need)}) t{index}"
            )
            params += where_params
    if not parts:
        return {}
    found, scanned = {}, {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for name, pk, slug, label in cursor.fetchall():
            if name.endswith(":scan"):
                scanned.setdefault(name[:-5], []).append((slug, pk, label))
            else:
                found.setdefault(name, {})[pk] = (slug, label)
    for name, (tied, need, rows) in scans.items():
        seen = scanned.get(name, [])  # in the database's slug order (its collation)
        picked = [(pk, slug, label) for slug, pk, label in seen if pk in tied][:need]
        if len(picked) < need and len(seen) >= rows:  # the scan ended before: look them up
            found.setdefault(name, {}).update(
                _link_labels({}, {name: (sorted(tied), need)}, scan=False).get(name, {})
            )
            continue
        found.setdefault(name, {}).update({pk: (slug, label) for pk, slug, label in picked})
    return found


def _char_spans(body, spans):
    """(start, end) UTF-8 byte offsets in `body` as character offsets."""
    raw = body.encode("utf-8", "surrogatepass")
    if len(raw) == len(body):  # ASCII: the same
        return spans
    offsets = sorted({offset for span in spans for offset in span})
    chars, done, position = {}, 0, 0
    for offset in offsets:
        position += len(raw[done:offset].decode("utf-8", "replace"))
        chars[offset], done = position, offset
    return [(chars[a], chars[b]) for a, b in spans]


def excerpt(body, marks, words=SNIPPET_WORDS):
    """About `words` words of `body` around the densest run of `marks` ((start, end) character
    offsets of matched words), with START/STOP around the marks inside it."""
    marks = sorted(set(marks))
    keys = [body[a:b].casefold() for a, b in marks]
    # The window of SNIPPET_CHARS characters holding the most distinct matched words, then the
    # most matches; the first such (two pointers: the window's first and past-last marks).
    best, best_end, best_score = 0, 1, None
    seen, end = {}, 0
    for i, (start, _) in enumerate(marks):
        while end < len(marks) and marks[end][1] - start <= SNIPPET_CHARS:
            seen[keys[end]] = seen.get(keys[end], 0) + 1
            end += 1
        if end > i:
            score = (len(seen), end - i)
            if best_score is None or score > best_score:
                best, best_end, best_score = i, end, score
            seen[keys[i]] -= 1
            if not seen[keys[i]]:
                del seen[keys[i]]
        else:  # one mark longer than the window
            end = i + 1
    first, last = marks[best][0], max(m[1] for m in marks[best:best_end])
    # Words around the run, centred on it, from a slice of the body around it.
    lo, hi = max(0, first - SNIPPET_CHARS * 2), min(len(body), last + SNIPPET_CHARS * 2)
    spans = [m.span() for m in _WORD.finditer(body, lo, hi)]
    if spans and spans[0][0] == lo and lo and _WORD.match(body, lo - 1):
        spans = spans[1:]  # a word cut by the slice
    inside = [i for i, (a, b) in enumerate(spans) if b > first and a < last]
    if not inside:
        return None
    before = max(0, (words - len(inside)) // 2)
    begin = max(0, inside[0] - before)
    end = min(len(spans), begin + words)
    begin = max(0, end - words)
    text_start, text_end = spans[begin][0], spans[end - 1][1]
    if begin == 0 and lo == 0:
        text_start = 0
    out, pos = [], text_start
    for a, b in marks:
        if a < text_start or b > text_end:
            continue
        out += [body[pos:a], START, body[a:b], STOP]
        pos = b
    out.append(body[pos:text_end])
    text = " ".join("".join(out).split())
    lead = "… " if text_start > 0 and body[:text_start].strip() else ""
    tail = " …" if body[text_end:].strip() else ""
    return lead + text + tail


# --- entry points ---------------------------------------------------------------------------


def ready_index():
    """The index, current with the database, or None: turned off, or not built yet."""
    if not settings.SEARCH_INDEX_ENABLED:
        return None
    from statements.search import sync

    try:
        index = get_index()
        # False: unbuilt, or it must be rebuilt (built from another database, behind what the
        # log still holds) and another process is at it: what it holds is not this archive.
        if not sync.ensure_fresh(index):
            return None
    except Exception:  # the database path answers while the index cannot
        logger.exception("search index unavailable; searching the database")
        return None
    return index if index.position() is not None else None


class IndexResults(SearchResults):
    """`SearchResults` answered by the index, opened (and brought up to date) on first use;
    while no index is built, by the database as `SearchResults`. `matched` and `filtered` stay
    the database's querysets (lazy): the reference path."""

    def __init__(self, engine, query, filtered, matched, sort, filterset=None):
        super().__init__(engine, query, filtered, matched, sort)
        self.filterset = filterset
        # How many results by relevance the page will show, counted from the first: ranked by
        # the count's search (`IndexSearch.rank_first`). A guess that proves wrong (a page past
        # the end) only costs the ranking its own search again.
        self.rank_first = PAGE_ROWS

    def expect_page(self, number, size=PAGE_ROWS):
        """The page (from 1) the caller will ask for, if it knows it before counting (pages
        past RANK_WITH_COUNT results are ranked by a search of their own, as before)."""
        rows = max(1, number) * size
        self.rank_first = rows if rows <= RANK_WITH_COUNT else 0
        search = self.__dict__.get("index_search")  # already opened: its count may be to come
        if search is not None and self.sort == "relevance" and self.query.groups:
            search.rank_first = self.rank_first

    @cached_property
    def index_search(self):
        """This request's IndexSearch, or None: the database answers."""
        index = ready_index()
        if index is None:
            return None
        search = IndexSearch(index, self.query, self.filterset)
        if self.sort == "relevance" and self.query.groups:
            search.rank_first = self.rank_first
        return search

    @property
    def few_ids(self):
        if self.index_search is not None:
            return None
        return SearchResults.few_ids.func(self)

    def count(self):
        if self.index_search is None:
            return super().count()
        if self._count is None:
            self._count = self.index_search.count()
        return self._count

    def ids(self, offset, limit):
        if self.index_search is None:
            return super().ids(offset, limit)
        return self.index_search.ids(self.sort, offset, limit)

    def start_facets(self, names, limit=FACET_LIMIT, expanded=()):
        """Begin `count_and_facets` (same arguments) in a worker thread (`IndexSearch.
        start_facets`), counting the results now; False while the database answers."""
        if self.index_search is None:
            return False
        self.index_search.start_facets(names, limit, expanded)
        return True

    def count_and_facets(self, names, limit=FACET_LIMIT, expanded=()):
        """(count, facets) from the index; None while the database answers."""
        if self.index_search is None:
            return None
        try:
            count, facets = self.index_search.count_and_facets(names, limit, expanded)
        except FacetsTooLarge:  # exact, if slow: the database counts this one (never a 500)
            logger.warning("facets beyond the index's bucket limit; the database counts them")
            return None
        self._count = count
        return count, facets

    def load(self, ids, *, with_snippets=True):
        if self.index_search is None:
            return super().load(ids, with_snippets=with_snippets)
        from statements.search.base import plain_snippet
        from statements.search.listing import load_listing

        statements = load_listing(ids, self.related)
        snippets = {}
        if with_snippets and self.query.groups:
            snippets = self.index_search.snippets(statements)
        for statement in statements:
            statement.snippet = snippets.get(statement.pk) or plain_snippet(statement.body)
        return statements


def index_results(engine, query, filtered, matched, sort, filterset=None):
    """IndexResults for a search of every published statement (narrowed by `filterset`), or
    None if the index is turned off (`SEARCH_INDEX_ENABLED`). Nothing runs until asked."""
    if not settings.SEARCH_INDEX_ENABLED:
        return None
    return IndexResults(engine, query, filtered, matched, sort, filterset)
