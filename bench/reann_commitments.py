"""Commitment agreement on re-annotated tune documents (session 14): old gold vs a fresh reading,
the extractor vs the fresh reading, the extractor vs the old gold, with the scorer's matching
(`evaluation.commitment_hits`), so the figures mean what `score_extraction` means.

    .venv/bin/python bench/reann_commitments.py /work/wt/reann/H /work/wt/reann/I [--list]

A fresh file is `<stem>.yaml` with `commitments: [{phrase, parties}]`; its old gold is the tune
gold file of the same name. Tune documents only: the blind folders are never loaded.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
django.setup()

import yaml  # noqa: E402

from statements.ingest import evaluation  # noqa: E402
from statements.ingest.documents import read_document  # noqa: E402
from statements.ingest.pipeline import extract  # noqa: E402


@dataclass
class Item:
    text: str
    position: int
    parties: list


def located(commitments, body):
    """Gold commitments as found items: placed at their phrase in the body."""
    items = []
    for c in commitments:
        spans = evaluation.phrase_spans(c["text"], body)
        start, end = spans[0] if spans else (-(10**6), -(10**6))
        items.append(Item(body[start:end] if spans else c["text"], start, c["parties"]))
    return items


def compare(expected, found, body):
    """(tp_found, found, tp_expected, expected, parties right, parties judged, misses, extras)."""
    hits = evaluation.commitment_hits(expected, found, body)
    right_found = set()
    party_right = judged = 0
    misses, wrong_parties = [], []
    for e, h in zip(expected, hits, strict=True):
        if not h:
            misses.append(e["text"])
            continue
        right_found.update(h)
        parties = sorted({p for j in h for p in found[j].parties})
        judged += 1
        party_right += parties == e["parties"]
        if parties != e["parties"]:
            wrong_parties.append(f"{e['text'][:60]!r}: {parties} not {e['parties']}")
    extras = [f.text for j, f in enumerate(found) if j not in right_found]
    return (
        len(right_found),
        len(found),
        len(expected) - len(misses),
        len(expected),
        party_right,
        judged,
        misses,
        extras,
        wrong_parties,
    )


def fresh_commitments(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [
        {
            "text": str(c.get("phrase") or c.get("text")),
            "parties": sorted(evaluation._code(p) for p in c.get("parties") or []),
        }
        for c in data.get("commitments") or []
    ]


def main(argv):
    listing = "--list" in argv
    folders = [Path(a) for a in argv if not a.startswith("--")]
    golds = {Path(g["file"]).stem: g for g in evaluation.load_gold(split="tune")}
    totals = {key: [0] * 6 for key in ("old vs fresh", "extractor vs fresh", "extractor vs old")}
    for folder in folders:
        for path in sorted(folder.glob("*.yaml")):
            stem = path.stem
            gold = golds.get(stem)
            if gold is None:
                print(f"!! no tune gold for {stem}")
                continue
            document = read_document(evaluation.CORPUS_DIR / gold["file"])
            extraction = extract(document)
            body = extraction.document.body
            fresh = fresh_commitments(path)
            old = gold["commitments"]
            found = list(extraction.commitments)
            rows = {
                "old vs fresh": compare(fresh, located(old, body), body),
                "extractor vs fresh": compare(fresh, found, body),
                "extractor vs old": compare(old, found, body),
            }
            for key, row in rows.items():
                for k in range(6):
                    totals[key][k] += row[k]
            if listing and any(r[6] or r[7] or r[8] for r in rows.values()):
                print(f"\n== {folder.name}/{stem[:90]}")
                for key, row in rows.items():
                    for text in row[6]:
                        print(f"  [{key}] MISSED  {text[:160]!r}")
                    for text in row[7]:
                        print(f"  [{key}] EXTRA   {text[:160]!r}")
                    for text in row[8]:
                        print(f"  [{key}] PARTIES {text}")
    print(f"\n{'pair (found vs expected)':<22} {'P':>6} {'R':>6} {'parties':>8}")
    for key, (tpf, nf, tpe, ne, pr, pj) in totals.items():
        p = tpf / nf if nf else 1
        r = tpe / ne if ne else 1
        q = pr / pj if pj else 1
        print(f"{key:<22} {p:6.3f} {r:6.3f} {q:8.3f}   ({tpf}/{nf}, {tpe}/{ne}, parties {pr}/{pj})")


if __name__ == "__main__":
    main(sys.argv[1:])
