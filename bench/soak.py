"""Soak test (issue 6, "Load"): gunicorn under wrk for a minute against a mix of pages, with no
errors and no growth in the workers' memory.

    .venv/bin/python bench/soak.py [--db sqlite|postgres] [--seconds 60]   # or: make soak

Serves an archive the benchmark already loaded (`bench/load.py`; loaded here at `--size` if
missing) with production settings (`archive.settings`, DEBUG off, a secret key, allowed hosts,
requests sent as behind the TLS proxy) and one sync worker per core. gunicorn runs *without*
the container's `max_requests` recycling, so a leak cannot hide behind worker restarts. wrk
rotates through the mix (a Lua script written to bench/out/), after a warm-up that lets every
worker fill its caches; each worker's resident memory (VmRSS) is sampled every few seconds.
Exits non-zero on any non-2xx/3xx response, socket error, worker restart, or a worker whose
memory grew by more than `--max-growth` percent after the warm-up. Only loopback traffic;
gunicorn is stopped at the end, also on error.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
OUT = BENCH_DIR / "out"
sys.path.insert(0, str(ROOT))

from bench.load import database_loaded, engine_env  # noqa: E402
from bench.run import GUNICORN, MIX, PYTHON, free_port, get, machine, parse_wrk  # noqa: E402

LUA = """-- Written by bench/soak.py: rotate through the mix, count responses by status.
local paths = {%(paths)s}
wrk.headers["X-Forwarded-Proto"] = "https"
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 7)
  table.insert(threads, thread)
end

function init(args)
  n = offset
  statuses = {}
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("soak-status %%d %%d\\n", status, count))
  end
end
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description="Soak: wrk on a mix of pages, workers' memory.")
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--seconds", type=int, default=60, help="measured wrk run (default 60)")
    parser.add_argument("--warmup", type=int, default=15, help="wrk warm-up before the baseline")
    parser.add_argument("--sample-every", type=float, default=5.0, help="RSS sampling, seconds")
    parser.add_argument("--max-growth", type=float, default=20.0, help="percent per worker")
    parser.add_argument("--connections", type=int, default=0, help="default: 2 per worker")
    parser.add_argument("--size", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATH",
        help="leave this path out of the mix (repeatable), e.g. a page known to be broken",
    )
    parser.add_argument("--pick-urls", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.pick_urls:  # run in a child process with the engine's environment
        print(json.dumps(pick_urls()))
        return 0

    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    OUT.mkdir(parents=True, exist_ok=True)
    workers = os.cpu_count() or 1
    connections = args.connections or 2 * workers
    env = production_env(args)
    ensure_loaded(args)
    for command in (["migrate"], ["collectstatic", "--noinput"]):
        subprocess.run([str(PYTHON), "manage.py", *command, "--verbosity=0"], env=env, cwd=ROOT)
    paths = json.loads(
        subprocess.run(
            [str(PYTHON), __file__, "--pick-urls"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    excluded = [path for path in paths if path in args.exclude]
    paths = [path for path in paths if path not in args.exclude]
    script = OUT / f"soak-{args.db}.lua"
    script.write_text(LUA % {"paths": ", ".join(json.dumps(p) for p in paths)})

    result = {
        "db": args.db,
        "size": args.size,
        "seed": args.seed,
        "command": "bench/soak.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "load_before": os.getloadavg(),
        "workers": workers,
        "connections": connections,
        "seconds": args.seconds,
        "max_growth_pct": args.max_growth,
        "paths": paths,
        "excluded": excluded,
    }
    print(f"== soak on {args.db} ({args.size} statements): {len(paths)} URLs, {workers} workers")
    if excluded:
        print(f"  left out of the mix (--exclude): {', '.join(excluded)}")
    with gunicorn(env, workers, f"gunicorn-soak-{args.db}.log") as (port, master):
        bad, probe_ms = check_paths(port, paths)
        result["probe_ms"] = probe_ms
        slowest = sorted(probe_ms.items(), key=lambda item: -item[1])[:5]
        print("  slowest single requests (ms): " + ", ".join(f"{p} {ms:,.0f}" for p, ms in slowest))
        if bad:
            print(f"  {len(bad)} URLs do not answer 200 within {PROBE_TIMEOUT} s (above)")
            print("  (leave them out with --exclude PATH to soak the rest)")
            return 1
        print(f"  warm-up: wrk {args.warmup} s", flush=True)
        warm = parse_wrk(run_wrk(port, script, args.warmup, connections))
        start_pids = worker_pids(master)
        samples = [sample(start_pids)]
        print(f"  baseline RSS (MiB): {mib_row(samples[0])}", flush=True)
        print(f"  measured: wrk {args.seconds} s, {connections} connections", flush=True)
        wrk = wrk_process(port, script, args.seconds, connections)
        next_sample = time.monotonic() + args.sample_every
        while wrk.poll() is None:
            time.sleep(0.2)
            if time.monotonic() >= next_sample:
                samples.append(sample(worker_pids(master)))
                next_sample += args.sample_every
        output = wrk.stdout.read()
        end_pids = worker_pids(master)
        samples.append(sample(end_pids))
    result["load_after"] = os.getloadavg()
    result["finished"] = datetime.now(UTC).isoformat(timespec="seconds")

    row = parse_wrk(output)
    statuses = {
        int(line.split()[1]): int(line.split()[2])
        for line in output.splitlines()
        if line.startswith("soak-status ")
    }
    result.update(warmup_wrk=warm, wrk=row, statuses=statuses, rss_samples_kib=samples)
    start, end = samples[0], samples[-1]
    growth = {
        pid: 100.0 * (end.get(pid, 0) - start[pid]) / start[pid] for pid in start if start[pid]
    }
    peak = {pid: max(s.get(pid, 0) for s in samples) for pid in start}
    # A leak keeps growing; filling caches levels off: growth over the second half tells them apart.
    middle = samples[len(samples) // 2]
    late = {
        pid: 100.0 * (end.get(pid, 0) - middle[pid]) / middle[pid]
        for pid in start
        if middle.get(pid)
    }
    result.update(rss_start_kib=start, rss_end_kib=end, rss_peak_kib=peak, growth_pct=growth)
    result["second_half_growth_pct"] = late
    failures = []
    if row["errors"]:
        failures.append(f"{row['errors']} errors (non-2xx/3xx or socket errors)")
    if set(end_pids) != set(start_pids):
        failures.append(f"workers changed during the run: {start_pids} -> {end_pids}")
    for pid, pct in growth.items():
        if pct > args.max_growth:
            failures.append(f"worker {pid} grew {pct:.1f}% (> {args.max_growth:.0f}%)")
    result["failures"] = failures

    print(f"\n  requests   {row['requests']:,} in {args.seconds} s: {row['rps']:.1f} req/s")
    print(f"  latency    p50 {row['p50_ms']:.1f} ms, p99 {row['p99_ms']:.1f} ms")
    print(f"  statuses   {dict(sorted(statuses.items()))}")
    print(f"  errors     {row['errors']} (non-2xx/3xx + socket errors)")
    for pid in start:
        print(
            f"  worker {pid}: RSS {start[pid] / 1024:.1f} MiB after warm-up -> "
            f"{end.get(pid, 0) / 1024:.1f} MiB at the end ({growth.get(pid, 0):+.1f}%), "
            f"peak {peak[pid] / 1024:.1f} MiB; second half {late.get(pid, 0):+.1f}%"
        )
    path = OUT / f"soak-{args.db}-{args.size}-{args.seed}.json"
    path.write_text(json.dumps(result, indent=2, default=str))
    print(f"  results: {path.relative_to(ROOT)}")
    if failures:
        print("FAILED: " + "; ".join(failures))
        return 1
    print(f"OK: no errors, no worker grew more than {args.max_growth:.0f}%")
    return 0


def production_env(args) -> dict[str, str]:
    """The benchmark database's environment, with the production settings (not bench.settings:
    no query-counting middleware, no naive URLs)."""
    env = engine_env(args.db, args.size, args.seed)
    env.update(DJANGO_SETTINGS_MODULE="archive.settings", DJANGO_LOG_LEVEL="WARNING")
    return env


def ensure_loaded(args):
    """Load the corpus with the benchmark's loader if this engine's database is missing."""
    if database_loaded(args.db, args.size, args.seed):
        return
    print(f"  {args.db}: no benchmark database, loading {args.size} statements first")
    subprocess.run(
        [
            str(PYTHON),
            str(BENCH_DIR / "load.py"),
            f"--engine={args.db}",
            f"--size={args.size}",
            f"--seed={args.seed}",
            f"--result={OUT / f'load-{args.db}-{args.size}-{args.seed}.json'}",
        ],
        env=engine_env(args.db, args.size, args.seed),
        cwd=ROOT,
        check=True,
    )


def pick_urls() -> list[str]:
    """The mix: what readers ask for, spread over busy and quiet pages (deterministic)."""
    import django

    django.setup()
    from django.db.models import Count

    from statements.models import Meeting, Participant, Statement, Topic

    def spread(queryset, n):
        """n rows at even steps through the queryset's order."""
        total = queryset.count()
        return [queryset[i * total // n] for i in range(n)] if total else []

    statements = spread(Statement.objects.published().order_by("pk"), 6)
    officials = Participant.objects.annotate(n=Count("statement_mentions")).filter(n__gt=0)
    officials = officials.order_by("-n", "pk")
    busiest, *others = [officials[0], *spread(officials, 4)[1:]]
    meetings = spread(Meeting.objects.order_by("pk"), 4)
    topics = Topic.objects.annotate(n=Count("statements")).filter(n__gt=0).order_by("-n", "pk")
    topics = spread(topics, 3)
    searches = [params for _, params in MIX] + [
        {"q": "border security", "topic": topics[-1].slug},
        {"q": "fentanyl", "official": busiest.slug},
        {"q": "migration", "kind": "readout", "country": "MX"},
    ]
    urls = ["/", "/officials/", "/topics/", "/meetings/"]
    urls += [s.get_absolute_url() for s in statements]
    urls += [o.get_absolute_url() for o in (busiest, *others)]
    urls += [m.get_absolute_url() for m in meetings]
    urls += [t.get_absolute_url() for t in topics]
    urls += ["/search/" + (f"?{urlencode(p)}" if p else "") for p in searches]
    urls += [
        "/api/search/?q=fentanyl",
        "/api/search/?" + urlencode({"q": "migration", "kind": "readout", "year": "2021"}),
        "/feeds/latest/",
        f"/topics/{topics[0].slug}/feed/",
    ]
    return urls


PROBE_TIMEOUT = 35  # gunicorn kills a worker after 30 s, as in production


def check_paths(port, paths) -> tuple[list[tuple[str, object]], dict[str, float]]:
    """Every URL of the mix must be a page that answers in time (a redirect, a 404 or a page
    that outlives the worker timeout would measure nothing but its own failure)."""
    bad, timings = [], {}
    for path in paths:
        started = time.perf_counter()
        try:
            status, _, _ = get(port, path, timeout=PROBE_TIMEOUT)
        except OSError as error:
            status = f"{type(error).__name__} after {time.perf_counter() - started:.0f} s"
        timings[path] = (time.perf_counter() - started) * 1000
        if status != 200:
            bad.append((path, status))
            print(f"    {status} {path}", flush=True)
    return bad, timings


@contextmanager
def gunicorn(env, workers, log_name):
    """gunicorn on a free loopback port; (port, master pid). Stopped with its workers."""
    port = free_port()
    command = [
        str(GUNICORN),
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "30",  # as in production (docker/gunicorn.conf.py); a killed worker fails the soak
        "--log-level",
        "warning",
        "archive.wsgi:application",
    ]
    log = (OUT / log_name).open("w")
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                get(port, "/healthz", timeout=30)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"gunicorn did not start: see bench/out/{log_name}"
                    ) from None
                time.sleep(0.2)
        while len(worker_pids(process.pid)) < workers and time.monotonic() < deadline:
            time.sleep(0.2)
        yield port, process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def wrk_command(port, script, seconds, connections) -> list[str]:
    return [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        str(script),
        f"http://127.0.0.1:{port}/",
    ]


def run_wrk(port, script, seconds, connections) -> str:
    command = wrk_command(port, script, seconds, connections)
    return subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout


def wrk_process(port, script, seconds, connections) -> subprocess.Popen:
    command = wrk_command(port, script, seconds, connections)
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def worker_pids(master: int) -> list[int]:
    """gunicorn's workers: the processes whose parent is the master."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("PPid:"):
                if int(line.split()[1]) == master:
                    pids.append(int(entry.name))
                break
    return sorted(pids)


def sample(pids) -> dict[int, int]:
    """VmRSS in KiB of each process (0 if it is gone)."""
    rss = {}
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss[pid] = int(line.split()[1])
                    break
        except OSError:
            rss[pid] = 0
    return rss


def mib_row(rss) -> str:
    return ", ".join(f"{pid}: {kib / 1024:.1f}" for pid, kib in rss.items())


if __name__ == "__main__":
    sys.exit(main())
