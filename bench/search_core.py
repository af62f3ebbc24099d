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

    .venv/bin/python bench/search_core.py --compare --json out.json   # (bench/run.py runs it)

`--compare` times nothing: on the index the server uses (`DJANGO_SEARCH_INDEX_DIR`, brought up
to date first), each query of the mix is answered by the index and by the database path
(`SEARCH_INDEX_ENABLED` off, no cached answer) and compared: the count, every facet (values,
labels, counts), the whole result list newest first (in order), the whole result set in the
query's own order (relevance: BM25 against FTS5's bm25 or PostgreSQL's ts_rank, which order
ties and near-ties differently by design, so the set is compared and the top 20 in common
reported), and the page the mix asks for when its order is by date.
"""

import argparse
import json
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


def answer(params, *, index):
    """What a search of `params` shows, by the index or the database: (count, facets, all ids
    in the query's own order, all ids newest first, the ids of the page asked for, path)."""
    from django.conf import settings
    from django.http import QueryDict

    enabled = settings.SEARCH_INDEX_ENABLED
    settings.SEARCH_INDEX_ENABLED = index
    try:
        return _answer(QueryDict(params))
    finally:
        settings.SEARCH_INDEX_ENABLED = enabled


def _answer(query):
    from statements.search.engine import IndexResults
    from statements.search.faceted import faceted_search

    found = faceted_search(query)
    facets = {
        name: [(v.value, v.label, v.count, v.selected) for v in values]
        for name, values in found.facets.items()
    }
    results = found.results
    count = results.count()
    page = int(query.get("page", 1))
    start = min((page - 1) * PAGE, max(count - 1, 0))
    ordered = results.ids(0, count)
    shown = results.ids(start, PAGE)
    newest = query.copy()
    newest["sort"] = "newest"
    by_date = faceted_search(newest).results.ids(0, count)
    path = "index" if isinstance(results, IndexResults) and results.index_search else "database"
    return count, facets, ordered, by_date, shown, results.sort, path


def compare():
    """Index against database on every query of the mix; prints a table, returns rows."""
    from statements.search import index as search_index
    from statements.search import sync

    sync.ensure_fresh(search_index.get_index(), wait=60)
    rows = []
    for name, params in MIX:
        started = time.perf_counter()
        ours = answer(params, index=True)
        middle = time.perf_counter()
        ref = answer(params, index=False)
        ended = time.perf_counter()
        count, facets, ordered, by_date, shown, sort, path = ours
        r_count, r_facets, r_ordered, r_by_date, r_shown, _, r_path = ref
        dated = sort != "relevance"
        row = {
            "name": name,
            "sort": sort,
            "paths": [path, r_path],
            "count": count,
            "ref_count": r_count,
            "count_same": count == r_count,
            "facets_same": facets == r_facets,
            "date_order_same": by_date == r_by_date,
            "set_same": set(ordered) == set(r_ordered) and len(ordered) == len(r_ordered),
            "order_same": ordered == r_ordered,
            "page_same": shown == r_shown,
            "top20_common": len(set(ordered[:PAGE]) & set(r_ordered[:PAGE])),
            "index_s": middle - started,
            "database_s": ended - middle,
        }
        # Identical where identical is meant: everything but the relevance order itself.
        row["same"] = (
            path == "index"
            and r_path == "database"
            and row["count_same"]
            and row["facets_same"]
            and row["date_order_same"]
            and row["set_same"]
            and (row["order_same"] and row["page_same"] if dated else True)
        )
        rows.append(row)
        print(
            f"  {name:<24} {'SAME' if row['same'] else 'DIFFERENT':<9} count {count:>7} / "
            f"{r_count:<7} facets {_yes(row['facets_same'])}  newest-first order "
            f"{_yes(row['date_order_same'])}  result set {_yes(row['set_same'])}  "
            + (
                f"{sort} order {_yes(row['order_same'])}, page {_yes(row['page_same'])}"
                if dated
                else f"relevance top 20 in common {row['top20_common']}/{min(PAGE, count)}"
            ),
            flush=True,
        )
    return rows


def _yes(flag):
    return "same" if flag else "DIFFERENT"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--compare", action="store_true", help="compare only, on the index in use")
    parser.add_argument("--json", help="with --compare: write the rows here")
    args = parser.parse_args(argv)
    if args.compare:
        import django

        django.setup()
        import statements.search.base as base

        base.current_generation = lambda: None  # the database path: every answer computed
        rows = compare()
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=2))
        return

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
