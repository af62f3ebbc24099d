"""Safe highlighting: escape first, then mark.

Engines return text with sentinel characters around matches (`mark_sentinels` turns them into
<mark> after escaping). `highlight` marks a query's terms in any text in Python, for titles and
for the statement page reached from a search (`?q=`), matching as the engines do: accents and
case ignored, word endings stemmed roughly, `word*` as a prefix.
"""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from statements.search.base import START, STOP
from statements.search.query import ParsedQuery, parse
from statements.text import strip_accents

_MARKED = re.compile(re.escape(escape(START)) + "(.*?)" + re.escape(escape(STOP)), re.S)
_WORD = re.compile(r"[^\W_]+")
# Longest first; what remains must keep at least three letters.
_SUFFIXES = (
    "ational", "ations", "ation", "ings", "ing", "ers", "er", "edly", "ed",
    "ies", "ied", "ion", "ions", "ly", "es", "s", "e", "y",
)  # fmt: skip


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A rough English stem, enough to match 'trafficking' with 'traffickers'.

    Cached: a page highlights the same few hundred words of titles over and over.
    """
    word = strip_accents(word).casefold()
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
    return word


@lru_cache(maxsize=8192)
def _folded(word: str) -> str:
    return strip_accents(word).casefold()


def mark_sentinels(text: str) -> SafeString:
    """Escape engine output, then turn the START/STOP sentinels into <mark> (always balanced)."""
    escaped = escape(text or "")
    marked = _MARKED.sub(r"<mark>\1</mark>", escaped)
    return mark_safe(marked.replace(START, "").replace(STOP, ""))  # noqa: S308 - escaped above


def _matchers(query: ParsedQuery):
    exact, prefixes = set(), []
    for term in query.positive_terms:
        words = _WORD.findall(term.text)
        for i, word in enumerate(words):
            if term.prefix and i == len(words) - 1:
                prefixes.append(word)
            else:
                exact.add(stem(word))
    return exact, tuple(prefixes)


def highlight(text: str, query: str | ParsedQuery) -> SafeString:
    """`text` escaped, with the query's words wrapped in <mark>."""
    text = text or ""
    parsed = query if isinstance(query, ParsedQuery) else parse(query)
    exact, prefixes = _matchers(parsed)
    if not exact and not prefixes:
        return escape(text)
    out, last = [], 0
    for match in _WORD.finditer(text):
        word = match.group()
        if stem(word) in exact or (prefixes and _folded(word).startswith(prefixes)):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(word)}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped
