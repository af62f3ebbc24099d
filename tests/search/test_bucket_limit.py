"""A facet with more values than one Tantivy aggregation may make (its bucket limit, 65,000).

At 1M statements (332,000 meetings) the whole-archive totals that the complement counting
subtracts from made Tantivy abort ("bucket limit was exceeded") and a common word answered 500.
Reproduced on the benchmark's 1M index; too big for the suite, so here a real small index whose
searcher answers that one aggregation with Tantivy's own error."""

import pytest

from statements.search import engine
from statements.search.index import SearchIndex, _row, document
from statements.search.query import parse

BUCKET_ERROR = (
    "Aborting aggregation because bucket limit was exceeded. Limit: 65000, Current: 67895"
)
NAMES = ["meeting", "kind"]


@pytest.fixture(scope="module")
def small_index(tmp_path_factory):
    """Real documents on disk: 300 statements, one meeting each; 'migration' in 290."""
    index = SearchIndex(tmp_path_factory.mktemp("buckets"))
    writer = index.index.writer(50_000_000, 1)
    for pk in range(1, 301):
        body = "migration talks" if pk > 10 else "trade talks"
        row = _row(pk, "Readout", "", body, None, "readout", "", "en")
        row["meeting"] = [pk]
        writer.add_document(document(row))
    writer.commit()
    writer.wait_merging_threads()
    index._record(1)
    index.reload()
    return index


class WholeArchiveTooBig:
    """The index's searcher, except that counting every value over the whole archive fails as
    Tantivy fails when the values outnumber its bucket limit."""

    def __init__(self, searcher):
        self.searcher = searcher

    def aggregate(self, query, aggs):
        terms = [agg["terms"] for agg in aggs.values() if "terms" in agg]
        whole = repr(query) == repr(engine.Query.all_query())  # `_totals`: every statement,
        if whole and "n" in aggs and all(t["size"] == engine.MAX_BUCKETS for t in terms):
            raise ValueError(BUCKET_ERROR)
        return self.searcher.aggregate(query, aggs)

    def __getattr__(self, name):
        return getattr(self.searcher, name)


def test_a_common_word_is_counted_without_the_totals_exactly(small_index, db):
    """(`db`: the meetings' long tie is looked for in the database's meetings, none here.)"""
    limits = dict.fromkeys(NAMES, 12)
    selected = dict.fromkeys(NAMES, {})
    reference = engine.IndexSearch(small_index, parse("migration"))
    expected = reference._counts(NAMES, limits, selected)
    assert reference.by_complement  # 290 of 300: the complement path, with its totals

    small_index.snapshot_cache.clear()
    crowded = engine.IndexSearch(small_index, parse("migration"))
    crowded.searcher = WholeArchiveTooBig(crowded.searcher)
    assert crowded._counts(NAMES, limits, selected) == expected  # it answered 500 before
    assert not crowded.by_complement
    small_index.snapshot_cache.clear()


def test_any_other_bucket_overflow_hands_the_facets_to_the_database(small_index):
    """The last resort: `IndexResults` gives the facets up (None) and the faceted search counts
    them in the database, the reference path, instead of answering 500."""

    class Overflowing(WholeArchiveTooBig):
        def aggregate(self, query, aggs):
            raise ValueError(BUCKET_ERROR)

    search = engine.IndexSearch(small_index, parse("trade"))
    search.searcher = Overflowing(search.searcher)
    with pytest.raises(engine.FacetsTooLarge):
        search.count_and_facets(NAMES)
    results = engine.IndexResults.__new__(engine.IndexResults)
    results.__dict__["index_search"] = search
    assert results.count_and_facets(NAMES) is None
    assert search.count() == 10  # the rest still comes from the index
