"""The query language people type into the search box, parsed once and shared by both engines.

    fentanyl border          every word must match (stemmed, accents ignored)
    "joint statement"        a phrase
    fentanyl OR opioid       either (also `|`)
    -canada  NOT canada      exclude
    traffick*                a prefix
    fentanilo                also its translation (English <-> Spanish, `bilingual.py`)

Anything else (stray quotes, lone operators, punctuation, SQL, emoji, control characters, very long
input) is dropped or trimmed, and the parse says what it did in `notices`, so no input can reach an
engine's own query syntax: each engine renders `Term`s with its own quoting (`to_tsquery` lexemes
for PostgreSQL, FTS5 strings for SQLite) and lets its own document tokenizer split the term, which
keeps "U.S." or "Sherwood-Randall" tokenized exactly as the documents were.
"""

import re
from dataclasses import dataclass, field

from statements.text import fold, strip_accents

MAX_QUERY_CHARS = 500
MAX_TERMS = 16
MAX_TERM_CHARS = 80

# Characters that can never be part of a term: control characters (NUL included) and quotes
# other than the ASCII double quote, which is the phrase operator.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
# A word character as both engines' tokenizers see it: letters and digits (not "_").
_WORD = re.compile(r"[^\W_]+")
_EDGE_PUNCT = re.compile(r"^[^\w*-]+|[^\w*]+$")


@dataclass(frozen=True)
class Term:
    """A word, a hyphenated or dotted word ("U.S."), or a quoted phrase, maybe a prefix."""

    text: str  # as typed (accents folded, lower case), internal punctuation kept
    phrase: bool = False
    prefix: bool = False

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)


@dataclass
class ParsedQuery:
    raw: str
    # All groups must match; a group matches when any of its terms does (OR).
    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    # (words as typed, [their translations]) added by `bilingual.expand`
    translations: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.excluded

    @property
    def only_excludes(self) -> bool:
        return not self.groups and bool(self.excluded)

    @property
    def positive_terms(self) -> list[Term]:
        return [term for group in self.groups for term in group]

    def __bool__(self):
        return not self.is_empty


def _term(text, *, phrase=False, prefix=False):
    text = fold_keep_punctuation(text)[:MAX_TERM_CHARS]
    if not _WORD.search(text):
        return None
    return Term(text=text, phrase=phrase, prefix=prefix)


def fold_keep_punctuation(text: str) -> str:
    """Lower case without accents, keeping the punctuation that tokenizers split on."""
    return strip_accents(text).casefold().strip()


def _tokens(text):
    """Split into ('phrase', text), ('word', text) and ('or', None) tokens."""
    pos, n = 0, len(text)
    while pos < n:
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        negate = False
        if ch == "-" and pos + 1 < n and text[pos + 1] in '"':
            negate, pos = True, pos + 1
            ch = text[pos]
        if ch == '"':
            end = text.find('"', pos + 1)
            if end == -1:  # an unclosed quote: the phrase runs to the end
                end = n
            yield ("phrase", text[pos + 1 : end], negate)
            pos = end + 1
            continue
        end = pos
        while end < n and not text[end].isspace() and text[end] != '"':
            end += 1
        chunk = text[pos:end]
        pos = end
        if chunk in ("OR", "|", "||"):
            yield ("or", None, False)
        elif chunk in ("AND", "&", "&&", "+"):
            continue
        elif chunk == "NOT":
            yield ("not", None, False)
        else:
            yield ("word", chunk, False)


def parse(raw: str | None, *, translate: bool = True) -> ParsedQuery:
    """Parse what a person typed. Never raises.

    With `translate`, words also look for their English or Spanish translations
    (`bilingual.expand`): "fentanilo" is `fentanilo OR fentanyl`.
    """
    raw = raw or ""
    query = ParsedQuery(raw=raw)
    text = _CONTROL.sub(" ", raw).translate(_SMART_QUOTES)
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        query.notices.append(
            f"Your search was long; only its first {MAX_QUERY_CHARS} characters were used."
        )

    pending_or = False
    pending_not = False
    stray_operator = False
    dropped = []
    count = 0
    for kind, value, negate in _tokens(text):
        if kind == "or":
            stray_operator = stray_operator or pending_or or not query.groups
            pending_or = bool(query.groups)
            continue
        if kind == "not":
            pending_not = True
            continue
        if kind == "phrase":
            term = _term(value, phrase=True)
            if term and len(term.words) == 1:
                term = Term(text=term.text, phrase=False)
        else:
            chunk = value
            if chunk.startswith("-") and len(chunk) > 1:
                negate = True
                chunk = chunk.lstrip("-")
            chunk = _EDGE_PUNCT.sub("", chunk)
            prefix = chunk.endswith("*")
            chunk = chunk.rstrip("*")
            term = (
                _term(chunk, prefix=prefix) if "*" not in chunk else _term(chunk.replace("*", " "))
            )
            if term is None and value.strip():
                dropped.append(value)
        if term is None:
            if kind == "phrase" and value.strip():
                dropped.append(f'"{value}"')
            continue
        if count >= MAX_TERMS:
            query.notices.append(f"Only the first {MAX_TERMS} terms of your search were used.")
            break
        count += 1
        if negate or pending_not:
            query.excluded.append(term)
        elif pending_or and query.groups:
            query.groups[-1].append(term)
        else:
            query.groups.append([term])
        pending_or = pending_not = False

    if pending_or or pending_not or stray_operator:
        query.notices.append("OR and NOT need a word on each side; the extra ones were ignored.")
    if dropped and query.is_empty:
        query.notices.append("Your search has no words or numbers to look for; showing everything.")
    elif dropped:
        shown = " ".join(dropped)[:60]
        query.notices.append(f"Ignored what cannot be searched: {shown}")
    if query.only_excludes:
        query.notices.append(
            "Your search only excludes words: showing every statement without them."
        )
    if translate:
        from statements.search.bilingual import expand

        expand(query)
    return query


def folded(query: str) -> str:
    """The query as a name key, to compare with officials' folded names and aliases."""
    return fold(query)
