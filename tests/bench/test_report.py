"""The benchmark's report: verdicts against issue 14's targets, and the comparison with the
database-only search shown as measured (a difference is never hidden)."""

from bench.report import render
from bench.run import MIX

MACHINE = {
    "cpus": 2,
    "cpu_model": "test",
    "memory_gib": 1.0,
    "os": "test",
    "versions": {"python": "3", "sqlite": "3", "postgres": "15"},
    "commit": "abc1234",
}


def results(size, cold, same=True):
    rows, parity = [], []
    for (name, _), (p50, p95) in zip(MIX, cold, strict=True):
        rows.append(
            {"name": name, "count": 5, "p50_ms": 1.0, "p95_ms": 2.0, "queries": 1, "n": 20}
            | {"cold_p50_ms": p50, "cold_p95_ms": p95, "cold_queries": 7}
            | {"edited_p50_ms": p50 + 1, "edited_p95_ms": p95 + 1}
        )
        parity.append(
            {"name": name, "sort": "relevance", "count": 5, "ref_count": 5, "same": same}
            | {"facets_same": same, "set_same": True, "date_order_same": True}
            | {"order_same": False, "page_same": False, "top20_common": 4}
        )
    load = {"replicated_from": "x", "times": 10, "statements": size, "database_bytes": 2**20}
    return {
        "machine": MACHINE,
        "command": "make bench",
        "started": "2026-12-05T23:00:00",
        "finished": "2026-12-05T23:10:00",
        "size": size,
        "seed": 42,
        "load_before": (1.0, 1.0, 1.0),
        "load_after": (1.0, 1.0, 1.0),
        "engines": {
            engine: {"load": load, "ours": rows, "parity": parity, "wrk": [WRK]}
            for engine in ("sqlite", "postgres")
        },
    }


WRK = {"name": "common search", "path": "/search/?q=x", "rps": 50.0, "p50_ms": 1.0}
WRK |= {"p99_ms": 2.0, "errors": 0, "connections": 4}


def verdicts(text):
    table = [line for line in text.splitlines() if line.startswith("| rare word")]
    return [line.rsplit("|", 2)[-2].strip() for line in table]


def test_100k_needs_p50_30_and_p95_60():
    cold = [(20.0, 50.0), (31.0, 50.0), (20.0, 90.0)] + [(10.0, 20.0)] * 4
    text = render(results(100_000, cold))
    assert text.count("| p50 ≤ 30, p95 ≤ 60 (cold) |") == 2  # both engines' tables
    assert "| common search `/search/?q=x` | 50.0 | 1.0 | 2.0 | 0 | ≥ 100/s: missed |" in text
    assert "| 20.0 | 50.0 | 21.0 | 51.0 |" in text  # cold, then after an edit
    assert verdicts(text)[0] == "met"
    common = next(line for line in text.splitlines() if line.startswith("| common word |"))
    assert common.endswith("| yes | missed (1.0×) |")
    phrase = next(line for line in text.splitlines() if line.startswith("| official"))
    assert phrase.endswith("missed (1.5×) |")


def test_1m_needs_p95_200_and_a_difference_shows():
    text = render(results(1_000_000, [(150.0, 199.0)] * 6 + [(150.0, 300.0)], same=False))
    assert "p95 ≤ 200 (cold)" in text
    lines = text.splitlines()
    assert next(x for x in lines if x.startswith("| rare word |")).endswith("| **NO** | met |")
    assert next(x for x in lines if x.startswith("| page 50")).endswith("missed (1.5×) |")
    assert "| rare word | 5 / 5 | **DIFFERENT** | same | same | relevance (not compared) | 4 |" in (
        text
    )
