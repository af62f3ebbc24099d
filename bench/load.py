"""Load a generated corpus into a fresh benchmark database through the bulk import path.

Run by `bench/run.py` in its own process per engine (settings are read once per process):

    python bench/load.py --engine sqlite --size 10000 --seed 42 --result out.json

The database is dropped and migrated first. The corpus goes through
`statements.ingest.bulk.save_many` (the project's bulk import path), batch by batch; the time
spent generating statements is measured apart from the time spent saving them, and the
resident memory is sampled after every batch (memory must stay flat as the corpus grows).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))

PG_SERVER = "postgres://postgres@127.0.0.1:5432"
# `--database` names another PostgreSQL database (a developer's own); else one per corpus.
PG_DATABASE = ""
# Two checkouts benchmarking on one server keep apart: BENCH_PG_PREFIX=archive_bench_<name>.
PG_PREFIX = os.environ.get("BENCH_PG_PREFIX", "archive_bench")


def pg_database(size: int, seed: int) -> str:
    """The PostgreSQL database of one corpus: each size keeps its own, as SQLite keeps a file."""
    return PG_DATABASE or f"{PG_PREFIX}_{size}_{seed}"


def pg_url(size: int, seed: int) -> str:
    return f"{PG_SERVER}/{pg_database(size, seed)}"


def database_loaded(engine: str, size: int, seed: int) -> bool:
    """Whether the benchmark database of `engine` at this size is there, with statements."""
    if engine == "sqlite":
        return sqlite_path(size, seed).exists()
    import psycopg

    try:
        with psycopg.connect(pg_url(size, seed)) as conn:
            return bool(conn.execute("SELECT count(*) FROM statements_statement").fetchone()[0])
    except psycopg.Error:  # dropped since, or never loaded
        return False


def engine_env(engine: str, size: int, seed: int) -> dict[str, str]:
    """Environment for a process that uses the benchmark database of `engine`."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="benchmark-only-not-secret",  # noqa: S106
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_STATIC_ROOT=str(BENCH_DIR / "out" / "static"),
        DJANGO_LOG_LEVEL="WARNING",
        PYTHONPATH=str(BENCH_DIR.parent),
    )
    env.pop("DATABASE_URL", None)
    # One page and search cache on disk for all of gunicorn's workers, as in production.
    env["DJANGO_CACHE_DIR"] = str(BENCH_DIR / "out" / "cache" / f"{engine}-{size}-{seed}")
    if engine == "postgres":
        env["DATABASE_URL"] = pg_url(size, seed)
    else:
        env["DJANGO_SQLITE_PATH"] = str(sqlite_path(size, seed))
    env["DJANGO_SEARCH_INDEX_DIR"] = str(index_path(engine, size, seed))
    return env


def index_path(engine: str, size: int, seed: int) -> Path:
    """The search index of one benchmark database (fed by the import, batch by batch)."""
    name = pg_database(size, seed) if engine == "postgres" else f"sqlite-{size}-{seed}"
    return BENCH_DIR / "out" / "search-index" / name


def sqlite_path(size: int, seed: int) -> Path:
    return BENCH_DIR / "out" / f"archive-{size}-{seed}.sqlite3"


def memory_kib() -> tuple[int, int]:
    """(resident now, resident peak) of this process, in KiB (Linux /proc)."""
    now = peak = 0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                now = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1])
    return now, peak


def reset_database(engine: str, size: int, seed: int):
    import shutil

    shutil.rmtree(index_path(engine, size, seed), ignore_errors=True)
    if engine == "postgres":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            name = pg_database(size, seed)
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {name}")
    else:
        path = sqlite_path(size, seed)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


class TimedCorpus:
    """The generator, with the time spent inside it counted apart."""

    def __init__(self, size, seed):
        from bench.generate import corpus

        self.inner = corpus(size, seed)
        self.seconds = 0.0
        self.cpu_seconds = 0.0  # of the thread generating (the wall clock counts waits too)

    def __iter__(self):
        return self

    def __next__(self):
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            return next(self.inner)
        finally:
            self.seconds += time.perf_counter() - started
            self.cpu_seconds += time.thread_time() - cpu


def load(engine: str, size: int, seed: int, batch_size: int, meetings: str) -> dict:
    reset_database(engine, size, seed)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from statements.ingest.bulk import save_many
    from statements.models import Statement

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)

    samples = []
    load_before = os.getloadavg()
    server_before = _server_cpu()
    own_backend = _backend_pid()
    cpu_before = time.process_time()
    started = time.perf_counter()
    timed = TimedCorpus(size, seed)

    # pid -> CPU seconds of the import's other backends (the vector worker's, the writer's)
    others = {}

    def on_batch(done):  # on PostgreSQL, on the writer's thread and connection (`bulk._Writer`)
        now, _ = memory_kib()
        samples.append((done, now))
        others.update(_other_backends_cpu(own_backend))
        if done % max(batch_size, size // 10 // batch_size * batch_size or batch_size) == 0:
            rate = done / (time.perf_counter() - started)
            print(f"    {engine}: {done}/{size} statements, {rate:.0f}/s, RSS {now // 1024} MiB")

    summary = save_many(timed, batch_size=batch_size, on_batch=on_batch, meetings=meetings)
    if summary.batch_errors:  # a batch that failed went one document at a time: slow, say why
        print(f"    {engine}: {len(summary.batch_errors)} batches fell back to one by one:")
        for error in dict.fromkeys(summary.batch_errors):
            print(f"      {error}")
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu_before  # this process, every thread (the indexing ones too)
    server = _server_cpu() - server_before if server_before is not None else None

    analyze_started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    analyze = time.perf_counter() - analyze_started
    # What an import should end with: PostgreSQL's GIN pending list merged (until then the
    # planner reads the whole table for a rare word), the browse page's answer cached.
    from statements.search.faceted import warm

    warm()

    save_seconds = wall - timed.seconds
    _, peak = memory_kib()
    count = Statement.objects.count()
    return {
        "engine": engine,
        "size": size,
        "seed": seed,
        "batch_size": batch_size,
        "meetings": meetings,
        "statements": count,
        "created": summary.created,
        "one_by_one": summary.one_by_one,
        "batch_errors": summary.batch_errors[:10],
        "failed": summary.failed[:10],
        "wall_seconds": wall,
        "generate_seconds": timed.seconds,
        "generate_cpu_seconds": timed.cpu_seconds,
        "save_seconds": save_seconds,
        "analyze_seconds": analyze,
        "save_rate": size / save_seconds if save_seconds else 0,
        "end_to_end_rate": size / wall if wall else 0,
        "rss_samples_kib": samples,
        "peak_rss_kib": peak,
        "targets": pick_targets(),
        "database_bytes": database_bytes(engine, size, seed),
        "index_bytes": sum(
            f.stat().st_size for f in index_path(engine, size, seed).glob("*") if f.is_file()
        ),
        "index_lag": _index_lag(),
        # How the import fed the search index (`sync.ImportFeed`): documents from its own rows
        # (claimed), read again from the database (reread), index commits, seconds the import
        # waited on the indexing thread. Off with DJANGO_SEARCH_INDEX_ENABLED=0.
        "search_index": settings.SEARCH_INDEX_ENABLED,
        "index_feed": summary.index,
        "vector_wait_seconds": summary.vector_wait_seconds,
        # PostgreSQL: batches written on a second connection while the next is built
        # (`bulk._Writer`), and how long the import's thread waited for it.
        "pipelined": summary.pipelined,
        "writer_wait_seconds": summary.writer_wait_seconds,
        "index_docs": _index_docs(),
        # CPU seconds while saving and generating: the client (this process) and, on
        # PostgreSQL, its server process (a shared machine's wall clock says less).
        "client_cpu_seconds": cpu,
        "server_cpu_seconds": server,
        # PostgreSQL: the other connections of the import (`bulk.VectorWorker`'s, the
        # writer's), as last seen after a batch (the last batch is not counted).
        "other_server_cpu_seconds": sum(others.values()) if server is not None else None,
        "load_before": load_before,
        "load_after": os.getloadavg(),
    }


def _backend_pid():
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _server_cpu():
    """CPU seconds of this connection's PostgreSQL backend so far (same machine: /proc)."""
    pid = _backend_pid()
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:  # another host
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _other_backends_cpu(own) -> dict[int, float]:
    """{pid: CPU seconds} of the backends connected to this database but `own` (the import's
    main connection's), same machine."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> %s",
            [own],
        )
        pids = [row[0] for row in cursor.fetchall()]
    found = {}
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return found


def _index_docs():
    from django.conf import settings

    from statements.search.index import get_index

    if not settings.SEARCH_INDEX_ENABLED:
        return None
    index = get_index()
    index.reload()
    return index.num_docs()


def _index_lag() -> dict:
    from statements.search import sync

    return sync.lag()


def pick_targets() -> dict:
    """The pages the load test hits: a typical statement, the busiest official, a topic."""
    from django.db.models import Count

    from statements.models import Participant, Statement

    total = Statement.objects.count()
    statement = Statement.objects.order_by("pk")[total // 2 : total // 2 + 1].get()
    busiest = (
        Participant.objects.annotate(n=Count("statement_mentions"))
        .order_by("-n", "pk")
        .values("slug", "name", "n")
        .first()
    )
    typical = (
        Participant.objects.annotate(n=Count("statement_mentions"))
        .filter(n__gt=0)
        .order_by("-n", "pk")
    )
    median = typical[typical.count() // 2 : typical.count() // 2 + 1].values("slug", "n").get()
    return {
        "statement": statement.get_absolute_url(),
        "official_busiest": f"/officials/{busiest['slug']}/",
        "official_busiest_statements": busiest["n"],
        "official_median": f"/officials/{median['slug']}/",
        "official_median_statements": median["n"],
    }


def database_bytes(engine, size, seed) -> int:
    from django.db import connection

    if engine == "postgres":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    return sqlite_path(size, seed).stat().st_size


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument(
        "--database", default="", help="PostgreSQL database to (re)create (default: one per size)"
    )
    parser.add_argument(
        "--meetings",
        default="trust-reports",
        help="statements.ingest.bulk meeting mode: match, by-report or trust-reports",
    )
    args = parser.parse_args(argv)
    globals()["PG_DATABASE"] = args.database
    os.environ.update(engine_env(args.engine, args.size, args.seed))
    result = load(args.engine, args.size, args.seed, args.batch_size, args.meetings)
    args.result.write_text(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
