"""Both databases' search pages timed side by side: cold requests alternated between them.

`bench/run.py` times SQLite's mix, then PostgreSQL's minutes later; on a shared machine the
load moves in between, and a burst of other work lands on one column only (PostgreSQL's pages
came out at up to 2x SQLite's that way, and 1.1x when alternated). Here one gunicorn per
database (as bench/run.py starts them, on its loaded databases and indexes) and, for each query
of the mix, requests sent in turn to each, the first engine swapped every round, each after the
same no-op write as the cold mix, so both columns see the same load:

    BENCH_PG_PREFIX=archive_bench_me flock /work/wt/bench.lock \\
        .venv/bin/python bench/interleaved.py --size 100000 --repeat 20

Prints p50 and p95 of the full response and the server's own time (X-Bench-Server-Ms).
"""

import argparse
import contextlib
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run  # noqa: E402

ENGINES = ("sqlite", "postgres")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    with contextlib.ExitStack() as stack:
        ports = {e: stack.enter_context(run.gunicorn(e, args, args.workers)) for e in ENGINES}
        writes = {e: run.invalidator(e, args) for e in ENGINES}
        print(f"{'query':24s} " + "  ".join(f"{e:>8s} p50    p95 server" for e in ENGINES))
        for name, params in run.MIX:
            url = run.search_url(params)
            times = {e: [] for e in ENGINES}
            server = {e: [] for e in ENGINES}
            for attempt in range(2 + args.repeat):  # two warm-up rounds
                for engine in ENGINES if attempt % 2 else ENGINES[::-1]:
                    writes[engine]()
                    started = time.perf_counter()
                    status, headers, _ = run.get(ports[engine], url)
                    elapsed = (time.perf_counter() - started) * 1000
                    if status != 200:
                        raise RuntimeError(f"{engine} {url}: {status}")
                    if attempt >= 2:
                        times[engine].append(elapsed)
                        server[engine].append(float(headers["X-Bench-Server-Ms"]))
            print(
                f"{name:24s} "
                + "  ".join(
                    f"{statistics.median(times[e]):8.1f} {run.percentile(times[e], 95):6.1f} "
                    f"{statistics.median(server[e]):6.1f}"
                    for e in ENGINES
                ),
                flush=True,
            )


if __name__ == "__main__":
    main()
