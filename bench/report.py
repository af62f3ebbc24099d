"""Turn a benchmark run (bench/out/results-<size>-<seed>.json) into tables for
docs/PERFORMANCE.md. Each size has its own block between markers, replaced on every
`--record`; everything outside the markers (the analysis) is written by people."""

from __future__ import annotations

import math
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"


def fmt(value, digits=1):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def short(path, width=48):
    return path if len(path) <= width else path[: width - 1] + "…"


def ratio(a, b):
    try:
        value = a / b
    except (TypeError, ZeroDivisionError):
        return None
    return None if math.isnan(value) else value


def render(results: dict) -> str:
    from bench.run import TARGETS

    m = results["machine"]
    lines = [
        f"### {results['size']:,} statements (seed {results['seed']})",
        "",
        f"- Date: {results['started']} → {results.get('finished', '?')} (UTC)",
        f"- Command: `{results['command']}` at commit `{m['commit']}`",
        *([f"- Note: {results['note']}"] if results.get("note") else []),
        f"- Machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['memory_gib']} GiB RAM, {m['os']}",
        f"- Versions: Python {m['versions']['python']}, SQLite {m['versions']['sqlite']}, "
        f"PostgreSQL {m['versions'].get('postgres', '?')}",
        "- Load average (1, 5, 15 min) before: "
        + ", ".join(f"{x:.1f}" for x in results["load_before"])
        + "; after: "
        + ", ".join(f"{x:.1f}" for x in results.get("load_after", []))
        + " (the machine is shared: anything above 2 means other work competed for the cores)",
        "",
        _import_heading(results),
        "",
        "| engine | statements | saved/s | end to end/s | RSS at 10% | RSS at 50% | RSS at end "
        "| peak RSS | database | target ≥ 500/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for engine, result in results["engines"].items():
        load = result["load"]
        if load.get("replicated_from"):
            lines.append(
                f"| {engine} | {load['statements']:,} | not imported: {load['times']} copies of "
                f"`{load['replicated_from']}` made in SQL by `bench/replicate.py`"
                + (
                    f"; search index rebuilt from it in {load['index_seconds']:,.0f} s "
                    f"({load['index_rate']:,.0f} statements/s)"
                    if load.get("index_seconds")
                    else ""
                )
                + " | | | | | "
                f"| {load['database_bytes'] / 2**20:,.0f} MiB | not measured at this size |"
            )
            continue
        samples = load["rss_samples_kib"] or [(0, 0)]

        def at(fraction, samples=samples):
            return samples[min(len(samples) - 1, int(len(samples) * fraction))][1] // 1024

        verdict = (
            "met"
            if load["save_rate"] >= TARGETS["import_rate"]
            else f"missed ({load['save_rate'] / TARGETS['import_rate']:.0%} of it)"
        )
        lines.append(
            f"| {engine} | {load['statements']:,} | {load['save_rate']:.0f} "
            f"| {load['end_to_end_rate']:.0f} | {at(0.1)} MiB | {at(0.5)} MiB "
            f"| {samples[-1][1] // 1024} MiB | {load['peak_rss_kib'] // 1024} MiB "
            f"| {load['database_bytes'] / 2**20:,.0f} MiB | {verdict} |"
        )
    parallel = [e for e, r in results["engines"].items() if r["load"].get("parallel_with")]
    if parallel:
        lines += ["", f"(The {' and '.join(parallel)} loads ran at the same time.)"]
    elif len(results["engines"]) > 1:
        lines += ["", "(The loads ran one after another, each with the machine to itself.)"]

    datasette = {row["name"]: row for row in (results.get("datasette") or {}).get("mix", [])}
    p95_target = TARGETS["p95_ms_1m"] if results["size"] >= 1_000_000 else TARGETS["p95_ms"]
    target = (
        f"p95 ≤ {p95_target}"
        if results["size"] >= 1_000_000
        else f"p50 ≤ {TARGETS['p50_ms']}, p95 ≤ {p95_target}"
    )

    def verdict(p50, p95):
        if p50 is None or p95 is None or math.isnan(p50) or math.isnan(p95):
            return "–"
        if results["size"] >= 1_000_000:
            return "met" if p95 <= p95_target else f"missed ({p95 / p95_target:.1f}×)"
        if p50 <= TARGETS["p50_ms"] and p95 <= p95_target:
            return "met"
        return f"missed ({max(p50 / TARGETS['p50_ms'], p95 / p95_target):.1f}×)"

    for engine, result in results["engines"].items():
        naive = {row["name"]: row for row in result.get("naive", [])}
        parity = {row["name"]: row for row in result.get("parity") or []}
        lines += [
            "",
            f"**Search page on {engine}**: full HTTP response through gunicorn, ms "
            f"({(result.get('ours') or [{}])[0].get('n', '?')} timed requests per query after "
            "two warm-up requests; the index caught up before timing; *warm*: repeated "
            "requests, answered by the page cache; *cold*: a no-op write before every request "
            "moves the generation, so neither the page cache nor a cached answer can serve it "
            "(the index stays current and loaded), as for any query nobody asked since the last "
            "write; *after an edit*: a statement edited and indexed by a server process before "
            "every request, which then also pays the index reload and the whole-archive totals; "
            "ratios of cold medians; *same as the database*: count, facets, result set and "
            "newest-first order identical to the database-only search, see below):",
            "",
            "| query | found | warm p50 | warm p95 | cold p50 | cold p95 | after an edit p50 "
            "| after an edit p95 | SQL (cold) | naive p50 | naive ÷ ours | Datasette p50 "
            f"| ours ÷ Datasette | same as the database | {target} (cold) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
        ]
        for row in result.get("ours", []):
            n = naive.get(row["name"], {})
            d = datasette.get(row["name"], {})
            same = parity.get(row["name"])
            cold50 = row.get("cold_p50_ms", row["p50_ms"])
            cold95 = row.get("cold_p95_ms", row["p95_ms"])
            lines.append(
                f"| {row['name']} | {fmt(row.get('count'))} | {fmt(row['p50_ms'])} "
                f"| {fmt(row['p95_ms'])} | {fmt(row.get('cold_p50_ms'))} "
                f"| {fmt(row.get('cold_p95_ms'))} | {fmt(row.get('edited_p50_ms'))} "
                f"| {fmt(row.get('edited_p95_ms'))} | {fmt(row.get('cold_queries'))} "
                f"| {fmt(n.get('p50_ms'))} | {fmt(ratio(n.get('p50_ms'), cold50))} "
                f"| {fmt(d.get('p50_ms'))} | {fmt(ratio(cold50, d.get('p50_ms')), 2)} "
                f"| {_same(same)} | {verdict(cold50, cold95)}"
                + (f" (errors: {row['errors']})" if row.get("errors") else "")
                + " |"
            )
        if parity:
            lines += [
                "",
                f"Index against the database-only search on {engine} (`bench/search_core.py "
                "--compare`, in-process, no cached answer): the relevance order itself is not "
                "meant to be identical (BM25 in the index; FTS5's bm25 or PostgreSQL's "
                "`ts_rank` in the database), so for relevance the whole result set is compared "
                "and the top 20 in common is shown; date orders are compared in full.",
                "",
                "| query | count (index / database) | facets | result set | newest first, "
                "every result | order shown | top 20 in common |",
                "|---|---|---|---|---|---|---:|",
            ]
            for row in parity.values():
                shown = (
                    f"{row['sort']}: {'same' if row['order_same'] else 'DIFFERENT'}"
                    if row["sort"] != "relevance"
                    else "relevance (not compared)"
                )
                lines.append(
                    f"| {row['name']} | {row['count']:,} / {row['ref_count']:,} "
                    f"| {_flag(row['facets_same'])} | {_flag(row['set_same'])} "
                    f"| {_flag(row['date_order_same'])} | {shown} "
                    f"| {row['top20_common']} |"
                )
        if result.get("wrk"):
            lines += [
                "",
                f"**Under load on {engine}**: gunicorn with {results['machine']['cpus']} sync "
                f"workers, wrk {result['wrk'][0].get('connections', '?')} connections on "
                f"127.0.0.1, {results.get('wrk_seconds', 30)} s per page:",
                "",
                "| page | req/s | p50 ms | p99 ms | errors | target |",
                "|---|---:|---:|---:|---:|---|",
            ]
            for row in result["wrk"]:
                if "rps" not in row:
                    lines.append(f"| {row['name']} | – | – | – | {row['errors']} | not run |")
                    continue
                floor = (
                    TARGETS["search_rps"] if "search" in row["name"] else TARGETS["statement_rps"]
                )
                met = "met" if row["rps"] >= floor and not row["errors"] else "missed"
                lines.append(
                    f"| {row['name']} `{short(row['path'])}` | {row['rps']:.1f} "
                    f"| {fmt(row['p50_ms'])} "
                    f"| {fmt(row['p99_ms'])} | {row['errors']} | ≥ {floor}/s: {met} |"
                )
    if results.get("datasette"):
        rows = results["datasette"]["mix"]
        lines += [
            "",
            f"Datasette {results['datasette'].get('version', '')} served the same corpus "
            f"(built in {results['datasette']['build_seconds']:.0f} s): "
            f"`{results['datasette']['command']}`. Rows it counted per query: "
            + ", ".join(f"{r['name']} {fmt(r.get('count'))}" for r in rows)
            + ".",
        ]
    return "\n".join(lines) + "\n"


def _flag(value):
    return "same" if value else "**DIFFERENT**"


def _same(row):
    if row is None:
        return "not checked"
    return "yes" if row["same"] else "**NO**"


def _import_heading(results):
    batch_size = next(iter(results["engines"].values()))["load"].get("batch_size")
    if not batch_size:  # replicated in SQL (bench/replicate.py): nothing was imported
        return "**Import**:"
    return (
        f"**Import** (bulk path `statements.ingest.bulk.save_many`, batches of {batch_size}; "
        "generation timed apart):"
    )


def record(results: dict, doc: Path = DOC) -> Path:
    """Write the run into its block of the document: one block per size, or per size and
    engine for a run of one engine (so a later run of the other keeps the first one's block)."""
    engines = list(results["engines"])
    name = f"{results['size']}" if len(engines) != 1 else f"{results['size']}:{engines[0]}"
    start = f"<!-- bench:{name}:start -->"
    end = f"<!-- bench:{name}:end -->"
    block = f"{start}\n{render(results)}{end}"
    text = doc.read_text() if doc.exists() else "# Performance\n\n## Results\n\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text)
    return doc
