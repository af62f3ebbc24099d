"""Make the 1,000,000-statement benchmark database from the 100,000 one, in SQL.

    python bench/replicate.py --from-size 100000 --times 10                    # SQLite file
    python bench/replicate.py --from-size 100000 --times 10 --engine postgres  # database

Loading a million statements through the bulk import path takes hours on the 2-core machine
(docs/PERFORMANCE.md gives the import rate). The 1M run of issue 5 measures *search* at that
size, so its corpus is the 100k one repeated: copy k (1 to times-1) of every statement gets a new
id, slug, content hash and source, and its own copies of the meetings (with their attendees),
the officials named, topics, commitments, quotes and meeting reports. Officials and topics are
shared. The words and their rates stay those of the generator: a rare word is still in one
statement of every 2,000, a common one in about 70%; each official is named in `times` as many
statements. History rows are not copied (no public page reads them).

On SQLite the FTS5 index is filled by its insert trigger, row by row, as for any import; the
search generation's triggers are dropped while copying (one UPDATE per copied row would double
the time) and put back by `migrate` at the end, which also gives a new generation. On
PostgreSQL the copy starts from the 100k database as a template; its generation triggers fire
once per statement, so they stay; the secondary indexes (the full-text GIN index among them)
are dropped while copying and built again at the end, which is faster than updating them row by
row, then `VACUUM ANALYZE`.

The copies reach the search index the way any database restored or copied does: the index is
built again from the database (`manage.py search_index --rebuild`, with the benchmark's
environment), timed; its rate goes into the load record (`index_rate`).
"""

from __future__ import annotations

import argparse
import contextlib
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

from bench.load import PG_SERVER, database_loaded, engine_env, pg_database, sqlite_path  # noqa: E402

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
    """{column: its length limit}: none that SQLite enforces."""
    return {row[1]: None for row in db.execute(f"PRAGMA table_info({table})")}


def pg_columns(conn, table):
    """{column: its length limit} of the columns one can insert into (not the search vector)."""
    rows = conn.execute(
        "SELECT column_name, character_maximum_length FROM information_schema.columns "
        "WHERE table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position",
        [table],
    )
    return dict(rows.fetchall())


def copy_statements(table, names, k, offsets):
    select = ", ".join(copy_expression(table, c, k, offsets, names[c]) for c in names)
    return (
        f"INSERT INTO {table} ({', '.join(names)}) "
        f"SELECT {select} FROM {table} WHERE id <= {offsets[table]}"
    )


def copy_expression(table, column, k, offsets, limit=None):
    if column == "id":
        return f"id + {k * offsets[table]}"
    if column in COPIED[table]:
        return f"{column} + {k * offsets[COPIED[table][column]]}"  # NULL stays NULL
    if column in SUFFIXED.get(table, ()):
        suffix = f"-r{k}"
        kept = f"substr({column}, 1, {limit - len(suffix)})" if limit else column
        return f"CASE WHEN {column} = '' THEN '' ELSE {kept} || '{suffix}' END"
    return column


def copy_rows(conn, times, columns_of, transaction) -> float:
    """Copies 1 to times - 1 of every table, one transaction each (either engine's connection:
    both have `execute`); returns when the copying started."""
    offsets = {
        table: conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        for table in COPIED
    }
    started = time.perf_counter()
    for k in range(1, times):
        with transaction():
            for table in COPIED:
                conn.execute(copy_statements(table, columns_of(conn, table), k, offsets))
        done = (k + 1) * offsets["statements_statement"]
        print(f"  copy {k}: {done:,} statements, {time.perf_counter() - started:.0f} s", flush=True)
    return started


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

    @contextlib.contextmanager
    def transaction():
        db.execute("BEGIN")
        yield
        db.execute("COMMIT")

    copy_rows(db, times, columns, transaction)
    db.execute("INSERT INTO statements_statement_fts(statements_statement_fts) VALUES ('optimize')")
    db.execute("ANALYZE")
    db.close()


def replicate_postgres(source: str, target: str, times: int):
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {target} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {target} TEMPLATE {source}")
    with psycopg.connect(f"{PG_SERVER}/{target}", autocommit=True) as conn:
        conn.execute("SET maintenance_work_mem = '1GB'")
        indexes = conn.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i "
            "WHERE i.schemaname = 'public' AND i.tablename = ANY(%s) AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            [list(COPIED)],
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        started = copy_rows(conn, times, pg_columns, conn.transaction)
        for table in COPIED:
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        for _, definition in indexes:
            conn.execute(definition)
        print(f"  {len(indexes)} indexes built, {time.perf_counter() - started:.0f} s", flush=True)
        conn.execute("VACUUM ANALYZE")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from-size", type=int, default=100_000)
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args(argv)
    size = args.from_size * args.times
    if args.engine == "sqlite":
        source, target = sqlite_path(args.from_size, args.seed), sqlite_path(size, args.seed)
    else:
        source, target = pg_database(args.from_size, args.seed), pg_database(size, args.seed)
    if not database_loaded(args.engine, args.from_size, args.seed):
        raise SystemExit(
            f"{source} is missing: load it first (make bench BENCH_ARGS='--size "
            f"{args.from_size} --engines {args.engine} --load-only')"
        )
    print(f"== {target}: {args.times} copies of {source}")
    if args.engine == "sqlite":
        replicate(source, target, args.times)
    else:
        replicate_postgres(source, target, args.times)
    env = engine_env(args.engine, size, args.seed)
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "migrate", "--verbosity=0"],
        env={**os.environ, **env},
        cwd=ROOT,
        check=True,
    )
    started = time.perf_counter()
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "search_index", "--rebuild"],
        env={**os.environ, **env},
        cwd=ROOT,
        check=True,
    )
    index_seconds = time.perf_counter() - started
    print(f"  search index rebuilt in {index_seconds:.0f} s ({size / index_seconds:.0f}/s)")
    marker = write_marker(source, size, args, env, index_seconds)
    print(f"  done: {target} ({marker['database_bytes'] / 2**30:.1f} GiB)")


def write_marker(source, size, args, env, index_seconds=None):
    """The load record `bench/run.py --reuse` reads: no import figures (nothing was imported)."""
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection

    from bench.load import pick_targets

    from_marker = BENCH_DIR / "out" / f"load-{args.engine}-{args.from_size}-{args.seed}.json"
    batch_size = json.loads(from_marker.read_text())["batch_size"] if from_marker.exists() else 0
    if args.engine == "sqlite":
        database_bytes = sqlite_path(size, args.seed).stat().st_size
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            database_bytes = cursor.fetchone()[0]
    record = {
        "engine": args.engine,
        "size": size,
        "seed": args.seed,
        "batch_size": batch_size,
        "replicated_from": str(getattr(source, "name", source)),
        "times": args.times,
        "statements": size,
        "targets": pick_targets(),
        "database_bytes": database_bytes,
        "index_seconds": index_seconds,
        "index_rate": size / index_seconds if index_seconds else None,
        "index_load": os.getloadavg(),
    }
    marker = BENCH_DIR / "out" / f"load-{args.engine}-{size}-{args.seed}.json"
    marker.write_text(json.dumps(record, indent=2))
    return record


if __name__ == "__main__":
    main()
