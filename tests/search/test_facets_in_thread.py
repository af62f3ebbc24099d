"""The search page's facets counted in a worker thread (`IndexSearch.start_facets`) while the
request's thread loads the page: the same answers as counting them when asked, and as the
database; the worker only reads the index (never the database); its errors reach the caller."""

import threading

import pytest
from django.db.backends.signals import connection_created
from django.http import QueryDict
from django.urls import reverse

from statements.search import engine
from statements.search.faceted import faceted_search
from tests.search.test_long_ties import TIED, lowered, meetings  # noqa: F401 - fixtures
from tests.search.test_tantivy_search import FILTERS, QUERIES, answer, with_q

SEARCH = reverse("statements:search")
PAGES = ["", "q=fentanyl", "q=migration&kind=readout", "q=Lopez+Obrador&topic=trade", "q=-Canada"]


@pytest.fixture
def threads(monkeypatch):
    """{"counts": [thread of each `_counts`], "walks": [thread of each `_walk_tie`],
    "connected": [thread of each new database connection]}."""
    seen = {"counts": [], "walks": [], "connected": []}
    counts, walk = engine.IndexSearch._counts, engine.IndexSearch._walk_tie

    def counting(self, *args):
        seen["counts"].append(threading.current_thread())
        return counts(self, *args)

    def walking(self, *args):
        seen["walks"].append(threading.current_thread())
        return walk(self, *args)

    def connected(sender, connection, **kwargs):
        seen["connected"].append(threading.current_thread())

    monkeypatch.setattr(engine.IndexSearch, "_counts", counting)
    monkeypatch.setattr(engine.IndexSearch, "_walk_tie", walking)
    connection_created.connect(connected)
    yield seen
    connection_created.disconnect(connected)


def threaded(params):
    """(count, facets, ids) of a faceted search as the search page makes it: the facets begun
    in the worker, the page loaded, then the facets."""
    found = faceted_search(QueryDict(params))
    found.start_facets()
    count = found.results.count()
    ids = [s.pk for s in found.results[0:count]]
    facets = {
        name: [(v.value, v.label, v.count, v.selected) for v in values]
        for name, values in found.facets.items()
    }
    return count, facets, ids


@pytest.mark.parametrize("extra", ["", *FILTERS[1:4], FILTERS[7], FILTERS[14], FILTERS[18]])
def test_facets_counted_in_a_worker_are_the_databases(archive, threads, extra):
    for q in QUERIES:
        params = with_q(q, extra)
        count, facets, ids, path = answer(params, index=False)
        assert path == "database"
        found = threaded(params)
        assert found[:2] == (count, facets), params
        assert set(found[2]) == set(ids), params
    main = threading.current_thread()
    # Browsing everything is counted once per snapshot, in this thread; the rest in the worker.
    assert any(thread is not main for thread in threads["counts"])
    assert all(thread is main for thread in threads["connected"])


def test_a_long_tie_is_walked_in_the_requests_thread(meetings, lowered, threads):  # noqa: F811
    """The walk reads the database (slugs in order): never in the worker."""
    count, facets, ids, _ = answer("q=walkword", index=False)
    found = threaded("q=walkword")
    assert found[:2] == (count, facets) and set(found[2]) == set(ids)
    assert count == 2 * TIED + 30
    main = threading.current_thread()
    assert threads["walks"] and all(thread is main for thread in threads["walks"])
    assert len(threads["counts"]) == 1 and threads["counts"][0] is not main
    assert all(thread is main for thread in threads["connected"])


@pytest.mark.parametrize("params", PAGES)
def test_the_page_is_the_same_either_way(client, archive, threads, settings, params):
    settings.SEARCH_FACETS_IN_THREAD = False
    alone = client.get(SEARCH + "?" + params)
    assert all(thread is threading.current_thread() for thread in threads["counts"])
    settings.SEARCH_FACETS_IN_THREAD = True
    threads["counts"].clear()
    both = client.get(SEARCH + "?" + params)
    assert both.status_code == alone.status_code == 200
    assert both.content == alone.content
    if params:  # (browsing everything: counted once per snapshot, in the request's thread)
        assert threads["counts"] and threads["counts"][0] is not threading.current_thread()


def test_facets_too_large_in_the_worker_are_counted_by_the_database(client, archive, monkeypatch):
    """Tantivy's bucket limit met in the worker: the database counts them, as when asked."""
    aggregate, raised = engine.IndexSearch._aggregate, []

    def limited(self, query, aggs):
        if threading.current_thread() is not threading.main_thread():
            raised.append(True)
            raise engine.FacetsTooLarge("too many")
        return aggregate(self, query, aggs)

    reference = answer("q=fentanyl&kind=readout", index=False)
    monkeypatch.setattr(engine.IndexSearch, "_aggregate", limited)
    found = faceted_search(QueryDict("q=fentanyl&kind=readout"))
    found.start_facets()
    facets = {
        name: [(v.value, v.label, v.count, v.selected) for v in values]
        for name, values in found.facets.items()
    }
    assert raised and facets == reference[1]
    assert client.get(SEARCH, {"q": "fentanyl", "kind": "readout"}).status_code == 200


def test_an_error_in_the_worker_reaches_the_request(archive, monkeypatch):
    def broken(self, *args):
        raise RuntimeError("broken aggregation")

    monkeypatch.setattr(engine.IndexSearch, "_counts", broken)
    found = faceted_search(QueryDict("q=fentanyl"))
    found.start_facets()
    assert found.results.count() == 5  # made before the worker starts
    with pytest.raises(RuntimeError, match="broken aggregation"):
        found.facets  # noqa: B018
