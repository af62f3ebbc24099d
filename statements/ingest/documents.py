"""Read one file into a `Document`: decode it, split off front matter, clean the text, and infer
what the file does not say (title, publisher, kind, language, publication date).

Everything here is a pure function of the bytes (and of a curator's overrides): no database.
What cannot be known is left empty and said so (`date_note`); nothing is invented.
"""

import functools
import hashlib
import re
import unicodedata
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlparse

import yaml

from statements.ingest import lexicon, spanish
from statements.ingest.dates import find_dates, publication_date_from_text
from statements.ingest.html import html_headline, html_to_text, is_html
from statements.ingest.types import Document, DocumentError

KINDS = ("joint_statement", "readout", "communique", "remarks", "statement")

# --- countries: names and adjectives as readouts write them, leaders as readouts name them ---

# Canonical order for party lists: the two founding countries first, then the rest.
COUNTRY_ORDER = ["US", "MX", "CA", "GT", "HN", "SV", "CN", "GB", "FR", "DE", "JP", "IN", "BR", "CO"]

COUNTRY_NAMES = {
    "US": ("United States", ["united states of america", "united states", "u.s.", "us", "usa",
                             "american", "americans", "estados unidos", "ee.uu.", "eeuu",
                             "estadounidense"]),
    "MX": ("Mexico", ["mexico", "méxico", "mexican", "mexicans", "mexicano", "mexicana"]),
    "CA": ("Canada", ["canada", "canadá", "canadian", "canadians", "canadiense"]),
    "GT": ("Guatemala", ["guatemala", "guatemalan", "guatemalteco", "guatemalteca"]),
    "HN": ("Honduras", ["honduras", "honduran", "hondureño", "hondureña"]),
    "SV": ("El Salvador", ["el salvador", "salvadoran", "salvadoreño", "salvadoreña"]),
    "CN": ("China", ["china", "chinese", "people's republic of china", "prc"]),
    "GB": ("United Kingdom", ["united kingdom", "britain", "british", "uk", "reino unido"]),
    "FR": ("France", ["france", "french", "francia"]),
    "DE": ("Germany", ["germany", "german", "alemania"]),
    "JP": ("Japan", ["japan", "japanese", "japón"]),
    "IN": ("India", ["india", "indian"]),
    "BR": ("Brazil", ["brazil", "brazilian", "brasil"]),
    "CO": ("Colombia", ["colombia", "colombian", "colombiano", "colombiana"]),
    "PA": ("Panama", ["panama", "panamá", "panamanian"]),
    "CR": ("Costa Rica", ["costa rica", "costa rican"]),
    "CU": ("Cuba", ["cuba", "cuban"]),
    "VE": ("Venezuela", ["venezuela", "venezuelan"]),
    "NI": ("Nicaragua", ["nicaragua", "nicaraguan"]),
    "HT": ("Haiti", ["haiti", "haitian"]),
    "KR": ("South Korea", ["republic of korea", "south korea", "korean", "rok"]),
    "AU": ("Australia", ["australia", "australian"]),
    "IT": ("Italy", ["italy", "italian"]),
    "ES": ("Spain", ["spain", "españa"]),
    "UA": ("Ukraine", ["ukraine", "ukrainian"]),
    "EC": ("Ecuador", ["ecuador", "ecuadorian"]),
    "PE": ("Peru", ["peru", "perú", "peruvian"]),
    "CL": ("Chile", ["chile", "chilean"]),
    "AR": ("Argentina", ["argentina", "argentine"]),
    "DO": ("Dominican Republic", ["dominican republic", "dominican"]),
}  # fmt: skip

# Every other country and international organisation (EU, NATO, UN …), from the lexicon's data
# file (lexicon.WORLD_NAMES), names as written.
for _code, _words in lexicon.WORLD_NAMES.items():
    if _code not in COUNTRY_NAMES:
        COUNTRY_NAMES[_code] = (_words[0], [word.casefold() for word in _words])

# Heads of state and government the archive meets; only used to tell whose voice a text has and
# who "President Biden's commitment" belongs to, never to find officials.
LEADERS = {
    "US": ["biden", "trump", "obama", "harris"],
    "MX": ["lopez obrador", "amlo", "sheinbaum", "pena nieto"],
    "CA": ["trudeau", "carney"],
    "GT": ["arevalo", "giammattei"],
    "HN": ["xiomara castro"],
    "SV": ["bukele"],
    "CO": ["petro"],
    "BR": ["lula"],
    "CN": ["xi jinping"],
    "GB": ["sunak", "starmer"],
    "FR": ["macron"],
    "DE": ["scholz", "merz"],
    "JP": ["kishida", "ishiba"],
    "IN": ["modi"],
}


@functools.lru_cache(maxsize=256)
def fold(text: str) -> str:
    """Lowercase without accents, keeping punctuation (which country patterns need); keeps the
    length of precomposed text, so offsets in the folded text are offsets in the original."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


# Every alias by its first word, for a one-pass scan of a text's words (a long alternation of
# regexes is slow on whole documents): {"united": [(("united", "states"), "US"), …]}.
_WORD = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*\.?")
_ALIASES_BY_FIRST_WORD: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _code, (_name, _aliases) in COUNTRY_NAMES.items():
    for _alias in _aliases:
        if _alias in ("us", "uk", "prc", "rok"):
            continue
        _words = tuple(fold(_alias).split())
        _ALIASES_BY_FIRST_WORD.setdefault(_words[0], []).append((_words, _code))
for _options in _ALIASES_BY_FIRST_WORD.values():
    _options.sort(key=lambda option: len(option[0]), reverse=True)
_NOT_A_COUNTRY_BEFORE = {"north", "south", "central", "latin"}  # "North American"


def _scan_countries(folded: str) -> Counter:
    words = []
    for word in _WORD.findall(folded):
        if word.count(".") == 1 and word.endswith("."):
            word = word[:-1]  # the end of a sentence, not an abbreviation like "u.s."
        words.append(re.sub(r"['’]s$", "", word))
    counts: Counter = Counter()
    i = 0
    while i < len(words):
        for alias, code in _ALIASES_BY_FIRST_WORD.get(words[i], ()):
            if tuple(words[i : i + len(alias)]) == alias:
                if not (
                    alias[0].startswith("american") and i and words[i - 1] in _NOT_A_COUNTRY_BEFORE
                ):
                    counts[code] += 1
                i += len(alias) - 1
                break
        i += 1
    return counts


_CAPITAL_ABBREVIATIONS = re.compile(r"\b(?:(?P<US>US|USA)|(?P<GB>UK)|(?P<CN>PRC)|(?P<KR>ROK))\b")
_LEADER_PATTERNS = {
    code: re.compile(r"\b(?:" + "|".join(re.escape(name) for name in names) + r")\b")
    for code, names in LEADERS.items()
}


def order_countries(codes) -> list[str]:
    """Unique codes in the archive's canonical order (US, MX, CA, …, then alphabetical)."""
    unique = set(codes)
    rank = {code: i for i, code in enumerate(COUNTRY_ORDER)}
    return sorted(unique, key=lambda code: (rank.get(code, len(rank)), code))


def country_mentions(text: str, *, leaders: bool = True) -> Counter:
    """How often each country is named (names, adjectives, and optionally its leader)."""
    folded = fold(text)
    counts = _scan_countries(folded)
    for match in _CAPITAL_ABBREVIATIONS.finditer(text):
        counts[match.lastgroup] += 1
    if leaders:
        for code, pattern in _LEADER_PATTERNS.items():
            n = len(pattern.findall(folded))
            if n:
                counts[code] += n
    return counts


def countries_in(text: str, *, leaders: bool = True) -> list[str]:
    """The countries a phrase names, in canonical order: "Mexico, the U.S. and Canada"."""
    return order_countries(country_mentions(text, leaders=leaders))


# --- decoding ---

_SENSIBLE_NON_ASCII = set("¡¿«»°ºª·©®€£¥§¶•…–—‘’‚“”„′″´¨ ") | {"\u00a0"}


def _looks_sensible(text: str) -> bool:
    """Whether a Latin-1/cp1252 decoding reads like prose (letters, a few accents) or mush."""
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return True
    odd = [ch for ch in non_ascii if not (ch.isalpha() or ch in _SENSIBLE_NON_ASCII)]
    letters = sum(1 for ch in text if ch.isalpha())
    return len(odd) <= max(2, 0.02 * len(non_ascii)) and len(non_ascii) <= 0.2 * max(letters, 1)


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    return controls / max(len(text), 1)


def decode(raw: bytes | str) -> str:
    """Text from bytes: UTF-8 first, then Windows-1252/Latin-1 when the result reads as prose."""
    if isinstance(raw, str):
        text = raw
    else:
        if not raw.strip():
            raise DocumentError("the file is empty")
        if b"\x00" in raw:
            raise DocumentError("binary file (it contains NUL bytes), not text")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
            for encoding in ("cp1252", "latin-1"):
                try:
                    candidate = raw.decode(encoding)
                except UnicodeDecodeError:
                    continue
                if _control_ratio(candidate) > 0.01:
                    raise DocumentError("binary data, not text (many control characters)") from None
                if _looks_sensible(candidate):
                    text = candidate
                    break
            if text is None:
                raise DocumentError(
                    "not readable text: neither UTF-8 nor sensible Latin-1/Windows-1252"
                ) from None
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise DocumentError("the file is empty (only whitespace)")
    if "\x00" in text or _control_ratio(text) > 0.01:
        raise DocumentError("binary data, not text (many control characters)")
    return text


# --- front matter ---

_FRONT_MATTER_OPEN = re.compile(r"\A[ \t]*---[ \t]*\n")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict, str]:
    """({keys}, rest) for a file that opens with a YAML block between `---` lines."""
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return {}, text
    closing = _FRONT_MATTER_CLOSE.search(text, opening.end())
    if not closing:
        raise DocumentError("broken front matter: it opens with --- but never closes")
    block = text[opening.end() : closing.start()]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise DocumentError(f"broken front matter{line}: {problem}") from None
    except (ValueError, OverflowError) as error:
        # YAML reads `date: 2024-13-45` as a timestamp and fails building it: name the key.
        raise DocumentError(f"broken front matter: {_impossible_date(block, error)}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DocumentError("broken front matter: it is not a set of 'key: value' lines")
    return {str(key): value for key, value in data.items()}, text[closing.end() :]


_YAML_DATE_LINE = re.compile(
    r"^[ \t]*([\w-]+)[ \t]*:[ \t]*['\"]?(\d{4}-\d{1,2}-\d{1,2}\S*?)['\"]?[ \t]*$", re.MULTILINE
)


def _impossible_date(block, error):
    """'date 2024-13-45 is not a date (month must be in 1..12)': the key YAML could not read."""
    for key, value in _YAML_DATE_LINE.findall(block):
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return f"{key} {value!r} is not a date ({error})"
    return f"a value is not a date ({error})"


def as_date(value, what: str) -> date | None:
    """A date from YAML (date, datetime or 'YYYY-MM-DD…' text); DocumentError if it isn't one."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    mentions = [m for m in find_dates(text, None) if m.position == 0 and m.end is None]
    if mentions and len(mentions[0].phrase) >= len(text) - 1:
        return mentions[0].start
    raise DocumentError(f"{what} {text[:40]!r} is not a date")


# --- cleaning ---

_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'$&])")
_IMAGE_EXTENSIONS = r"(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif)"
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HTML_IMAGE = re.compile(r"<img\b[^>]*\bsrc=[\"']([^\"']+)[\"'][^>]*>", re.IGNORECASE)
_BARE_IMAGE_LINE = re.compile(
    r"^\s*<?((?:https?://|/|\.{0,2}/)?[\w./%~+-]+\." + _IMAGE_EXTENSIONS + r"(?:\?[^\s]*)?)>?\s*$",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"^\s*(?:source|fuente|publisher|published by|publicado por)\s*:\s*(?P<label>.{2,120}?)\s*$",
    re.IGNORECASE,
)
_RULE_LINE = re.compile(r"^\s*(?:#+|[-*_=]{3,}|(?:\*\s*){3,})\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BULLET = re.compile(r"^\s*(?:[•·▪◦●‣∙]|[-*+](?=\s)|\d{1,2}[.)](?=\s)|[a-h]\)(?=\s))\s*")  # "a) …"
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)»]\s*$")
# A line that cannot end a sentence: it stops on a comma, a hyphen or a word that needs more.
_CONTINUES = re.compile(
    r"(?:[,(\-–]|\b(?:the|a|an|of|at|to|in|on|for|with|by|and|or|from|as|into|between|among"
    r"|de|del|la|el|los|las|y|e|en|con|para|por|que|al|a))\s*$"
)
# Characters that must never reach a title or a body: C0 controls other than newline and tab,
# DEL and the C1 block, zero-width characters, and bidirectional marks, embeddings, overrides and
# isolates (which can make text display in another order than it is stored).
_CONTROLS = dict.fromkeys(
    [
        *(c for c in range(0x20) if chr(c) not in "\n\t"),
        *range(0x7F, 0xA0),
        *range(0x200B, 0x2010),  # zero-width space/joiners, LRM, RLM
        *range(0x202A, 0x202F),  # LRE, RLE, PDF, LRO, RLO
        *range(0x2060, 0x2070),  # word joiner, invisible operators, LRI/RLI/FSI/PDI
        0x061C,
        0xFEFF,
        0x00AD,
        0xFFF9,
        0xFFFA,
        0xFFFB,
    ]
)


def strip_controls(text: str) -> str:
    """Text without control, zero-width or bidi-override characters (newlines and tabs stay;
    form feeds and vertical tabs become newlines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return text.translate(_CONTROLS)


_ODD_SPACES = {ord(ch): " " for ch in "\u00a0\u2007\u202f\u2009\u200a\u3000\t"}

# Header lines that name the publisher rather than say anything ("Office of the Spokesperson").
HEADER_PUBLISHERS = {
    "the white house": "The White House",
    "office of the spokesperson": "U.S. Department of State",
    "u.s. department of state": "U.S. Department of State",
    "department of homeland security": "U.S. Department of Homeland Security",
    "secretaria de relaciones exteriores": "Government of Mexico",
    "gobierno de mexico": "Government of Mexico",
    "government of mexico": "Government of Mexico",
    "presidencia de la republica": "Government of Mexico",
    "prime minister's office": "Prime Minister's Office",
    "global affairs canada": "Government of Canada",
}
# "The below is attributable to Spokesperson Matthew Miller:" (State) or "… to NSC Spokesperson
# Adrienne Watson" (White House): who published, not what was said.
_ATTRIBUTABLE = re.compile(
    r"^\s*(?:the (?:below|following) (?:statement )?is attributable to|as stated by)"
    r" (?P<who>[^:]{3,120}):?\s*$",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^\s*(?:for immediate release|media note|press release|briefing room|statements and releases"
    r"|comunicado(?: de prensa)?(?: no\.? ?\d+)?|readout|fact sheet|\d+\s+min(?:ute)? read"
    r"|press release (?:no\.?|number|#) ?\d+(?:/\d+)?)\s*$",
    re.IGNORECASE,
)

# Source labels ("Source : Usembassy") and web hosts, mapped to a publisher's usual name.
SOURCE_LABELS = {
    "usembassy": "U.S. Embassy",
    "us embassy": "U.S. Embassy",
    "u.s. embassy": "U.S. Embassy",
    "whitehouse": "The White House",
    "white house": "The White House",
    "the white house": "The White House",
    "state department": "U.S. Department of State",
    "department of state": "U.S. Department of State",
    "sre": "Government of Mexico",
    "gob.mx": "Government of Mexico",
    "presidencia": "Government of Mexico",
    "gobierno de mexico": "Government of Mexico",
    "cancilleria": "Government of Mexico",
}
HOSTS = {
    "whitehouse.gov": "The White House",
    "bidenwhitehouse.archives.gov": "The White House",
    "trumpwhitehouse.archives.gov": "The White House",
    "obamawhitehouse.archives.gov": "The White House",
    "state.gov": "U.S. Department of State",
    "dhs.gov": "U.S. Department of Homeland Security",
    "justice.gov": "U.S. Department of Justice",
    "treasury.gov": "U.S. Department of the Treasury",
    "defense.gov": "U.S. Department of Defense",
    "ustr.gov": "Office of the U.S. Trade Representative",
    "gob.mx": "Government of Mexico",
    "pm.gc.ca": "Prime Minister of Canada",
    "canada.ca": "Government of Canada",
    "gc.ca": "Government of Canada",
    "gov.uk": "UK Government",
    "elysee.fr": "Élysée (Presidency of France)",
    "mofa.go.jp": "Ministry of Foreign Affairs of Japan",
    "mea.gov.in": "Ministry of External Affairs of India",
    "gov.br": "Government of Brazil",
    "gov.co": "Government of Colombia",
}
# Embassy subdomains (mx.usembassy.gov) and government domains by country code top-level domain.
CCTLD = {
    "mx": "MX", "ca": "CA", "gt": "GT", "hn": "HN", "sv": "SV", "cn": "CN", "uk": "GB",
    "fr": "FR", "de": "DE", "jp": "JP", "in": "IN", "br": "BR", "co": "CO", "pa": "PA",
    "cr": "CR", "cu": "CU", "ve": "VE", "ni": "NI", "ht": "HT", "kr": "KR", "au": "AU",
    "it": "IT", "es": "ES", "ua": "UA", "ec": "EC", "pe": "PE", "cl": "CL", "ar": "AR",
    "do": "DO",
}  # fmt: skip


_LINK_TARGET = re.compile(r"\(https?://[^)\s]*\)?")


def _join_wrapped(lines: list[str]) -> list[str]:
    """Paragraphs from lines: hard-wrapped prose (~72 columns) is re-joined, other files keep
    one paragraph per line. Blank lines always separate paragraphs.
    """
    continuing = [line for line, nxt in zip(lines, [*lines[1:], ""], strict=True) if line and nxt]
    # A link's address is no part of the wrapped width ("participation](https://…long…) in").
    widths = sorted(len(_LINK_TARGET.sub("", line)) for line in continuing)
    wrapped = False
    width = 0
    if len(continuing) >= 3:
        width = widths[int(len(widths) * 0.9) - 1] if len(widths) >= 10 else widths[-1]
        open_ended = sum(1 for line in continuing if not _SENTENCE_END.search(line))
        wrapped = width <= 120 and open_ended >= 0.4 * len(continuing)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and not wrapped:
            if not _BULLET.match(line) and (_CONTINUES.search(current[-1]) or line[:1].islower()):
                current.append(line.strip())  # "… met at the" / "Ministry of …": one sentence
                continue
            paragraphs.append(" ".join(current))
            current = []
        elif current and wrapped:
            previous = current[-1]
            full = len(previous) >= width - 25 or not _SENTENCE_END.search(previous)
            if _BULLET.match(line) or not full:
                paragraphs.append(" ".join(current))
                current = []
        current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    # A paragraph break in the middle of a sentence ("combat fentanyl and\n\nsynthetic drugs")
    merged: list[str] = []
    for paragraph in paragraphs:
        if (
            merged
            and not _SENTENCE_END.search(merged[-1])
            and paragraph[:1].islower()
            and not _BULLET.match(paragraph)
        ):
            merged[-1] = f"{merged[-1]} {paragraph}"
        else:
            merged.append(paragraph)
    return [re.sub(r"[ ]{2,}", " ", paragraph).strip() for paragraph in merged]


def clean_text(text: str) -> tuple[list[str], list[str], list[str]]:
    """(paragraphs, images, metadata lines) from raw body text.

    Removes markdown escapes (`\\###`, `\\_`), rules and heading marks, NBSP and invisible
    characters, markdown hard breaks; pulls image references and "Source :" lines out of the body.
    """
    text = strip_controls(text).translate(_ODD_SPACES)
    text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    images: list[str] = []

    def take_image(match):
        images.append(match.group(1))
        return ""

    text = _MARKDOWN_IMAGE.sub(take_image, text)
    text = _HTML_IMAGE.sub(take_image, text)
    lines: list[str] = []
    metadata: list[str] = []
    for raw_line in text.split("\n"):
        line = raw_line.rstrip()
        if not line.strip():
            lines.append("")
            continue
        if _RULE_LINE.match(line):
            lines.append("")
            continue
        image = _BARE_IMAGE_LINE.match(line)
        if image:
            images.append(image.group(1))
            lines.append("")
            continue
        if _SOURCE_LINE.match(line) or _BOILERPLATE.match(line) or _ATTRIBUTABLE.match(line):
            metadata.append(line.strip())
            lines.append("")
            continue
        line = _HEADING.sub("", line)
        line = _EMPHASIS.sub(r"\2", line)
        lines.append(line.strip())
    return _join_wrapped(lines), list(dict.fromkeys(images)), metadata


def body_hash(body: str) -> str:
    """sha256 of the body with whitespace normalised: re-wrapping a file keeps its identity."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


# --- sentences ---

_ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.u", "dr", "mr", "mrs", "ms", "st", "no", "nos", "jr", "sr", "sra",
    "srta", "gen", "lt", "col", "capt", "cmdr", "adm", "sgt", "sen", "rep", "gov", "amb",
    "prof", "hon", "dept", "rev", "lic", "ing", "mtro", "mtra", "etc", "vs", "inc", "co",
    "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "a.m", "p.m", "e.g", "i.e", "approx", "dra", "art", "fig", "vol", "pp", "op", "ave",
    "blvd", "mt", "ft", "gral", "excmo",
}  # fmt: skip
_SENTENCE_STARTERS = {
    "the", "this", "these", "that", "they", "we", "our", "it", "in", "on", "at", "both", "he",
    "she", "his", "her", "their", "during", "finally", "additionally", "also", "today",
    "yesterday", "as", "for", "president", "secretary", "mexico", "canada",
}  # fmt: skip
# (A sentence may open with a Markdown link: "… the program. [They welcomed the paper](…)".)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’»)]*(?=\s+[\"“‘«(¿¡\[]?[A-ZÁÉÍÓÚÑ0-9])")


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, str]]:
    """[(position, sentence)] for a text; paragraphs (blank lines) always end a sentence.

    Knows honorifics and initials ("Dr.", "Ms.", "Lisa O. Monaco", "U.S.", "No. 5") so they do
    not end sentences; "U.S." ends one only before a usual sentence opener ("… the U.S. The").
    """
    sentences: list[tuple[int, str]] = []
    for block in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        start = block.start()
        chunk = block.group(0)
        cut = 0
        for boundary in _BOUNDARY.finditer(chunk):
            end = boundary.end()
            token_match = re.search(r"([\w.]+)[.!?…]+[\"”’»)]*$", chunk[cut:end])
            token = token_match.group(1).lower() if token_match else ""
            next_word = re.match(r"\s+[\"“‘«(¿¡\[]?([\w’']+)", chunk[end:])
            following = next_word.group(1).lower() if next_word else ""
            if chunk[end - 1] == "." and (
                (
                    token in _ABBREVIATIONS
                    and not (token == "u.s" and following in _SENTENCE_STARTERS)
                )
                or (len(token) == 1 and token.isalpha())
                or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)
                and following not in _SENTENCE_STARTERS
            ):
                continue
            piece = chunk[cut:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                sentences.append((offset + start + cut + lead, piece.strip()))
            cut = end
        piece = chunk[cut:]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            sentences.append((offset + start + cut + lead, piece.strip()))
    return sentences


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (blocks separated by blank lines)."""
    return [m.span() for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", body)]


# --- inference ---


def _is_headline(paragraph: str) -> bool:
    words = paragraph.split()
    if not words or len(paragraph) > 200 or len(words) < 2:
        return False
    if paragraph.rstrip().endswith((".", ",", ";", ":")) or _BULLET.match(paragraph):
        return False
    return paragraph[0].isupper() or paragraph[0].isdigit()


# Where a sentence may end early and still read whole: before a comma, a dash, or a phrase of
# place, time or company ("… met Sherwood-Randall | at the National Palace").
_PHRASE_BREAK = re.compile(
    r"\s*[,;–—]\s|\s(?=(?:at|in|on|during|with|en|con|durante|à|avec|pendant)\s)", re.IGNORECASE
)


def shorten(text: str, limit: int = 140) -> str:
    """`text` cut to fit `limit`: before the last phrase that does not fit when that keeps at
    least half of it (a whole phrase reads as a title; "… at the National…" does not), else at
    a word boundary with an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    breaks = [m.start() for m in _PHRASE_BREAK.finditer(text[:limit]) if m.start() >= limit // 2]
    if breaks:
        return text[: breaks[-1]].rstrip(",;:–—- ")
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


def infer_title(paragraphs: list[str]) -> tuple[str, int | None]:
    """(title, index of a headline paragraph to drop from the body, or None)."""
    for index, paragraph in enumerate(paragraphs):
        if _BULLET.match(paragraph):
            continue  # summary bullets ("• As strategic partners, …") are not the title
        dateline, note = publication_date_from_text(paragraph)
        if dateline and note.startswith("dateline") and len(paragraph) < 60:
            continue
        if _is_headline(paragraph) and index + 1 < len(paragraphs):
            return paragraph, index
        sentences = split_sentences(paragraph)
        first = sentences[0][1] if sentences else paragraph
        # A dateline opening the first paragraph is not part of the title.
        first = re.sub(r"^[A-ZÁÉÍÓÚÑ .,'-]{3,40},\s+[^—–]{6,30}\s*[—–-]\s*", "", first)
        return shorten(first.rstrip(".")), None
    return "", None


CAPITALS = {
    "washington": "US", "mexico city": "MX", "ciudad de mexico": "MX", "ottawa": "CA",
    "guatemala city": "GT", "ciudad de guatemala": "GT", "tegucigalpa": "HN",
    "san salvador": "SV", "bogota": "CO", "brasilia": "BR", "tokyo": "JP", "beijing": "CN",
    "london": "GB", "paris": "FR", "berlin": "DE", "new delhi": "IN",
}  # fmt: skip
_LEADER_ACTS = (
    r"(?:thanked|expressed|welcomed|recognized|highlighted|underscored|emphasized|reaffirmed"
    r"|noted|commended|applauded|announced|reiterated|congratulated|spoke|met|hosted|received"
    r"|traveled|travelled|held|agradecio|reconocio|destaco|reitero|se reunio|sostuvo|recibio)"
)


def _voice_patterns():
    """(country, weight, compiled pattern) for every signal `_voice` counts; built once."""
    patterns = []
    for code, (_name, aliases) in COUNTRY_NAMES.items():
        adjectives = [re.escape(fold(a)) for a in aliases if a not in ("us", "uk", "prc", "rok")]
        names = "(?:" + "|".join(adjectives) + ")"
        for own in (
            rf"\bthe {names} government'?s\b",
            rf"\b{names} was represented by\b",
            rf"\bthe government of {names}\s+(?:reaffirm|reiterat|express|welcom)",
            rf"\bel gobierno de {names}\b",
        ):
            patterns.append((code, 3, re.compile(own)))
        patterns.append((code, -3, re.compile(rf"\bour {names} (?:partners|counterparts|friends)")))
        patterns.append((code, -1, re.compile(rf"\b{names} counterparts\b")))
        # A government never calls itself a regime, nor its own country "the situation in X":
        # "the Syrian regime's use of chemical weapons", "spoke about the situation in Syria".
        patterns.append((code, -3, re.compile(rf"\bthe {names} regime\b")))
        patterns.append(
            (code, -3, re.compile(rf"\b(?:situation|conflict|crisis|war|violence) in {names}\b"))
        )
    # Mexico's foreign ministry, unless named as someone else's ("… Exteriores de México").
    patterns.append(
        (
            "MX",
            1,
            re.compile(r"\b(?:secretaria de relaciones exteriores|cancilleria)\b(?! de \w)"),
        )
    )
    for code, leaders in LEADERS.items():
        names = "(?:" + "|".join(re.escape(leader) for leader in leaders) + ")"
        patterns.append((code, 2, re.compile(rf"\b{names} {_LEADER_ACTS}\b")))
        patterns.append((code, 1, re.compile(rf"\b{names} (?:said|added)\b")))
    patterns.append(
        ("US", 1, re.compile(r"\b(?:the (?:president|secretary) (?:spoke|met) with|readout)\b"))
    )
    return patterns


_VOICE_PATTERNS = _voice_patterns()
_DATELINE_CAPITAL = re.compile(r"\s*(?:" + "|".join(re.escape(city) for city in CAPITALS) + r")\b")


def _voice(body: str, title: str = "") -> str:
    """The country whose government speaks in the text ("" when the text does not tell).

    Signals: a government naming itself ("the Mexican government's commitment", "Mexico was
    represented by"), its leader acting ("President Biden thanked", "Prime Minister Trudeau
    spoke"; "Biden said" counts less), "Remarks by <leader>" or "Statement from <leader>" in the
    title, a dateline in a capital, and
    "our Mexican partners" (which is someone else speaking about Mexico).
    """
    folded = fold(body)
    present = set(country_mentions(body)) | {"US", "MX"}
    scores: Counter = Counter()
    for code, weight, pattern in _VOICE_PATTERNS:
        if code not in present:
            continue  # a country the text never names cannot be its voice
        hits = len(pattern.findall(folded))
        if hits:
            scores[code] += weight * hits
    # "Remarks by …", "Statement from President …", "Readout of President Biden's Call with …":
    # the leader a title names first is the publisher's.
    speaks = re.match(r"(?:remarks|statement|readout|message|letter)\b", fold(title))
    # "Readout of National Security Advisor X's Meeting with President Y of Guatemala": a
    # leader after "with" is the counterpart met, not the one the readout speaks for.
    host = _first_leader(re.split(r"\bwith\b", fold(title))[0]) if speaks else ""
    if host:
        scores[host] += 3
    capital = _DATELINE_CAPITAL.match(folded)
    if capital:
        scores[CAPITALS[capital.group(0).strip()]] += 2
    best = scores.most_common(2)
    if not best or best[0][1] <= 0 or (len(best) > 1 and best[0][1] == best[1][1]):
        return ""
    return best[0][0]


def _first_leader(folded: str) -> str:
    """The country of the leader named first in a text ("Remarks by … Harris and … Arévalo")."""
    first = None
    for code, pattern in _LEADER_PATTERNS.items():
        match = pattern.search(folded)
        if match and (first is None or match.start() < first[0]):
            first = (match.start(), code)
    return first[1] if first else ""


def publisher_country(publisher: str) -> str:
    """ "The White House" → "US", "Government of Mexico" → "MX", "" when it does not say."""
    folded = fold(publisher)
    if not folded:
        return ""
    if folded.startswith(("the white house", "u.s.", "office of the u.s.")):
        return "US"
    for code, (name, _aliases) in COUNTRY_NAMES.items():
        if re.search(rf"\b(?:of|in) {re.escape(fold(name))}\b", folded):
            return code
    found = countries_in(publisher, leaders=False)
    return found[0] if found else ""


def publisher_from_url(url: str, body: str = "") -> str:
    host = (urlparse(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return ""
    if host.endswith("usembassy.gov"):
        code = CCTLD.get(host.split(".")[0], "")
        return f"U.S. Embassy in {COUNTRY_NAMES[code][0]}" if code else _embassy(body)
    for domain, publisher in HOSTS.items():
        if host == domain or host.endswith("." + domain):
            return publisher
    parts = host.split(".")
    if len(parts) >= 2 and parts[-2] in ("gob", "gov", "gouv", "go", "gc") and parts[-1] in CCTLD:
        return f"Government of {COUNTRY_NAMES[CCTLD[parts[-1]]][0]}"
    return ""


def _embassy(body: str) -> str:
    """ "U.S. Embassy in <the country the text is most about, besides the U.S.>"."""
    counts = country_mentions(body, leaders=False)
    counts.pop("US", None)
    if not counts:
        return "U.S. Embassy"
    return f"U.S. Embassy in {COUNTRY_NAMES[counts.most_common(1)[0][0]][0]}"


def publisher_from_label(label: str, body: str) -> str:
    key = fold(label).strip(" .")
    host_guess = publisher_from_url(label if "://" in label else f"https://{label}", body)
    if "." in key and host_guess:
        return host_guess
    mapped = SOURCE_LABELS.get(key)
    if mapped == "U.S. Embassy":
        return _embassy(body)
    return mapped or label.strip()


def publisher_from_voice(body: str, title: str = "") -> str:
    """The White House for a U.S. voice, "Government of <country>" for another, else ""."""
    code = _voice(body, title)
    if code == "US":
        return "The White House"
    if code:
        return f"Government of {COUNTRY_NAMES[code][0]}"
    return ""


_KIND_WORDS = [
    (
        "joint_statement",
        r"\bjoint\b[^.]{0,30}\b(?:statement|declaration|communiqu)|\bdeclaraci[oó]n conjunta",
    ),
    ("readout", r"\breadout\b"),
    ("communique", r"\bcommuniqu|\bcomunicado\b|\bpress release\b"),
    ("remarks", r"\bremarks\b|\bpress (?:conference|gaggle|briefing)\b|\bpalabras\b|\bdiscurso\b"),
    ("statement", r"\bstatement\b|\bdeclaraci[oó]n\b|\bfact sheet\b"),
]


def infer_kind(title: str, body: str, voice: str, language: str = "en", labels: tuple = ()) -> str:
    """A Statement.Kind value from the title's own words (or a label line such as "Comunicado
    No. 145"), else from how the text speaks: a meeting reported by the U.S. is a readout, by
    Mexico or in Spanish a communiqué; first-person plural prose is a statement.
    """
    for text in (title, *labels):
        # The title's head noun, the kind word written first: "Statement … Welcoming the Aqaba
        # Meeting and Communiqué" is a statement.
        found = [
            (m.start(), kind)
            for kind, pattern in _KIND_WORDS
            for m in [re.search(pattern, text, re.IGNORECASE)]
            if m
        ]
        if found:
            return min(found)[1]
    folded = fold(re.sub(r"“[^”]*”|\"[^\"\n]*\"", " ", body))  # quoted speech is someone's voice
    first_person = len(re.findall(r"\b(?:we|our|us)\b", folded))
    words = max(len(folded.split()), 1)
    quoted = sum(len(q) for q in re.findall(r"[“\"]([^”\"]{20,})[”\"]", body))
    if quoted > 0.6 * len(body):
        return "remarks"
    if re.search(r"\b(?:we|the leaders of|the governments of) .{0,80}\bjointly\b", folded[:600]):
        return "joint_statement"
    reports_meeting = re.search(
        r"\b(?:met|meeting|spoke|speaks|call with|phone call|held (?:a|talks)|hosted|delegation"
        r"|se reuni\w*|sostuvo|reunion|llamada)\b",
        folded,
    )
    if first_person / words > 0.03 and not reports_meeting:
        return "statement"
    if reports_meeting:
        if first_person / words > 0.02 and re.search(r"\bwe (?:will|reaffirm)", folded):
            return "statement"
        if voice == "MX" or language in ("es", "fr", "pt"):
            return "communique"
        return "readout"
    return "statement"


_STOP_WORDS = {
    "en": {"the", "and", "of", "to", "in", "that", "for", "with", "is", "on", "our", "was"},
    "es": {"el", "la", "de", "que", "los", "las", "del", "por", "con", "para", "una", "se", "y"},
    "fr": {"le", "les", "des", "et", "est", "du", "une", "pour", "dans", "avec", "sur", "au"},
    "pt": {"o", "os", "da", "do", "das", "dos", "que", "para", "com", "uma", "não", "em", "e"},
}


def detect_language(text: str) -> str:
    """'en', 'es', 'fr' or 'pt', by counting each language's commonest words."""
    words = re.findall(r"[^\W\d_]+", text.casefold())[:3000]
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOP_WORDS.items()}
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    return best if scores[best] > 0 else "en"


def _kind_value(value) -> str:
    """A Statement.Kind value from "Joint Statement", "joint_statement", "Communiqué", …"""
    key = re.sub(r"[\s-]+", "_", fold(str(value)).strip())
    if key in KINDS:
        return key
    for kind, pattern in _KIND_WORDS:
        if re.search(pattern, fold(str(value))):
            return kind
    raise DocumentError(f"unknown kind {value!r} (one of: {', '.join(KINDS)})")


def _date_from_url(url: str) -> date | None:
    match = re.search(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)/", urlparse(url).path or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _tags(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [tag.strip() for tag in value.split(",") if tag.strip()]
    if isinstance(value, list | tuple):
        return [str(tag).strip() for tag in value if str(tag).strip()]
    return [str(value)]


def _one_line(value) -> str:
    return " ".join(strip_controls(str(value or "")).translate(_ODD_SPACES).split())


def parse_document(raw: bytes | str, source_file: str, overrides: dict | None = None) -> Document:
    """A `Document` from a file's bytes. DocumentError (one line, for a person) if unusable.

    `overrides` (title, date, publisher, source_url, kind, language) come from a curator and win.
    """
    overrides = {key: value for key, value in (overrides or {}).items() if value not in (None, "")}
    text = decode(raw)
    headline = ""
    if is_html(text, source_file):
        headline = html_headline(text)
        # In HTML a lone line break is a space; paragraphs end at block ends (blank lines).
        text = re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)", " ", html_to_text(text))
    front, rest = split_front_matter(text)
    paragraphs, images, metadata = clean_text(rest)
    if not paragraphs:
        raise DocumentError("no text after the front matter" if front else "the file has no text")

    header_publisher = ""
    source_label = ""
    attributed_to = ""
    for line in metadata:
        match = _SOURCE_LINE.match(line)
        if match:
            source_label = match["label"]
        attributable = _ATTRIBUTABLE.match(line)
        if attributable:
            attributed_to = attributed_to or attributable["who"].strip()
            who = fold(attributable["who"])
            if re.search(r"\b(?:nsc|national security council|white house|press secretary)\b", who):
                header_publisher = "The White House"
            elif "spokesperson" in who:
                header_publisher = "U.S. Department of State"
    in_spanish = detect_language("\n\n".join(paragraphs)) == "es"
    if in_spanish:  # a header or sign-off: "SRE", "Presidencia de la República"
        named, paragraphs = spanish.publisher_lines(paragraphs)
        header_publisher = header_publisher or named
    # Header lines naming the publisher ("THE WHITE HOUSE", "Office of the Spokesperson").
    # A web page puts them under the headline: the first few paragraphs are looked at.
    for index in reversed(range(min(4, len(paragraphs)))):
        key = fold(paragraphs[index]).strip(" .")
        if key in HEADER_PUBLISHERS and (index == 0 or len(paragraphs[0]) < 200):
            header_publisher = header_publisher or HEADER_PUBLISHERS[key]
            del paragraphs[index]
    if not paragraphs:
        raise DocumentError("the file has no text besides its header")

    text_date, text_date_note = publication_date_from_text("\n\n".join(paragraphs))
    title = _one_line(front.get("title"))
    title_inferred = not title
    headline = _one_line(headline)
    if not title and headline and headline in paragraphs[:12]:
        # A web page: its <h1> is the title, and what stands above it is page furniture
        # ("Skip to content", breadcrumbs); the dateline above it has been read already.
        title = headline
        del paragraphs[: paragraphs.index(headline) + 1]
    elif not title:
        title, headline_index = infer_title(paragraphs)
        if headline_index is not None:
            del paragraphs[headline_index]
    body = "\n\n".join(paragraphs)
    if not body.strip():
        raise DocumentError("the file has a title but no text")

    source_url = _one_line(front.get("source_url") or front.get("url"))
    if not source_url and source_label.lower().startswith(("http://", "https://")):
        source_url = source_label
    # A Spanish communiqué's dateline abroad ("Washington, D.C., a 5 de octubre") is no voice.
    voice_body = spanish.without_dateline(body) if in_spanish else body
    voice = _voice(voice_body, title)
    publisher = _one_line(front.get("publisher"))
    if not publisher and source_label:
        publisher = publisher_from_label(source_label, body)
    publisher = publisher or header_publisher or publisher_from_url(source_url, body)
    # A joint statement speaks for every government that signs it: naming one of them as its
    # publisher from the text's voice would be a guess (left unknown, and flagged, instead).
    joint = re.search(_KIND_WORDS[0][1], fold(title or ""))
    if not publisher and voice and not joint:
        publisher = publisher_from_voice(voice_body, title)

    published = as_date(front.get("date"), "broken front matter: date")
    published_time = as_date(front.get("published_time"), "broken front matter: published_time")
    date_source, date_note = "none", ""
    if published:
        date_source, date_note = "front_matter", "front matter 'date'"
    elif published_time:
        published = published_time
        date_source, date_note = "front_matter", "front matter 'published_time'"
    if published is None:
        published, date_note = text_date, text_date_note
        if published:
            date_source = "text"
        elif _date_from_url(source_url):
            published = _date_from_url(source_url)
            date_source = "inferred"
            date_note = "inferred from the date in the source URL's path"
        else:
            date_note = "no date in the file: needs a curator"

    if "title" in overrides:
        title, title_inferred = _one_line(overrides["title"]), False
    if "date" in overrides:
        published = as_date(overrides["date"], "date")
        date_source, date_note = "curator", "set by a curator"
    if "publisher" in overrides:
        publisher = _one_line(overrides["publisher"])
    if "source_url" in overrides:
        source_url = _one_line(overrides["source_url"])

    language = str(overrides.get("language") or front.get("language") or detect_language(body))
    kind = overrides.get("kind") or front.get("kind")
    if kind:
        kind = _kind_value(kind)
    else:
        speaker = publisher_country(publisher) or voice
        kind = spanish.kind_from_title(title, metadata, body) if language == "es" else ""
        kind = kind or infer_kind(title, body, speaker, language, tuple(metadata))

    return Document(
        source_file=source_file,
        body=body,
        title=title[:500],
        title_inferred=title_inferred,
        publisher=publisher,
        kind=kind,
        language=language,
        source_url=source_url,
        published=published,
        date_source=date_source,
        date_note=date_note,
        content_hash=body_hash(body),
        tags=_tags(front.get("tags")),
        images=images,
        front_matter=front,
        attributed_to=attributed_to,
    )


def read_document(path: Path, root: Path | None = None) -> Document:
    """Read and parse one file; `source_file` is its path relative to `root` (else its name)."""
    path = Path(path)
    if root is not None:
        try:
            source_file = path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            source_file = path.name
    else:
        source_file = path.name
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise DocumentError("a folder, not a file") from None
    except OSError as error:
        raise DocumentError(f"cannot read the file: {error.strerror or error}") from None
    return parse_document(raw, source_file)
