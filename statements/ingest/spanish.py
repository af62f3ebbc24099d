"""What Spanish communiqués need beyond the shared steps (Mexico publishes in Spanish first).

The words are data in `lexicon_es.py`; this module holds the few readings that differ from
English: a publisher named in a header or a sign-off ("SRE", "Presidencia de la República"),
the kind a title says ("Comunicado conjunto"), quotations set off by dashes ("—…—dijo la
canciller") or introduced by "afirmó que", and speakers named by their title alone ("señaló la
presidenta"). The shared steps call in with one line each where a document is in Spanish.
"""

import re

from statements.ingest import lexicon_es
from statements.ingest.types import QuoteFound
from statements.text import fold

PAST_CUES = lexicon_es.PAST_CUES
ATTENDANCE = re.compile(lexicon_es.ATTENDANCE_CUES, re.IGNORECASE)
OBJECT_CUES = re.compile(lexicon_es.OBJECT_CUES, re.IGNORECASE)
COMMITTEE = re.compile(lexicon_es.COMMITTEE)
_CLOSING = re.compile(rf"^(?:{lexicon_es.CLOSING_MARKS})$", re.IGNORECASE)


def _publisher_of_line(line: str) -> str:
    """The publisher a header or sign-off line names: "SRE", "Secretaría de Relaciones
    Exteriores | Comunicado No. 245", "Presidencia de la República"; else ""."""
    for part in re.split(r"\s*[|·•]\s*", line.strip()):
        key = fold(part).strip(" .")
        if key in lexicon_es.PUBLISHERS:
            return lexicon_es.PUBLISHERS[key]
    return ""


def publisher_lines(paragraphs: list[str]) -> tuple[str, list[str]]:
    """(publisher, paragraphs without the lines that only name it or close the text).

    Reads the first four paragraphs (the header) and the last three (the sign-off)."""
    publisher = ""
    kept = list(paragraphs)
    n = len(kept)
    for index in [*range(min(4, n)), *range(max(4, n - 3), n)]:
        line = kept[index]
        if len(line) > 120:
            continue
        named = _publisher_of_line(line)
        if named:
            publisher = publisher or named
            kept[index] = ""
        elif index >= n - 3 and _CLOSING.match(line.strip()):
            kept[index] = ""
    return publisher, [p for p in kept if p]


_MEETING = re.compile(lexicon_es.MEETING_WORDS, re.IGNORECASE)


def kind_from_title(title: str, labels=(), body: str = "") -> str:
    """A Statement.Kind a Spanish title (or label line) names ("Comunicado conjunto …"); else
    "communique" for a text that reports a meeting ("recibió hoy …"); else ""."""
    for text in (title, *labels):
        folded = fold(text)
        for kind, pattern in lexicon_es.KIND_WORDS:
            if re.search(pattern, folded):
                return kind
    return "communique" if _MEETING.search(body) else ""


# --- quotations ---

_VERBS = "|".join(lexicon_es.SPEECH_VERBS)
_CAP = r"[A-ZÁÉÍÓÚÑÜ][\w’'.-]*"
_NAME = rf"{_CAP}(?:\s+(?:(?:de|del|la|las|los|y)\s+)?{_CAP}){{0,5}}"
_TITLE_WORD = "|".join(sorted(lexicon_es.SPEAKER_TITLES, key=len, reverse=True))
_TITLE = rf"(?:(?:el|la)\s+)?(?P<title>(?:{_TITLE_WORD})(?:\s+ministr[oa])?)"
# "—La seguridad … compartida —dijo la canciller Bárcena." (the dash opens and closes the words)
DASH_QUOTE = re.compile(
    rf"(?:^|(?<=\n))\s*[—–]\s*(?P<text>[^—–\n]{{8,}}?)\s+[—–](?P<verb>{_VERBS})\s+"
    rf"(?:{_TITLE}\s+)?(?P<name>{_NAME})?",
)
# "El secretario Mayorkas afirmó que “…”", "La presidenta señaló que “…”".
SAID_THAT = re.compile(
    rf"(?P<who>(?:(?:El|La|el|la)\s+)?(?:(?:{_TITLE_WORD})(?:\s+ministr[oa])?\s+{_NAME}"
    rf"|(?:{_TITLE_WORD})(?:\s+ministr[oa])?|{_NAME}))\s+(?:{_VERBS})"
    r"(?:\s+que(?:\s+[^“«\"\n.]{1,80}?)?)?\s*:?\s*[“«\"](?P<text>[^”»\"]{8,})[”»\"]"
)
# "“…”, indicó el subsecretario Velasco." (a lowercase title before the name).
QUOTE_THEN_TITLE = re.compile(
    rf"[“«\"](?P<text>[^”»\"\n]{{8,}})[”»\"]\s*,?\s*[—–]?\s*(?:{_VERBS})\s+{_TITLE}"
    rf"(?:\s+(?P<name>{_NAME}))?"
)


def _who(words: str) -> str:
    """The speaker as written, without the article: "secretario Mayorkas", "presidenta"."""
    return re.sub(r"^(?:el|la)\s+", "", words.strip(), flags=re.IGNORECASE).rstrip(".,;")


def find_quotes(body: str, found: list[QuoteFound]) -> list[QuoteFound]:
    """The quotations Spanish punctuation sets off that `quotes.find_quotes` misses or leaves
    without a speaker: `found` plus these, in order."""
    out = list(found)
    for block in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", body):  # paragraphs
        start, end = block.span()
        paragraph = body[start:end]
        for m in DASH_QUOTE.finditer(paragraph):
            speaker = _who(" ".join(p for p in (m["title"], m["name"]) if p))
            out.append(QuoteFound(m["text"].strip(), speaker, start + m.start("text")))
        said = [(m, _who(m["who"])) for m in SAID_THAT.finditer(paragraph)]
        said += [
            (m, _who(" ".join(p for p in (m["title"], m["name"]) if p)))
            for m in QUOTE_THEN_TITLE.finditer(paragraph)
        ]
        for m, speaker in said:
            position = start + m.start("text")
            same = [q for q in out if abs(q.position - position) <= 1]
            if same:
                for quote in same:
                    quote.speaker_as_written = quote.speaker_as_written or speaker
            elif speaker:
                out.append(QuoteFound(m["text"].strip(), speaker, position))
    return sorted(out, key=lambda q: q.position)


def speaker_by_title(as_written: str, officials, publisher_country: str = ""):
    """The one official a title-only attribution ("presidenta", "la canciller") or a title and
    surname ("secretario Mayorkas") names, else None. Two fit ("la canciller" of a meeting of
    two foreign ministers): the publisher's own, when one is."""
    words = fold(as_written).split()
    if not words or words[0] not in lexicon_es.SPEAKER_TITLES:
        return None
    if words[1:2] in (["ministro"], ["ministra"]):
        words = [f"{words[0]} {words[1]}", *words[2:]]
    title, rest = words[0], words[1:]
    heads = lexicon_es.SPEAKER_TITLES.get(title, [title])
    fits = []
    for official in officials:
        titles = [fold(t) for t in (official.title, *getattr(official, "titles", [])) if t]
        if not any(t == head or t.startswith(head + " ") for t in titles for head in heads):
            continue
        if rest and not set(rest) <= set(fold(official.name).split()):
            continue
        fits.append(official)
    people = list({id(o): o for o in fits}.values())
    if len(people) > 1 and publisher_country:
        people = [o for o in people if o.country == publisher_country]
    return people[0] if len(people) == 1 else None


def without_dateline(body: str) -> str:
    """The body without an opening "Washington, D.C., a 5 de octubre de 2023." line: where a
    communiqué was written is not whose voice it has."""
    first, _, rest = body.partition("\n\n")
    if len(first) < 80 and re.search(r"\b\d{1,2} de [a-z]+ de \d{4}\b", fold(first)):
        return rest
    return body
