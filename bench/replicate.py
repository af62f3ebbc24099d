"""Make the 1,000,000-statement SQLite benchmark database from the 100,000 one, in SQL.

    python bench/replicate.py --from-size 100000 --times 10     # archive-1000000-42.sqlite3

Loading a million statements through the bulk import path takes hours on the 2-core machine
(docs/PERFORMANCE.md gives the import rate). The 1M run of issue 5 measures *search* at that
size, so its corpus is the 100k one repeated: copy k (1 to times-1) of every statement gets a new
id, slug, content hash and source, and its own copies of the meetings (with their attendees),
the officials named, topics, commitments, quotes and meeting reports. Officials and topics are
shared. The words and their rates stay those of the generator: a rare word is still in one
statement of every 2,000, a common one in about 70%; each official is named in `times` as many
statements. History rows are not copied (no public page reads them).

The FTS5 index is filled by its insert trigger, row by row, as for any import. The search
generation's triggers are dropped while copying (one UPDATE per copied row would double the
time) and put back by `migrate` at the end, which also gives a new generation.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))

from bench.load import engine_env, sqlite_path  # noqa: E402

# Table -> {column: the table whose id offset it takes}; "id" takes the table's own.
COPIED = {
    "statements_statement": {},
    "statements_meeting": {},
    "statements_meetingattendance": {"meeting_id": "statements_meeting"},
    "statements_meetingreport": {
        "meeting_id": "statements_meeting",
        "statement_id": "statements_statement",
    },
    "statements_statementparticipant": {"statement_id": "statements_statement"},
    "statements_statement_topics": {"statement_id": "statements_statement"},
    "statements_commitment": {
        "statement_id": "statements_statement",
        "meeting_id": "statements_meeting",
    },
    "statements_commitment_topics": {"commitment_id": "statements_commitment"},
    "statements_quote": {"statement_id": "statements_statement"},
}
# Columns that must differ in every copy (unique, or how a re-import finds a statement).
SUFFIXED = {
    "statements_statement": ("slug", "content_hash", "source_file", "source_url"),
    "statements_meeting": ("slug",),
}


def columns(db, table):
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def copy_expression(table, column, k, offsets):
    if column == "id":
        return f"id + {k * offsets[table]}"
    if column in COPIED[table]:
        return f"{column} + {k * offsets[COPIED[table][column]]}"  # NULL stays NULL
    if column in SUFFIXED.get(table, ()):
        return f"CASE WHEN {column} = '' THEN '' ELSE {column} || '-r{k}' END"
    return column


def replicate(source: Path, target: Path, times: int):
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(source) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(source, target)
    db = sqlite3.connect(target, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-1000000")
    for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search_gen%'"
    ).fetchall():
        db.execute(f"DROP TRIGGER {name}")
    offsets = {
        table: db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        for table in COPIED
    }
    started = time.perf_counter()
    for k in range(1, times):
        db.execute("BEGIN")
        for table in COPIED:
            names = columns(db, table)
            select = ", ".join(copy_expression(table, c, k, offsets) for c in names)
            db.execute(
                f"INSERT INTO {table} ({', '.join(names)}) "
                f"SELECT {select} FROM {table} WHERE id <= {offsets[table]}"
            )
        db.execute("COMMIT")
        done = (k + 1) * offsets["statements_statement"]
        print(f"  copy {k}: {done:,} statements, {time.perf_counter() - started:.0f} s", flush=True)
    db.execute("INSERT INTO statements_statement_fts(statements_statement_fts) VALUES ('optimize')")
    db.execute("ANALYZE")
    db.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from-size", type=int, default=100_000)
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    source = sqlite_path(args.from_size, args.seed)
    size = args.from_size * args.times
    target = sqlite_path(size, args.seed)
    if not source.exists():
        raise SystemExit(
            f"{source} is missing: load it first "
            f"(make bench BENCH_ARGS='--size {args.from_size} --engines sqlite --load-only')"
        )
    print(f"== {target.name}: {args.times} copies of {source.name}")
    replicate(source, target, args.times)
    env = engine_env("sqlite", size, args.seed)
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "migrate", "--verbosity=0"],
        env={**os.environ, **env},
        cwd=ROOT,
        check=True,
    )
    write_marker(source, size, args, env)
    print(f"  done: {target} ({target.stat().st_size / 2**30:.1f} GiB)")


def write_marker(source, size, args, env):
    """The load record `bench/run.py --reuse` reads: no import figures (nothing was imported)."""
    os.environ.update(env)
    import django

    django.setup()
    from bench.load import pick_targets

    from_marker = BENCH_DIR / "out" / f"load-sqlite-{args.from_size}-{args.seed}.json"
    batch_size = json.loads(from_marker.read_text())["batch_size"] if from_marker.exists() else 0
    record = {
        "engine": "sqlite",
        "size": size,
        "seed": args.seed,
        "batch_size": batch_size,
        "replicated_from": source.name,
        "times": args.times,
        "statements": size,
        "targets": pick_targets(),
        "database_bytes": sqlite_path(size, args.seed).stat().st_size,
    }
    marker = BENCH_DIR / "out" / f"load-sqlite-{size}-{args.seed}.json"
    marker.write_text(json.dumps(record, indent=2))


if __name__ == "__main__":
    main()
