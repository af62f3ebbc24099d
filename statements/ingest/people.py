"""Finding the officials a readout names: who, with which title, from which country, and whether
they took part in the meeting the document reports or are only mentioned.

Names are found by where they stand, the way readouts write them:
- after a title or honorific ("Deputy Attorney General Lisa O. Monaco", "Dr. Sherwood-Randall");
- before a title, as an apposition ("Tiffany Eppelheimer, Senior Director, National Security
  Council");
- in delegation lists ("Mexico was represented by the Secretaries for Security, Rosa Icela …;
  Interior (Segob), Luisa María Alcalde Luján; …");
- in quote attributions ("Lopez Obrador said"), and after words like "with", "by", "met".
The gazetteer (fixtures/officials.yaml) only adds countries and lets a bare full name count.

Each person is returned once per document: the document's own variants ("Dr. Elizabeth
Sherwood-Randall", "Ms. Sherwood-Randall") are merged with `resolve.name_score`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from statements.ingest import lexicon, lexicon_es
from statements.ingest.dates import MONTHS
from statements.ingest.resolve import (
    EMPTY_GAZETTEER,
    default_gazetteer,
    fuller_name,
    fullness,
    name_score,
    name_words,
)
from statements.ingest.types import OfficialMention
from statements.text import strip_accents


@dataclass
class FoundOfficial(OfficialMention):
    """An OfficialMention that also carries every form and title the document used."""

    variants: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    # Where the country came from: "title", "delegation", "gazetteer", "publisher" (assumed from
    # a plain title such as "President"), "sentence", "head" (of their delegation), or "".
    country_how: str = ""
    # Named as the one met ("met with Director General X"): the other side of the table.
    counterpart: bool = False


def _norm(word: str) -> str:
    return strip_accents(word).casefold()


def _normset(words):
    return {_norm(w) for w in words}


TITLE_HEADS = _normset(lexicon.TITLE_HEADS)
MONTH_NAMES = _normset(name for name in MONTHS if len(name) > 3)  # "May", "Julio", "April"
EAST_ASIAN_SURNAMES = _normset(lexicon.EAST_ASIAN_SURNAMES)
TITLE_CORE = _normset(lexicon.TITLE_CORE)
INSTITUTION_WORDS = _normset(lexicon.INSTITUTION_WORDS)
STOPWORDS = _normset(lexicon.STOPWORDS)
HONORIFICS = _normset(lexicon.HONORIFICS)
COUNTRY_WORDS = {_norm(k): v for k, v in lexicon.COUNTRY_WORDS.items()}
INSTITUTION_COUNTRY = {_norm(k): v for k, v in lexicon.INSTITUTION_COUNTRY.items()}
PLACES = _normset([*lexicon.CITIES, *lexicon.REGIONS, *lexicon.VENUES])
# The country a place is in ("Governor of Tamaulipas", "Mayor of Tijuana").
PLACE_COUNTRY = {_norm(k): v for k, v in [*lexicon.CITIES.items(), *lexicon.REGION_COUNTRY.items()]}
NAME_PARTICLES = {
    "de",
    "del",
    "la",
    "las",
    "los",
    "van",
    "von",
    "der",
    "da",
    "dos",
    "do",
    "di",
    "du",
}
NAME_PARTICLES |= {"y", "le", "bin", "ben", "al", "el"}
# Lowercase words that may sit inside a title ("head of the Federal Commission for …").
CONNECTORS = {"of", "for", "to", "the", "and", "on", "against", "in", "at"}
TITLE_CONNECTORS = {"of", "for", "to", "the", "and", "on", "against", "de", "del", "la", "y", "e"}
TITLE_CONNECTORS |= {"los", "las", "para"}  # "presidente de los Estados Unidos", "… para Asuntos"
TITLE_CONNECTORS |= {"at"}  # "Chief Officer for North America at the Foreign Ministry X"
TITLE_PREFIXES = {"former", "outgoing", "incoming", "acting", "interim"}
LOWER_TITLES = {"head", "chief", "director", "minister", "secretary", "ambassador", "president"}
LOWER_TITLES |= {"spokesperson", "spokesman", "spokeswoman"}  # "the MEA spokesperson X said"
LOWER_TITLES |= {"presidente", "presidenta", "canciller", "secretario", "secretaria", "titular"}
LOWER_TITLES |= {"subsecretario", "subsecretaria", "embajador", "embajadora", "ministro"}
LOWER_TITLES |= {"ministra", "gobernador", "gobernadora", "fiscal", "director", "directora"}
LOWER_TITLES |= {"asesor", "asesora"}
LOWER_TITLES |= _normset(lexicon_es.LOWER_TITLES)  # Spanish: "la viceministra de Comercio"
LOWER_TITLES |= {"leader"}  # "DPRK leader Kim", "opposition leader X"
LONE_LOWER_TITLES = {"presidente", "presidenta", "canciller", "fiscal", "titular", "leader"}
LONE_LOWER_TITLES |= {"spokesperson", "spokesman", "spokeswoman"}
LONE_LOWER_TITLES |= _normset(lexicon_es.LONE_LOWER_TITLES)  # "el embajador Ken Salazar"
# Lowercase words allowed in a list of people around a meeting verb ("… and officials hosted").
LIST_FILLERS = {
    "and", "the", "of", "for", "to", "a", "an", "senior", "officials", "official", "delegation",
    "delegations", "members", "member", "team", "counterparts", "counterpart", "cabinet",
    "interagency", "full",
    "high-level", "his", "her", "their", "then", "also", "yesterday", "today", "jointly", "will",
    "later", "together", "both", "other", "several", "on", "at", "in", "against", "former",
    "outgoing", "incoming", "con", "y", "e", "así", "como", "para", "en",
}  # fmt: skip
# "spoke with newly appointed ROK National Security Advisor X": words that date a title.
LIST_FILLERS |= {"newly", "new", "recently", "appointed", "elected", "re-elected", "designated"}
LIST_FILLERS |= {"por", "al"}  # "acompañados por la asesora …, y por el embajador …"
LIST_FILLERS |= {"including"}  # "met with the cabinet, including Economy Minister X"
# "met with state legislators, including …", "committee chairs including Chairman X".
LIST_FILLERS |= {"legislators", "lawmakers", "leaders", "chairs", "state", "local", "tribal"}
LIST_FILLERS |= {"congressional", "committee", "governors", "mayors"}
LIST_FILLERS |= {"alongside"}  # "X and Y, alongside Z and W, met with …": one subject
# "were joined by fellow officials from both countries, including …"
LIST_FILLERS |= {"fellow", "countries", "sides", "governments"}
ATTRIBUTION_VERBS = (
    "said|says|added|adds|noted|notes|stated|states|remarked|explained|emphasized|emphasised|"
    "stressed|underlined|underscored|declared|affirmed|told|asked|replied|continued|concluded|"
    "observed|insisted|recalled|commented|announced|wrote|tweeted|highlighted"
)
MEETING_VERBS = {
    "met", "meet", "meets", "meeting", "hosted", "hosts", "host", "led", "leads", "lead",
    "accompanied", "accompany", "participated", "participate", "participates", "visited",
    "visits", "traveled", "travelled", "travels", "received", "receives", "welcomed",
    "welcomes", "spoke", "speaks", "talked", "held", "joined", "attended", "attend", "attends",
    "co-chaired", "chaired", "convened", "headed", "represented", "called", "phoned",
    "co-hosted", "co-host", "co-hosts", "co-led", "co-lead", "co-leads", "co-chair", "co-chairs",
    "telephoned", "conferred",
    # Spanish, folded: "se reunió con", "encabezó", "participaron", "recibió a".
    "reunio", "reunieron", "encabezo", "encabezaron", "participo", "participaron", "recibio",
    "recibieron", "sostuvo", "sostuvieron", "visito", "asistio", "asistieron", "acompano",
    "acompanaron", "conversaron", "converso", "dialogaron", "realizo", "realizaron",
    # Those who agree or commit together were at the table ("X, Y and Z also agreed to …").
    "agreed", "committed", "pledged", "acordaron", "convinieron",
    # … and so were those who spoke there ("X, Y and Z discussed how to …", "X briefed the
    # group", "X shared updates on …").
    "discussed", "described", "briefed", "presented", "shared",
    # … and those who ran it ("X moderated the discussion").
    "moderated", "facilitated",
    # … and those at a swearing-in ("X swore in Ambassador Y", "Z was sworn in").
    "swore", "sworn",
    # … and those seated at the table ("X and Y were seated at a long table with Z").
    "seated", "sat", "greeted",
    "toured",  # "X toured the port with Governor Y"
}  # fmt: skip
# "X was hosted / received / sworn in": the subject of the passive was there.
PASSIVE_MEETING_VERBS = {
    "hosted",
    "received",
    "welcomed",
    "joined",
    "accompanied",
    "briefed",
    "sworn",
    "seated",
}
# Verbs of what someone said ("Y outlined the plan", "Z highlighted the grants"): said at the
# meeting when the document reports one (someone met, spoke with, hosted … someone), but in a
# joint statement or a eulogy ("Prime Minister X reaffirmed, time and again, …") said elsewhere.
SPEECH_VERBS = {
    "outlined", "highlighted", "emphasized", "emphasised", "underscored", "stressed",
    "explained", "reported", "detailed", "reiterated", "reaffirmed", "conveyed",
    # … and what they signed or saw signed there ("X and Y signed a memorandum"; in a joint
    # statement the signatories are only named).
    "signed", "witnessed",
}  # fmt: skip
# What a meeting is called when someone opens or closes it ("opened the convening").
SESSION_NOUNS = {
    "meeting", "session", "convening", "discussion", "roundtable", "call", "dialogue", "summit",
    "event", "conversation", "forum", "listening", "remarks", "conference", "briefing",
    "participants", "attendees", "gathering",  # "X addressed the participants"
}  # fmt: skip
THANKED = re.compile(r"\bthank(?:ed|s|ing)\s+")
FOR_HOSTING = re.compile(
    r"\s*,?\s*for\s+(?:(?:his|her|their|the)\s+)?(?:[\w-]+\s+)?(?:hospitality|welcome)\b"
    # "for hosting the summit / us / the delegation", not "for hosting refugees"
    r"|\s*,?\s*for\s+hosting\s+(?:us|him|her|them|(?:the|this|today[’']s)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|summit|talks|session|conference|dialogue|forum|delegation|leaders|visit|event))\b",
    re.IGNORECASE,
)
# "In a call today, X and Y reviewed …", "During the meeting, X …": the sentence's subjects
# are at the meeting the opening phrase names.
IN_THE_MEETING = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?:In|During)\s+(?:a|an|the|their|today[’']s)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:call|meeting|conversation|videoconference|talks)"
    r"(?:\s+(?:today|yesterday|this\s+(?:morning|afternoon|evening)))?"
    # "In a candid first meeting held on the margins of the G20 Summit in X, A and B …"
    r"(?:\s+(?:held|hosted)\s+(?:today\s+)?(?:on|at)\s+(?:[^,.;:\n]|(?<=St|Mt|Ft)\.){1,80}?)?\s*,\s*"
)
# "X provided an update on …", "Y gave an overview of …": a report made at the meeting.
REPORT_VERBS = {"provided", "provides", "gave", "gives", "offered", "delivered"}
REPORT_NOUNS = {
    "update", "updates", "overview", "briefing", "briefings", "remarks", "presentation",
    "readout", "perspective", "perspectives", "insights", "reflections", "report",
}  # fmt: skip
CUE_WORDS_BEFORE = {"with", "by", "between", "and", "including", "included", "met", "joined"}
CUE_WORDS_BEFORE |= {"welcomed", "received", "hosted", "thanked", "invited", "congratulated"}
CUE_WORDS_BEFORE |= {"said", "told", "urged", "asked"}
CUE_WORDS_BEFORE |= {"counterpart", "counterparts"}  # "met her Norwegian counterpart X"
PAST_CUES = re.compile(
    # not "previously (un)announced / not announced", which dates the announcement, not the
    # meeting
    r"\b(?:previous(?!ly\s+(?:not\s+|un)?(?:announced|scheduled|planned|disclosed))(?:ly)?"
    r"|earlier|formerly|ago|held in|held last|established in|"
    r"last (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"in (?:19|20)\d\d\b|(?:at|during) the [A-Z][\w ]+ (?:summit|meeting) held)",
    re.IGNORECASE,
)
PAST_CUES = re.compile(f"{PAST_CUES.pattern}|{lexicon_es.PAST_CUES}", re.IGNORECASE)  # Spanish
DELEGATION_REGION = re.compile(
    r"(?P<who>\b[A-Z][\w\.’']*(?:\s+[A-Z][\w\.’']*)?)\s+was\s+represented\s+by\b"
    # "the Chinese negotiating team, which included …"
    # "The group included two other Senators, X and Y" (a delegation named again)
    r"|(?P<adj>\b[A-Z][\w\.’']*)?\s*(?:negotiating\s+)?(?:delegation|team|group)(?:,\s*which)?\s+"
    r"(?:also\s+)?"
    r"(?:included|includes|was\s+composed\s+of|comprised|consisted\s+of|was\s+made\s+up\s+of)\b"
    # "Participants included …", "Attendees also included …", at the head of a sentence too.
    r"|\b[Pp]articipants\s+(?:also\s+)?(?:included|were)\b"
    r"|\b[Aa]ttendees\s+(?:also\s+)?(?:included|were)\b"
    # "Additional representatives of the Government of Mexico included …", "Mexican officials
    # taking part included …"
    r"|\b(?:representatives|members|officials)\s+(?:of|from)\s+(?:the\s+)?"
    r"(?:(?:Government|Delegation)\s+of\s+(?:the\s+)?)?(?P<of>[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)?)"
    r"\s+(?:also\s+)?(?:included|includes|were)\b"
    r"|(?P<adj2>\b[A-Z][\w.’']*)\s+(?:representatives|officials|participants)\s+"
    r"(?:(?:taking\s+part|present|participating)\s+)?(?:also\s+)?(?:included|includes|were)\b"
    # "Joining President Biden on the call were …"
    r"|\b(?:Joining|[Aa]lso\s+joining)\s+(?:[\w’'.]+\s+){0,6}?(?:were|was)\b"
    r"|\b(?:(?:[Aa]lso\s+)?(?:participating|attending|present)|Participating|Attending|Present)"
    r"\s+(?:were|was)\b"
    # "Also in the meeting were …", "On the call was …"
    r"|\b(?:[Aa]lso\s+)?(?:[Ii]n|[Aa]t|[Oo]n)\s+the\s+(?:meeting|call|discussion|talks|conversation)"
    r"\s+(?:were|was)\b"
    r"|\bwith\s+the\s+participation\s+of\b"
    # "la delegación mexicana, en la que participaron …", "integrada por …"
    r"|(?:\bdelegaci[oó]n\s+(?P<es_adj>[a-záéíóúñ]+)\b[^.;]{0,60}?)?"
    r"\b(?:particip(?:aron|ó)(?:\s+también)?|integrada\s+por|conformada\s+por|compuesta\s+por"
    r"|encabezada\s+por)\b"
    r"|\bcon\s+la\s+participaci[oó]n\s+de\b",
)
OBJECT_CUES = re.compile(
    # "The Israeli interagency delegation was led by": the adjective may stand a word or two off.
    r"(?P<adj>\b[A-Z][\w\.’']*\s+)?(?:(?!(?:and|or|with|of|to|from)\s)[a-z][\w-]*\s+){0,2}?"
    r"(?:delegation|delegations|trip|visit|mission|team)\s+"
    # "… and the Mexican delegation by Undersecretary X": "led" said once for the list.
    # "a delegation of U.S. Senators led by Senator X"
    # "a delegation from the United States Congress, led by Senator X"
    r"(?:(?:[\w.’'-]+\s+){0,3}?(?:led|headed)\s+|(?:[\w.’'-]+\s+){1,5}?[\w.’'-]+,\s+"
    r"(?:led|headed)\s+)?by\b"
    r"|\b(?:accompanied|joined)\s+by\b"
    # "The President was joined on the call by X", "joined in the meeting by Y"
    r"|\b(?:accompanied|joined)\s+(?:on|in|at|for|during)\s+(?:the|this|today[’']s)\s+"
    r"(?:call|meeting|conversation|discussion|visit|trip|session|videoconference)\s+by\b"
    # "met today on the margins of the NATO Summit with …": up to nine words between.
    r"|\bmet(?:\s+[\w’'-]+){0,9}?\s+with\b|\bmeetings?\s+with\b"
    # "participated in a trilateral ministerial with X and Y"
    r"|\b(?:ministerial|trilateral|bilateral|dialogue)\s+with\b|\bmeet\s+(?:\w+\s+){0,2}?with\b"
    # "is holding a meeting in New York with his counterpart X"
    r"|\b(?:holding|holds|held|had|has)\s+(?:an?\s+)?(?:[\w’'-]+\s+){0,2}?"
    r"(?:meeting|call|talks|conversation)\s+(?:in|at|on)\s+(?:[\w.’'-]+\s+){1,4}?with\b"
    r"|\band\s+with\b|\b(?:co-)?(?:hosted|chaired|convened|moderated|facilitated|attended|opened"
    r"|conducted|officiated"
    r"|received|greeted)\s+(?:(?:at|in)\s+(?:the\s+)?(?:[\w.-]+\s+){1,4}?)?by\b"
    # "He was briefed by X; Y; and Z": those who briefed were there.
    r"|\b(?:briefed|addressed)\s+(?:today\s+|yesterday\s+)?by\b"
    # "received a call today from Prime Minister X"
    r"|\b(?:received|took)\s+(?:a\s+)?(?:phone\s+|telephone\s+)?call\s+(?:today\s+|yesterday\s+)?from\b"
    r"|\bspoke(?:\s+[\w’'-]+){0,9}?\s+(?:with|to)\b|\b(?:called(?!\s+(?:for|on|upon)\b)|phoned|telephoned)\b"
    r"|\btalks\s+(?:[a-z]+ly\s+)?with\b|\bcall\s+(?:today\s+|yesterday\s+)?with\b"
    # "had detailed discussion with X", "began three days of discussions with Y" (not "called
    # for discussions with Z")
    r"|\b(?:had|held|has|have|holds|began|begins|conducted|concluded|opened)\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:discussions?|consultations|deliberations)\s+"
    r"(?:today\s+|yesterday\s+)?with\b"
    # "Participants heard directly from Secretary X, …", "remarks from Y": the speakers.
    r"|\bheard\s+(?:\w+\s+){0,2}?from\b|\bremarks\s+(?:were\s+)?(?:delivered\s+)?(?:from|by)\b"
    r"|\b(?:had|held|has|holds)\s+(?:an?\s+)?(?:[\w’']+\s+){0,2}?(?:calls?|conversations?)\s+"
    r"(?:today\s+|yesterday\s+)?with\b"
    # "held a Japan-U.S. Foreign Ministers' Telephone Talk with …", "held telephone talks with"
    r"|\b(?:had|held|holds)\s+(?:an?\s+)?(?:[\w’'.-]+\s+){0,4}?[Tt]elephone\s+[Tt]alks?\s+with\b"
    # "hosted a roundtable with Governor X", "hosted the fourth Defense Dialogue today with her
    # counterpart Y": the guests of the event hosted.
    r"|\b(?:co-)?hosted\s+(?:an?|the|his|her|their)\s+(?:[^\s,;:]+\s+){0,8}?"
    # "hosted a dinner for X", "hosted a reception in honor of Y": the guests of honour too
    r"(?:(?:today|yesterday)\s+)?(?:with|for|in\s+hono(?:u)?r\s+of)\b"
    # "traveled to Lima to meet President X", "travelled to Oslo to meet with Y": met there.
    r"|\b(?:traveled|travelled|went|flew|came)\s+to\s+(?:[\w.’'-]+\s+){1,4}?to\s+meet"
    r"(?:\s+with)?\b"
    # "swore in Ambassador X", "was sworn in by Y", "administered the oath of office to Z".
    r"|\bswore\s+in\b|\bsworn\s+in\s+(?:as\s+[^,.;]{0,60}?\s+)?by\b"
    # "paid a courtesy call on Prime Minister X", "paid a visit to Y", "exchanged views with
    # Z", "had an audience with King W", "presented her credentials to President V", "greeted"
    r"|\bpaid\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:call|visit)\s+(?:on|to)\b"
    r"|\bexchanged\s+(?:views|opinions|ideas|greetings)\s+with\b|\baudience\s+with\b"
    r"|\bpresented\s+(?:his|her|their)\s+(?:letters\s+of\s+)?credentials\s+to\b|\bgreeted\b"
    r"|\btoured\s+(?:[\w’'-]+\s+){0,4}?with\b"
    # "were seated at a long table with X", "sat with Y": at the table together.
    r"|\b(?:seated|sat)\s+(?:(?:at|around|in)\s+(?:[\w’'-]+\s+){1,4}?)?(?:together\s+)?with\b"
    r"|\badministered\s+the\s+oath\s+(?:of\s+office\s+)?to\b"
    r"|\bhosted\b|\breceived\b|\bwelcomed\b|\bvisited\b"
    r"|\baccompanied\b|\bjoined\b|\bmet\b"
    r"|\bse\s+reuni(?:ó|o|eron)\s+(?:[\wáéíóú]+\s+){0,3}?con\b"
    r"|\brecibi(?:ó|o|eron)\s+(?:hoy\s+|ayer\s+)?a\b|\bencabez(?:ó|o|aron)\b"
    r"|\bacompañad[oa]s?\s+(?:por|de)\b|\b(?:sostuvo|sostuvieron)\s+(?:[\wáéíóú]+\s+){0,5}?con\b"
    r"|\bconvers(?:ó|o|aron)\s+con\b|\bvisit(?:ó|o)\s+a\b",
)
ES_TITLE_ADJECTIVES = _normset(lexicon_es.TITLE_ADJECTIVES)  # "subsecretario de Estado adjunto"
ES_ATTENDANCE = re.compile(lexicon_es.ATTENDANCE_CUES, re.IGNORECASE)
ES_OBJECT_CUES = re.compile(lexicon_es.OBJECT_CUES, re.IGNORECASE)
PLURAL_TITLE_LIST = re.compile(
    r"\b(?P<plural>Secretaries|Ministers|Undersecretaries|Deputy Secretaries|Deputy Ministers|"
    r"Vice Ministers|Directors|Ambassadors|Governors)\s+(?P<prep>of|for)\s+"
)
MAX_NAME_WORDS = 8  # "María Fernanda de la Cruz Gutiérrez" has six
SENTENCE_STOP = re.compile(r"(?<![A-Z])\.(?=\s|$)|\n\s*\n")  # "U.S." ends no sentence
SINGULAR = {
    "Presidents": "President", "Prime Ministers": "Prime Minister", "Senators": "Senator",
    "Foreign Ministers": "Foreign Minister", "Kings": "King", "Chancellors": "Chancellor",
    "Secretaries": "Secretary", "Ministers": "Minister", "Undersecretaries": "Undersecretary",
    "Deputy Secretaries": "Deputy Secretary", "Deputy Ministers": "Deputy Minister",
    "Vice Ministers": "Vice Minister", "Directors": "Director", "Ambassadors": "Ambassador",
    "Governors": "Governor",
}  # fmt: skip
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Departments conventionally written "Secretary of the …" whatever preposition the list used.
OF_THE = {"interior", "treasury", "navy", "army", "air force"}
OFFICE_COUNTRY = {_norm(k): v for k, v in lexicon.OFFICE_COUNTRY.items()}

TOKEN_RE = re.compile(
    r"(?P<abbr>(?:[A-Z]\.){2,}|EE\.\s?UU\.)"  # "U.S.", Spanish "EE.UU."
    r"|(?P<hon>(?:Dr|Mr|Ms|Mrs|Sr|Sra|Srta|Lic|Ing|Jr|Gen|Adm|Amb|Hon|Prof|Rep|Sen|Gov|Lt|Col|"
    r"Capt|Maj|Cmdr|Brig|Sgt|St)\.)"
    r"|(?P<initial>\b[A-Z]\.)(?=\s|$)"
    # "D.Tsogtbaatar", "L.Oyun-Erdene": a Mongolian name, the father's initial glued to it
    r"|(?P<word>\b[A-Z]\.[A-Z][a-z]\w*(?:-\w+)*|\w+(?:[’'\-](?![A-Z]\.)\w+)*)"
    r"|(?P<punct>[^\w\s])"
)


@dataclass
class Token:
    text: str
    start: int
    end: int
    kind: str  # abbr, hon, initial, word, punct, poss
    cls: str = ""  # name, title, ltitle, inst, country, place, acro, hon, initial, stop, lower,
    #                 particle, punct, poss
    country: str = ""
    sentence: int = 0
    low: str = ""  # folded text, for the word lists

    def __post_init__(self):
        self.low = _norm(self.text)


def tokenize(body: str) -> list[Token]:
    tokens = []
    for m in TOKEN_RE.finditer(body):
        kind = m.lastgroup
        text = m.group()
        if kind == "word" and len(text) > 2 and text[-2:] in ("’s", "'s"):
            tokens.append(Token(text[:-2], m.start(), m.end() - 2, "word"))
            tokens.append(Token(text[-2:], m.end() - 2, m.end(), "poss"))
            continue
        tokens.append(Token(text, m.start(), m.end(), kind))
    _classify(tokens)
    _mark_phrases(tokens)
    _mark_sentences(tokens, body)
    return tokens


# "(D-Conn.)", "(R-VA)", "(I-Maine)": a U.S. legislator's party and state after the name.
PARTY_STATE = re.compile(r"^[DRI]-[A-Z][A-Za-z]{1,13}$")
ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ash|as|an|ar|at|az|ibn|bin|abu)[-‑][A-Z]")


def _classify(tokens):
    for tok in tokens:
        w = tok.low
        if tok.kind == "punct":
            tok.cls = "punct"
        elif tok.kind == "poss":
            tok.cls = "poss"
        elif tok.kind == "hon":
            tok.cls = "hon"
        elif tok.kind == "initial":
            tok.cls = "initial"
        elif tok.kind == "abbr":
            tok.cls, tok.country = (
                ("country", COUNTRY_WORDS[w]) if w in COUNTRY_WORDS else ("acro", "")
            )
        elif PARTY_STATE.match(tok.text):
            tok.cls = "acro"  # "Senator X (D-Conn.)": a party and a state, not a name
        elif ARABIC_ARTICLE.match(tok.text):
            tok.cls = "name"  # "al-Saud", "al-Hathloul": part of the name, lowercase article
        elif not tok.text[0].isupper():
            if w in NAME_PARTICLES:
                tok.cls = "particle"
            elif w in LOWER_TITLES:
                tok.cls = "ltitle"
            else:
                tok.cls = "lower"
        elif w in HONORIFICS or w + "." in HONORIFICS:
            tok.cls = "hon"
        elif w in INSTITUTION_COUNTRY and (len(w) > 3 or tok.text.isupper()):
            tok.cls = "acro"  # a short acronym only in capitals: "UN", not Spanish "Un"
        elif tok.text.isupper() and len(tok.text) > 1:
            if w in COUNTRY_WORDS:
                tok.cls, tok.country = "country", COUNTRY_WORDS[w]
            elif w in ("ceo", "cfo", "coo"):
                tok.cls = "title"  # "Dr. X, CEO, American College of …"
            else:
                tok.cls = "acro"
        elif w in TITLE_HEADS:
            tok.cls = "title"
        elif w in COUNTRY_WORDS:
            tok.cls, tok.country = "country", COUNTRY_WORDS[w]
        elif w in PLACES:
            tok.cls = "place"
            tok.country = PLACE_COUNTRY.get(w, "")
        elif w in INSTITUTION_WORDS:
            tok.cls = "inst"
        elif w in STOPWORDS:
            tok.cls = "stop"
        elif w in NAME_PARTICLES:
            tok.cls = "particle"
        else:
            tok.cls = "name"
        if tok.cls in ("acro", "inst") and w in INSTITUTION_COUNTRY:
            tok.country = INSTITUTION_COUNTRY[w]
    # "Korean Foreign Minister Park Min-ji": a common East Asian family name before a given name
    # is a name, whatever else the word means.
    for tok, nxt in zip(tokens, tokens[1:], strict=False):
        if (
            tok.low in EAST_ASIAN_SURNAMES
            and tok.cls in ("inst", "place", "stop")
            and tok.text[:1].isupper()
            and nxt.cls == "name"
        ):
            tok.cls, tok.country = "name", ""
    # "Central Bank President Santiago Bausili", "Defense Secretary Austin", "Lloyd Austin": a
    # city's one-word name right after a title's head or a given name is a name.
    for prev, tok, nxt in zip(tokens, tokens[1:], [*tokens[2:], None], strict=False):
        alone = prev.cls != "place" and (nxt is None or nxt.cls != "place")
        after_title = prev.cls == "title" and prev.low in TITLE_CORE
        after_name = prev.cls == "name" and (nxt is None or nxt.cls != "name")
        if (
            tok.cls == "place"
            and alone
            and (after_title or after_name)
            and tok.sentence == prev.sentence
            and tok.start - prev.end == 1
        ):
            tok.cls, tok.country = "name", ""
    # "Julie Su, Acting Secretary of Labor": a capitalised short word ("Su", "Do") right after a
    # given name and before an apposition's comma is a family name, not a Spanish stopword.
    for prev, tok, nxt in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if (
            tok.cls == "stop"
            and tok.text[:1].isupper()
            and not tok.text.isupper()
            and prev.cls == "name"
            and nxt.text == ","
            and prev.sentence == tok.sentence
            and tok.start - prev.end == 1
        ):
            tok.cls = "name"
    # "Vice Premier Liu He led …": a capitalised short word in mid-sentence right after an East
    # Asian family name that follows a title is the given name, not the pronoun ("He").
    # So is "Un" of "Chairman Kim Jong Un": the word ends a name that opens with such a family
    # name right after a title.
    for n in range(2, len(tokens)):
        tok = tokens[n]
        if not (tok.cls == "stop" and tok.text[:1].isupper() and not tok.text.isupper()):
            continue
        first = n - 1
        while first > 0 and n - first < 2 and tokens[first - 1].cls == "name":
            first -= 1  # back over at most one given name: "Kim Jong"
        run = tokens[first:n]
        before = tokens[first - 1] if first > 0 else None
        if (
            before is not None
            and before.cls == "title"
            and run
            and all(t.cls == "name" for t in run)
            and run[0].low in EAST_ASIAN_SURNAMES
            and before.sentence == tok.sentence
            and all(b.start - a.end == 1 for a, b in zip([before, *run], [*run, tok], strict=True))
        ):
            tok.cls = "name"
    # "Secretary of Agriculture Julio Berdegué": a word that is also a month, between a title
    # and a name, is a given name.
    for prev, tok, nxt in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if (
            tok.cls == "stop"
            and tok.low in MONTH_NAMES
            and tok.text[:1].isupper()
            and not tok.text.isupper()
            and prev.cls in ("title", "inst")
            and nxt.cls == "name"
            and prev.sentence == tok.sentence == nxt.sentence
            and tok.start - prev.end == 1
            and nxt.start - tok.end == 1
        ):
            tok.cls = "name"
    # "Minister of Foreign Affairs, Emigration and Egyptian Expatriates Badr Abdelatty": after a
    # comma, a ministry's further portfolios ("W and [Adj] W2") before the holder's name.
    for k, tok in enumerate(tokens):
        if tok.text != "," or k < 3 or tokens[k - 1].cls != "inst":
            continue
        if not any(
            t.cls == "title" and t.low in ("minister", "ministry", "secretary")
            for t in tokens[max(0, k - 6) : k]
        ):
            continue
        m = k + 1
        while m < len(tokens) and m - k <= 2 and tokens[m].cls == "name":
            m += 1
        if m == k + 1 or m >= len(tokens) or tokens[m].low != "and":
            continue
        n = m + 1
        if n < len(tokens) and tokens[n].cls == "country":
            n += 1
        if n + 2 < len(tokens) and all(t.cls == "name" for t in tokens[n : n + 3]):
            for t in tokens[k + 1 : m] + [tokens[n]]:
                t.cls = "inst"
    # "Mr. MOTEGI Toshimitsu": a family name in capitals (Japanese style) after an honorific.
    for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if a.cls == "hon" and b.cls == "acro" and b.text.isalpha() and c.cls == "name":
            b.cls = "name"
    # "People's Bank of China", "National People's Congress", "People's Liberation Army": the
    # possessive is part of a body's name, not an owner's mark.
    for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if a.text == "People" and b.cls == "poss" and c.cls in ("inst", "name", "title"):
            a.cls = b.cls = "inst"
    # "el fiscal general", "the secretary general": a lowercase title goes on.
    for prev, tok in zip(tokens, tokens[1:], strict=False):
        title_goes_on = tok.low in ("general", "adjunto", "adjunta") and prev.cls == "ltitle"
        title_goes_on |= tok.low in ES_TITLE_ADJECTIVES and prev.cls in ("ltitle", "inst")
        if tok.cls == "lower" and title_goes_on:
            tok.cls = "ltitle"


def _phrase_table():
    table = {}
    for phrase, code in lexicon.COUNTRY_WORDS.items():
        table[phrase] = ("country", code)
    for phrase in [*lexicon.CITIES, *lexicon.REGIONS]:
        table[phrase] = ("place", PLACE_COUNTRY.get(_norm(phrase), ""))
    for phrase in lexicon.VENUES:
        table[phrase] = ("inst", "")
    for phrase, code in lexicon.INSTITUTION_COUNTRY.items():
        table[phrase] = ("inst", code)
    keyed = {}
    for phrase, value in table.items():
        key = tuple(_phrase_words(phrase))
        if len(key) > 1:
            keyed[key] = value
    return keyed


def _phrase_words(phrase):
    """A phrase's words as tokenize() splits them ("People's" -> "people", "'s")."""
    for m in TOKEN_RE.finditer(phrase):
        word = _norm(m.group()).replace("’", "'")
        if m.lastgroup == "word" and len(word) > 2 and word.endswith("'s"):
            yield word[:-2]
            yield "'s"
        else:
            yield word


PHRASES = _phrase_table()
MAX_PHRASE = max(len(k) for k in PHRASES)


def _mark_phrases(tokens):
    i = 0
    while i < len(tokens):
        for n in range(min(MAX_PHRASE, len(tokens) - i), 1, -1):
            key = tuple(t.low.replace("’", "'") for t in tokens[i : i + n])
            if key in PHRASES and tokens[i].text[0].isupper():
                cls, code = PHRASES[key]
                for tok in tokens[i : i + n]:
                    if tok.cls != "punct":
                        tok.cls = cls
                    tok.country = code or tok.country
                i += n - 1
                break
        i += 1


def _mark_sentences(tokens, body):
    sentence = 0
    prev_end, prev_text = 0, ""
    for tok in tokens:
        gap = body[prev_end : tok.start]
        if "\n\n" in gap or "\n \n" in gap or "•" in gap:
            sentence += 1
        tok.sentence = sentence
        typo = tok.text == "." and prev_text == ","  # "Roberto Velasco,. and …": no full stop
        if tok.cls == "punct" and tok.text in ".!?•" and not typo:
            sentence += 1
        prev_end, prev_text = tok.end, tok.text


# --- finding names --------------------------------------------------------------------------


@dataclass
class Occurrence:
    name: str
    start: int  # token index of the first name word
    end: int  # token index after the last
    position: int
    title: str = ""
    country: str = ""
    country_how: str = ""  # "title", "delegation", "gazetteer", "publisher"
    attended: bool = False
    how: str = ""
    honorific: bool = False
    possessive: bool = False
    end_at: int = -1  # offset after the name's last word
    # Found only because "and" stands before it, or one word opening a sentence before "said":
    # an official only if a fuller mention joins it.
    only_listed: bool = False
    quoted: bool = False  # named as the speaker of a quote ("… ,” Biden said)
    counterpart: bool = False  # the object of "met with", "spoke with", "hosted", "received" …
    met_by: Occurrence | None = None  # … and the subject who met them, when named
    blocked: bool = False  # in a sentence about another time
    # "Calvin Butler, CEO, Exelon": an officer of a firm or an association, not an official;
    # the offset where that apposition ends (its words name no one: "…, General Catalyst").
    private: bool = False
    private_until: int = -1
    # "met with members of President X’s administration": X heads the group met, X was not there.
    principal: bool = False
    # "X …, accompanied by Y": Y is in X's delegation, so takes X's country when it has none.
    follows: Occurrence | None = None


def _name_spans(tokens, body):
    """Runs of name-like words: capitalised words not in any lexicon, initials, particles."""
    spans = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        starts = tok.cls == "name" or (
            tok.cls in ("particle", "initial", "place")
            and i + 1 < n
            and tokens[i + 1].cls in ("name", "particle")
            and i > 0
            and tokens[i - 1].cls in ("title", "hon")
        )  # "Minister Dr. S. Jaishankar", "Congressman Austin Scott": a given name
        if not starts:
            i += 1
            continue
        j = i + 1
        while j < n and tokens[j].sentence == tok.sentence:
            nxt = tokens[j]
            if "\n\n" in body[tokens[j - 1].end : nxt.start]:
                break
            if (
                nxt.cls in ("name", "initial")
                # "Lloyd J. Austin": after a middle initial comes a surname, even a city's name
                or nxt.cls == "place"
                and tokens[j - 1].cls == "initial"
                and len(nxt.text) > 2
                or nxt.cls == "particle"
                and j + 1 < n
                and tokens[j + 1].cls in ("name", "particle")
            ):
                j += 1
            else:
                break
        while j > i and tokens[j - 1].cls == "particle":
            j -= 1
        if j > i:
            spans.append((i, j))
        i = max(j, i + 1)
    return spans


def _span_text(tokens, body, i, j):
    return body[tokens[i].start : tokens[j - 1].end]


def _clean(text):
    return re.sub(r"\s+", " ", text).strip(" ,;–-")


def _clean_title(text):
    """A title without the acronym a readout adds in brackets inside it: "Council of Economic
    Advisers (CEA) Member" is a "Council of Economic Advisers Member" (one that ends the title,
    "Secretary of the Interior (Segob)", stays)."""
    return _clean(re.sub(r"\s*\([A-Z][A-Za-z&.-]{1,9}\)(?=\s+\w)", "", text))


def _title_before(tokens, body, i):
    """The title phrase written just before token i: (title text, honorific?, country)."""
    k = i - 1
    honorific = False
    while k >= 0 and tokens[k].cls == "hon":  # "Maj. Gen.", "Brig. Gen.": ranks, not titles
        honorific = True
        k -= 1
        # "the Crown Prince of Bahrain, His Royal Highness X": the style, then the title.
        while k >= 0 and tokens[k].low in ("royal", "imperial", "his", "her", "your"):
            k -= 1
    end = k
    allowed = {"title", "ltitle", "inst", "country", "acro", "poss", "place"}
    while k >= 0:
        tok = tokens[k]
        if tok.sentence != tokens[i].sentence:
            break
        after = k + 2 if k + 2 < len(tokens) and tokens[k + 1].low in ("the", "el", "la") else k + 1
        if (
            tok.low in ("and", "y")
            and after < len(tokens)
            and tokens[after].cls in ("title", "ltitle", "hon")
            # but "met with Deputy Prime Minister and Minister of Defence Y": one person's two
            # offices
            and not _two_offices_of_one(tokens, k)
        ):
            # "The Prime Minister and President Arévalo": two people, two titles; "X, Minister of
            # Foreign Affairs, and the Honorable Y": the title before "and" is X's.
            break
        if tok.low in ("and", "y") and _ends_previous_person(tokens, k):
            break  # "X of Japan and National Security Office Director Y": Japan is X's
        if (
            tok.low in ("on", "at", "of", "in", "for")
            and k > 0
            and tokens[k - 1].low in PLURAL_HEADS
        ):
            break  # "Senior Directors on President X’s …": the plural is other people's title
        if (
            tok.cls in allowed
            or tok.cls in ("lower", "particle", "stop")
            and tok.low in TITLE_CONNECTORS | TITLE_PREFIXES
        ):
            k -= 1
        elif (
            tok.cls == "name"
            and 0 < k < i - 1
            and (
                tokens[k + 1].cls in ("inst", "title")
                # "Assistant Director for Fire and Aviation X"
                or tokens[k + 1].low == "and"
                and k + 2 < i
                and tokens[k + 2].cls == "inst"
            )
        ):
            # "Secretary for African Affairs X", "Security and Civil Protection, X", "Senior
            # Advisor for Inflation Reduction Act X": one or two unknown words of a proper noun;
            # so too inside a body's name: "Chair of the Surface Transportation Board X",
            # "… from the National Interagency Fire Center X".
            r = k
            while r - 1 > 0 and tokens[r - 1].cls == "name" and k - r < 1:
                r -= 1
            before = tokens[r - 1]
            inside = before.cls == "inst" or (
                before.low == "the" and r > 1 and tokens[r - 2].low in ("for", "of", "on", "from")
            )
            if before.low not in ("for", "of", "and", "on") and not inside:
                break
            if (
                tokens[k + 1].low == "and"
                and r - 1 > 0
                and tokens[r - 1].cls in ("inst", "title", "country", "place")
                and any(t.cls == "title" and t.low in TITLE_CORE for t in tokens[:r][-4:])
            ):
                # "Secretary of State X Y and National Security Advisor Z": X Y is a person
                # under their own title, not words of Z's ("Director for Fire and Aviation").
                break
            k = r - 1
        elif (
            tok.low == "from"
            and 0 < k < i - 2
            and tokens[k + 1].low == "the"
            and tokens[k + 2].cls in ("inst", "name")
            and tokens[k - 1].cls in ("inst", "title", "name")
        ):
            k -= 1  # "Assistant Director for Fire and Aviation from the National … Center X"
        elif (
            tok.low in ("in", "en")
            and 0 < k < i - 1
            and tokens[k + 1].cls in ("country", "place")
            and tokens[k - 1].cls in ("country", "inst")
        ):
            k -= 1  # "embajador de Canadá en México", "Ambassador of Canada in Mexico"
        elif tok.text == ")":
            m = k
            while m >= 0 and tokens[m].text != "(" and k - m < 8:
                m -= 1
            if m < 0 or tokens[m].text != "(":
                break
            k = m - 1
        elif tok.text == "," and _ends_previous_person(tokens, k):
            break  # "President Macron of France, Chancellor Scholz": France is Macron's
        elif (
            tok.text == "-"
            and k > 0
            and tokens[k - 1].cls == "country"
            # "U.S.-Mexico", a hyphen; not a dateline's dash, "WASHINGTON - U.S. Senator X"
            and tokens[k - 1].end == tok.start
            or (
                tok.text == ","
                and k > 0
                # "The Department of Commerce, Secretary X said", "Second Chance Month, Domestic
                # Policy Advisor X": a title starts after the comma
                and not (k + 1 < i and tokens[k + 1].cls == "title")
                and not any(t.cls == "title" and t.low in TITLE_CORE for t in tokens[k + 1 : i])
                and (
                    tokens[k - 1].cls in ("inst", "acro", "country", "place", "ltitle")
                    or tokens[k - 1].text == ")"
                    # "Today, the Prime Minister, Justin Trudeau, spoke": the title in apposition
                    or (k == i - 1 and _the_title_before_comma(tokens, k))
                )
            )
        ):
            k -= 1
        else:
            break
    start = k + 1
    # "chaired by X, U.S. Senior Advisor for Energy Security, and Y": words that end on ", and"
    # are the previous person's apposition, not a title of Y's.
    if end >= 1 and tokens[end].low in ("and", "y") and tokens[end - 1].text == ",":
        return "", honorific, "", i - (1 if honorific else 0)
    # Trim what cannot begin a title: connectors, commas, "the".
    while start <= end and (
        tokens[start].low in TITLE_CONNECTORS or tokens[start].cls in ("punct", "poss")
    ):
        start += 1
    # "visited Buenos Aires for President X’s inauguration": a place before "for" or "to" is
    # where someone went, not the start of a title.
    for m in range(start, end):
        if tokens[m].low not in ("for", "to", "para", "a"):
            continue
        if m > start and all(t.cls in ("place", "country") for t in tokens[start:m]):
            start = m + 1
        break
    # The phrase must hold a title word (a lowercase one only when "of"/"for" follows).
    words = tokens[start : end + 1]
    has_core = any(
        t.low in TITLE_CORE
        and t.cls == "title"
        or t.cls == "ltitle"
        and (
            t.low in LONE_LOWER_TITLES
            or (idx + 1 < len(words) and words[idx + 1].low in ("of", "for", "de", "del"))
        )
        for idx, t in enumerate(words)
    )
    has_core = has_core or _public_attorney(words)
    # "the President’s American Jobs Plan": what follows a possessive title is the title
    # holder's, a person only if another title follows ("the Minister’s Chief of Staff X").
    owner = max((idx for idx, t in enumerate(words) if t.cls == "poss"), default=-1)
    if owner >= 0 and not any(
        t.cls in ("title", "ltitle") and t.low in TITLE_CORE for t in words[owner + 1 :]
    ):
        has_core = False
    # "State Department Senior … Bureau Official X": an official of a named office.
    has_core = has_core or (
        len(words) >= 2
        and words[-1].low == "official"
        and i + 1 < len(tokens)
        and tokens[i + 1].cls in ("name", "initial")  # a full name, not "Official Travel"
    )
    if not has_core:
        # A title phrase ending in a comma before the name: only with a title in it.
        return "", honorific, "", i - (1 if honorific else 0)
    if start > 0 and tokens[start - 1].low == "the" and tokens[start].cls == "ltitle":
        pass
    text = _clean_title(body[tokens[start].start : tokens[end].end])
    # "Assistant Secretary for Health Admiral X", "Commanding General of the Corps Lieutenant
    # General Y": the office, then the rank; the office is the title.
    ranked = TRAILING_RANK.search(text)
    before = text[: ranked.start()].split() if ranked else []
    if (
        before
        and _norm(before[-1]) not in TITLE_HEADS  # "Inspector General", "Surgeon General"
        and any(_norm(w) in TITLE_CORE for w in before)
    ):
        text = text[: ranked.start()].rstrip(" ,")
    return text, honorific, _title_country(words), tokens[start].start


def _two_offices_of_one(tokens, k) -> bool:
    """Whether the "and" at token k joins two offices of the person named after them ("Deputy
    Prime Minister and Minister of Defence X"): a title run right before it, opened by no
    article ("the Prime Minister and President X" are two people) and by no name."""
    b = k - 1
    core = False
    while b >= 0 and (
        tokens[b].cls in ("title", "ltitle", "inst", "country")
        or tokens[b].cls in ("lower", "stop", "particle")
        and tokens[b].low in ("of", "for", "and")
    ):
        core = core or tokens[b].low in TITLE_CORE
        b -= 1
    if not core or b == k - 1 or tokens[b + 1].low in ("of", "for", "and"):
        return False
    return b < 0 or (
        tokens[b].cls not in ("name", "initial", "poss", "hon")
        and tokens[b].low not in ("the", "el", "la", "his", "her", "their", "and", "y")
        and tokens[b].text != "”"
    )


def _the_title_before_comma(tokens, comma):
    """Whether the words before the comma at `comma` are a whole title standing alone ("the
    Prime Minister,", "External Affairs Minister,", "White House Press Secretary,"): it opens
    the sentence or follows "the", "with", "and", a lowercase verb."""
    if comma < 1 or tokens[comma - 1].low not in TITLE_CORE:
        return False
    m = comma - 1
    while (
        m >= 0
        and tokens[m].cls in ("title", "ltitle", "inst", "acro", "country")
        and comma - m < 7
        and tokens[m].sentence == tokens[comma].sentence
    ):
        m -= 1
    if m >= 0 and tokens[m].sentence == tokens[comma].sentence:
        # … or a quote it attributes: "…,” White House Press Secretary, X, told reporters.
        return (
            tokens[m].low in ("the", "with", "and")
            or tokens[m].cls in ("lower", "stop")
            or (tokens[m].text in '"”')
        )
    return True  # the sentence opens with the title


TRAILING_RANK = re.compile(
    r"\s(?:(?:Lieutenant|Brigadier|Major|Vice|Rear)\s+)?(?:General|Admiral|Colonel|Captain)$"
)


def _ends_previous_person(tokens, comma):
    """Whether the words before a comma are "of <country or place>" after someone's name."""
    m = comma - 1
    while m >= 0 and tokens[m].cls in ("country", "place", "inst", "acro") and comma - m < 6:
        m -= 1
    if m == comma - 1 or m < 1:
        return False
    if tokens[m].low == "the":
        m -= 1
    if tokens[m].low in ("of", "de", "del") and tokens[m - 1].cls in ("name", "initial"):
        return True
    # "Governor X of the Bank of Japan and Managing Director Y": a body's name with "of" inside.
    span = 0
    while (
        m > 1
        and span < 8
        and (
            tokens[m].cls in ("country", "place", "inst", "acro") or tokens[m].low in ("of", "the")
        )
    ):
        if tokens[m].low == "of" and tokens[m - 1].cls in ("name", "initial"):
            return True
        m -= 1
        span += 1
    return False


def _title_country(words):
    """The country a title names for its holder: 'U.S. Ambassador to Mexico' -> US,
    'Mexico's Ambassador to the U.S.' -> MX, 'President of Mexico' -> MX, 'DHS …' -> US,
    'Pope' -> VA (an office only one state has)."""
    for t in words:
        if t.low in OFFICE_COUNTRY and t.cls == "title":
            return OFFICE_COUNTRY[t.low]
    first_core = next(
        (
            idx
            for idx, t in enumerate(words)
            if t.cls in ("title", "ltitle") and t.low in TITLE_CORE
        ),
        len(words),
    )
    for t in words[:first_core]:
        if t.country:
            return t.country
    for idx, t in enumerate(words):
        if t.country and idx > 0 and words[idx - 1].low == "to":
            continue
        if t.country and t.cls in ("acro", "inst"):
            return t.country
    for idx, t in enumerate(words[first_core:], start=first_core):
        if t.country and idx > 0 and words[idx - 1].low in ("of", "for", "de", "del"):
            return t.country
    # "Executive Director, American Medical Women's Association": the one country it names.
    named = {
        t.country
        for idx, t in enumerate(words)
        if t.country and t.cls == "country" and not (idx and words[idx - 1].low in ("to", "in"))
    }
    return named.pop() if len(named) == 1 else ""


LOWER_RANKS = {
    "joint", "under", "deputy", "assistant", "additional", "second", "first", "third",
    "permanent", "principal", "senior", "vice", "executive",
}  # fmt: skip


def _title_after(tokens, body, j):
    """An apposition after the name: ', Senior Director, National Security Council;'."""
    if j >= len(tokens) or tokens[j].text != ",":
        return "", ""
    k = j + 1
    words = []
    allowed = {"title", "ltitle", "inst", "country", "acro", "place"}
    while k < len(tokens) and tokens[k].sentence == tokens[j].sentence:
        tok = tokens[k]
        lower_rank = (
            tok.cls == "lower"
            and tok.low in LOWER_RANKS
            and k + 1 < len(tokens)
            and (tokens[k + 1].cls == "ltitle" or tokens[k + 1].low in LOWER_RANKS)
        )  # ", joint secretary, South Asia Division": a lowercase office
        if (
            tok.cls in allowed
            or lower_rank
            or (tok.cls in ("lower", "stop") and tok.low in TITLE_CONNECTORS)
        ):
            if (
                tok.low == "and"
                and k + 1 < len(tokens)
                and tokens[k + 1].cls == "name"
                and not (k + 2 < len(tokens) and tokens[k + 2].cls == "inst")
            ):
                break
            words.append(tok)
        elif tok.text in ",()" or (
            tok.text == "&" and k + 1 < len(tokens) and tokens[k + 1].cls in ("inst", "name")
        ):
            words.append(tok)  # "Advisor for Cyber & Emerging Technology"
        elif (
            tok.cls == "name"
            and words
            and (words[-1].cls == "inst" or words[-1].low in ("and", "for", "of", "&"))
            and k + 1 < len(tokens)
            and tokens[k + 1].cls == "inst"
            and (words[-1].cls != "title")
        ):
            words.append(tok)  # "Coordinator for Defense Policy and Arms Control": a field's name
        elif tok.cls == "name" and (
            _core_title_ahead(tokens, k)
            or any(t.low in TITLE_CORE and t.cls == "title" for t in words)
            and _core_title_ahead(tokens, k, ahead=("inst",))
        ):
            # ", National Political Director, American Civil Liberties Union": title and body.
            words.append(tok)
        else:
            break
        k += 1
    if (
        words
        and k < len(tokens)
        and words[-1] is tokens[k - 1]
        and tokens[k].cls in ("name", "hon")
        and words[-1].cls in ("title", "ltitle")
    ):
        # "X, Lieutenant Governor Y": the title before the next person's name; "X, Senior
        # Advisor, Ambassador Y": X's apposition ends at the comma before Y's title.
        commas = [n for n, t in enumerate(words) if t.text == ","]
        if not commas:
            return "", ""
        words = words[: commas[-1]]
    while words and (words[-1].text in ",(" or words[-1].low in TITLE_CONNECTORS):
        words.pop()
    if (
        len(words) > 1
        and words[0].low == "the"
        and words[1].cls in ("title", "country", "acro")
        and not (k < len(tokens) and tokens[k].cls == "poss")
    ):
        words = words[1:]  # "Colin Kahl, the U.S. Under Secretary of Defense for Policy"
    # "X, Colorado State Representative": a state's or city's name may open the office.
    if not words or (
        words[0].cls not in ("title", "ltitle", "inst", "country", "acro", "name", "place")
        and not (words[0].cls == "lower" and words[0].low in LOWER_RANKS)
    ):
        return "", ""
    if not any(
        t.low in TITLE_CORE and t.cls in ("title", "ltitle") for t in words
    ) and not _public_attorney(words):
        return "", ""
    return _clean_title(body[words[0].start : words[-1].end]), _title_country(words)


# "District Attorney X", "U.S. Attorney Y", "County Attorney Z": a public prosecutor's office,
# though "attorney" alone ("attorney Ben Crump") names a profession, not an office.
PUBLIC_ATTORNEY = {"district", "county", "city", "state", "state's", "u.s.", "states"}


def _public_attorney(words) -> bool:
    return any(
        t.low == "attorney" and idx > 0 and words[idx - 1].low in PUBLIC_ATTORNEY
        for idx, t in enumerate(words)
    )


ORGANISATION_TITLES = _normset(lexicon.ORGANISATION_TITLES)
GOVERNMENT_BODY_WORDS = _normset(lexicon.GOVERNMENT_BODY_WORDS)
PRIVATE_BODY_WORDS = _normset(lexicon.PRIVATE_BODY_WORDS)
ORGANISATION_CODES = set(lexicon.ORGANISATIONS)
# Names of organisations of states and of a government's institutions, in several words.
_GOVERNMENT_NAMES = [
    _norm(phrase)
    for phrase, code in [*lexicon.COUNTRY_WORDS.items(), *lexicon.INSTITUTION_COUNTRY.items()]
    if " " in phrase and (code in ORGANISATION_CODES or phrase in lexicon.INSTITUTION_COUNTRY)
]
# Where a list item (or a clause) ends after a name and its apposition.
_ITEM_END = re.compile(r"\n\s*\n|\n\s*(?:[•·▪◦●‣∙*+-]|\d{1,2}[.)])\s|[•;:]|(?<![A-Z])\.(?=\s|$)")


def _private_affiliation(body: str, end: int, item: bool = False) -> int:
    """'Calvin Butler, CEO, Exelon', 'Marc Morial, President, National Urban League': a title
    every organisation has, then a body that is no government's, is a private participant (a
    business or civil-society leader at the table), not an official. Returns where such an
    apposition ends, or 0."""
    m = re.match(r"\s*(?:\([^()\n]{1,20}\)\s*)?,\s*", body[end : end + 40])  # "X (Ret.), …"
    if not m:
        return 0
    start = end + m.end()
    stop = _ITEM_END.search(body, start)
    stop_at = stop.start() if stop else len(body)
    segments = []
    offset, last_end = start, start
    for raw in body[start:stop_at].split(","):
        segment = re.sub(r"^(?:and|&|the)\s+", "", " ".join(raw.split()))
        first = _norm(segment.split()[0]) if segment else ""
        if not segment[:1].isupper():
            break  # ", who …", ", said …": the apposition is over
        if raw.split()[:1] == ["and"] and first not in TITLE_HEADS:
            break  # ", and B, Secretary of …": the next person of a list
        segments.append(segment)
        last_end = offset + len(raw)
        offset += len(raw) + 1
    stop_at = last_end
    if not segments:
        return 0
    titled = any(_norm(w) in TITLE_CORE for w in re.findall(r"[\w’'-]+", segments[0]))
    if not titled and not item:
        return 0  # no title first: not an officer's apposition ("A, B and C" in a sentence)
    # An organisation must be named: "CEO, Exelon", "President of Acme", or, in a list item,
    # the body alone ("- Jane Doe, Guttmacher Institute").
    body_named = len(segments) >= 2 or not titled
    if not body_named and not re.search(r"\s(?:of|at)\s+(?:the\s+)?[A-Z]", segments[0]):
        return 0
    if any(_names_a_government(segment) for segment in segments):
        return 0
    return stop_at


# "Dr. Jane Roe, an OB-GYN in Texas", "John Doe, a small business owner from Ohio": an
# apposition with an indefinite article and no office describes a private participant (not
# "X, a member of the Chilean Senate", "Y, a senior official of the Ministry").
INDEFINITE_APPOSITION = re.compile(r"\s*,\s+(?:a|an)\s+([A-Za-z][^,;:.\n]{1,80})")
OFFICE_NOUNS = re.compile(
    r"\b(?:member|official|officer|minister|senator|representative|legislator|lawmaker|delegate"
    r"|councilmember|councilwoman|councilman|commissioner|ambassador|diplomat|envoy|judge"
    r"|mayor|governor|secretary|director|deputy|adviser|advisor|spokesperson|staff)s?\b",
    re.IGNORECASE,
)


def _private_apposition(body: str, end: int) -> int:
    m = INDEFINITE_APPOSITION.match(body, end)
    if not m or OFFICE_NOUNS.search(m.group(1)) or _names_a_government(m.group(1)):
        return 0
    return m.end()


def _private_title(title: str) -> bool:
    """'AFL-CIO President', 'IBM CEO': an organisation known only by initials no lexicon holds,
    then only titles every organisation has, is a private participant's title (the initials of
    governments and organisations of states are in the lexicons: 'OMB Director', 'IMF …')."""
    words = [t for t in tokenize(title) if t.cls != "punct"]
    unknown = [t for t in words if t.cls == "acro" and not t.country and len(t.text) > 1]
    if not unknown:
        return False
    for t in words:
        if t in unknown or t.low in TITLE_QUALIFIERS:
            continue
        if t.low not in ORGANISATION_TITLES and t.low not in ("and", "&", "of", "the"):
            return False  # "NIAC Member", "OSTP Chief Economist", a body word: not only officers
    return not _names_a_government(title)


PEOPLES_BODIES = {"nation", "nations", "tribe", "tribes", "pueblo", "band", "community", "county"}


def _officer_of_a_named_body(tokens, body, i, title):
    """ "Groundswell CEO X", "RE-volv Executive Director Y": titles every organisation has, right
    after a name no lexicon holds (the organisation's), make a private participant; not
    "Navajo Nation President Z", a people's office."""
    words = title.split()
    if not words or any(
        _norm(w) not in ORGANISATION_TITLES and _norm(w) not in TITLE_QUALIFIERS for w in words
    ):
        return False
    k = i - len(words) - 1  # the token before the title (titles of plain words only)
    if k < 0 or tokens[k].sentence != tokens[i].sentence or tokens[k].cls != "name":
        return False
    if body[tokens[k].end : tokens[k + 1].start] != " " or tokens[k].low in PEOPLES_BODIES:
        return False
    return k == 0 or tokens[k - 1].cls not in ("title", "ltitle")


# Words that qualify an organisation's officer titles ("International President", "Senior Vice
# President", "Chief Executive Officer").
TITLE_QUALIFIERS = {"senior", "vice", "executive", "deputy", "international", "national", "general"}
TITLE_QUALIFIERS |= {"managing", "founding", "interim", "acting"}


# "American Council on Education", "National Council for Incarcerated Women": a council named
# by the nation's adjective, then whom or what it stands for, is an association; a government's
# council names its field before the word ("National Security Council", "Domestic Policy
# Council") or after it with no such adjective ("Council of Economic Advisers").
ASSOCIATION_COUNCIL = re.compile(r"\b(?:American|National)\s+Council\s+(?:of|for|on)\b")


# "Surface Transportation Board", "Consumer Financial Protection Bureau": a board or bureau
# named by its field is an agency's (not "Chair of the Board", "Washington Bureau").
NAMED_BOARD = re.compile(r"\b((?:[A-Z][a-z]+\s+){2,})(?:Board|Bureau)\b")


def _names_a_government(text: str) -> bool:
    """Whether a title or an organisation names a government or an organisation of states: a
    government body ("Council of Economic Advisers"), a title only states give ("Secretary",
    "Ambassador", "Assistant to the President"), a country ("President of Mexico") or an
    organisation of states ("Managing Director, International Monetary Fund"). A body word in
    a name that also holds a private body's word is the organisation's ("American Farm Bureau
    Federation"). The one test of a government for titles, appositions and affiliations."""
    folded = " ".join(_norm(text).split())
    padded = " " + re.sub(r"[^\w.’-]+", " ", folded) + " "
    if any(f" {phrase} " in padded for phrase in [*lexicon.GOVERNMENT_PHRASES, *_GOVERNMENT_NAMES]):
        return True
    if folded in COUNTRY_WORDS:
        return True  # "…, Mexico"
    found = re.findall(r"[\w.’'-]+", text)
    private = any(_norm(word).strip(".") in PRIVATE_BODY_WORDS for word in found)
    private = private or bool(ASSOCIATION_COUNCIL.search(text))
    board = NAMED_BOARD.search(text)
    if board and not private and _norm(board.group(1).split()[-1]) not in PLACES:
        return True
    for word in found:
        low = _norm(word)
        if low in GOVERNMENT_BODY_WORDS and not private:
            return True
        if low in TITLE_CORE and low not in ORGANISATION_TITLES:
            return True
        if word.isupper() and (
            low in INSTITUTION_COUNTRY or COUNTRY_WORDS.get(low) in ORGANISATION_CODES
        ):
            return True  # "NSC", "IMF"
    words = padded.split()
    for n, word in enumerate(words):
        if word in ("of", "de", "del") and n and _governs(words[n - 1]):
            after = words[n + 1 : n + 6]
            if after[:1] in (["the"], ["la"], ["el"]):
                after = after[1:]
            if any(" ".join(after[:k]) in COUNTRY_WORDS for k in range(1, len(after) + 1)):
                return True  # "President of Mexico", "… of the Republic of Korea" (via "of Korea")
    return False


def _governs(word: str) -> bool:
    """A word that says "of <country>" names a state's office: "President of", "Government of",
    "Republic of", not "Planned Parenthood Federation of America"."""
    return word in TITLE_HEADS or word in GOVERNMENT_BODY_WORDS or word in _STATE_WORDS


_STATE_WORDS = {"republic", "kingdom", "state", "states", "emirates", "principality", "república"}


def _core_title_ahead(tokens, k, ahead=("title",)):
    """Whether a title's core word ("Director") follows token k before the next comma (or, with
    ahead=("inst",), an institution word: "… Civil Liberties Union")."""
    sentence = tokens[k].sentence
    for tok in tokens[k + 1 : k + 6]:
        if ahead == ("inst",) and tok.low in ("and", "&") and tok.sentence == sentence:
            continue  # "… U.S. Patent and Trademark Office": one body's name
        if (
            tok.text in ",;()"
            or tok.sentence != sentence
            or tok.cls not in ("name", "title", "inst")
        ):
            return False
        if tok.cls in ahead and (tok.cls != "title" or tok.low in TITLE_CORE):
            return True
    return False


def _plural_list_titles(body, spans_by_pos):
    """Names in 'the Secretaries for Security, A; Interior (Segob), B; and the Navy, C' lists,
    with the title each one holds: {name start offset: 'Secretary for Security'}."""
    titles = {}
    for m in PLURAL_TITLE_LIST.finditer(body):
        singular = SINGULAR[m.group("plural")]
        prep = m.group("prep")
        stop = SENTENCE_STOP.search(body, m.end())
        end = stop.start() if stop else len(body)
        offset = m.end()
        for item in body[m.end() : end].split(";"):
            stripped = item.strip()
            lead = len(item) - len(item.lstrip())
            parts = re.match(
                r"^(?:and\s+)?(?P<the>the\s+)?(?P<dept>[^,]+?),\s+(?P<name>.+?)\s*$", stripped
            )
            if not parts:
                break
            name_at = offset + lead + parts.start("name")
            if name_at not in spans_by_pos:
                break
            dept = parts.group("dept").strip()
            dept_key = _norm(re.sub(r"\s*\(.*?\)", "", dept))
            if dept_key in OF_THE:
                titles[name_at] = f"{singular} of the {dept}"
            elif parts.group("the"):
                titles[name_at] = f"{singular} {prep} the {dept}"
            else:
                titles[name_at] = f"{singular} {prep} {dept}"
            offset += len(item) + 1
    # "Presidents Klaus Iohannis of Romania and Andrzej Duda of Poland": each one a President.
    for m in PLURAL_BEFORE_NAMES.finditer(body):
        singular = SINGULAR.get(m.group("plural").title(), m.group("plural")[:-1])
        stop = SENTENCE_STOP.search(body, m.end())
        end = stop.start() if stop else len(body)
        for name_at in sorted(pos for pos in spans_by_pos if m.end() <= pos < end):
            between = body[m.end() : name_at]
            if re.search(r"[;:]|\b(?:with|by|who|which|to|in)\b", between):
                break
            titles.setdefault(name_at, singular)
    return titles


PLURAL_BEFORE_NAMES = re.compile(
    r"\b(?P<plural>Presidents|Prime Ministers|Foreign Ministers|Ministers|Secretaries|Ambassadors"
    r"|Governors|Senators|Kings|Chancellors)\s+(?=[A-ZÁÉÍÓÚ][a-záéíóúñ])"
)


class Sentences:
    """Sentence bounds from the tokens (so "U.S." and "Dr." never end a sentence)."""

    def __init__(self, tokens, body):
        self.starts = [t.start for t in tokens]
        self.ids = [t.sentence for t in tokens]
        self.bounds = {}
        for tok in tokens:
            lo, hi = self.bounds.get(tok.sentence, (tok.start, tok.end))
            self.bounds[tok.sentence] = (min(lo, tok.start), max(hi, tok.end))
        self.length = len(body)

    def around(self, pos):
        if not self.starts:
            return 0, self.length
        k = max(0, bisect.bisect_right(self.starts, pos) - 1)
        return self.bounds[self.ids[k]]


def _regions(body, regex, sentences):
    """(cue start, cue end, end of sentence, country) for each delegation cue."""
    regions = []
    for m in regex.finditer(body):
        sentence_end = sentences.around(m.end())[1]
        groups = m.groupdict()
        who = next((groups[g] for g in ("who", "adj", "es_adj", "of", "adj2") if groups.get(g)), "")
        who = who.strip()
        country = _country_of_words(who)
        regions.append((m.start(), m.end(), sentence_end, country))
    return regions


def _country_of_words(words: str) -> str:
    w = _norm(words.replace("’s", "").replace("'s", "")).strip()
    if w in COUNTRY_WORDS:
        return COUNTRY_WORDS[w]
    for part in w.split():
        if part in COUNTRY_WORDS:
            return COUNTRY_WORDS[part]
    return INSTITUTION_COUNTRY.get(w, "")


def _list_after(tokens, k):
    """Token indexes of a list of people that starts at token k (stops at a verb, a period…)."""
    allowed = {"name", "initial", "title", "ltitle", "inst", "country", "acro", "hon", "particle"}
    allowed |= {"place"}  # "the Undersecretary for North America, X"
    allowed |= {"poss"}
    out = []
    sentence = tokens[k].sentence if k < len(tokens) else 0
    while k < len(tokens) and tokens[k].sentence == sentence:
        tok = tokens[k]
        # "his national security advisor counterparts X of Japan, Y of the ROK": lowercase title
        # and institution words describe the people listed.
        described = tok.cls == "lower" and (tok.low in TITLE_HEADS or tok.low in INSTITUTION_WORDS)
        if (
            tok.cls in allowed
            or described
            or tok.text in ",()–;&"  # "hosted X, Title; Y, Title; and Z"
            or tok.low in LIST_FILLERS - {"will"}
            or tok.low == "from"  # "Director for Aviation from the National … Center X"
        ):
            if tok.cls == "stop" and tok.low not in LIST_FILLERS:
                break
            out.append(k)
            k += 1
        else:
            break
    return out


WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _list_before(tokens, k):
    allowed = {"name", "initial", "title", "ltitle", "inst", "country", "acro", "hon", "particle"}
    allowed |= {"place"}  # "Western Hemisphere Bureau Official X … also traveled"
    out = []
    sentence = tokens[k].sentence if k < len(tokens) else 0
    k -= 1
    while k >= 0 and tokens[k].sentence == sentence:
        tok = tokens[k]
        if tok.cls in allowed or tok.text in ",()–;&" or tok.low in LIST_FILLERS:
            out.append(k)
            k -= 1
            continue
        if tok.low in LOWER_RANKS and k + 1 < len(tokens) and tokens[k + 1].cls == "ltitle":
            out.append(k)  # "X, joint secretary, …, and Y, …, led their delegations"
            k -= 1
            continue
        if tok.cls == "poss" and k > 0 and tokens[k - 1].cls in ("inst", "country", "acro"):
            # "X, director general of the Chinese Foreign Ministry's … Department, was hosted"
            out.append(k)
            k -= 1
            continue
        if tok.low in WEEKDAYS and k > 0 and tokens[k - 1].low == "on":
            # "X on Thursday held talks with Y": the day between the subject and its verb.
            out += [k, k - 1]
            k -= 2
            continue
        # "X, Y, and other officials from across the Administration participated", "X and
        # federal public health officials met": the unnamed colleagues are part of the subject.
        group = _unnamed_group_before(
            tokens, k, sentence, any(tokens[x].low in GROUP_NOUNS for x in out)
        )
        if group is None:
            break
        k = group
    return out


def _unnamed_group_before(tokens, k, sentence, seen_group=False):
    """The index of the "and" before "and <words> officials [from the X]" ending at token k,
    or None: colleagues named only as a group, between the named subjects and their verb."""
    n = k
    while n >= 0 and k - n < 12 and tokens[n].sentence == sentence:
        tok = tokens[n]
        if tok.low == "and" and seen_group:
            return n
        if tok.low in GROUP_NOUNS:
            seen_group = True
        elif tok.cls == "lower" and (tok.low in MEETING_VERBS or tok.low.endswith(("ed", "ing"))):
            return None  # a clause, not a noun phrase
        elif tok.cls not in ("lower", "stop", "inst", "acro", "country", "name", "place"):
            return None
        n -= 1
    return None


# Asterisks touching a word (never a "* item" bullet).
STRAY_EMPHASIS = re.compile(
    r"(?<=\S)\*{1,3}|\*{1,3}(?=\S)|</?(?:u|b|i|em|strong|span|sup|sub)\b[^<>\n]{0,80}>"
)


# A Markdown link: its text, its address, and the punctuation right after it.
MARKDOWN_LINK = re.compile(r"\[([^\[\]]{1,300})\]\((?:[^()\s]|\([^()\s]*\))*\)([,;:]?)")


def _unlink(m: re.Match) -> str:
    """'[Jane Doe](https://…), Mayor': the link's text stays where it stands and the comma after
    the address closes up to it, so the name meets its apposition (or its verb); same length."""
    text, punct = m.group(1), m.group(2)
    return (" " + text + punct).ljust(len(m.group()))


def find_officials(
    body: str, *, publisher_country: str = "", gazetteer=None
) -> list[OfficialMention]:
    """One FoundOfficial (an OfficialMention) per person the text names, in order of first mention.

    `gazetteer`: None uses fixtures/officials.yaml; pass `resolve.EMPTY_GAZETTEER` to do without.
    """
    gazetteer = default_gazetteer() if gazetteer is None else gazetteer
    gazetteer = gazetteer or EMPTY_GAZETTEER
    # Emphasis markers the document reader could not pair ("**Chair X\n**noted", bold across a
    # wrapped line) and inline HTML ("<u>Participants</u>") stand between a name and its verb or
    # a heading and its colon: blanked, offsets kept.
    body = STRAY_EMPHASIS.sub(lambda m: " " * len(m.group()), body)
    body = MARKDOWN_LINK.sub(_unlink, body)
    tokens = tokenize(body)
    spans = _name_spans(tokens, body)
    by_pos = {tokens[i].start: (i, j) for i, j in spans}
    list_titles = _plural_list_titles(body, by_pos)
    sentences = Sentences(tokens, body)
    delegation_regions = _regions(body, DELEGATION_REGION, sentences)
    delegation_regions += _regions(body, ES_ATTENDANCE, sentences)  # Spanish cues
    object_cues = list(OBJECT_CUES.finditer(body)) + list(ES_OBJECT_CUES.finditer(body))

    occurrences = []
    for i, j in spans:
        occ = _occurrence(tokens, body, i, j, list_titles, gazetteer)
        if occ is not None:
            occurrences.append(occ)

    occurrences += _surnames_of_those_named(tokens, body, spans, occurrences)
    occurrences.sort(key=lambda o: o.position)
    _plural_titles(tokens, body, occurrences)
    for occ in occurrences:
        # "his Russian counterpart Vladimir Putin": the adjective says whose counterpart.
        k = occ.start
        if (
            not occ.country
            and k >= 2
            and tokens[k - 1].low in ("counterpart", "counterparts")
            and tokens[k - 2].cls == "country"
            and tokens[k - 2].country
        ):
            occ.country, occ.country_how = tokens[k - 2].country, "title"
    _mark_attendance(tokens, body, occurrences, delegation_regions, object_cues, sentences)
    _mark_participant_lists(body, occurrences)
    # Words of a private participant's apposition name a firm, not a person ("General Catalyst").
    private_spans = [(o.end_at, o.private_until) for o in occurrences if o.private]
    occurrences = [
        o for o in occurrences if not any(lo <= o.position < hi for lo, hi in private_spans)
    ]
    occurrences.extend(_transcript_speakers(body))
    people = [person for person in _merge(occurrences) if _is_official(person, gazetteer)]
    mentions = [_to_mention(group, gazetteer, publisher_country, body) for group in people]
    _counterparts_of_the_publisher(people, mentions, publisher_country)
    _the_unnamed_subject(body, people, mentions, publisher_country)
    _one_holder_each(mentions, publisher_country)
    _follow_delegation_heads(people, mentions)
    _country_of_the_sentence(tokens, sentences, mentions, publisher_country)
    _counterpart_of_the_other_side(body, mentions)
    _country_of_the_pair(tokens, sentences, mentions)
    _country_of_the_document(tokens, mentions, publisher_country)
    return mentions


PLURAL_HEADS = {
    "advisors": "Advisor", "advisers": "Adviser", "directors": "Director",
    "secretaries": "Secretary", "ministers": "Minister", "ambassadors": "Ambassador",
    "envoys": "Envoy", "coordinators": "Coordinator", "commissioners": "Commissioner",
    "representatives": "Representative", "chairs": "Chair", "governors": "Governor",
    "co-chairs": "Co-Chair", "senators": "Senator",
}  # fmt: skip
# Between two people of one list: "X of Japan, Y of the ROK, and Z".
_LIST_GLUE = {",", "and", "of", "the", "(", ")"}


BODY_OF_PLURAL = re.compile(r"\bof\s+(?:the\s+)?(?:[\w-]+\s+){0,3}[\w-]+$", re.IGNORECASE)


def _plural_titles(tokens, body, occurrences):
    """A plural title before a list gives each person in it the singular: "Senior Directors X and
    Y", "Deputy National Security Advisors: X of France, Y of Italy", "his national security
    advisor counterparts X of Japan, Y of the ROK"."""
    ordered = sorted((o for o in occurrences if o.start >= 0), key=lambda o: o.start)
    for n, occ in enumerate(ordered):
        if occ.how == "apposition":
            continue  # "X, Chair, Council of Economic Advisers": a body's name, not a plural title
        if (
            occ.title
            and occ.title.split()[-1].casefold() in PLURAL_HEADS
            # "Chair of the Council of Economic Advisors": a body's name ends on the plural
            and not BODY_OF_PLURAL.search(occ.title)
        ):
            words = occ.title.split()
            occ.title = " ".join([*words[:-1], PLURAL_HEADS[words[-1].casefold()]])
        elif not occ.title and not occ.honorific:
            occ.title = _plural_title_before(tokens, body, occ.start)
            if not occ.title:
                continue
            occ.how = occ.how or "title"
        else:
            continue
        title, last = occ.title, occ
        for nxt in ordered[n + 1 :]:
            between = tokens[last.end : nxt.start]
            glue = all(t.text in _LIST_GLUE or t.cls == "country" for t in between)
            if not between or not glue or tokens[nxt.start].sentence != tokens[occ.start].sentence:
                break
            if not nxt.title:
                nxt.title = title
                if occ.country_how == "title" and not nxt.country:
                    nxt.country, nxt.country_how = occ.country, "title"
            last = nxt


def _skip_descriptor(tokens, k):
    """Back over "on President X’s National Security Council" between a plural title and its
    names ("Senior Directors on President X’s National Security Council Y and Z"): the token
    index of the plural head, or k unchanged."""
    m = k
    while m >= 0 and tokens[m].cls in ("inst", "acro", "country"):
        m -= 1
    if m == k or m < 0 or tokens[m].cls != "poss":
        return k
    m -= 1
    words = 0
    while m >= 0 and tokens[m].cls in ("name", "title", "initial") and words < 5:
        m, words = m - 1, words + 1
    preposition = m > 0 and tokens[m].low in ("on", "at", "of", "in", "for")
    if words and preposition and tokens[m - 1].low in PLURAL_HEADS:
        return m - 1
    return k


def _plural_title_before(tokens, body, i):
    """The singular of a plural title written just before token i (after an optional colon)."""
    k = i - 1
    if k >= 0 and tokens[k].text == ":":
        k -= 1
    k = _skip_descriptor(tokens, k)
    if k < 0:
        return ""
    head = tokens[k]
    lowercase = head.low == "counterparts"
    if lowercase:
        k -= 1
        end = k
        while (
            k >= 0
            and tokens[k].cls in ("lower", "ltitle")
            and (tokens[k].low in TITLE_HEADS or tokens[k].low in INSTITUTION_WORDS)
        ):
            k -= 1
        if end == k or tokens[end].low not in TITLE_CORE:
            return ""
        return _clean_title(body[tokens[k + 1].start : tokens[end].end])
    if head.low not in PLURAL_HEADS or not head.text[0].isupper():
        return ""
    at_head = k
    k -= 1
    while k >= 0 and tokens[k].cls in ("title", "inst", "acro", "country", "place"):
        k -= 1
    if k >= 0 and (tokens[k].low == "of" or tokens[k].low == "the" and tokens[k - 1].low == "of"):
        return ""  # "Council of Economic Advisers X": a body's name ends on the plural
    words = [t.text for t in tokens[k + 1 : at_head]]
    return " ".join([*words, PLURAL_HEADS[head.low]])


def _counterparts_of_the_publisher(people, mentions, publisher_country):
    """ "The Secretary also met Director General X": an official met, whose title the publisher's
    government also has and whose country the text does not name, sits on the other side of the
    table; of the one foreign country the document's officials come from, unknown when there are
    several, the publisher's only when there is none (a domestic meeting)."""
    foreign = {
        m.country
        for m in mentions
        if m.country and m.country != publisher_country and m.country_how != "publisher"
    }
    person_of = {id(occ): n for n, person in enumerate(people) for occ in person.occurrences}
    for n, mention in enumerate(mentions):
        if mention.country_how != "publisher" or not mention.counterpart:
            continue
        if re.search(r"(?i)ambassador|embassy|charg|consul", mention.title):
            continue  # an ambassador met is usually the publisher's own
        # Met by someone of another side ("Foreign Minister X received Secretary Y"): Y is the
        # publisher's.
        hosts = {
            person_of.get(id(o.met_by))
            for o in people[n].occurrences
            if o.counterpart and o.met_by is not None
        } - {None, n}
        if any(mentions[h].country != publisher_country for h in hosts):
            continue
        if len(foreign) == 1:
            mention.country, mention.country_how = next(iter(foreign)), "counterpart"
        elif foreign:
            mention.country, mention.country_how = "", ""


# "The Secretary met with …", "The Prime Minister spoke today with …": a subject named by the
# title alone.
UNNAMED_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*The\s+(?P<title>(?:[A-Z][\w-]*\s+){0,2}?"
    r"(?:President|Prime\s+Minister|Secretary|Chancellor|Minister|Ambassador|Administrator"
    r"|Governor|Mayor|Director|Premier|King|Queen|Emir))\s+(?:(?:also|today|yesterday)\s+)?"
    r"(?P<verb>[a-z]+)\b"
)


def _the_unnamed_subject(body, people, mentions, publisher_country):
    """ "The Secretary welcomed Foreign Minister X …. Minister X thanked Secretary Kell": the one
    person the document names with the unnamed subject's title, of no other country than the
    publisher's, is that subject, and took part (unless only named about another time)."""
    for m in UNNAMED_SUBJECT.finditer(body):
        if m.group("verb") not in MEETING_VERBS - {"meeting"}:
            continue
        title = _norm(" ".join(m.group("title").split()))
        holders = [
            n
            for n, mention in enumerate(mentions)
            if _norm(mention.title).removeprefix("the ").strip() == title
        ]
        if len(holders) != 1:
            continue
        n = holders[0]
        mention = mentions[n]
        if mention.country not in ("", publisher_country) or not publisher_country:
            continue
        if all(o.blocked or o.possessive for o in people[n].occurrences):
            continue
        mention.attended = True


def _counterpart_of_the_other_side(body, mentions):
    """ "President Biden and President Ramaphosa’s commitment", "Presidents Biden and von der
    Leyen": two holders of one office named as a pair are the two sides' holders; the one with
    no country is of the one other country the document's officials come from."""
    for mention in mentions:
        office = _norm(mention.title).removeprefix("the ").strip()
        if mention.country or office not in ONE_HOLDER:
            continue
        for other in mentions:
            if other is mention or not other.country or _norm(other.title) != _norm(mention.title):
                continue
            if not _named_as_a_pair(body, other, mention):
                continue
            sides = {m.country for m in mentions if m.country} - {other.country}
            if len(sides) == 1:
                mention.country, mention.country_how = sides.pop(), "counterpart"
            break


def _country_of_the_pair(tokens, sentences, mentions):
    """An official with a title and no country, in a sentence that names one pair of countries
    with a hyphen and whose other officials are all of one side of it, is of the other side
    ("Minister X held a Japan-U.S. Foreign Ministers' Telephone Talk with the U.S. Secretary of
    State Y"). A pair named in another sentence is often a topic ("U.S.-ROK exercises")."""
    starts = [tok.start for tok in tokens]
    for mention in mentions:
        if mention.country or not mention.title:
            continue
        start, end = sentences.around(mention.position)
        words = tokens[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        pairs = set()
        for a, dash, b in zip(words, words[1:], words[2:], strict=False):
            if (
                dash.text in "-–"
                and a.cls == "country"
                and b.cls == "country"
                and a.end == dash.start
                and dash.end == b.start
                and a.country
                and b.country
                and a.country != b.country
            ):
                pairs.add(frozenset((a.country, b.country)))
        for tok in words:  # "India-US", one word
            parts = [COUNTRY_WORDS.get(_norm(part), "") for part in tok.text.split("-")]
            if len(parts) == 2 and all(parts) and parts[0] != parts[1]:
                pairs.add(frozenset(parts))
        if len(pairs) != 1:
            continue
        (pair,) = pairs
        sides = {
            m.country
            for m in mentions
            if m is not mention and m.country and start <= m.position < end
        }
        if len(sides) == 1 and sides < pair:
            mention.country, mention.country_how = next(iter(pair - sides)), "pair"


def _named_as_a_pair(body, a, b):
    """Whether the text writes "A and (Title) B" or "B and (Title) A" (a particle or two of the
    fuller name allowed before the form found: "von der Leyen")."""
    title = re.escape(a.title)
    for first, second in ((a, b), (b, a)):
        for x in _forms(first):
            for y in _forms(second):
                pair = (
                    rf"\b{re.escape(x)}(?:[’']s)?\s+and\s+(?:{title}\s+)?(?:[a-z]+\s+){{0,2}}"
                    rf"{re.escape(y)}\b"
                )
                if re.search(pair, body):
                    return True
    return False


def _country_of_the_document(tokens, mentions, publisher_country):
    """An official with an office the publisher's government does not have, and no country yet,
    in a document that names one foreign country and none of its officials: theirs ("President
    Biden spoke with Prime Minister X. … the need for Israel to …")."""
    named = {
        t.country
        for n, t in enumerate(tokens)
        if t.country and t.cls in ("country", "place") and not _a_topic(tokens, n)
    }
    named -= {publisher_country, ""}
    named -= lexicon.ORGANISATIONS
    if len(named) != 1 or not publisher_country:
        return
    (country,) = named
    if any(m.country == country for m in mentions):
        return  # that country's official is named: the one without a country is someone else
    for mention in mentions:
        if mention.country or not mention.title:
            continue
        if _title_in_government(mention.title, publisher_country):
            continue
        mention.country, mention.country_how = country, "document"


def _country_of_the_sentence(tokens, sentences, mentions, publisher_country):
    """An official with a title but no country yet, named in a sentence that names one foreign
    country (or a city of one) and no other: theirs ("met with Prime Minister Kishida, …, the G7
    Summit in Hiroshima")."""
    starts = [tok.start for tok in tokens]
    for mention in mentions:
        if mention.country or not mention.title:
            continue
        start, end = sentences.around(mention.position)
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        named = {
            tok.country
            for n, tok in enumerate(tokens[first:last], first)
            if tok.country and tok.cls in ("country", "place") and not _a_topic(tokens, n)
        } - {publisher_country, ""}
        # "Minister X held talks with U.S. Secretary of State Y", "between Prime Minister X and ROK
        # President Y": the country is in the other person's title, it is theirs, not X's.
        named -= {
            other.country
            for other in mentions
            if other is not mention
            and other.country_how in ("title", "gazetteer")
            and start <= other.position < end
        }
        if len(named) == 1:
            mention.country, mention.country_how = named.pop(), "sentence"


# What a country is named for when it is a subject of talks, not anyone's country: "the
# situation in Afghanistan", "the crisis in Ukraine", "the Ukraine situation".
TOPIC_NOUNS = {
    "situation", "crisis", "war", "conflict", "developments", "invasion", "aggression",
    "ceasefire", "peace", "stability", "reconstruction", "elections", "earthquake",
}  # fmt: skip


def _someones_destination(tokens, n) -> bool:
    """Whether the country word at token n is where a named person went ("Prime Minister X's
    recent visit to the US"): the visitor's destination, not anyone's country."""
    k = n - 1
    if k >= 0 and tokens[k].low == "the":
        k -= 1
    if k < 1 or tokens[k].low != "to":
        return False
    if tokens[k - 1].low not in ("visit", "trip", "travel"):
        # "the visit of Secretary of State X to India": the visitor named between.
        for x in range(k - 1, max(0, k - 10), -1):
            if tokens[x].low == "of" and tokens[x - 1].low in ("visit", "visits", "trip", "travel"):
                return any(t.cls == "name" for t in tokens[x + 1 : k])
            if tokens[x].cls not in ("name", "initial", "title", "ltitle", "hon", "particle") and (
                tokens[x].low not in ("of", "the", "state")
            ):
                return False
        return False
    return any(
        tokens[x].cls == "poss" and tokens[x - 1].cls == "name" for x in range(max(1, k - 4), k - 1)
    )


def _a_topic(tokens, n) -> bool:
    """Whether the country word at token n is a topic ("the situation in Afghanistan") or a
    named person's destination ("X's visit to the US")."""
    if _someones_destination(tokens, n):
        return True
    k = n
    while (
        k + 1 < len(tokens)
        and tokens[k + 1].country == tokens[n].country
        and tokens[k + 1].cls in ("country", "place")
    ):
        k += 1  # the phrase's last word: "People's Republic of China"
    m = n
    while (
        m > 0
        and tokens[m - 1].country == tokens[n].country
        and tokens[m - 1].cls
        in (
            "country",
            "place",
        )
    ):
        m -= 1
    after = tokens[k + 1].low if k + 1 < len(tokens) else ""
    before = [t.low for t in tokens[max(0, m - 3) : m]]
    return (
        after in TOPIC_NOUNS
        or (len(before) >= 2 and before[-1] in ("in", "on", "of") and before[-2] in TOPIC_NOUNS)
        # "support for Ukraine", "stand with Ukraine", "assistance to Gaza": whom talks are about
        or (len(before) >= 2 and tuple(before[-2:]) in SUPPORT_FOR)
        # "welcomed a delegation of U.S. Congress members": the guests' country, not the host's
        or (len(before) >= 2 and before[-1] in ("of", "from") and before[-2] in GUEST_NOUNS)
        or (
            len(before) >= 3
            and before[-1] == "the"
            and before[-2] == "from"
            and before[-3] in GUEST_NOUNS
        )
    )


GUEST_NOUNS = {"delegation", "delegations", "visitors", "guests", "group"}
SUPPORT_FOR = {
    ("support", "for"), ("solidarity", "with"), ("stand", "with"), ("stands", "with"),
    ("assistance", "to"), ("aid", "to"), ("support", "to"), ("against", "the"),
}  # fmt: skip


ONE_HOLDER = _normset(lexicon.ONE_HOLDER_OFFICES)


def _one_holder_each(mentions, publisher_country):
    """A government has one President (one Vice President, one National Security Advisor…): of two
    people holding such an office whom only their plain title made the publisher's ("President
    Biden and President von der Leyen"), the one with other evidence stays, else the first named;
    the others' country is left to the rest of the text."""
    holders = {}
    for mention in mentions:
        office = _norm(mention.title).removeprefix("the ").strip()
        if mention.country == publisher_country and office in ONE_HOLDER:
            holders.setdefault(office, []).append(mention)
    for group in holders.values():
        assumed = [m for m in group if m.country_how == "publisher"]
        if len(group) < 2 or not assumed:
            continue
        keep = assumed[0] if len(assumed) == len(group) else None
        for mention in assumed:
            if mention is not keep:
                mention.country = mention.country_how = ""


def _follow_delegation_heads(people, mentions):
    """People listed as accompanying someone take that person's country when they have none, or
    only the publisher's, assumed from a title both governments have ("Minister X was
    accompanied by Ambassador Y": Y is X's ambassador)."""
    person_of = {id(occ): n for n, person in enumerate(people) for occ in person.occurrences}
    for n, person in enumerate(people):
        if mentions[n].country and mentions[n].country_how != "publisher":
            continue
        for occ in person.occurrences:
            head = person_of.get(id(occ.follows)) if occ.follows is not None else None
            if head is not None and head != n and mentions[head].country:
                mentions[n].country = mentions[head].country
                mentions[n].country_how = "head"
                break


# Verbs a title-cased headline puts right after a name.
HEADLINE_VERBS = {
    "welcoming", "marking", "announcing", "celebrating", "congratulating", "condemning",
    "honoring", "honouring", "commemorating", "recognizing", "urging", "calling", "on",
}  # fmt: skip
# Honorifics that abbreviate an office ("Rep. X", "Sen. Y", "Gov. Z", "Amb. W").
OFFICE_ABBREVIATIONS = {"rep.", "sen.", "gov.", "amb.", "adm.", "gen.", "reps.", "sens."}
# Ranks and courtesy titles, which say what someone is but not which office they hold.
RANK_TITLE = re.compile(
    r"^(?:(?:U\.S\.|State|Retired|Ret\.)\s+)?(?:(?:Lieutenant|Brigadier|Major|Vice|Rear)\s+)?"
    r"(?:General|Admiral|Colonel|Captain|Commander|Major|Sergeant|Senator|Representative"
    r"|Assemblymember|Assemblywoman|Assemblyman|Delegate|Congressman|Congresswoman"
    # "Sheikh X, Prime Minister of Qatar": a style, which the office after the name outranks
    r"|Sheikh|Sheikha)$"
)
# "Prime Minister and Minister of Foreign Affairs Sheikh X": the style closing an office's title.
TRAILING_STYLE = re.compile(r"\s+(?:Sheikh|Sheikha)$")


def _occurrence(tokens, body, i, j, list_titles, gazetteer):
    while j - i > 2 and tokens[j - 1].low in HEADLINE_VERBS:
        j -= 1  # "Statement from Advisor Jake Sullivan Welcoming the …": a headline's verb
    name = _clean(_span_text(tokens, body, i, j))
    words = tokens[i:j]
    folded = _norm(name)
    after_title = i > 0 and tokens[i - 1].cls == "title" and tokens[i - 1].low in TITLE_CORE
    if (
        all(t.cls == "initial" for t in words)
        or (folded in PLACES and not after_title)  # "Defense Secretary Austin" is a person
        or folded in COUNTRY_WORDS
    ):
        return None
    if len(words) > MAX_NAME_WORDS or len(name) > 120:
        return None  # a run of capitalised words that long is a heading, not a name
    nxt = tokens[j] if j < len(tokens) else None
    prev = tokens[i - 1] if i > 0 else None
    significant = [t for t in words if t.cls == "name"]
    if not significant:
        return None
    if prev is not None and prev.text in ("St.", "St"):
        return None  # "St. Patrick's Day", "St. Lucia": a saint or a place, not an official
    if "&" in (prev.text if prev else "", nxt.text if nxt else ""):
        return None  # "Partnerships & Global Engagement", "Johnson & Johnson": a field, a firm
    if (
        prev is not None
        and prev.cls == "poss"
        and j - i == 1
        and not (i > 1 and tokens[i - 2].cls in ("name", "initial"))
    ):
        return None  # "the Speaker's Lunch": what someone has, not who someone is
    title, honorific, country, _ = _title_before(tokens, body, i)
    if (
        j - i == 1
        and prev is not None
        and prev.low in ("for", "of", "and", "on")
        and nxt is not None
        and nxt.cls in ("inst", "title")
        and not honorific
    ):
        return None  # "Secretary for African Affairs", "Security and Civil Protection": a title
    if (
        title
        and j - i == 1
        and nxt is not None
        and nxt.cls == "title"
        and body[tokens[i].end : nxt.start] == " "
        and prev is not None
        and prev.cls == "title"
        and body[prev.end : tokens[i].start] == " "
    ):
        return None  # "Chief Operating Officer": one unknown word inside a title
    if (
        title
        and not honorific
        and prev is not None
        and (
            (j - i <= 2 or prev.low == "the")
            and prev.low in ("for", "of", "the", "on", "and")
            # "Director of the U.S. Patent and Trademark Office": the country's body goes on
            # (not "Ambassador to the U.S. Jane Doe;")
            or prev.cls == "country"
            and i > 1
            and tokens[i - 2].low == "the"
            and nxt is not None
            and (nxt.low in ("and", "&") or nxt.cls == "inst")
        )
        and body[prev.end : tokens[i].start] == " "
    ):
        # "Senior Advisor for Inflation Reduction", "Comptroller of the Currency", "Director
        # for the Rocky Mountain Farmers Union": a title's object, however long after "the".
        return None
    if (
        prev is not None
        and nxt is not None
        and prev.cls == "inst"
        and nxt.cls == "inst"
        and not honorific
        and body[prev.end : tokens[i].start] == " "
        and body[tokens[j - 1].end : nxt.start] == " "
    ):
        return None  # "the National Interagency Fire Center": unknown words inside a body's name
    occ = Occurrence(name=name, start=i, end=j, position=tokens[i].start, honorific=honorific)
    occ.possessive = nxt is not None and nxt.cls == "poss"
    occ.principal = _heads_the_group_met(tokens, i)
    if not title:
        line_start = body.rfind("\n", 0, tokens[i].start) + 1
        item = bool(LIST_ITEM.match(body[line_start : tokens[i].start]))
        occ.private_until = _private_affiliation(body, tokens[j - 1].end, item=item)
        occ.private_until = occ.private_until or _private_apposition(body, tokens[j - 1].end)
        occ.private = occ.private_until > 0
    elif not honorific:
        occ.private = (
            _private_title(title)
            or _officer_of_a_named_body(tokens, body, i, title)
            or _officer_of_a_private_body_after(title, body, tokens[j - 1].end)
            or _a_firms_officer(title, body, tokens[j - 1].end)
            or _corporate_title(title, body, tokens[j - 1].end)
            # "Honeywell International Inc. Chairman X": the firm's legal form right before
            or bool(FIRM_BEFORE_TITLE.search(body, 0, tokens[i].start - len(title) - 1))
            # "civil society leader X", "business leader Y": a leader of no government
            or title.lower() in ("leader", "leaders")
            and bool(CIVIC_BEFORE_LEADER.search(body, 0, tokens[i].start - len(title) - 1))
        )
    if _in_a_byline(body, tokens[i].start) or CREDIT_BEFORE.search(
        body, max(0, tokens[i].start - 40), tokens[i].start
    ):
        # "By Kate Doe and John Roe", "(Official White House Photo by X)", "Reporting by Y;
        # Editing by Z", "Posted by W": the article's authors and photographers
        occ.private = True
    occ.end_at = tokens[j - 1].end
    # A proper noun goes on ("Los Angeles Declaration", "Americas Partnership"): not a person.
    if (
        nxt is not None
        and nxt.cls in ("inst", "title")
        and not body[tokens[j - 1].end : nxt.start].strip()
        and not (title or honorific)
    ):
        return None
    if prev is not None and prev.low == "the" and not title:
        return None
    after_text = body[tokens[j - 1].end : tokens[j - 1].end + 40]
    before_text = body[max(0, tokens[i].start - 30) : tokens[i].start]
    attribution = re.match(rf"^\s+(?:{ATTRIBUTION_VERBS})\b", after_text) or re.search(
        rf"\b(?:{ATTRIBUTION_VERBS})\s+$", before_text
    )
    occ.quoted = bool(attribution)
    if tokens[i].start in list_titles:
        occ.title, occ.how = list_titles[tokens[i].start], "delegation list"
        occ.country = _country_after(tokens, j, occ.title)  # "Presidents X of Romania and Y …"
        occ.country_how = "title" if occ.country else ""
        return occ
    if honorific and not title:
        # "Dr. Eliza Chin, Executive Director, …": the title follows the name.
        title, country = _title_after(tokens, body, j)
        if not title and tokens[i - 1].low in OFFICE_ABBREVIATIONS:
            # "Rep. X (D-CA)", "Sen. Y", "Gov. Z": the abbreviation is an office's.
            title = tokens[i - 1].text
    if title or honorific:
        if (
            len(significant) == 1
            and len(words) == 1
            and not honorific
            and _title_goes_on(tokens, j)
            # "Secretary Blinken and Defense Secretary …": right after a title's head, a name.
            and not (prev is not None and prev.cls == "title" and prev.low in TITLE_CORE)
        ):
            return None
        if title and TRAILING_STYLE.search(title) and not RANK_TITLE.match(title):
            title = TRAILING_STYLE.sub("", title)
        if title and RANK_TITLE.match(title):
            # "General X, Vice Chief of Space Operations", "State Senator X, Iowa State Senate
            # Minority Leader": the rank or courtesy title yields to the office after the name.
            office, office_country = _title_after(tokens, body, j)
            if office:
                title, country = office, country or office_country
        if not country:
            country = _country_after(tokens, j, title)
        occ.title, occ.country, occ.how = title, country, "title"
        occ.country_how = "title" if country else ""
        return occ
    appositive, app_country = _title_after(tokens, body, j)
    if appositive and len(words) >= 2:
        occ.title, occ.country, occ.how = appositive, app_country, "apposition"
        occ.country_how = "title" if app_country else ""
        # "Inge Doe, CEO of 3M", "Kenneth Roe, CEO of pharmaceutical company Merck & Co.":
        # an officer of a firm.
        occ.private = occ.private or _corporate_title(appositive, body, -1)
        return occ
    if (
        prev is not None
        and prev.low in ("for", "of", "on")
        and i > 1
        and tokens[i - 2].cls == "inst"
        and not honorific
    ):
        return None  # "the Joint Steering Group for Advanced Capabilities": the group's name
    served, served_country = _government_affiliation(tokens, body, j)
    if served and len(words) >= 2 and not honorific:
        # "Zachary Liscow, Office of Management and Budget", "Tara Sinclair of the Department
        # of the Treasury": no title, but the body they serve in is a government's.
        occ.country, occ.how = served_country, "affiliation"
        occ.country_how = "title" if served_country else ""
        return occ
    if attribution:
        occ.how = "quote attribution"
        # "Investments announced by …": one capitalised word opening a sentence is seldom a
        # person; it counts only if a fuller mention of the same person joins it.
        first = i
        while first > 0 and tokens[first - 1].sentence == tokens[i].sentence:
            first -= 1
        occ.only_listed = j - i == 1 and all(t.cls == "punct" for t in tokens[first:i])
        occ.quoted = not occ.only_listed
        return occ
    if len(words) >= 2 and _skip_descriptor(tokens, i - 1) != i - 1:
        # "Senior Directors on President X’s National Security Council Y and Z": Y is named
        # under a plural title (given by _plural_titles).
        occ.how = "title"
        return occ
    of_country = _country_after(tokens, j) or _shared_country_after(tokens, j)
    if (
        len(words) >= 2
        and of_country
        and len(significant) == len(words)
        # In a title-cased line, four capitalised words are a phrase of the headline.
        and not (len(words) >= 4 and _in_a_headline(tokens, i))
    ):
        # "Xavier Chatel of France": a person's name, then whose official they are.
        occ.country, occ.country_how, occ.how = of_country, "title", "context"
        return occ
    if len(words) >= 2:
        verb_after = re.match(r"^\s+(\w+)", after_text)
        if (prev is not None and prev.low in CUE_WORDS_BEFORE) or (
            verb_after and verb_after.group(1).lower() in MEETING_VERBS
        ):
            occ.how = "context"
            # "including Jane Doe of the American Legion": someone of a body that is no state's.
            occ.private = occ.private or _of_a_private_body(body, tokens[j - 1].end)
            # "X and Y" alone says only that Y is in some list ("the detention of A and B").
            occ.only_listed = (
                prev is not None
                and prev.low == "and"
                and not (verb_after and verb_after.group(1).lower() in MEETING_VERBS)
            )
            return occ
        if gazetteer and gazetteer.lookup(name) is not None and len(name_words(name)) >= 2:
            occ.how = "gazetteer"
            return occ
    elif gazetteer and gazetteer.lookup(name) is not None:
        # "Blinken and Defense Secretary Austin traveled to …": a known official's surname as
        # the subject of a meeting verb or joined by "and" to another subject.
        verb_after = re.match(r"^\s+(?:and\s+)?(\w+)", after_text)
        if verb_after and (
            after_text.lstrip().startswith("and ") or verb_after.group(1).lower() in MEETING_VERBS
        ):
            occ.how = "gazetteer"
            return occ
    return None


def _surnames_of_those_named(tokens, body, spans, occurrences):
    """ "Belarusian Foreign Minister Vladimir Makei …. Chollet and Makei held a phone
    conversation": the family name alone of someone the document named in full with a title, as
    a subject of a meeting verb or joined by "and" to another name, is that person again."""
    known = {
        _norm(name_words(o.name)[-1])
        for o in occurrences
        if o.title and not o.private and len(name_words(o.name)) >= 2
    }
    covered = {k for o in occurrences for k in range(o.start, o.end)}
    found = []
    for i, j in spans:
        if j - i != 1 or i in covered or _norm(tokens[i].text) not in known:
            continue
        after = body[tokens[i].end : tokens[i].end + 40]
        verb_after = re.match(r"^\s+(?:and\s+)?(\w+)", after)
        joined = (i > 0 and tokens[i - 1].low == "and") or after.lstrip().startswith("and ")
        if verb_after and (joined or verb_after.group(1).lower() in MEETING_VERBS):
            occ = Occurrence(name=tokens[i].text, start=i, end=j, position=tokens[i].start)
            occ.how, occ.end_at = "surname", tokens[i].end
            occ.possessive = j < len(tokens) and tokens[j].cls == "poss"
            found.append(occ)
    return found


def _in_a_headline(tokens, i):
    """Whether token i stands in a title-cased line ("Administration Mounts Response to Address
    Extreme Heat Impacting Nearly Half of U.S."), where capitals say nothing of names."""
    sentence = tokens[i].sentence
    lo = i
    while lo > 0 and tokens[lo - 1].sentence == sentence:
        lo -= 1
    hi = i
    while hi + 1 < len(tokens) and tokens[hi + 1].sentence == sentence:
        hi += 1
    long_words = [t.text for t in tokens[lo : hi + 1] if len(t.text) > 3 and t.text[0].isalpha()]
    capitals = sum(1 for w in long_words if w[0].isupper())
    return len(long_words) >= 6 and capitals >= 0.8 * len(long_words)


def _government_affiliation(tokens, body, j):
    """(body text, country) when the name ending before token j is followed by ", <body>" or
    "of the <body>" and the body is a government's by `_names_a_government` ("U.S. Department
    of Energy", "Office of Management and Budget"), else ("", "")."""
    k = j
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    elif k < len(tokens) and tokens[k].low == "of":
        k += 1
        if k < len(tokens) and tokens[k].low == "the":
            k += 1
    else:
        return "", ""
    start = k
    while k < len(tokens) and tokens[k].sentence == tokens[j - 1].sentence:
        tok = tokens[k]
        if tok.cls == "name" and k + 1 < len(tokens) and tokens[k + 1].cls in ("name", "initial"):
            break  # the next person's name: "… Department of Energy Justina Gallegos"
        if tok.cls in ("inst", "country", "acro", "name", "place") or tok.low in (
            "of", "the", "and", "for", "on", "&",
        ):  # fmt: skip
            k += 1
            continue
        break
    while k > start and tokens[k - 1].low in ("of", "the", "and", "for", "on", "&"):
        k -= 1
    if k == start or tokens[start].cls not in ("inst", "country", "acro"):
        return "", ""
    words = tokens[start:k]
    text = body[words[0].start : words[-1].end]
    if not _names_a_government(text):
        return "", ""
    return text, _title_country(words)


_OF_BODY = re.compile(
    r"\s+of\s+(?:the\s+)?((?:[A-Z][\w’'&.-]*)(?:\s+(?:[A-Z][\w’'&.-]*|of|for|and|the))*)"
)


def _of_a_private_body(body: str, end: int) -> bool:
    """'Jane Doe of the American Legion' (no title): of an association, not of a state ('of
    France', 'of Texas', 'of the European Commission' are)."""
    m = _OF_BODY.match(body, end)
    if not m:
        return False
    words = re.split(r"(?<![A-Z])\.(?:\s|$)", m.group(1))[0].split()  # to the sentence's end
    while words and words[-1] in ("of", "for", "and", "the"):
        words.pop()
    whole = _norm(" ".join(words))
    if whole in COUNTRY_WORDS or whole in PLACES or whole in SHARED_COUNTRY_NAMES:
        return False  # "of France", "of Texas", "of Georgia"
    return bool(words) and not _names_a_government(" ".join(words))


CORPORATE_TITLE = re.compile(
    r"^(?:(?:ceo|cfo|coo|founder|co-founder|chief\s+(?:executive|operating|financial)\s+officer)"
    r"(?:\s*(?:,|and|&)\s*|\s+|$))+$",
    re.IGNORECASE,
)


# A firm's legal form ("UBS AG Chairman X", "Honeywell International Inc. Chairman Y") and the
# offices only firms have ("International Paper CEO Z", "W, CEO of 3M").
CORPORATE_SUFFIXES = {"inc", "inc.", "ag", "corp", "corp.", "llc", "ltd", "ltd.", "plc", "gmbh"}
CORPORATE_ROLE = re.compile(
    r"\b(?:ceo|cfo|coo|cto|chief\s+(?:executive|operating|financial|technology)\s+officer"
    r"|co-founder|founder)\b",
    re.IGNORECASE,
)
STATES_BODY_WORDS = GOVERNMENT_BODY_WORDS | {
    "bank", "fund", "corporation", "development", "finance", "investment", "authority",
}  # fmt: skip
CREDIT_BEFORE = re.compile(
    r"(?i)\b(?:photos?|photograph(?:ed)?|reporting|editing|edited|written|writing|posted"
    r"|compiled|video|graphics?|illustration)\s+by\s+$|\bphotographer:\s*$"
)
CIVIC_BEFORE_LEADER = re.compile(
    r"(?i)\b(?:civil\s+society|business|community|faith|religious|student|youth"
    r"|labou?r(?:\s+union)?|trade\s+union|industry|church|civic|grassroots|human\s+rights)\s*$"
)
FIRM_BEFORE_TITLE = re.compile(r"\b(?:Inc|Corp|Co|Ltd|LLC|AG|PLC|GmbH)\.?\s*$")
# "By Kate Doe and John Roe" alone on a line: names and "and", nothing else.
BYLINE = re.compile(
    r"^[ \t]*(?:By|Written\s+by|Reporting\s+by)\s+[A-Z][\w.’'-]*,?"
    r"(?:[ \t]+(?:[A-Z][\w.’'-]*,?|and|&))*[ \t]*$"
)


def _corporate_title(title: str, body: str, end: int) -> bool:
    """A firm's officer, named by the firm's legal form inside the title or an office only firms
    have; not a state's corporation's ("CEO of the Millennium Challenge Corporation", "DFC
    CEO X", whose initials the lexicon knows as a government's)."""
    if _names_a_government(title):
        return False
    words = [w.lower().strip(",") for w in title.split()]
    if any(w in CORPORATE_SUFFIXES for w in words[1:]):
        return True  # not the first word: "AG X" is an Attorney General
    role = CORPORATE_ROLE.search(title)
    if not role or re.search(r"\bof\s+the\b", title, re.IGNORECASE):
        return False
    if any(_norm(w) in STATES_BODY_WORDS for w in title[: role.start()].split()):
        return False  # "Bank Chief Executive Officer X": a development bank's may be states'
    return end < 0 or not re.match(r"\s*,?\s+of\s+the\b", body[end : end + 20])


def _in_a_byline(body: str, at: int) -> bool:
    """Whether offset `at` is on a line of its own that opens with "By" (an article's authors)."""
    start = body.rfind("\n", 0, at) + 1
    end = body.find("\n", at)
    line = body[start : end if end >= 0 else len(body)]
    return bool(BYLINE.match(line))


def _a_firms_officer(title: str, body: str, end: int) -> bool:
    """ "CEO Jane Doe of Acme", "Founder X": a title only firms give, then no body or a firm's
    bare name. A body with "the" may be a government's corporation ("CEO X of the Millennium
    Challenge Corporation", "… of the U.S. International Development Finance Corporation")."""
    if not CORPORATE_TITLE.match(title.strip()):
        return False
    of_body = _OF_BODY.match(body, end)
    if of_body is None:
        return True
    return not re.match(r"\s+of\s+the\b", of_body.group(0)) and _of_a_private_body(body, end)


def _officer_of_a_private_body_after(title: str, body: str, end: int) -> bool:
    """ "Executive Director X of the Urban Peace Foundation", "President Y of Lakeside
    University": a title every organisation has, then "of" a body whose name holds a word of no
    state's body (Foundation, University, Association …): a private participant."""
    words = title.split()
    if not words or any(
        _norm(w) not in ORGANISATION_TITLES and _norm(w) not in TITLE_QUALIFIERS
        for w in words
        if _norm(w) not in ("and", "&")
    ):
        return False
    m = _OF_BODY.match(body, end)
    if not m or not _of_a_private_body(body, end):
        return False
    name = re.split(r"(?<![A-Z])\.(?:\s|$)", m.group(1))[0]
    return any(_norm(w) in CIVIL_BODY_WORDS for w in name.split())


# Words only a body of civil society has: not Corporation, Bank, Fund, Union, League, Federation,
# Institute, Center (the Millennium Challenge Corporation, the World Bank, the European Union, the
# Arab League, the Russian Federation, the National Cancer Institute are states' or theirs).
CIVIL_BODY_WORDS = {
    "association", "foundation", "university", "coalition", "society", "network", "chamber",
    "campaign", "partners", "college", "school", "hospital", "church",
}  # fmt: skip


# People met as a group: "members of", "officials of", "representatives of" X's government.
GROUP_NOUNS = {
    "members", "officials", "representatives", "staff", "aides", "advisors", "advisers",
    "team", "cabinet", "miembros", "funcionarios", "representantes",
}  # fmt: skip


def _heads_the_group_met(tokens, i):
    """Whether the name at token i follows "members of (the) (title words)": "met with senior
    members of President Milei’s administration" met his team, not him."""
    k = i - 1
    while k >= 0 and tokens[k].cls in ("title", "ltitle", "country", "acro", "hon"):
        k -= 1
    if k >= 0 and tokens[k].low in ("the", "la", "el"):
        k -= 1
    return k >= 1 and tokens[k].low in ("of", "de", "del") and tokens[k - 1].low in GROUP_NOUNS


def _country_after(tokens, j, title=""):
    """'Prime Minister Mark Carney of Canada' -> CA; 'Ferdinand Marcos, Jr. of the Philippines';
    'President X of Georgia' -> GE (a name a country shares with a U.S. state, after an office
    only a state has)."""
    suffix = j
    if suffix < len(tokens) and tokens[suffix].text == ",":
        suffix += 1
    if suffix < len(tokens) and tokens[suffix].low.rstrip(".") in NAME_SUFFIXES:
        j = suffix + 1
    if j + 1 < len(tokens) and tokens[j].low == "of":
        k = j + 2 if tokens[j + 1].low == "the" else j + 1  # "of the United Kingdom"
        if k < len(tokens) and tokens[k].cls == "country":
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            org = nxt is not None and nxt.cls in ("name", "inst") and nxt.text[:1].isupper()
            if org and tokens[k].text[:1].isupper() and nxt.start - tokens[k].end == 1:
                return ""  # "of the American Legion": a demonym inside a body's name
            return tokens[k].country
        national = {_norm(w) for w in title.split()} & NATIONAL_OFFICES
        if k < len(tokens) and national and tokens[k].low in SHARED_COUNTRY_NAMES:
            return SHARED_COUNTRY_NAMES[tokens[k].low]
    return ""


# Countries whose name is also a U.S. state's or a person's (left out of COUNTRY_WORDS).
SHARED_COUNTRY_NAMES = {_norm(k): v for k, v in lexicon.SHARED_COUNTRY_NAMES.items()}
# Offices of a state, never of a U.S. state or a city: "President X of Georgia" is Georgian.
NATIONAL_OFFICES = {
    "president", "prime", "king", "queen", "prince", "princess", "emir", "chancellor",
    "ambassador", "minister", "premier",
}  # fmt: skip


def _shared_country_after(tokens, j):
    """'Nick Catsaras and Matt Collins of the United Kingdom': two bare names share the country."""
    if j + 2 >= len(tokens) or tokens[j].low != "and":
        return ""
    m = j + 1
    while m < len(tokens) and tokens[m].cls in ("name", "initial"):
        m += 1
    return _country_after(tokens, m) if m - (j + 1) >= 2 else ""


SPEAKER_LABEL = re.compile(r"^[ \t]*(?P<label>[^\W\d_][\w\.’'\- ]{1,60}?):[ \t]", re.MULTILINE)


def _transcript_speakers(body):
    """Speakers of a transcript: 'PRESIDENT LÓPEZ OBRADOR: …', 'MS. JEAN-PIERRE: …'."""
    found = []
    for m in SPEAKER_LABEL.finditer(body):
        label = m.group("label").strip()
        if label != label.upper() or not any(c.isalpha() for c in label):
            continue
        words = label.split()
        k = 0
        while k < len(words) and (_norm(words[k]) in TITLE_HEADS | HONORIFICS):
            k += 1
        if k == 0 or k == len(words):
            continue  # "MODERATOR:", "Q:", "NOTE:": no one named
        title = " ".join(w for w in words[:k] if _norm(w) not in HONORIFICS).title()
        occ = Occurrence(
            name=" ".join(words[k:]).title(),
            start=-1,
            end=-1,
            position=m.start("label") + len(" ".join(words[:k])) + 1,
            title=title,
            how="transcript speaker",
            attended=True,
            quoted=True,
        )
        found.append(occ)
    return found


def _title_goes_on(tokens, j):
    """After a one-word 'name', does the title carry on ('… Livestock and Rural Development')?"""
    k = j
    while k < len(tokens) and (tokens[k].text == "," or tokens[k].low in ("and", "of", "for")):
        k += 1
    return k > j and k < len(tokens) and tokens[k].cls == "inst"


def _mark_attendance(tokens, body, occurrences, delegation_regions, object_cues, sentences):
    """attended=True for people in delegation lists, around meeting verbs, and speakers; never in a
    sentence about another time ("previous meetings", "held in January", "last Saturday's call")."""
    by_token = {}
    for occ in occurrences:
        for k in range(occ.start, occ.end):
            by_token[k] = occ
    starts = [tok.start for tok in tokens]

    def sentence_text(occ):
        start, end = sentences.around(occ.position)
        return body[start:end]

    lead = sentences.around(tokens[0].start) if tokens else (0, 0)

    def another_time(occ):
        start, end = sentences.around(occ.position)
        sentence = body[start:end]
        if (start, end) == lead:
            # "Last week, X and Y participated in …": the time that opens a readout's first
            # sentence dates the meeting it reports.
            opening = PAST_CUES.match(sentence.lstrip())
            if opening and not PAST_CUES.search(sentence.lstrip(), opening.end()):
                return bool(FUTURE_CUES.search(sentence))
        elif RECALLED.search(sentence) and not NOW_ANCHOR.search(sentence):
            return True  # "They recalled their meeting in Rome, where X also met Y"
        elif MONTH_ONLY.search(sentence) and not NOW_ANCHOR.search(sentence):
            return True  # "Minister X met President Y in March": a month, not the day reported
        elif _dated_otherwise(sentence, body[lead[0] : lead[1]]):
            return True  # "X and Y held the dialogue … on April 11": the lead's day is another
        elif SAME_DAY.search(sentence) and start > 0:
            # "Ahead of the dialogue on that day, X and Y held a virtual meeting": the day of
            # the sentence before, when that one is about another time.
            before = sentences.around(start - 1)
            if before != lead and before[0] < start:
                previous = body[before[0] : before[1]]
                if _dated_otherwise(previous, body[lead[0] : lead[1]]) or _about_another_time(
                    previous
                ):
                    return True
        return _about_another_time(sentence)

    blocked = {id(o): another_time(o) for o in occurrences}
    for occ in occurrences:
        # "On behalf of President X, the First Lady led …": X sent someone, X was not there.
        if ON_BEHALF_OF.search(body[max(0, occ.position - 60) : occ.position]):
            blocked[id(occ)] = True
    for occ in occurrences:
        occ.blocked = blocked[id(occ)]

    def attend(occ, country=""):
        if blocked[id(occ)] or occ.possessive or occ.principal:
            return
        occ.attended = True
        if country and not occ.country:
            occ.country, occ.country_how = country, "delegation"

    # 1. Delegation lists: everyone after the cue, to the end of the sentence; with "In addition
    #    to X, Mexico was represented by …", X too.
    for start, cue_end, end, country in delegation_regions:
        sentence_start = sentences.around(start)[0]
        for occ in occurrences:
            if cue_end <= occ.position < end or (
                sentence_start <= occ.position < start
                and re.search(r"\bin addition to\b", body[sentence_start:start], re.I)
            ):
                attend(occ, country)
    # 2. Lists right after "delegation led by", "met with", "hosted", "accompanied" …
    for m in object_cues:
        k = bisect.bisect_left(starts, m.end())
        if k >= len(tokens):
            continue
        country = _country_of_words(m.group("adj") or "") if m.groupdict().get("adj") else ""
        listed = _list_after(tokens, k)
        sentence_start = sentences.around(m.start())[0]
        cue = m.group(0).lower()
        occasion = (
            "meeting",
            "talks",
            "call",
            "ministerial",
            "trilateral",
            "bilateral",
            "dialogue",
        )
        if cue.startswith(occasion) and ANOTHER_OCCASION_BEFORE.search(
            body[sentence_start : m.start()]
        ):
            # "ahead of President X’s meeting with President Y": not this meeting; nor are they
            # subjects of the verb after the phrase ("…, Secretary Z and Y discussed …").
            for idx in listed:
                if idx in by_token:
                    blocked[id(by_token[idx])] = True
            continue
        if re.match(r"(?:co-)?(?:hosted|chaired|convened)\s+by", cue) and ON_THE_MARGINS.search(
            body[sentence_start : m.start()]
        ):
            # "met with X on the margins of the G20 Summit hosted by President Y": the summit is
            # the setting; the meeting reported is the one on its margins, without Y.
            for idx in listed:
                if idx in by_token:
                    blocked[id(by_token[idx])] = True
            continue
        if FUTURE_BEFORE_CUE.search(body[sentence_start : m.start()]):
            # "During her visit, she will hold talks with X": a meeting still to come.
            for idx in listed:
                if idx in by_token:
                    blocked[id(by_token[idx])] = True
            # … the list still shares the one country it names ("will be accompanied by U.S.
            # Secretary X, Senator Y and Congresswoman Z").
            _attend_list(tokens, listed, by_token, _give_country, country)
            continue
        if (
            cue.startswith(("met", "spoke"))
            and EARLIER_CLAUSE.search(body[sentence_start : m.start()])
            and not NOW_ANCHOR.search(body[sentence_start : sentences.around(m.start())[1]])
        ):
            # "… the first visit after President X met with Y at the White House": a clause
            # about an earlier meeting; neither X nor Y was at the one the document reports.
            for idx in listed + _list_before(tokens, bisect.bisect_left(starts, m.start())):
                if idx in by_token:
                    blocked[id(by_token[idx])] = True
            continue
        if not country and cue.startswith(("met", "meeting", "spoke", "talks")):
            # "led a U.S. delegation to Panama City, where he met with President X": X is the
            # host, of the country the delegation went to.
            country = _destination_country(body[sentence_start : m.start()])
            _attend_list(tokens, listed, by_token, attend, country, hosts_only=True)
            _mark_counterparts(listed, by_token, occurrences, sentence_start, m.start())
            continue
        _attend_list(tokens, listed, by_token, attend, country)
        if COUNTERPART_CUE.match(cue) and not cue.endswith("by"):  # not "hosted by X"
            _mark_counterparts(listed, by_token, occurrences, sentence_start, m.start())
        if cue == "joined":
            # "X joined President Y's meeting with Z": Y held the meeting X joined.
            for idx in listed:
                occ = by_token.get(idx)
                if (
                    occ is not None
                    and occ.possessive
                    and not blocked[id(occ)]
                    and JOINED_MEETING.match(body, tokens[occ.end - 1].end)
                ):
                    occ.attended = True
        if cue.startswith(("accompanied", "acompañad", "joined by")):
            subject = next(
                (o for o in occurrences if sentence_start <= o.position < m.start()), None
            )
            for idx in listed:
                if idx in by_token and subject is not None and by_token[idx] is not subject:
                    by_token[idx].follows = subject
    # 2b. "In a call today, X and Y reviewed …": the subjects after the opening phrase.
    for m in IN_THE_MEETING.finditer(body):
        k = bisect.bisect_left(starts, m.end())
        if k < len(tokens):
            _attend_list(tokens, _list_after(tokens, k), by_token, attend, "", share=False)
    # 2b'. "The President congratulated President X on …" in a readout whose speaker is only
    #    "The President": X is the one the President spoke with (not "in a statement").
    for m in UNNAMED_CONGRATULATED.finditer(body):
        start, end = sentences.around(m.start())
        if WRITTEN_MESSAGE.search(body[start:end]):
            continue
        k = bisect.bisect_left(starts, m.end())
        if k < len(tokens):
            _attend_list(tokens, _list_after(tokens, k), by_token, attend, "", share=False)
    # 2c. "thanked Prime Minister X for his hospitality / for hosting": the host was there.
    for m in THANKED.finditer(body):
        k = bisect.bisect_left(starts, m.end())
        listed = [x for x in (_list_after(tokens, k) if k < len(tokens) else []) if x in by_token]
        if listed and FOR_HOSTING.match(body, tokens[max(listed)].end):
            _attend_list(tokens, listed, by_token, attend, "", share=False)
    # 3. Subjects of a meeting verb: "X and Y met …", "… Adam Cohen accompanied Dr. …"; then,
    #    once the document is seen to report a meeting, subjects of a verb of speech.
    speech = []
    for k, tok in enumerate(tokens):
        if tok.cls in ("lower", "stop") and tok.low in SPEECH_VERBS:
            speech.append(k)
        had_a_meeting = tok.low in ("had", "has", "have", "holding", "holds") and any(
            t.low in ("call", "conversation", "meeting", "talks", "videoconference", "audience")
            or t.low in DISCUSSION_NOUNS
            for t in tokens[k + 1 : k + 5]
        )
        # "X paid a courtesy call on Y", "X exchanged views with Y", "X presented her
        # credentials to Y".
        had_a_meeting = had_a_meeting or (
            tok.low == "paid"
            and any(t.low in ("call", "visit") for t in tokens[k + 1 : k + 5])
            or tok.low == "exchanged"
            and k + 2 < len(tokens)
            and tokens[k + 2].low == "with"
            or tok.low == "presented"
            and any(t.low == "credentials" for t in tokens[k + 1 : k + 5])
        )
        # "X began three days of intense discussions with Y", "had detailed discussion with Z".
        had_a_meeting = had_a_meeting or (
            tok.low in ("began", "begins", "opened", "held", "had", "concluded")
            and any(
                t.low in DISCUSSION_NOUNS and tokens[x + 1].low == "with"
                for x, t in enumerate(tokens[k + 1 : k + 7], start=k + 1)
                if x + 1 < len(tokens)
            )
        )
        # "X provided an update"; not "X provided the following readout:", the document's author.
        had_a_meeting = had_a_meeting or (
            tok.low in REPORT_VERBS
            and any(t.low in REPORT_NOUNS for t in tokens[k + 1 : k + 4])
            and [t.low for t in tokens[k + 1 : k + 3]] != ["the", "following"]
        )
        # "President X stopped by (the meeting)", "dropped in on": a visit to the table.
        had_a_meeting = had_a_meeting or (
            tok.low in ("stopped", "dropped", "stops", "drops")
            and k + 1 < len(tokens)
            and tokens[k + 1].low in ("by", "in")
        )
        # "X opened the meeting", "Y closed the session with remarks", "Z kicked off the
        # convening": they ran it, so they were there.
        had_a_meeting = had_a_meeting or (
            tok.low in ("opened", "closed", "kicked", "concluded", "addressed")
            and any(t.low in SESSION_NOUNS for t in tokens[k + 1 : k + 5])
        )
        # "X and Y took part in the meeting": the verb is "took", its sense "part".
        had_a_meeting = had_a_meeting or (
            tok.low in ("took", "take", "takes")
            and k + 1 < len(tokens)
            and tokens[k + 1].low == "part"
        )
        called_for = tok.low == "called" and k + 1 < len(tokens) and tokens[k + 1].low in (
            "for", "on", "upon",
        )  # fmt: skip
        if called_for and _calls_on_someone(tokens, by_token, k):
            # "X called on Prime Minister Y today": a courtesy call, a visit; both were there.
            called_for = False
            _attend_list(tokens, _list_after(tokens, k + 2), by_token, attend, "", share=False)
        if had_a_meeting or (
            tok.cls in ("lower", "stop")
            and tok.low in MEETING_VERBS - {"meeting", "lead", "host"}
            and not called_for  # "called for their release" is no call
        ):
            # "X se reunió con …": the reflexive pronoun belongs to the verb; so do "has met" and
            # "was hosted / received / welcomed" (the guest was there; not "was presented with").
            verb_at = k - 1 if k > 0 and tokens[k - 1].low == "se" else k
            if (
                verb_at > 1
                and (
                    tokens[verb_at - 1].low in ("has", "have")
                    or tokens[verb_at - 1].low in ("was", "were")
                    and tok.low in PASSIVE_MEETING_VERBS
                    # "X is holding a meeting with Y": a meeting as it happens
                    or tokens[verb_at - 1].low in ("is", "are")
                    and tok.low == "holding"
                )
                and tokens[verb_at - 2].cls in ("name", "initial", "title", "punct")
            ):
                verb_at -= 1
            if verb_at > 0 and tokens[verb_at - 1].low == "and":
                # "… condemned the detention of X and Y and reiterated …": a second verb of the
                # sentence's subject; the names before "and" are the first verb's object.
                continue
            if _announced_verb(tokens, verb_at):
                continue  # "President X will meet Prime Minister Y on Friday": not yet
            # Subjects of one verb are often counterparts ("U.S. Coordinator X and Deputy Prime
            # Minister Y co-hosted"): one's country is not given to the other, unless the verb
            # says whom they spoke for ("… chaired the meeting for Mexico").
            side = FOR_SIDE.match(body, tok.end)
            country = _country_of_words(side.group("side")) if side else ""
            listed = _list_before(tokens, verb_at)
            _attend_list(tokens, listed, by_token, attend, country, share=False)
    if any(occ.attended for occ in occurrences):
        for k in speech:
            if k > 0 and tokens[k - 1].low == "and":
                continue  # "… of X and Y and reiterated …": the verb's subject is elsewhere
            _attend_list(tokens, _list_before(tokens, k), by_token, attend, "", share=False)
    # 3b. "The senators met with President X": the senators named before are the subject.
    for m in GROUP_SUBJECT.finditer(body):
        head = SINGULAR_OF_GROUP[m.group("group").lower()]
        for occ in occurrences:
            if occ.position < m.start() and re.search(rf"\b{head}\b", occ.title or "", re.I):
                attend(occ)
    # 4. Speakers quoted in the document (not a spokesperson, who speaks for others: "…,” the
    #    Ministry's Spokesperson X tweeted); "X, who was also in attendance".
    # (a name of no words, such as a lone initial, has no surname to match)
    spokespeople = {
        word
        for o in occurrences
        if SPOKESPERSON.search(o.title)
        for word in name_words(o.name)[-1:]
    }
    for occ in occurrences:
        after = body[tokens[occ.end - 1].end : tokens[occ.end - 1].end + 80] if occ.end > 0 else ""
        speaks_for = SPOKESPERSON.search(occ.title) or (
            spokespeople.intersection(name_words(occ.name)[-1:])
        )  # "Mr. Gibbs said …" after "White House Press Secretary, Robert Gibbs"
        if (occ.quoted and not speaks_for) or ATTENDED_AFTER.match(after):
            attend(occ)
    # 5. "X and Y were also present at the meeting": the subjects of "present".
    for m in PRESENT_AT.finditer(body):
        k = bisect.bisect_left(starts, m.start())
        _attend_list(tokens, _list_before(tokens, k), by_token, attend, "", share=False)


def _mark_counterparts(listed, by_token, occurrences, sentence_start, cue_start):
    """Those listed after "met with", "received" … are counterparts of the sentence's subject
    (its first person named before the cue; none for "The Secretary also met …")."""
    subject = next((o for o in occurrences if sentence_start <= o.position < cue_start), None)
    for idx in listed:
        occ = by_token.get(idx)
        if occ is not None and occ is not subject:
            occ.counterpart, occ.met_by = True, subject


def _give_country(occ, country=""):
    """What `_attend_list` does to someone listed for a meeting still to come: a country only."""
    if country and not occ.country:
        occ.country, occ.country_how = country, "delegation"


def _calls_on_someone(tokens, by_token, k) -> bool:
    """Whether "called on" at token k is a visit to a person ("called on Prime Minister X today")
    rather than an appeal ("called on President X to release …", "called on Congress to act")."""
    listed = _list_after(tokens, k + 2) if k + 2 < len(tokens) else []
    if not any(idx in by_token for idx in listed):
        return False
    nxt = max(idx for idx in listed if idx in by_token) + 1
    return not (nxt < len(tokens) and tokens[nxt].low in ("to", "for"))


SPOKESPERSON = re.compile(r"(?i)\bspokes(?:person|man|woman)\b|\bpress\s+secretary\b")
# "X and Y were also present at the meeting", "… was present".
PRESENT_AT = re.compile(
    r"(?<=\s)(?:was|were)\s+(?:also\s+)?(?:present\b(?!\s+(?:a|an|the|their|his|her)\b)"
    # "X and Y were also on the call", "… were in attendance", "… was in the meeting"
    r"|on\s+the\s+(?:call|line|videoconference)\b|in\s+attendance\b"
    r"|in\s+the\s+(?:meeting|room|session)\b)"
    # "X and Y are present from France" (a report as it happens; not "is present in the
    # region")
    r"|(?<=\s)(?:is|are)\s+(?:also\s+)?(?:present\s+(?:from\b|at\s+the\s+(?:meeting|talks)\b)"
    r"|in\s+attendance\b)"
)


# "X, Y and Z chaired the meeting for Mexico", "… met on behalf of Canada": the side they sat on.
FOR_SIDE = re.compile(
    # "discussed support for Ukraine", "stressed the need for accountability": what is for a
    # country there is a topic, not the side the speakers sat on.
    r"\s+(?:(?:the|a|an|this|today’s|today's)\s+)?"
    r"(?:(?!(?:support|assistance|aid|funding|backing|solidarity|help|relief|sympathy|sympathies"
    r"|condolences|concern|concerns|respect|need|needs|plans|priorities|prospects|progress"
    r"|justice|accountability|peace|security|efforts|sanctions|commitment|admiration)\b)"
    r"[\w-]+\s+){0,2}?"
    r"(?:for|on\s+behalf\s+of|representing)\s+(?:the\s+)?"
    r"(?P<side>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s*[.,;]"
)
# "…, NATO Secretary General X, who was also in attendance": a relative clause says they took part.
ATTENDED_AFTER = re.compile(
    r"\s*,?\s+who\s+(?:(?:was|were)\s+(?:also\s+)?(?:in\s+attendance|present|on\s+the\s+call)"
    r"|(?:also\s+)?(?:attended|joined|participated|took\s+part))\b",
    re.IGNORECASE,
)
# Someone else's meeting (a noun, owned) named inside a phrase about another occasion: "ahead of
# President X’s meeting with President Y", "The meeting followed President X’s bilateral meeting
# with Y" (no comma between), "Building on the President's June 29 meeting with Y"; not
# "Following the summit, X met with Y" (a verb, the readout's own meeting) nor "Following his
# meeting with X today, …".
ANOTHER_OCCASION_BEFORE = re.compile(
    r"\b(?:ahead\s+of|in\s+advance\s+of|in\s+preparation\s+for|prior\s+to|before|after"
    r"|following|follow(?:ed|s)|preced(?:ed|es|ing)|build(?:ing|s)?\s+on|built\s+on|since)"
    r"\s+(?:[^\s,;]+\s+){0,4}?"
    # "Building on the President's June 29 trilateral meeting with …": a date may stand between.
    r"[^\s,;]+[’']s\s+(?:[^\s,;]+\s+){0,3}$"
    # "ahead of her meeting with X", "before their talks with Y": a meeting still to come (not
    # "Following his meeting with X today", which may be the one reported).
    r"|\b(?:ahead\s+of|in\s+advance\s+of|in\s+preparation\s+for|prior\s+to|before)\s+"
    r"(?:his|her|their|its|my|our)\s+(?:[^\s,;]+\s+){0,3}$",
    re.IGNORECASE,
)


# "held discussions with X", "had detailed discussion with Y": talks, by another name.
DISCUSSION_NOUNS = {"discussion", "discussions", "consultations", "deliberations"}
# Cues whose object is the other side of the table: "met with X", "spoke with Y", "hosted Z".
COUNTERPART_CUE = re.compile(
    r"(?:met|meetings?|spoke|talks|call|had|held|holds|has|hosted|received|welcomed|visited"
    r"|paid|exchanged|audience|greeted"
    r"|ministerial|trilateral|bilateral|dialogue|called|phoned|telephoned|took)\b"
)
# "joined President X's meeting with Y": the owner of the meeting joined was at it.
JOINED_MEETING = re.compile(
    r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:meeting|call|talks|conversation|session|discussion"
    r"|roundtable|dinner|lunch|videoconference)s?\b"
)
# "The President congratulated President X on his inauguration": the unnamed speaker of a
# readout and the one congratulated.
UNNAMED_CONGRATULATED = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*The\s+(?:President|Vice\s+President|Prime\s+Minister"
    r"|Chancellor|Secretary)\s+(?:(?:also|today|warmly|personally)\s+)*congratulated\s+"
)
WRITTEN_MESSAGE = re.compile(
    r"\b(?:statement|letter|message|post|tweet|note|telegram|cable)\b", re.IGNORECASE
)
# A month without a day ("met in March", "in early June"): another time than the day reported.
_ENGLISH_MONTH = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
MONTH_ONLY = re.compile(rf"\bin\s+(?:early\s+|mid-|late\s+)?(?:{_ENGLISH_MONTH})\b(?!\s*\d)")


# A cue of a meeting still to come: "she will hold talks with", "will also meet with".
# "X and Y will be joined by Z": Z is still to come.
FUTURE_BEFORE_CUE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to)\s+(?:also\s+)?(?:hold\s+|be\s+)?$"
)


# The event around a bilateral meeting: "on the margins of the G20 Summit", "on the sidelines of".
ON_THE_MARGINS = re.compile(
    r"\b(?:margins?|sidelines?)\s+of\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,6}$", re.IGNORECASE
)


# Legislators named earlier, then the subject of a meeting verb as a group: "In Lebanon, the
# senators met with President X" (a congressional delegation's report).
GROUP_SUBJECT = re.compile(
    r"\b[Tt]he\s+(?P<group>senators|representatives|congressmen|congresswomen|lawmakers)\s+"
    r"(?:also\s+|then\s+)?(?:met|visited|spoke|held|traveled|travelled)\b"
)
SINGULAR_OF_GROUP = {
    "senators": "senator",
    "representatives": "representative",
    "congressmen": "(?:congressman|representative)",
    "congresswomen": "(?:congresswoman|representative)",
    "lawmakers": "(?:senator|representative|congressman|congresswoman)",
}


# A clause about an earlier meeting, its subject right before the verb: "after President X met",
# "since Prime Minister Y spoke".
EARLIER_CLAUSE = re.compile(
    r"\b(?:after|since)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,5}(?:and\s+(?:[A-Z][\w.’'-]*\s+){1,5})?$"
)


ON_BEHALF_OF = re.compile(
    r"\b(?:on\s+behalf\s+of|in\s+the\s+name\s+of|en\s+nombre\s+de|en\s+representaci[oó]n\s+de)"
    r"\s+(?:the\s+|el\s+|la\s+)?(?:[\w.’']+\s+){0,3}$",
    re.IGNORECASE,
)
# The day of the meeting a readout reports: "spoke today", "met yesterday evening", "Earlier today".
NOW_ANCHOR = re.compile(
    r"\b(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening)"
    # "Earlier in the day, X met …", "later that day": the day the readout reports.
    r"|(?:earlier|later)\s+in\s+the\s+day)\b(?![’']s)",
    re.IGNORECASE,
)


# A meeting still to come: "the Summit hosted by President X in Washington next month".
FUTURE_CUES = re.compile(
    r"\b(?:next|later\s+this)\s+(?:week|month|year|spring|summer|fall|autumn|winter|monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\bin\s+the\s+(?:coming|next)\s+(?:days|weeks|months)\b",
    re.IGNORECASE,
)


SAME_DAY = re.compile(r"\b(?:on\s+)?(?:that|the\s+same|that\s+same)\s+day\b", re.IGNORECASE)
# "on April 11", "on 11 April 2022": a calendar day named in a sentence.
ON_CALENDAR_DAY = re.compile(
    rf"\bon\s+(?:(?P<m1>{_ENGLISH_MONTH})\s+(?P<d1>\d{{1,2}})\b"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_ENGLISH_MONTH})\b)"
)


def _dated_otherwise(sentence: str, lead: str) -> bool:
    """A later sentence dated on a calendar day ("… held the dialogue on April 11") in a
    document whose lead sentence dates its meeting by a day word ("on Thursday", "today") and
    names no calendar day: the later sentence is about another meeting."""
    day = ON_CALENDAR_DAY.search(sentence)
    if not day or NOW_ANCHOR.search(sentence) or ON_CALENDAR_DAY.search(lead):
        return False
    return bool(LEAD_DAY_WORD.search(lead))


LEAD_DAY_WORD = re.compile(
    r"\b(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening)|on\s+(?:Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)


# A sentence that looks back on an earlier meeting or ahead to a visit, without dating it:
# "The leaders recalled their meeting at the Summit, where X also met with Y", "reviewed the
# outcomes of the meeting X held with Y", "discussed the upcoming visit of President X". The lead
# sentence is never read so: it reports the readout's own meeting.
RECALLED = re.compile(
    r"\brecall(?:ed|ing)\s+(?:the(?:ir)?\s+|his\s+|her\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:meeting|meetings|visit|visits|call|calls|conversation|talks|summit|trip)\b"
    r"|\boutcomes?\s+of\s+(?:the(?:ir)?\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:meeting|visit|call|summit|trip|talks)\b"
    r"|\b(?:upcoming|forthcoming|planned)\s+(?:[\w’'-]+\s+){0,2}?(?:visit|trip|travel)\b"
    # "discussed the upcoming Summit hosted by President X"
    r"|\b(?:upcoming|forthcoming)\s+(?:[\w’'-]+\s+){0,3}?(?:summit|meeting|conference)\s+"
    r"(?:(?:co-)?hosted|chaired|convened)\s+by\b",
    re.IGNORECASE,
)


# "X will meet …", "X will also host …", "X is scheduled to meet …": a meeting announced, which
# nobody has attended yet.
FUTURE_MODALS = {"will", "would", "shall"}
FUTURE_TO = {"scheduled", "set", "expected", "plans", "plan", "planning", "due", "slated", "going"}
FUTURE_ADVERBS = {"also", "then", "soon", "again", "later", "next", "separately"}


def _announced_verb(tokens, k: int) -> bool:
    j = k - 1
    if j >= 0 and tokens[j].low == "be":
        j -= 1  # "X will be joined by Y", "Z will be sworn in"
    if j >= 0 and tokens[j].low in FUTURE_ADVERBS:
        j -= 1
    if j < 0:
        return False
    if tokens[j].low in FUTURE_MODALS:
        return True
    return tokens[j].low == "to" and j > 0 and tokens[j - 1].low in FUTURE_TO


def _about_another_time(sentence: str) -> bool:
    """A sentence about another meeting ("the previous meeting", "held in 2023", "hosted by X
    next month"), unless it dates its own verb today or yesterday: "spoke yesterday with X to
    congratulate him on his victory in the elections earlier this week" reports the call; the
    week is the election's."""
    sentence = DATED_TEXT.sub(" ", sentence)
    other = PAST_CUES.search(sentence) or FUTURE_CUES.search(sentence)
    return bool(other) and not NOW_ANCHOR.search(sentence)


# A law or a text dated in passing ("spoke about the Act she introduced last year", "the CHIPS
# and Science Act, signed in 2022"): the date is the text's, not the meeting's.
DATED_TEXT = re.compile(
    r"\b(?:signed|passed|enacted|introduced|adopted|released|published)(?:\s+into\s+law)?\s+"
    r"(?:in\s+(?:19|20)\d\d|last\s+(?:week|month|year))\b",
    re.IGNORECASE,
)


# "Participants:", "U.S. Delegation:", "The Mexican delegation included:" alone on a line, then a
# list: everyone in the list took part.
LIST_HEADING = re.compile(
    r"^\s*(?:(?:the\s+)?(?P<adj>[A-Z][\w.’']*\s+)?(?:participants|attendees|speakers"
    r"|delegation(?: members)?|members of the delegation|participantes|delegaci[oó]n)"
    r"(?:\s+(?:included|include|were|are|incluy[oó]))?"
    # "State legislative leaders included:", "Leaders taking part were:": a list of who was there.
    r"|(?:[\w’'-]+\s+){1,6}?(?:included|include|were)"
    # "The following state legislators delivered remarks as part of the convening:"
    r"|the\s+following\s+(?:[\w’'-]+\s+){0,4}?(?:delivered|gave|spoke|participated|joined"
    r"|attended|took\s+part)\b[^:]{0,80}"
    # "From the Administration:", "For Mexico:": a side of the table, its people listed under it.
    r"|(?:from|for|por)\s+(?:the\s+|el\s+|la\s+)?(?P<side>(?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])[\w.’'-]*){0,3}))"
    r"\s*:\s*$"
    # "Meeting Participants", "Administration Participants" alone on a line, no colon.
    r"|^\s*(?P<adj3>(?:[\w’'-]+\s+){0,3}?)(?:participants|attendees)\s*$",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(r"^\s*(?:[•·▪◦●‣∙*+-]|\d{1,2}[.)])\s*")


def _mark_participant_lists(body, occurrences):
    """Everyone in the list under a "Participants:" heading attended (with the heading's
    country when it names one: "U.S. Delegation:")."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", body)]
    for n, (start, end) in enumerate(paragraphs):
        heading = LIST_HEADING.match(body[start:end])
        if not heading:
            if not LIST_ITEM.match(body[start:end]) and _a_roster_follows(
                body, paragraphs[n + 1 :], occurrences
            ):
                heading = re.match("", "")  # a roster needs no heading
            else:
                continue
        groups = heading.groupdict()
        country = _country_of_words(groups.get("adj") or groups.get("side") or "")
        # "Administration Participants:", "From the Government of X:": all of them officials.
        officials_only = bool(country) or _names_a_government(heading.group())
        items = _list_items(body, paragraphs[n + 1 :])
        list_end = items[-1][1] if items else start
        # An item names one person, first ("X, Executive Director, White House Initiative on
        # Asian Americans and Pacific Islanders"): later capitals are their office's words,
        # unless a title of their own makes them a second person.
        listed = set()
        for item_start, item_end in items:
            inside = sorted(
                (o for o in occurrences if item_start <= o.position < item_end),
                key=lambda o: o.position,
            )
            listed |= {
                id(o)
                for n_, o in enumerate(inside)
                if (n_ == 0 and _opens_the_item(body, item_start, o)) or o.title or o.honorific
            }
        for occ in occurrences:
            if id(occ) not in listed:
                continue
            if end <= occ.position < list_end and officials_only:
                occ.private = False
            if end <= occ.position < list_end and not occ.possessive:
                occ.attended = True
                if country and not occ.country:
                    occ.country, occ.country_how = country, "delegation"


_BULLET_LINE = re.compile(r"\n(?=[ \t]*(?:[•·▪◦●‣∙*+-]|\d{1,2}[.)])\s)")


def _list_items(body, paragraphs):
    """The items of the list that opens `paragraphs`: one per bullet, whether blank lines part
    them or not ("- A, Mayor\n- B, Governor")."""
    items = []
    for start, end in paragraphs:
        if not LIST_ITEM.match(body[start:end]):
            break
        cuts = [start] + [m.end() for m in _BULLET_LINE.finditer(body, start, end)] + [end + 1]
        items += [(a, b - 1) for a, b in zip(cuts, cuts[1:], strict=False)]
    return items


def _opens_the_item(body, item_start, occ):
    """Whether a list item opens with this name (after its bullet and any honorific): not the
    capitals of an office or a body later in the item ("…, Machinists and Aerospace Workers")."""
    gap = body[item_start : occ.position]
    gap = gap[LIST_ITEM.match(gap).end() if LIST_ITEM.match(gap) else 0 :]
    return "," not in gap and not re.search(r"\b[a-z]", gap)


def _a_roster_follows(body, paragraphs, occurrences):
    """A readout's bulleted list of three or more people, each item opening with a name and its
    office or body after a comma ("- X, Chair of the Federal Trade Commission"), is the roster of
    who took part, heading or none."""
    items = total = 0
    for item_start, item_end in _list_items(body, paragraphs):
        first = min(
            (o for o in occurrences if item_start <= o.position < item_end),
            key=lambda o: o.position,
            default=None,
        )
        total += 1
        if first is None or not _opens_the_item(body, item_start, first):
            continue  # a name the reader could not make out
        if not re.match(r"\s*(?:\([^()\n]{1,20}\)\s*)?,", body[first.end_at : first.end_at + 40]):
            return False
        items += 1
    return items >= 3 and items * 4 >= total * 3


DESTINATION_TO = re.compile(
    r"\b(?:delegation|trip|visit|travel(?:l?ed)?|traveling|travelling|mission|went|flew)\s+to\s+"
    r"(?:the\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})"
    # A trip readout's paragraphs open with where they happened: "In Equatorial Guinea, Mr. X met
    # with President Y", "While in Mauritania, …".
    r"|^\s*(?:While\s+)?[Ii]n\s+(?:the\s+)?(?P<opening>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}),"
    # "Mr. X visited Buenos Aires and met with …"
    r"|\bvisit(?:ed|s|ing)\s+(?:the\s+)?(?P<visited>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})"
)
_CITY_COUNTRY = {_norm(k): v for k, v in lexicon.CITIES.items()}


def _destination_country(text: str) -> str:
    """The country a delegation went to, from 'delegation to Panama City' or 'trip to Mexico'."""
    for m in DESTINATION_TO.finditer(text):
        words = (m.group("place") or m.group("opening") or m.group("visited")).split()
        for n in range(len(words), 0, -1):
            key = _norm(" ".join(words[:n]))
            if key in _CITY_COUNTRY:
                return _CITY_COUNTRY[key]
            if key in COUNTRY_WORDS:
                return COUNTRY_WORDS[key]
    return ""


def _attend_list(tokens, indexes, by_token, attend, country, hosts_only=False, share=True):
    """Everyone named in one list attended. Those the list gives no country take the one country
    the list names ("met with Mexican President X and Foreign Secretary Y": Y is Mexican too).
    `hosts_only`: `country` is the host's, given only to those whose title is a plain national
    one (an ambassador met there is usually the visitor's own)."""
    people = list({id(by_token[i]): by_token[i] for i in sorted(indexes) if i in by_token}.values())
    if not people:
        return
    if hosts_only and country:
        for occ in people:
            host = occ.title and _is_plain_national_title(occ.title)
            if host and not re.search(r"(?i)ambassador|embassy|charg|consul", occ.title):
                attend(occ, country)
        country = ""
    # (token index, country) of each country the list names.
    sources = [(occ.start, occ.country) for occ in people if occ.country_how == "title"]
    sources += [
        (idx, tokens[idx].country)
        for idx in indexes
        if tokens[idx].country
        and tokens[idx].cls == "country"
        and not (idx > 0 and tokens[idx - 1].low == "to")
    ]
    named = {code for _, code in sources} - {""}
    for occ in people:
        # The list's one country goes forward, never back: in "co-chaired by Assistant Secretary
        # X and Deputy Minister Y of Canada", Canada is Y's, not X's.
        ahead = any(at < occ.start and code for at, code in sources)
        shared = next(iter(named)) if len(named) == 1 and share and ahead else ""
        attend(occ, country or shared)


@dataclass
class _Person:
    occurrences: list = field(default_factory=list)

    @property
    def best_name(self):
        best = self.occurrences[0].name
        for occ in self.occurrences[1:]:
            best = fuller_name(best, occ.name)
        return best

    @property
    def country(self):
        for how in ("title", "delegation"):
            for occ in self.occurrences:
                if occ.country and occ.country_how == how:
                    return occ.country
        return ""


# A cleric's style before the name ("Archbishop X", "Rabbi Y", "Reverend Z"): a religious
# leader at the table is a private participant, not an official (the Pope, head of a state, is
# a title of the lexicon, not one of these).
PRIVATE_OCCUPATIONS = _normset(lexicon.PRIVATE_OCCUPATIONS)
CLERICAL_STYLES = {
    "archbishop", "bishop", "cardinal", "reverend", "rev", "rabbi", "imam", "pastor",
    "patriarch", "metropolitan", "monsignor", "cantor", "mufti", "sheikh-ul-islam",
}  # fmt: skip


def _is_official(person, gazetteer) -> bool:
    """A person named only with an honorific, never a title, who neither took part nor spoke
    ("the release of Ms. Loujain al-Hathloul"), is someone the text is about, not an official
    (unless the gazetteer of officials knows them)."""
    if all(
        # "Majority Leader Cantor": a family name alone is no style
        (o.name.split() or [""])[0].lower().strip(".") in CLERICAL_STYLES
        and len(o.name.split()) > 1
        or (o.title.split() or [""])[0].lower().strip(".") in CLERICAL_STYLES
        for o in person.occurrences
    ):
        return False  # "met with Archbishop X": a religious leader
    if all(
        len(o.name.split()) > 1 and o.name.split()[0].lower() in PRIVATE_OCCUPATIONS
        for o in person.occurrences
    ):
        return False  # "the Official Photographer X": an occupation, no office
    if any(o.private for o in person.occurrences) and not any(
        o.title and not o.private and _names_a_government(o.title) for o in person.occurrences
    ):
        return False  # a private participant: "Marc Morial, President, National Urban League"
    if any(
        o.title
        # "Participants highlighted …": one capitalised word opening a sentence names no one.
        or (o.attended and not (o.only_listed and o.how == "quote attribution"))
        or o.quoted
        or o.country
        or o.how == "affiliation"
        for o in person.occurrences
    ):
        return True
    if all(o.only_listed for o in person.occurrences):
        return bool(gazetteer) and gazetteer.lookup(person.best_name) is not None
    if not all(o.honorific for o in person.occurrences):
        return True  # found by where the name stands ("met with Xi Jinping"): kept
    return bool(gazetteer) and gazetteer.lookup(person.best_name) is not None


# A spouse's courtesy title: "President Biden" is not "First Lady Jill Biden", though they share a
# family name.
SPOUSE_TITLE = re.compile(r"\b(?:first|second)\s+(?:lady|gentleman)\b", re.IGNORECASE)


def _spouses(occ, person) -> bool:
    """An occurrence and a person of one family name whose titles say one is the other's spouse."""
    titles = [o.title for o in person.occurrences if o.title]
    if not occ.title or not titles:
        return False
    spouse = bool(SPOUSE_TITLE.search(occ.title))
    return any(bool(SPOUSE_TITLE.search(title)) != spouse for title in titles)


def _merge(occurrences):
    """Group one document's occurrences by person, fullest forms first so that a surname-only
    form joins the one person it fits (or stays alone when two fit)."""
    people: list[_Person] = []
    by_word: dict[str, list[_Person]] = {}  # only people sharing a name word can be the same
    order = sorted(
        occurrences, key=lambda o: (-fullness(o.name)[0], -fullness(o.name)[1], o.position)
    )
    for occ in order:
        fits = []
        words = name_words(occ.name)
        words += [part for w in words if "-" in w for part in w.split("-")[:1]]  # "Osmani-Sadriu"
        candidates = {id(p): p for w in words for p in by_word.get(w, [])}.values()
        for person in candidates:
            score = name_score(occ.name, person.best_name)
            if not score:
                continue
            explicit = person.country
            if occ.country and explicit and occ.country != explicit:
                continue
            if _spouses(occ, person):
                continue
            fits.append((score, person))
        if fits:
            best = max(s for s, _ in fits)
            top = [p for s, p in fits if s == best]
            if len(top) > 1 and occ.title:
                # "Prime Minister Abe" after "Prime Minister Shinzo Abe" and "Mrs. Akie Abe": the
                # one who holds the title the short form is written with.
                same = [
                    p
                    for p in top
                    if any(o.title.lower() == occ.title.lower() for o in p.occurrences if o.title)
                ]
                top = same if len(same) == 1 else top
            if len(top) == 1:
                top[0].occurrences.append(occ)
                continue
        person = _Person([occ])
        people.append(person)
        for w in words:
            by_word.setdefault(w, []).append(person)
    people.sort(key=lambda p: min(o.position for o in p.occurrences))
    return people


def _to_mention(person, gazetteer, publisher_country, body=""):
    occs = sorted(person.occurrences, key=lambda o: o.position)
    name = person.best_name
    titles = list(dict.fromkeys(o.title for o in occs if o.title))
    # "Amir Sheikh Tamim …", then "Sheikh Tamim": the office, not the style, however short.
    titles = [t for t in titles if t.lower() not in ("sheikh", "sheikha")] or titles
    title = max(titles, key=len) if titles else ""
    country = person.country
    country_how = next((o.country_how for o in occs if o.country == country and o.country_how), "")
    entry = gazetteer.lookup(name, country) if gazetteer else None
    if not country and entry is not None:
        country, country_how = entry.country, "gazetteer"
    if (
        not country
        and publisher_country
        and title
        and _is_plain_national_title(title)
        and _title_in_government(title, publisher_country)
        and publisher_country not in _visits(occs, body)
        and not title.endswith("leader")  # "opposition leader X": of no government
    ):
        country, country_how = publisher_country, "publisher"
    if not country and publisher_country and not title and "affiliation" in (o.how for o in occs):
        # "Zachary Liscow, Office of Management and Budget": a body no country is named for is
        # the publisher's government's.
        country, country_how = publisher_country, "publisher"
    hows = [o.how for o in occs]
    how = next(
        (
            h
            for h in ("title", "delegation list", "apposition", "quote attribution", "context")
            if h in hows
        ),
        hows[0],
    )
    return FoundOfficial(
        name=name,
        title=title,
        country=country,
        attended=any(o.attended for o in occs),
        counterpart=any(o.counterpart for o in occs),
        position=occs[0].position,
        how_found=how,
        variants=list(dict.fromkeys(o.name for o in occs)),
        titles=titles,
        country_how=country_how,
    )


# "President X’s upcoming State Visit to the United States", "X’s trip to Canada".
VISIT_TO = re.compile(
    r"[’']s\s+(?:[\w-]+\s+){0,3}?(?i:visit|trip|travel|journey)\s+to\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})"
)


def _visits(occs, body):
    """Countries a person's own visit goes to: a visitor to a country is not its official."""
    found = set()
    for occ in occs:
        if not occ.possessive or not body:
            continue
        m = VISIT_TO.match(body, occ.end_at) if occ.end_at >= 0 else None
        if m:
            found.add(_destination_country(f"visit to {m.group('place')}"))
    return found - {""}


def _title_in_government(title: str, country: str) -> bool:
    """Whether a country's government has such a title (lexicon.GOVERNMENT_TITLES): the U.S.
    has no Prime Minister, so "Prime Minister Kishida" of a White House readout is not American."""
    known = lexicon.GOVERNMENT_TITLES.get(country)
    if not known:
        return True
    folded = " ".join(re.findall(r"[\w’'-]+", _norm(title)))
    return not any(re.search(rf"\b{re.escape(_norm(foreign))}\b", folded) for foreign in known)


def _is_plain_national_title(title: str) -> bool:
    """'Security Secretary', 'President', 'Attorney General': a title with no country in it."""
    words = {_norm(w) for w in re.findall(r"[\w\.’']+", title)}
    if any(w in COUNTRY_WORDS for w in words):
        return False
    return bool(words & TITLE_CORE) or bool(words & OFFICE_ABBREVIATIONS)


def officials_in_title(title: str, known, *, publisher_country: str = "", gazetteer=None):
    """People a document's title names ("Joint Statement by President Biden and President von der
    Leyen …") that its body does not: signatories, only mentioned; in a readout of a meeting or
    a call, the people it met. Position 0, before the body."""
    found = []
    title = latin_lookalikes(title)
    known_words = {w for other in known for seen in _forms(other) for w in name_words(seen)}
    reports_meeting = bool(_TITLE_REPORTS_MEETING.search(_norm(title)))
    for mention in find_officials(title, publisher_country=publisher_country, gazetteer=gazetteer):
        forms = _forms(mention)
        same = [
            other
            for other in known
            if any(name_score(form, seen) for seen in _forms(other) for form in forms)
        ]
        for other in same:
            # "Readout of the President's Call with Prime Minister X of Turkey", a body that
            # says only "Prime Minister X": the title's "of Turkey" is X's country, over one
            # only guessed from the document or its publisher.
            if (
                mention.country
                and mention.country_how == "title"
                and other.country_how in ("", "document", "publisher")
                and (mention.title or "").lower() == (other.title or "").lower()
            ):
                other.country, other.country_how = mention.country, "title"
        if same:
            continue
        if {w for form in forms for w in name_words(form)} & known_words:
            continue  # "King Salman" of a body that names "King Salman bin Abdulaziz al-Saud"
        if not (mention.title or mention.country):
            continue  # a title line names people by title or country: "President Biden"
        author = AUTHOR_IN_TITLE.match(title)
        by_author = author is not None and mention.name in author.group("author")
        mention.attended = reports_meeting and not by_author
        mention.position, mention.how_found = 0, "document title"
        found.append(mention)
    return found


def officials_attributed(who: str, known, *, publisher_country: str = "", gazetteer=None):
    """The person a header line attributes the document to ("The below is attributable to
    Spokesperson X:", "As stated by Principal Deputy Spokesperson Y:"), when the body does not
    name them: the document's voice, only mentioned, of the publisher's country."""
    found = []
    known_words = {w for other in known for seen in _forms(other) for w in name_words(seen)}
    for mention in find_officials(who, publisher_country=publisher_country, gazetteer=gazetteer):
        forms = _forms(mention)
        if {w for form in forms for w in name_words(form)} & known_words:
            continue
        if not mention.title:
            continue
        mention.attended = False
        mention.country = mention.country or publisher_country
        mention.position, mention.how_found = 0, "attribution line"
        found.append(mention)
    return found


# Cyrillic letters that look Latin, as they slip into names ("Niinistӧ" with a Cyrillic ӧ).
_LOOKALIKES = str.maketrans("аеорсухіјѕӧӓАВЕКМНОРСТХІЈЅ", "aeopcyxijsöäABEKMHOPCTXIJS")


def latin_lookalikes(text: str) -> str:
    """Words written in Latin letters with a Cyrillic look-alike or two, in Latin letters only."""

    def fix(m):
        word = m.group()
        latin = sum("a" <= c.lower() <= "z" for c in word)
        return word.translate(_LOOKALIKES) if latin >= len(word) / 2 else word

    return re.sub(r"\w+", fix, text)


# "Readout from NSC Spokesperson X on …", "Statement by Y Welcoming …": the voice of the document,
# not a participant in what it reports.
AUTHOR_IN_TITLE = re.compile(
    r"^\s*(?:joint\s+)?(?:readout|statement|remarks|press\s+statement)\s+(?:from|by)\s+"
    r"(?P<author>.+?)\s+(?:on|of|welcoming|regarding|about|announcing|following|after|at|in)\s",
    re.IGNORECASE,
)
# "Readout of … Meeting with Xavier Chatel of France …": the people a readout's title says met.
_TITLE_REPORTS_MEETING = re.compile(
    r"\breadout\b.*\b(?:meeting|meets|met|call|calls|conversation|visit|talks|travel|trip)\b"
)


def _forms(mention):
    return [mention.name, *getattr(mention, "variants", [])]
