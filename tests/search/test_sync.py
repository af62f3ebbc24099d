"""Never stale, never lost (issue 14 item 2): the index follows the change log, whatever fails."""

import json
import time

import pytest
from django.db import connection

from statements.models import Statement
from statements.search import changelog, sync
from statements.search.engine import ready_index
from statements.search.index import SearchIndex, database_fingerprints, get_index
from tests.factories import MentionFactory, ParticipantFactory, StatementFactory


def indexed(index):
    index.reload()
    return set(index.doc_fingerprints())


def published_ids():
    return set(Statement.objects.published().values_list("pk", flat=True))


def publish(statement):
    statement.status = Statement.Status.PUBLISHED
    statement.save()


def test_the_first_search_builds_the_index_without_drafts(archive):
    index = get_index()
    assert index.position() is None
    assert sync.ensure_fresh() is True
    assert indexed(index) == published_ids()
    assert archive["draft"].pk not in indexed(index)
    assert index.position() == changelog.safe_point()


def test_a_publish_is_searchable_at_once_and_an_unpublish_gone(archive):
    index = get_index()
    sync.ensure_fresh()
    draft = archive["draft"]
    started = time.perf_counter()
    publish(draft)
    sync.ensure_fresh()
    assert draft.pk in indexed(index)
    assert time.perf_counter() - started < 1.0
    draft.status = Statement.Status.DRAFT
    draft.save()
    sync.ensure_fresh()
    assert draft.pk not in indexed(index)
    assert index.doc_fingerprints() == database_fingerprints()


def test_every_change_reaches_the_index(archive):
    index = get_index()
    sync.ensure_fresh()
    statement = archive["003"]
    MentionFactory(statement=statement, participant=ParticipantFactory(country="CA"))
    Statement.objects.filter(pk=archive["000"].pk).update(title="Retitled by raw update")
    archive["002"].delete()
    with connection.cursor() as cursor:  # raw SQL, as a database console would
        cursor.execute(
            "DELETE FROM statements_statement_topics WHERE statement_id = %s", [archive["001"].pk]
        )
    assert sync.lag()["behind"] > 0
    sync.ensure_fresh()
    assert index.doc_fingerprints() == database_fingerprints()
    assert sync.lag() == {
        "applied": index.position(),
        "latest": changelog.state(0).latest,
        "behind": 0,
        "state": "current",
    }


def test_a_crash_between_commit_and_indexing_loses_nothing(archive, monkeypatch):
    """The database commits, the index write fails (the process dies): the change is in the
    log, and the next process to look applies it."""
    sync.ensure_fresh()
    position = get_index().position()

    def crash(self, upserts, deletes, position):
        raise SystemExit("killed before the index commit")

    monkeypatch.setattr(SearchIndex, "apply", crash)
    draft = archive["draft"]
    publish(draft)
    with pytest.raises(SystemExit):
        sync.catch_up()
    monkeypatch.undo()

    from statements.search import index as index_module

    index_module.reset_indexes()  # a new process: nothing remembered but the files
    restarted = get_index()
    assert restarted.position() == position  # the failed write recorded nothing
    assert draft.pk not in indexed(restarted)
    assert sync.catch_up() >= 1
    assert draft.pk in indexed(restarted)
    assert restarted.doc_fingerprints() == database_fingerprints()


def test_an_index_ahead_of_the_database_is_rebuilt(archive):
    """A database reset or restored from an older backup: the index's position is past the
    log's end, so patching it would keep documents the database no longer has."""
    index = get_index()
    ghost = StatementFactory(title="A ghost only the index remembers")
    index.rebuild(position=changelog.state(0).latest + 1000)
    Statement.objects.filter(pk=ghost.pk).delete()
    with connection.cursor() as cursor:  # the reset database's log knows nothing of it
        cursor.execute("DELETE FROM statements_search_log WHERE statement_id = %s", [ghost.pk])
    assert ghost.pk in indexed(index)
    assert sync.lag()["state"] == "rebuild needed"
    sync.ensure_fresh()
    assert ghost.pk not in indexed(index)
    assert index.position() <= changelog.state(0).latest
    assert index.doc_fingerprints() == database_fingerprints()


def test_an_index_of_another_database_is_rebuilt(archive):
    index = get_index()
    sync.ensure_fresh()
    state_file = index.path / sync.STATE_FILE
    state = json.loads(state_file.read_text())
    state_file.write_text(json.dumps({**state, "token": "another database"}))
    extra = StatementFactory(title="Only this database has it")
    index.apply([], [extra.pk], index.position())  # pretend the index never saw it ...
    changelog.prune(keep=1)  # ... and the log cannot say
    assert sync.ensure_fresh() is True
    assert extra.pk in indexed(index)


@pytest.mark.django_db(transaction=True)
def test_a_pruned_log_behind_the_index_rebuilds_it(settings):
    settings.SEARCH_INDEX_ENABLED = False  # no catch-up after each commit: this index lags
    StatementFactory()
    index = get_index()
    sync.ensure_fresh()
    old = index.position()
    StatementFactory()
    StatementFactory()
    changelog.prune(keep=1)
    assert changelog.state(old).pruned_through > old
    sync.ensure_fresh()
    assert index.doc_fingerprints() == database_fingerprints()


def test_drafts_never_enter_even_when_named_in_the_log(archive):
    index = get_index()
    sync.ensure_fresh()
    draft = archive["draft"]
    index.apply([draft.pk], [], index.position())
    assert draft.pk not in indexed(index)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO statements_search_log (statement_id, op) VALUES (%s, 'u')", [draft.pk]
        )
    sync.ensure_fresh()
    assert draft.pk not in indexed(index)


def test_catch_up_applies_a_long_log_in_batches(archive, monkeypatch):
    index = get_index()
    sync.ensure_fresh()
    monkeypatch.setattr(sync, "BATCH", 3)
    made = [StatementFactory() for _ in range(8)]
    assert sync.catch_up() == 8
    assert {s.pk for s in made} <= indexed(index)
    assert sync.lag()["behind"] == 0


def test_inside_a_transaction_of_its_own_nothing_is_indexed(archive):
    from django.db import transaction

    index = get_index()
    sync.ensure_fresh()
    before = index.position()
    with transaction.atomic():
        publish(archive["draft"])
        assert sync.catch_up() == 0
        sync.ensure_fresh()
        assert archive["draft"].pk not in indexed(index)
    assert index.position() == before


def test_healthz_reports_the_index_lag(client, archive):
    sync.ensure_fresh()
    publish(archive["draft"])
    body = client.get("/healthz").json()
    assert body["search_index"]["behind"] >= 1
    assert body["search_index"]["state"] == "behind"
    sync.ensure_fresh()
    body = client.get("/healthz").json()
    assert body["search_index"]["behind"] == 0 and body["search_index"]["state"] == "current"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL commits out of order")
@pytest.mark.django_db(transaction=True)
def test_a_lower_seq_committing_late_is_not_skipped():
    """A takes the lower seq, B commits first and is indexed; the position stays below A's
    row, so A is indexed when it commits."""
    import psycopg

    first = StatementFactory(status=Statement.Status.DRAFT, title="First")
    second = StatementFactory(status=Statement.Status.DRAFT, title="Second")
    index = get_index()
    sync.ensure_fresh()
    settings = connection.settings_dict
    dsn = f"host={settings['HOST']} port={settings['PORT'] or 5432} user={settings['USER']} "
    dsn += f"dbname={settings['NAME']}"
    with psycopg.connect(dsn) as other:
        other.execute(
            "UPDATE statements_statement SET status = 'published' WHERE id = %s", [first.pk]
        )
        Statement.objects.filter(pk=second.pk).update(status="published")
        sync.ensure_fresh()
        assert indexed(index) == {second.pk}
        assert sync.lag()["state"] == "current"
        other.commit()
    assert sync.lag()["state"] == "behind"
    sync.ensure_fresh()
    assert indexed(index) == {first.pk, second.pk}
    assert sync.lag() == {
        "applied": changelog.state(0).latest,
        "latest": changelog.state(0).latest,
        "behind": 0,
        "state": "current",
    }


def test_one_writer_per_index_directory(archive):
    """Another process (here: a lock held on its own file handle) is writing the index: a
    search waits at most `WAIT`, writes nothing, and serves what is there; then catches up."""
    import fcntl

    index = get_index()
    sync.ensure_fresh()
    publish(archive["draft"])
    with open(index.path / sync.LOCK_FILE, "a") as other_process:
        fcntl.flock(other_process, fcntl.LOCK_EX)
        started = time.perf_counter()
        assert sync.ensure_fresh(wait=0.2) is True  # behind, but usable
        assert 0.2 <= time.perf_counter() - started < 1.0
        assert sync.catch_up(blocking=False) == 0
        assert archive["draft"].pk not in indexed(index)
        fcntl.flock(other_process, fcntl.LOCK_UN)
    sync.ensure_fresh()
    assert archive["draft"].pk in indexed(index)


def test_writes_inside_deferred_catch_up_once_at_the_end(
    archive, django_capture_on_commit_callbacks
):
    """An import of many documents (import_paths) makes one index commit, not one per
    document; what it wrote is searchable as soon as it ends."""
    index = get_index()
    sync.ensure_fresh()
    before = index.position()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, sync.deferred():
        publish(archive["draft"])
        archive["000"].title = "Retitled while deferred"
        archive["000"].save()
        assert callbacks == [] and index.position() == before
    assert len(callbacks) == 1
    assert archive["draft"].pk in indexed(index)
    assert index.doc_fingerprints() == database_fingerprints()


def test_ready_index_is_none_while_another_writer_must_rebuild_it(archive):
    """`ensure_fresh` says False (unbuilt here, rebuild needed, someone else writing): the
    database answers, not an index built from another database."""
    index = get_index()
    assert ready_index() is index
    state = sync._State.read(index)
    sync._State(state.position, state.applied, "another-database").write(index)
    assert index.position() is not None
    with sync._writing(index, blocking=True):  # another process's lock, as far as flock knows
        assert ready_index() is None
    assert ready_index() is index  # rebuilt now that nobody else is writing
    assert sync._State.read(index).token == changelog.state(0).token
