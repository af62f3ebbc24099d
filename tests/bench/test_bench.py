"""The benchmark's corpus is deterministic, and the bulk import path writes what the
per-document importer writes, searchable as soon as the batch commits (on both engines)."""

import pytest
from django.db import connection

from bench import generate
from statements.ingest import bulk, pipeline
from statements.models import (
    Commitment,
    Meeting,
    MeetingAttendance,
    MeetingReport,
    Participant,
    ParticipantAlias,
    Quote,
    Statement,
    StatementParticipant,
    Topic,
)
from statements.search import search
from statements.text import fold


def _stale_vectors():
    """PostgreSQL: statements whose stored search vector is not the one their text gives."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM statements_statement WHERE search_vector IS DISTINCT FROM "
            "statement_search_vector(title, search_names, body, language)"
        )
        return cursor.fetchone()[0]


SIZE = 80


def test_the_corpus_is_the_same_for_a_seed_and_differs_across_seeds():
    first = [e.document for e in generate.corpus(40, seed=7)]
    again = [e.document for e in generate.corpus(40, seed=7)]
    other = [e.document for e in generate.corpus(40, seed=8)]
    assert [d.content_hash for d in first] == [d.content_hash for d in again]
    assert [d.title for d in first] == [d.title for d in again]
    assert [d.content_hash for d in first] != [d.content_hash for d in other]
    # Statement i does not depend on the size of the corpus: 10k is a prefix of 100k.
    assert generate.statement(33, seed=7).document.body == first[33].body


def test_the_corpus_looks_like_real_readouts():
    extractions = list(generate.corpus(SIZE))
    words = [len(e.document.body.split()) for e in extractions]
    assert min(words) >= 150 and max(words) <= 1600
    assert len({e.document.publisher for e in extractions}) >= 5
    assert len({e.document.published.year for e in extractions if e.document.published}) >= 15
    assert any(any(ch in e.document.body for ch in "áéíóúñ") for e in extractions)
    for extraction in extractions[:50]:
        body = extraction.document.body
        # What extraction "found" is really in the text, at the offsets it gives.
        for mention in extraction.officials:
            assert body[mention.position :].startswith(mention.name)
        for item in extraction.commitments:
            assert body[item.position :].startswith(item.text)
        for item in extraction.quotes:
            assert body[item.position :].startswith(item.text)


def _rows():
    """Every row the importer writes, keyed by slugs and text rather than by primary keys."""
    vectors = []
    if connection.vendor == "postgresql":  # the trigger's against the bulk path's worker's
        with connection.cursor() as cursor:
            cursor.execute("SELECT slug, search_vector::text FROM statements_statement")
            vectors = sorted(cursor.fetchall())
    return {
        "vectors": vectors,
        "statements": sorted(
            Statement.objects.values_list(
                "slug",
                "title",
                "content_hash",
                "date",
                "date_source",
                "listing_date",
                "listing_date_source",
                "publisher",
                "kind",
                "status",
                "source_file",
                "source_url",
                "search_names",
                "needs_review",
                "review_notes",
            )
        ),
        "participants": sorted(
            (p.slug, p.name, p.country, tuple(p.titles)) for p in Participant.objects.all()
        ),
        "aliases": sorted(ParticipantAlias.objects.values_list("participant__slug", "name")),
        "mentions": sorted(
            StatementParticipant.objects.values_list(
                "statement__slug",
                "participant__slug",
                "name_as_written",
                "title_as_written",
                "attended",
                "position",
            )
        ),
        "topics": sorted(Topic.objects.values_list("slug", "name")),
        "statement_topics": sorted(
            Statement.topics.through.objects.values_list("statement__slug", "topic__slug")
        ),
        "meetings": sorted(
            Meeting.objects.values_list("slug", "title", "start_date", "end_date", "city", "kind")
        ),
        "attendances": sorted(
            MeetingAttendance.objects.values_list(
                "meeting__slug", "participant__slug", "delegation", "title"
            )
        ),
        "reports": sorted(
            MeetingReport.objects.values_list(
                "meeting__slug", "statement__slug", "evidence", "note"
            )
        ),
        "commitments": sorted(
            (c.statement.slug, c.position, c.text, tuple(c.parties), c.meeting and c.meeting.slug)
            for c in Commitment.objects.select_related("statement", "meeting")
        ),
        "commitment_topics": sorted(
            Commitment.topics.through.objects.values_list(
                "commitment__statement__slug", "commitment__position", "topic__slug"
            )
        ),
        "quotes": sorted(
            Quote.objects.values_list("statement__slug", "position", "speaker__slug", "text")
        ),
    }


def _forget_everything():
    Statement.objects.all().delete()
    Meeting.objects.all().delete()
    Participant.objects.all().delete()
    Topic.objects.all().delete()


@pytest.mark.django_db
def test_bulk_writes_the_rows_the_per_document_importer_writes():
    size = 30
    for extraction in generate.corpus(size):
        pipeline.save(extraction)
    one_by_one = _rows()

    for mode in ("match", "by-report"):
        _forget_everything()
        summary = bulk.save_many(generate.corpus(size), batch_size=12, meetings=mode)

        assert summary.ok and summary.created == size and not summary.batch_errors
        assert summary.vectors == (size if connection.vendor == "postgresql" else 0)
        in_bulk = _rows()
        for table, rows in one_by_one.items():
            if mode == "by-report" and table == "reports":
                # The one documented difference: no matcher's note on a repeated report.
                rows = [(m, s, evidence, "") for m, s, evidence, _ in rows]
                assert [r[:3] for r in in_bulk[table]] == [r[:3] for r in rows], mode
                continue
            assert in_bulk[table] == rows, (mode, table)
        assert len(in_bulk["statements"]) == size and in_bulk["mentions"] and in_bulk["reports"]


@pytest.mark.django_db
def test_bulk_loaded_statements_are_searchable_and_complete():
    extractions = list(generate.corpus(SIZE))
    # The benchmark's mode: the generated meetings are distinct, each reported by a few.
    summary = bulk.save_many(generate.corpus(SIZE), batch_size=40, meetings="trust-reports")

    assert summary.ok and summary.created == SIZE and not summary.batch_errors
    assert Statement.objects.count() == SIZE
    if connection.vendor == "postgresql":  # the vectors computed beside the import
        assert summary.vectors == SIZE
        assert _stale_vectors() == 0
    assert Statement.objects.exclude(search_names="").count() == SIZE
    reported = {(m.start, m.title) for e in extractions for m in e.meetings}
    assert Meeting.objects.count() == len(reported)
    assert MeetingReport.objects.count() == sum(len(e.meetings) for e in extractions)
    by_hash = {s.content_hash: s for s in Statement.objects.prefetch_related("mentions")}
    for extraction in extractions:
        statement = by_hash[extraction.document.content_hash]
        assert statement.body == extraction.document.body
        assert statement.mentions.exists() and statement.search_names
        assert statement.commitments.count() == len(extraction.commitments)

    def expected(needle):
        return {
            e.document.content_hash
            for e in extractions
            if needle in fold(f"{e.document.title} {e.document.body}")
        }

    def found(q):
        return {s.content_hash for s in search(q)[0:SIZE]}

    rare = generate.RARE_WORDS[0]  # statement 17 holds it
    assert expected(rare) and found(rare) == expected(rare)
    assert expected("lopez obrador") and found('"Lopez Obrador"') == expected("lopez obrador")
    assert search(generate.COMMON_WORD).count() > SIZE // 2


@pytest.mark.django_db
def test_a_document_already_in_the_archive_goes_through_the_per_document_path():
    bulk.save_many(generate.corpus(20), batch_size=10, meetings="by-report")
    again = bulk.save_many(generate.corpus(25), batch_size=10, meetings="by-report")
    assert again.created == 5
    assert again.outcomes == {"unchanged": 20}
    assert Statement.objects.count() == 25


@pytest.mark.django_db
def test_bulk_keeps_a_creation_record_of_every_statement_and_meeting():
    bulk.save_many(generate.corpus(20), batch_size=8, meetings="trust-reports")

    for model, fields in (
        (Statement, ["id", "slug", "title", "body", "date", "status", "created_at", "images"]),
        (Meeting, ["id", "slug", "title", "start_date", "city", "countries"]),
    ):
        rows = list(model.objects.order_by("pk").values_list(*fields))
        records = model.history.order_by("id")
        assert rows and list(records.values_list(*fields)) == rows, model
        assert set(records.values_list("history_type", flat=True)) == {"+"}
        assert not records.exclude(history_user=None).exists()


@pytest.mark.django_db
def test_every_batch_moves_the_search_generation():
    from statements.search.cache import current_generation

    seen = [current_generation()]
    bulk.save_many(
        generate.corpus(24),
        batch_size=8,
        meetings="trust-reports",
        on_batch=lambda done: seen.append(current_generation()),
    )
    assert len(seen) == 4 and None not in seen
    assert len(set(seen)) == 4  # cached answers from before any batch are never reused


def _triggers():
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT tgname, tgrelid::regclass::text FROM pg_trigger")
        return sorted(cursor.fetchall())


@pytest.mark.django_db
def test_a_failing_document_costs_only_itself_and_the_search_triggers_stay():
    from statements.search.cache import current_generation

    triggers, generation = _triggers(), current_generation()
    extractions = list(generate.corpus(12))
    broken = extractions[5]
    broken.document.content_hash = None  # the statement row cannot be written

    summary = bulk.save_many(extractions, batch_size=6, meetings="trust-reports")

    assert summary.created == 6  # the batch without it
    assert summary.one_by_one == 5 and len(summary.failed) == 1 and summary.batch_errors
    assert Statement.objects.count() == 11
    assert _triggers() == triggers
    assert current_generation() != generation
    # The triggers work: a write after the load moves the generation again.
    before = current_generation()
    Statement.objects.filter(pk=Statement.objects.first().pk).update(title="Changed")
    assert current_generation() != before


def _same_titles(size):
    """The corpus with three titles for all its statements: every slug but three is numbered."""
    extractions = list(generate.corpus(size))
    for i, extraction in enumerate(extractions):
        extraction.document.title = ["Joint Statement", "Readout", "Joint  statement!"][i % 3]
    return extractions


@pytest.mark.django_db
def test_bulk_numbers_clashing_slugs_as_the_per_document_importer_does():
    size = 45

    def taken_beforehand():  # numbering must go on after a slug already in the archive
        Statement.objects.create(title="x", slug="readout-9", body="x", content_hash="x")

    taken_beforehand()
    for extraction in _same_titles(size):
        pipeline.save(extraction)
    one_by_one = _rows()
    _forget_everything()
    taken_beforehand()

    summary = bulk.save_many(_same_titles(size), batch_size=10, meetings="by-report")

    assert summary.ok and summary.created == size and not summary.batch_errors
    in_bulk = _rows()
    assert in_bulk["statements"] == one_by_one["statements"]
    assert in_bulk["meetings"] == one_by_one["meetings"]
    slugs = {row[0] for row in in_bulk["statements"]}
    assert {"readout-8", "readout-10", "joint-statement-30"} <= slugs


@pytest.mark.django_db
def test_every_batch_reaches_the_search_index_with_one_log_row_per_statement(monkeypatch):
    from statements.search import changelog, sync
    from statements.search.index import database_fingerprints, get_index

    monkeypatch.setattr(sync, "COMMIT_BATCHES", 1)  # an index commit after every batch
    before = changelog.state(0).latest
    indexed = []

    def committed(done):  # the indexing thread commits while the next batch is written
        index = get_index()
        index.reload()
        indexed.append(index.num_docs())

    summary = bulk.save_many(
        generate.corpus(40),
        batch_size=8,
        meetings="trust-reports",
        keep_ids=True,
        on_batch=committed,
    )
    assert indexed == sorted(indexed) and 0 < indexed[-1] <= 40  # fed as it goes
    assert summary.index["claimed"] == 40 and summary.index["commits"] >= 5
    logged = [e.statement_id for e in changelog.entries(before, 1000)]
    assert set(logged) == set(summary.statement_ids) and len(summary.statement_ids) == 40
    assert len(logged) <= 40 + 8  # links add nothing (review-note updates may repeat one)
    assert get_index().doc_fingerprints() == database_fingerprints()
    assert sync.lag()["behind"] == 0


# --- PostgreSQL: each batch written on a second connection while the next is built -----------
# (`bulk._Writer`). It needs real commits (the writer's connection sees only what the import's
# connection committed), so these tests run outside a test transaction.

only_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the pipeline is PostgreSQL's"
)


def _load(extractions, *, pipeline_on, **kwargs):
    kwargs = {"batch_size": 8, "meetings": "trust-reports", **kwargs}
    previous = bulk.PIPELINE
    bulk.PIPELINE = pipeline_on
    try:
        summary = bulk.save_many(extractions, **kwargs)
    finally:
        bulk.PIPELINE = previous
    assert summary.pipelined == pipeline_on
    return summary


@only_postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("titles", ["generated", "clashing"])
def test_the_pipelined_import_writes_the_rows_of_one_connection(titles):
    """Same rows, slugs numbered alike across batches still being written, same order."""
    size = 60

    def corpus():
        return _same_titles(size) if titles == "clashing" else list(generate.corpus(size))

    seen = []
    one = _load(corpus(), pipeline_on=False, keep_ids=True)
    expected = _rows()
    _forget_everything()
    summary = _load(corpus(), pipeline_on=True, keep_ids=True, on_batch=seen.append)

    assert summary.ok and summary.created == size and not summary.batch_errors
    assert summary.vectors == size and _stale_vectors() == 0
    assert seen == [8, 16, 24, 32, 40, 48, 56, 60]  # each batch reported once, in order
    assert _rows() == expected
    # Ids in document order, as one connection gives them.
    assert summary.statement_ids == sorted(summary.statement_ids)
    assert len(summary.statement_ids) == len(one.statement_ids) == size


@only_postgres
@pytest.mark.django_db(transaction=True)
def test_a_failing_document_costs_only_itself_when_pipelined():
    def corpus():
        extractions = list(generate.corpus(30))
        extractions[13].document.content_hash = None  # its batch cannot be written
        return extractions

    _load(corpus(), pipeline_on=False, batch_size=6)
    expected = _rows()
    _forget_everything()
    seen = []
    summary = _load(corpus(), pipeline_on=True, batch_size=6, on_batch=seen.append)

    assert summary.created == 24 and summary.one_by_one == 5 and len(summary.failed) == 1
    assert summary.batch_errors and Statement.objects.count() == 29
    assert seen == [6, 12, 18, 24, 30]
    rows = _rows()
    for table in expected:
        if table not in ("participants", "aliases"):
            assert rows[table] == expected[table], table
    # The one difference: officials the failed batch named were committed before its rows;
    # the documents saved one by one found them.
    assert set(rows["participants"]) >= set(expected["participants"])


@only_postgres
@pytest.mark.django_db(transaction=True)
def test_a_document_repeating_one_still_being_written_goes_one_by_one():
    extractions = list(generate.corpus(20))
    again = generate.statement(3, seed=42)  # batch 0's, while batch 0 may still be written
    summary = _load([*extractions[:10], again, *extractions[10:]], pipeline_on=True)
    assert summary.created == 20 and summary.outcomes == {"unchanged": 1}
    assert Statement.objects.count() == 20
