"""Two (or more) governments' accounts of one meeting, side by side (issue 12, part 1).

Deterministic and plain: each government's published statements are split into paragraphs,
paragraphs are paired by the key terms they share (most shared first, ties by position), and each
side lists what it names that no other side does: officials, topics, commitments, numbers and
ordinals, dates. An ordinal that names the same thing differently on two sides ("the third
meeting of the Trilateral Fentanyl Committee" / "the fourth meeting of ...") is a difference of
its own. No score is shown: shared terms say why two paragraphs sit on one row.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch

from statements.models import (
    Commitment,
    MeetingReport,
    Statement,
    StatementParticipant,
    country_label,
    issuing_country,
)
from statements.text import fold

# Two paragraphs sit on one row when they share at least this many key terms.
MIN_SHARED_TERMS = 3
# At most this many shared terms name a row's subject.
SUBJECT_TERMS = 4

_STOPWORDS = set(
    """
    a about above after again also among an and any are as at be been before being between both
    but by can could did do does during each either for from further had has have having he her
    here hers him his how i if in into is it its itself last made make many may more most much
    must new not now of on once one only or other our ours out over own said same she should
    since so some such than that the their them then there these they this those through to too
    two under until up upon very was we well were what when where which while who whom why will
    with would you your yesterday today tomorrow including included includes continue continued
    al como con del desde el en entre es esta este la las lo los más para por que se su sus un
    una uno unos y ambos ambas hoy ayer
    """.split()  # noqa: SIM905 - a word list reads better as words
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_ORDINALS = {
    # English
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    # Spanish (either gender)
    "primera": 1, "primer": 1, "primero": 1, "segunda": 2, "segundo": 2, "tercera": 3,
    "tercer": 3, "tercero": 3, "cuarta": 4, "cuarto": 4, "quinta": 5, "quinto": 5, "sexta": 6,
    "sexto": 6, "septima": 7, "septimo": 7, "octava": 8, "octavo": 8, "novena": 9, "noveno": 9,
    "decima": 10, "decimo": 10,
}  # fmt: skip
_NUMERIC_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th|a|o|ª|º)$")
_NUMBER_WORDS = (
    "three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
    "thousand|million|billion|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|cien|mil|millones"
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
    "diciembre"
)
_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?(?:,\s*\d{{4}})?"
    rf"|\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:de\s+)?(?:{_MONTHS})(?:\s+(?:de\s+)?\d{{4}})?"
    rf"|(?:{_MONTHS})\s+(?:de\s+)?\d{{4}})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,.]*%?(?![\w])|\b(?:" + _NUMBER_WORDS + r")\b", re.IGNORECASE)
_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]", re.UNICODE)


def _term(word):
    word = fold(word).replace(" ", "")
    if len(word) < 4 or word in _STOPWORDS:
        return ""
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        return word[:-1]
    return word


def term_forms(text):
    """{key term: the word as first written}: folded content words, crudely singular, in order."""
    forms = {}
    for word in _WORD.findall(text):
        if term := _term(word):
            forms.setdefault(term, word)
    return forms


def key_terms(text):
    """The folded content words of `text`, in order of first appearance, crudely singular."""
    return list(term_forms(text))


def _ordinal_value(token):
    folded = fold(token)
    if folded in _ORDINALS:
        return _ORDINALS[folded]
    match = _NUMERIC_ORDINAL.match(token.lower())
    return int(match.group(1)) if match else None


def ordinals(text):
    """[(ordinal as written, value, what it numbers)]: "third meeting of the Trilateral Fentanyl
    Committee" -> ("third", 3, "meeting of the Trilateral Fentanyl Committee"). What it numbers
    runs to the end of the first run of capitalised words (a name), at most eight words."""
    tokens = _TOKEN.findall(text)
    found = []
    for i, token in enumerate(tokens):
        value = _ordinal_value(token)
        if value is None:
            continue
        words, in_name = [], False
        for word in tokens[i + 1 : i + 9]:
            if not re.match(r"\w", word):
                break
            capital = word[:1].isupper()
            if in_name and not capital and word.lower() not in ("of", "de", "del", "on", "for"):
                break
            in_name = in_name or capital
            words.append(word)
        while words and words[-1].lower() in ("of", "de", "del", "on", "for", "the", "la", "el"):
            words.pop()
        if words:
            found.append((token, value, " ".join(words)))
    return found


def dates(text):
    """Dates as written (month and day, Spanish or English), and years written alone."""
    spans = [(m.start(), m.end(), " ".join(m.group(0).split())) for m in _DATE.finditer(text)]
    found = [written for _, _, written in spans]
    for m in _YEAR.finditer(text):
        if not any(start <= m.start() < end for start, end, _ in spans):
            found.append(m.group(0))
    return found


def numbers(text):
    """Numbers as written, outside dates, years and ordinals ("10,000", "three", "25%")."""
    taken = [(m.start(), m.end()) for m in (*_DATE.finditer(text), *_YEAR.finditer(text))]
    return [
        m.group(0).rstrip(".,")
        for m in _NUMBER.finditer(text)
        if not any(start <= m.start() < end for start, end in taken)
    ]


@dataclass
class Paragraph:
    statement: Statement
    index: int  # position within the side
    text: str
    terms: list = field(default_factory=list)
    numbered: list = field(default_factory=list, init=False)  # what its ordinals number

    def __post_init__(self):
        self.numbered = [what for _, _, what in ordinals(self.text)]


@dataclass
class Side:
    """One government's account: its statements and what it names that the others do not."""

    code: str
    label: str
    statements: list = field(default_factory=list)
    paragraphs: list = field(default_factory=list)
    people: list = field(default_factory=list)  # Participants only this side names
    topics: list = field(default_factory=list)
    commitments: list = field(default_factory=list)  # Commitments no other side echoes
    numbers: list = field(default_factory=list)
    ordinals: list = field(default_factory=list)
    dates: list = field(default_factory=list)

    @property
    def name(self):
        """The government in a sentence: "Mexico", "the United States"."""
        return f"the {self.label}" if self.label.startswith("United ") else self.label

    @property
    def possessive(self):
        """ "Mexico’s", "the United States’"."""
        return f"{self.name}’" if self.name.endswith("s") else f"{self.name}’s"

    @property
    def names_nothing_else(self):
        return not any(
            (self.people, self.topics, self.commitments, self.numbers, self.ordinals, self.dates)
        )


@dataclass
class Row:
    """Paragraphs on one subject, one cell per side (None where a side says nothing of it)."""

    cells: list
    subject: list  # the key terms the paragraphs share ([] for a paragraph alone)


@dataclass
class Comparison:
    sides: list
    rows: list
    differences: list  # plain sentences: the same thing numbered differently, by side

    @property
    def lines(self):
        """[(row, [(side, paragraph or None)])] for the page."""
        return [(row, list(zip(self.sides, row.cells, strict=True))) for row in self.rows]

    def as_data(self, url):
        """The comparison as JSON-ready data; `url(obj)` makes an absolute link."""
        return {
            "governments": [
                {
                    "country": side.code,
                    "label": side.label,
                    "statements": [
                        {"slug": s.slug, "title": s.title, "publisher": s.publisher, "url": url(s)}
                        for s in side.statements
                    ],
                    "only_here": {
                        "people": [{"name": p.name, "slug": p.slug} for p in side.people],
                        "topics": [{"name": t.name, "slug": t.slug} for t in side.topics],
                        "commitments": [
                            {"text": c.text, "statement": c.statement.slug}
                            for c in side.commitments
                        ],
                        "numbers": side.numbers,
                        "ordinals": side.ordinals,
                        "dates": side.dates,
                    },
                }
                for side in self.sides
            ],
            "differences": self.differences,
            "rows": [
                {
                    "subject": row.subject,
                    "cells": [
                        None
                        if cell is None
                        else {
                            "country": side.code,
                            "statement": cell.statement.slug,
                            "text": cell.text,
                        }
                        for side, cell in zip(self.sides, row.cells, strict=True)
                    ],
                }
                for row in self.rows
            ],
        }


def _paragraphs(statement):
    """The statement's paragraphs (blank-line separated, hard wraps joined) that say something."""
    found = []
    for block in re.split(r"\n\s*\n", statement.body or ""):
        text = " ".join(block.split()).lstrip("•·-* ").strip()
        terms = key_terms(text)
        if len(terms) >= 2:
            found.append((text, terms))
    return found


def governments_of(publishers):
    """{government key: label} for publishers (a publisher whose country cannot be told is its
    own government, as on the meeting page)."""
    found = {}
    for publisher in publishers:
        code = issuing_country(publisher)
        key = code or (publisher or "Unknown publisher")
        found[key] = country_label(code) if code else key
    return found


def comparable_meeting_ids(meeting_ids):
    """Of `meeting_ids`, those that published statements of more than one government report
    (one query, none without meetings)."""
    meeting_ids = list(meeting_ids)
    if not meeting_ids:
        return set()
    rows = MeetingReport.objects.filter(
        meeting_id__in=meeting_ids, statement__status=Statement.Status.PUBLISHED
    ).values_list("meeting_id", "statement__publisher")
    publishers = {}
    for meeting_id, publisher in rows:
        publishers.setdefault(meeting_id, set()).add(publisher)
    return {pk for pk, names in publishers.items() if len(governments_of(names)) > 1}


def _only_here(values, others, key=lambda v: v):
    """`values` (deduplicated, in order) whose key no other side has."""
    seen, kept = set(), []
    for value in values:
        k = key(value)
        if k not in others and k not in seen:
            seen.add(k)
            kept.append(value)
    return kept


def _align(sides, common):
    """Rows of paragraphs on one subject: every other side's paragraphs paired with the first
    side's by the key terms they share, leaving out `common` terms (those of most paragraphs).
    Paragraphs numbering the same thing pair first, then the closest (shared terms over the
    shorter paragraph's), then the earliest; each paragraph is used once. A paragraph without
    a partner gets a row of its own, after its side's previous paragraph."""
    anchor = sides[0].paragraphs
    by_anchor = [Row(cells=[p] + [None] * (len(sides) - 1), subject=[]) for p in anchor]
    rows = list(by_anchor)  # in the page's order: unpaired paragraphs are inserted
    for column, side in enumerate(sides[1:], start=1):
        pairs = []
        for a in anchor:
            a_terms = [t for t in a.terms if t not in common]
            for b in side.paragraphs:
                b_terms = {t for t in b.terms if t not in common}
                shared = [t for t in a_terms if t in b_terms]
                if len(shared) < MIN_SHARED_TERMS:
                    continue
                numbered = any(
                    _same_thing(what, other) for what in a.numbered for other in b.numbered
                )
                closeness = len(shared) / min(len(a_terms), len(b_terms))
                pairs.append((not numbered, -closeness, -len(shared), a.index, b.index, shared))
        pairs.sort(key=lambda pair: pair[:5])
        used_a, used_b = set(), {}
        for *_, a_index, b_index, shared in pairs:
            if a_index in used_a or b_index in used_b:
                continue
            used_a.add(a_index)
            used_b[b_index] = a_index
            row = by_anchor[a_index]
            row.cells[column] = side.paragraphs[b_index]
            if not row.subject:  # the shared terms as the first side wrote them
                forms = term_forms(row.cells[0].text)
                row.subject = [forms[t] for t in shared[:SUBJECT_TERMS]]
        # Unpaired paragraphs: after the row holding this side's previous paragraph.
        for b in side.paragraphs:
            if b.index in used_b:
                continue
            after = -1
            for i, row in enumerate(rows):
                cell = row.cells[column]
                if cell is not None and cell.index < b.index:
                    after = i
            cells = [None] * len(sides)
            cells[column] = b
            rows.insert(after + 1, Row(cells=cells, subject=[]))
    return rows


def compare_meeting(meeting):
    """The meeting's accounts side by side, or None when fewer than two governments reported
    it. Only published statements; five queries whatever their number."""
    statements = list(
        Statement.objects.published()
        .filter(meeting_reports__meeting=meeting)
        .prefetch_related(
            Prefetch(
                "mentions",
                queryset=StatementParticipant.objects.select_related("participant").order_by(
                    "position", "pk"
                ),
            ),
            "topics",
            Prefetch("commitments", queryset=Commitment.objects.order_by("position", "pk")),
        )
        .order_by("date", "pk")
        .distinct()
    )
    by_key = {}
    for statement in statements:
        ((key, label),) = governments_of([statement.publisher]).items()
        code = statement.publisher_country
        side = by_key.setdefault(key, Side(code=code, label=label))
        side.statements.append(statement)
    if len(by_key) < 2:
        return None
    sides = sorted(by_key.values(), key=lambda side: side.label)

    facts = []
    for side in sides:
        for statement in side.statements:
            for text, terms in _paragraphs(statement):
                side.paragraphs.append(Paragraph(statement, len(side.paragraphs), text, terms))
        body = "\n\n".join(p.text for p in side.paragraphs)
        facts.append(
            {
                "people": [m.participant for s in side.statements for m in s.mentions.all()],
                "topics": sorted(
                    {t for s in side.statements for t in s.topics.all()}, key=lambda t: t.name
                ),
                "commitments": [c for s in side.statements for c in s.commitments.all()],
                "numbers": numbers(body),
                "ordinals": ordinals(body),
                "dates": dates(body),
                "terms": set(key_terms(body)),
            }
        )

    differences = []
    for i, (side, mine) in enumerate(zip(sides, facts, strict=True)):
        theirs = [f for j, f in enumerate(facts) if j != i]
        side.people = _only_here(
            mine["people"], {p.pk for f in theirs for p in f["people"]}, key=lambda p: p.pk
        )
        side.topics = _only_here(
            mine["topics"], {t.pk for f in theirs for t in f["topics"]}, key=lambda t: t.pk
        )
        # A commitment is echoed when the others' text holds most of its key terms.
        other_terms = set().union(*(f["terms"] for f in theirs))
        side.commitments = [
            c
            for c in mine["commitments"]
            if (terms := key_terms(c.text))
            and len([t for t in terms if t in other_terms]) * 2 < len(terms)
        ]
        side.numbers = _only_here(
            mine["numbers"], {fold(n) for f in theirs for n in f["numbers"]}, key=fold
        )
        side.dates = _only_here(mine["dates"], {fold(d) for f in theirs for d in f["dates"]}, fold)
        other_ordinals = {(value, fold(what)) for f in theirs for _, value, what in f["ordinals"]}
        side.ordinals = _only_here(
            [f"{written} {what}" for written, value, what in mine["ordinals"]
             if (value, fold(what)) not in other_ordinals],
            set(),
            key=fold,
        )  # fmt: skip

    # The same thing numbered differently: an ordinal whose words another side numbers otherwise.
    pairs = [(i, j) for i in range(len(sides)) for j in range(i + 1, len(sides))]
    for i, j in pairs:
        for written, value, what in facts[i]["ordinals"]:
            for other_written, other_value, other_what in facts[j]["ordinals"]:
                if value == other_value or not _same_thing(what, other_what):
                    continue
                text = (
                    f"{sides[i].name} calls it the {written} {what}; "
                    f"{sides[j].name} calls it the {other_written} {other_what}."
                )
                text = text[0].upper() + text[1:]
                if text not in differences:
                    differences.append(text)

    # Terms most paragraphs use ("delegation", "Mexico") say nothing of a subject.
    paragraphs = [p for side in sides for p in side.paragraphs]
    counts = {}
    for paragraph in paragraphs:
        for term in paragraph.terms:
            counts[term] = counts.get(term, 0) + 1
    common = {term for term, n in counts.items() if n * 3 > len(paragraphs)}
    return Comparison(sides=sides, rows=_align(sides, common), differences=differences)


def _same_thing(what, other):
    """Two ordinals number the same thing when what follows them shares its name (the capitalised
    words) or, without a name, all its key terms."""

    def name(text):
        return [fold(w) for w in text.split() if w[:1].isupper()]

    mine, theirs = name(what), name(other)
    if mine and theirs:
        return mine == theirs
    return bool(key_terms(what)) and key_terms(what) == key_terms(other)
