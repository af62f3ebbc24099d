"""The benchmark's check that the index answers its mix as the database-only search does
(`bench/search_core.py --compare`), on the benchmark's own corpus, on both databases."""

import pytest

from bench import generate, search_core
from statements.ingest import bulk
from statements.search.engine import IndexSearch

SIZE = 60


@pytest.fixture
def corpus(db):
    bulk.save_many(generate.corpus(SIZE), batch_size=30, meetings="trust-reports")


def test_the_mix_is_answered_as_the_database_answers_it(corpus, capsys):
    rows = search_core.compare()
    assert [row["name"] for row in rows] == [name for name, _ in search_core.MIX]
    assert all(row["same"] for row in rows), rows
    assert all(row["paths"] == ["index", "database"] for row in rows)
    common = next(row for row in rows if row["name"] == "common word")
    assert SIZE // 2 < common["count"] < SIZE  # counted over the complement, and it agrees
    assert "DIFFERENT" not in capsys.readouterr().out


def test_a_facet_count_off_by_one_is_reported(corpus, monkeypatch, capsys):
    """The check can fail: whole-archive totals one too high make the common word's facets
    (counted over the complement) differ from the database's, and it says so."""
    totals = IndexSearch._totals

    def inflated(self, names):
        total, whole = totals(self, names)
        kind = next(iter(whole["kind"]))
        return total, {**whole, "kind": {**whole["kind"], kind: whole["kind"][kind] + 1}}

    monkeypatch.setattr(IndexSearch, "_totals", inflated)
    rows = {row["name"]: row for row in search_core.compare()}
    assert not rows["common word"]["same"] and not rows["common word"]["facets_same"]
    assert rows["common word"]["count_same"] and rows["rare word"]["same"]
    assert "DIFFERENT" in capsys.readouterr().out
