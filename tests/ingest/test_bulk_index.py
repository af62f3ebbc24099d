"""The bulk import feeds the search index from the rows it writes (issue 14 item 4).

The yardstick is a rebuild from the database: after an import, and after an import that died
half way and the normal catch-up, the index holds exactly what a rebuild reads (every
document's fingerprint), answers searches alike, and `search_index --check` is clean.
"""

import io
import signal
import time

import pytest
from django.core.management import call_command
from django.db import connection

from bench import generate
from statements.ingest import bulk, pipeline
from statements.ingest.documents import read_document
from statements.models import Statement
from statements.search import sync
from statements.search.engine import IndexSearch
from statements.search.index import BulkWriter, SearchIndex, database_fingerprints, get_index
from statements.search.query import parse
from tests.conftest import SEEDS_DIR

pytestmark = pytest.mark.django_db
QUERIES = ["migration", '"arms trafficking"', "fentanyl OR border", "lopez", "secur*", ""]


@pytest.fixture
def often(monkeypatch):
    """An index commit every other batch, so a small import makes several."""
    monkeypatch.setattr(sync, "COMMIT_BATCHES", 2)


def answers(index):
    """What a few searches find: the count, every match, the first page newest first. (Not the
    order by relevance: a document replaced in place still counts in its segment's word
    statistics until a merge, so near-ties may swap, as after any catch-up.)"""
    index.reload()
    found = {}
    for q in QUERIES:
        search = IndexSearch(index, parse(q))
        count = search.count()
        found[q] = (count, sorted(search.ids("relevance", 0, count)), search.ids("newest", 0, 20))
    return found


def assert_same_as_a_rebuild(tmp_path):
    index = get_index()
    index.reload()
    in_index = index.doc_fingerprints()
    assert in_index == database_fingerprints()
    rebuilt = SearchIndex(tmp_path / "rebuilt")
    assert rebuilt.rebuild(position=0) == index.num_docs() == len(in_index)
    assert answers(index) == answers(rebuilt)
    assert answers(index)["migration"][0] > 0


@pytest.mark.parametrize("mode", bulk.MEETING_MODES)
def test_the_import_feeds_the_index_from_its_own_rows(mode, often, tmp_path):
    summary = bulk.save_many(generate.corpus(70), batch_size=10, meetings=mode)
    assert summary.created == 70
    published = Statement.objects.published().count()
    # Every statement indexed from the rows written, none read again: the log rows of the
    # INSERTs were claimed; only what a batch changed later (undated statements' listing dates,
    # review notes) was re-read.
    assert summary.index["fed"] and summary.index["claimed"] == published == 70
    assert summary.index["commits"] >= 4
    assert summary.index["reread"] < published / 2
    assert sync.catch_up() == 0  # nothing left for the catch-up after the import
    assert sync.lag()["behind"] == 0
    assert_same_as_a_rebuild(tmp_path)


def test_the_seeds_import_as_the_per_document_path_indexes_them(often, tmp_path):
    """Real documents, real extraction, meetings matched: the index equals a rebuild."""
    extractions = [pipeline.extract(read_document(p)) for p in sorted(SEEDS_DIR.glob("*.txt"))]
    summary = bulk.save_many(extractions, batch_size=2)
    assert summary.created == len(extractions) and summary.index["fed"]
    assert_same_as_a_rebuild(tmp_path)


def test_documents_saved_one_by_one_and_other_writers_reach_the_index(often, tmp_path):
    bulk.save_many(generate.corpus(20), batch_size=10, meetings="by-report")
    other = Statement.objects.published().order_by("pk").first()

    def meanwhile(done):  # another writer, between two batches of the import
        if done == 30:
            Statement.objects.filter(pk=other.pk).update(title="Retitled during the import")

    again = bulk.save_many(
        generate.corpus(45), batch_size=10, meetings="by-report", on_batch=meanwhile
    )
    assert again.one_by_one == 20 and again.created == 25
    assert again.index["reread"] >= 1  # the retitled one, read again from the database
    assert sync.catch_up() == 0
    assert_same_as_a_rebuild(tmp_path)


def test_searches_during_an_import_do_not_wait_for_its_writer(often):
    """The import holds the index's writer from start to end: a search meanwhile uses the last
    commit at once (it would wait `sync.WAIT` for a short catch-up)."""
    waited = []

    def search(done):
        if done == 20:
            Statement.objects.filter(pk=1).update(title="Behind until the next commit")
            started = time.perf_counter()
            assert sync.ensure_fresh() is True
            waited.append(time.perf_counter() - started)

    bulk.save_many(generate.corpus(30), batch_size=10, meetings="by-report", on_batch=search)
    assert waited and waited[0] < sync.WAIT / 2
    assert not (get_index().path / sync.IMPORTING).exists()
    assert get_index().doc_fingerprints() == database_fingerprints()


def test_drafts_are_not_fed(often):
    summary = bulk.save_many(
        generate.corpus(20), batch_size=10, status=Statement.Status.DRAFT, meetings="by-report"
    )
    assert summary.created == 20 and summary.index["claimed"] == 0
    assert get_index().num_docs() == 0
    assert get_index().doc_fingerprints() == database_fingerprints() == {}


class Stop(Exception):
    pass


def test_an_import_that_fails_half_way_leaves_an_index_the_catch_up_makes_right(often, tmp_path):
    def fail(done):
        if done == 50:
            raise Stop

    with pytest.raises(Stop):
        bulk.save_many(generate.corpus(90), batch_size=10, meetings="trust-reports", on_batch=fail)
    assert Statement.objects.count() == 50
    index = get_index()
    index.reload()
    # The index committed what the import had sent, with the log position it had reached.
    assert index.num_docs() == 50
    assert sync.catch_up() == 0
    out = io.StringIO()
    call_command("search_index", "--check", stdout=out)
    assert "matches the database: 50 statements" in out.getvalue()
    assert_same_as_a_rebuild(tmp_path)


def test_when_indexing_fails_the_import_goes_on_and_the_catch_up_applies_the_rest(
    often, monkeypatch, tmp_path
):
    calls = []
    upsert = BulkWriter.upsert

    def failing(self, rows, delete_ids=()):
        calls.append(len(rows))
        if len(calls) == 4:
            raise OSError("disk full")
        return upsert(self, rows, delete_ids)

    monkeypatch.setattr(BulkWriter, "upsert", failing)
    summary = bulk.save_many(generate.corpus(80), batch_size=10, meetings="trust-reports")
    assert summary.created == 80 and summary.ok
    assert not summary.index["fed"]
    assert len(calls) == 4  # no more sent once the thread failed
    monkeypatch.setattr(BulkWriter, "upsert", upsert)
    assert sync.catch_up() == 0  # the import's own catch-up, at its end, applied the rest
    assert_same_as_a_rebuild(tmp_path)


def test_a_killed_import_is_made_right_by_the_catch_up(tmp_path):
    """A real process killed (SIGKILL) half way through a bulk import: the index is behind,
    not wrong; `search_index --check` (which catches up first) finds it equal to the database."""
    from tests.production.test_import_faults import ScratchDatabase

    database = ScratchDatabase(tmp_path)
    index_dir = tmp_path / "index"
    env = dict(database.env, DJANGO_SEARCH_INDEX_DIR=str(index_dir))
    script = (
        "from bench import generate; from statements.ingest import bulk; "
        "from statements.search import sync; sync.COMMIT_BATCHES = 2; "
        "bulk.save_many(generate.corpus(3000), batch_size=20, meetings='trust-reports')"
    )
    try:
        process = database.start("shell", "-c", script, env=env)
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()
            position = SearchIndex(index_dir).position() if index_dir.exists() else None
            if position and database.query("SELECT COUNT(*) FROM statements_statement") > 200:
                break
            time.sleep(0.2)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        imported = database.query("SELECT COUNT(*) FROM statements_statement")
        assert 0 < imported < 3000
        # Never ahead of the log (the kill may land just after a commit, then it is level).
        assert SearchIndex(index_dir).position() <= database.query(
            "SELECT max(seq) FROM statements_search_log"
        )
        result = database.manage("search_index", "--check", env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"matches the database: {imported:,} statements" in result.stdout
    finally:
        database.drop()


# PostgreSQL writes each batch on a second connection (`bulk._Writer`): that needs real
# commits, so these run outside a test transaction.
only_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the pipeline is PostgreSQL's"
)


@only_postgres
@pytest.mark.django_db(transaction=True)
def test_the_pipelined_import_feeds_the_index_from_its_own_rows(often, tmp_path):
    summary = bulk.save_many(generate.corpus(70), batch_size=10, meetings="trust-reports")
    assert summary.pipelined and summary.created == 70
    assert summary.index["fed"] and summary.index["claimed"] == 70
    assert summary.index["commits"] >= 4
    assert summary.index["reread"] < 35
    assert sync.catch_up() == 0
    assert sync.lag()["behind"] == 0
    assert_same_as_a_rebuild(tmp_path)


@only_postgres
@pytest.mark.django_db(transaction=True)
def test_a_pipelined_import_stops_where_its_callback_fails(often, tmp_path):
    """`on_batch` runs after each batch commits; its error stops the import there, with the
    batches built meanwhile not written, and reaches the caller."""

    def fail(done):
        if done == 50:
            raise Stop

    with pytest.raises(Stop):
        bulk.save_many(generate.corpus(90), batch_size=10, meetings="trust-reports", on_batch=fail)
    assert Statement.objects.count() == 50
    index = get_index()
    index.reload()
    assert index.num_docs() == 50
    assert sync.catch_up() == 0
    assert_same_as_a_rebuild(tmp_path)
