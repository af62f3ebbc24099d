"""Quoted remarks and who said them.

Attribution is read after the quote ("…,” Biden said." / "…,” said Secretary Blinken." /
"…,” Lopez Obrador added.") or before it ("Biden said: “…”"). A quote without its own attribution
that follows an attributed one in the same paragraph continues that speaker (readouts split one
person's remarks in two). Short quoted phrases with no speaker (“Los Angeles Declaration”,
scare quotes) are not quotes.
"""

import re

from statements.ingest.documents import paragraph_spans
from statements.ingest.lexicon import COUNTRY_WORDS
from statements.ingest.types import QuoteFound

SPEECH_VERBS = (
    r"(?:said|says|added|adds|stated|states|noted|notes|remarked|told|continued|explained"
    r"|emphasized|emphasised|stressed|declared|affirmed|indicated|asserted|observed|concluded"
    r"|underscored|highlighted|commented|recalled|insisted|wrote|tweeted|announced|replied"
    r"|answered|dijo|afirmó|afirmo|señaló|senalo|expresó|expreso|declaró|declaro|subrayó"
    r"|subrayo|indicó|indico|destacó|destaco|agregó|agrego|añadió|anadio|sostuvo|aseguró|aseguro)"
)
# A name as readouts write it: capitalised words, with Spanish particles and hyphens allowed.
_CAP = r"[A-ZÁÉÍÓÚÑÜ][\w’'.-]*"
NAME = rf"{_CAP}(?:\s+(?:(?:de|del|la|las|los|y|van|von|da|dos|di|bin|al)\s+)?{_CAP}){{0,6}}"
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "foreign", "deputy", "attorney",
    "general", "ambassador", "advisor", "adviser", "associate", "counsel", "principal",
    "homeland", "security", "national", "dr.",
    "dr", "mr.", "mr", "ms.", "ms", "mrs.", "mrs", "senator", "sen.", "governor", "gov.",
    "chancellor", "king", "queen", "premier", "director", "administrator", "commissioner",
    "undersecretary", "under", "assistant", "acting", "chief", "of", "state", "defense",
    "presidente", "presidenta", "secretaria", "secretario", "canciller", "embajador", "embajadora",
    "canadian", "mexican", "u.s.", "american", "white", "house", "spokesperson", "press",
    "the", "el", "la",
}  # fmt: skip
PRONOUNS = {"he", "she", "they", "we", "i"}

_AFTER_NAME_VERB = re.compile(
    rf"^\s*[,—–]?\s*(?P<name>{NAME}|[Hh]e|[Ss]he|[Tt]hey)\s+(?:also\s+)?{SPEECH_VERBS}\b"
)
_LOWER_TITLE = (
    r"(?:(?:el|la|the)\s+)?(?:(?:presidente|presidenta|secretario|secretaria|canciller|embajador"
    r"|embajadora|ministro|ministra|mandatario|mandataria|titular)\s+(?:de\s+\w+\s+)?)?"
)
# ", dijo la canciller Alicia Bárcena" and the Spanish dash: "» —afirmó el presidente Petro".
_AFTER_VERB_NAME = re.compile(rf"^\s*[,—–]?\s*{SPEECH_VERBS}\s+{_LOWER_TITLE}(?P<name>{NAME})")
_BEFORE = re.compile(
    rf"(?P<name>{NAME}|[Hh]e|[Ss]he)\s+(?:also\s+)?{SPEECH_VERBS}"
    r"(?:\s+(?:reporters|journalists|the press|the audience|the media|participants))?"
    r"(?:\s+that)?\s*[:,]?\s*$"
)
# Words a group said together ("As the leaders of the three countries stated last week, “…”"):
# no one person's quote.
_GROUP_BEFORE = re.compile(
    r"\b(?:the|our|both|all|these|those|their)\s+(?:[\w-]+\s+){0,6}?(?:leaders|governments|"
    r"countries|ministers|participants|sides|partners|members|nations|signatories|delegations)"
    rf"\s+(?:have\s+|had\s+|jointly\s+)?{SPEECH_VERBS}(?:\s+\w+){{0,3}}\s*[,:]?\s*$",
    re.IGNORECASE,
)
_ACCORDING = re.compile(rf"(?:[Aa]ccording to|[Ss]egún)\s+(?P<name>{NAME}),\s*$")

_PAIRS = [("“", "”"), ("«", "»"), ('"', '"')]
_MIN_UNATTRIBUTED_WORDS = 8


def _spans(paragraph: str):
    """(start, end) of each quotation in a paragraph: text between the marks, marks excluded."""
    spans = []
    for opening, closing in _PAIRS:
        at = 0
        while True:
            start = paragraph.find(opening, at)
            if start < 0:
                break
            end = paragraph.find(closing, start + 1)
            if end < 0:
                break
            if not any(s <= start < e for s, e in spans):
                spans.append((start + 1, end))
            at = end + 1
    return sorted(spans)


def clean_speaker(name: str) -> str:
    """Drop titles, honorifics and countries: "President Biden" → "Biden", "Secretary Blinken" →
    "Blinken", "(President of the Republic of) Indonesia Joko Widodo" → "Joko Widodo"."""
    words = name.split()
    while len(words) > 1 and (
        words[0].lower() in TITLE_WORDS or words[0].lower().strip(",") in COUNTRY_WORDS
    ):
        words.pop(0)
    return " ".join(words).strip(" ,.")


# A transcript's speaker label: "SECRETARY BLINKEN: Thank you …", "**PRESIDENT BIDEN:** …".
SPEAKER_LABEL = re.compile(
    r"^[*_ \t]*(?P<label>[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.’'\- ]{1,60}?)[ \t]*:[*_]*[ \t]+(?P<text>\S)"
)
# Labels of people nobody names: the moderator, a reporter's question, the operator.
ANONYMOUS_LABELS = {
    "Q", "MODERATOR", "NOTE", "PARTICIPANT", "AUDIENCE", "AUDIENCE MEMBER", "INTERPRETER",
    "OPERATOR", "STAFF", "REPORTER", "QUESTION", "END", "MR", "MS", "MRS",
}  # fmt: skip
# "President … Joko Widodo said:" closing a paragraph: the next paragraph is what was said.
_SAID_COLON = re.compile(rf"(?P<name>{NAME})\s+(?:{SPEECH_VERBS})\s*:\s*$")


def _labelled_turns(body: str):
    """Quotes of a transcript: each labelled turn, with the paragraphs that follow it unlabelled
    (a speaker's turn may run over several paragraphs)."""
    found = []
    speaker = None
    for para_start, para_end in paragraph_spans(body):
        paragraph = body[para_start:para_end]
        match = SPEAKER_LABEL.match(paragraph)
        if match:
            label = " ".join(match["label"].replace(".", " ").split())
            if label in ANONYMOUS_LABELS or not re.search(r"[A-Z]{2}", label):
                speaker = None
                continue
            speaker = clean_speaker(label.title())
            if speaker.lower() in TITLE_WORDS:
                speaker = None  # "THE PRESIDENT:" alone: a title, resolved by nobody here
                continue
            start = match.start("text")
        elif speaker is None or not paragraph.strip():
            continue
        else:
            start = len(paragraph) - len(paragraph.lstrip())
        text = paragraph[start:].strip().strip("*_").strip()
        if len(text.split()) >= 3:
            found.append(
                QuoteFound(text=text, speaker_as_written=speaker, position=para_start + start)
            )
    return found


def _said_then_paragraph(body: str):
    """ "Prime Minister X said:" then the words in a paragraph of their own, without quote marks
    (one paragraph, or several italic ones: "*It is …*\n\n*… together.*")."""
    found = []
    spans = paragraph_spans(body)
    for n, (start, end) in enumerate(spans[:-1]):
        match = _SAID_COLON.search(body[start:end])
        if not match:
            continue
        speaker = clean_speaker(match["name"])
        for k, (next_start, next_end) in enumerate(spans[n + 1 : n + 6]):
            paragraph = body[next_start:next_end]
            if any(mark in paragraph[:3] for mark in '“"«'):
                break  # quoted the usual way: find_quotes reads it
            if k and not paragraph.lstrip().startswith(("*", "_")):
                break  # only italic paragraphs go on with the quote
            lead = len(paragraph) - len(paragraph.lstrip(" *_"))
            text = paragraph.strip().strip("*_").strip()
            if len(text.split()) >= 5:
                found.append(QuoteFound(text, speaker, next_start + lead))
            if not paragraph.lstrip().startswith(("*", "_")):
                break
    return found


def _attribution(paragraph: str, start: int, end: int) -> tuple[str | None, int]:
    """(speaker or None, where the attribution ends) for the quote at [start, end)."""
    after = paragraph[end + 1 : end + 120]
    for pattern in (_AFTER_VERB_NAME, _AFTER_NAME_VERB):
        match = pattern.match(after)
        if match:
            name = match["name"]
            return ("" if name.lower() in PRONOUNS else clean_speaker(name)), end + 1 + match.end()
    before = paragraph[max(0, start - 1 - 120) : start - 1]
    for pattern in (_BEFORE, _ACCORDING):
        match = pattern.search(before)
        if match:
            name = match["name"]
            return ("" if name.lower() in PRONOUNS else clean_speaker(name)), start
    return None, start


def _spoken(text: str) -> bool:
    """Whether unattributed quoted words read as speech: not a title in capitals ("Strategies for
    Increasing Diversity and Opportunity in Higher Education."), not a link's text, not a phrase
    woven into the sentence ("called on CEA to “identify the primary sources …”")."""
    if text.startswith("[") or "](" in text or not text[:1].isupper():
        return False  # a link's text, or words woven into a sentence
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    long_words = [w for w in words if len(w) > 3]
    return not long_words or sum(w[0].isupper() for w in long_words) < 0.6 * len(long_words)


# The sentence before a quote names who speaks: "Associate Attorney General Vanita Gupta, who
# leads the Task Force, emphasized the need for action. “It will take all of us …”"
_SPEAKER_SENTENCE = re.compile(
    rf"(?:^|[.!?][”\"’]?\s+)(?P<name>{NAME})(?:,[^,.]{{0,120}},)?\s*(?:also\s+)?"
    rf"{SPEECH_VERBS}\b[^.!?“”\"]*[.!?:]\s*$"
)
# The subject of the sentence a quote is woven into, and its verb.
_SUBJECT = re.compile(
    rf"(?:^|[.!?][”\"’]?\s+)(?P<name>{NAME}|[Hh]e|[Ss]he)(?:,[^,.]{{0,120}},)?\s*(?:also\s+)?"
    rf"(?:{SPEECH_VERBS}|reaffirmed|reiterated|urged|warned|pledged|argued)\b[^.!?“”\"]*$"
)


_NAMED_SUBJECT = re.compile(
    rf"(?:^|[.!?][”\"’]?\s+)(?P<name>{NAME})(?:,[^,.]{{0,120}},)?\s*(?:also\s+)?[a-z]+ed\b"
)


def _sentence_subject(paragraph: str, start: int):
    """The named person (or "" for he/she) a quote's own sentence opens on with a verb of
    saying, else None."""
    match = _SUBJECT.search(paragraph[max(0, start - 1 - 300) : start - 1])
    if not match:
        return None
    name = match["name"]
    if name.lower() in PRONOUNS:
        # "Counsel Delery underscored … He noted … “…”": the person the paragraph last made
        # a subject, else (``""``) the last person quoted.
        before = paragraph[: max(0, start - 1 - 300) + match.start("name")]
        named = [
            m["name"]
            for m in _NAMED_SUBJECT.finditer(before)
            if m["name"].split()[0].lower() not in ("the", "this", "that", "it")
        ]
        return clean_speaker(named[-1]) if named else ""
    if name.split()[0].lower() in ("the", "this", "that", "it"):
        return None
    return clean_speaker(name)


def _previous_speaker(paragraph: str, start: int) -> str:
    """The person the sentence just before a quote makes its speaker, or ""."""
    match = _SPEAKER_SENTENCE.search(paragraph[max(0, start - 1 - 300) : start - 1])
    if not match or match["name"].split()[0].lower() in ("the", "this", "that", "it"):
        return ""
    return clean_speaker(match["name"])


def find_quotes(body: str) -> list[QuoteFound]:
    """Every attributed quotation in the body, in order, with its speaker as written."""
    found: list[QuoteFound] = []
    last_speaker = ""  # "he added" in a new paragraph: the last person quoted
    for para_start, para_end in paragraph_spans(body):
        paragraph = body[para_start:para_end]
        spans = _spans(paragraph)
        speakers: list[str | None] = []
        for start, end in spans:
            speaker, _ = _attribution(paragraph, start, end)
            speakers.append(speaker)
        # "he said" after a named quote: the same person.
        for i, speaker in enumerate(speakers):
            if speaker == "":
                earlier = [s for s in speakers[:i] if s]
                speakers[i] = earlier[-1] if earlier else last_speaker
        for i, (start, end) in enumerate(spans):
            text = paragraph[start:end].strip()
            speaker = speakers[i]
            if speaker is None:
                # Continuation: an attributed quote before it in this paragraph, else after it.
                before = [s for s in speakers[:i] if s]
                after = [s for s in speakers[i + 1 :] if s]
                words = len(text.split())
                if (before or after) and (words >= 4 or re.search(r"[.!?]$", text)):
                    speaker = before[-1] if before else after[0]
                elif _GROUP_BEFORE.search(paragraph[max(0, start - 1 - 120) : start - 1]):
                    continue  # what a group said together
                elif not text[:1].isupper() and _spoken(text[:1].upper() + text[1:]):
                    # Words woven into a sentence are its subject's: "Attorney General Garland
                    # stressed that the Department is “working relentlessly …”".
                    subject = _sentence_subject(paragraph, start)
                    if subject is None:
                        continue  # "the Roadmap called on CEA to “identify …”": no one's
                    speaker = subject or last_speaker
                    if not speaker:
                        continue
                elif not _spoken(text):
                    continue  # a title, a link's text
                elif _previous_speaker(paragraph, start):
                    speaker = _previous_speaker(paragraph, start)
                elif words >= _MIN_UNATTRIBUTED_WORDS and re.search(r"[.!?,]$", text):
                    speaker = ""
                else:
                    continue  # a title, a term, a scare quote
            text = text.rstrip(",").strip()
            if not text:
                continue
            lead = len(paragraph[start:end]) - len(paragraph[start:end].lstrip())
            found.append(
                QuoteFound(
                    text=text, speaker_as_written=speaker, position=para_start + start + lead
                )
            )
            last_speaker = speaker or last_speaker
    taken = {quote.position for quote in found}
    for quote in [*_labelled_turns(body), *_said_then_paragraph(body)]:
        if quote.position not in taken:
            found.append(quote)
            taken.add(quote.position)
    return sorted(found, key=lambda quote: quote.position)
