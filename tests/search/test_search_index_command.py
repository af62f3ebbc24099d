"""`manage.py search_index`: rebuild with progress, check that finds differences, catch up."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from statements.models import Statement
from statements.search import sync
from statements.search.index import database_fingerprints, get_index


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("search_index", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_rebuild_reports_progress_and_builds_published_statements(archive):
    out, err = run("--rebuild")
    assert "5 statements" in out
    assert "statements indexed" in err
    assert get_index().doc_fingerprints() == database_fingerprints()


def test_check_passes_then_finds_a_change_the_log_never_saw(archive):
    run("--rebuild")
    out, _ = run("--check")
    assert "matches the database: 5 statements" in out

    statement, draft = archive["003"], archive["draft"]
    position = get_index().position()
    Statement.objects.filter(pk=statement.pk).update(title="Changed behind the log")
    Statement.objects.filter(pk=draft.pk).update(status="published")
    with connection.cursor() as cursor:  # as if the triggers had been bypassed
        cursor.execute("DELETE FROM statements_search_log WHERE seq > %s", [position])
    out = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("search_index", "--check", stdout=out)
    assert failed.value.returncode == 1
    assert f"1 statements missing from the index: {draft.pk}" in out.getvalue()
    assert f"1 statements different from the database: {statement.pk}" in out.getvalue()

    run("--rebuild")
    out, _ = run("--check")
    assert "matches the database: 6 statements" in out


def test_catch_up_and_status(archive):
    run("--rebuild")
    archive["draft"].status = "published"
    archive["draft"].save()
    assert sync.lag()["behind"] == 1
    out, _ = run("--catch-up")
    assert out.startswith("Applied 1 change-log rows.")
    out, _ = run("--status")
    assert '"behind": 0' in out
