"""Score the extraction against hand-written gold files (tests/ingest/corpus_gold/, issue 11).

Each gold file is what a careful reader extracts from one real document of the development corpus
(`../shared/corpus/whitehouse/`). `score()` runs the extractor on the same documents, in memory,
and counts per field what it got right; `group_pairs()` imports them into the current database to
see which statements end up sharing a meeting.

Two splits over the gold sets (`GOLD_SETS`). **tune** is every file of `corpus_gold/` (a third
of it, by a hash of the file name, was the first blind set, spent in session 11), of
`corpus_gold_fresh/` (the second blind set, spent in session 12), of `corpus_gold_fourth/` and of
`corpus_gold_third_tuned/` (every other file of the third blind set by name, spent in session 13).
**blind** is what is left of `corpus_gold_third/` (written in session 12) and `corpus_gold_fifth/`
(session 13), by readers who never ran the extractor, scored and never tuned on: a blind set is only
blind until its errors are read.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path

import yaml
from django.conf import settings

from statements.ingest.documents import fold, parse_document, read_document
from statements.ingest.resolve import name_score, name_words

GOLD_DIR = Path(settings.BASE_DIR) / "tests" / "ingest" / "corpus_gold"
FRESH_DIR = Path(settings.BASE_DIR) / "tests" / "ingest" / "corpus_gold_fresh"
THIRD_DIR = Path(settings.BASE_DIR) / "tests" / "ingest" / "corpus_gold_third"
FOURTH_DIR = Path(settings.BASE_DIR) / "tests" / "ingest" / "corpus_gold_fourth"
THIRD_TUNED_DIR = Path(settings.BASE_DIR) / "tests" / "ingest" / "corpus_gold_third_tuned"
FIFTH_DIR = Path(settings.BASE_DIR) / "tests" / "ingest" / "corpus_gold_fifth"
# Each gold set: its folder, the split it is scored in today, and whether it was written blind (its
# files say `split: blind`, the split they were written for). A blind set moves to tune once spent.
GOLD_SETS = (
    (GOLD_DIR, "tune", False),
    (FRESH_DIR, "tune", True),
    (FOURTH_DIR, "tune", True),  # written in session 12 after the third, to tune on
    (THIRD_TUNED_DIR, "tune", True),  # the third set's odd half by name, spent in session 13
    (THIRD_DIR, "blind", True),  # the third set's other half: never read
    (FIFTH_DIR, "blind", True),  # written in session 13 on the last 15 documents no gold covered
)


def _corpus_dir() -> Path:
    """`../shared/corpus/whitehouse` beside the checkout (or beside its parent, for a worktree)."""
    if os.environ.get("CORPUS_DIR"):
        return Path(os.environ["CORPUS_DIR"])
    base = Path(settings.BASE_DIR)
    candidates = [
        up / "shared" / "corpus" / "whitehouse" for up in (base.parent, base.parent.parent)
    ]
    return next((path for path in candidates if path.is_dir()), candidates[0])


CORPUS_DIR = _corpus_dir()
SPLITS = ("tune", "blind", "all")
KINDS = ("readout", "joint_statement", "communique", "remarks", "statement")
REQUIRED = ("file", "kind", "publisher", "statement_date", "officials")

# Field name -> what it measures, in the order the table prints.
FIELDS = {
    "officials": "people named as officials (P = found that are real, R = real that are found)",
    "attendance": "attended vs only mentioned, on officials found",
    "country": "an official's country, on officials found",
    "title": "an official's title, on officials found",
    "meetings": "meetings reported (count per document)",
    "meeting_date": "a reported meeting's start date",
    "meeting_place": "a reported meeting's city (or none for calls)",
    "grouping": "pairs of statements that share a meeting",
    "statement_date": "publication date",
    "publisher": "publisher, front matter as given",
    "publisher_no_url": (
        "publisher with source_url removed: right where the body says it, else unknown or a"
        " flagged guess; wrong = a publisher that is not the document's"
    ),
    "kind": "kind of document",
    "quotes": "quotes (P/R) ",
    "quote_speaker": "a quote's speaker, on quotes found",
    "commitments": "commitments (P/R)",
    "commitment_parties": "a commitment's parties, on commitments found",
}


class GoldError(ValueError):
    """A gold file that cannot be read: the message names the file and the problem."""


def split_of(file_name: str) -> str:
    """The first split of `corpus_gold/` (recorded in each file): 'blind' for a third of the files,
    by a hash of the name nobody chose. That third is spent: it is tuned on like the rest."""
    return "blind" if int(hashlib.sha1(file_name.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def _as_date(value, where):
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise GoldError(f"{where}: not a date: {value!r}") from None


def _code(value) -> str:
    """A country code as written in YAML: a bare NO (Norway) loads as the boolean False."""
    return "NO" if value is False else str(value or "")


def parse_gold(data: dict, where: str = "gold", *, blind: bool = False) -> dict:
    """Check one gold file's data and normalise it (dates, lists). GoldError when malformed.

    `blind` for a file of a set written blind, which must say `split: blind`; a file of
    `corpus_gold/` keeps the split its name hashed to as `first_split` and is tuned on.
    """
    if not isinstance(data, dict):
        raise GoldError(f"{where}: not a mapping")
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise GoldError(f"{where}: missing {', '.join(missing)}")
    if data["kind"] not in KINDS:
        raise GoldError(f"{where}: unknown kind {data['kind']!r}")
    if blind:
        if data.get("split") != "blind":
            raise GoldError(f"{where}: a file of the blind set must say split: blind")
        gold = dict(data, split="blind", first_split="blind")
    else:
        first_split = split_of(data["file"])
        if data.get("split") not in (None, first_split):
            raise GoldError(
                f"{where}: split {data.get('split')!r}, but the hash says {first_split!r}"
            )
        gold = dict(data, split="tune", first_split=first_split)
    gold["statement_date"] = _as_date(data["statement_date"], f"{where} statement_date")
    gold["publisher_stated"] = bool(data.get("publisher_stated"))
    officials = []
    for n, item in enumerate(data.get("officials") or []):
        if not isinstance(item, dict) or not item.get("name"):
            raise GoldError(f"{where}: official {n + 1} has no name")
        officials.append(
            {
                "name": str(item["name"]),
                "country": _code(item.get("country")),
                "title": str(item.get("title") or ""),
                "attended": bool(item.get("attended")),
            }
        )
    gold["officials"] = officials
    meetings = []
    for n, item in enumerate(data.get("meetings") or []):
        if not isinstance(item, dict) or not item.get("group"):
            raise GoldError(f"{where}: meeting {n + 1} has no group")
        meetings.append(
            {
                "group": str(item["group"]),
                "date": _as_date(item.get("date"), f"{where} meeting {n + 1} date"),
                "end_date": _as_date(item.get("end_date"), f"{where} meeting {n + 1} end_date"),
                "place": str(item.get("place") or ""),
                "kind": str(item.get("kind") or ""),
            }
        )
    gold["meetings"] = meetings
    gold["commitments"] = [
        {"text": str(c["text"]), "parties": sorted(_code(p) for p in c.get("parties") or [])}
        for c in data.get("commitments") or []
    ]
    gold["quotes"] = [
        {"speaker": str(q.get("speaker") or ""), "text": str(q["text"])}
        for q in data.get("quotes") or []
    ]
    return gold


def load_gold(
    gold_dir: Path = GOLD_DIR,
    split: str = "all",
    *,
    fresh_dir: Path = FRESH_DIR,
    blind_dir: Path = THIRD_DIR,
) -> list[dict]:
    """Every gold file of a split (see `GOLD_SETS`), sorted by file name; folders may be moved."""
    if split not in SPLITS:
        raise GoldError(f"unknown split {split!r} (one of: {', '.join(SPLITS)})")
    moved = {GOLD_DIR: gold_dir, FRESH_DIR: fresh_dir, THIRD_DIR: blind_dir}
    golds = []
    for directory, scored_in, written_blind in GOLD_SETS:
        if split not in ("all", scored_in):
            continue
        for path in sorted(Path(moved.get(directory, directory)).glob("*.yaml")):
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as error:
                raise GoldError(f"{path.name}: not valid YAML ({error})") from None
            gold = parse_gold(data, path.name, blind=written_blind)
            golds.append(dict(gold, split=scored_in))
    return sorted(golds, key=lambda gold: gold["file"])


# --- counting -------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts for one field: true positives, what was found, what was expected; plus 'wrong'."""

    tp_found: int = 0  # found items that match an expected one
    found: int = 0
    tp_expected: int = 0  # expected items that were found
    expected: int = 0
    wrong: int = 0  # a confident wrong answer (publisher); unknown is not wrong

    @property
    def precision(self):
        return self.tp_found / self.found if self.found else 1.0

    @property
    def recall(self):
        return self.tp_expected / self.expected if self.expected else 1.0

    def add(self, right: bool, *, wrong: bool = False):
        """One judged item (an accuracy field: precision and recall are the same)."""
        self.found += 1
        self.expected += 1
        self.tp_found += right
        self.tp_expected += right
        self.wrong += wrong

    def as_dict(self):
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "found": self.found,
            "right_found": self.tp_found,
            "expected": self.expected,
            "right_expected": self.tp_expected,
            "wrong": self.wrong,
        }


@dataclass
class Report:
    split: str
    documents: int = 0
    tallies: dict = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    errors: list = field(default_factory=list)  # (file, field, message)

    def miss(self, file, name, message):
        self.errors.append((file, name, message))

    def as_dict(self):
        return {
            "split": self.split,
            "documents": self.documents,
            "fields": {name: tally.as_dict() for name, tally in self.tallies.items()},
        }

    def table(self) -> list[str]:
        lines = [
            f"split={self.split}  documents={self.documents}",
            f"{'field':<20} {'precision':>9} {'recall':>7}  "
            f"{'right/found':>12} {'right/expected':>15}",
        ]
        for name, tally in self.tallies.items():
            if not tally.found and not tally.expected:
                continue
            extra = f"  wrong {tally.wrong}" if name.startswith("publisher") else ""
            lines.append(
                f"{name:<20} {tally.precision:>9.3f} {tally.recall:>7.3f}  "
                f"{tally.tp_found:>5}/{tally.found:<6} "
                f"{tally.tp_expected:>7}/{tally.expected:<7}{extra}"
            )
        return lines


def person_score(a: str, b: str) -> float:
    """name_score, also tolerant of family-name-first order ("Kishida Fumio" / "Fumio Kishida")."""
    score = name_score(a, b)
    if score:
        return score
    wa, wb = name_words(a), name_words(b)
    if len(wa) >= 2 and sorted(wa) == sorted(wb):
        return 0.9
    if wa and wb and (wa[0] == wb[-1] or wa[-1] == wb[0]) and min(len(wa), len(wb)) == 1:
        return 0.6  # a family name alone, written first in the full form
    return 0.0


def _pair(expected, found, score, threshold=0.5):
    """Greedy best-first one-to-one pairing: [(expected index, found index)]."""
    candidates = sorted(
        ((score(e, f), -i, -j, i, j) for i, e in enumerate(expected) for j, f in enumerate(found)),
        reverse=True,
    )
    used_e, used_f, pairs = set(), set(), []
    for value, _ni, _nj, i, j in candidates:
        if value < threshold or i in used_e or j in used_f:
            continue
        used_e.add(i)
        used_f.add(j)
        pairs.append((i, j))
    return pairs


def predicted_people(officials) -> list[dict]:
    """The extraction's mentions as people (one per person, as resolution would group them)."""
    people: list[dict] = []
    for mention in sorted(officials, key=lambda m: m.position):
        forms = [mention.name, *getattr(mention, "variants", [])]
        for person in people:
            if any(person_score(form, known) >= 0.9 for form in forms for known in person["forms"]):
                break
        else:
            person = {
                "name": mention.name,
                "forms": [],
                "title": "",
                "country": "",
                "attended": False,
            }
            people.append(person)
        person["forms"].extend(forms)
        if len(name_words(mention.name)) > len(name_words(person["name"])):
            person["name"] = mention.name
        person["title"] = person["title"] or mention.title
        person["country"] = person["country"] or mention.country
        person["attended"] = person["attended"] or mention.attended
    return people


_NOT_TITLE_WORDS = {"the", "of", "u.s.", "us", "his", "her", "former", "then"}


def title_key(title: str, country_words=()) -> str:
    words = [w for w in re.findall(r"[\w.'-]+", fold(title)) if w not in _NOT_TITLE_WORDS]
    return " ".join(w for w in words if w not in country_words)


def titles_match(expected: str, found: str) -> bool:
    from statements.ingest.documents import COUNTRY_NAMES

    country_words = {
        w for _n, aliases in COUNTRY_NAMES.values() for a in aliases for w in a.split()
    }
    a, b = title_key(expected, country_words), title_key(found, country_words)
    if a == b:
        return True
    return bool(a and b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def _text_key(text: str) -> str:
    text = fold(text).replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.findall(r"[\w']+", text))


def text_match(expected: str, found: str) -> bool:
    """A gold phrase (verbatim, >= 5 words) matches the extracted sentence or clause it is in."""
    a, b = _text_key(expected), _text_key(found)
    if not a or not b:
        return False
    if a in b or (len(b.split()) >= 5 and b in a):
        return True
    wa, wb = a.split(), set(b.split())
    return len(wa) >= 5 and sum(w in wb for w in wa) >= 0.8 * len(wa)


# How a gold phrase is looked for in a document: folded, quotation marks straightened, Markdown
# escapes and emphasis dropped, runs of white space read as one space.
_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_WORDS = re.compile(r"[\w'’]+")


def _normalised(text: str) -> tuple[str, list[int]]:
    """`text` normalised for phrase search, and the offset in `text` of each character."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in "\\*":
            continue
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        for out in fold(ch).translate(_STRAIGHT):
            chars.append(out)
            offsets.append(i)
    return "".join(chars), offsets


def phrase_spans(phrase: str, body: str) -> list[tuple[int, int]]:
    """Where a verbatim gold phrase stands in `body`: (start, end) of every occurrence."""
    needle = _normalised(phrase)[0].strip()
    haystack, offsets = _normalised(body)
    spans = []
    at = haystack.find(needle) if needle else -1
    while at >= 0:
        spans.append((offsets[at], offsets[at + len(needle) - 1] + 1))
        at = haystack.find(needle, at + 1)
    return spans


def span_match(body: str, span: tuple[int, int], start: int, end: int) -> bool:
    """Whether the found text at body[start:end] covers the gold phrase at `span`: they share at
    least five words, or all of the shorter one (a short clause inside the phrase)."""
    low, high = max(span[0], start), min(span[1], end)
    if low >= high:
        return False
    shared = len(_WORDS.findall(body[low:high]))
    phrase, found = body[span[0] : span[1]], body[start:end]
    return shared >= min(5, len(_WORDS.findall(phrase)), len(_WORDS.findall(found)))


def place_match(expected: str, found: str) -> bool:
    a, b = _text_key(expected), _text_key(found)
    if not a or not b:
        return a == b
    return a in b or b in a


# --- the scoring itself ---------------------------------------------------------------------


def read_without_url(path: Path):
    """The document as if its front matter had no source_url (what the body alone says)."""
    raw = Path(path).read_text(encoding="utf-8")
    front_end = raw.find("\n---", 3) if raw.startswith("---") else -1
    if front_end > 0:
        head = re.sub(r"(?m)^(?:source_url|url):.*\n", "", raw[:front_end] + "\n")
        raw = head.rstrip("\n") + raw[front_end:]
    return parse_document(raw, Path(path).name)


def score_document(gold: dict, path: Path, report: Report, extraction=None):
    """Add one document's counts to `report`. Returns the extraction (for grouping)."""
    from statements.ingest.pipeline import extract

    name = gold["file"]
    document = read_document(path)
    extraction = extraction or extract(document)
    t = report.tallies
    report.documents += 1

    # Officials.
    expected = gold["officials"]
    found = predicted_people(extraction.officials)
    pairs = _pair(expected, found, lambda e, f: max(person_score(e["name"], x) for x in f["forms"]))
    t["officials"].found += len(found)
    t["officials"].expected += len(expected)
    t["officials"].tp_found += len(pairs)
    t["officials"].tp_expected += len(pairs)
    paired_e = {i for i, _ in pairs}
    paired_f = {j for _, j in pairs}
    for i, e in enumerate(expected):
        if i not in paired_e:
            report.miss(name, "officials", f"missed {e['name']!r}")
    for j, f in enumerate(found):
        if j not in paired_f:
            report.miss(name, "officials", f"not an official: {f['name']!r} ({f['title']!r})")
    for i, j in pairs:
        e, f = expected[i], found[j]
        t["attendance"].add(e["attended"] == f["attended"])
        if e["attended"] != f["attended"]:
            report.miss(name, "attendance", f"{e['name']!r}: attended={f['attended']}")
        t["country"].add(e["country"] == f["country"])
        if e["country"] != f["country"]:
            report.miss(name, "country", f"{e['name']!r}: {f['country']!r} not {e['country']!r}")
        if e["title"]:
            right = titles_match(e["title"], f["title"])
            t["title"].add(right)
            if not right:
                report.miss(name, "title", f"{e['name']!r}: {f['title']!r} not {e['title']!r}")

    # Meetings: paired by date, then in order.
    gm, fm = gold["meetings"], list(extraction.meetings)
    t["meetings"].expected += len(gm)
    t["meetings"].found += len(fm)

    def meeting_score(e, f):
        same_day = e["date"] is not None and f.start == e["date"]
        return 1.0 + same_day

    mpairs = _pair(gm, fm, meeting_score)
    t["meetings"].tp_found += len(mpairs)
    t["meetings"].tp_expected += len(mpairs)
    if len(gm) != len(fm):
        report.miss(name, "meetings", f"{len(fm)} meetings found, {len(gm)} expected")
    for i, j in mpairs:
        e, f = gm[i], fm[j]
        t["meeting_date"].add(f.start == e["date"])
        if f.start != e["date"]:
            report.miss(name, "meeting_date", f"{e['group']}: {f.start} not {e['date']}")
        right = place_match(e["place"], f.city or "")
        t["meeting_place"].add(right)
        if not right:
            report.miss(name, "meeting_place", f"{e['group']}: {f.city!r} not {e['place']!r}")

    # The document.
    t["statement_date"].add(document.published == gold["statement_date"])
    if document.published != gold["statement_date"]:
        report.miss(name, "statement_date", f"{document.published} not {gold['statement_date']}")
    right = _publisher_key(document.publisher) == _publisher_key(gold["publisher"])
    t["publisher"].add(right, wrong=bool(document.publisher) and not right)
    if not right:
        report.miss(name, "publisher", f"{document.publisher!r} not {gold['publisher']!r}")
    bare = read_without_url(path)
    given = _publisher_key(bare.publisher)
    right_value = given == _publisher_key(gold["publisher"])
    # What the import flags as "Publisher inferred from the text" (pipeline._note_document).
    flagged = not bare.source_url and "publisher" not in bare.front_matter
    unstated_ok = not given or (right_value and flagged)
    right = right_value if gold["publisher_stated"] else unstated_ok
    t["publisher_no_url"].add(right, wrong=bool(given) and not right_value)
    if not right:
        expected_publisher = gold["publisher"] if gold["publisher_stated"] else "(unknown)"
        report.miss(name, "publisher_no_url", f"{bare.publisher!r} not {expected_publisher}")
    t["kind"].add(document.kind == gold["kind"])
    if document.kind != gold["kind"]:
        report.miss(name, "kind", f"{document.kind} not {gold['kind']}")

    # Quotes.
    gq, fq = gold["quotes"], list(extraction.quotes)
    qpairs = _pair(gq, fq, lambda e, f: 1.0 if text_match(e["text"], f.text) else 0.0)
    t["quotes"].expected += len(gq)
    t["quotes"].found += len(fq)
    t["quotes"].tp_found += len({j for _, j in qpairs})
    t["quotes"].tp_expected += len(qpairs)
    for i, e in enumerate(gq):
        if i not in {a for a, _ in qpairs}:
            report.miss(name, "quotes", f"missed {e['speaker']}: {e['text'][:60]!r}")
    for j, f in enumerate(fq):
        if j not in {b for _, b in qpairs}:
            report.miss(name, "quotes", f"not a quote: {f.text[:60]!r}")
    for i, j in qpairs:
        e, f = gq[i], fq[j]
        speaker = f.speaker.name if f.speaker is not None else f.speaker_as_written
        right = person_score(e["speaker"], speaker or "") > 0
        t["quote_speaker"].add(right)
        if not right:
            report.miss(name, "quote_speaker", f"{speaker!r} not {e['speaker']!r}")

    # Commitments: a found sentence or clause matches the gold phrases it overlaps in the document
    # (one sentence may hold several); a phrase the extractor split into clauses is found by all
    # of them, and its parties are theirs together. A phrase that is not verbatim in the body is
    # matched on its words alone.
    gc, fc = gold["commitments"], list(extraction.commitments)
    t["commitments"].expected += len(gc)
    t["commitments"].found += len(fc)
    found_right = set()
    body = extraction.document.body
    for e, hits in zip(gc, commitment_hits(gc, fc, body), strict=True):
        if not hits:
            report.miss(name, "commitments", f"missed {e['text'][:70]!r}")
            continue
        t["commitments"].tp_expected += 1
        found_right.update(hits)
        parties = sorted({party for j in hits for party in fc[j].parties})
        t["commitment_parties"].add(parties == e["parties"])
        if parties != e["parties"]:
            report.miss(
                name, "commitment_parties", f"{e['text'][:50]!r}: {parties} not {e['parties']}"
            )
    t["commitments"].tp_found += len(found_right)
    for j, f in enumerate(fc):
        if j not in found_right:
            report.miss(name, "commitments", f"not a commitment: {f.text[:70]!r}")
    return extraction


def commitment_hits(expected, found, body: str) -> list[list[int]]:
    """For each expected commitment ({"text": …}), the indexes of the found ones (each with
    `position`, `text`) that match it: a found sentence or clause matches the gold phrases it
    overlaps in `body`; a phrase not verbatim in the body is matched on its words alone."""
    result = []
    for e in expected:
        spans = phrase_spans(e["text"], body)
        result.append(
            [
                j
                for j, f in enumerate(found)
                if (
                    any(
                        span_match(body, span, f.position, f.position + len(f.text))
                        for span in spans
                    )
                    if spans
                    else text_match(e["text"], f.text)
                )
            ]
        )
    return result


def _publisher_key(publisher: str) -> str:
    return re.sub(r"^the ", "", _text_key(publisher or ""))


def gold_pairs(golds) -> set[frozenset]:
    """Pairs of files that report a common meeting, by the gold's global group ids."""
    by_group: dict[str, set[str]] = {}
    for gold in golds:
        for meeting in gold["meetings"]:
            by_group.setdefault(meeting["group"], set()).add(gold["file"])
    pairs = set()
    for files in by_group.values():
        pairs.update(frozenset(p) for p in combinations(sorted(files), 2))
    return pairs


def group_pairs(golds, corpus_dir: Path = CORPUS_DIR) -> set[frozenset]:
    """Import the gold's documents into the current database; pairs of files sharing a meeting.

    Run it on a scratch database (the command makes one; tests have their own).
    """
    from statements.ingest.pipeline import import_paths
    from statements.models import MeetingReport

    paths = [Path(corpus_dir) / gold["file"] for gold in golds]
    import_paths(paths)
    files = {gold["file"] for gold in golds}
    by_meeting: dict[int, set[str]] = {}
    reports = MeetingReport.objects.values_list(
        "meeting_id", "statement__source_file", "statement__content_hash"
    )
    # A file whose text an earlier file already brought in (a republication) is not a statement
    # of its own: the archive keeps one, and it reports what that one reports.
    copies: dict[str, set[str]] = {}
    for path in paths:
        copies.setdefault(read_document(path).content_hash, set()).add(path.name)
    for meeting_id, source_file, content_hash in reports:
        names = {Path(source_file).name} | copies.get(content_hash, set())
        by_meeting.setdefault(meeting_id, set()).update(names & files)
    pairs = set()
    for names in by_meeting.values():
        pairs.update(frozenset(p) for p in combinations(sorted(names), 2))
    return pairs


def score_grouping(report: Report, golds, found_pairs: set[frozenset]):
    expected = gold_pairs(golds)
    tally = report.tallies["grouping"]
    tally.expected += len(expected)
    tally.found += len(found_pairs)
    tally.tp_found += len(found_pairs & expected)
    tally.tp_expected += len(found_pairs & expected)
    for pair in sorted(expected - found_pairs, key=sorted):
        report.miss(" + ".join(sorted(pair)), "grouping", "not linked")
    for pair in sorted(found_pairs - expected, key=sorted):
        report.miss(" + ".join(sorted(pair)), "grouping", "linked, but different meetings")


def score(
    split: str = "tune",
    *,
    gold_dir: Path = GOLD_DIR,
    corpus_dir: Path = CORPUS_DIR,
    grouping: bool = True,
    golds=None,
) -> Report:
    """Score the extraction on one split of the gold. Grouping imports into the current database."""
    golds = load_gold(gold_dir, split) if golds is None else golds
    report = Report(split=split)
    for gold in golds:
        path = Path(corpus_dir) / gold["file"]
        if not path.exists():
            raise GoldError(f"{gold['file']}: no such document in {corpus_dir}")
        score_document(gold, path, report)
    if grouping:
        score_grouping(report, golds, group_pairs(golds, corpus_dir))
    return report


ACCURACY_FILE = Path(__file__).parent / "data" / "accuracy_blind.json"

# What the method page shows of the blind figures, in its words: (field, label, both P and R).
ACCURACY_ROWS = (
    ("officials", "Officials found (precision / recall)", True),
    ("attendance", "Attended or only mentioned", False),
    ("country", "An official’s country", False),
    ("title", "An official’s title", False),
    ("statement_date", "The statement’s own date", False),
    ("meeting_date", "The date of the meeting reported", False),
    ("meeting_place", "The place of the meeting reported", False),
    ("publisher_no_url", "The publisher, when the file does not give its address", False),
    ("commitments", "Commitments found (precision / recall)", True),
    ("commitment_parties", "A commitment’s parties", False),
)


@functools.cache
def blind_accuracy() -> dict:
    """The blind split's figures as `score_extraction --split blind --output` last wrote them
    (`make accuracy`), shaped for the method page: never typed in by hand."""
    data = json.loads(ACCURACY_FILE.read_text(encoding="utf-8"))
    rows = []
    for name, label, both in ACCURACY_ROWS:
        tally = data["fields"][name]
        if not tally["found"] and not tally["expected"]:
            continue
        figures = [tally["precision"], tally["recall"]] if both else [tally["precision"]]
        rows.append({"label": label, "percents": [round(100 * f) for f in figures]})
    return {"documents": data["documents"], "rows": rows}


def error_counts(report: Report) -> Counter:
    return Counter(name for _file, name, _message in report.errors)
