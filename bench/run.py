"""The benchmark, in one command: `make bench` (10k statements) or
`make bench BENCH_ARGS="--size 100000 --record"`.

For each engine (SQLite, PostgreSQL), in one run:
1. generate the corpus and load it into a fresh benchmark database through the bulk import
   path (documents per second, peak memory): `bench/load.py`;
2. serve the archive with gunicorn (one worker per core, DEBUG off) and time the search page's
   full HTTP response for the query mix (p50, p95, SQL queries per page), then the naive
   reference on the same server (`bench/references.py`);
   Before timing, the index is caught up with the database (every request then finds it
   current, as after an edit whose own process indexed it); *cold* moves the search generation
   before each request (no page cache, no cached answer), *edited* also edits a statement and
   has a server process index it first (the reader pays the index reload, not the commit);
3. the same mix answered in-process by the index and by the database-only search, compared:
   counts, facets, result sets and date orders must be identical (`bench/search_core.py`);
4. load test: wrk on 127.0.0.1 against a statement page, an official page and a common search.
Then Datasette serves the same corpus (built from the SQLite database) and answers the same
mix. Results print as tables, go to bench/out/results-<size>-<seed>.json and, with `--record`,
into docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
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

from bench import references  # noqa: E402
from bench.load import database_loaded, engine_env, sqlite_path  # noqa: E402

PYTHON = ROOT / ".venv" / "bin" / "python"
# As behind the TLS proxy production runs behind (DEBUG off redirects plain HTTP to HTTPS).
HEADERS = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
ENGINES = ("sqlite", "postgres")

# The fixed query mix (issue 5). Words chosen for how often the generator writes them.
MIX = (
    ("rare word", {"q": "huitlacoche"}),
    ("common word", {"q": "migration"}),
    ("official, no accents", {"q": "Lopez Obrador"}),
    ("quoted phrase", {"q": '"arms trafficking"'}),
    ("word + 2 facets", {"q": "fentanyl", "kind": "readout", "year": "2021"}),
    ("empty query (browse)", {}),
    ("page 50, common word", {"q": "migration", "page": "50"}),
)
TARGETS = {  # issue 14 (search, cold) and issue 5 (import, load test), 2 cores, 100k statements
    "p50_ms": 30,
    "p95_ms": 60,
    "p95_ms_1m": 200,  # at 1,000,000 statements
    "datasette_ratio": 0.2,
    "naive_rare_speedup": 100,
    "import_rate": 500,
    "statement_rps": 300,
    "search_rps": 100,
}


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Archive benchmark: import, search mix vs naive and Datasette, load test."
    )
    parser.add_argument("--size", type=int, default=10_000, help="statements (default 10000)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--engines", default=",".join(ENGINES), help="sqlite,postgres")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per query")
    parser.add_argument("--naive-repeat", type=int, default=3, help="the naive way is slow")
    parser.add_argument(
        "--datasette-repeat",
        type=int,
        default=0,
        help="default: --repeat (it takes 30 s a page at 100k)",
    )
    parser.add_argument("--wrk-seconds", type=int, default=30)
    parser.add_argument("--wrk-connections", type=int, default=0, help="default: 2 per worker")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument(
        "--meetings",
        default="trust-reports",
        help="how the bulk import links meetings: match, by-report or trust-reports "
        "(default: the generated meetings are distinct, so no matching)",
    )
    parser.add_argument("--reuse", action="store_true", help="keep databases already loaded")
    parser.add_argument("--load-only", action="store_true", help="load, measure nothing")
    parser.add_argument("--skip", default="", help="any of: cold,edited,parity,naive,datasette,wrk")
    parser.add_argument("--record", action="store_true", help="write docs/PERFORMANCE.md")
    args = parser.parse_args(argv)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    OUT.mkdir(parents=True, exist_ok=True)

    results = {
        "machine": machine(),
        "command": "make bench BENCH_ARGS=" + repr(" ".join(argv or sys.argv[1:])),
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "size": args.size,
        "seed": args.seed,
        "load_before": os.getloadavg(),
        "wrk_seconds": args.wrk_seconds,
        "mix": [{"name": name, "params": params} for name, params in MIX],
        "engines": {},
    }
    workers = os.cpu_count() or 1
    print(f"\n== loading {args.size} statements into {', '.join(engines)} (one after another)")
    loads = load_corpora(engines, args)
    if args.load_only:
        for engine in engines:
            print_load(loads[engine])
        return
    for engine in engines:
        load = loads[engine]
        print(f"\n== {engine}: loaded")
        print_load(load)
        result = {"load": load}
        with gunicorn(engine, args, workers) as port:
            result["index"] = catch_up(port)
            print(f"== {engine}: search index caught up before timing: {result['index']}")
            print(f"== {engine}: search mix over HTTP (gunicorn, {workers} workers)", flush=True)
            result["ours"] = time_mix(port, search_url, args.repeat)
            if "cold" not in skip:
                print(f"== {engine}: the same mix, cold (the generation moved before each request)")
                invalidate = invalidator(engine, args)
                cold = time_mix(port, search_url, args.repeat, before_each=invalidate)
                for row, cold_row in zip(result["ours"], cold, strict=True):
                    row["cold_p50_ms"] = cold_row["p50_ms"]
                    row["cold_p95_ms"] = cold_row["p95_ms"]
                    row["cold_queries"] = cold_row["queries"]
            if "edited" not in skip:
                print(f"== {engine}: the same mix, each request after an edit, indexed")
                edit = editor(engine, args, port)
                edited = time_mix(port, search_url, args.repeat, before_each=edit)
                for row, edited_row in zip(result["ours"], edited, strict=True):
                    row["edited_p50_ms"] = edited_row["p50_ms"]
                    row["edited_p95_ms"] = edited_row["p95_ms"]
                result["edits_applied"] = edit.applied
            for row, (_, params) in zip(result["ours"], MIX, strict=True):
                row["count"] = api_count(port, params)
            if "naive" not in skip:
                print(f"== {engine}: the naive way", flush=True)
                # Seconds per request at 100k: no warm-up (it reads every body anyway).
                result["naive"] = time_mix(port, naive_url, args.naive_repeat, warmup=0)
            if "wrk" not in skip:
                print(f"== {engine}: wrk, {args.wrk_seconds} s per page", flush=True)
                result["wrk"] = load_test(port, load["targets"], args, workers)
        if "parity" not in skip:
            print(f"== {engine}: the mix by the index and by the database-only search", flush=True)
            result["parity"] = parity(engine, args)
        results["engines"][engine] = result
        print_mix(engine, result)

    if "datasette" not in skip and "sqlite" in engines:
        print("\n== datasette: same corpus, same mix", flush=True)
        results["datasette"] = run_datasette(args)
        for engine in engines:
            print_mix(engine, results["engines"][engine], results["datasette"])

    results["load_after"] = os.getloadavg()
    results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    path = OUT / f"results-{args.size}-{args.seed}.json"
    path.write_text(json.dumps(results, indent=2, default=str))
    print(f"\nresults: {path.relative_to(ROOT)}")
    if args.record:
        from bench.report import record

        doc = record(results)
        print(f"recorded in {doc.relative_to(ROOT)}")


# --- Loading ------------------------------------------------------------------------------


def load_corpora(engines, args) -> dict:
    """Load each engine's database in turn (its own process, the machine to itself: the import
    rate is the one a lone import gets), or reuse earlier loads."""
    results = {}
    for engine in engines:
        marker = OUT / f"load-{engine}-{args.size}-{args.seed}.json"
        if args.reuse and marker.exists() and database_loaded(engine, args.size, args.seed):
            print(f"  reusing the {engine} database loaded earlier ({marker.name}), migrated")
            subprocess.run(
                [str(PYTHON), "manage.py", "migrate", "--verbosity=0"],
                env=engine_env(engine, args.size, args.seed),
                cwd=ROOT,
                check=True,
            )
            continue
        marker.unlink(missing_ok=True)
        command = [
            str(PYTHON),
            str(BENCH_DIR / "load.py"),
            f"--engine={engine}",
            f"--size={args.size}",
            f"--seed={args.seed}",
            f"--batch-size={args.batch_size}",
            f"--meetings={args.meetings}",
            f"--result={marker}",
        ]
        env = engine_env(engine, args.size, args.seed)
        if subprocess.run(command, env=env, cwd=ROOT).returncode != 0:
            raise SystemExit(f"loading {engine} failed")
    for engine in engines:
        marker = OUT / f"load-{engine}-{args.size}-{args.seed}.json"
        results[engine] = json.loads(marker.read_text())
        results[engine]["parallel_with"] = []
    return results


def print_load(load):
    if load.get("replicated_from"):
        print(f"  {load['statements']} statements: copies of {load['replicated_from']}")
        return
    samples = load["rss_samples_kib"]
    first = samples[min(len(samples) - 1, max(0, len(samples) // 10))][1] if samples else 0
    print(
        f"  {load['statements']} statements in {load['wall_seconds']:.1f} s: "
        f"saving {load['save_rate']:.0f}/s (generating took {load['generate_seconds']:.1f} s, "
        f"end to end {load['end_to_end_rate']:.0f}/s); RSS at 10% {first // 1024} MiB, "
        f"at the end {samples[-1][1] // 1024 if samples else 0} MiB, "
        f"peak {load['peak_rss_kib'] // 1024} MiB"
    )
    if load["failed"]:
        print(f"  FAILED: {load['failed']}")


# --- Serving and timing -------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port, path="/healthz", timeout=180.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, _, _ = get(port, path, timeout=30)
            return status
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answers on 127.0.0.1:{port}{path}")


@contextmanager
def serving(command, env, port, log_name, ready_path="/healthz"):
    log = (OUT / log_name).open("w")
    process = subprocess.Popen(
        command,
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its workers go with it
    )
    try:
        wait_for(port, ready_path)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


@contextmanager
def gunicorn(engine, args, workers):
    port = free_port()
    command = [
        str(GUNICORN),
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "600",
        "--log-level",
        "warning",
        "archive.wsgi:application",
    ]
    with serving(command, engine_env(engine, args.size, args.seed), port, f"gunicorn-{engine}.log"):
        yield port


def get(port, path, timeout=600):
    """One GET over a new connection; (status, headers, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=HEADERS)
        response = conn.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body
    finally:
        conn.close()


def search_url(params):
    return "/search/" + (f"?{urlencode(params)}" if params else "")


def naive_url(params):
    return "/bench/naive/search/" + (f"?{urlencode(params)}" if params else "")


def time_mix(port, url_for, repeat, warmup=2, before_each=None) -> list[dict]:
    rows = []
    for name, params in MIX:
        url = url_for(params)
        rows.append(time_url(port, url, repeat, name, warmup=warmup, before_each=before_each))
        row = rows[-1]
        print(
            f"  {name:<24} p50 {row['p50_ms']:8.1f} ms  p95 {row['p95_ms']:8.1f} ms  "
            f"SQL {row['queries']}  {row['bytes'] // 1024} KiB"
            + (f"  ERRORS {row['errors']}" if row["errors"] else ""),
            flush=True,
        )
    return rows


def time_url(port, url, repeat, name="", warmup=2, before_each=None) -> dict:
    timings, errors, queries, size, server = [], [], None, 0, []
    for attempt in range(warmup + repeat):
        if before_each is not None:
            before_each()
        started = time.perf_counter()
        status, headers, body = get(port, url)
        elapsed = (time.perf_counter() - started) * 1000
        if status != 200:
            errors.append(f"{status}: {body[:200]!r}")
            continue
        if attempt >= warmup:
            timings.append(elapsed)
            if "X-Bench-Server-Ms" in headers:
                server.append(float(headers["X-Bench-Server-Ms"]))
        queries = headers.get("X-Bench-Queries", queries)
        size = len(body)
    return {
        "name": name,
        "url": url,
        "n": len(timings),
        "p50_ms": percentile(timings, 50),
        "p95_ms": percentile(timings, 95),
        "server_p50_ms": percentile(server, 50) if server else None,
        "queries": int(queries) if queries is not None else None,
        "bytes": size,
        "errors": errors[:3],
    }


def invalidator(engine, args):
    """A write that makes every cached search answer stale, as an import or an edit does.

    The page cache and the search cache key their answers by a "search generation" that
    triggers move on every write to a table search reads (migrations 0005, 0006); a no-op UPDATE
    of one topic fires them, whatever the mechanism, without changing any data. It writes no
    change-log row (the index holds topic ids, not names), so the index stays current and its
    snapshot (reader, whole-archive totals) stays loaded: what any query nobody asked since
    the last write costs, once the first search after that write has reloaded the index
    (`editor` measures that first search).
    """
    sql = (
        "UPDATE statements_topic SET name = name WHERE id = (SELECT min(id) FROM statements_topic)"
    )
    conn = _connect(engine, args)

    def invalidate():
        conn.execute(sql)

    return invalidate


def catch_up(port) -> dict:
    """Have a server process apply the change log to the index now (bench/urls.py); its lag."""
    status, _, body = get(port, "/bench/catch-up/")
    if status != 200:
        raise RuntimeError(f"/bench/catch-up/ answered {status}: {body[:200]!r}")
    return json.loads(body)


def editor(engine, args, port):
    """An edit as a curator's save makes it, before each request: one published statement
    updated (its title set to itself: the change log records it, the generation moves), then
    indexed by a server process, as the saving process does right after its commit. The timed
    request finds the index current but reloaded: it pays what a reader pays after an edit
    (the new snapshot, the whole-archive totals computed again), not the index commit.
    `editor.applied` counts the log rows applied (one per edit, or the edit was not seen)."""
    sql = (
        "UPDATE statements_statement SET title = title WHERE id = "
        "(SELECT min(id) FROM statements_statement WHERE status = 'published')"
    )
    connection = _connect(engine, args)

    def edit():
        connection.execute(sql)
        edit.applied += catch_up(port)["applied"]

    edit.applied = 0
    return edit


def _connect(engine, args):
    if engine == "postgres":
        import psycopg

        from bench.load import pg_url

        return psycopg.connect(pg_url(args.size, args.seed), autocommit=True)
    import sqlite3

    return sqlite3.connect(sqlite_path(args.size, args.seed), isolation_level=None)


def parity(engine, args) -> list[dict]:
    """`bench/search_core.py --compare` on this engine's database and index: the rows."""
    path = OUT / f"parity-{engine}-{args.size}-{args.seed}.json"
    path.unlink(missing_ok=True)
    command = [str(PYTHON), str(BENCH_DIR / "search_core.py"), "--compare", "--json", str(path)]
    subprocess.run(command, env=engine_env(engine, args.size, args.seed), cwd=ROOT, check=True)
    return json.loads(path.read_text())


def api_count(port, params):
    """How many statements our search finds (the JSON API takes the page's parameters)."""
    query = {k: v for k, v in params.items() if k != "page"}
    status, _, body = get(port, "/api/search/" + (f"?{urlencode(query)}" if query else ""))
    try:
        return json.loads(body)["count"] if status == 200 else None
    except (ValueError, KeyError):
        return None


def percentile(values, p) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


# --- Load test ----------------------------------------------------------------------------


def load_test(port, targets, args, workers) -> list[dict]:
    if not shutil.which("wrk"):
        print("  wrk is missing: apt-get install wrk (skipping the load test)")
        return []
    connections = args.wrk_connections or 2 * workers
    pages = [
        ("statement page", targets["statement"]),
        ("official page (busiest)", targets["official_busiest"]),
        ("official page (median)", targets["official_median"]),
        ("common search", search_url({"q": "migration"})),
    ]
    rows = []
    for name, path in pages:
        status, _, _ = get(port, path)  # warm up, and make sure the page exists
        if status != 200:
            print(f"  {name}: {path} answers {status}, not 200: not load-tested")
            rows.append({"name": name, "path": path, "status": status, "errors": "not 200"})
            continue
        command = [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{args.wrk_seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "-H",
            "X-Forwarded-Proto: https",
            f"http://127.0.0.1:{port}{path}",
        ]
        output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
        row = parse_wrk(output)
        row.update(name=name, path=path, status=status, connections=connections)
        rows.append(row)
        print(
            f"  {name:<26} {row['rps']:8.1f} req/s  p99 {row['p99_ms']:8.1f} ms  "
            f"errors {row['errors']}  (first response {status})",
            flush=True,
        )
    return rows


def parse_wrk(output) -> dict:
    def number_ms(text):
        value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    requests = re.search(r"(\d+) requests in", output)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(non2xx.group(1)) if non2xx else 0
    if sockets:
        errors += sum(int(n) for n in sockets.groups())
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": number_ms(p50.group(1)) if p50 else float("nan"),
        "p99_ms": number_ms(p99.group(1)) if p99 else float("nan"),
        "requests": int(requests.group(1)) if requests else 0,
        "errors": errors,
        "raw": output[-1500:],
    }


# --- Datasette ----------------------------------------------------------------------------


def run_datasette(args) -> dict:
    archive = sqlite_path(args.size, args.seed)
    target = OUT / f"datasette-{args.size}-{args.seed}.db"
    started = time.perf_counter()
    if not (args.reuse and target.exists()):
        references.build_datasette_db(archive, target)
    build = time.perf_counter() - started
    db_name = target.stem
    port = free_port()
    command = references.datasette_command(target, port)
    env = references.env_without_django()
    with serving(command, env, port, "datasette.log", ready_path="/-/versions.json"):
        rows = []
        for name, params in MIX:
            params = dict(params)
            page = int(params.pop("page", 1))
            if page > 1:
                params["_next"] = references.datasette_next_token(target, params, page)
            url = references.datasette_url(params, db_name)
            row = time_url(port, url, args.datasette_repeat or args.repeat, name)
            _, _, body = get(port, url.replace("/statements?", "/statements.json?", 1))
            try:
                data = json.loads(body)
                row["count"] = data.get("filtered_table_rows_count")
                row["facets_timed_out"] = data.get("facets_timed_out", [])
            except ValueError:
                row["count"] = None
            rows.append(row)
            print(
                f"  {name:<24} p50 {row['p50_ms']:8.1f} ms  p95 {row['p95_ms']:8.1f} ms  "
                f"{row.get('count')} rows" + (f"  ERRORS {row['errors']}" if row["errors"] else ""),
                flush=True,
            )
    return {
        "build_seconds": build,
        "command": references.describe_command(command),
        "mix": rows,
    }


# --- Printing -----------------------------------------------------------------------------


def ratio(a, b):
    try:
        return a / b
    except (TypeError, ZeroDivisionError):
        return float("nan")


def print_mix(engine, result, datasette=None):
    ours = result.get("ours", [])
    naive = result.get("naive") or [{}] * len(ours)
    peer = (datasette or {}).get("mix") or [{}] * len(ours)
    same = {row["name"]: row for row in result.get("parity") or []}
    print(f"\n{engine}: search page, full HTTP response (ms; ratios against cold p50)")
    header = (
        f"  {'query':<24} {'warm p50':>8} {'cold p50':>8} {'p95':>7} {'edited p50':>10} {'p95':>7}"
        f" {'SQL':>4} | {'naive p50':>9} {'naive/us':>8} | {'datasette p50':>13} "
        f"{'us/datasette':>12} | same as database"
    )
    print(header)
    nan = float("nan")
    for row, n, d in zip(ours, naive, peer, strict=False):
        cold = row.get("cold_p50_ms", row["p50_ms"])
        check = same.get(row["name"])
        print(
            f"  {row['name']:<24} {row['p50_ms']:8.1f} {row.get('cold_p50_ms', nan):8.1f} "
            f"{row.get('cold_p95_ms', nan):7.1f} {row.get('edited_p50_ms', nan):10.1f} "
            f"{row.get('edited_p95_ms', nan):7.1f} "
            f"{row['queries'] if row['queries'] is not None else '?':>4} | "
            f"{n.get('p50_ms', nan):9.1f} {ratio(n.get('p50_ms'), cold):8.1f}"
            f" | {d.get('p50_ms', nan):13.1f} "
            f"{ratio(cold, d.get('p50_ms')):12.2f} | "
            + ("not checked" if check is None else "SAME" if check["same"] else "DIFFERENT")
        )


def machine() -> dict:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kib = int(
            next(
                line.split()[1]
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            )
        )
    except (OSError, StopIteration):
        mem_kib = 0
    import sqlite3

    versions = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    try:
        versions["postgres"] = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", "SHOW server_version"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        versions["postgres"] = "?"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "memory_gib": round(mem_kib / 1024 / 1024, 1),
        "os": platform.platform(),
        "versions": versions,
        "commit": commit,
    }


if __name__ == "__main__":
    main()
