"""Topics from a keyword taxonomy (`fixtures/topics.yaml`), in English and Spanish.

Matching ignores case and accents and respects word boundaries; a keyword ending in "*" matches
any ending ("migra*": migration, migrants, migración), others also match their plural.
"""

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from statements.text import strip_accents

# Texts shorter than this are a sentence or a snippet: one keyword is enough there.
SHORT_TEXT_WORDS = 60
# In a document, a topic needs at least MIN_DOCUMENT_HITS keyword hits, and one more for every
# further WORDS_PER_HIT words (long texts mention everything once or twice).
MIN_DOCUMENT_HITS = 2
WORDS_PER_HIT = 700


@dataclass(frozen=True)
class TopicSpec:
    slug: str
    name: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    pattern: re.Pattern | None = field(default=None, compare=False, repr=False)

    def count(self, folded_text: str) -> int:
        """How many times the topic's keywords occur in an already folded text."""
        return len(self.pattern.findall(folded_text)) if self.pattern else 0


def fold(text: str) -> str:
    return strip_accents(text or "").casefold()


def keyword_pattern(keyword: str) -> str:
    """A regex for one keyword: words joined by spaces or hyphens, "*" for any ending."""
    words = [w for w in re.split(r"[\s-]+", fold(keyword).strip()) if w]
    parts = []
    for i, word in enumerate(words):
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        elif i == len(words) - 1 and word[-1].isalpha():
            parts.append(re.escape(word) + r"(?:s|es)?")
        else:
            parts.append(re.escape(word))
    return r"\b" + r"[\s-]+".join(parts) + r"(?!\w)"


def _compile(keywords) -> re.Pattern:
    # Longest first, so "transnational criminal organizations" counts once, not also as
    # "criminal organizations".
    ordered = sorted(keywords, key=lambda k: len(k), reverse=True)
    alternatives = (keyword_pattern(k).removeprefix(r"\b") for k in ordered)
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")


def _default_path() -> Path:
    try:
        from django.conf import settings

        return Path(settings.TOPICS_TAXONOMY)
    except Exception:  # settings not configured: use the repository's file
        return Path(__file__).resolve().parents[2] / "fixtures" / "topics.yaml"


def parse_taxonomy(data) -> list[TopicSpec]:
    """TopicSpecs from the YAML data (a list of {slug, name, description, keywords})."""
    if not isinstance(data, list):
        raise ValueError("the topic taxonomy must be a list of topics")
    specs, seen = [], set()
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict) or not item.get("slug") or not item.get("name"):
            raise ValueError(f"topic #{i} needs a slug and a name")
        slug = str(item["slug"])
        if slug in seen:
            raise ValueError(f"topic slug {slug!r} appears twice")
        seen.add(slug)
        keywords = item.get("keywords") or []
        if isinstance(keywords, dict):  # {en: [...], es: [...]}
            keywords = [k for words in keywords.values() for k in (words or [])]
        keywords = tuple(str(k) for k in keywords if str(k).strip())
        if not keywords:
            raise ValueError(f"topic {slug!r} has no keywords")
        specs.append(
            TopicSpec(
                slug=slug,
                name=str(item["name"]),
                description=str(item.get("description") or ""),
                keywords=keywords,
                pattern=_compile(keywords),
            )
        )
    return specs


@functools.lru_cache(maxsize=8)
def _load(path: str) -> tuple[TopicSpec, ...]:
    with open(path, encoding="utf-8") as handle:
        return tuple(parse_taxonomy(yaml.safe_load(handle)))


def load_taxonomy(path: Path | None = None) -> list[TopicSpec]:
    """The taxonomy at `path` (default settings.TOPICS_TAXONOMY), read once and cached."""
    return list(_load(str(path or _default_path())))


def topic_scores(text: str, taxonomy=None) -> dict[str, int]:
    """{slug: keyword hits} for every topic that occurs at all."""
    folded = fold(text)
    scores = {}
    for spec in taxonomy if taxonomy is not None else load_taxonomy():
        hits = spec.count(folded)
        if hits:
            scores[spec.slug] = hits
    return scores


def find_topics(text: str, taxonomy=None) -> list[str]:
    """Topic slugs for a text, most relevant (most keyword hits) first.

    The minimum, so that one passing word does not tag a document: a text of
    SHORT_TEXT_WORDS words or more needs MIN_DOCUMENT_HITS hits of a topic's keywords (a
    1,400-word text needs 3, a 2,100-word one 4: one more per WORDS_PER_HIT words). A shorter
    text (a sentence, a commitment) needs one. Ties keep the taxonomy's order.
    """
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    words = len(text.split())
    needed = 1 if words < SHORT_TEXT_WORDS else max(MIN_DOCUMENT_HITS, 1 + words // WORDS_PER_HIT)
    order = {spec.slug: i for i, spec in enumerate(taxonomy)}
    scores = topic_scores(text, taxonomy)
    chosen = [slug for slug, hits in scores.items() if hits >= needed]
    return sorted(chosen, key=lambda slug: (-scores[slug], order[slug]))


def topics_for_sentence(sentence: str, taxonomy=None) -> list[str]:
    """Topics of one sentence or clause (a commitment): any keyword counts."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    order = {spec.slug: i for i, spec in enumerate(taxonomy)}
    scores = topic_scores(sentence, taxonomy)
    return sorted(scores, key=lambda slug: (-scores[slug], order[slug]))
