"""The search change log (migration 0010): every write that changes what search shows leaves a
row naming the statement, in the write's own transaction, whoever writes."""

import pytest
from django.db import connection, transaction

from statements.models import MeetingReport, Statement, StatementParticipant
from statements.search import changelog
from tests.factories import MentionFactory, ParticipantFactory, StatementFactory, TopicFactory


def logged_since(seq):
    return [(e.statement_id, e.op) for e in changelog.entries(seq, 10_000)]


def last_seq():
    return changelog.state(0).latest


def test_every_kind_of_write_logs_the_statement(archive):
    statement, other = archive["003"], archive["000"]
    biden = archive["officials"]["biden"]
    steps = [
        ("save", lambda: statement.save(), {statement.pk}),
        (
            "queryset update",
            lambda: Statement.objects.filter(pk=statement.pk).update(publisher="Someone"),
            {statement.pk},
        ),
        (
            "official named",
            lambda: MentionFactory(statement=statement, participant=ParticipantFactory()),
            {statement.pk},
        ),
        ("topic added", lambda: statement.topics.add(TopicFactory()), {statement.pk}),
        ("topics cleared", lambda: other.topics.clear(), {other.pk}),
        (
            "report removed",
            lambda: archive["meetings"]["summit"].reports.all().delete(),
            {statement.pk},
        ),
        (
            "report moved",
            lambda: MeetingReport.objects.filter(statement=archive["001"]).update(
                statement=archive["004"]
            ),
            {archive["001"].pk, archive["004"].pk},
        ),
        # An official's country is a facet of every published statement naming them.
        (
            "official's country",
            lambda: biden.__class__.objects.filter(pk=biden.pk).update(country="CA"),
            {statement.pk, archive["001"].pk},
        ),
        (
            "raw SQL",
            lambda: connection.cursor().execute(
                "DELETE FROM statements_statementparticipant WHERE statement_id = %s", [other.pk]
            ),
            {other.pk},
        ),
        ("unpublish", lambda: _set_status(other, Statement.Status.DRAFT), {other.pk}),
    ]
    for name, step, expected in steps:
        before = last_seq()
        step()
        logged = {pk for pk, op in logged_since(before)}
        assert logged == expected, name


def _set_status(statement, status):
    statement.status = status
    statement.save()


def test_deleting_a_statement_logs_a_delete(archive):
    statement = archive["002"]
    pk, before = statement.pk, last_seq()
    statement.delete()
    logged = logged_since(before)
    assert logged[-1] == (pk, "d")
    assert {pk for pk, _ in logged} == {pk}


def test_drafts_leave_no_trace_until_published(archive):
    before = last_seq()
    draft = StatementFactory(status=Statement.Status.DRAFT)
    MentionFactory(statement=draft, participant=archive["officials"]["amlo"])
    draft.topics.add(archive["topics"]["trade"])
    archive["draft"].save()
    assert logged_since(before) == []

    _set_status(draft, Statement.Status.PUBLISHED)
    assert logged_since(before) == [(draft.pk, "u")]


def test_a_rolled_back_write_leaves_no_row(archive):
    before = last_seq()
    with pytest.raises(RuntimeError), transaction.atomic():
        archive["000"].save()
        raise RuntimeError
    assert logged_since(before) == []


def test_the_database_has_a_token_of_its_own(db):
    token = changelog.state(0).token
    assert len(token) == 32 and token == changelog.state(0).token


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite rebuilds tables")
def test_triggers_a_table_rebuild_dropped_come_back(archive):
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER statements_statementparticipant_search_log_i")
    changelog.ensure_triggers()
    before = last_seq()
    MentionFactory(statement=archive["000"], participant=ParticipantFactory())
    assert logged_since(before) == [(archive["000"].pk, "u")]
    # The writes made while it was missing are unknown: the log says "rebuild".
    assert [op for _, op in logged_since(before - 1)][0] == "r"


def test_link_logging_suspended_only_inside_the_block(archive):
    statement = archive["000"]
    before = last_seq()
    with transaction.atomic(), changelog.suspend_link_logging():
        MentionFactory(statement=statement, participant=ParticipantFactory())
    assert logged_since(before) == []
    MentionFactory(statement=statement, participant=ParticipantFactory())
    assert logged_since(before) == [(statement.pk, "u")]


def test_safe_point_stays_below_a_transaction_still_open(db):
    """The test's own transaction is open: on PostgreSQL its rows may still roll back (or
    commit after others'), so the safe point stays below them; SQLite has one writer."""
    before = changelog.safe_point()
    StatementFactory()
    assert last_seq() > before
    expected = before if connection.vendor == "postgresql" else last_seq()
    assert changelog.safe_point() == expected


def test_prune_keeps_the_last_rows_and_says_how_far(archive):
    latest = last_seq()
    # Never past the safe point (on PostgreSQL, this test's open transaction holds it back).
    through = min(latest - 2, changelog.safe_point())
    changelog.prune(keep=2)
    state = changelog.state(0)
    assert state.latest == latest and state.pruned_through == through
    assert [e.seq for e in changelog.entries(0, 10_000)][0] == through + 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL commits out of order")
@pytest.mark.django_db(transaction=True)
def test_safe_point_waits_for_a_lower_seq_still_in_flight():
    """Transaction A takes seq n, B takes n+1 and commits first: the safe point stays below n
    until A commits, so a reader never records a position past A's row."""
    import psycopg

    first, second = StatementFactory(), StatementFactory()
    settings = connection.settings_dict
    dsn = f"host={settings['HOST']} port={settings['PORT'] or 5432} user={settings['USER']} "
    dsn += f"dbname={settings['NAME']}"
    if settings.get("PASSWORD"):
        dsn += f" password={settings['PASSWORD']}"
    before = changelog.safe_point()
    with psycopg.connect(dsn) as other:
        other.execute("UPDATE statements_statement SET title = 'A' WHERE id = %s", [first.pk])
        Statement.objects.filter(pk=second.pk).update(title="B")  # autocommit: seq n+1
        visible = logged_since(before)
        assert visible == [(second.pk, "u")]  # A's row is not visible yet ...
        assert changelog.safe_point() == before  # ... and the safe point waits for it
        other.commit()
    assert logged_since(before) == [(first.pk, "u"), (second.pk, "u")]
    assert changelog.safe_point() == last_seq()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_bulk_copy_logs_each_new_statement_once(db):
    from statements.ingest import bulk

    before = last_seq()
    statements = [
        Statement(title=f"t{i}", slug=f"copy-{i}", body="b", content_hash=f"copy-{i}")
        for i in range(3)
    ]
    with transaction.atomic(), changelog.suspend_link_logging():
        bulk._create(Statement, statements)
        bulk._insert(
            StatementParticipant,
            [
                StatementParticipant(
                    statement=s, participant=ParticipantFactory(), name_as_written="x"
                )
                for s in statements
            ],
        )
    assert logged_since(before) == [(s.pk, "u") for s in statements]
