"""How long keeping the search index current takes, on a loaded benchmark database.

    python bench/sync_timing.py --engine sqlite --size 10000 [--database NAME]

Prints: a rebuild from the database; `sync.ensure_fresh()` when the index is current (the cost
every search pays); the catch-up after one edited statement (index commit and reload); and
`SearchIndex.apply` for batches of 100 to 2,000 statements (what an import pays per batch).
Works on a copy of nothing: it edits one statement's title (and puts it back) and writes the
index under bench/out/search-index/.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import load  # noqa: E402


def percentile(samples, p):
    samples = sorted(samples)
    return samples[min(len(samples) - 1, int(len(samples) * p))]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--database", default="", help="PostgreSQL database (default: per size)")
    args = parser.parse_args(argv)
    load.PG_DATABASE = args.database
    os.environ.update(load.engine_env(args.engine, args.size, args.seed))
    import django

    django.setup()
    from statements.models import Statement
    from statements.search import sync
    from statements.search.index import get_index

    index = get_index()
    started = time.perf_counter()
    documents = sync.rebuild()
    print(f"rebuild: {documents} statements in {time.perf_counter() - started:.1f} s")

    current = []
    for _ in range(300):
        started = time.perf_counter()
        sync.ensure_fresh()
        current.append((time.perf_counter() - started) * 1000)
    print(f"ensure_fresh, current: p50 {percentile(current, 0.5):.3f} ms, "
          f"p95 {percentile(current, 0.95):.3f} ms")  # fmt: skip

    statement = Statement.objects.published().order_by("pk").first()
    title, edits = statement.title, []
    for i in range(20):
        Statement.objects.filter(pk=statement.pk).update(title=f"{title} ({i})")
        started = time.perf_counter()
        sync.ensure_fresh()
        edits.append((time.perf_counter() - started) * 1000)
    Statement.objects.filter(pk=statement.pk).update(title=title)
    sync.ensure_fresh()
    print(f"one edit, then ensure_fresh: p50 {percentile(edits, 0.5):.0f} ms, "
          f"p95 {percentile(edits, 0.95):.0f} ms")  # fmt: skip

    ids = list(Statement.objects.published().order_by("pk").values_list("pk", flat=True))
    for size in (100, 500, 2000):
        chunk = ids[len(ids) // 2 : len(ids) // 2 + size]
        wall, cpu = time.perf_counter(), time.process_time()
        index.apply(chunk, [], index.position())
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"apply {len(chunk)}: {wall:.2f} s wall ({wall / len(chunk) * 1000:.2f} ms each), "
              f"{cpu:.2f} s CPU")  # fmt: skip


if __name__ == "__main__":
    main()
