"""Small text helpers shared by ingest, search and the models."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """'López Nuñez' -> 'Lopez Nunez'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """A matching key: accents, case, punctuation and extra spaces removed.

    'Dr. Sherwood-Randall' -> 'dr sherwood randall'.
    """
    text = strip_accents(text or "").casefold()
    text = _NON_WORD.sub(" ", text.replace("_", " "))
    return _SPACES.sub(" ", text).strip()
