"""`manage.py export_archive` and restoring an export with `import_statements`."""

import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from statements.ingest.archive_json import export_archive
from statements.models import (
    Commitment,
    Meeting,
    MeetingReport,
    Participant,
    Quote,
    Statement,
    StatementParticipant,
    Topic,
)

pytestmark = pytest.mark.django_db


def export(*args):
    out = io.StringIO()
    call_command("export_archive", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def empty_the_archive():
    Statement.objects.all().delete()
    Meeting.objects.all().delete()
    Participant.objects.all().delete()
    Topic.objects.all().delete()
    assert not Statement.objects.exists() and not Participant.objects.exists()


def test_export_has_exactly_the_documented_shape(seeded_archive):
    data = json.loads(export())
    assert {"statements", "participants", "meetings", "topics"} <= data.keys()

    statement = next(s for s in data["statements"] if s["source_file"].startswith("000"))
    assert {
        "slug",
        "title",
        "date",
        "date_inferred",
        "publisher",
        "kind",
        "language",
        "source_url",
        "source_file",
        "meetings",
        "topics",
        "participants",
        "commitments",
        "quotes",
    } <= statement.keys()
    assert statement["date"] == "2023-07-25" and statement["date_inferred"] is False
    assert statement["participants"] and statement["commitments"] and statement["meetings"]
    assert {"participant", "name_as_written", "title_as_written", "attended"} <= (
        statement["participants"][0].keys()
    )
    assert {"text", "parties", "topics"} <= statement["commitments"][0].keys()

    quoted = next(s for s in data["statements"] if s["source_file"].startswith("003"))
    assert quoted["quotes"] and {"speaker", "text"} <= quoted["quotes"][0].keys()
    assert quoted["date"] is None

    participant = data["participants"][0]
    assert {"slug", "name", "country", "aliases", "titles"} <= participant.keys()
    countries = {p["country"] for p in data["participants"]}
    assert {"US", "MX"} <= countries and all(len(c) == 2 for c in countries)

    meeting = data["meetings"][0]
    assert {
        "slug",
        "title",
        "start_date",
        "end_date",
        "place",
        "kind",
        "countries",
        "attendees",
        "statements",
    } <= meeting.keys()
    attendee = next(m["attendees"][0] for m in data["meetings"] if m["attendees"])
    assert {"participant", "delegation", "title"} <= attendee.keys()
    assert {"slug", "name"} <= data["topics"][0].keys()

    # Cross references point at rows the document holds.
    slugs = {p["slug"] for p in data["participants"]}
    meetings = {m["slug"] for m in data["meetings"]}
    statements = {s["slug"] for s in data["statements"]}
    for item in data["statements"]:
        assert {p["participant"] for p in item["participants"]} <= slugs
        assert set(item["meetings"]) <= meetings
    for item in data["meetings"]:
        assert set(item["statements"]) <= statements
        assert {a["participant"] for a in item["attendees"]} <= slugs


def test_export_is_sorted_and_stable(seeded_archive):
    first = export()
    assert export() == first
    data = json.loads(first)
    for key in ("statements", "participants", "meetings", "topics"):
        slugs = [item["slug"] for item in data[key]]
        assert slugs == sorted(slugs), key
    for statement in data["statements"]:
        positions = [c["position"] for c in statement["commitments"]]
        assert positions == sorted(positions)
    # Sorted keys: the text itself is in key order, so a diff shows only real changes.
    assert first == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_round_trip_gives_the_same_document(seeded_archive, tmp_path):
    first = export()
    path = tmp_path / "archive.json"
    path.write_text(first, encoding="utf-8")
    counts = [
        model.objects.count()
        for model in (Statement, Participant, Meeting, Commitment, Quote, Topic)
    ]
    empty_the_archive()

    out = io.StringIO()
    call_command("import_statements", str(path), stdout=out, stderr=io.StringIO())

    assert export() == first
    assert [
        model.objects.count()
        for model in (Statement, Participant, Meeting, Commitment, Quote, Topic)
    ] == counts
    assert "Statements: 5 created" in out.getvalue()
    # What search reads is rebuilt on restore.
    statement = Statement.objects.get(source_file__startswith="000")
    for mention in StatementParticipant.objects.filter(statement=statement):
        assert mention.participant.name in statement.search_names


def test_round_trip_keeps_a_curators_work(seeded_archive, tmp_path):
    statement = seeded_archive["003"]
    statement.status = Statement.Status.DRAFT
    statement.date = date(2023, 11, 15)
    statement.date_source = Statement.DateSource.CURATOR
    statement.date_note = "APEC summit, from the White House website"
    statement.needs_review = False
    statement.save()
    meeting = Meeting.objects.create(
        title="APEC Leaders' Week", slug="apec-leaders-week", city="San Francisco", venue="Filoli"
    )
    MeetingReport.objects.create(
        meeting=meeting,
        statement=statement,
        evidence=MeetingReport.Evidence.CURATOR,
        note="Same week",
    )
    Quote.objects.filter(statement=statement).update(speaker=None)
    first = export()
    path = tmp_path / "archive.json"
    path.write_text(first, encoding="utf-8")
    empty_the_archive()

    call_command("import_statements", str(path), stdout=io.StringIO(), stderr=io.StringIO())

    assert export() == first
    restored = Statement.objects.get(slug=statement.slug)
    assert restored.status == Statement.Status.DRAFT
    assert (restored.date, restored.date_source) == (date(2023, 11, 15), "curator")
    report = restored.meeting_reports.get(meeting__slug="apec-leaders-week")
    assert (report.evidence, report.note) == ("curator", "Same week")
    assert report.meeting.place == "Filoli, San Francisco"


def test_restoring_onto_the_same_archive_changes_nothing(seeded_archive, tmp_path):
    path = tmp_path / "archive.json"
    call_command("export_archive", "-o", str(path), stderr=io.StringIO())
    before = export()
    out = io.StringIO()
    call_command("import_statements", str(path), stdout=out, stderr=io.StringIO())
    assert "Statements: 0 created, 0 updated, 5 unchanged, 0 failed" in out.getvalue()
    assert export() == before


def test_restore_updates_a_statement_in_place(seeded_archive, tmp_path):
    data = export_archive()
    item = next(s for s in data["statements"] if s["source_file"].startswith("004"))
    item["title"] = "Readout, corrected"
    path = tmp_path / "archive.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    pk = Statement.objects.get(slug=item["slug"]).pk

    out = io.StringIO()
    call_command("import_statements", str(path), stdout=out, stderr=io.StringIO())

    assert "0 created, 1 updated, 4 unchanged" in out.getvalue()
    assert Statement.objects.get(pk=pk).title == "Readout, corrected"


def test_export_to_a_file(seeded_archive, tmp_path):
    path = tmp_path / "out" / "archive.json"
    err = io.StringIO()
    call_command("export_archive", "-o", str(path), stderr=err)
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(export())
    assert "5 statements" in err.getvalue()


def test_an_empty_archive_exports_empty_lists(db):
    data = json.loads(export())
    assert [data[key] for key in ("statements", "participants", "meetings", "topics")] == [
        [],
        [],
        [],
        [],
    ]


@pytest.mark.parametrize(
    "text, reason",
    [
        ('{"statements": [', "broken JSON"),
        ('{"statements": [{"slug": "x"}]}', "not a valid archive export"),
        ('{"title": "A readout", "body": "Text."}', "not an archive export"),
        ('{"statements": [], "version": 99}', "this archive reads version 1"),
        ('{"statements": ["just a string"]}', "not a valid archive export"),
        (
            '{"statements": [{"slug": "x", "title": "T", "body": "B", "content_hash": "h", '
            '"meetings": ["nope"]}]}',
            "unknown meeting",
        ),
    ],
)
def test_a_broken_export_fails_with_one_line_and_restores_nothing(tmp_path, db, text, reason):
    path = tmp_path / "archive.json"
    path.write_text(text, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_statements", str(path), stdout=io.StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("archive.json: ") and reason in lines[0]
    assert not Statement.objects.exists()


def test_a_dry_run_restore_saves_nothing(seeded_archive, tmp_path):
    path = tmp_path / "archive.json"
    path.write_text(export(), encoding="utf-8")
    empty_the_archive()
    out = io.StringIO()
    call_command("import_statements", str(path), dry_run=True, stdout=out, stderr=io.StringIO())
    assert "would restore archive.json: 5 statements" in out.getvalue()
    assert "Statements: 5 would be created" in out.getvalue()
    assert not Statement.objects.exists() and not Participant.objects.exists()


def test_round_trip_keeps_each_links_evidence(seeded_archive, tmp_path):
    (link,) = seeded_archive["004"].meeting_reports.all()
    before = (link.evidence, link.reasons, link.confidence)
    path = tmp_path / "archive.json"
    path.write_text(export(), encoding="utf-8")
    empty_the_archive()
    call_command("import_statements", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    restored = MeetingReport.objects.get(statement__source_file__startswith="004")
    assert (restored.evidence, restored.reasons, restored.confidence) == before
    assert any("people attended both" in r["text"] for r in restored.reasons)


# --- Exports written by another system ------------------------------------------------------

FOREIGN = {
    "statements": [
        {
            "slug": "talks-in-mexico",
            "title": "Talks in Mexico",
            "body": "The Secretary met the Foreign Secretary in Mexico City on fentanyl.",
            "date": "2024-03-02",
            "publisher": "Department of State",
            "meetings": ["mexico-talks"],
            "topics": ["fentanyl"],
            "participants": [{"participant": "antony-blinken", "name_as_written": "Blinken"}],
            "commitments": [{"text": "Both will act on fentanyl.", "parties": ["US", "MX"]}],
            "quotes": [{"speaker": "antony-blinken", "text": "We agree."}],
        },
        {
            "title": "A draft from elsewhere",
            "body": "Not yet public.",
            "status": "draft",
        },
    ],
    "participants": [
        {"slug": "antony-blinken", "name": "Antony Blinken", "country": "US", "aliases": ["Tony"]}
    ],
    "meetings": [{"slug": "mexico-talks", "title": "Talks in Mexico City"}],
    "topics": [{"slug": "fentanyl", "name": "Fentanyl"}],
}


def _restore(tmp_path, data):
    path = tmp_path / "foreign.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    err = io.StringIO()
    call_command("import_statements", str(path), stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def test_an_export_written_by_another_system_imports(tmp_path, db):
    from statements.ingest.documents import body_hash

    _restore(tmp_path, FOREIGN)
    talks = Statement.objects.get(slug="talks-in-mexico")
    assert talks.status == Statement.Status.PUBLISHED
    assert talks.content_hash == body_hash(talks.body)
    assert talks.date == date(2024, 3, 2)
    assert talks.date_source == Statement.DateSource.FRONT_MATTER
    assert [r.meeting.slug for r in talks.meeting_reports.all()] == ["mexico-talks"]
    assert talks.mentions.get().participant.name == "Antony Blinken"
    assert talks.commitments.get().parties == ["US", "MX"]
    assert talks.quotes.get().speaker.slug == "antony-blinken"
    assert set(talks.search_names.split()) >= {"Antony", "Blinken", "Tony", "Fentanyl"}
    draft = Statement.objects.get(title="A draft from elsewhere")
    assert draft.status == Statement.Status.DRAFT and draft.slug == "a-draft-from-elsewhere"
    # Imported again: nothing changes, nothing is duplicated.
    _restore(tmp_path, FOREIGN)
    assert Statement.objects.count() == 2


@pytest.mark.parametrize(
    ("kind", "drop", "message"),
    [
        ("statements", "title", "statement #1 ('talks-in-mexico') has no 'title' (its title)"),
        ("statements", "body", "statement #1 ('talks-in-mexico') has no 'body' (its text)"),
        ("participants", "name", "participant #1 ('antony-blinken') has no 'name'"),
        ("meetings", "slug", "meeting #1 ('Talks in Mexico City') has no 'slug'"),
    ],
)
def test_a_missing_required_key_is_named_in_words(tmp_path, db, kind, drop, message):
    data = json.loads(json.dumps(FOREIGN))
    del data[kind][0][drop]
    path = tmp_path / "foreign.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_statements", str(path), stdout=io.StringIO(), stderr=err)
    (line,) = err.getvalue().splitlines()
    assert message in line and "KeyError" not in line
    assert not Statement.objects.exists()


def test_a_statement_without_a_slug_or_hash_is_given_them(tmp_path, db):
    data = {"statements": [{"title": "Just a title", "body": "And a body."}]}
    _restore(tmp_path, data)
    statement = Statement.objects.get()
    assert statement.slug == "just-a-title" and len(statement.content_hash) == 64


def _many(n):
    data = json.loads(json.dumps(FOREIGN))
    first = data["statements"][0]
    data["statements"] = [
        {**first, "slug": f"talks-{i}", "body": f"{first['body']} Round {i}."} for i in range(n)
    ]
    return data


def test_restoring_a_large_export_takes_the_bulk_path(tmp_path, db):
    """Queries per batch, not per statement: 150 statements cost what 10 do."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        _restore(tmp_path, _many(10))
    empty_the_archive()
    with CaptureQueriesContext(connection) as many:
        _restore(tmp_path, _many(150))
    assert Statement.objects.count() == 150
    assert len(many) <= len(few) + 5, (len(few), len(many))
    for statement in Statement.objects.all()[:5]:
        stored = statement.search_names
        statement.refresh_search_names(save=False)
        assert stored == statement.search_names  # what a one-by-one restore would store
