"""`bench/replicate.py` makes the 1M database from the 100k one: every copy must be a whole,
searchable archive of its own (on the engine this suite runs on), or the 1M figures mean nothing.

Real files and databases: a small corpus loaded by `bench/load.py`, replicated, then counted
through the project's own search in a process pointed at each database.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.load import PG_SERVER, engine_env, pg_database, sqlite_path

ROOT = Path(__file__).resolve().parents[2]
SIZE, TIMES, SEED = 24, 3, 991  # a seed no benchmark run uses
ENGINE = "postgres" if os.environ.get("DATABASE_URL") else "sqlite"

COUNTS = """
import django, json
django.setup()
from django.http import QueryDict
from statements.models import Meeting, MeetingAttendance, Statement, StatementParticipant
from statements.search.faceted import faceted_search
found = {q: faceted_search(QueryDict("q=" + q)).results.count() for q in ("migration", "fentanyl")}
print(json.dumps({
    "statements": Statement.objects.count(),
    "slugs": Statement.objects.values("slug").distinct().count(),
    "hashes": Statement.objects.values("content_hash").distinct().count(),
    "meetings": Meeting.objects.count(),
    "attendances": MeetingAttendance.objects.count(),
    "mentions": StatementParticipant.objects.count(),
    "found": found,
}))
"""


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )


def counts(size):
    env = engine_env(ENGINE, size, SEED)
    return json.loads(run("-c", COUNTS, env=env).stdout.strip().splitlines()[-1])


@pytest.fixture
def replicated(tmp_path):
    """The corpus loaded at SIZE and replicated TIMES; both databases removed afterwards."""
    try:
        run(
            "bench/load.py", f"--engine={ENGINE}", f"--size={SIZE}", f"--seed={SEED}",
            f"--result={tmp_path / 'load.json'}",
        )  # fmt: skip
        run(
            "bench/replicate.py", f"--engine={ENGINE}", f"--from-size={SIZE}",
            f"--times={TIMES}", f"--seed={SEED}",
        )  # fmt: skip
        yield
    finally:
        remove_databases()


def remove_databases():
    sizes = (SIZE, SIZE * TIMES)
    if ENGINE == "sqlite":
        for size in sizes:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{sqlite_path(size, SEED)}{suffix}").unlink(missing_ok=True)
    else:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            for size in sizes:
                conn.execute(f"DROP DATABASE IF EXISTS {pg_database(size, SEED)} WITH (FORCE)")
    for size in sizes:
        (ROOT / "bench" / "out" / f"load-{ENGINE}-{size}-{SEED}.json").unlink(missing_ok=True)


def test_each_copy_is_a_whole_searchable_archive(replicated):
    source, copied = counts(SIZE), counts(SIZE * TIMES)
    assert source["statements"] == SIZE
    assert source["found"]["migration"] > 0
    expected = {name: TIMES * value for name, value in source.items() if name != "found"}
    assert {name: copied[name] for name in expected} == expected
    assert copied["found"] == {q: TIMES * n for q, n in source["found"].items()}
