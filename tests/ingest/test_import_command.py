"""`manage.py import_statements`: the summary, bad files, --dry-run, the progress bar."""

import io

import pytest
from django.core.management import CommandError, call_command

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
from tests.conftest import SEEDS_DIR
from tests.ingest.documents_for_tests import CANADA, GUATEMALA, many_readouts, write

pytestmark = pytest.mark.django_db

ROW_MODELS = (
    Statement,
    Participant,
    ParticipantAlias,
    StatementParticipant,
    Meeting,
    MeetingAttendance,
    MeetingReport,
    Commitment,
    Quote,
    Topic,
)


def counts():
    return {model.__name__: model.objects.count() for model in ROW_MODELS}


def run(*args, **options):
    """Run the command; (stdout, stderr, error or None)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_statements", *map(str, args), stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_seeds_import_prints_a_summary_that_matches_the_database():
    out, err, error = run(SEEDS_DIR)
    assert error is None, err
    officials = Participant.objects.count()
    meetings = Meeting.objects.count()
    assert "Statements: 5 created, 0 updated, 0 unchanged, 0 failed" in out
    assert f"Officials: {officials} named ({officials} new)" in out
    assert f"Meetings: {meetings} reported ({meetings} new)" in out
    assert f"Commitments: {Commitment.objects.count()}" in out
    assert f"Quotes: {Quote.objects.count()}" in out
    assert officials > 20 and meetings >= 3 and Commitment.objects.count() > 5


def test_default_path_is_the_seed_folder():
    out, _err, error = run()
    assert error is None
    assert Statement.objects.count() == len(list(SEEDS_DIR.glob("*.txt")))


def test_importing_the_same_files_again_changes_nothing():
    run(SEEDS_DIR)
    before = counts()
    updated_at = dict(Statement.objects.values_list("slug", "updated_at"))
    out, _err, error = run(SEEDS_DIR)
    assert error is None
    assert "Statements: 0 created, 0 updated, 5 unchanged, 0 failed" in out
    assert "(0 new)" in out
    assert counts() == before
    assert dict(Statement.objects.values_list("slug", "updated_at")) == updated_at


def test_an_edited_file_updates_its_statement_in_place(tmp_path):
    path = write(tmp_path, "canada.md", CANADA)
    run(tmp_path)
    statement = Statement.objects.get()
    commitments = set(statement.commitments.values_list("text", flat=True))
    assert commitments

    write(
        tmp_path,
        "canada.md",
        CANADA.replace("in Ottawa", "in Toronto").replace(
            "committed to expand information", "committed to double information"
        ),
    )
    out, _err, error = run(path)
    assert error is None
    assert "Statements: 0 created, 1 updated, 0 unchanged, 0 failed" in out
    edited = Statement.objects.get()
    assert (edited.pk, edited.slug) == (statement.pk, statement.slug)
    assert "Toronto" in edited.body and "Ottawa" not in edited.body
    texts = set(edited.commitments.values_list("text", flat=True))
    assert any("double" in text for text in texts)
    assert not any("to expand information" in text for text in texts)
    # Derived rows were replaced, not added to.
    assert edited.commitments.count() == len(commitments)
    assert StatementParticipant.objects.filter(statement=edited).count() == len(
        {m.participant_id for m in edited.mentions.all()}
    )


BAD_FILES = {
    "empty": b"",
    "blank": b"  \n\n \t\n",
    "binary": bytes(range(256)) * 8,
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64,
    "not UTF-8 or Latin-1": "“Quoted” — in UTF-16 with no byte order mark".encode("utf-16-le"),
    "broken front matter": b"---\ntitle: [unclosed\ndate: '2024-01-01'\n---\n\nSome text.\n",
    "unclosed front matter": b"---\ntitle: A statement\ndate: '2024-01-01'\n\nSome text here.\n",
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_bad_file_prints_one_line_and_the_others_still_import(tmp_path, kind):
    write(tmp_path, "a_canada.md", CANADA)
    (tmp_path / "b_bad.txt").write_bytes(BAD_FILES[kind])
    write(tmp_path, "c_guatemala.md", GUATEMALA)

    out, err, error = run(tmp_path)

    assert error is not None, f"a {kind} file must make the command fail"
    assert "b_bad.txt" in str(error)
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    name, _, reason = lines[0].partition(": ")
    assert name == "b_bad.txt" and len(reason) > 5
    assert "Traceback" not in err
    assert "Statements: 2 created, 0 updated, 0 unchanged, 1 failed" in out
    assert set(Statement.objects.values_list("source_file", flat=True)) == {
        "a_canada.md",
        "c_guatemala.md",
    }


def test_every_kind_of_bad_file_at_once_keeps_what_was_imported_before(tmp_path):
    write(tmp_path, "good.md", CANADA)
    run(tmp_path)
    before = counts()
    for n, data in enumerate(BAD_FILES.values()):
        (tmp_path / f"bad_{n}.txt").write_bytes(data)

    out, err, error = run(tmp_path)

    assert error is not None
    assert f"{len(BAD_FILES)} files could not be imported" in str(error)
    assert f"0 created, 0 updated, 1 unchanged, {len(BAD_FILES)} failed" in out
    assert len([line for line in err.splitlines() if line.startswith("bad_")]) == len(BAD_FILES)
    assert counts() == before


def test_a_latin1_file_imports(tmp_path):
    write(tmp_path, "latin1.txt", GUATEMALA, encoding="latin-1")
    _out, err, error = run(tmp_path)
    assert error is None, err
    assert "Arévalo" in Statement.objects.get().body


def test_a_missing_path_is_reported_and_fails(tmp_path):
    write(tmp_path, "canada.md", CANADA)
    _out, err, error = run(tmp_path / "canada.md", tmp_path / "nowhere.txt")
    assert error is not None
    assert f"{tmp_path / 'nowhere.txt'}: no such file or folder" in err  # named whole
    assert str(tmp_path / "nowhere.txt") in str(error)
    assert Statement.objects.count() == 1


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("date: 2024-13-45", "broken front matter: date '2024-13-45' is not a date"),
        ("date: '2024-02-30'", "broken front matter: date '2024-02-30' is not a date"),
        ("published_time: 2024-02-31", "broken front matter: published_time '2024-02-31'"),
    ],
)
def test_an_impossible_front_matter_date_names_the_key(tmp_path, front, message):
    write(tmp_path, "bad-date.md", f"---\ntitle: A readout\n{front}\n---\nThe delegations met.\n")
    _out, err, error = run(tmp_path / "bad-date.md")
    assert error is not None
    (line,) = [line for line in err.splitlines() if line.startswith("bad-date.md:")]
    assert message in line and "ValueError" not in line


def test_folders_are_walked_for_documents_only(tmp_path):
    write(tmp_path, "2024/january/guatemala.txt", GUATEMALA)
    write(tmp_path, "2024/march/canada.md", CANADA)
    (tmp_path / "2024" / "photo.jpeg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 32)
    (tmp_path / ".hidden").mkdir()
    write(tmp_path, ".hidden/draft.txt", GUATEMALA.replace("January 18", "January 17"))
    _out, err, error = run(tmp_path)
    assert error is None, err
    assert set(Statement.objects.values_list("source_file", flat=True)) == {
        "2024/january/guatemala.txt",
        "2024/march/canada.md",
    }


def test_dry_run_shows_what_would_change_and_writes_nothing(tmp_path):
    out, _err, error = run(SEEDS_DIR, dry_run=True)
    assert error is None
    assert counts() == dict.fromkeys(counts(), 0)
    assert out.count("would create") == 5
    assert "Dry run: nothing was saved." in out
    assert "Statements: 5 would be created" in out
    # The same run for real finds exactly what the dry run announced.
    officials_line = next(line for line in out.splitlines() if line.startswith("Officials:"))
    real, _err, _error = run(SEEDS_DIR)
    assert officials_line in real


def test_dry_run_on_an_edited_file_keeps_the_old_version(tmp_path):
    path = write(tmp_path, "canada.md", CANADA)
    run(path)
    before = counts()
    body = Statement.objects.get().body
    write(tmp_path, "canada.md", CANADA.replace("Ottawa", "Montreal"))
    out, _err, _error = run(path, dry_run=True)
    assert "would update canada.md" in out
    assert counts() == before
    assert Statement.objects.get().body == body


def test_a_progress_bar_shows_when_there_are_many_files(tmp_path):
    many_readouts(tmp_path, 12)
    _out, err, error = run(tmp_path)
    assert error is None, err
    bars = [line for line in err.splitlines() if "[" in line and "/12" in line]
    assert bars and bars[-1].startswith("Importing [") and "12/12" in bars[-1]
    assert "100%" in bars[-1]
    assert len(bars) <= 12  # a few lines, not one per redraw in a log
    assert Statement.objects.count() == 12


def test_no_progress_bar_for_a_handful_of_files(tmp_path):
    many_readouts(tmp_path, 3)
    _out, err, _error = run(tmp_path)
    assert "Importing [" not in err
    _out, err, _error = run(tmp_path, no_progress=True)
    assert err == ""


def test_verbosity_two_lists_each_file(tmp_path):
    write(tmp_path, "canada.md", CANADA)
    out, _err, _error = run(tmp_path, verbosity=2)
    assert "created canada.md:" in out


def test_an_empty_folder_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    out, _err, error = run(tmp_path / "empty")
    assert error is None
    assert "empty: no documents (.htm, .html, .json, .markdown, .md, .txt) in this folder" in out
    assert "Statements: 0 created, 0 updated, 0 unchanged, 0 failed" in out


def test_verbosity_zero_prints_only_problems(tmp_path):
    many_readouts(tmp_path, 8)
    (tmp_path / "broken.txt").write_bytes(b"")
    out, err, error = run(tmp_path, verbosity=0)
    assert error is not None
    assert out == ""
    assert err.splitlines() == [err.splitlines()[0]] and err.startswith("broken.txt: ")
    assert Statement.objects.count() == 8


def test_a_file_too_big_to_be_a_readout_is_refused_up_front(tmp_path, settings):
    settings.IMPORT_MAX_DOCUMENT_BYTES = 4096
    write(tmp_path, "a_canada.md", CANADA)
    write(tmp_path, "b_huge.txt", CANADA + "The parties met again. " * 400)
    _out, err, error = run(tmp_path)
    assert error is not None
    assert err.strip() == "b_huge.txt: too large: 10 KB, the limit is 4 KB"
    assert list(Statement.objects.values_list("source_file", flat=True)) == ["a_canada.md"]


def test_an_import_leaves_the_browse_page_counted(client):
    """The first visitor after an import does not pay for counting every facet of the archive."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    out, err, error = run(SEEDS_DIR)
    assert error is None, err
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/")
    assert response.status_code == 200
    counting = [q["sql"] for q in queries if "GROUP BY" in q["sql"].upper()]
    assert counting == []


NATO_CALL = """---
title: Readout of the President's Call with the Secretary General of NATO
date: '2024-02-05'
source_url: https://www.whitehouse.gov/briefing-room/statements-releases/2024/02/05/nato-call/
---

Today, President Joe Biden spoke with NATO Secretary General Jens Stoltenberg. The leaders
discussed preparations for the NATO Summit in Washington.
"""


def test_an_officer_of_an_organisation_is_imported_with_its_code(tmp_path):
    """'NATO' is four letters: the import failed on PostgreSQL (a two-letter column) while SQLite
    stored it, so one readout imported on one database and not the other."""
    call_command(
        "import_statements", str(write(tmp_path, "nato.md", NATO_CALL)), stdout=io.StringIO()
    )
    officer = Participant.objects.get(name__contains="Stoltenberg")
    assert officer.country == "NATO"
