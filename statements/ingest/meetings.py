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

import dataclasses
import functools
import math
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
    relative_days: dict = field(default_factory=dict)  # {series: days after the meeting}
    publisher_country: str = ""  # whose account it is (numbering differs between governments)
    # The date is a guess (the publication day or the dateline), not a day the text gives: it
    # may be a day off. "Today" counted from a stated publication date is no guess.
    date_guessed: bool = False
    nameless: bool = False  # the text names none of the people who met


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
    r"|\bcall\s+with\b|\b(?:held|had|holds|hosted|hosts|convened)\s+(?:a|an|separate)\s+"
    r"(?:\w+\s+){0,2}?calls?\b"
    r"|\bconference\s+call\b"
    r"|\bvideoconference\b|\bvideo\s+conference\b"
    r"|\bllamada(?:\s+telef[oó]nica)?\b|\bconversaci[oó]n\s+telef[oó]nica\b"
    r"|\bvideoconferencia\b|\bvideollamada\b|\bpor\s+tel[eé]fono\b",
    re.IGNORECASE,
)
VENUE_HEADS = (
    "Palace|House|Office|Building|Center|Centre|Hall|Ministry|Department|Embassy|Residence|"
    "Hotel|Museum|Castle|Chancellery|Capitol|Pentagon|Palacio|Casa|Headquarters|Secretariat|Room|"
    "Auditorium|"
    r"Cancillería|Cancilleria|Embajada|Nations|General\s+Assembly"
)
VENUE = re.compile(
    r"\b(?:at|en|in|(?:margins|sidelines)\s+of|on(?=\s+Capitol\s+Hill))\s+(?:the\s+|el\s+|la\s+|her\s+|his\s+)?(?P<venue>(?:[A-Z][\w’'\-\.]*\s+){0,5}(?:"
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
    r"called(?!\s+(?:for|on|upon|in)\b)|"
    r"welcomed|delegations?|talks|calls?(?!\s+(?:on|upon|for)\b)|spoke(?:\s+\w+){0,2}?\s+(?:with|by)|conversation|summit|dialogue|"
    r"discussed|bilateral|conference|convened|convening|forum|workshop|roundtable|"
    r"listening\s+session|"
    r"reunión|reunion|se\s+reunió|se\s+reunieron|recibió|visita|delegación"
    r"|llamada|conversación|videoconferencia|encuentro|sostuvo)\b",
    re.IGNORECASE,
)
MEETING_WORDS = re.compile(f"{MEETING_WORDS.pattern}|{lexicon_es.MEETING_WORDS}", re.I)  # Spanish
# "… and these meetings in Mexico City": the reported meeting, even in a sentence about another.
THIS_MEETING = re.compile(r"\b(?:these|this|the)\s+(?:meetings?|talks|visit|trip)\s+$")
# A trip's destination. "mission" only as a trip someone leads ("led a trade mission to"), not a
# force deployed ("the Multinational Security Support mission to Haiti").
DESTINATION = re.compile(
    r"\b(?:delegation|trip|visit|travel(?:l?ed)?|traveling|travelling|"
    r"(?:led|leads|leading|heads|headed)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?mission)\s+to\s+"
    r"(?:the\s+)?(?P<country>[A-Z][\w\.]*(?:\s+[A-Z][\w\.]*)?)"
)
# "Pyle visited Buenos Aires and met with …": a city visited (a country visited says no city).
VISITED = re.compile(r"\bvisit(?:ed|s|ing)\s+(?P<city>[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){0,2})")
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
        out[_series_key(m.group("series"))] = number
    return out


def find_meetings(
    body: str,
    *,
    officials: list[OfficialMention],
    dates: list[DateMention],
    published: date | None,
    publisher_country: str = "",
    title: str = "",
) -> list[MeetingFound]:
    """The meetings the document reports, never a meeting it only mentions: one, or one per stop
    of a trip told stop by stop ("On Thursday … traveled to Guatemala City, where he met …; On
    Friday … traveled to Tegucigalpa …"). A meeting whose people the text does not name
    ("senior officials of Israel, Jordan and Egypt met today in Aqaba") is still reported, with
    no attendees; `title` is the document's (a joint statement titled after a dialogue)."""
    attendees = [o for o in officials if o.attended]
    tokens = tokenize(body)
    sentences = Sentences(tokens, body)

    def current(pos):
        # A cue of the past counts up to a few words after `pos`: "On July 24, X met Y, building
        # on the talks held in January" keeps its date; "earlier today" is no cue.
        start, end = sentences.around(pos)
        text = NOT_PAST.sub("", body[start : min(end, pos + 40)])
        return not PAST_CUES.search(text)

    if not attendees:
        attendees = _reported_between(body, officials, current, sentences)
    if not attendees:
        return _unnamed_meeting(
            body, officials, dates, publisher_country, current, sentences, title, published
        )

    if not any(current(m.start()) for m in MEETING_WORDS.finditer(body)):
        return []  # people quoted or named, but no meeting reported

    stops = _stops(body, dates, current)
    by_day = False
    if len(stops) < 2:
        stops = _day_stops(body, dates, attendees, publisher_country, current, sentences)
        by_day = True
    by_occasion = False
    if len(stops) < 2:
        stops = _occasion_stops(body, dates, officials, current, sentences, published)
        by_day, by_occasion = False, True
    if len(stops) < 2:
        found = _meeting(
            body, officials, attendees, dates, publisher_country, current, sentences, published
        )
        meetings = _separately(found, body, officials, current, sentences, publisher_country)
        if len(meetings) == 1:
            meetings = _several(found, body, current, sentences)
        return _further(meetings, body, officials, dates, publisher_country, current, sentences)
    meetings = []
    for n, (stop_start, stop_end) in enumerate(stops):
        here = [o for o in attendees if stop_start <= o.position < stop_end]
        # The travellers (the publisher's side) attend every stop; hosts the one they are named in.
        travellers = [
            o
            for o in attendees
            if o.country == publisher_country and o not in here and (n > 0 or by_day or by_occasion)
        ]
        stop_attendees = sorted(here + travellers, key=lambda o: o.position)
        if not here and not (by_occasion and travellers):
            continue

        def at_stop(pos, start=stop_start, end=stop_end):
            return start <= pos < end and current(pos)

        meetings.append(
            _meeting(
                body,
                officials,
                stop_attendees,
                dates,
                publisher_country,
                at_stop,
                sentences,
                published,
            )
        )
    if by_occasion and meetings:
        # Occasions of one readout ("Both meetings were held at the Pentagon"): one that names
        # no place of its own was where the first was.
        for found in meetings[1:]:
            if not found.city and not found.venue and meetings[0].city:
                found.city, found.city_inferred = meetings[0].city, True
                found.title = meeting_title(found, body, publisher_country)
    if by_day:
        # Days of one trip: a day that names no place of its own was where the trip went.
        city, country, inferred, _note = _city(body, current)
        for found in meetings:
            if not found.city and city:
                found.city, found.city_inferred = CITY_NAMES.get(_key(city), city), inferred
                found.countries = sorted(set(found.countries) | {country} - {""})
                found.title = meeting_title(found, body, publisher_country)
    return _further(meetings, body, officials, dates, publisher_country, current, sentences)


# A further meeting in a readout of one: "Mr. Sullivan also met with Prime Minister Kishida",
# "met bilaterally with A, B, and C" (one meeting each), "After the bilateral meeting, the
# President attended the Speaker's Lunch", "The Crown Prince also participated in a bilateral
# technology dialogue with senior U.S. officials".
FURTHER = re.compile(
    r"\b(?P<each>(?:also\s+)?met\s+bilaterally\s+with)\b"
    r"|\b(?P<also>also\s+met\s+with)\b"
    r"|\b(?:After|Following)\s+the\s+(?:bilateral\s+)?(?:meeting|call|talks)\b[^.]{0,60}?"
    r"\b(?:attended|hosted|joined)\b"
    r"|\balso\s+(?:participated|took\s+part)\s+in\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:dialogue|meeting|session|roundtable|discussion)\b"
)


def _further(meetings, body, officials, dates, publisher_country, current, sentences):
    """`meetings` and the further meetings FURTHER finds after them, each with the people its
    sentence names (taken from the meeting it follows) and its own day, else that meeting's
    when the readout reports one day (a trip's meeting with no day of its own is undated)."""
    if not meetings:
        return meetings
    out = list(meetings)
    one_day = len({(m.start, m.end) for m in meetings}) == 1
    for m in FURTHER.finditer(body):
        if not current(m.start()):
            continue
        start, end = sentences.around(m.start())
        if FUTURE.search(body[start : m.start()]):
            continue
        guests = [
            o
            for o in officials
            if o.attended and m.end() <= o.position < end and o.country != publisher_country
        ]
        if (m.group("each") or m.group("also")) and not guests:
            continue  # "also met with alumni": nobody named, no meeting of its own
        hosts = [o for o in out if any(a.position < m.start() for a in o.attendees)]
        host = max(
            hosts,
            key=lambda h: max(a.position for a in h.attendees if a.position < m.start()),
            default=out[0],
        )
        side = [o for o in host.attendees if o.country == publisher_country] or host.attendees
        here = [o for o in officials if o.attended and start <= o.position < m.start()]
        groups = [[g] for g in guests] if m.group("each") else [guests]
        for group in groups:
            people = sorted(
                {id(o): o for o in [*(here or side), *group]}.values(), key=lambda o: o.position
            )
            found = _meeting(
                body,
                officials,
                people,
                dates,
                publisher_country,
                functools.partial(_within, start, end, current),
                sentences,
                None,
                lead=body[start:end],
            )
            if found.start is None and one_day:
                found.start, found.end, found.date_inferred = (
                    host.start,
                    host.end,
                    host.date_inferred,
                )
            if not found.city and not found.venue and found.kind != "call":
                found.city, found.city_inferred = host.city, True
            found.title = meeting_title(found, body, publisher_country)
            out.append(found)
        for h in out[: len(meetings)]:
            h.attendees = [a for a in h.attendees if a not in guests] or h.attendees
    return out


# A meeting of people the text does not name: a group met ("the Leaders of Canada, …, and the
# United States met", "senior officials from our governments have engaged in talks"), a group
# held or organised an occasion ("organized the first North America Semiconductor Conference"),
# or the meeting was held today ("the meeting held today in Aqaba").
_GROUP = (
    r"\b(?:leaders|officials|governments|delegations|ministers|representatives|advisors|"
    r"advisers|negotiators|envoys)\b"
)
_OCCASION_NOUN = (
    r"(?:conference|summit|meeting|dialogue|talks|session|ministerial|consultations|forum|"
    r"round\s*table|convening)"
)
UNNAMED_MEETING = re.compile(
    _GROUP + r"(?:[^.;]|\.(?!\s))"
    r"{0,250}?\b(?:met|meet|have\s+met|(?:have\s+)?engaged\s+in\s+(?:[\w-]+\s+){0,2}?talks|"
    r"(?:held|organized|organised|convened|hosted)\s+(?:the\s+|a\s+|an\s+|their\s+)?"
    r"(?:[\w’'-]+\s+){0,6}?" + _OCCASION_NOUN + r")\b"
    r"|\b(?:the|a)\s+(?:[\w-]+\s+){0,3}?" + _OCCASION_NOUN + r"\s+(?:was\s+)?(?:held|convened)\s+"
    r"(?:today|yesterday|this\s+(?:morning|afternoon|evening|week))\b",
    re.IGNORECASE,
)
# A readout titled after the meeting it reports ("Readout of the Second Meeting of the White House
# Competition Council", "Readout of White House Convening on …"): the meeting is reported even
# when the text names only offices ("the Office of Public Engagement convened 80 students").
READOUT_TITLE = re.compile(
    r"^\W*readout\b.*\b(?:meetings?|convening|forum|summit|workshop|listening\s+session|"
    r"roundtable|dialogue|conference|visit|travel|trip)\b",
    re.IGNORECASE,
)
# The verb of the sentence that reports it.
HELD = re.compile(
    r"\b(?:met|meets|hosted|convened|held|gathered|participated\s+in|took\s+part\s+in)\b",
    re.IGNORECASE,
)
# A joint statement titled after the occasion that issued it ("Joint Statement: U.S.-Mexico
# High-Level Security Dialogue").
OCCASION_TITLE = re.compile(
    r"^\W*joint\s+statement\s*(?:[:\-–—]|\s(?:of|from|by)\s+the)\s*[^:]*\b(?:dialogue|summit|"
    r"ministerial|conference|consultations)\W*$",
    re.IGNORECASE,
)


def _within(start, end, current, pos):
    return start <= pos < end and current(pos)


def _unnamed_meeting(
    body, officials, dates, publisher_country, current, sentences, title, published
):
    """[the meeting of unnamed people the text reports], or [] (see UNNAMED_MEETING)."""
    in_sentence = None
    readout = READOUT_TITLE.search(title or "")
    for m in [*UNNAMED_MEETING.finditer(body), *(HELD.finditer(body) if readout else ())]:
        start, end = sentences.around(m.start())
        if current(m.start()) and not FUTURE.search(body[start : m.end()]):
            in_sentence = functools.partial(_within, start, end, current)
            break
    if in_sentence is None and not OCCASION_TITLE.search(title or ""):
        return []
    # Its date and place are those of the sentence that reports it, when that sentence has one.
    # An occasion known only from the title is not dated on the publication day: a joint
    # statement is often issued days after the dialogue it speaks for.
    found = _meeting(
        body,
        officials,
        [],
        dates,
        publisher_country,
        in_sentence or current,
        sentences,
        published,
        guess=in_sentence is not None,
    )
    found.nameless = True
    return [found]


# The verb of a sentence that reports a meeting or a call between the people it names.
REPORTS = re.compile(
    r"\b(?:met|meets|spoke|speaks|talked|called(?!\s+(?:for|on|upon)\b)|"
    r"(?:held|had)\s+(?:a|an|separate)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:calls?|meetings?|conversations?|talks))\b",
    re.IGNORECASE,
)


def _reported_between(body, officials, current, sentences):
    """The people of the first sentence that reports a meeting or call between two or more of
    them ("Earlier today, President X spoke with Prime Minister Y …"), when no official was read
    as attending: the meeting is still reported, with the people its sentence names."""
    for m in REPORTS.finditer(body):
        if not current(m.start()):
            continue
        start, end = sentences.around(m.start())
        if FUTURE.search(body[start : m.start()]):
            continue
        named = [o for o in officials if start <= o.position < end]
        if len({_key(o.name) for o in named}) >= 2:
            return named
    return []


SEPARATE = re.compile(
    r"\b(?:held|had|made|hosted)\s+separate\s+(?:\w+\s+)?(?:calls|meetings|conversations)\b"
    r"|\b(?:met|spoke)\s+separately\s+with\b",
    re.IGNORECASE,
)


def _separately(found, body, officials, current, sentences, publisher_country):
    """ "X held separate calls today with A, B, and C": one call (or meeting) with each of them,
    the same day and kind, whoever the people step read as attending; else [found]."""
    for m in SEPARATE.finditer(body):
        if not current(m.start()):
            continue
        start, end = sentences.around(m.start())
        hosts = [o for o in officials if start <= o.position < m.start()]
        guests = [o for o in officials if m.end() <= o.position < end]
        if not hosts or len({_key(o.name) for o in guests}) < 2:
            continue
        meetings = []
        for guest in guests:
            one = dataclasses.replace(found, attendees=[*hosts, guest])
            one.countries = sorted({o.country for o in one.attendees if o.country}) or list(
                found.countries
            )
            names = "–".join(dict.fromkeys(_short_name(o) for o in [*hosts, guest]))
            word = "call" if found.kind == "call" else "meeting"
            when = format_dates(found.start, found.end)
            one.title = f"{names} {word}" + (f", {when}" if when else "")
            meetings.append(one)
        return meetings
    return [found]


# The readout speaks of what it reported in the plural: "These calls build off …", "Both
# meetings focused on …".
SEVERAL = re.compile(
    r"\b(?:these|both|the\s+two|the\s+three)\s+(?:calls|meetings|conversations|discussions)\b",
    re.IGNORECASE,
)
WITH_PARTIES = re.compile(
    r"\b(?:spoke|met|talked|held\s+(?:\w+\s+){0,2}?\w+)\s+(?:\w+\s+){0,2}?with\s+"
)


def _several(found, body, current, sentences):
    """ "X spoke with the leadership of A and B, and the manufacturers C and D … These calls
    build off …": one call (or meeting) with each group the report sentence joins by ", and",
    when the readout speaks of its calls in the plural; else [found]."""
    plural = next((m for m in SEVERAL.finditer(body) if current(m.start())), None)
    if plural is None:
        return [found]
    for m in WITH_PARTIES.finditer(body, 0, plural.start()):
        if not current(m.start()):
            continue
        _start, end = sentences.around(m.start())
        parties = body[m.end() : end]
        parties = re.split(r"\s+to\s+[a-z]+\b|[;:]", parties)[0]
        groups = [g.strip(" .") for g in re.split(r",\s+and\s+", parties) if g.strip(" .")]
        if len(groups) < 2 or not all(re.match(r"(?:the\b|[A-Z])", g) for g in groups):
            return [found]  # "met with A, and they discussed …": one party, then a clause
        meetings = []
        for group in groups:
            one = dataclasses.replace(found)
            group = " ".join(group.split())
            one.title = f"{found.title.split(',')[0]} with {group}" + (
                f", {format_dates(found.start, found.end)}" if found.start else ""
            )
            meetings.append(one)
        return meetings
    return [found]


SENTENCE_DATE = re.compile(r"^\W*(?:On|El|Ese|Este)\b", re.IGNORECASE)


def _day_stops(body, dates, attendees, publisher_country, current, sentences):
    """(start, end) of each day of a readout that reports meetings on different days with
    different leaders ("On June 3, the Secretary met with the President … On June 4, he met
    with the President-elect …"), or [] when it reports one occasion. A day starts at a sentence
    that opens with its date, has a meeting verb and names the leader met; it runs to the next
    such sentence."""
    days = []
    for mention in sorted(dates, key=lambda d: d.position):
        if mention.end not in (None, mention.start) or _is_dateline(body, mention):
            continue
        start, end = sentences.around(mention.position)
        if not current(mention.position) or mention.position - start > 12:
            continue
        if not SENTENCE_DATE.search(body[start : mention.position]) or not MET.search(
            body[start:end]
        ):
            continue
        # A day of its own: a head of state or government (or one elect) met that day only. A
        # delegation that sees the president one day and ministers the next made one visit.
        counterparts = {
            id(o)
            for o in attendees
            if start <= o.position < end
            and o.country != publisher_country
            and _is_head_of_state(o.title)
        }
        if counterparts and (not days or days[-1][1] != mention.start):
            days.append((start, mention.start, counterparts))
    if len(days) < 2:
        return []
    seen = set()
    for _, _, counterparts in days:
        if counterparts & seen:
            return []  # the same people on two days: one occasion over two days
        seen |= counterparts
    starts = [start for start, _, _ in days]
    return list(zip(starts, [*starts[1:], len(body)], strict=True))


OCCASION_VERB = re.compile(r"\b(?:met|meets|held|convened)\b")
# The parties or the body that met: "the United States, Japan, and the ROK", "The Joint Steering
# Group for Advanced Capabilities" (two capitalised words in a row, or a list of them).
NAMED_SUBJECT = re.compile(r"[A-Z][\w’'-]+,?\s+(?:(?:and|for|of|the)\s+)*[A-Z][\w’'-]+")


def _occasion_stops(body, dates, officials, current, sentences, published):
    """(start, end) of each dated occasion of a readout that reports several, each in a
    paragraph of its own that opens on it ("On June 15, the United States, Japan, and the ROK
    held …"; "On June 16, the United States, Japan, and the Philippines held …"), or []. Each
    opening sentence names who met (parties or a body, not a person or "the delegation") and
    gives a day of its own: a delegation seeing ministers one day and the president the next
    made one visit."""
    stops = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", body):
        lead = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        start, end = sentences.around(lead)
        end = min(end, m.end())
        own = [
            d
            for d in dates
            if start <= d.position < end
            and current(d.position)
            and not _is_dateline(body, d)
            and _of_the_meeting(body, d, sentences)
        ]
        verb = OCCASION_VERB.search(body, start, end)
        if not own or not verb:
            continue
        day = own[0]
        if published is not None and not 0 <= (published - day.start).days <= STALE_DAYS:
            continue
        if any(start <= o.position < verb.start() for o in officials):
            continue  # a person's doing: one visit, told day by day
        subject = body[start : verb.start()].replace(day.phrase, " ")
        subject = re.sub(r"^\W*(?:On|During)\b\W*", "", subject).strip(" ,")
        if not NAMED_SUBJECT.search(subject) or re.match(r"(?:he|she|they|we|it)\b", subject, re.I):
            continue
        stops.append((m.start(), day.start, fold(subject)))
    if (
        len(stops) < 2
        or len({s[1] for s in stops}) < len(stops)
        or len({s[2] for s in stops}) < len(stops)
    ):
        return []
    starts = [s[0] for s in stops]
    starts[0] = 0
    return list(zip(starts, [*starts[1:], len(body)], strict=True))


VIRTUAL = re.compile(
    r"\b(?:virtual(?:ly)?|videoconference|video\s+(?:call|conference|link))\b", re.I
)
NOT_PAST = re.compile(r"\bearlier\s+(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)


# A paragraph that opens on a place of its own: "In Nigeria, Mr. Finer met with …".
PLACE_OPENING = re.compile(
    r"^\W*(?:In|While\s+in)\s+(?P<place>[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){0,2}),"
)


def _stops(body, dates, current):
    """(start, end) of each stop of a trip told paragraph by paragraph, or [] when the text
    reports one occasion: a stop is a paragraph naming a known city of its own with a date of
    its own, or opening on a country or city of its own where someone met someone ("In
    Nigeria, Mr. Finer met with …"); it runs to the next stop (the first from the top)."""
    starts = []
    seen = set()
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", body):
        start, end = m.span()

        def inside(pos, start=start, end=end):
            return start <= pos < end and current(pos)

        city = _city(body, inside)[0]
        dated = [d for d in dates if inside(d.position) and not _is_dateline(body, d)]
        opening = PLACE_OPENING.match(m.group(0))
        place = opening and _key(opening.group("place"))
        if opening and (place in _COUNTRY_WORDS or place in _CITIES) and MET.search(m.group(0)):
            if current(start + opening.start("place")) and place not in seen:
                seen.add(place)
                starts.append(start)
        elif city and dated and _key(city) not in seen:
            seen.add(_key(city))
            starts.append(start)
    if len(starts) < 2:
        return []
    starts[0] = 0
    return list(zip(starts, [*starts[1:], len(body)], strict=True))


def _meeting(
    body,
    officials,
    attendees,
    dates,
    publisher_country,
    current,
    sentences,
    published=None,
    *,
    guess=True,
    lead=None,
):
    """One FoundMeeting from the sentences `current` accepts; `guess`: an undated meeting is
    dated on the publication day; `lead`: the words that say whether it was virtual (the lead
    paragraph, or a further meeting's own sentence)."""
    # A call takes one day: the other days near it are of what the leaders talked about ("They
    # welcomed the vote at the Security Council yesterday").
    start, end, inferred, date_note = _meeting_dates(
        body, dates, current, sentences, published, widen=not _is_call(body, current)
    )
    if start is None and published is not None and VAGUE_WHEN.search(_lead_paragraph(body)):
        # "Earlier this week, X traveled to …": some day before the publication, not that day.
        date_note = "the text gives a period, not a day"
    elif start is None and published is not None and guess:
        # A readout that gives no date at all reports the day it was published ("President
        # Biden spoke with …"): inferred, and said so.
        start = end = published
        inferred, date_note = True, f"inferred from the publication date ({published})"
    guessed = inferred and date_note.startswith("inferred from")
    # A sentence dated on another day is about another occasion, and so is its place: "a key
    # outcome of the President's March 23-24 visit with the Prime Minister in Ottawa".
    # A place belongs to the date written nearest before it in its sentence (else the first
    # after it): "On April 28, the Task Force met in Washington to discuss the March 25 Joint
    # Statement" is April 28's.
    # The days of a series ("on July 8 … at the White House; on July 14 … in Orlando") are other
    # occasions, even a day next to the meeting's.
    day_marks = sorted(
        (
            d.position,
            not _overlaps(d.start, d.end, start, end, slack=1)
            or (d.start != start and _in_a_series(body, d, dates, sentences)),
        )
        for d in dates
        if start is not None and not _is_dateline(body, d)
    )
    # A month named alone governs the words after it, never those before it.
    month_marks = _other_months(body, dates, start)

    def here(pos):
        if not current(pos):
            return False
        sentence_start, sentence_end = sentences.around(pos)
        marks = [(p, other) for p, other in day_marks if sentence_start <= p < sentence_end]
        months = [(p, True) for p, _ in month_marks if sentence_start <= p < pos]
        before = [other for p, other in sorted(marks + months) if p < pos]
        governing = before[-1] if before else (marks[0][1] if marks else False)
        return not governing

    venue, venue_city, venue_at = _venue_at(body, here)
    city, city_country, city_inferred, place_note, city_at = _city_at(body, here)
    if city and venue_city and venue_at < city_at:
        city = ""  # the venue is named first: "held in Mexico’s National Palace … in Matamoros"
    if not city and not venue_city:
        city, city_country, city_inferred, place_note = _host_capital(
            body, attendees, here, sentences
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
    lead = (_lead_paragraph(body) or body[:400]) if lead is None else lead
    if kind == "call" or VIRTUAL.search(lead):
        # A call or a virtual meeting has no place: a dateline or a venue is where one side sat.
        city, venue, city_inferred, place_note = "", "", False, ""
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
        relative_days=relative_days(body, sentences),
        publisher_country=publisher_country,
        date_guessed=guessed,
    )
    found.title = meeting_title(found, body, publisher_country)
    return found


# A month named without a day ("In July, she convened a meeting … at the White House").
MONTH_ALONE = re.compile(
    r"\b(?i:in|during|since|throughout|through|until|by|from|early|late|mid-?)\s+"
    r"(?i:(?:early|late|mid-?)\s*)?(?P<month>" + "|".join(MONTH_NAMES) + r")\b(?!\s+\d{1,2}\b)"
)


def _other_months(body, dates, start):
    """[(position, True)] for each month named on its own that is not the meeting's month: the
    words after it until the next date are about another occasion ("In July, she convened a
    meeting … at the White House", in a readout of an August roundtable)."""
    if start is None:
        return []
    marks = []
    for m in MONTH_ALONE.finditer(body):
        month = MONTH_NAMES.index(m.group("month")) + 1
        inside_a_date = any(
            d.position <= m.start("month") < d.position + len(d.phrase) for d in dates
        )
        if month != start.month and not inside_a_date:
            marks.append((m.start("month"), True))
    return marks


# The meeting took place some day of a period: no day to give it ("During the week of March 14").
VAGUE_WHEN = re.compile(
    r"\bearlier\s+this\s+(?:week|month)\b|\b(?:last|this\s+past)\s+week\b"
    r"|\bduring\s+the\s+week\s+of\b|\brecently\b"
    # "This week, the Council held its Quarterly Meeting": a sentence opening on the week.
    r"|(?-i:\bThis\s+(?:week|month)\b)",
    re.IGNORECASE,
)

# Before a date in its sentence: the date is of an occasion before or after the reported one.
ANOTHER_OCCASION = re.compile(
    r"\b(?:follow(?:ed|s|ing)|after|before|since|ahead\s+of|prior\s+to|preced\w+)\b", re.I
)


# Words that may follow a date of the meeting itself ("On July 24 the leaders met").
DATE_FOLLOWERS = {
    "the", "a", "an", "and", "or", "in", "at", "on", "to", "with", "when", "where", "by", "for",
    "of", "as", "during", "after", "before", "he", "she", "they", "we", "his", "her", "their",
    "both", "senior", "that", "this", "while", "from", "until", "through", "via",
    # "spoke by telephone on Sunday, April 28th about …": a preposition, not a noun phrase.
    "about", "regarding", "concerning", "amid", "following", "over", "together", "virtually",
    "bilaterally", "alongside", "ahead", "into", "between", "among", "under",
}  # fmt: skip
# "the Dialogue launched on February 23": a date after a participle dates the thing it made.
PARTICIPLE_BEFORE = re.compile(
    r"\b(?:launched|signed|adopted|announced|established|created|issued|released|unveiled|"
    r"endorsed|approved|enacted|passed|reached|concluded|agreed|made|formed|founded|"
    r"inaugurated|opened|elected|appointed|sworn\s+in)\s+(?:on|in)\s+(?:\w+,?\s+)?$",
    re.IGNORECASE,
)
# Readouts come out within days of what they report (every dated meeting of the corpus gold: 0
# to 6 days): a date weeks older beside one close to the publication recalls another occasion.
STALE_DAYS = 21


def _of_the_meeting(body, mention, sentences=None):
    """Whether a date belongs to the reported meeting ("Yesterday, … met", "Today … the fourth
    meeting"): its sentence has a meeting word, and neither the words before it in its sentence
    ("The meeting followed … on April 11") nor its place in a noun phrase ("the September 20
    federal elections") make it another occasion's."""
    at, end = mention.position, mention.position + len(mention.phrase)
    before = body[max(0, at - 12) : at]
    after = re.match(r"\s+([A-Za-z]+)", body[end:])
    # "yesterday"/"ayer" name no other occasion by their place in a phrase, nor does a Spanish
    # date ("el pasado 3 de octubre se reunió": Spanish puts the noun first, "las elecciones del 2
    # de junio").
    attributive_order = not mention.relative and " de " not in mention.phrase
    if (
        attributive_order
        and after
        and (
            re.search(r"(?:\bthe|[’']s)\s+$", before, re.I)
            or (after.group(1).islower() and after.group(1) not in DATE_FOLLOWERS)
        )
    ):
        return False  # "the September 20 federal elections", "July 28 presidential election"
    if re.search(r"\bweek\s+of\s+$", body[max(0, at - 20) : at], re.I):
        return False  # "the week of March 14": a week, not the day of the meeting
    if not mention.relative and PARTICIPLE_BEFORE.search(body[max(0, at - 40) : at]):
        return False  # "the High-Level Dialogue launched on February 23"
    if sentences is not None:
        sentence_start, sentence_end = sentences.around(at)
    else:
        sentence_start = max(body.rfind(". ", 0, at), body.rfind("\n\n", 0, at)) + 1
        ends = [i for i in (body.find(". ", end), body.find("\n\n", end)) if i >= 0]
        sentence_end = min(ends) if ends else len(body)
    if not MEETING_WORDS.search(body[sentence_start:sentence_end]):
        return False
    return not ANOTHER_OCCASION.search(body[sentence_start:at])


def _possessive(body, mention):
    """ "Today’s convening", "yesterday's meeting": the day names the occasion it owns."""
    end = mention.position + len(mention.phrase)
    return bool(re.match(r"[’']s\b", body[end : end + 3]))


def _in_a_series(body, mention, dates, sentences=None):
    """Whether `mention` is one of several days its sentence dates apart (not one run of
    consecutive days): "on July 8 …; on July 14 …; and on July 18 …" are different occasions."""
    if sentences is None:
        return False
    start, end = sentences.around(mention.position)
    days = sorted(
        {
            d.start + timedelta(days=n)
            for d in dates
            if start <= d.position < end and not d.relative and d.start is not None
            for n in range(((d.end or d.start) - d.start).days + 1)
        }
    )
    return len(days) >= 2 and any((b - a).days > 1 for a, b in zip(days, days[1:], strict=False))


def _meeting_dates(body, dates, current, sentences=None, published=None, widen=True):
    """The dates of the reported meeting: the first date in a sentence about now, widened by the
    other current dates within three days of it ('On February 6-7 … Yesterday … Today')."""
    usable = [
        d
        for d in sorted(dates, key=lambda d: d.position)
        if current(d.position)
        and not d.phrase.lower().startswith(("last ", "previous"))
        and not _is_earlier(body, d.position, d.position + len(d.phrase))
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
    own = [d for d in usable if _of_the_meeting(body, d, sentences)]
    # "convened legislators on July 8 at the White House; on July 14 in Orlando; … and on July 18
    # in Atlantic City": a sentence that dates days apart recounts a series of occasions; the
    # meeting reported is dated elsewhere when the text dates it elsewhere.
    unlisted = [d for d in own if not _in_a_series(body, d, dates, sentences)]
    if unlisted:
        own = unlisted
    if published is not None:
        # "At the Summit on January 9-10, … At the meeting on March 9": weeks before the
        # publication is another occasion when the text also dates one close to it.
        recent = [d for d in own if (published - d.start).days <= STALE_DAYS]
        if recent:
            own = recent
    first = own[0] if own else None
    if first is None:
        return None, None, False, "the text's dates are of other events"
    start, end = first.start, first.end or first.start
    chosen = [first]
    for other in usable if widen else ():
        o_end = other.end or other.start
        if other is first or other not in own:
            continue
        if other.relative and not first.relative and _possessive(body, other):
            # "On April 12, … hosted 30 local leaders … Today’s convening comes on the heels of
            # …": the readout written on the day names the same convening, not another day.
            continue
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
FUTURE = re.compile(
    r"\b(?:next|upcoming|will|would|to hold|coming\s+(?:days|weeks|months)|pr[oó]xim[oa]|"
    r"celebrar[aá]n?)\b",
    re.I,
)
FUTURE = re.compile(f"{FUTURE.pattern}|{lexicon_es.FUTURE}", re.I)  # "acordaron celebrar … en"


def _venue(body, current):
    """(the first venue named in a sentence about now, the city of a venue known to be in one)."""
    return _venue_at(body, current)[:2]


def _venue_at(body, current):
    """_venue and where the venue that gave the city was read."""
    first, city, at = "", "", len(body)
    for m in VENUE.finditer(body):
        if not current(m.start()):
            continue
        venue = " ".join(m.group("venue").split())  # a name wrapped over two lines is one
        # "in Mexico’s National Palace": the country says whose, not which.
        venue = re.sub(r"^[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?[’']s\s+", "", venue)
        if venue.lower().startswith(("invitation", "request")):
            continue
        first = first or venue
        # "at the United Nations in Geneva": a city written after the venue is where it is.
        written = re.match(r",?\s+in\s+((?:[A-Z][\w’'\-.]*\s*){1,3})", body[m.end() :])
        written = written and _known_city(written.group(1))
        city = city or written or _VENUES.get(_key(venue), "")
        if city:
            at = m.start()
            break
    return first, (city if first else ""), at


def _known_city(words: str) -> str:
    """The longest run of `words`' first words that is a known city ("Geneva, Switzerland" ->
    "Geneva"), else ""."""
    words = words.split()
    for n in range(min(len(words), 3), 0, -1):
        candidate = " ".join(words[:n]).rstrip(".,")
        if _key(candidate) in _CITIES:
            return candidate
    return ""


# A city after a named occasion is that occasion's ("the NATO Summit in Vilnius"), the meeting's
# only when the meeting took place at it ("met on the margins of the Convention in Philadelphia").
OCCASION_BEFORE = re.compile(
    r"(?:[A-Z][\w’'\-\.]*\s+){1,6}(?:Summit|Conference|Convention|Declaration|Games|Olympics|"
    r"Forum|Assembly|Ministerial|Meeting|Dialogue|Expo)\s+$"
)
AT_OCCASION = re.compile(
    r"\b(?:(?:margins|sidelines)\s+of|at|during|attend(?:ed|ing|s)?|held|holds?|convened|"
    r"(?:co-)?hosted|(?:co-)?chaired|opened|organi[sz]ed)\s+(?:the\s+)?"
    r"(?:\S+\s+){1,10}$",
    re.IGNORECASE,
)
# "launched in Los Angeles in June 2022": the city of a dated past event.
DATED_AFTER = re.compile(
    r"^(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,?\s*(?:in|on)\s+(?:(?:"
    + "|".join(MONTH_NAMES)
    + r")\s+)?(?:19|20)\d\d\b"
)
# Words after a city that put what happens there in the future.
LATER = re.compile(
    r"^[^.;]{0,25}?\b(?:next\s+(?:week|month|year|spring|summer|fall|autumn|winter)|later\s+this"
    r"\s+(?:week|month|year)|in\s+the\s+coming\s+(?:days|weeks|months))\b",
    re.IGNORECASE,
)
# States a city is written with ("Philadelphia, Pennsylvania"): the city is then a place.
US_STATES = {
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
    "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
    "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
    "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
}  # fmt: skip


def _city(body, current):
    """(city, its country, inferred?, note) from 'in San Francisco, California', or the capital
    of the country a delegation went to ('delegation to Mexico' -> Mexico City, inferred)."""
    return _city_at(body, current)[:4]


def _city_at(body, current):
    """_city and where in the text it was read (the earliest cue wins: 'traveled to Tokyo …
    leadership of the Summit in Hiroshima' is Tokyo)."""
    in_city = _in_city(body, current)
    to_city = _destination_city(body, current)
    found = [c for c in (in_city, to_city) if c[0]]
    if not found:
        return "", "", False, "", len(body)
    return min(found, key=lambda c: c[4])


def _in_city(body, current):
    for m in IN_CITY.finditer(body):
        this_meeting = THIS_MEETING.search(body, max(0, m.start() - 30), m.start())
        if not current(m.start()) and not this_meeting:
            continue
        sentence_so_far = re.split(r"[.!?]\s", body[max(0, m.start() - 150) : m.start()])[-1]
        if FUTURE.search(sentence_so_far) and not this_meeting:
            continue
        before = body[max(0, m.start() - 120) : m.start()]
        if OCCASION_BEFORE.search(before) and not AT_OCCASION.search(before):
            continue  # "ahead of the Summit in Washington", "preparations for the Summit in …"
        if LATER.match(body[m.end() : m.end() + 60]) and not this_meeting:
            continue  # "the Leaders Summit hosted by President Biden in Washington next month"
        words = m.group("city").split()
        for n in range(len(words), 0, -1):
            candidate = " ".join(words[:n]).rstrip(".,")
            key = _key(candidate)
            if key in _CITIES:
                if DATED_AFTER.match(body[m.start("city") + len(candidate) :]):
                    break  # "launched in Los Angeles in June 2022"
                return candidate, _CITY_COUNTRY[key], False, "", m.start()
        region = m.group("region")
        if region:
            region = re.split(r"\.\s", region)[0].removesuffix(".")  # "Alberta. The leaders …"
        if DATED_AFTER.match(body[m.end() :]):
            continue  # "the Summit in Woodside, California in November 2023"
        known_region = region and (_key(region) in _REGIONS or _key(region) in US_STATES)
        # "in Aqaba, Jordan": a place written with its country is a city of that country.
        region_country = _COUNTRY_WORDS.get(_key(region or ""), "")
        city = m.group("city").strip()
        place_words = _COUNTRY_WORDS.keys() | _REGIONS | US_STATES
        if (known_region or region_country) and _key(city) not in place_words:
            return city, region_country, False, "", m.start()
    return "", "", False, "", len(body)


def _destination_city(body, current):
    """The city of the first trip cue: "visited <city>", or "trip/delegation to <city or
    country>" (a country gives its capital, inferred)."""
    found = [_visited_city(body, current), _trip_city(body, current)]
    return min(found, key=lambda c: c[4])


def _visited_city(body, current):
    for m in VISITED.finditer(body):
        city = _known_city(m.group("city"))
        if city and current(m.start()) and not FUTURE.search(_sentence_before(body, m.start())):
            return city, _CITY_COUNTRY[_key(city)], False, "", m.start()
    return "", "", False, "", len(body)


def _trip_city(body, current):
    for m in DESTINATION.finditer(body):
        if not current(m.start()):
            continue
        sentence_so_far = re.split(r"[.!?]\s", body[max(0, m.start() - 150) : m.end() + 40])[-1]
        if FUTURE.search(sentence_so_far):
            continue  # "asked … to travel to Mexico in the coming days"
        target = m.group("country")
        after = re.match(r",\s+([A-Z]\w*(?:\s+[A-Z]\w*)?)", body[m.end() :])
        first_word = target.split()[0]
        if (
            after
            and _COUNTRY_WORDS.get(_key(after.group(1)))
            and _key(first_word) not in (_COUNTRY_WORDS)
        ):
            # "led a delegation to Pristina, Kosovo": a place written with its country.
            return first_word, _COUNTRY_WORDS[_key(after.group(1))], False, "", m.start()
        for n in (2, 1):
            city = " ".join(target.split()[:n])
            if _key(city) in _CITIES:
                return city, _CITY_COUNTRY[_key(city)], False, "", m.start()
        code = _COUNTRY_WORDS.get(_key(m.group("country"))) or _COUNTRY_WORDS.get(
            _key(m.group("country").split()[0])
        )
        if code and code in lexicon.CAPITALS:
            capital = lexicon.CAPITALS[code]
            return capital, code, True, f"city inferred from {m.group(0)!r}", m.start()
    return "", "", False, "", len(body)


def _sentence_before(body, pos):
    return re.split(r"[.!?]\s", body[max(0, pos - 150) : pos])[-1]


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
            after = body[m.end() : m.end() + 80]
            guests = [o for o in attendees if m.end() <= o.position < m.end() + 80]
            if not guests and not re.search(r"\b(?:delegation|counterpart)s?\b", after, re.I):
                continue  # "welcomed their applications for NATO membership": not a guest
            if guests and all(g.country == official.country for g in guests):
                # "The Acting Cyber Director hosted the Deputy Secretary of Commerce, …": a
                # domestic forum may be anywhere; a capital is inferred only for a foreign guest.
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
IN_PERSON_VERB = re.compile(IN_PERSON.pattern.split("|\\b(?:at|in|en)")[0])
SPOKE_WITH = re.compile(
    r"\b(?:spoke|speaks|talked|talks|habl[oó]|conversaron)\s+(?:\w+\s+){0,2}?(?:with|con)\b"
    # "X and Y spoke this morning about …"
    r"|\b(?:spoke|talked)\s+(?:(?:today|yesterday|tonight|this\s+\w+|earlier\s+today)\s+)?"
    r"(?:about|regarding|to\s+discuss)\b"
    r"|\b(?:called|phoned|telephoned)\b(?!\s+(?:for|on|upon|in)\b)"  # "called the Governor"
)


def _lead_paragraph(body):
    """The first paragraph that says something (not a dateline or a place line)."""
    for paragraph in body.split("\n\n"):
        if len(paragraph.split()) >= 8:
            return paragraph
    return ""


# A clause that recalls an earlier event: "building on their telephone conversation last week",
# "following the January 10 summit".
EARLIER = re.compile(
    r"\b(?:build(?:s|ing)?\s+on|built\s+on|following\s+up\s+on|followed\s+up\s+on|"
    r"ahead\s+of|in\s+preparation\s+for|as\s+agreed\s+(?:at|in|during)|"
    r"recall(?:ed|ing|s)?|commitments\s+(?:made\s+)?(?:at|of|from))\b",
    re.IGNORECASE,
)


def _clause(body, start, end):
    """The clause around body[start:end]: from the last , ; : or sentence end before it to the
    next one after it."""
    left = max(body.rfind(c, 0, start) for c in ",;:.\n") + 1
    rights = [i for i in (body.find(c, end) for c in ",;:.\n") if i >= 0]
    return body[left : min(rights) if rights else len(body)]


def _is_earlier(body, start, end):
    """Whether body[start:end] names an earlier event, not the one reported ("their telephone
    conversation last week", "Building on the January 10, 2023 Summit")."""
    clause = _clause(body, start, end)
    # A cue of the past counts up to a few words after: "spoke yesterday with the Prime Minister
    # to congratulate him on the elections earlier this week" is yesterday's call.
    clause = clause[: clause.find(body[start:end]) + (end - start) + 40]
    before = body[max(0, start - 120) : start]
    before = re.split(r"[.;:\n]", before)[-1]
    return bool(PAST_CUES.search(clause) or EARLIER.search(before.split(",")[-1]))


def _is_call(body, current):
    """A phone or video call reported as the main event: named as one, or "X spoke with Y" in
    the lead with nothing that places the talk in a room (PMO and White House call readouts). A
    call the text recalls ("their telephone conversation last week") is not the event."""
    lead = _lead_paragraph(body)
    offset = body.find(lead) if lead else 0
    calls = [m for m in CALL.finditer(body) if not _is_earlier(body, m.start(), m.end())]
    if any(current(m.start()) for m in calls) and not re.search(r"\b(?:met|meeting)\b", lead):
        return True
    if any(offset <= m.start() < offset + len(lead) for m in calls):
        return True
    # What places the talk in a room is read in the sentence that reports it: "spoke today
    # with X … Following up on the Vice President's trip to Abu Dhabi" is still a call.
    # The tokens' sentences: a short word ends one ("… Eduardo M. Año. Mr. Año discussed the
    # visit …", "… from Air Force One. He thanked her for attending his speech in Warsaw"), an
    # abbreviation does not ("Dr.", "U.S.").
    first_sentence = lead[: Sentences(tokenize(lead), lead).around(0)[1]]
    spoke = SPOKE_WITH.search(lead)
    if spoke and spoke.start() >= len(first_sentence) and HELD.search(first_sentence):
        # "Yesterday, the President convened the Council … Secretary X spoke about new actions":
        # the opening sentence reports the occasion, a speaker at it spoke.
        return False
    if spoke and spoke.start() < len(first_sentence):
        # What follows the purpose of the talk is what they talked about: "spoke today with X to
        # offer condolences for the attack at a synagogue in Jerusalem" is still a call.
        purpose = PURPOSE.search(first_sentence, spoke.end())
        first_sentence = first_sentence[: purpose.start()] if purpose else first_sentence
    return bool(spoke) and not _in_a_room(first_sentence)


PURPOSE = re.compile(
    r"\b(?:to\s+(?!the\b|a\b|an\b)[a-z]+|about|regarding|concerning|following|after|"
    # "spoke with X and discussed his visit to Tokyo": what they talked about.
    r"discuss(?:ed|ing))\b"
)


def _in_a_room(text):
    """A meeting verb, a venue or a known city: the talk took place in person ("in the UAE",
    the place of what they talked about, is not enough)."""
    if IN_PERSON_VERB.search(text) or VENUE.search(text):
        return True
    for m in IN_CITY.finditer(text):
        words = m.group("city").split()
        if any(_key(" ".join(words[:n]).rstrip(".,")) in _CITIES for n in range(1, 4)):
            return True
    return False


ES_COMMITTEE = re.compile(lexicon_es.COMMITTEE)
# A standing body met: "convened the White House Council on Native American Affairs", "chaired a
# meeting of the Interagency Task Force on …".
CONVENED_BODY = re.compile(
    r"\b(?:convened|chaired|convene)\s+(?:a\s+(?:meeting|session)\s+of\s+)?(?:the|its)\s+"
    r"(?P<body>(?:(?:[A-Z][\w’'\-]*|of|on|for|and|the)\s+){0,8}?(?:Council|Committee|Commission|"
    r"Task\s+Force|Board|Cabinet)(?:\s+(?:on|for|of)(?:\s+[A-Z][\w’'\-]*)+)?)\b"
)


# Heads of state with titles of their own ("His Highness the Amir", "the Taoiseach").
SOVEREIGN = re.compile(r"\b(?:amir|emir|taoiseach|sultan|pope)\b", re.IGNORECASE)
VICE_PRESIDENT = re.compile(r"^\W*(?:the\s+)?vice\s+president\W*$", re.IGNORECASE)


def _kind(body, attendees, current, countries):
    if _is_call(body, current):
        return "call"
    leaders = [o for o in attendees if _is_head_of_state(o.title) or SOVEREIGN.search(o.title)]
    if len(leaders) >= 2 and len({o.country or o.name for o in leaders}) >= 2:
        return "leaders"
    # The Vice President with a foreign head of state or government is a leaders' meeting too
    # ("Vice President Harris met with Prime Minister X of Y").
    deputies = [o for o in attendees if VICE_PRESIDENT.match(o.title or "")]
    if any(d.country and d.country != o.country for d in deputies for o in leaders):
        return "leaders"
    first_paragraph = body.strip().split("\n\n")[0]
    if re.search(
        r"\b(?:meeting|session)\s+of\s+the\s+[\w\s\-]*(?:Committee|Commission|Council)",
        first_paragraph,
    ) and not re.search(r"\bdelegation\s+to\b", first_paragraph):
        return "committee"
    if CONVENED_BODY.search(_lead_paragraph(body)):
        return "committee"  # "the President convened the White House Competition Council"
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
        convened = CONVENED_BODY.search(_lead_paragraph(body)) if not title else None
        if convened:
            title = " ".join(convened.group("body").split()) + " meeting"
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


# A link is weighed item by item; each item is kept, in plain words, on the MeetingReport.
W_ATTENDEE = 1.0  # per person who attended both
W_DATES = 4.0  # both accounts dated, and the dates overlap
W_DAYS = 3.0  # both place the meeting the same number of days before/after the same occasion
W_ORDINAL = 2.0  # both give the same occasion the same number
W_NAME = 2.0  # a framework, declaration, committee … both name
W_VENUE = 2.0
W_CITY = 1.0
W_TITLES = 0.5  # per shared attendee given the same title (at most three count)
# An undated side needs this much: two principals who meet often and a city are not enough.
UNDATED_MIN_SCORE = 6.0
# Below this confidence a link (or a near miss) is flagged for a curator.
SURE = 0.7


@dataclass
class Reason:
    """One item of evidence for (agrees) or against (not agrees) a link, in plain words."""

    kind: str  # attendees, dates, days, ordinal, name, place, titles, parties, kind
    text: str
    agrees: bool = True
    weight: float = 0.0

    def as_dict(self):
        return {"kind": self.kind, "text": self.text, "agrees": self.agrees}


@dataclass
class LinkDecision:
    """What `weigh_meeting` decided: the meeting (or None), how sure, and why."""

    meeting: object = None
    evidence: str = ""
    note: str = ""
    reasons: list = field(default_factory=list)
    confidence: float = 0.0
    # No link, but a meeting that came close: the statement's own meeting is flagged with it.
    near_miss: object = None


@dataclass
class _Candidate:
    meeting: object
    reasons: list
    dated_overlap: bool
    qualified: bool = False
    why_not: str = ""

    @property
    def score(self):
        return sum(r.weight for r in self.reasons if r.agrees)

    @property
    def confidence(self):
        return confidence_of(self.score, [r for r in self.reasons if not r.agrees])


def confidence_of(score, disagreements=()):
    """0 to 1 from the weight of agreeing evidence; each point where the accounts differ costs
    a little (two governments numbering a committee differently is normal, not a doubt)."""
    sure = 1 - math.exp(-score / 5)
    return round(sure * 0.95 ** len(disagreements), 2)


def _window(start, end):
    return start, end or start


def _overlaps(a_start, a_end, b_start, b_end, slack=1):
    a0, a1 = _window(a_start, a_end)
    b0, b1 = _window(b_start, b_end)
    return a0 - timedelta(days=slack) <= b1 and b0 - timedelta(days=slack) <= a1


MAX_CANDIDATES = 100

RELATIVE_DAYS = {
    "yesterday": -1, "ayer": -1, "today": 0, "tonight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "hoy": 0, "tomorrow": 1,
}  # fmt: skip
RELATIVE = re.compile(r"\b(?:" + "|".join(RELATIVE_DAYS) + r")\b", re.IGNORECASE)
MET = re.compile(
    r"\b(?:met|meets|hosted|received|welcomed|se\s+reuni\w+|recibi[oó]|sostuvo)\b", re.I
)


def relative_days(body: str, sentences=None) -> dict:
    """{series: days from the reported meeting to it} from the words the text dates them with:
    "X met yesterday with Y … will meet again today … for the third meeting of the Trilateral
    Fentanyl Committee" -> {"trilateral fentanyl committee": 1}. Works without any calendar
    date, so two undated accounts can still be compared."""
    tokens = tokenize(body)
    sentences = sentences or Sentences(tokens, body)
    meeting_day = None
    series_days = {}
    for m in RELATIVE.finditer(body):
        start, end = sentences.around(m.start())
        sentence = body[start:end]
        if PAST_CUES.search(sentence):
            continue
        day = RELATIVE_DAYS[m.group(0).lower()]
        occasion = OCCASION.search(sentence)
        if occasion:
            series_days.setdefault(_series_key(occasion.group("series")), day)
        elif meeting_day is None and MET.search(sentence):
            meeting_day = day
    if meeting_day is None:
        return {}
    return {series: day - meeting_day for series, day in series_days.items()}


def _series_key(series):
    return re.sub(r"^(?:u s |us |mexico |canada )+", "", fold(series))


def _days_words(offset):
    if offset == 0:
        return "the same day as"
    if offset == 1:
        return "the day before"
    if offset == -1:
        return "the day after"
    return f"{abs(offset)} days {'before' if offset > 0 else 'after'}"


@functools.lru_cache(maxsize=1024)
def _statement_evidence(body: str, titles: tuple) -> tuple[frozenset, tuple, tuple]:
    """named_things, occasions and relative days of one statement, remembered across a run."""
    return (
        frozenset(named_things(body, titles)),
        tuple(occasions(body).items()),
        tuple(relative_days(body).items()),
    )


def _evidence_of(meeting, exclude_statement):
    """What the statements reporting a meeting say of it: named things, pinned occasions
    ({series: [(ordinal, publishing country)]}) and relative days ({series: offset})."""
    from statements.models import issuing_country

    names, pinned, days = set(), {}, {}
    for report in meeting.reports.all():
        statement = report.statement
        if exclude_statement is not None and statement.pk == exclude_statement.pk:
            continue
        titles = tuple(m.title_as_written for m in statement.mentions.all())
        statement_names, statement_occasions, statement_days = _statement_evidence(
            statement.body, titles
        )
        names.update(statement_names)
        country = issuing_country(statement.publisher)
        for series, ordinal in statement_occasions:
            pinned.setdefault(series, []).append((ordinal, country))
        for series, offset in statement_days:
            days.setdefault(series, offset)
    return names, pinned, days


def _list(words):
    words = list(words)
    if len(words) <= 2:
        return " and ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _ordinal_word(n):
    for word, value in ORDINALS.items():
        if value == n:
            return word
    return f"#{n}"


def _government(code):
    return COUNTRY_NAMES.get(code, code) if code else "another account"


def _parties(people):
    """The countries of (country, title) pairs that sent a head of state or government, or
    two people."""
    counts, leaders = {}, set()
    for country, title in people:
        if country:
            counts[country] = counts.get(country, 0) + 1
            if _is_head_of_state(title or ""):
                leaders.add(country)
    return {c for c, n in counts.items() if n >= 2 or c in leaders}


def _weigh(found, meeting, people, titles, exclude_statement):
    """A _Candidate with every item of evidence for and against `meeting` being `found`."""
    names_by_pk = {p.pk: p.name for p in people if p is not None and p.pk}
    reasons = []
    label = repr(meeting.title)
    candidate = _Candidate(meeting, reasons, dated_overlap=False)

    def reject(why):
        candidate.why_not = f"not {label} ({why})"
        return candidate

    # A curator took one of these statements away from the other: never together again.
    if exclude_statement is not None and exclude_statement.pk:
        here_apart = _kept_apart(exclude_statement)
        for report in meeting.reports.all():
            apart = {pk for r in report.reasons or [] for pk in r.get("apart_from") or ()}
            if exclude_statement.pk in apart or report.statement_id in here_apart:
                return reject("a curator keeps these accounts apart")
    # Parties: a trilateral meeting is not the bilateral meeting of two of its parties. A party
    # counts when it sent a leader or two people (one stray country is a reading error).
    here = _parties([(getattr(o, "country", ""), o.title) for o in found.attendees])
    there = _parties([(a.delegation, a.title) for a in meeting.attendances.all()])
    if len(here) >= 2 and len(there) >= 2 and here != there:
        return reject(f"a meeting of {_list(sorted(here))} is not one of {_list(sorted(there))}")
    if (found.kind == "call") != (meeting.kind == "call") and meeting.kind and found.kind:
        return reject("a call is not a meeting in person")

    # Dates.
    both_dated = found.start is not None and meeting.start_date is not None
    if both_dated:
        # A day's slack only for a guessed date: a declaration of the 15th is not the
        # bilateral meeting of the 14th.
        slack = 1 if (getattr(found, "date_guessed", False) or meeting.date_inferred) else 0
        if not _overlaps(found.start, found.end, meeting.start_date, meeting.end_date, slack):
            return reject("other dates")
        when_here = format_dates(found.start, found.end)
        when_there = format_dates(meeting.start_date, meeting.end_date)
        exact = _overlaps(found.start, found.end, meeting.start_date, meeting.end_date, 0)
        if when_here == when_there:
            reasons.append(Reason("dates", f"both place it on {when_here}", weight=W_DATES))
        elif exact:
            text = f"the dates overlap: {when_here} here, {when_there} there"
            reasons.append(Reason("dates", text, weight=W_DATES))
        else:  # a guessed date a day off: the dates alone do not say it is one meeting
            text = f"a day apart, one date a guess: {when_here} here, {when_there} there"
            reasons.append(Reason("dates", text, weight=W_DATES / 2))
        candidate.dated_overlap = exact

    # Places.
    found_city = _key(found.city)
    if found_city and meeting.city and found_city != _key(meeting.city):
        return reject(f"in {found.city}, not {meeting.city}")
    if found.venue and _key(found.venue) == _key(meeting.venue):
        reasons.append(Reason("place", f"both place it at the {meeting.venue}", weight=W_VENUE))
    elif found_city and found_city == _key(meeting.city):
        inferred = getattr(found, "city_inferred", False)
        reasons.append(
            Reason("place", f"both place it in {meeting.city}", weight=W_CITY / (1 + inferred))
        )

    # Occasions, their numbers and the days around them.
    meeting_names, pinned, days = _evidence_of(meeting, exclude_statement)
    found_occasions = getattr(found, "occasions", {}) or {}
    found_days = getattr(found, "relative_days", {}) or {}
    here_country = getattr(found, "publisher_country", "")
    for series in sorted(found_occasions.keys() & pinned.keys()):
        ours = found_occasions[series]
        for theirs, country in pinned[series]:
            title_series = series.title()
            if ours == theirs:
                reasons.append(
                    Reason(
                        "ordinal",
                        f"both call it the {_ordinal_word(ours)} meeting of the {title_series}",
                        weight=W_ORDINAL,
                    )
                )
                break
            if here_country and country and here_country == country:
                return reject(
                    f"{_government(country)} numbers the {title_series} meetings "
                    f"{_ordinal_word(ours)} and {_ordinal_word(theirs)}: two meetings"
                )
            reasons.append(
                Reason(
                    "ordinal",
                    f"the accounts number the {title_series} meeting differently: the "
                    f"{_ordinal_word(ours)} for {_government(here_country)}, the "
                    f"{_ordinal_word(theirs)} for {_government(country)}",
                    agrees=False,
                )
            )
            break
    for series in sorted(found_days.keys() & days.keys()):
        if found_days[series] == days[series]:
            reasons.append(
                Reason(
                    "days",
                    f"both accounts place the meeting {_days_words(found_days[series])} the "
                    f"{series.title()} met (\u201cyesterday\u201d, \u201ctoday\u201d …)",
                    weight=W_DAYS,
                )
            )
        else:
            reasons.append(
                Reason(
                    "days",
                    f"the accounts place the {series.title()} on different days around the meeting",
                    agrees=False,
                )
            )
    found_names = set(getattr(found, "names", []) or [])
    shared_names = sorted(found_names & meeting_names)
    # An occasion one account places around the meeting ("today … the third meeting of the
    # Trilateral Fentanyl Committee") that the other accounts do not place there (naming it in
    # passing is not enough): a sign of two different meetings, which an undated account
    # cannot outweigh.
    pinned_here, pinned_there = {*found_occasions, *found_days}, {*pinned, *days}
    unmatched = sorted(pinned_here ^ pinned_there)
    for series in unmatched:
        reasons.append(
            Reason(
                "occasion",
                f"only one account places the {series.title()} around the meeting",
                agrees=False,
            )
        )
    for name in shared_names:
        reasons.append(Reason("name", f"both name the {name.title()}", weight=W_NAME))

    # People and the titles they held.
    shared = sorted(
        {a.participant_id for a in meeting.attendances.all()} & set(names_by_pk),
        key=lambda pk: names_by_pk[pk],
    )
    if shared:
        who = _list(names_by_pk[pk] for pk in shared)
        count = f"{len(shared)} people attended both" if len(shared) > 1 else "1 shared attendee"
        reasons.insert(0, Reason("attendees", f"{count}: {who}", weight=W_ATTENDEE * len(shared)))
    same_title = []
    held = {a.participant_id: a.title for a in meeting.attendances.all()}
    for pk in shared:
        mine, theirs = fold(titles.get(pk, "")), fold(held.get(pk, ""))
        if mine and theirs and (mine in theirs or theirs in mine):
            same_title.append(f"{names_by_pk[pk]} ({held[pk]})")
    if same_title:
        reasons.append(
            Reason(
                "titles",
                "the same titles: " + _list(same_title[:5]),
                weight=W_TITLES * min(3, len(same_title)),
            )
        )

    # Both accounts name people and none of them is in both: two meetings that happened the
    # same day in the same city (two White House meetings), unless they name the same occasion.
    if not shared and names_by_pk and meeting.attendances.all() and not shared_names:
        candidate.why_not = f"not {label} (nobody in common, and no occasion both name)"
        return candidate
    particular = any(r.kind in ("name", "place", "days", "ordinal") and r.agrees for r in reasons)
    # An account that names nobody ("senior officials of five countries met today in Aqaba")
    # links only on a name or a venue both give: the same city and day are not enough, for
    # two meetings of one summit's margins share both.
    reports = meeting.reports.all()
    nameless = getattr(found, "nameless", False) or (
        bool(reports) and not any(m.attended for r in reports for m in r.statement.mentions.all())
    )
    if (
        nameless
        and not any(r.kind in ("name", "venue") for r in reasons)
        and not (any(r.kind == "place" and "at the" in r.text for r in reasons))
    ):
        candidate.why_not = f"not {label} (an account that names nobody, and no name in common)"
        return candidate
    if both_dated and not candidate.dated_overlap and not particular:
        candidate.why_not = f"not {label} (a day apart and nothing particular in common)"
    elif both_dated:
        candidate.qualified = len(shared) >= 2 or any(r.kind == "place" for r in reasons)
        if not candidate.qualified:
            candidate.why_not = f"not {label} (same days, but nobody and no place in common)"
    elif unmatched and len(shared) >= 2:
        candidate.why_not = (
            f"not {label} (only one account places the {unmatched[0].title()} around it)"
        )
    elif len(shared) >= 2 and particular and candidate.score >= UNDATED_MIN_SCORE:
        candidate.qualified = True
    elif len(shared) >= 2 and particular:
        candidate.why_not = f"not {label} (too little in common: {candidate.score:g} points)"
    elif len(shared) >= 2:
        candidate.why_not = f"not {label} ({len(shared)} shared attendees but nothing else shared)"
    elif shared:
        candidate.why_not = f"not {label} (only {len(shared)} shared attendee)"
    return candidate


def _kept_apart(statement):
    """Ids of the statements a curator took `statement` away from (its decided links say)."""
    cached = getattr(statement, "_kept_apart", None)
    if cached is None:
        from statements.models import MeetingReport

        reasons = MeetingReport.objects.filter(
            statement=statement, evidence=MeetingReport.Evidence.CURATOR
        ).values_list("reasons", flat=True)
        cached = {pk for items in reasons for r in items or [] for pk in r.get("apart_from") or ()}
        statement._kept_apart = cached
    return cached


def weigh_meeting(found: MeetingFound, attendees, *, titles=None, exclude_statement=None):
    """Weigh every archived meeting that could be the one `found` describes; a LinkDecision.

    See the module docstring for the rule. A link also fills what the archived meeting lacked
    (dates, city, venue, countries) from this statement.
    """
    from django.db.models import Count, Prefetch, Q

    from statements.models import Meeting, MeetingReport, StatementParticipant

    titles = titles or {}
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
    weighed = [_weigh(found, m, attendees, titles, exclude_statement) for m in meetings]
    qualified = [c for c in weighed if c.qualified]
    rejected = [c.why_not for c in weighed if c.why_not and "other dates" not in c.why_not]
    if not qualified:
        why = "no archived meeting with overlapping dates" if found.start else "undated"
        close = [c for c in weighed if "too little" in c.why_not]
        decision = LinkDecision(note="; ".join([why, *rejected[:3]])[:300])
        if close:
            best = max(close, key=lambda c: c.score)
            decision.near_miss = best.meeting
            decision.reasons = [r.as_dict() for r in best.reasons]
        return decision

    def order(c):
        m = c.meeting
        return (-c.score, m.start_date is None, m.start_date or date.max, m.pk)

    qualified.sort(key=order)
    best = qualified[0]
    tie = len(qualified) > 1 and qualified[1].score == best.score
    reasons = list(best.reasons)
    confidence = best.confidence
    if not found.start or best.meeting.start_date is None:
        reasons.append(Reason("dates", "one account gives no date, so the others must agree"))
    if tie:
        evidence = MeetingReport.Evidence.WEAK
        confidence = min(confidence, 0.5)
        reasons.append(
            Reason(
                "tie",
                f"{qualified[1].meeting.title!r} fits as well; linked to the earlier one",
                agrees=False,
            )
        )
    elif best.dated_overlap and not found.date_inferred:
        evidence = MeetingReport.Evidence.STATED
    elif confidence >= SURE:
        evidence = MeetingReport.Evidence.STRONG
    else:
        evidence = MeetingReport.Evidence.WEAK
    parts = [r.text for r in reasons]
    if evidence == MeetingReport.Evidence.WEAK and not tie:
        parts.append(f"confidence {confidence:.2f}: check it")
    elif tie:
        parts.append("check it")
    parts.extend(rejected[:2])
    _fill_blanks(best.meeting, found)
    return LinkDecision(
        meeting=best.meeting,
        evidence=evidence,
        note="; ".join(parts)[:300],
        reasons=[r.as_dict() for r in reasons],
        confidence=confidence,
    )


def match_meeting(found: MeetingFound, attendees, *, exclude_statement=None, titles=None):
    """(the archived meeting this one is, evidence, note) or (None, "", why not): the short
    form of `weigh_meeting`."""
    decision = weigh_meeting(found, attendees, titles=titles, exclude_statement=exclude_statement)
    return decision.meeting, decision.evidence, decision.note


def _fill_blanks(meeting, found):
    """What a new report of a meeting knows that the meeting lacked: dates, place, countries."""
    changed = []
    if meeting.start_date is None and found.start is not None:
        meeting.start_date, meeting.end_date = found.start, found.end
        meeting.date_inferred = found.date_inferred
        changed += ["start_date", "end_date", "date_inferred"]
        when = format_dates(found.start, found.end)
        if when and meeting.title == meeting.title.split(", ")[0]:  # the title had no date
            meeting.title = f"{meeting.title}, {when}"[:300]
            changed.append("title")
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
