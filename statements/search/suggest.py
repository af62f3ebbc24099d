"""Search that helps: autocomplete for the search boxes, and "did you mean" for misspelled words.

Autocomplete matches the folded start of any word of an official's name or public alias (and the
gazetteer's forms of officials the archive holds), of a topic's name, of a meeting's title: a few
bounded queries over public data only (officials a published statement names, without the forms
only drafts wrote; topics of published statements; meetings a published statement reports).

"Did you mean" corrects a word the archive never uses to the closest one it uses often, from the
vocabulary of the published statements (titles, names, bodies): the words as written, folded, so a
suggestion reads as a word, not as the index's stem. The vocabulary is built once per process and
rebuilt when the published statements change (one small query tells).
"""

import difflib
import re
import threading
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.urls import reverse

from statements.models import (
    Meeting,
    Participant,
    ParticipantAlias,
    Statement,
    Topic,
    draft_only_forms,
)
from statements.text import fold

SUGGEST_LIMIT = 8
MAX_QUERY_CHARS = 100
# Rows one query per kind reads: more than the limit, so names matched twice still fill it.
_FETCH = 3 * SUGGEST_LIMIT


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "official", "topic" or "meeting"
    label: str
    url: str

    def as_dict(self):
        return {"kind": self.kind, "label": self.label, "url": self.url}


def _starts_a_word(key):
    """Q on `name_key` (folded): the name, or one of its words, starts with `key`."""
    return Q(name_key__startswith=key) | Q(name_key__contains=f" {key}")


# Small words no one means to complete: "an" should not offer every topic with "and".
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "at", "de", "del", "el", "en", "for", "in", "la", "las", "los", "of", "on"]
    + ["the", "to", "y"]
)


def _word_starts(folded_text, key):
    """The folded text, or the rest of it from one of its words (not a small one), starts with
    `key` (which may be several words: "sherwood ran")."""
    words = folded_text.split()
    return any(
        " ".join(words[i:]).startswith(key) and (i == 0 or words[i] not in _SMALL_WORDS)
        for i in range(len(words))
    )


def _officials(key, limit):
    visible = Participant.objects.visible()
    by_name = list(
        visible.filter(_starts_a_word(key)).order_by("name", "pk").values_list("pk", "name", "slug")
    )[:_FETCH]
    aliases = list(
        ParticipantAlias.objects.filter(_starts_a_word(key), participant__in=visible)
        .order_by("name", "pk")
        .values_list("participant_id", "participant__name", "participant__slug", "name_key")[
            :_FETCH
        ]
    )
    hidden = draft_only_forms({pk for pk, _, _, _ in aliases}) if aliases else {}
    found = {pk: (name, slug) for pk, name, slug in by_name}
    for pk, name, slug, alias_key in aliases:
        if alias_key not in hidden.get(pk, ((),))[0]:
            found.setdefault(pk, (name, slug))
    if len(found) < limit:
        # A form only the curated gazetteer knows ("AMLO") for an official the archive holds.
        from statements.ingest.resolve import default_gazetteer

        names = [
            fold(entry.name)
            for entry in default_gazetteer().entries
            if any(_word_starts(fold(form), key) for form in entry.forms())
        ][:_FETCH]
        if names:
            for pk, name, slug in visible.filter(name_key__in=names).values_list(
                "pk", "name", "slug"
            ):
                found.setdefault(pk, (name, slug))
    rows = sorted(found.values(), key=lambda row: (not fold(row[0]).startswith(key), row[0]))
    return [
        Suggestion("official", name, reverse("statements:official_detail", args=[slug]))
        for name, slug in rows[:limit]
    ]


def _topics(key, limit):
    published = Statement.topics.through.objects.filter(
        topic=OuterRef("pk"), statement__status=Statement.Status.PUBLISHED
    )
    rows = Topic.objects.filter(Exists(published)).values_list("name", "slug")
    found = [(name, slug) for name, slug in rows if _word_starts(fold(name), key)]
    found.sort(key=lambda row: (not fold(row[0]).startswith(key), row[0]))
    return [
        Suggestion("topic", name, reverse("statements:topic_detail", args=[slug]))
        for name, slug in found[:limit]
    ]


def _meetings(key, limit):
    """Meetings have no folded column: the database narrows by the key's longest plain-ASCII
    run (case-insensitively), then the folded title decides."""
    meetings = Meeting.objects.visible().order_by("-start_date", "-pk")
    plain = max(re.findall(r"[a-z0-9]+", key), key=len, default="")
    if len(plain) >= 3 and plain == key.replace(" ", "")[: len(plain)]:
        meetings = meetings.filter(title__icontains=plain)
    rows = meetings.values_list("title", "slug")[:500]
    found = [(t, s) for t, s in rows if _word_starts(fold(t), key)]
    return [
        Suggestion("meeting", title, reverse("statements:meeting_detail", args=[slug]))
        for title, slug in found[:limit]
    ]


def suggest(q, limit=SUGGEST_LIMIT):
    """Up to `limit` suggestions for what is typed: officials first, then topics, then meetings
    (each kind gets its share, the rest go to whichever has more). Nothing under 2 letters."""
    key = fold((q or "")[:MAX_QUERY_CHARS])
    if len(key) < 2:
        return []
    officials = _officials(key, limit)
    topics = _topics(key, limit)
    meetings = _meetings(key, limit)
    share = max(1, limit // 3)
    chosen = officials[:share] + topics[:share] + meetings[:share]
    rest = officials[share:] + topics[share:] + meetings[share:]
    chosen += rest[: max(0, limit - len(chosen))]
    order = {"official": 0, "topic": 1, "meeting": 2}
    return sorted(chosen[:limit], key=lambda s: order[s.kind])


# --- did you mean ---------------------------------------------------------------------------

FEW_RESULTS = 2  # a search finding this many or fewer gets a suggestion when one exists
# The words of the newest statements this many: ~0.5 ms each to read, once per change and
# process (a bigger archive's older words are also in its newer statements, mostly).
VOCABULARY_STATEMENTS = 5000
_WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r"[^\W_]+")  # letters and digits, any script
_OPERATORS = {"or", "and", "not"}
_vocabulary_lock = threading.Lock()
_vocabulary = {"key": None, "words": Counter()}


def _vocabulary_key():
    published = Statement.objects.published()
    return tuple(published.aggregate(n=Count("pk"), changed=Max("updated_at")).values())


def vocabulary():
    """{folded word: how many published statements use it}, cached per process."""
    key = _vocabulary_key()
    with _vocabulary_lock:
        if _vocabulary["key"] == key:
            return _vocabulary["words"]
        words = Counter()
        rows = Statement.objects.published().order_by("-pk")[:VOCABULARY_STATEMENTS]
        for row in rows.values_list("title", "search_names", "body").iterator(chunk_size=500):
            # Each statement's distinct words once (how many statements use a word); folding
            # word by word only the few that are not plain ASCII is ~5x faster than the text.
            seen = set(_TOKEN.findall(" ".join(text or "" for text in row).lower()))
            words.update(
                folded
                for word in seen
                for folded in (_WORD.findall(fold(word)) if not word.isascii() else (word,))
                if len(folded) > 1 and not folded.startswith("_")
            )
        _vocabulary.update(key=key, words=words)
        return words


def _closest(word, words):
    if len(word) < 4 or word.isdigit() or word in words:
        return None
    candidates = [w for w in words if abs(len(w) - len(word)) <= 2 and w[0] == word[0]]
    close = difflib.get_close_matches(word, candidates, n=5, cutoff=0.75)
    if not close:
        return None
    # The most similar first; among equally similar words, the most used.
    return max(
        close,
        key=lambda w: (round(difflib.SequenceMatcher(None, word, w).ratio(), 2), words[w]),
    )


def did_you_mean(q):
    """The query with each word the archive never uses replaced by the closest word it does
    use, or None when no word needs (or has) a correction. Operators, quotes, -exclusions and
    prefix* are kept as typed."""
    if not q or len(q) > 1000:
        return None
    words = vocabulary()
    changed = False
    out = []
    for token in q.split():
        core = fold(token)
        bare = token.strip('"').lstrip("-").rstrip("*")
        if (
            core in _OPERATORS
            or token.endswith("*")
            or not _WORD.fullmatch(core or "-")
            or fold(bare) != core
        ):
            out.append(token)
            continue
        fix = _closest(core, words)
        if fix:
            out.append(token.replace(bare, fix))
            changed = True
        else:
            out.append(token)
    return " ".join(out) if changed else None
