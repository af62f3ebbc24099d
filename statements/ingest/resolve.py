"""Resolving a name as written to the one Participant it means, across all documents.

Rules (each has a test in tests/ingest/test_resolve.py):
- accents, case and punctuation are ignored; honorifics and titles are never part of a name;
- middle initials are optional ("Lisa O. Monaco" = "Lisa Monaco");
- common short forms of a given name are the same name ("Liz" = "Elizabeth", see NICKNAMES);
- a Hispanic second surname is optional ("Alicia Bárcena" = "Alicia Bárcena Ibarra"), and so is a
  middle given name we know to be one ("Andrés López Obrador" = "Andrés Manuel López Obrador");
- a surname-only form ("López Obrador", "Biden") means the one person with that surname: first
  in the same document (people.py merges those), then in the archive; if two fit, we don't guess;
- two people from different countries never merge, and neither do forms whose surnames differ
  ("Alejandro Gertz Manero" is not "Alejandro Svarch Pérez").

Canonical name: the gazetteer's (fixtures/officials.yaml) when the person is in it; otherwise the
fullest form seen, where "fullest" counts name words that are not initials, and a full given name
beats its short form ("Elizabeth" beats "Liz"). On a tie the first form seen stays, so an initial
written the first time ("Lisa O. Monaco") is kept.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from statements.ingest import lexicon
from statements.text import fold, strip_accents

OFFICIALS_YAML = Path(__file__).resolve().parents[2] / "fixtures" / "officials.yaml"

HONORIFICS = {
    "dr", "mr", "mrs", "ms", "miss", "sir", "dame", "lic", "ing", "sra", "srta", "hon",
    "honorable", "honourable", "the", "prof", "professor", "gen", "adm", "amb",
}  # fmt: skip
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PARTICLES = {"de", "del", "la", "las", "los", "van", "von", "der", "da", "das", "do", "dos", "y"}

# Short form -> the full given names it can stand for. Symmetric lookups go through given_key().
NICKNAMES = {
    "liz": {"elizabeth"}, "beth": {"elizabeth"}, "betsy": {"elizabeth"}, "libby": {"elizabeth"},
    "rich": {"richard"}, "rick": {"richard"}, "dick": {"richard"},
    "bob": {"robert"}, "rob": {"robert"}, "bobby": {"robert"},
    "bill": {"william"}, "will": {"william"}, "billy": {"william"},
    "tony": {"antony", "anthony", "antonio"}, "toni": {"antonia"},
    "alex": {"alejandro", "alexander", "alexandra", "alexis"}, "alejo": {"alejandro"},
    "pepe": {"jose"}, "chepe": {"jose"}, "paco": {"francisco"}, "pancho": {"francisco"},
    "joe": {"joseph", "jose"}, "joey": {"joseph"}, "mike": {"michael"}, "jim": {"james"},
    "jimmy": {"james"}, "tom": {"thomas"}, "dan": {"daniel"}, "dave": {"david"},
    "ken": {"kenneth"}, "ted": {"edward", "theodore"}, "ed": {"edward"},
    "chris": {"christopher", "christine", "christina"}, "kate": {"katherine", "catherine"},
    "cathy": {"catherine"}, "kathy": {"katherine"}, "jen": {"jennifer"}, "jenny": {"jennifer"},
    "sam": {"samuel", "samantha"}, "steve": {"steven", "stephen"}, "tim": {"timothy"},
    "andy": {"andrew"}, "nick": {"nicholas"}, "pat": {"patrick", "patricia"},
    "jake": {"jacob"}, "ben": {"benjamin"}, "matt": {"matthew"}, "greg": {"gregory"},
    "nacho": {"ignacio"}, "lupe": {"guadalupe"}, "memo": {"guillermo"}, "chuy": {"jesus"},
    "quique": {"enrique"}, "lalo": {"eduardo"}, "beto": {"roberto", "alberto"},
    "toño": {"antonio"}, "tono": {"antonio"}, "fer": {"fernando"}, "rafa": {"rafael"},
    "marce": {"marcelo"}, "amlo": set(),
}  # fmt: skip

# Given names that may stand in the middle of a name and be dropped ("Andrés [Manuel] López").
# Only these may be dropped from the middle: a middle word we don't know could be a first surname.
MIDDLE_GIVEN_NAMES = {
    "manuel", "maria", "jose", "luis", "juan", "carlos", "antonio", "angel", "jesus", "miguel",
    "francisco", "javier", "alberto", "eduardo", "fernando", "ramon", "rafael", "arturo",
    "guadalupe", "isabel", "elena", "fernanda", "teresa", "carmen", "andres", "enrique",
    "felipe", "alejandro", "ignacio", "cresencio", "icela", "del", "ann", "anne", "marie", "lee",
    "lynn", "jean", "michael", "james", "john", "joseph", "david", "william", "robert", "paul",
    "elizabeth", "jane", "louise", "kay", "rose", "mae", "alan", "allen", "edward", "thomas",
    "raul", "jorge", "pablo", "ricardo", "gabriel", "pedro", "oscar", "hector", "mario", "sergio",
    "marcelo", "alfonso", "ernesto", "diego", "ramiro", "rodrigo", "gustavo", "ana", "lucia",
    "patricia", "laura", "sofia", "gabriela", "veronica", "adriana", "alejandra", "beatriz",
}  # fmt: skip

_WORD = re.compile(r"[\w’'\-\.]+")
# Title words that may lead a name as written ("President Joseph R. Biden Jr.").
_LEADING_TITLES = {strip_accents(w).casefold() for w in lexicon.TITLE_HEADS}
_EAST_ASIAN_SURNAMES = lexicon.EAST_ASIAN_SURNAMES


# Words that mark an Arabic name built on lineage ("bin Abdulaziz", "al-Saud"), whose holder a
# text calls by the given name.
_ARABIC_LINKS = {"bin", "bint", "ibn", "ben", "al", "el"}


def _arabic_link(word: str) -> bool:
    return word in _ARABIC_LINKS or word.startswith(("al-", "el-"))


def name_words(name: str) -> list[str]:
    """Folded words of a person's name, without honorifics, initials or suffixes.

    'Dr. Liz Sherwood-Randall' -> ['liz', 'sherwood-randall'];
    'Lisa O. Monaco' -> ['lisa', 'monaco'].
    Hyphenated surnames stay one word; particles (de, del, la) are kept.
    """
    return list(_name_words(name or ""))


@functools.lru_cache(maxsize=1 << 14)
def _name_words(name: str) -> tuple[str, ...]:
    """name_words, remembered: resolving one name compares it with hundreds of known forms."""
    words = []
    for raw in _WORD.findall(strip_accents(name or "")):
        if re.match(r"[A-Z]\.[A-Z][a-z]", raw):
            raw = raw[2:]  # "D.Tsogtbaatar": the father's initial glued to a Mongolian name
        word = raw.casefold().strip(".’'-")
        word = word.replace("’", "'")
        if not word:
            continue
        if raw.endswith(".") and len(word) <= 1:  # an initial
            continue
        if len(word) == 1 and word.isalpha():  # an initial written without its dot
            continue
        if not words and (word.rstrip(".") in HONORIFICS or word in _LEADING_TITLES):
            continue
        if word in SUFFIXES and words:
            continue
        words.append(word.replace(".", ""))
    return tuple(words)


def name_key(name: str) -> str:
    """The folded form stored on aliases: 'Dr. Liz Sherwood-Randall' -> 'liz sherwood randall'."""
    return fold(" ".join(name_words(name)))


def _given_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    return b in NICKNAMES.get(a, ()) or a in NICKNAMES.get(b, ())


def _significant(words: list[str]) -> list[str]:
    return [w for w in words if w not in PARTICLES]


@functools.lru_cache(maxsize=1 << 15)
def name_score(a: str, b: str) -> float:
    """How surely two written names mean the same person: 0 (no) to 1 (same words).

    1.0 same words; 0.9 same person with optional parts left out or a short form;
    0.6 one is a surname-only form of the other (safe only when it is unique: see resolve_official).
    """
    wa, wb = _name_words(a or ""), _name_words(b or "")
    if not wa or not wb:
        return 0.0
    if wa == wb:
        return 1.0
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    # Surname-only: the short form is the tail of the long one ("López Obrador", "Biden"), or a
    # Hispanic first surname alone ("Bárcena" of "Alicia Bárcena Ibarra").
    if len(short) < len(long_):
        # "King Abdullah" is not "Crown Prince Hussein bin Abdullah": after "bin" stands the
        # father's name, not a family name.
        patronymic = long_[-len(short) - 1] in ("bin", "bint", "ibn")
        if long_[-len(short) :] == short and _significant(short) and not patronymic:
            return 0.6
        if len(short) == 1 and len(long_) >= 3 and long_[-2] == short[0]:
            return 0.6
        # The first part of a hyphenated surname: "Osmani" of "Vjosa Osmani-Sadriu".
        if len(short) == 1 and len(long_) >= 2 and long_[-1].startswith(short[0] + "-"):
            return 0.6
        # ... also before a second surname with a particle ("Arévalo" of "… Arévalo de León").
        content = [word for word in long_ if word not in PARTICLES]
        if len(short) == 1 and len(content) >= 3 and content[-2] == short[0]:
            return 0.6
        # Family name first: "Kamikawa" of "Kamikawa Yoko".
        if len(short) == 1 and long_[0] == short[0] and short[0] in _EAST_ASIAN_SURNAMES:
            return 0.6
        # Arabic names go by the given name: "King Salman" of "Salman bin Abdulaziz al-Saud".
        if len(short) == 1 and long_[0] == short[0] and any(_arabic_link(w) for w in long_[1:]):
            return 0.6
    # "Mohamed bin Zayed" of "Mohamed bin Zayed Al Nahyan": an Arabic name by its chain of
    # fathers, the family name ("Al Nahyan", "al-Thani") left off.
    rest = long_[len(short) :]
    if (
        len(short) >= 3
        and long_[: len(short)] == short
        and short[1] in ("bin", "bint", "ibn")
        and rest
        and _arabic_link(rest[0])
        and len(rest) <= 2
    ):
        return 0.9
    if len(short) < 2:
        return 0.0
    # Given name + surnames: first words compatible, then the short form's remaining words appear
    # in order in the long one, skipping only known middle given names, initials and at most one
    # trailing second surname (when the long form has three words or more).
    if not _given_compatible(short[0], long_[0]):
        return 0.0
    i = 1
    skipped_trailing = 0
    for word in short[1:]:
        while i < len(long_) and long_[i] != word:
            if long_[i] not in MIDDLE_GIVEN_NAMES and long_[i] not in PARTICLES:
                return 0.0
            i += 1
        if i >= len(long_):
            return 0.0
        i += 1
    skipped_trailing = len(long_) - i
    if skipped_trailing > 1 or (skipped_trailing == 1 and len(long_) < 3):
        return 0.0
    # The short form must keep at least one surname: its last word is not a middle given name
    # unless it is also the long form's last word ("Rosa Icela" is not "Rosa Icela Rodríguez").
    if skipped_trailing and short[-1] in MIDDLE_GIVEN_NAMES:
        return 0.0
    return 0.9


def names_match(a: str, b: str) -> bool:
    """True when the two written names can be the same person (see name_score)."""
    return name_score(a, b) > 0


def is_surname_only(short: str, long_: str) -> bool:
    return 0 < name_score(short, long_) < 0.9


def fullness(name: str) -> tuple[int, int]:
    """How full a form is: name words (not initials), then full given names over short forms."""
    words = name_words(name)
    first_is_short_form = bool(words) and words[0] in NICKNAMES
    return (len(words), 0 if first_is_short_form else 1)


def fuller_name(current: str, candidate: str) -> str:
    """The fuller of two forms of one person's name; the current one on a tie."""
    return candidate if fullness(candidate) > fullness(current) else current


# --- the gazetteer ------------------------------------------------------------------------------


@dataclass
class GazetteerEntry:
    name: str
    country: str = ""
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)

    def forms(self):
        return [self.name, *self.aliases]


class Gazetteer:
    """Curated officials (fixtures/officials.yaml): helps resolution and countries, not finding."""

    def __init__(self, entries=()):
        self.entries = list(entries)
        self._by_last = {}
        for entry in self.entries:
            for form in entry.forms():
                words = name_words(form)
                if words:
                    self._by_last.setdefault(words[-1], []).append(entry)
                    if len(words) >= 3:
                        self._by_last.setdefault(words[-2], []).append(entry)

    def __len__(self):
        return len(self.entries)

    def entry_named(self, name: str) -> GazetteerEntry | None:
        """The entry one of whose forms is exactly `name` (folded), when only one has it."""
        if not hasattr(self, "_by_form"):
            by_form = {}
            for entry in self.entries:
                for form in entry.forms():
                    by_form.setdefault(fold(form), []).append(entry)
            self._by_form = {key: found[0] for key, found in by_form.items() if len(found) == 1}
        return self._by_form.get(fold(name or ""))

    def lookup(self, name: str, country: str = "") -> GazetteerEntry | None:
        """The one entry this name can be, or None (unknown, or two entries fit)."""
        words = name_words(name)
        if not words:
            return None
        pool = {id(e): e for w in (words[-1], words[0]) for e in self._by_last.get(w, [])}
        best, best_score, tie = None, 0.0, False
        for entry in pool.values():
            if country and entry.country and entry.country != country:
                continue
            score = max(name_score(name, form) for form in entry.forms())
            if score > best_score:
                best, best_score, tie = entry, score, False
            elif score and score == best_score and entry is not best:
                tie = True
        if best is None or tie:
            return None
        return best


def _parse_gazetteer(data) -> Gazetteer:
    entries = []
    for row in data or []:
        entries.append(
            GazetteerEntry(
                name=str(row["name"]),
                country=str(row.get("country", "") or ""),
                aliases=[str(a) for a in row.get("aliases", []) or []],
                titles=[str(t) for t in row.get("titles", []) or []],
            )
        )
    return Gazetteer(entries)


@functools.cache
def default_gazetteer() -> Gazetteer:
    """fixtures/officials.yaml, read once."""
    import yaml

    if not OFFICIALS_YAML.exists():
        return Gazetteer()
    with OFFICIALS_YAML.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return _parse_gazetteer(data.get("officials", data) if isinstance(data, dict) else data)


EMPTY_GAZETTEER = Gazetteer()


def search_forms(name: str, aliases=()) -> list[str]:
    """Every form an official is searched by: the canonical name, the aliases the archive
    recorded, and the gazetteer's (fixtures/officials.yaml) forms of the same person ("AMLO",
    "Liz Sherwood-Randall"), whichever document was imported first.

    This is the alias knowledge of search: `Statement.refresh_search_names()` and the bulk
    importer put these forms in `Statement.search_names`, the names text every engine indexes.
    """
    forms = [name, *aliases]
    entry = default_gazetteer().entry_named(name)
    if entry is not None:
        forms.extend(entry.forms())
    return list(dict.fromkeys(f for f in forms if f))


# --- resolving against the database -------------------------------------------------------------


def _mention_forms(mention) -> list[str]:
    forms = [mention.name, *getattr(mention, "variants", [])]
    return list(dict.fromkeys(f for f in forms if name_words(f)))


def _mention_titles(mention) -> list[str]:
    titles = [mention.title, *getattr(mention, "titles", [])]
    return list(dict.fromkeys(t.strip() for t in titles if t and t.strip()))


def _countries_compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


def _candidates(forms, country):
    """Participants that one of these forms could be, with their best score."""
    from django.db.models import Q

    from statements.models import Participant, ParticipantAlias

    surnames = _surname_keys(forms)
    if not surnames:
        return {}
    index = _active_index.get()
    if index is not None:
        return index.candidates(forms, country, surnames)
    query = None
    for word in surnames:
        q = Q(name_key__contains=word)
        query = q if query is None else query | q
    ids = set(ParticipantAlias.objects.filter(query).values_list("participant_id", flat=True))
    ids |= set(Participant.objects.filter(query).values_list("pk", flat=True))
    scores = {}
    for participant in Participant.objects.filter(pk__in=ids).prefetch_related("aliases"):
        if not _countries_compatible(country, participant.country):
            continue
        known = [participant.name, *(a.name for a in participant.aliases.all())]
        score = max(_directed(f, k, participant.name) for f in forms for k in known)
        if score:
            scores[participant] = score
    return scores


def _surname_keys(forms):
    """The folded last two words of each form (particles aside): what a candidate must contain."""
    return {fold(w) for f in forms for w in name_words(f)[-2:] if w not in PARTICLES}


_active_index = contextvars.ContextVar("candidate_index", default=None)


class CandidateIndex:
    """Every official's name and aliases in memory, for resolving many names in one load.

    `_candidates` asks the database for every official whose name or an alias contains a
    surname (a LIKE scan of two tables) and then scores them in Python: tens of milliseconds
    per name at archive scale. A bulk import resolves thousands of names, so it reads the
    officials once, then what others wrote since (new aliases by id, changed officials by
    `updated_at`) each time it is made active, and, while it is active, every official and
    alias this process saves as the save happens (`post_save`): the answers are the
    database's at that moment, without two queries before every lookup. (A write from another
    process while it is active is seen the next time it is made active: the next batch.)

        with CandidateIndex().active():
            resolve_official(...)
    """

    def __init__(self):
        self.people: dict[int, tuple[str, str, str]] = {}  # pk -> (name, name_key, country)
        self.aliases: dict[int, set[str]] = {}  # pk -> alias names
        self.alias_keys: dict[str, set[int]] = {}  # folded alias -> participant pks
        self.last_alias = 0
        self.since = None
        self._blob, self._owners, self._starts = "", [], []  # keys on lines, their owners
        self._dirty = True
        self._stale = True  # read what others wrote before the next lookup
        self.renamed: set[int] = set()  # officials whose name or aliases changed (see `saw`)

    @contextlib.contextmanager
    def active(self):
        from django.db.models.signals import post_save

        from statements.models import Participant, ParticipantAlias

        self._stale = True
        token = _active_index.set(self)
        post_save.connect(_saw_participant, sender=Participant, dispatch_uid=_SAW_UID)
        post_save.connect(_saw_alias, sender=ParticipantAlias, dispatch_uid=_SAW_UID)
        try:
            yield self
        finally:
            _active_index.reset(token)
            if _active_index.get() is None:
                post_save.disconnect(sender=Participant, dispatch_uid=_SAW_UID)
                post_save.disconnect(sender=ParticipantAlias, dispatch_uid=_SAW_UID)

    def saw_participant(self, pk, name, key, country):
        """An official saved by this process: as `refresh` would read it."""
        known = self.people.get(pk)
        if known is None:
            self._add_line(key, (pk,))
        elif known[1] != key:
            self._dirty = True
        if known is None or known[0] != name:
            self.renamed.add(pk)
        self.people[pk] = (name, key, country)

    def saw_alias(self, participant_id, name, key):
        """An alias saved by this process (`refresh` reads it again by id later: harmless)."""
        self.aliases.setdefault(participant_id, set()).add(name)
        self.renamed.add(participant_id)
        if participant_id not in self.alias_keys.get(key, ()):
            self.alias_keys.setdefault(key, set()).add(participant_id)
            self._add_line(key, (participant_id,))

    def refresh(self):
        from datetime import timedelta

        from django.utils import timezone

        from statements.models import Participant, ParticipantAlias

        if not self._stale:
            return
        self._stale = False
        now = timezone.now()
        people = Participant.objects.all()
        if self.since is not None:  # a second's margin: reading a row twice is harmless
            people = people.filter(updated_at__gte=self.since - timedelta(seconds=1))
        for pk, name, key, country in people.values_list("pk", "name", "name_key", "country"):
            if pk in self.people and self.people[pk][1] != key:
                self._dirty = True  # renamed: the old key must go (rebuild)
            elif pk not in self.people:
                self._add_line(key, (pk,))
            self.people[pk] = (name, key, country)
        aliases = ParticipantAlias.objects.filter(pk__gt=self.last_alias).order_by("pk")
        for pk, participant_id, name, key in aliases.values_list(
            "pk", "participant_id", "name", "name_key"
        ):
            self.last_alias = pk
            self.aliases.setdefault(participant_id, set()).add(name)
            if participant_id not in self.alias_keys.get(key, ()):
                self.alias_keys.setdefault(key, set()).add(participant_id)
                self._add_line(key, (participant_id,))
        self.since = now

    def _add_line(self, key, owners):
        if self._dirty:
            return  # the next lookup rebuilds every line
        if self._starts:
            self._starts.append(len(self._blob) + 1)
            self._blob += "\n" + key
        else:
            self._starts.append(0)
            self._blob = key
        self._owners.append(owners)

    def _containing(self, words):
        """Pks of the officials with a name or alias that contains one of `words`.

        The database's `name_key LIKE '%word%'`, done with str.find over one string that holds
        every key on its own line (a Python loop over every key costs ~10 ms per lookup).
        """
        if self._dirty:
            lines = [(key, (pk,)) for pk, (_, key, _) in self.people.items()]
            lines += list(self.alias_keys.items())
            self._blob = "\n".join(key for key, _ in lines)
            self._owners = [owners for _, owners in lines]
            self._starts, at = [], 0
            for key, _ in lines:
                self._starts.append(at)
                at += len(key) + 1
            self._dirty = False
        ids = set()
        for word in words:
            if not word or "\n" in word:
                continue
            at = self._blob.find(word)
            while at != -1:
                line = bisect.bisect_right(self._starts, at) - 1
                ids.update(self._owners[line])
                next_line = self._starts[line + 1] if line + 1 < len(self._starts) else None
                if next_line is None:
                    break
                at = self._blob.find(word, next_line)
        return ids

    def candidates(self, forms, country, surnames):
        from statements.models import Participant

        self.refresh()
        ids = self._containing(surnames)
        scores = {}
        for pk in ids:
            if pk not in self.people:
                continue
            name, _, participant_country = self.people[pk]
            if not _countries_compatible(country, participant_country):
                continue
            known = [name, *self.aliases.get(pk, ())]
            score = max(_directed(f, k, name) for f in forms for k in known)
            if score:
                scores[pk] = score
        found = Participant.objects.filter(pk__in=scores).prefetch_related("aliases")
        return {participant: scores[participant.pk] for participant in found}


_SAW_UID = "statements.ingest.resolve.CandidateIndex"


def _saw_participant(sender, instance, **kwargs):
    index = _active_index.get()
    if index is not None:
        index.saw_participant(instance.pk, instance.name, instance.name_key, instance.country)


def _saw_alias(sender, instance, created=False, **kwargs):
    index = _active_index.get()
    if index is not None:
        index.saw_alias(instance.participant_id, instance.name, instance.name_key)


def _directed(form, known_form, canonical):
    """How well a written form fits one known form of a participant.

    A surname-only alias ("Biden") fits only as a surname would (never a sure match), and a full
    name ("Pablo Oyarzún") does not fit someone just because their surname alias is its tail.
    """
    score = name_score(form, known_form)
    if known_form != canonical and 0 < name_score(known_form, canonical) < 0.9:
        if len(name_words(form)) > len(name_words(known_form)):
            return 0.0
        return min(score, 0.6)
    return score


def resolve_official(mention, *, create: bool = True, gazetteer=None):
    """Find (or create) the one Participant a mention means, record its forms and titles.

    Returns (participant or None, how): how is "alias" (a form seen before), "gazetteer" (a curated
    official), "match" (a compatible form of a known official), "new", "ambiguous" (two people fit
    a short form: we don't guess, and nothing is created) or "unknown" (create=False, no match).
    """
    from statements.models import Participant

    gazetteer = default_gazetteer() if gazetteer is None else gazetteer
    forms = _mention_forms(mention)
    entry = gazetteer.lookup(mention.name, mention.country) if gazetteer else None
    country = mention.country or (entry.country if entry else "")

    participant, how, created = None, "", False
    if entry is not None:
        participant = Participant.objects.filter(
            name_key=fold(entry.name), country=entry.country
        ).first()
        if participant is None:
            participant = _known_under_another_form(entry)
        if participant is None and create:
            participant = Participant(name=entry.name, country=entry.country)
            participant.save()
            created = True
        how = "gazetteer"
    else:
        scores = _candidates(forms, mention.country)
        if scores:
            best = max(scores.values())
            top = [p for p, s in scores.items() if s == best]
            if len(top) > 1:
                return None, "ambiguous"
            participant = top[0]
            exact = any(name_key(f) == name_key(participant.name) for f in forms) or any(
                name_key(f) == a.name_key for f in forms for a in participant.aliases.all()
            )
            how = "alias" if exact else "match"
        elif create:
            participant = Participant(name=mention.name[:200], country=country)
            participant.save()
            created = True
            how = "new"
        else:
            return None, "unknown"
    if participant is None:
        return None, "unknown"
    if entry is not None:
        # The gazetteer's forms are the official's aliases too (search and the official page
        # know "AMLO" before any document writes it).
        forms = list(dict.fromkeys([*forms, *entry.forms()]))
    _record(
        participant,
        forms,
        _mention_titles(mention),
        country,
        keep_name=entry is not None,
        created=created,
    )
    return participant, how


def _known_under_another_form(entry):
    """A participant created from another form of a gazetteer official's name; renamed to it."""
    scores = {p: s for p, s in _candidates(entry.forms(), entry.country).items() if s >= 0.9}
    if len(scores) != 1:
        return None
    participant = next(iter(scores))
    if participant.name != entry.name:
        participant.name = entry.name
        participant.save()
    return participant


def _record(participant, forms, titles, country, *, keep_name, created=False):
    """Store every form as an alias, every title, the country when newly known, a fuller name.

    `created`: the participant was inserted a moment ago, so it has no aliases yet.
    """
    from statements.models import Participant, ParticipantAlias

    changed = False
    for title in titles:
        changed |= participant.add_title(title)
    if country and not participant.country:
        clash = Participant.objects.filter(name_key=participant.name_key, country=country)
        if not clash.exclude(pk=participant.pk).exists():
            participant.country = country
            changed = True
    if not keep_name:
        for form in forms:
            better = fuller_name(participant.name, form)
            if better != participant.name and fold(better) != participant.name_key:
                clash = Participant.objects.filter(
                    name_key=fold(better), country=participant.country
                )
                if not clash.exclude(pk=participant.pk).exists():
                    participant.name = better
                    changed = True
    if changed or participant.pk is None:
        participant.save()
    prefetched = getattr(participant, "_prefetched_objects_cache", {}).get("aliases")
    if created:
        known = set()
    elif prefetched is not None:  # read by `_candidates` a moment ago
        known = {alias.name_key for alias in prefetched}
    else:
        known = set(participant.aliases.values_list("name_key", flat=True))
    for form in [participant.name, *forms]:
        key = fold(form)
        if key and key not in known:
            ParticipantAlias.objects.create(participant=participant, name=form[:200])
            known.add(key)
