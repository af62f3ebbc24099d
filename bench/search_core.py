"""The search core in-process, the Tantivy index against the database path, nothing cached.

    DJANGO_SQLITE_PATH=bench/out/archive-10000-42.sqlite3 .venv/bin/python bench/search_core.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive_bench_10000_42 \\
        .venv/bin/python bench/search_core.py

What issue 14's trial measured: for each query of the benchmark's mix, the count, the facets
(the search page's seven), the top 20 in order, their snippets and the 20 listings loaded; no
HTTP, no template. The index is rebuilt into a temporary directory first (its rate printed);
the database path runs with its answer cache off (no search generation: every answer computed).
Rounds are interleaved so both paths share the machine's load alike. Also checks that both
paths give the same count and facets for every query.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-not-secret")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

MIX = (
    ("rare word", "q=huitlacoche"),
    ("common word", "q=migration"),
    ("official, no accents", "q=Lopez+Obrador"),
    ("quoted phrase", "q=%22arms+trafficking%22"),
    ("word + 2 facets", "q=fentanyl&kind=readout&year=2021"),
    ("empty query (browse)", ""),
    ("page 50, common word", "q=migration&page=50"),
)
PAGE = 20


def run_once(params, *, index):
    from django.conf import settings
    from django.http import QueryDict

    from statements.search.faceted import faceted_search

    settings.SEARCH_INDEX_ENABLED = index
    query = QueryDict(params)
    started = time.perf_counter()
    found = faceted_search(query)
    found.results.related = ("mentions", "topics")
    facets = found.facets
    count = found.results.count()
    page = int(query.get("page", 1))
    start = min((page - 1) * PAGE, max(count - 1, 0))
    shown = found.results[start : start + PAGE]
    elapsed = (time.perf_counter() - started) * 1000
    summary = (count, {k: [(v.value, v.count) for v in vs] for k, vs in facets.items()})
    return elapsed, summary, [s.pk for s in shown]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    import statements.search.base as base
    from statements.models import Statement
    from statements.search import index as search_index
    from statements.search import sync

    base.current_generation = lambda: None  # the database path: no cached answers
    settings.SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="search-core-"))
    search_index.reset_indexes()
    total = Statement.objects.published().count()
    started = time.perf_counter()
    built = search_index.get_index().rebuild(position=0)
    seconds = time.perf_counter() - started
    print(
        f"{connection.vendor}: {total} published statements; index rebuilt in {seconds:.1f} s "
        f"({built / seconds:.0f} statements/s)"
    )
    sync.ensure_fresh = lambda index=None, wait=0: None  # nothing writes during the run

    times = {(name, path): [] for name, _ in MIX for path in ("index", "database")}
    agree = {}
    for name, params in MIX:  # warm-up, and the comparison of counts and facets
        _, by_index, index_ids = run_once(params, index=True)
        _, by_database, database_ids = run_once(params, index=False)
        agree[name] = by_index == by_database and (
            index_ids == database_ids or set(index_ids) == set(database_ids) or "q=" in params
        )
    for _ in range(args.rounds):
        for name, params in MIX:
            for path in ("index", "database"):
                times[(name, path)].append(run_once(params, index=path == "index")[0])

    def pct(values, q):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]

    print(f"{'query':<24} {'index p50':>9} {'p95':>7} | {'database p50':>12} {'p95':>7} | same")
    for name, _ in MIX:
        ours, ref = times[(name, "index")], times[(name, "database")]
        print(
            f"{name:<24} {statistics.median(ours):9.1f} {pct(ours, 0.95):7.1f} | "
            f"{statistics.median(ref):12.1f} {pct(ref, 0.95):7.1f} | {agree[name]}"
        )
    print(f"(ms, {args.rounds} interleaved rounds, load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
