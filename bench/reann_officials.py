"""Agreement on officials between the old tune gold, fresh readings and the extractor (session 14).

    DJANGO_SETTINGS_MODULE=archive.settings .venv/bin/python -m bench.reann_officials \
        /work/wt/reann/H /work/wt/reann/I [--errors]

Each fresh reading (`<stem>.yaml`: officials with name, country, title, attended) is a tune
document re-annotated by a reader who never saw the extractor or the old gold. Three comparisons,
each with the scorer's own matching (evaluation._pair, person_score, titles_match), the fresh
reading as reference: old gold vs fresh, extractor vs fresh, extractor vs old gold (old gold as
reference).
"""

from __future__ import annotations

import sys
from pathlib import Path

import django
import yaml


def _people(officials):
    return [dict(o, forms=[o["name"]]) for o in officials]


def compare(expected, found, tallies, errors, where):
    from statements.ingest.evaluation import _pair, person_score, titles_match

    pairs = _pair(expected, found, lambda e, f: max(person_score(e["name"], x) for x in f["forms"]))
    t = tallies
    t["officials"][0] += len(pairs)
    t["officials"][1] += len(found)
    t["officials"][2] += len(expected)
    paired_e = {i for i, _ in pairs}
    paired_f = {j for _, j in pairs}
    for i, e in enumerate(expected):
        if i not in paired_e:
            errors.append((where, "officials", f"missed {e['name']!r} ({e['title']!r})"))
    for j, f in enumerate(found):
        if j not in paired_f:
            errors.append((where, "officials", f"extra {f['name']!r} ({f['title']!r})"))
    for i, j in pairs:
        e, f = expected[i], found[j]
        for name, right, what in (
            ("attendance", e["attended"] == f["attended"], f"attended={f['attended']}"),
            ("country", e["country"] == f["country"], f"{f['country']!r} not {e['country']!r}"),
        ):
            t[name][0] += right
            t[name][1] += 1
            if not right:
                errors.append((where, name, f"{e['name']!r}: {what}"))
        if e["title"]:
            right = titles_match(e["title"], f["title"])
            t["title"][0] += right
            t["title"][1] += 1
            if not right:
                errors.append((where, "title", f"{e['name']!r}: {f['title']!r} not {e['title']!r}"))


def main(argv):
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()
    from statements.ingest import evaluation
    from statements.ingest.documents import read_document
    from statements.ingest.pipeline import extract

    show = "--errors" in argv
    folders = [Path(a) for a in argv if not a.startswith("--")]
    golds = {g["file"]: g for g in evaluation.load_gold(split="tune")}
    names = ("old~fresh", "ext~fresh", "ext~old")
    tallies = {
        n: {"officials": [0, 0, 0], "attendance": [0, 0], "country": [0, 0], "title": [0, 0]}
        for n in names
    }
    errors = {n: [] for n in names}
    documents = 0
    for folder in folders:
        for path in sorted(folder.glob("*.yaml")):
            file = path.stem + ".md"
            if file not in golds:
                print(f"no old tune gold for {file}", file=sys.stderr)
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            fresh = evaluation.parse_gold(
                dict(data, file=file, publisher="-", statement_date=None, commitments=[]), path.name
            )["officials"]
            old = golds[file]["officials"]
            extraction = extract(read_document(evaluation.CORPUS_DIR / file))
            ext = evaluation.predicted_people(extraction.officials)
            documents += 1
            where = path.stem[:80]
            compare(fresh, _people(old), tallies["old~fresh"], errors["old~fresh"], where)
            compare(fresh, ext, tallies["ext~fresh"], errors["ext~fresh"], where)
            compare(old, ext, tallies["ext~old"], errors["ext~old"], where)
    print(f"documents={documents}")
    for n in names:
        o = tallies[n]["officials"]
        p = o[0] / o[1] if o[1] else 1.0
        r = o[0] / o[2] if o[2] else 1.0
        parts = [f"officials P {p:.3f} ({o[0]}/{o[1]}) R {r:.3f} ({o[0]}/{o[2]})"]
        for f in ("attendance", "country", "title"):
            a, b = tallies[n][f]
            parts.append(f"{f} {a / b if b else 1:.3f} ({a}/{b})")
        print(f"{n:<10} " + "  ".join(parts))
    if show:
        for n in names:
            print(f"--- {n}")
            for where, field, message in errors[n]:
                print(f"{field:<11} {where[:70]}: {message}")


if __name__ == "__main__":
    main(sys.argv[1:])
