"""A deterministic corpus of realistic bilateral statements, at any size.

`corpus(size, seed)` yields one `Extraction` per statement: the document and everything the
extraction steps would have found in it (officials with titles as written, the meeting it
reports, commitments and quotes at their real offsets in the body, topics). The bulk importer
(`statements.ingest.bulk`) saves them exactly as the per-document importer saves a real file.

Statement `i` depends only on the seed and `i`, never on the size: the 10k corpus is the first
10k statements of the 100k one, and any statement can be rebuilt alone (`statement(i, seed)`).

`python bench/generate.py --size 1000 --out DIR` writes the corpus as text files with front
matter, the shape `manage.py import_statements` reads, to time the full per-document path.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from statements.ingest.types import Document, MeetingFound, OfficialMention  # noqa: E402

# What the benchmark's query mix searches for; the generator guarantees how often each appears.
RARE_WORDS = ("huitlacoche", "axolotl", "cenote", "palimpsest", "bioluminescent", "quetzal")
# Each rare word is in one statement of every 2,000 (50 in 100k), at fixed, spread offsets.
RARE_EVERY = 2000
RARE_OFFSETS = tuple(17 + 331 * k for k in range(len(RARE_WORDS)))
COMMON_WORD = "migration"  # in about 70% of statements
PHRASE = "arms trafficking"  # in about 20%
FAMOUS_OFFICIAL = "Andrés Manuel López Obrador"  # about 3%, typed "Lopez Obrador"

FIRST_DATE = date(2005, 1, 1)
LAST_DATE = date(2024, 12, 31)

# --- Pools ---------------------------------------------------------------------------------


def _words(text):
    return tuple(text.split())


SPANISH_FIRST = _words(
    "José María Andrés Sebastián Ramón Inés Verónica Raúl Ángel Héctor Jesús Julián Mónica "
    "Lucía Martín Adrián Iván Óscar Tomás Nicolás Joaquín Rubén Germán Agustín Efraín Elías "
    "Fabián Noé Sofía Carlos Juan Luis Alicia Rosa Marcelo Claudia Alejandro Roberto Ernesto "
    "Gabriela Patricia Fernanda Diego Eduardo Francisco Ricardo Alberto Jorge Miguel Ana Laura "
    "Teresa Guadalupe Beatriz Leticia Rocío Araceli Olga Norma Marcela Ximena Itzel Citlali "
    "Álvaro Ignacio Gerardo Arturo Salvador Emilio Rodrigo Santiago Mauricio Enrique"
)
SPANISH_LAST = _words(
    "López Rodríguez Martínez González Hernández Pérez Sánchez Ramírez Gómez Díaz Vázquez "
    "Jiménez Gutiérrez Núñez Muñoz Álvarez Ibáñez Cortés Velázquez Domínguez Márquez Suárez "
    "Méndez Peña Ordóñez Beltrán Durán Galván Guzmán Bárcena Obrador Ebrard Ibarra Casaubón "
    "Sheinbaum Pardo Castro Morales Ruiz Torres Flores Rivera Ortiz Reyes Cruz Mendoza Aguilar "
    "Herrera Medina Vargas Romero Delgado Navarro Salazar Cervantes Fuentes Luna Villarreal "
    "Zúñiga Solís Treviño Garza Quiñones Nieto Arámbula Rendón Saldaña Xóchitl Tapia Landín"
)
ENGLISH_FIRST = _words(
    "John Elizabeth Michael Sarah David Jennifer Robert Lisa James Karen William Susan Thomas "
    "Emily Daniel Rachel Mark Laura Brian Anne Kevin Megan Christopher Katherine Matthew "
    "Rebecca Antony Alejandro Merrick Kristie Rich Liz Denis Janet Gina Samantha Avril Jake "
    "Jeffrey Amy Victoria Wendy Brendan Chloé Renée Zoë André"
)
ENGLISH_LAST = _words(
    "Smith Johnson Williams Brown Miller Davis Wilson Anderson Taylor Moore Martin Thompson "
    "White Harris Clark Lewis Walker Hall Young King Wright Scott Green Baker Adams Nelson Hill "
    "Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart "
    "Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox "
    "Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders Myers Long Ross Foster "
    "O'Brien Sherwood-Randall Monaco Canegallo Verma Blinken Mayorkas Garland Salazar Nuland "
    "Brainard Raimondo Yellen Nichols Sullivan Haines Dodd Trudeau Joly Lebrón Côté Gagné"
)
MIDDLE_INITIALS = _words("A. B. C. D. E. F. G. J. K. L. M. N. O. R. S. T. W.")

TITLES = {
    "US": [
        "Secretary of State",
        "Secretary of Homeland Security",
        "Attorney General",
        "Homeland Security Advisor",
        "Deputy Secretary of State",
        "National Security Advisor",
        "Ambassador to Mexico",
        "Deputy Attorney General",
        "Assistant Secretary of State for Western Hemisphere Affairs",
        "Administrator of the Drug Enforcement Administration",
        "Secretary of the Treasury",
        "Secretary of Commerce",
        "Special Presidential Advisor for the Americas",
        "Deputy Secretary of Homeland Security",
        "Director of National Drug Control Policy",
        "Commissioner of U.S. Customs and Border Protection",
    ],
    "MX": [
        "Secretary of Foreign Affairs",
        "Security Secretary",
        "Secretary of National Defense",
        "Secretary of the Navy",
        "Attorney General",
        "Undersecretary for North America",
        "Ambassador of Mexico to the United States",
        "Commissioner of the National Migration Institute",
        "Secretary of Finance",
        "Secretary of Economy",
        "Secretary of Health",
        "Governor of Chihuahua",
        "Governor of Baja California",
        "Chief of Staff",
    ],
    "CA": ["Minister of Foreign Affairs", "Minister of Public Safety", "Ambassador to Mexico"],
    "GT": ["Minister of Foreign Affairs", "Minister of the Interior"],
    "HN": ["Minister of Foreign Affairs", "Minister of Security"],
    "SV": ["Minister of Foreign Affairs", "Minister of Justice and Public Security"],
    "CO": ["Minister of Foreign Affairs", "Minister of Defense"],
}
COUNTRY_WEIGHTS = {"US": 40, "MX": 40, "CA": 6, "GT": 4, "HN": 4, "SV": 3, "CO": 3}
COUNTRY_NAMES = {
    "US": "the United States",
    "MX": "Mexico",
    "CA": "Canada",
    "GT": "Guatemala",
    "HN": "Honduras",
    "SV": "El Salvador",
    "CO": "Colombia",
}
COUNTRY_ADJECTIVES = {
    "US": "U.S.",
    "MX": "Mexican",
    "CA": "Canadian",
    "GT": "Guatemalan",
    "HN": "Honduran",
    "SV": "Salvadoran",
    "CO": "Colombian",
}
FAMOUS = (
    (FAMOUS_OFFICIAL, "MX", "President", 2.5),
    ("Joseph R. Biden", "US", "President", 2.5),
    ("Alicia Bárcena Ibarra", "MX", "Secretary of Foreign Affairs", 1.5),
    ("Elizabeth Sherwood-Randall", "US", "Homeland Security Advisor", 1.5),
    ("Rosa Icela Rodríguez", "MX", "Security Secretary", 1.5),
    ("Marcelo Ebrard Casaubón", "MX", "Secretary of Foreign Affairs", 1.5),
    ("Antony J. Blinken", "US", "Secretary of State", 1.5),
    ("Alejandro N. Mayorkas", "US", "Secretary of Homeland Security", 1.5),
    ("Claudia Sheinbaum Pardo", "MX", "President", 1.5),
    ("Merrick B. Garland", "US", "Attorney General", 1.5),
)
POOL_SIZE = 3000

# (publisher, country, weight, kinds it publishes with weights, url host)
PUBLISHERS = (
    (
        "The White House",
        "US",
        24,
        {"readout": 5, "joint_statement": 3, "statement": 2},
        "whitehouse.gov",
    ),
    (
        "U.S. Department of State",
        "US",
        18,
        {"readout": 4, "remarks": 2, "statement": 3},
        "state.gov",
    ),
    ("U.S. Embassy in Mexico", "US", 10, {"statement": 3, "readout": 2}, "mx.usembassy.gov"),
    ("U.S. Department of Homeland Security", "US", 8, {"readout": 3, "statement": 2}, "dhs.gov"),
    ("U.S. Department of Justice", "US", 5, {"statement": 3, "remarks": 1}, "justice.gov"),
    ("Government of Mexico", "MX", 14, {"communique": 4, "statement": 2}, "gob.mx"),
    (
        "Secretaría de Relaciones Exteriores",
        "MX",
        10,
        {"communique": 4, "joint_statement": 1},
        "gob.mx/sre",
    ),
    ("Presidencia de la República", "MX", 6, {"communique": 3, "remarks": 1}, "gob.mx/presidencia"),
    (
        "Global Affairs Canada",
        "CA",
        3,
        {"statement": 2, "joint_statement": 1},
        "international.gc.ca",
    ),
    ("Government of Guatemala", "GT", 1, {"communique": 1}, "minex.gob.gt"),
    ("Government of Honduras", "HN", 1, {"communique": 1}, "sreci.gob.hn"),
)

# slug, name, weight (share of statements), words and phrases that statements on it use.
TOPICS = (
    (
        "migration",
        "Migration",
        70,
        ["regular migration", "migration flows", "irregular migration", "migrants"],
    ),
    (
        "fentanyl-synthetic-drugs",
        "Fentanyl",
        35,
        ["illicit fentanyl", "fentanyl precursors", "synthetic opioids"],
    ),
    (
        "arms-trafficking",
        "Arms trafficking",
        20,
        ["arms trafficking", "firearms trafficking", "illegal weapons"],
    ),
    (
        "border-infrastructure",
        "Border infrastructure",
        18,
        ["ports of entry", "border infrastructure", "border crossings"],
    ),
    (
        "security-cooperation",
        "Security cooperation",
        40,
        ["security cooperation", "law enforcement", "intelligence sharing"],
    ),
    ("trade-economy", "Trade", 20, ["bilateral trade", "supply chains", "the USMCA"]),
    ("climate-energy", "Energy", 8, ["energy security", "clean energy", "electricity markets"]),
    ("climate-energy", "Climate", 8, ["climate change", "emissions", "renewable energy"]),
    (
        "public-health",
        "Public health",
        12,
        ["public health", "addiction treatment", "harm reduction"],
    ),
    (
        "human-trafficking",
        "Human trafficking",
        10,
        ["human trafficking", "human smuggling", "smuggling networks"],
    ),
    (
        "labor-mobility",
        "Labor mobility",
        8,
        ["temporary work visas", "labor pathways", "seasonal workers"],
    ),
    (
        "remittances",
        "Remittances",
        4,
        ["remittances", "the cost of remittances", "financial inclusion"],
    ),
    ("water", "Water", 3, ["the 1944 Water Treaty", "water deliveries", "the Rio Grande"]),
    ("extradition", "Extradition", 6, ["extraditions", "fugitives", "judicial cooperation"]),
    (
        "illicit-finance",
        "Money laundering",
        8,
        ["money laundering", "illicit finance", "financial intelligence"],
    ),
    (
        "cybersecurity",
        "Cybersecurity",
        4,
        ["cybersecurity", "critical infrastructure", "cyber threats"],
    ),
    (
        "development-cooperation",
        "Economic development",
        12,
        ["economic development", "job creation", "investment"],
    ),
    (
        "central-america",
        "Central America",
        14,
        ["Central America", "the Northern Triangle", "root causes"],
    ),
    (
        "refugees-and-asylum",
        "Refugees and asylum",
        10,
        ["asylum seekers", "refugee protection", "international protection"],
    ),
    (
        "humanitarian-aid",
        "Humanitarian aid",
        5,
        ["humanitarian assistance", "shelters", "vulnerable populations"],
    ),
)

CITIES = (
    ("Mexico City", "the National Palace"),
    ("Washington", "the White House"),
    ("Washington", "the Department of State"),
    ("Mexico City", "the Secretariat of Foreign Affairs"),
    ("Ciudad Juárez", ""),
    ("Tijuana", ""),
    ("San Diego", ""),
    ("El Paso", ""),
    ("Monterrey", ""),
    ("Ottawa", ""),
    ("Guatemala City", ""),
    ("Tegucigalpa", ""),
    ("San Salvador", ""),
    ("Mérida", ""),
    ("Querétaro", ""),
)
MEETING_KINDS = {"delegation_visit": 5, "leaders": 2, "committee": 3, "call": 3, "other": 1}
MEETING_NOUNS = {
    "delegation_visit": "meeting",
    "leaders": "meeting",
    "committee": "High-Level Security Dialogue",
    "call": "call",
    "other": "meeting",
}

VERBS = (
    "discussed",
    "reviewed",
    "reaffirmed their commitment to",
    "highlighted progress on",
    "emphasized the importance of",
    "agreed to deepen cooperation on",
    "exchanged views on",
    "welcomed advances in",
)
ACTIONS = (
    "strengthen",
    "expand",
    "continue",
    "coordinate",
    "accelerate",
    "modernize",
    "reinforce",
    "advance",
    "share information on",
    "establish a working group on",
)
FILLERS = (
    "Both delegations recognized the close friendship between their peoples and the "
    "importance of working together with full respect for the sovereignty of each country.",
    "The officials noted that the relationship between {a} and {b} is among the most "
    "consequential in the world, with millions of people crossing the shared border every day.",
    "They agreed that progress requires sustained engagement at every level of government and "
    "regular meetings of the technical teams.",
    "The meeting built on previous high-level conversations and on the framework both "
    "governments adopted to guide their cooperation over the coming years.",
    "The participants underscored the value of a regional approach, shared responsibility and "
    "the exchange of best practices among agencies.",
    "Both sides committed to report on progress at their next meeting and to keep an open "
    "channel of communication between their teams.",
    "The leaders expressed their appreciation for the work of the officials who prepared the "
    "meeting and for the hospitality of the host government.",
    "The discussion also covered the situation in the region, the humanitarian needs of "
    "vulnerable communities and the role of international partners.",
    "They stressed that cooperation must produce concrete results that families on both sides "
    "of the border can see in their daily lives.",
    "The delegations reviewed the implementation of the commitments made at the previous "
    "meeting and identified areas where more work is needed.",
)
QUOTE_TEXTS = (
    "Our cooperation is stronger than ever, and today we took another concrete step forward",
    "We will continue to work side by side with our partners to keep our communities safe",
    "No country can address these challenges alone, and this meeting proves it",
    "We are committed to a relationship of respect, shared responsibility and results",
    "The people of our two countries expect us to deliver, and we will",
    "This is a partnership among equals, built on trust and on a common agenda",
)
RARE_CONTEXTS = (
    "The host delegation presented a study of {word} conservation along the border region.",
    "As a gesture of friendship, the visitors were offered a traditional dish of {word}.",
    "One delegate compared the framework to a {word}, written over many times by each government.",
    "The officials visited a {word} exhibit at the national museum after the meeting.",
)


@dataclass(frozen=True)
class Official:
    name: str
    country: str
    title: str
    honorific: str = ""

    @property
    def surname(self):
        """What a later mention or a quote attribution uses: 'Bárcena', 'Sherwood-Randall'."""
        parts = [p for p in self.name.split() if not p.endswith(".")]
        if self.country in ("MX", "GT", "HN", "SV", "CO") and len(parts) >= 3:
            return parts[-2]
        return parts[-1]


@dataclass
class Pools:
    officials: list[Official]
    official_weights: list[float]
    by_country: dict[str, list[int]] = field(default_factory=dict)


@lru_cache(maxsize=8)
def pools(seed: int) -> Pools:
    """The officials every statement draws from: a few thousand people, a few very busy."""
    rng = random.Random(f"officials:{seed}")
    officials, seen = [], set()
    for name, country, title, _ in FAMOUS:
        officials.append(Official(name, country, title))
        seen.add((name.casefold(), country))
    countries = list(COUNTRY_WEIGHTS)
    weights = list(COUNTRY_WEIGHTS.values())
    while len(officials) < POOL_SIZE:
        country = rng.choices(countries, weights)[0]
        if country in ("US", "CA"):
            first = rng.choice(ENGLISH_FIRST)
            middle = f" {rng.choice(MIDDLE_INITIALS)}" if rng.random() < 0.3 else ""
            name = f"{first}{middle} {rng.choice(ENGLISH_LAST)}"
        else:
            name = f"{rng.choice(SPANISH_FIRST)} {rng.choice(SPANISH_LAST)}"
            if rng.random() < 0.7:
                name += f" {rng.choice(SPANISH_LAST)}"
        key = (strip_key(name), country)
        if key in seen:
            continue
        seen.add(key)
        honorific = "Dr." if rng.random() < 0.05 else ""
        officials.append(Official(name, country, rng.choice(TITLES[country]), honorific))
    # Zipf-like: a few officials appear in thousands of statements, most in a handful.
    weights = [w for *_, w in FAMOUS] + [
        3.0 / (rank + 1) ** 0.6 for rank in range(len(officials) - len(FAMOUS))
    ]
    result = Pools(officials=officials, official_weights=weights)
    for index, official in enumerate(officials):
        result.by_country.setdefault(official.country, []).append(index)
    return result


def strip_key(name):
    from statements.text import fold

    return fold(name)


# --- One statement -------------------------------------------------------------------------


@dataclass
class _Writer:
    """Builds a body paragraph by paragraph and remembers where things were written."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    words: int = 0

    def paragraph(self, sentences):
        if self.parts:
            self._add("\n\n")
        for index, sentence in enumerate(sentences):
            if index:
                self._add(" ")
            self._add(sentence)

    def offset_of_next(self, sentences_before):
        return self.length + (2 if self.parts else 0) + sum(len(s) + 1 for s in sentences_before)

    def _add(self, text):
        self.parts.append(text)
        self.length += len(text)
        self.words += text.count(" ") + (1 if text.strip() else 0)

    def text(self):
        return "".join(self.parts)


def _meeting(k: int, seed: int) -> dict:
    """Meeting `k`, the same for every statement that reports it."""
    rng = random.Random(f"meeting:{seed}:{k}")
    pool = pools(seed)
    span = (LAST_DATE - FIRST_DATE).days
    start = FIRST_DATE + timedelta(days=rng.randrange(span - 3))
    kind = rng.choices(list(MEETING_KINDS), list(MEETING_KINDS.values()))[0]
    end = start + timedelta(days=1) if kind == "committee" and rng.random() < 0.5 else None
    guest = rng.choices(["MX", "CA", "GT", "HN", "SV", "CO"], [70, 8, 6, 6, 5, 5])[0]
    city, venue = rng.choice(CITIES)
    leads = {}
    for country in ("US", guest):
        indexes = pool.by_country[country]
        weights = [pool.official_weights[i] for i in indexes]
        chosen = []
        while len(chosen) < rng.randint(1, 4):
            index = rng.choices(indexes, weights)[0]
            if index not in chosen:
                chosen.append(index)
        leads[country] = chosen
    return {
        "k": k,
        "start": start,
        "end": end,
        "kind": kind,
        "city": "" if kind == "call" else city,
        "venue": "" if kind == "call" else venue,
        "countries": ["US", guest],
        "leads": leads,
    }


def statement(i: int, seed: int = 42):
    """Statement `i` of the corpus: an `Extraction`, as `pipeline.extract()` returns one."""
    from statements.ingest.pipeline import CommitmentItem, Extraction, QuoteItem

    rng = random.Random(f"statement:{seed}:{i}")
    pool = pools(seed)
    publisher, pub_country, _, kinds, host = rng.choices(PUBLISHERS, [p[2] for p in PUBLISHERS])[0]
    kind = rng.choices(list(kinds), list(kinds.values()))[0]
    reports_meeting = rng.random() < 0.85
    meeting = _meeting(i // 3, seed) if reports_meeting else None
    if meeting:
        published = meeting["start"] + timedelta(days=rng.choice((0, 0, 1, 1, 2)))
        published = min(published, LAST_DATE)
    else:
        span = (LAST_DATE - FIRST_DATE).days
        published = FIRST_DATE + timedelta(days=rng.randrange(span + 1))
    no_date = rng.random() < 0.01

    # Who the statement names: the meeting's delegations, then a few others.
    named: list[int] = []
    if meeting:
        for country in meeting["countries"]:
            named.extend(meeting["leads"][country])
    for _ in range(rng.randint(0 if meeting else 2, 3)):
        index = rng.choices(range(len(pool.officials)), pool.official_weights)[0]
        if index not in named:
            named.append(index)
    people = [pool.officials[index] for index in named]

    # Slugs are the taxonomy's (fixtures/topics.yaml) where it has the topic.
    topic_rows = [t for t in TOPICS if rng.random() < t[2] / 100] or [rng.choice(TOPICS)]
    target_words = 200 + int(rng.betavariate(1.6, 3.6) * 1300)

    writer = _Writer()
    mentions: list[OfficialMention] = []
    first_seen: dict[str, OfficialMention] = {}

    def named_as(official, sentences_before, prefix_len, full=True):
        """Write an official as a document would, and record the mention at its offset."""
        honorific = f"{official.honorific} " if official.honorific else ""
        if full or official.name not in first_seen:
            text = f"{official.title} {honorific}{official.name}"
            name_offset = len(official.title) + 1 + len(honorific)
            position = writer.offset_of_next(sentences_before) + prefix_len + name_offset
            if official.name not in first_seen:
                mention = OfficialMention(
                    name=official.name,
                    title=official.title,
                    country=official.country,
                    attended=bool(meeting) and _attends(official, meeting, pool),
                    position=position,
                    how_found="title",
                )
                first_seen[official.name] = mention
                mentions.append(mention)
            return text
        return f"{_short_title(official.title)} {official.surname}"

    other = meeting["countries"][1] if meeting else rng.choice(["MX", "CA", "GT"])
    a_name, b_name = COUNTRY_NAMES["US"], COUNTRY_NAMES[other]
    if pub_country != "US":
        a_name, b_name = b_name, a_name

    # Opening paragraph: who met whom, where, when.
    sentences: list[str] = []
    if meeting:
        us, guest = (meeting["leads"][c] for c in meeting["countries"])
        host_side, visitor = (guest, us) if meeting["city"] in _GUEST_CITIES else (us, guest)
        when = _date_phrase(meeting["start"], meeting["end"], rng)
        prefix = f"On {when}, "
        lead = named_as(pool.officials[host_side[0]], sentences, len(prefix))
        verb = "spoke by phone with" if meeting["kind"] == "call" else "met with"
        middle = f"{prefix}{lead} {verb} "
        guest_lead = named_as(pool.officials[visitor[0]], sentences, len(middle))
        place = f" in {meeting['city']}" if meeting["city"] else ""
        topic_phrase = rng.choice(topic_rows[0][3])
        sentences.append(f"{middle}{guest_lead}{place} to discuss {topic_phrase}.")
        for side in (host_side, visitor):
            if len(side) > 1:
                country = pool.officials[side[0]].country
                prefix = f"The {COUNTRY_ADJECTIVES[country]} delegation also included "
                listed, before = [], list(sentences)
                for index in side[1:]:
                    text = named_as(
                        pool.officials[index],
                        before,
                        len(prefix) + sum(len(t) + 2 for t in listed),
                    )
                    listed.append(text)
                sentences.append(prefix + ", ".join(listed) + ".")
    else:
        official = people[0]
        prefix = f"{a_name[0].upper()}{a_name[1:]} and {b_name} today reaffirmed, through "
        text = named_as(official, sentences, len(prefix))
        sentences.append(f"{prefix}{text}, their shared commitment to {topic_rows[0][3][0]}.")
    writer.paragraph(sentences)

    commitments: list[CommitmentItem] = []
    quotes: list[QuoteItem] = []
    rare = [w for k, w in enumerate(RARE_WORDS) if i % RARE_EVERY == RARE_OFFSETS[k]]
    extra_people = [p for p in people if p.name not in first_seen]

    paragraph_no = 0
    while writer.words < target_words:
        paragraph_no += 1
        topic = topic_rows[paragraph_no % len(topic_rows)]
        sentences = []
        for _ in range(rng.randint(3, 6)):
            choice = rng.random()
            if choice < 0.35:
                sentences.append(
                    f"The officials {rng.choice(VERBS)} {rng.choice(topic[3])} and "
                    f"{rng.choice(rng.choice(topic_rows)[3])}, and the steps each government "
                    f"has taken since their last meeting."
                )
            elif choice < 0.55:
                sentences.append(
                    rng.choice(FILLERS)
                    .format(a=a_name, b=b_name)
                    .replace(f". {a_name}", f". {a_name[0].upper()}{a_name[1:]}")
                )
            elif choice < 0.75:
                party = rng.choice(
                    ("The United States and Mexico", "Both governments", "The two countries")
                )
                text = (
                    f"{party} committed to {rng.choice(ACTIONS)} {rng.choice(topic[3])} "
                    f"through {rng.choice(('joint', 'coordinated', 'parallel'))} actions."
                )
                position = writer.offset_of_next(sentences)
                sentences.append(text)
                commitments.append(
                    CommitmentItem(
                        text=text,
                        parties=["US", other] if party != "The two countries" else ["US", other],
                        position=position,
                        topics=[topic[0]],
                    )
                )
            elif choice < 0.85 and extra_people:
                official = extra_people.pop(0)
                prefix = "The discussion also included "
                text = named_as(official, sentences, len(prefix))
                sentences.append(f"{prefix}{text}, who spoke about {rng.choice(topic[3])}.")
            elif choice < 0.92 and mentions and len(quotes) < 3:
                speaker = rng.choice(mentions)
                official = next(p for p in people if p.name == speaker.name)
                text = rng.choice(QUOTE_TEXTS)
                position = writer.offset_of_next(sentences) + 1
                attribution = official.surname
                sentences.append(f'"{text}," said {_short_title(official.title)} {attribution}.')
                quotes.append(
                    QuoteItem(
                        text=text,
                        speaker_as_written=attribution,
                        position=position,
                        speaker=speaker,
                    )
                )
            else:
                sentences.append(
                    f"They {rng.choice(VERBS)} {rng.choice(topic[3])} in {b_name} and "
                    f"{a_name}, and the resources needed to sustain that work."
                )
        if rare:
            sentences.append(rng.choice(RARE_CONTEXTS).format(word=rare.pop()))
        writer.paragraph(sentences)

    body = writer.text()
    title = _title(kind, publisher, meeting, people, topic_rows, rng, pool, other)
    slug_date = published.isoformat().replace("-", "/")
    document = Document(
        source_file=f"bench/{i:07d}.txt",
        body=body,
        title=title,
        title_inferred=False,
        publisher=publisher,
        kind=kind,
        language="en",
        source_url=f"https://www.{host}/briefing-room/{slug_date}/statement-{seed}-{i}/",
        published=None if no_date else published,
        date_source="none" if no_date else "front_matter",
        date_note="" if no_date else "front matter 'date'",
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        tags=["statements-releases"],
    )
    meetings = []
    if meeting:
        attendees = [m for m in mentions if m.attended]
        meetings.append(
            MeetingFound(
                start=meeting["start"],
                end=meeting["end"],
                date_inferred=False,
                city=meeting["city"],
                venue=meeting["venue"],
                kind=meeting["kind"],
                countries=list(meeting["countries"]),
                title=_meeting_title(meeting, pool),
                attendees=attendees,
            )
        )
    topic_slugs = list(dict.fromkeys(t[0] for t in topic_rows))
    for item in commitments:
        topic_slugs.extend(s for s in item.topics if s not in topic_slugs)
    extraction = Extraction(
        document=document,
        officials=mentions,
        meetings=meetings,
        commitments=commitments,
        quotes=quotes,
        topics=topic_slugs,
    )
    return extraction


_GUEST_CITIES = {
    "Mexico City",
    "Monterrey",
    "Mérida",
    "Querétaro",
    "Ottawa",
    "Guatemala City",
    "Tegucigalpa",
    "San Salvador",
}


def _attends(official, meeting, pool):
    for indexes in meeting["leads"].values():
        if any(pool.officials[i] is official for i in indexes):
            return True
    return False


def _short_title(title):
    """'Secretary of Foreign Affairs' -> 'Secretary'; 'Homeland Security Advisor' -> 'Advisor'."""
    for word in ("President", "Secretary", "Minister", "Ambassador", "Governor", "Attorney"):
        if word in title:
            return "Attorney General" if word == "Attorney" else word
    return title.split()[-1]


def _date_phrase(start, end, rng):
    month = start.strftime("%B")
    if end and end.month == start.month:
        return f"{month} {start.day}-{end.day}, {start.year}"
    return f"{month} {start.day}, {start.year}"


def _meeting_title(meeting, pool):
    us, guest = (meeting["leads"][c] for c in meeting["countries"])
    noun = MEETING_NOUNS[meeting["kind"]]
    if meeting["kind"] == "committee":
        return (
            f"{COUNTRY_NAMES['US'][4:]}–{COUNTRY_NAMES[meeting['countries'][1]]} {noun}, "
            f"{meeting['start'].year}"
        )
    return f"{pool.officials[us[0]].name} {noun} with {pool.officials[guest[0]].name}"


def _title(kind, publisher, meeting, people, topic_rows, rng, pool, other):
    subject = topic_rows[0][1].lower()
    if meeting:
        us, guest = (meeting["leads"][c] for c in meeting["countries"])
        a, b = pool.officials[us[0]], pool.officials[guest[0]]
        noun = "Call" if meeting["kind"] == "call" else "Meeting"
        if kind == "readout":
            return (
                f"Readout of {a.title} {a.name}'s {noun} with {b.title} {b.name} "
                f"on {subject.capitalize()}"
            )
        if kind == "joint_statement":
            return (
                f"Joint Statement of {COUNTRY_NAMES['US'][4:]} and {COUNTRY_NAMES[other]} "
                f"on {topic_rows[0][1]} after the {meeting['start']:%B %Y} {noun}"
            )
        if kind == "communique":
            return f"{b.title} {b.name} meets {a.title} {a.name} to discuss {subject}"
        if kind == "remarks":
            return f"Remarks by {a.title} {a.name} after meeting {b.title} {b.name}"
        return f"Statement on the {noun.lower()} between {a.name} and {b.name} on {subject}"
    official = people[0]
    adjective = rng.choice(("New", "Continued", "Shared", "Joint", "Regional"))
    return f"{adjective} Steps on {topic_rows[0][1]}: Statement by {official.title} {official.name}"


def corpus(size: int, seed: int = 42, start: int = 0):
    """Statements `start` … `size - 1` of the corpus, one at a time (memory stays flat)."""
    for i in range(start, size):
        yield statement(i, seed)


# --- As files, for the per-document importer --------------------------------------------------


def as_text(extraction) -> str:
    """The statement as a file `manage.py import_statements` reads (front matter + body)."""
    document = extraction.document
    title = document.title.replace('"', '\\"')
    lines = ["---"]
    if document.published:
        lines.append(f"date: '{document.published.isoformat()}'")
    lines += [
        f"source_url: {document.source_url}",
        f"publisher: {document.publisher}",
        f'title: "{title}"',
        "---",
        "",
        document.body,
        "",
    ]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, required=True, help="folder for the .txt files")
    args = parser.parse_args(argv)
    _django()
    args.out.mkdir(parents=True, exist_ok=True)
    for i, extraction in enumerate(corpus(args.size, args.seed)):
        (args.out / f"{i:07d}.txt").write_text(as_text(extraction), encoding="utf-8")
    print(f"wrote {args.size} statements to {args.out}")


def _django():
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()


if __name__ == "__main__":
    main()
