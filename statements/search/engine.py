"""Search answered by the Tantivy index (`index.py`): ranking, counts, facets and snippets.

    results = index_results(parse("fentanyl -canada"), filterset, sort="relevance")
    results.count(); results[0:20]; results.count_and_facets(names, selected)

`index_results` returns None while no index is built (or it is turned off: the setting
`SEARCH_INDEX_ENABLED`); callers then use the database path (`SearchResults`), which is also
the reference the engine is tested against.

The query is our own parse (`query.py`) turned into Tantivy query objects term by term, never
text for Tantivy's query parser, so no input can be an engine syntax error: a word is a term
query on each text field, a hyphenated or dotted word or a quoted phrase a phrase query, `word*`
a regex over the field's terms (the prefix as typed or stemmed), with the fields' weights as
boosts; groups are MUST, a group's alternatives (OR) SHOULD, exclusions MUST_NOT. Filters are
MUST clauses that score nothing. Facets are terms aggregations over the integer-coded fast
fields; a chosen (multi-select) facet is counted without its own filter, as `facets.py` does.
"""

import logging
from functools import cached_property

import tantivy
from django.conf import settings
from django.db import connection

from statements.search.base import PAGE_ROWS, SNIPPET_WORDS, START, STOP, SearchResults
from statements.search.facets import FACET_LIMIT, LIMITED, LINKS, finish_facets
from statements.search.index import (
    FOLDING,
    ID_BITS,
    SCHEMA,
    STEMMING,
    TEXT_FIELDS,
    WEIGHTS,
    country_code,
    country_of,
    get_index,
)
from statements.search.query import _WORD, ParsedQuery, Term

logger = logging.getLogger(__name__)

Query, Occur = tantivy.Query, tantivy.Occur
MAX_BUCKETS = 65_000  # Tantivy's limit of buckets per aggregation
MAX_TIE_FETCH = 20_000
HIGHLIGHT_EXPANSIONS = 100  # index terms a `prefix*` highlights at most, per prefix
ID_MASK = (1 << ID_BITS) - 1
# Characters around the matches a snippet is chosen from (~ SNIPPET_WORDS words).
SNIPPET_CHARS = SNIPPET_WORDS * 7


# --- the query ------------------------------------------------------------------------------


def _regex_literal(word):
    """`word` as a regex literal, or None if it is not plain letters and digits."""
    return word if word.isalnum() else None


def _prefixes(term: Term) -> list[str]:
    """The last word of a `prefix*` term as typed (folded) and stemmed: an index term that
    starts with either matches ("Trudea*" finds "trudeau", "semicond*" "semiconductor")."""
    stems = STEMMING.analyze(term.text)
    folded = FOLDING.analyze(term.text)
    return sorted({word for word in (folded[-1:] + stems[-1:]) if _regex_literal(word)})


def _any(queries):
    if len(queries) == 1:
        return queries[0]
    return Query.boolean_query([(Occur.Should, q) for q in queries])


def _in_field(term: Term, field: str):
    """`term` as a query on one field (unweighted), or None if it cannot match there."""
    stems = STEMMING.analyze(term.text)
    if not stems:
        return None
    if term.prefix:
        prefixes = _prefixes(term)
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
    """`term` on every text field, weighted (title 1.0, names 0.4, body 0.2)."""
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


def _filter_query(name, value):
    if name in ("official", "topic", "meeting"):
        return Query.term_set_query(SCHEMA, name, [item.pk for item in value])
    if name == "country":
        return Query.term_set_query(SCHEMA, "country", [country_code(code) for code in value])
    if name in ("publisher", "kind"):
        return Query.term_set_query(SCHEMA, name, [str(item) for item in value])
    if name == "year":
        return Query.term_set_query(SCHEMA, "year", [int(year) for year in value])
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


# --- one search -----------------------------------------------------------------------------


class IndexSearch:
    """One request's search over one snapshot of the index."""

    def __init__(self, index, parsed: ParsedQuery, filterset=None):
        self.index = index
        self.searcher = index.searcher()
        self.parsed = parsed
        self.filterset = filterset
        self.text = text_query(parsed)
        self.query = combine(self.text, filter_queries(filterset))

    def count(self):
        return self.searcher.search(self.query, 1, count=True).count

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

    def _relevant(self, needed):
        """The best `needed` ids by score, equal scores newest first (then by id, descending)
        as the database orders them: fetched past `needed` while a run of equal scores crosses
        the cut (up to MAX_TIE_FETCH: a `prefix*` alone scores every match alike)."""
        fetch = max(needed, PAGE_ROWS)
        while True:
            hits = self.searcher.search(self.query, fetch + 1, count=False).hits
            if len(hits) <= fetch or hits[fetch][0] != hits[needed - 1][0]:
                break
            if fetch >= MAX_TIE_FETCH:
                break
            fetch *= 4
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

    def count_and_facets(self, names, limit=FACET_LIMIT):
        """(count, {facet: [FacetValue]}) with the database path's semantics (facets.py)."""
        selected = {name: self._selected(name) for name in names}
        shared = [name for name in names if not selected[name]]
        aggs = {name: self._terms(name, limit, selected[name]) for name in shared}
        aggs["n"] = {"value_count": {"field": "id"}}
        found = self.searcher.aggregate(self.query, aggs)
        count = int(found["n"]["value"] or 0)
        counts = {}
        for name in names:
            if selected[name]:
                base = combine(self.text, filter_queries(self.filterset, without=name))
                answer = self.searcher.aggregate(
                    base, {name: self._terms(name, limit, selected[name])}
                )[name]
            else:
                base, answer = self.query, found[name]
            counts[name] = self._complete(name, base, answer, limit, selected[name])
        rows = self._rows(counts, selected, limit)
        labels = {name: self.filterset.selected(name) if self.filterset else {} for name in names}
        return count, finish_facets(rows, labels, names, limit)

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
            return {int(year): str(year) for year in chosen}
        return {str(item): str(item) for item in chosen}

    @staticmethod
    def _terms(name, limit, chosen, size=None):
        if size is None:
            size = MAX_BUCKETS
            if name in LIMITED:  # the top values, with room for ties at the edge
                size = min(MAX_BUCKETS, 4 * (limit + len(chosen)) + 20)
        return {"terms": {"field": name, "size": size, "segment_size": MAX_BUCKETS}}

    def _complete(self, name, base, answer, limit, chosen):
        """{key: count} with every value that can be shown: all values for small facets, the top
        ones and their ties for the limited ones; chosen values counted exactly."""
        buckets = answer["buckets"]
        counts = {self._key(name, b["key"]): int(b["doc_count"]) for b in buckets}
        cut = limit + len(chosen)
        truncated = answer.get("sum_other_doc_count", 0) > 0
        if truncated and name in LIMITED and len(counts) >= cut:
            edge = sorted(counts.values(), reverse=True)[cut - 1]
            if min(counts.values()) >= edge:  # the tie at the edge may go on: count them all
                answer = self.searcher.aggregate(
                    base, {name: self._terms(name, limit, chosen, size=MAX_BUCKETS)}
                )[name]
                counts = {self._key(name, b["key"]): int(b["doc_count"]) for b in answer["buckets"]}
        for key in chosen:
            if key not in counts:
                match = combine(base, [Query.term_query(SCHEMA, name, key)])
                counts[key] = self.searcher.search(match, 1, count=True).count
        return {key: n for key, n in counts.items() if n > 0}

    @staticmethod
    def _key(name, key):
        return str(key) if name in ("kind", "publisher") else int(key)

    def _rows(self, counts, selected, limit):
        """(facet, value, label, count) rows as facets.py's SQL gives them: the limited facets
        cut to the top `limit` and the chosen values, ties broken by slug (by value for the
        publisher); the labels of officials, topics and meetings read in one query."""
        keep = {}
        for name, values in counts.items():
            if name not in LIMITED:
                keep[name] = values
                continue
            cut = limit + len(selected[name])
            ordered = sorted(values.values(), reverse=True)
            edge = ordered[cut - 1] if len(ordered) >= cut else 0
            keep[name] = {k: n for k, n in values.items() if n >= edge or k in selected[name]}
        labels = _link_labels({name: list(keep[name]) for name in keep if name in LINKS})
        rows = []
        for name, values in keep.items():
            chosen = selected[name]
            if name in LINKS:
                found = labels.get(name, {})
                shown = [(*found[k], n, k in chosen) for k, n in values.items() if k in found]
            elif name == "country":
                shown = [(country_of(k), "", n, k in chosen) for k, n in values.items()]
            else:
                shown = [(str(k), "", n, k in chosen) for k, n in values.items()]
            if name in LIMITED:
                cut = limit + len(chosen)
                shown = sorted(shown, key=lambda r: (not r[3], -r[2], r[0]))[:cut]
            rows += [(name, value, label, n) for value, label, n, _ in shown]
        return rows

    # snippets ---------------------------------------------------------------------------------

    def snippets(self, statements):
        """{id: body excerpt with START/STOP around each match}, as today's snippets: about
        SNIPPET_WORDS words around the densest matches, " … " where the body goes on."""
        words = self._highlight_query()
        if words is None:
            return {}
        generator = tantivy.SnippetGenerator.create(self.searcher, words, SCHEMA, "body")
        out = {}
        for statement in statements:
            body = statement.body or ""
            generator.set_max_num_chars(len(body.encode("utf-8", "surrogatepass")) + 1)
            try:
                snippet = generator.snippet_from_doc(tantivy.Document(body=[body]))
            except (ValueError, UnicodeError):  # pragma: no cover - defensive
                continue
            start = snippet.fragment_range().start
            raw = body.encode("utf-8", "surrogatepass")
            marks = [
                (len(raw[: start + r.start].decode("utf-8", "replace")),
                 len(raw[: start + r.end].decode("utf-8", "replace")))
                for r in snippet.highlighted()
            ]  # fmt: skip
            if marks:
                out[statement.pk] = excerpt(body, marks)
        return out

    def _highlight_query(self):
        """The words to mark in bodies: each positive term's words, and the index terms a
        prefix stands for (a regex query tells the snippet generator no terms)."""
        clauses = []
        for term in self.parsed.positive_terms:
            stems = STEMMING.analyze(term.text)
            words = stems[:-1] if term.prefix else stems
            clauses += [Query.term_query(SCHEMA, "body", w) for w in words]
            if term.prefix:
                for prefix in _prefixes(term):
                    expanded = self.searcher.terms_with_prefix(
                        "body", prefix, limit=HIGHLIGHT_EXPANSIONS
                    )
                    clauses += [Query.term_query(SCHEMA, "body", w) for w, _ in expanded]
        return _any(clauses) if clauses else None


def _link_labels(wanted):
    """{facet: {id: (slug, label)}} for the official, topic and meeting ids wanted, in one
    query (UNION ALL)."""
    parts, params = [], []
    for name, ids in wanted.items():
        if not ids:
            continue
        model, label = LINKS[name][2], LINKS[name][3]
        marks = ", ".join(["%s"] * len(ids))
        parts.append(
            f"SELECT %s, id, slug, {label} FROM {model._meta.db_table} WHERE id IN ({marks})"
        )
        params += [name, *ids]
    if not parts:
        return {}
    found = {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for name, pk, slug, label in cursor.fetchall():
            found.setdefault(name, {})[pk] = (slug, label)
    return found


def excerpt(body, marks, words=SNIPPET_WORDS):
    """About `words` words of `body` around the densest run of `marks` ((start, end) character
    offsets of matched words), with START/STOP around the marks inside it."""
    marks = sorted(set(marks))
    # The window of SNIPPET_CHARS characters holding the most distinct matched words, then the
    # most matches; the first such.
    best, best_score = 0, None
    for i, (start, _) in enumerate(marks):
        inside = [m for m in marks[i:] if m[1] - start <= SNIPPET_CHARS]
        distinct = {body[a:b].casefold() for a, b in inside}
        score = (len(distinct), len(inside))
        if best_score is None or score > best_score:
            best, best_score = i, score
    first = marks[best][0]
    last = max(m[1] for m in marks[best:] if m[1] - first <= SNIPPET_CHARS)
    # Words around the run, centred on it, from a slice of the body around it.
    lo, hi = max(0, first - SNIPPET_CHARS * 2), min(len(body), last + SNIPPET_CHARS * 2)
    spans = [(m.start(), m.end()) for m in _WORD.finditer(body, lo, hi)]
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
        sync.ensure_fresh(index)
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

    @cached_property
    def index_search(self):
        """This request's IndexSearch, or None: the database answers."""
        index = ready_index()
        return IndexSearch(index, self.query, self.filterset) if index is not None else None

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

    def count_and_facets(self, names, limit=FACET_LIMIT):
        """(count, facets) from the index; None while the database answers."""
        if self.index_search is None:
            return None
        count, facets = self.index_search.count_and_facets(names, limit)
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
