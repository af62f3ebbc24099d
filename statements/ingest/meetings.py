"""The meeting(s) a document reports, and whether an archived meeting is the same one.

`find_meetings` reads one text: who attended (from people.py), when (the DateMentions that belong to
the meeting, not a past call or a January summit), where, what kind, and a readable title.

`match_meeting` decides whether another statement already reported that meeting. The rule:
- both dated: the date windows overlap (a day of slack) AND (same city or venue, or at least two
  shared attendees). Dates that do not overlap rule a meeting out.
- otherwise (either side undated): at least two shared attendees AND something more that is
  particular to the occasion: a shared named thing ("Bicentennial Framework", "Los Angeles
  Declaration"), the same venue or the same city. Anything less gets its own meeting, and the
  note says why.
- a candidate is ruled out by a contradiction: different cities, or the same series pinned to a
  different occasion ("the third meeting of the Trilateral Fentanyl Committee" today vs. "the
  fourth meeting …" today). An occasion counts only when the text places it in the time of the
  reported meeting (today, tomorrow, or held/convened by its attendees); "During the second
  meeting …" in passing pins nothing.
- candidates are scored (shared attendees + 2 per shared named thing + 2 for the venue + 1 for
  the city); when the two best score the same, we link to the earlier meeting (earliest start
  date, undated last, then lowest id) with evidence "weak" so that a curator reviews it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from statements.ingest import lexicon, lexicon_es, spanish
from statements.ingest.dates import publication_date_from_text
from statements.ingest.people import PAST_CUES, Sentences, tokenize
from statements.ingest.resolve import MIDDLE_GIVEN_NAMES, name_score
from statements.ingest.types import DateMention, MeetingFound, OfficialMention
from statements.text import fold, strip_accents


@dataclass
class FoundMeeting(MeetingFound):
    """A MeetingFound with the evidence match_meeting compares."""

    names: list[str] = field(default_factory=list)  # distinctive named things, folded
    occasions: dict = field(default_factory=dict)  # {folded series name: ordinal}
    city_inferred: bool = False


NAMED_HEADS = {
    "framework", "declaration", "summit", "dialogue", "committee", "coalition", "strategy",
    "initiative", "agreement", "plan", "accord", "partnership", "compact", "conference",
    "forum", "mechanism", "protocol", "treaty", "charter", "alliance", "commission",
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
OCCASION = re.compile(
    r"\b(?P<ord>(?i:" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th)))\s+"
    r"(?i:meeting|session|round|edition|plenary)\s+of\s+the\s+"
    r"(?P<series>(?:[A-Z][\w’'\-\.]*\s+){0,6}?(?:Committee|Commission|Dialogue|Council|Group|"
    r"Task\s+Force|Forum|Summit|Conference|Mechanism))"
)
PINNED = re.compile(
    r"\b(?:today|tomorrow|tonight|this (?:morning|afternoon|evening|week)|held|convened|"
    r"co-chaired|chaired|hosted|opened)\b",
    re.IGNORECASE,
)
CALL = re.compile(
    r"\b(?:(?:tele)?phone|video|virtual)\s+(?:call|conversation|conference|meeting)\b"
    r"|\b(?:spoke|speaks|talked|conferred)\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone\b"
    r"|\b(?:spoke|speaks)\s+(?:by|via)\s+video(?:conference|\s+link)?\b"
    r"|\bcall\s+with\b|\b(?:held|had|holds)\s+(?:a|an)\s+(?:\w+\s+){0,2}?call\b"
    r"|\bvideoconference\b|\bvideo\s+conference\b"
    r"|\bllamada(?:\s+telef[oó]nica)?\b|\bconversaci[oó]n\s+telef[oó]nica\b"
    r"|\bvideoconferencia\b|\bvideollamada\b|\bpor\s+tel[eé]fono\b",
    re.IGNORECASE,
)
VENUE_HEADS = (
    "Palace|House|Office|Building|Center|Centre|Hall|Ministry|Department|Embassy|Residence|"
    "Hotel|Museum|Castle|Chancellery|Capitol|Pentagon|Palacio|Casa|Headquarters|Secretariat|"
    "Cancillería|Cancilleria|Embajada"
)
VENUE = re.compile(
    r"\b(?:at|en)\s+(?:the\s+|el\s+|la\s+)?(?P<venue>(?:[A-Z][\w’'\-\.]*\s+){0,5}(?:"
    + VENUE_HEADS
    + r")(?:\s+(?:of|de|for)\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}"
    r"|\s+(?:Nacional|Presidencial|Federal|Blanca))?)"
)
IN_CITY = re.compile(
    r"\b(?:in|en)\s+(?:la\s+(?=Ciudad\b))?(?P<city>[A-Z][\w’'\-\.]*(?:\s+(?:de\s+)?[A-Z][\w’'\-\.]*){0,2})"
    r"(?:,\s+(?P<region>[A-Z][\w\.]*(?:\s+[A-Z][\w\.]*)?))?"
)
MEETING_WORDS = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|visit|visited|visits|trip|hosted|hosts|received|"
    r"welcomed|delegations?|talks|call|spoke\s+(?:with|by)|conversation|summit|dialogue|"
    r"discussed|bilateral|reunión|reunion|se\s+reunió|se\s+reunieron|recibió|visita|delegación"
    r"|llamada|conversación|videoconferencia|encuentro|sostuvo)\b",
    re.IGNORECASE,
)
MEETING_WORDS = re.compile(f"{MEETING_WORDS.pattern}|{lexicon_es.MEETING_WORDS}", re.I)  # Spanish
# "… and these meetings in Mexico City": the reported meeting, even in a sentence about another.
THIS_MEETING = re.compile(r"\b(?:these|this|the)\s+(?:meetings?|talks|visit|trip)\s+$")
DESTINATION = re.compile(
    r"\b(?:delegation|trip|visit|travel(?:l?ed)?|traveling|travelling|mission)\s+to\s+"
    r"(?:the\s+)?(?P<country>[A-Z][\w\.]*(?:\s+[A-Z][\w\.]*)?)"
)
DELEGATION_OF = re.compile(r"\b(?P<adj>[A-Z][\w\.’']*)\s+(?:interagency\s+)?delegation\b")
HEADS_OF_STATE = re.compile(
    r"^(?:(?!vice).)*(?<!to the )(?<!of the )(?<!for the )"
    r"\b(?:president|prime minister|premier|chancellor|king|queen)\b"
    r"(?!\s+of\s+the\s+\w+\s+(?:commission|committee|council|bank))",
    re.IGNORECASE,
)
ADJECTIVES = {
    "US": "U.S.", "MX": "Mexican", "CA": "Canadian", "GT": "Guatemalan", "HN": "Honduran",
    "SV": "Salvadoran", "CN": "Chinese", "GB": "British", "FR": "French", "DE": "German",
    "JP": "Japanese", "IN": "Indian", "BR": "Brazilian", "CO": "Colombian", "PA": "Panamanian",
    "CR": "Costa Rican", "CU": "Cuban", "VE": "Venezuelan", "EC": "Ecuadorian", "PE": "Peruvian",
    "CL": "Chilean", "AR": "Argentine", "KR": "South Korean", "AU": "Australian",
    "IT": "Italian", "ES": "Spanish", "UA": "Ukrainian", "DO": "Dominican", "NI": "Nicaraguan",
    "HT": "Haitian", "BZ": "Belizean", "JM": "Jamaican", "IL": "Israeli", "RU": "Russian",
}  # fmt: skip
COUNTRY_NAMES = {
    "US": "the United States", "MX": "Mexico", "CA": "Canada", "GT": "Guatemala",
    "HN": "Honduras", "SV": "El Salvador", "CN": "China", "GB": "the United Kingdom",
    "FR": "France", "DE": "Germany", "JP": "Japan", "IN": "India", "BR": "Brazil",
    "CO": "Colombia", "PA": "Panama", "CR": "Costa Rica", "CU": "Cuba", "VE": "Venezuela",
}  # fmt: skip
MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_COUNTRY_WORDS = {strip_accents(k).casefold(): v for k, v in lexicon.COUNTRY_WORDS.items()}
_CITIES = {strip_accents(k).casefold(): k for k in lexicon.CITIES}
_CITY_COUNTRY = {strip_accents(k).casefold(): v for k, v in lexicon.CITIES.items()}
_REGIONS = {strip_accents(k).casefold() for k in lexicon.REGIONS}
_VENUES = {strip_accents(k).casefold(): v for k, v in lexicon.VENUES.items()}


def _key(text: str) -> str:
    return strip_accents(text or "").casefold().strip()


# --- reading one document -----------------------------------------------------------------------


def named_things(body: str, exclude_titles=()) -> list[str]:
    """Folded names of frameworks, declarations, committees, summits … the text names.

    'the U.S.-Mexico Bicentennial Framework for Security' -> 'bicentennial framework'. Names that
    are part of an official's title (an agency, not an occasion) are left out.
    """
    tokens = tokenize(body)
    titles = " | ".join(fold(t) for t in exclude_titles if t)
    found = []
    for k, tok in enumerate(tokens):
        if tok.low not in NAMED_HEADS or not tok.text[0].isupper():
            continue
        m = k - 1
        while m >= 0 and tokens[m].text[:1].isupper() and tokens[m].cls != "stop" and k - m <= 6:
            m -= 1
        words = tokens[m + 1 : k + 1]
        # A leading "U.S.-Mexico" or "Mexico's" says who, not which.
        while words and (words[0].cls in ("country", "poss") or words[0].text == "-"):
            words = words[1:]
        if len(words) < 2:
            continue
        key = fold(" ".join(t.text for t in words))
        if key and key not in titles:
            found.append(key)
    return list(dict.fromkeys(found))


def occasions(body: str, sentences=None) -> dict:
    """{series: ordinal} for occasions the text places at the time of the meeting it reports."""
    tokens = tokenize(body)
    sentences = sentences or Sentences(tokens, body)
    out = {}
    for m in OCCASION.finditer(body):
        start, end = sentences.around(m.start())
        sentence = body[start:end]
        if not PINNED.search(sentence) or PAST_CUES.search(sentence):
            continue
        ordinal = m.group("ord").lower()
        number = ORDINALS.get(ordinal) or int(re.match(r"\d+", ordinal).group())
        series = fold(m.group("series"))
        series = re.sub(r"^(?:u s |us |mexico |canada )+", "", series)
        out[series] = number
    return out


def find_meetings(
    body: str,
    *,
    officials: list[OfficialMention],
    dates: list[DateMention],
    published: date | None,
    publisher_country: str = "",
) -> list[MeetingFound]:
    """The meetings the document reports, never a meeting it only mentions: one, or one per stop
    of a trip told stop by stop ("On Thursday … traveled to Guatemala City, where he met …; On
    Friday … traveled to Tegucigalpa …"). Empty when nobody in the text attended anything."""
    attendees = [o for o in officials if o.attended]
    if not attendees:
        return []
    tokens = tokenize(body)
    sentences = Sentences(tokens, body)

    def current(pos):
        start, end = sentences.around(pos)
        return not PAST_CUES.search(body[start:end])

    if not any(current(m.start()) for m in MEETING_WORDS.finditer(body)):
        return []  # people quoted or named, but no meeting reported

    stops = _stops(body, dates, current)
    if len(stops) < 2:
        return [_meeting(body, officials, attendees, dates, publisher_country, current, sentences)]
    meetings = []
    for n, (stop_start, stop_end) in enumerate(stops):
        here = [o for o in attendees if stop_start <= o.position < stop_end]
        # The travellers (the publisher's side) attend every stop; hosts the one they are named in.
        travellers = [
            o for o in attendees if o.country == publisher_country and o not in here and n > 0
        ]
        stop_attendees = sorted(here + travellers, key=lambda o: o.position)
        if not here:
            continue

        def at_stop(pos, start=stop_start, end=stop_end):
            return start <= pos < end and current(pos)

        meetings.append(
            _meeting(body, officials, stop_attendees, dates, publisher_country, at_stop, sentences)
        )
    return meetings


def _stops(body, dates, current):
    """(start, end) of each stop of a trip told paragraph by paragraph, or [] when the text
    reports one occasion: a stop is a paragraph naming a known city of its own with a date of
    its own; it runs to the next stop (the first from the top)."""
    starts = []
    seen = set()
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", body):
        start, end = m.span()

        def inside(pos, start=start, end=end):
            return start <= pos < end and current(pos)

        city = _city(body, inside)[0]
        dated = [d for d in dates if inside(d.position) and not _is_dateline(body, d)]
        if city and dated and _key(city) not in seen:
            seen.add(_key(city))
            starts.append(start)
    if len(starts) < 2:
        return []
    starts[0] = 0
    return list(zip(starts, [*starts[1:], len(body)], strict=True))


def _meeting(body, officials, attendees, dates, publisher_country, current, sentences):
    """One FoundMeeting from the sentences `current` accepts."""
    start, end, inferred, date_note = _meeting_dates(body, dates, current)
    venue, venue_city = _venue(body, current)
    city, city_country, city_inferred, place_note = _city(body, current)
    if not city and not venue_city:
        city, city_country, city_inferred, place_note = _host_capital(
            body, attendees, current, sentences
        )
    if not city and venue_city:
        city, city_inferred = venue_city, False
        city_country = _CITY_COUNTRY.get(_key(venue_city), "")
    if not city:
        # "en la Cancillería" under a "Ciudad de México, 12 de diciembre" dateline, or a
        # "WASHINGTON –" readout of a meeting it places nowhere: the city the publisher writes
        # from (inferred, and said so).
        dateline_city = _dateline_city(body)
        if dateline_city:
            city, city_inferred = dateline_city, True
            city_country = _CITY_COUNTRY.get(_key(dateline_city), "")
            place_note = f"city inferred from the {dateline_city} dateline"
    city = CITY_NAMES.get(_key(city), city)
    countries = sorted({o.country for o in attendees if o.country} | {city_country} - {""})
    if not countries and publisher_country:
        countries = [publisher_country]
    kind = _kind(body, attendees, current, countries)
    # A call happens nowhere: an inferred city (a dateline) says where it was written.
    if kind == "call" and city_inferred and not venue:
        city, city_inferred = "", False
    found = FoundMeeting(
        start=start,
        end=end,
        date_inferred=inferred,
        city=city,
        venue=venue,
        kind=kind,
        countries=countries,
        title="",
        attendees=attendees,
        note="; ".join(n for n in (date_note, place_note) if n),
        names=named_things(body, [o.title for o in officials]),
        occasions=occasions(body, sentences),
        city_inferred=city_inferred,
    )
    found.title = meeting_title(found, body, publisher_country)
    return found


def _meeting_dates(body, dates, current):
    """The dates of the reported meeting: the first date in a sentence about now, widened by the
    other current dates within three days of it ('On February 6-7 … Yesterday … Today')."""
    usable = [
        d
        for d in sorted(dates, key=lambda d: d.position)
        if current(d.position) and not d.phrase.lower().startswith(("last ", "previous"))
    ]
    datelines = [d for d in usable if _is_dateline(body, d)]
    usable = [d for d in usable if d not in datelines]
    if not usable and datelines:
        # Nothing but the dateline: the meeting is taken to be that day, and says so.
        first = datelines[0]
        note = f"inferred from the dateline {first.phrase!r}"
        return first.start, first.start, True, note
    if not usable:
        if dates:
            return None, None, False, "the text's dates are of other events"
        return None, None, False, "no date in the text"
    first = usable[0]
    start, end = first.start, first.end or first.start
    chosen = [first]
    for other in usable[1:]:
        o_end = other.end or other.start
        if start - timedelta(days=3) <= other.start and o_end <= end + timedelta(days=3):
            start, end = min(start, other.start), max(end, o_end)
            chosen.append(other)
    inferred = all(d.relative for d in chosen)
    note = f"from {first.phrase!r}" + (f" ({first.note})" if first.note else "")
    return start, end, inferred, note


# One name per city, so that a communiqué and a readout of the same talks agree on the place.
CITY_NAMES = {
    "ciudad de mexico": "Mexico City", "cdmx": "Mexico City", "mexico, d.f.": "Mexico City",
    "ciudad de guatemala": "Guatemala City", "ciudad de panama": "Panama City",
    "washington, d.c.": "Washington", "washington d.c.": "Washington",
}  # fmt: skip


def _dateline_city(body) -> str:
    """The known city a dateline near the top names ("Ciudad de México, 12 de diciembre de
    2023", "MONTERREY, Nuevo León –"), else ""."""
    for line in [line for line in body.splitlines() if line.strip()][:6]:
        m = re.match(r"^\s*([A-ZÁÉÍÓÚÑ][\w.'’ -]{1,40}?)\s*,", line)
        if m and _key(m.group(1)) in _CITIES and publication_date_from_text(line)[0]:
            return m.group(1).strip()
        # "WASHINGTON – United States Trade Representative …"
        m = re.match(r"^\s*([A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ.' ]{2,40}?)(?:,\s*[A-Z][\w.]+)?\s*[–—-]\s", line)
        if m and _key(m.group(1)) in _CITIES:
            return m.group(1).strip().title()
    return ""


def _is_dateline(body, mention) -> bool:
    """Whether a date is the document's own dateline ("Release Date: July 1, 2024", "Mexico
    City, March 14, 2024"): the publication, not the meeting."""
    start = body.rfind("\n", 0, mention.position) + 1
    end = body.find("\n", mention.position)
    line = body[start : end if end >= 0 else len(body)]
    return mention.end is None and publication_date_from_text(line)[0] is not None


# A sentence about a later occasion: "agreed to hold the next dialogue in Washington".
FUTURE = re.compile(r"\b(?:next|upcoming|will|would|to hold|pr[oó]xim[oa]|celebrar[aá]n?)\b", re.I)
FUTURE = re.compile(f"{FUTURE.pattern}|{lexicon_es.FUTURE}", re.I)  # "acordaron celebrar … en"


def _venue(body, current):
    """(the first venue named in a sentence about now, the city of a venue known to be in one)."""
    first, city = "", ""
    for m in VENUE.finditer(body):
        if not current(m.start()):
            continue
        venue = m.group("venue").strip()
        if venue.lower().startswith(("invitation", "request")):
            continue
        first = first or venue
        city = city or _VENUES.get(_key(venue), "")
        if city:
            break
    return first, (city if first else "")


def _city(body, current):
    """(city, its country, inferred?, note) from 'in San Francisco, California', or the capital
    of the country a delegation went to ('delegation to Mexico' -> Mexico City, inferred)."""
    for m in IN_CITY.finditer(body):
        this_meeting = THIS_MEETING.search(body, max(0, m.start() - 30), m.start())
        if not current(m.start()) and not this_meeting:
            continue
        sentence_so_far = re.split(r"[.!?]\s", body[max(0, m.start() - 150) : m.start()])[-1]
        if FUTURE.search(sentence_so_far) and not this_meeting:
            continue
        words = m.group("city").split()
        for n in range(len(words), 0, -1):
            candidate = " ".join(words[:n]).rstrip(".,")
            key = _key(candidate)
            if key in _CITIES:
                return candidate, _CITY_COUNTRY[key], False, ""
        region = m.group("region")
        if region:
            region = re.split(r"\.\s", region)[0].removesuffix(".")  # "Alberta. The leaders …"
        if region and _key(region) in _REGIONS and _key(m.group("city")) not in _COUNTRY_WORDS:
            city = m.group("city").strip()
            if _key(city) not in _REGIONS:
                return city, "", False, ""
    for m in DESTINATION.finditer(body):
        if not current(m.start()):
            continue
        target = m.group("country")
        for n in (2, 1):
            city = " ".join(target.split()[:n])
            if _key(city) in _CITIES:
                return city, _CITY_COUNTRY[_key(city)], False, ""
        code = _COUNTRY_WORDS.get(_key(m.group("country"))) or _COUNTRY_WORDS.get(
            _key(m.group("country").split()[0])
        )
        if code and code in lexicon.CAPITALS:
            capital = lexicon.CAPITALS[code]
            return capital, code, True, f"city inferred from {m.group(0)!r}"
    return "", "", False, ""


def _host_capital(body, attendees, current, sentences):
    """'President X … hosted a U.S. delegation', 'Foreign Secretary Y received …': the host's
    capital, inferred (an explicit city or a known venue always wins)."""
    for m in re.finditer(r"\b(?:hosted|welcomed|received)\b", body):
        if not current(m.start()):
            continue
        sentence_start = sentences.around(m.start())[0]
        for official in attendees:
            if not (sentence_start <= official.position < m.start()):
                continue
            if official.country in lexicon.CAPITALS:
                capital = lexicon.CAPITALS[official.country]
                note = f"city inferred: {official.title} {official.name} {m.group(0)} the meeting"
                return capital, official.country, True, note
    return "", "", False, ""


ES_HEADS_OF_STATE = re.compile(lexicon_es.HEADS_OF_STATE, re.IGNORECASE)


def _is_head_of_state(title: str) -> bool:
    return bool(title) and bool(HEADS_OF_STATE.search(title) or ES_HEADS_OF_STATE.search(title))


# The main event happened in person: a meeting verb, a venue or a city in the lead paragraph.
IN_PERSON = re.compile(
    r"\b(?:met|meets|meeting|visit\w*|hosted|hosts|welcomed|received|traveled|travelled|trip"
    r"|se\s+reuni\w*|reuni[oó]n|recibi\w*|visit[oó])\b|\b(?:at|in|en)\s+(?:the\s+)?[A-Z]"
)
SPOKE_WITH = re.compile(
    r"\b(?:spoke|speaks|talked|talks|habl[oó]|conversaron)\s+(?:\w+\s+)?(?:with|con)\b"
)


def _lead_paragraph(body):
    """The first paragraph that says something (not a dateline or a place line)."""
    for paragraph in body.split("\n\n"):
        if len(paragraph.split()) >= 8:
            return paragraph
    return ""


def _is_call(body, current):
    """A phone or video call reported as the main event: named as one, or "X spoke with Y" in
    the lead with nothing that places the talk in a room (PMO and White House call readouts)."""
    lead = _lead_paragraph(body)
    if any(current(m.start()) for m in CALL.finditer(body)) and not re.search(
        r"\b(?:met|meeting)\b", lead
    ):
        return True
    if CALL.search(lead):
        return True
    return bool(SPOKE_WITH.search(lead)) and not IN_PERSON.search(lead)


ES_COMMITTEE = re.compile(lexicon_es.COMMITTEE)


def _kind(body, attendees, current, countries):
    if _is_call(body, current):
        return "call"
    leaders = [o for o in attendees if _is_head_of_state(o.title)]
    if len(leaders) >= 2 and len({o.country or o.name for o in leaders}) >= 2:
        return "leaders"
    first_paragraph = body.strip().split("\n\n")[0]
    if re.search(
        r"\b(?:meeting|session)\s+of\s+the\s+[\w\s\-]*(?:Committee|Commission|Council)",
        first_paragraph,
    ) and not re.search(r"\bdelegation\s+to\b", first_paragraph):
        return "committee"
    if ES_COMMITTEE.search(_lead_paragraph(spanish.without_dateline(body))):
        return "committee"  # "la tercera reunión del Diálogo Económico de Alto Nivel"
    delegations = re.search(r"\b(?:delegations?|delegaci[oó]n(?:es)?)\b", body)
    if delegations and (len(countries) >= 2 or DESTINATION.search(body)):
        return "delegation_visit"
    return "other"


# Family name first ("Kishida Fumio", "Xi Jinping", "Yoon Suk Yeol"): the commonest East Asian
# surnames, read only for officials of these countries (or of no known country).
EAST_ASIAN_COUNTRIES = {"JP", "CN", "KR", "KP", "TW", "VN", "SG", "MN", "KH"}
EAST_ASIAN_SURNAMES = lexicon.EAST_ASIAN_SURNAMES
# Countries where a person carries two surnames ("Claudia Sheinbaum Pardo": Sheinbaum).
TWO_SURNAME_COUNTRIES = {
    "MX", "GT", "HN", "SV", "NI", "CR", "PA", "CO", "VE", "EC", "PE", "BO", "CL", "AR", "PY",
    "UY", "CU", "DO", "ES",
}  # fmt: skip


def _short_name(official) -> str:
    """How a title names an official: the surname form the text used ('López Obrador'), else
    the family name as the name's order says: first for an East Asian name written family name
    first ('Kishida Fumio'), the first surname of a Hispanic given-names-and-two-surnames name
    ('Claudia Sheinbaum Pardo'), otherwise the last word."""
    forms = [official.name, *getattr(official, "variants", [])]
    surname_forms = [f for f in forms if 0 < name_score(f, official.name) < 0.9]
    if surname_forms:
        return min(surname_forms, key=len)
    words = [w for w in official.name.split() if not re.fullmatch(r"\w\.|Jr\.?|Sr\.?|I+", w)]
    words = [w.rstrip(",") for w in words]
    if not words:
        return official.name
    keys = [strip_accents(w).casefold() for w in words]
    country = getattr(official, "country", "")
    family_first = country in EAST_ASIAN_COUNTRIES or (
        not country and keys[-1] not in EAST_ASIAN_SURNAMES
    )
    if 2 <= len(words) <= 3 and keys[0] in EAST_ASIAN_SURNAMES and family_first:
        return words[0]
    if country in TWO_SURNAME_COUNTRIES and len(words) >= 3:
        given = 1
        while given < len(words) - 1 and keys[given] in MIDDLE_GIVEN_NAMES:
            given += 1
        surnames = words[given:]
        if len(surnames) >= 2 and not any(k in ("de", "del", "la", "y") for k in keys[given:]):
            return surnames[0] if len(words) == 3 else " ".join(surnames[:2])
    return words[-1]


def format_dates(start: date | None, end: date | None) -> str:
    """'24 July 2023', '6–7 February 2024', '30 January – 2 February 2024'."""
    if start is None:
        return ""
    end = end or start
    if end == start:
        return f"{start.day} {MONTH_NAMES[start.month - 1]} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTH_NAMES[end.month - 1]} {end.year}"
    if start.year == end.year:
        first = f"{start.day} {MONTH_NAMES[start.month - 1]}"
        return f"{first} – {end.day} {MONTH_NAMES[end.month - 1]} {end.year}"
    return f"{format_dates(start, None)} – {format_dates(end, None)}"


def meeting_title(found: MeetingFound, body: str = "", publisher_country: str = "") -> str:
    """A readable title: 'Biden–López Obrador meeting in San Francisco',
    'U.S. delegation visit to Mexico City, 6–7 February 2024'."""
    when = format_dates(found.start, found.end)
    where = found.city or found.venue
    attendees = sorted(found.attendees, key=lambda o: o.position)
    if found.kind in ("leaders", "call"):
        leaders = [o for o in attendees if _is_head_of_state(o.title)] or attendees
        names = "–".join(dict.fromkeys(_short_name(o) for o in leaders[:3]))
        title = f"{names} {'call' if found.kind == 'call' else 'meeting'}"
        if where and found.kind == "leaders":
            title += f" in {where}"
    elif found.kind == "committee":
        m = OCCASION.search(body)
        title = f"{m.group('ord').capitalize()} meeting of the {m.group('series')}" if m else ""
        title = title or "Committee meeting"
        if where:
            title += f" in {where}"
    elif found.kind == "delegation_visit":
        visiting = _visiting_countries(body, found)
        host = _host_country(found, visiting)
        place = found.city or COUNTRY_NAMES.get(host, "") or found.venue
        if place:
            adjective = " and ".join(ADJECTIVES.get(c, c) for c in visiting) or "Official"
            title = f"{adjective} delegation visit to {place}"
        else:
            codes = sorted(found.countries, key=lambda c: (c != publisher_country, c))
            title = "–".join(ADJECTIVES.get(c, c) for c in codes) + " delegations meeting"
    else:
        codes = sorted(found.countries, key=lambda c: (c != publisher_country, c))
        names = "–".join(ADJECTIVES.get(c, c) for c in codes) or "Official"
        title = f"{names} meeting" + (f" in {where}" if where else "")
    return f"{title}, {when}" if when else title


def _visiting_countries(body, found):
    codes = []
    for m in DELEGATION_OF.finditer(body):
        code = _COUNTRY_WORDS.get(_key(m.group("adj").replace("’s", "").replace("'s", "")))
        if code and code not in codes:
            codes.append(code)
    place_country = _CITY_COUNTRY.get(_key(found.city), "")
    visiting = [c for c in codes if c != place_country]
    if visiting:
        return visiting[:2]
    if place_country:
        return [c for c in found.countries if c != place_country][:2]
    return codes[:1]


def _host_country(found, visiting):
    place_country = _CITY_COUNTRY.get(_key(found.city), "")
    if place_country:
        return place_country
    others = [c for c in found.countries if c not in visiting]
    return others[0] if others else ""


# --- the archive --------------------------------------------------------------------------------


@dataclass
class _Candidate:
    meeting: object
    shared: list
    names: list
    same_venue: bool
    same_city: bool
    dated_overlap: bool

    @property
    def score(self):
        return (
            len(self.shared)
            + 2 * len(self.names)
            + 2 * self.same_venue
            + self.same_city
            + 3 * self.dated_overlap
        )


def _window(start, end):
    return start, end or start


def _overlaps(a_start, a_end, b_start, b_end, slack=1):
    a0, a1 = _window(a_start, a_end)
    b0, b1 = _window(b_start, b_end)
    return a0 - timedelta(days=slack) <= b1 and b0 - timedelta(days=slack) <= a1


MAX_CANDIDATES = 100


@functools.lru_cache(maxsize=1024)
def _statement_evidence(body: str, titles: tuple) -> tuple[frozenset, tuple]:
    """named_things and occasions of one statement, remembered across one import run."""
    return frozenset(named_things(body, titles)), tuple(occasions(body).items())


def _evidence_of(meeting, exclude_statement):
    """Named things and pinned occasions of the statements that report a meeting."""
    names, pinned = set(), {}
    for report in meeting.reports.all():
        statement = report.statement
        if exclude_statement is not None and statement.pk == exclude_statement.pk:
            continue
        titles = tuple(m.title_as_written for m in statement.mentions.all())
        statement_names, statement_occasions = _statement_evidence(statement.body, titles)
        names.update(statement_names)
        pinned.update(statement_occasions)
    return names, pinned


def match_meeting(found: MeetingFound, attendees, *, exclude_statement=None):
    """(the archived meeting this one is, evidence, note) or (None, "", why not).

    See the module docstring for the rule. A match also fills what the archived meeting lacked
    (dates, city, venue, countries) from this statement.
    """
    from django.db.models import Count, Prefetch, Q

    from statements.models import Meeting, MeetingReport, StatementParticipant

    people = {p.pk for p in attendees if p is not None and p.pk}
    # Only meetings that can qualify: two shared attendees, or overlapping dates. A dated
    # meeting on other dates never qualifies for a dated statement, so it is not even read.
    shared_q = Q(shared__gte=2)
    if found.start:
        start, end = _window(found.start, found.end)
        low, high = start - timedelta(days=1), end + timedelta(days=1)
        overlap = Q(start_date__lte=high) & (
            Q(end_date__gte=low) | Q(end_date__isnull=True, start_date__gte=low)
        )
        query = overlap | (shared_q & Q(start_date__isnull=True))
    else:
        query = shared_q
    meetings = (
        Meeting.objects.annotate(
            shared=Count(
                "attendances", filter=Q(attendances__participant__in=people), distinct=True
            )
        )
        .filter(query)
        .prefetch_related(
            "attendances",
            Prefetch(
                "reports",
                queryset=MeetingReport.objects.select_related("statement").prefetch_related(
                    Prefetch("statement__mentions", queryset=StatementParticipant.objects.all())
                ),
            ),
        )
        .order_by("-shared", "pk")[:MAX_CANDIDATES]
    )
    found_names = set(getattr(found, "names", []) or [])
    found_occasions = getattr(found, "occasions", {}) or {}
    found_city = _key(found.city)
    qualified, rejected = [], []
    for meeting in meetings:
        shared = sorted({a.participant_id for a in meeting.attendances.all()} & people)
        names, pinned = _evidence_of(meeting, exclude_statement)
        shared_names = sorted(found_names & names)
        same_venue = bool(found.venue) and _key(found.venue) == _key(meeting.venue)
        same_city = bool(found_city) and found_city == _key(meeting.city)
        label = f"{meeting.title!r}"
        conflict = [
            f"{series}: #{found_occasions[series]} here, #{pinned[series]} there"
            for series in found_occasions.keys() & pinned.keys()
            if found_occasions[series] != pinned[series]
        ]
        if conflict:
            rejected.append(f"not {label} ({'; '.join(conflict)})")
            continue
        if found_city and meeting.city and not same_city:
            rejected.append(f"not {label} (another city)")
            continue
        both_dated = found.start is not None and meeting.start_date is not None
        if both_dated:
            if not _overlaps(found.start, found.end, meeting.start_date, meeting.end_date):
                continue
            if same_city or same_venue or len(shared) >= 2:
                qualified.append(
                    _Candidate(meeting, shared, shared_names, same_venue, same_city, True)
                )
            continue
        if len(shared) >= 2 and (shared_names or same_venue or same_city):
            qualified.append(
                _Candidate(meeting, shared, shared_names, same_venue, same_city, False)
            )
        elif len(shared) >= 2:
            rejected.append(f"not {label} ({len(shared)} shared attendees but nothing else shared)")
        elif shared:
            rejected.append(f"not {label} (only {len(shared)} shared attendee)")
    if not qualified:
        why = "no archived meeting with overlapping dates" if found.start else "undated"
        note = "; ".join([why, *rejected[:3]])
        return None, "", note[:300]

    def order(c):
        m = c.meeting
        return (-c.score, m.start_date is None, m.start_date or date.max, m.pk)

    qualified.sort(key=order)
    best = qualified[0]
    tie = len(qualified) > 1 and qualified[1].score == best.score
    parts = []
    if best.dated_overlap:
        parts.append("overlapping dates")
    else:
        parts.append("undated")
    parts.append(f"{len(best.shared)} shared attendees")
    if best.names:
        parts.append("shared: " + ", ".join(best.names))
    if best.same_venue:
        parts.append("same venue")
    elif best.same_city:
        parts.append("same city")
    if tie:
        evidence = MeetingReport.Evidence.WEAK
        parts.append(
            f"as good: {qualified[1].meeting.title!r}; linked to the earlier one, check it"
        )
    elif best.dated_overlap and not found.date_inferred:
        evidence = MeetingReport.Evidence.STATED
    else:
        evidence = MeetingReport.Evidence.STRONG
    parts.extend(rejected[:2])
    _fill_blanks(best.meeting, found)
    return best.meeting, evidence, "; ".join(parts)[:300]


def _fill_blanks(meeting, found):
    """What a new report of a meeting knows that the meeting lacked: dates, place, countries."""
    changed = []
    if meeting.start_date is None and found.start is not None:
        meeting.start_date, meeting.end_date = found.start, found.end
        meeting.date_inferred = found.date_inferred
        changed += ["start_date", "end_date", "date_inferred"]
    if not meeting.city and found.city:
        meeting.city = found.city
        changed.append("city")
    if not meeting.venue and found.venue:
        meeting.venue = found.venue
        changed.append("venue")
    countries = sorted(set(meeting.countries or []) | set(found.countries or []))
    if countries != sorted(meeting.countries or []):
        meeting.countries = countries
        changed.append("countries")
    if changed:
        meeting.save(update_fields=[*changed, "updated_at"])


def unsaved_meeting(found: MeetingFound, slug_for) -> Meeting:  # noqa: F821
    """The Meeting row for what a statement reports, not saved; `slug_for(title)` names it.

    Shared by `create_meeting` and the bulk importer, which saves meetings a batch at a time.
    """
    from statements.models import Meeting

    title = found.title or meeting_title(found)
    return Meeting(
        title=title[:300],
        slug=slug_for(title),
        start_date=found.start,
        end_date=found.end if found.start else None,
        date_inferred=found.date_inferred,
        city=found.city[:120],
        venue=found.venue[:200],
        kind=found.kind or Meeting.Kind.OTHER,
        countries=list(found.countries),
    )


def create_meeting(found: MeetingFound, attendees_with_titles) -> Meeting:  # noqa: F821
    """A new Meeting for what a statement reports, with its attendees and the titles they held.

    `attendees_with_titles`: (Participant, title) pairs; the title may also be an OfficialMention.
    """
    from statements.models import Meeting, MeetingAttendance, unique_slug

    meeting = unsaved_meeting(found, lambda title: unique_slug(Meeting, title))
    meeting.save()
    for participant, title_held in attendees_with_titles:
        if participant is None:
            continue
        if isinstance(title_held, OfficialMention):
            title_held = title_held.title
        MeetingAttendance.objects.get_or_create(
            meeting=meeting,
            participant=participant,
            defaults={"delegation": participant.country, "title": (title_held or "")[:300]},
        )
    return meeting
