"""Commitments over time: group the commitments of published statements into threads.

A thread is one undertaking: first made in one statement, then reaffirmed, expanded or reported
done in later ones. Two commitments belong together when they share enough *key terms* (words
left after stopwords, boilerplate such as "reaffirmed their commitment", party names and dates
are removed, then stemmed), weighted by how rare each term is across the commitments, their
parties agree and their topics do not contradict each other. Nothing here knows any one
document's wording.

Two entry points: `group_statement` (the importer, after each statement is saved) and
`regroup_all` (the `group_commitments` command). Neither moves a commitment a curator placed:
curators' decisions are `ThreadPin` rows keyed by the statement and the commitment's folded text,
so they survive a re-import that rebuilds the commitments.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max

from statements.ingest import lexicon
from statements.models import (
    Commitment,
    CommitmentThread,
    Statement,
    ThreadMention,
    ThreadPin,
    slug_base,
)
from statements.text import fold

# Cosine similarity (rare terms weigh more) at or above which two commitments are one thread.
THRESHOLD = 0.25
# At least this many key terms shared: one rare word in common is chance, not an undertaking.
MIN_SHARED = 2
MAX_MENTIONS_COMPARED = 30

# Words every commitment uses, which say nothing about *what* is undertaken.
BOILERPLATE = {
    "commit", "commitment", "committed", "reaffirm", "reaffirmed", "affirm", "confirm",
    "reiterate", "reiterated", "underscore", "underscored", "renew", "renewed", "restate",
    "pledge", "pledged", "agree", "agreed", "agreement", "resolve", "resolved", "vow", "vowed",
    "undertake", "undertook", "promise", "promised", "decide", "decided", "will", "would",
    "shall", "should", "can", "could", "continue", "continued", "continuing", "remain",
    "remained", "work", "working", "worked", "closely", "close", "strong", "strongly", "shared",
    "mutual", "full", "fully", "firm", "firmly", "steadfast", "ongoing", "further", "also",
    "both", "two", "countries", "country", "nations", "nation", "leaders", "leader",
    "president", "prime", "minister", "secretary", "government", "governments", "sides", "side",
    "parties", "party", "their", "our", "its", "his", "her", "they", "them", "have", "has", "had",
    "been", "being", "are", "were", "was", "is", "be", "did", "does", "do", "make", "made",
    "take", "took", "taken", "discussed", "discuss", "expressed", "highlighted", "importance",
    "need", "efforts", "effort", "ways", "way", "including", "other", "among", "new", "well",
    "support", "supported", "supporting", "advance", "advancing", "deepen", "strengthen",
    "strengthening", "cooperation", "cooperate", "together", "joint", "jointly", "bilateral",
    "relationship", "partnership", "region", "regional", "global", "world", "international",
    "important", "critical", "key", "area", "areas", "issue", "issues", "matter", "matters",
    "united", "states", "statement", "year", "years", "month", "months", "week", "weeks",
    "first", "second", "third", "next", "last", "ensure", "ensuring", "that", "this", "these",
    "those", "such", "through", "across", "more", "most", "all", "any", "each", "every", "than",
    "welcomed", "welcome", "noted", "note", "looked", "look", "forward",
    # Spanish
    "compromiso", "compromisos", "comprometieron", "comprometio", "acordaron", "reafirmaron",
    "reafirmo", "ambos", "paises", "gobiernos", "gobierno", "seguir", "continuar", "trabajar",
    "cooperacion", "para", "con", "los", "las", "del", "una", "uno", "que", "por",
    "sus", "como", "entre", "mas", "sobre", "este", "esta", "estos", "estas",
}  # fmt: skip
STOPWORDS = {fold(w) for w in lexicon.STOPWORDS} | BOILERPLATE
# A party's own name says who commits, not what: "Mexico" is dropped from Mexico's commitments,
# but "Ukraine" stays in a pledge the United States makes to Ukraine.
PARTY_WORDS = defaultdict(set)
for _word, _code in lexicon.COUNTRY_WORDS.items():
    for _part in fold(_word).split():
        PARTY_WORDS[_code].add(_part)

# A later mention reports the undertaking done (or under way), not promised again.
DONE = re.compile(
    r"\b(?:completed|complete[sd]? the|concluded|delivered|fulfilled|achieved|accomplished"
    r"|signed|launched|entered into force|entry into force|implemented|inaugurated|finalized"
    r"|(?:has|have|had) (?:now )?(?:\w+ )?(?:established|created|opened|met|reached|provided)"
    r"|welcom\w* the (?:completion|launch|signing|conclusion|entry|establishment|opening)"
    r"|(?:se )?(?:concluy|firmaron|inauguraron|cumpli))\w*"
)
# Words the documents use for one thing, mapped to one (before stemming).
SYNONYMS = {
    "guns": "firearms", "gun": "firearms", "arms": "firearms", "weapons": "firearms",
    "lawful": "legal", "pathway": "pathways", "smugglers": "smuggling", "smuggle": "smuggling",
    "traffickers": "trafficking", "traffic": "trafficking", "trafficked": "trafficking",
    "narcotics": "drugs", "opioids": "drugs", "frontier": "border", "borders": "border",
    "migrants": "migration", "migratory": "migration", "irregular": "migration",
    "armas": "firearms", "migracion": "migration", "migrantes": "migration", "frontera": "border",
    "fentanilo": "fentanyl", "trafico": "trafficking", "drogas": "drugs",
}  # fmt: skip
_WORD = re.compile(r"[a-z]{3,}")
_SUFFIXES = (
    "izations", "ization", "ational", "fulness", "ousness", "iveness", "ations", "ation",
    "ments", "ment", "ities", "ity", "ings", "ing", "ness", "ions", "ion", "ies", "ied",
    "ers", "er", "ed", "es", "s", "al", "ly", "iones", "cion", "ciones", "mente",
)  # fmt: skip
_SUFFIXES = tuple(sorted(set(_SUFFIXES), key=len, reverse=True))


def stem(word: str) -> str:
    """A light suffix-stripping stemmer: enough that "migrants", "migration" and "migratory"
    meet at "migra", without a dependency. Keeps at least four letters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if word.endswith(("e", "y", "o", "a")) and len(word) > 5:
        word = word[:-1]
    return word[:7]


def key_terms(text: str, parties=()) -> frozenset[str]:
    """The stems that say what a commitment undertakes (`parties`: its parties' codes)."""
    drop = STOPWORDS.union(*(PARTY_WORDS.get(code, ()) for code in parties))
    words = _WORD.findall(fold(text))
    return frozenset(stem(SYNONYMS.get(w, w)) for w in words if w not in drop)


def text_key(text: str) -> str:
    """What identifies a commitment within its statement across re-imports."""
    return hashlib.sha256(fold(text).encode()).hexdigest()


def party_codes(parties) -> frozenset[str]:
    codes = set()
    for party in parties or ():
        folded = fold(str(party))
        codes.add(lexicon.COUNTRY_WORDS.get(folded, folded.upper() if len(folded) == 2 else folded))
    return frozenset(codes)


@dataclass
class Item:
    """A commitment as the grouping sees it."""

    pk: int
    statement_id: int
    date: object
    position: int
    text: str
    terms: frozenset[str]
    parties: frozenset[str]
    topics: frozenset[int]
    old_thread: int | None = None

    @classmethod
    def of(cls, commitment: Commitment, *, old_thread=None):
        # The meeting's countries name the partner when the sentence only says "the leaders".
        meeting = commitment.meeting
        parties = party_codes([*commitment.parties, *(meeting.countries if meeting else ())])
        return cls(
            pk=commitment.pk,
            statement_id=commitment.statement_id,
            date=commitment.statement.date,
            position=commitment.position,
            text=commitment.text,
            terms=key_terms(commitment.text, parties),
            parties=parties,
            topics=frozenset(t.pk for t in commitment.topics.all()),
            old_thread=old_thread,
        )

    @property
    def order(self):
        return (self.date is None, self.date or 0, self.statement_id, self.position, self.pk)


@dataclass
class Cluster:
    items: list[Item] = field(default_factory=list)
    thread_id: int | None = None
    pinned: set[int] = field(default_factory=set)
    slot: int = 0

    @property
    def statements(self):
        return {item.statement_id for item in self.items}


class Weights:
    """Inverse document frequency of each stem over a collection of commitments."""

    def __init__(self, term_sets):
        self.total = 0
        self.df = Counter()
        for terms in term_sets:
            self.add(terms)

    def add(self, terms):
        self.total += 1
        self.df.update(terms)

    def idf(self, term):
        return math.log((1 + self.total) / (1 + self.df.get(term, 0))) + 1


def similarity(a: Item, b: Item, weights: Weights) -> float:
    """How likely `a` and `b` state the same undertaking: 0 (no) to 1.

    Cosine of the rare-term-weighted key terms; parties that share no one (or name different
    partners) rule it out, one side naming its partner and the other not lowers it, topics
    that share none lower it and a shared topic raises it a little."""
    if a.parties and b.parties and not (a.parties & b.parties):
        return 0.0
    # Two different partners ("with Italy" and "with France") make two undertakings.
    if (
        len(a.parties) > 1
        and len(b.parties) > 1
        and a.parties - b.parties
        and b.parties - a.parties
    ):
        return 0.0
    shared = a.terms & b.terms
    if len(shared) < MIN_SHARED:
        return 0.0

    def norm(terms):
        return math.sqrt(sum(weights.idf(t) ** 2 for t in terms))

    score = sum(weights.idf(t) ** 2 for t in shared) / (norm(a.terms) * norm(b.terms))
    if (len(a.parties) > 1) != (len(b.parties) > 1):
        score *= 0.85
    if a.topics and b.topics:
        score = score + 0.05 if a.topics & b.topics else score * 0.85
    return min(score, 1.0)


def best_cluster(item, clusters, candidates, weights):
    """The candidate cluster most like `item` at or above the threshold (or None).

    A thread never holds two commitments of one statement: a document's own list of
    undertakings is several undertakings."""
    best, best_score = None, THRESHOLD
    for cluster in candidates:
        if item.statement_id in cluster.statements:
            continue
        for other in cluster.items[-MAX_MENTIONS_COMPARED:]:
            score = similarity(item, other, weights)
            if score >= best_score:
                best, best_score = cluster, score
    return best


def roles(items: list[Item]) -> dict[int, str]:
    """Each mention's role: the earliest made it; later ones report it done, expand it (three or
    more key terms no earlier mention had) or reaffirm it."""
    Role = ThreadMention.Role
    result, seen = {}, set()
    for n, item in enumerate(sorted(items, key=lambda i: i.order)):
        if n == 0:
            result[item.pk] = Role.FIRST
        elif DONE.search(fold(item.text)):
            result[item.pk] = Role.DONE
        elif len(item.terms - seen) >= 3 and len(item.terms - seen) * 5 >= 2 * len(item.terms):
            result[item.pk] = Role.EXPANDED
        else:
            result[item.pk] = Role.REAFFIRMED
        seen |= item.terms
    return result


def cluster_items(items: list[Item], pins: dict[int, int], weights: Weights) -> list[Cluster]:
    """Group `items` (any order) into clusters; `pins` maps a commitment to a curator's thread."""
    clusters: list[Cluster] = []
    by_thread: dict[int, Cluster] = {}
    index: dict[str, set[int]] = defaultdict(set)  # stem -> clusters (by position) holding it

    def place(item, cluster):
        if cluster is None:
            cluster = Cluster(slot=len(clusters))
            clusters.append(cluster)
        cluster.items.append(item)
        for term in item.terms:
            index[term].add(cluster.slot)
        return cluster

    for item in sorted(items, key=lambda i: i.order):
        if item.pk in pins:
            thread_id = pins[item.pk]
            cluster = by_thread.get(thread_id)
            if cluster is None:
                cluster = by_thread[thread_id] = place(item, None)
                cluster.thread_id = thread_id
            else:
                place(item, cluster)
            cluster.pinned.add(item.pk)
    for item in sorted(items, key=lambda i: i.order):
        if item.pk in pins:
            continue
        slots = Counter(slot for term in item.terms for slot in index.get(term, ()))
        candidates = [clusters[slot] for slot, n in slots.items() if n >= MIN_SHARED]
        place(item, best_cluster(item, clusters, candidates, weights))
    return clusters


# --- writing ---------------------------------------------------------------------------------


def _published_commitments():
    return (
        Commitment.objects.filter(statement__status=Statement.Status.PUBLISHED)
        .select_related("statement", "meeting")
        .only(
            "pk",
            "text",
            "parties",
            "position",
            "statement_id",
            "statement__date",
            "meeting_id",
            "meeting__countries",
        )
        .prefetch_related("topics")
    )


def _pins_for(commitments) -> dict[int, int]:
    """{commitment pk: thread id} for the commitments a curator placed."""
    by_key = {(c.statement_id, text_key(c.text)): c.pk for c in commitments}
    statements = {statement for statement, _ in by_key}
    pins = ThreadPin.objects.filter(statement_id__in=statements).values_list(
        "statement_id", "text_key", "thread_id"
    )
    return {by_key[(s, k)]: t for s, k, t in pins if (s, k) in by_key}


def _write(clusters: list[Cluster]):
    """Save clusters as threads: a cluster keeps the thread most of its mentions had, so slugs
    (and links to them) stay put when the grouping barely changes."""
    claimed = {c.thread_id for c in clusters if c.thread_id}
    for cluster in clusters:
        if cluster.thread_id:
            continue
        votes = Counter(i.old_thread for i in cluster.items if i.old_thread)
        for thread_id, _ in votes.most_common():
            if thread_id not in claimed:
                cluster.thread_id = thread_id
                claimed.add(thread_id)
                break
    pks = [item.pk for cluster in clusters for item in cluster.items]
    ThreadMention.objects.filter(commitment_id__in=pks).delete()
    existing = CommitmentThread.objects.in_bulk([c.thread_id for c in clusters if c.thread_id])
    mentions = []
    for cluster in clusters:
        items = sorted(cluster.items, key=lambda i: i.order)
        first = items[0]
        thread = existing.get(cluster.thread_id) or CommitmentThread(
            slug=_new_slug(first.text), curated=False
        )
        thread.text = first.text
        thread.first_date = first.date
        thread.last_date = max((i.date for i in items if i.date), default=None)
        thread.mention_count = len(items)
        thread.parties = sorted(set().union(*(i.parties for i in items)))
        thread.terms = " ".join(sorted(set().union(*(i.terms for i in items))))
        thread.save()
        cluster.thread_id = thread.pk
        role = roles(items)
        mentions.extend(
            ThreadMention(
                thread=thread,
                commitment_id=item.pk,
                role=role[item.pk],
                pinned=item.pk in cluster.pinned,
            )
            for item in items
        )
    ThreadMention.objects.bulk_create(mentions)


def _new_slug(text):
    base = slug_base(" ".join(text.split()[:10]), max_length=80)
    taken = set(
        CommitmentThread.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _drop_empty_threads():
    """Threads left with no mention and no curator's decision."""
    CommitmentThread.objects.filter(mentions__isnull=True, pins__isnull=True).delete()


def regroup_all() -> dict:
    """Group every published commitment afresh (curators' placements kept); a summary."""
    with transaction.atomic():
        commitments = list(_published_commitments())
        old = dict(ThreadMention.objects.values_list("commitment_id", "thread_id"))
        items = [Item.of(c, old_thread=old.get(c.pk)) for c in commitments]
        pins = _pins_for(commitments)
        weights = Weights(item.terms for item in items)
        clusters = cluster_items(items, pins, weights)
        # Commitments no longer published leave their threads.
        ThreadMention.objects.exclude(commitment__in=[c.pk for c in commitments]).delete()
        _write(clusters)
        _drop_empty_threads()
    sizes = Counter(len(c.items) for c in clusters)
    return {
        "commitments": len(items),
        "threads": len(clusters),
        "threads_with_later_mentions": sum(n for size, n in sizes.items() if size > 1),
        "largest": max(sizes, default=0),
    }


def group_statement(statement: Statement):
    """(Re)place one statement's commitments among the existing threads (the importer's step).

    Only threads sharing at least one key term are read; rare-term weights come from the
    threads' own terms. Drafts' commitments join no thread."""
    own = list(_published_commitments().filter(statement=statement))
    ThreadMention.objects.filter(commitment__statement=statement, pinned=False).delete()
    if not own:
        _drop_empty_threads()
        return
    pins = _pins_for(own)
    new_items = [Item.of(c) for c in own]
    terms = set().union(*(i.terms for i in new_items))
    weights = Weights(
        frozenset(t.split()) for t in CommitmentThread.objects.values_list("terms", flat=True)
    )
    for item in new_items:
        weights.add(item.terms)
    # Candidate threads: those holding any of these terms, read with their mentions.
    candidate_ids = [
        pk
        for pk, stems in CommitmentThread.objects.values_list("pk", "terms")
        if len(terms & set(stems.split())) >= MIN_SHARED
    ] + list(pins.values())
    members = (
        _published_commitments()
        .filter(thread_mention__thread_id__in=candidate_ids)
        .exclude(statement=statement)
        .annotate(thread_id=Max("thread_mention__thread_id"))
    )
    pinned_pks = set(
        ThreadMention.objects.filter(thread_id__in=candidate_ids, pinned=True).values_list(
            "commitment_id", flat=True
        )
    )
    items, item_pins = [], dict(pins)
    for commitment in members:
        items.append(Item.of(commitment, old_thread=commitment.thread_id))
        # Existing members stay where they are: pin them to their thread for this pass.
        item_pins[commitment.pk] = commitment.thread_id
    clusters = cluster_items(items + new_items, item_pins, weights)
    for cluster in clusters:
        cluster.pinned = {pk for pk in cluster.pinned if pk in pinned_pks or pk in pins}
    with transaction.atomic():
        _write(clusters)
        _drop_empty_threads()


# --- measuring ---------------------------------------------------------------------------------


def read_pairs(path) -> list[tuple[bool, str, str, str, str]]:
    """Hand-labelled pairs (fixtures/thread_pairs.tsv): same?, file a, text a, file b, text b."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("same\t") or not line.strip():
                continue
            same, file_a, text_a, file_b, text_b = line.rstrip("\n").split("\t")
            rows.append((same == "1", file_a, text_a, file_b, text_b))
    return rows


def evaluate(pairs) -> dict:
    """Precision and recall of "same thread" on labelled pairs, as the archive is grouped now.

    Pairs whose commitments are not in the archive (another import, a changed extractor) are
    counted as `missing`, not guessed."""
    mentions = ThreadMention.objects.select_related("commitment__statement").only(
        "thread_id", "commitment__text", "commitment__statement__source_file"
    )
    where = {}
    for m in mentions:
        prefix = " ".join(m.commitment.text.split())
        where.setdefault(m.commitment.statement.source_file, []).append((prefix, m.thread_id))

    def thread_of(source_file, start):
        for text, thread_id in where.get(source_file, ()):
            if text.startswith(start.strip()):
                return thread_id
        return None

    tp = fp = fn = tn = missing = 0
    for same, file_a, text_a, file_b, text_b in pairs:
        a, b = thread_of(file_a, text_a), thread_of(file_b, text_b)
        if a is None or b is None:
            missing += 1
            continue
        predicted = a == b
        tp += same and predicted
        fp += predicted and not same
        fn += same and not predicted
        tn += not same and not predicted
    return {
        "pairs": len(pairs) - missing,
        "missing": missing,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / (tp + fn) if tp + fn else None,
    }


# --- curators: split and join ------------------------------------------------------------------


def _pin_all(threads, user=None):
    """Record that every current mention of `threads` belongs where it is now."""
    mentions = ThreadMention.objects.filter(thread__in=threads).select_related("commitment")
    for mention in mentions:
        ThreadPin.objects.update_or_create(
            statement_id=mention.commitment.statement_id,
            text_key=text_key(mention.commitment.text),
            defaults={"thread_id": mention.thread_id, "pinned_by": user},
        )
    mentions.update(pinned=True)
    CommitmentThread.objects.filter(pk__in=[t.pk for t in threads]).update(curated=True)


def _refresh(threads):
    """Recompute the first text, dates, parties and roles of `threads` from their mentions."""
    clusters = []
    for thread in threads:
        mentions = ThreadMention.objects.filter(thread=thread).values_list(
            "commitment_id", "pinned"
        )
        pinned = {pk for pk, is_pinned in mentions if is_pinned}
        commitments = _published_commitments().filter(pk__in=[pk for pk, _ in mentions])
        items = [Item.of(c) for c in commitments]
        if items:
            clusters.append(Cluster(items=items, thread_id=thread.pk, pinned=pinned))
    _write(clusters)


def join_threads(threads, user=None) -> CommitmentThread:
    """Make one thread of `threads` (the earliest keeps its slug); curators' decision, pinned."""
    threads = sorted(threads, key=lambda t: (t.first_date is None, t.first_date or 0, t.pk))
    if len(threads) < 2:
        raise ValueError("Choose at least two threads to join.")
    target, others = threads[0], threads[1:]
    with transaction.atomic():
        ThreadMention.objects.filter(thread__in=others).update(thread=target)
        ThreadPin.objects.filter(thread__in=others).update(thread=target)
        CommitmentThread.objects.filter(pk__in=[t.pk for t in others]).delete()
        _pin_all([target], user)
        _refresh([target])
    target.refresh_from_db()
    return target


def split_mentions(mentions, user=None) -> CommitmentThread:
    """Move `mentions` (of one thread, not all of it) to a thread of their own; both pinned."""
    mentions = list(mentions)
    thread_ids = {m.thread_id for m in mentions}
    if len(thread_ids) != 1:
        raise ValueError("Choose mentions of one thread to split off.")
    (old_id,) = thread_ids
    old = CommitmentThread.objects.get(pk=old_id)
    if old.mentions.exclude(pk__in=[m.pk for m in mentions]).count() == 0:
        raise ValueError("Leave at least one mention in the original thread.")
    with transaction.atomic():
        first = min(mentions, key=lambda m: m.pk).commitment
        new = CommitmentThread.objects.create(slug=_new_slug(first.text), text=first.text)
        ThreadMention.objects.filter(pk__in=[m.pk for m in mentions]).update(thread=new)
        _pin_all([old, new], user)
        _refresh([old, new])
    new.refresh_from_db()
    return new
