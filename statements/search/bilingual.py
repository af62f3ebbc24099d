"""Search across English and Spanish: a query's words also look for their translations.

The archive holds statements in both languages ("fentanilo" in a communiqué of the Secretaría
de Relaciones Exteriores, "fentanyl" in a White House readout). Two things make one search find
both, and both are needed:

- Query-side translation (here): `expand` adds to each query word, or run of words, the forms
  of the other language that a curated lexicon (`fixtures/bilingual.yaml`) gives it, as
  alternatives (OR) in the parsed query. It is applied once, by `query.parse`, so every path
  (the Tantivy engine, SQLite FTS5, PostgreSQL, snippets, title highlights) sees the same
  expanded query and finds the same statements. A run of words ("tráfico de armas" typed
  without quotes is three words that must all match) gets the translation added to each of its
  words' groups: (tráfico OR P) AND (de OR P) AND (armas OR P) matches exactly the statements
  with all three words or with the phrase P ("arms trafficking"), so the query keeps its plain
  AND-of-ORs shape and no engine needs nested queries.
- Per-language stemming (the indexes): a Spanish statement's title and body are stemmed as
  Spanish, an English one's as English (see `index.py` and `postgres.py`; SQLite's FTS5 has only
  the Porter stemmer, see docs/API.md "Search across English and Spanish").

Lexicon forms and query words are compared stemmed in the form's language and without accents,
so "migraciones", "migracion" and "Migración" all are the form "migración", and "migrations" is
"migration". A translation never goes back into the language it came from (no synonyms within a
language), and prefix terms (`migra*`) are not translated: they already reach across.
"""

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml
from django.conf import settings

from statements.search.query import Term, fold_keep_punctuation

LANGUAGES = ("en", "es")
MAX_TRANSLATIONS = 8  # forms added for one word or run of words


def lexicon_path() -> Path:
    return Path(settings.BASE_DIR) / "fixtures" / "bilingual.yaml"


@dataclass(frozen=True)
class Lexicon:
    # (language, stems of a form) -> [(its words' lengths, other language, a form as written)]
    forms: dict
    longest: int  # the most words a form has


def _stems(language, text) -> tuple[str, ...]:
    from statements.search.index import analyzer_for

    return tuple(analyzer_for(language).analyze(text))


@cache
def lexicon() -> Lexicon:
    with open(lexicon_path(), encoding="utf-8") as handle:
        entries = yaml.safe_load(handle) or []
    forms, longest = {}, 1
    for entry in entries:
        written = {
            lang: [str(form).strip() for form in entry.get(lang) or []] for lang in LANGUAGES
        }
        for lang in LANGUAGES:
            others = [(o, f) for o in LANGUAGES if o != lang for f in written[o]]
            for form in written[lang]:
                key = (lang, _stems(lang, form))
                if not key[1]:
                    continue
                longest = max(longest, len(key[1]))
                sizes = tuple(len(word) for word in Term(text=fold_keep_punctuation(form)).words)
                known = forms.setdefault(key, [])
                known += [(sizes, *f) for f in others if (sizes, *f) not in known]
    return Lexicon(forms, longest)


def translations(words: list[str]) -> list[str]:
    """The other language's forms (as the lexicon writes them: accents kept, for showing) for a
    run of (folded) words, in the lexicon's order."""
    return list(_translations(" ".join(words))) if words else []


@lru_cache(maxsize=4096)
def _translations(text: str) -> tuple[str, ...]:
    found = []
    sizes = tuple(len(word) for word in text.split())
    for lang in LANGUAGES:
        for source, other, form in lexicon().forms.get((lang, _stems(lang, text)), []):
            if not _inflects(sizes, source):
                continue
            # Not the words themselves in the other language ("migrantes" reads as English too)
            if form not in found and _stems(other, form) != _stems(other, text):
                found.append(form)
    return tuple(found[:MAX_TRANSLATIONS])


def _inflects(typed, source):
    """Typed words stemmed like a lexicon form are that form only if none is shorter than the
    form's word: an ending added ("migraciones"), not letters left out ("fentanil", a
    misspelling of "fentanyl" that did-you-mean corrects, is not "fentanilo")."""
    return len(typed) == len(source) and all(a >= b for a, b in zip(typed, source, strict=True))


def _as_terms(forms):
    terms = []
    for form in forms:
        text = fold_keep_punctuation(form)
        term = Term(text=text, phrase=len(Term(text=text).words) > 1)
        if term.words:
            terms.append(term)
    return terms


def _add(group, terms):
    texts = {term.text for term in group}
    group += [term for term in terms if term.text not in texts]


def _spannable(group):
    """A group that can be part of a run of words: one term, not a phrase, not a prefix."""
    return len(group) == 1 and not group[0].phrase and not group[0].prefix


def expand(query):
    """Add the translations of `query`'s words to it (in place); returns it.

    Runs of words are matched first, longest first ("tráfico de armas" before "armas"); a word
    inside a matched run is not translated alone. Then every other term of a group (a word, a
    hyphenated word, a phrase) and every excluded term is translated whole. What was added is
    listed in `query.translations` as (what was typed, [translations]).
    """
    groups = query.groups
    taken = set()
    start = 0
    while start < len(groups):
        span = 0
        for size in range(min(lexicon().longest, len(groups) - start), 1, -1):
            run = groups[start : start + size]
            if not all(_spannable(group) for group in run):
                continue
            words = [word for group in run for word in group[0].words]
            found = translations(words)
            if found:
                for group in run:
                    _add(group, _as_terms(found))
                query.translations.append((" ".join(g[0].text for g in run), found))
                span = size
                break
        if span:
            taken.update(range(start, start + span))
            start += span
        else:
            start += 1
    for position, group in enumerate(groups):
        if position in taken:
            continue
        for term in list(group):
            if term.prefix:
                continue
            found = translations(term.words)
            if found:
                _add(group, _as_terms(found))
                query.translations.append((term.text, found))
    for term in list(query.excluded):
        if not term.prefix:
            found = translations(term.words)
            _add(query.excluded, _as_terms(found))
    return query
