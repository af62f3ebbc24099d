"""A scored second opinion on commitments: weighs a sentence's evidence where the rules found none.

The trigger rules of `commitments.py` list the phrasings of undertakings they know ("agreed to",
"reaffirmed their commitment to", "will" after a party). A readout phrased otherwise ("The two
sides were unanimous in taking measures to …", "…, agreeing to promote …") is missed. This step
scores each sentence the rules left alone on general evidence: word stems and a few bigrams,
classes of evidence (an undertaking verb of any kind, a future, a subject that is a party, found
by the rules' own party machinery), cues of a past or talked-about event ("discussed",
"congratulated", "last year"), the main verb, tense, position, length.

The weights are a logistic regression trained, in pure Python, on the tune gold only
(`bench/train_commitment_scorer.py` writes `data/commitment_weights.json`, with the threshold
chosen by document-level cross-validation on tune). A sentence above the threshold becomes a
commitment *proposed by the scorer* when what the rules know does not rule it out (no trigger
matched it, not even one a rule then set aside; no schedule, hope or negation), its subject is a
party, and that party's own predicate undertakes (`PREDICATES`: an undertaking verb or a resolved
state as its main verb, "were unanimous in", or a participle ", agreeing to …"; not a view,
"agreed that …"). It carries a note with its score and its strongest evidence, and the import
flags the statement for review ("When unsure, say so").
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import re
from pathlib import Path

from statements.ingest.documents import countries_in, fold

WEIGHTS_FILE = Path(__file__).parent / "data" / "commitment_weights.json"

_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?")

# What a committing sentence tends to hold: a future or an obligation, an undertaking verb with
# its "to", a resolve.
_FUTURE = re.compile(r"\b(?:will|shall|'ll|’ll|going to)\b")
_UNDERTAKING_TO = re.compile(
    r"\b(?:agree\w*|commit\w*|pledg\w*|decid\w*|resolv\w*|undert\w*|vow\w*|promis\w*|intend\w*"
    r"|plan\w*|seek\w*|sought|aim\w*|ready|prepared|determined|endeavou?r\w*|strive\w*|sworn"
    r"|swore|expect\w*|look\w* forward|continu\w*|work\w*|tasked|instructed|directed)\s+"
    r"(?:\w+\s+)?to\s+(?!the\b|a\b|an\b|this\b|that\b|their\b|his\b|her\b|its\b)[a-z]{3,}"
)
# An undertaking verb or phrase, whatever follows it: one class, so that a verb the tune texts
# seldom use ("promised", "instructed", "concurred", "were unanimous in") weighs as the usual ones.
_UNDERTAKING_VERB = re.compile(
    r"\b(?:agree(?:s|d|ing)?|commit(?:s|ted|ting)?|pledg\w*|promis\w*|vow\w*|undert\w*"
    r"|resolv\w*|decid\w*|instruct\w*|task(?:s|ed)|direct(?:s|ed)|concur\w*|endeavou?r\w*"
    r"|striv\w*|strove|intend\w*|unanimous\w*|consensus|determin\w*|dedicat\w*|swore|sworn"
    r"|guarantee\w*|assur\w*|ensur\w*)\b"
)
_COMMITMENT_NOUN = re.compile(r"\b(?:commitments?|pledges?|resolve|determination|readiness)\b")
# Where a sentence's subject ends when no trigger says so: its first verb-like word (the main
# verb: "thanked Norway for its pledge" is about a pledge, "undertook to" makes one).
SUBJECT_END = re.compile(
    r"\b(?:will|shall|would|can|could|must|should|have|has|had|are|is|were|was|[a-z]{3,}ed"
    r"|undertook|swore|sought|took|made|gave|met|spoke|held|agree|commit|pledge|vow|intend|plan"
    r"|seek|aim|resolve|decide|undertake|promise)\b"
)
# The subject's own predicate as an undertaking, whatever the verb: "were unanimous in taking",
# "are determined to", "…, agreeing to promote" (a participle of the same subject).
_RESOLVED_STATE = re.compile(
    r"(?:are|is|were|was|remain\w*)\s+(?:also\s+|all\s+|\w+ly\s+)?(?:unanimous|determined|resolved"
    r"|ready|willing|prepared|keen|eager|bound|committed|dedicated|united|agreed)\b"
)
_PARTICIPLE_UNDERTAKING = re.compile(
    r",\s*(?:and\s+)?(?:agreeing|pledging|committing|vowing|promising|resolving|undertaking"
    r"|deciding|endeavou?ring)\s+(?:\w+\s+)?to\s+[a-z]{3,}"
)
# A main verb that states a view, not an act: "agreed that", "agreed there is", "agreed on the
# importance of", "agreed with".
_A_VIEW = re.compile(
    r"[a-z]+\s+(?:\w+ly\s+)?(?:that|there|with|on\s+(?:the\s+)?(?:importance|need|value"
    r"|significance|role|centrality|urgency))\b"
)
# What a proposal needs: the party's own predicate commits (not a pledge thanked for, a commitment
# described, a view "agreed that …"); the score weighs the rest.
PREDICATES = ("main_undertaking", "participle_undertaking")
# Cues of an event reported, talked about, or past.
_TALKED = re.compile(
    r"\b(?:discuss\w*|review\w*|recall\w*|exchang\w* views|talked|spoke|briefed|updated"
    r"|congratulat\w*|condolences|thank\w*|welcom\w*|commend\w*|prais\w*|appreciat\w*"
    r"|noted|took note|highlighted the importance|the importance of|met with|hosted)\b"
)
_WHEN_PAST = re.compile(
    r"\b(?:last (?:year|month|week)|(?:years?|months?|weeks?) ago|earlier this|in (?:19|20)\d\d"
    r"|since (?:19|20)\d\d|previously|already)\b"
)
_PAST_VERB = re.compile(r"\b(?:[a-z]{3,}ed|met|spoke|held|took|gave|made|was|were|had)\b")
_NEGATION = re.compile(r"\b(?:not|never|no|n't|neither|nor)\b")
_WE = re.compile(r"^\W*(?:we|together,? we)\b")
# First words of the few bigrams kept: modals, undertaking verbs, the parties' group words.
_BIGRAM_HEADS = {
    "will",
    "shall",
    "to",
    "agre",
    "commit",
    "pledg",
    "continu",
    "work",
    "we",
    "they",
    "side",
    "both",
    "two",
    "not",
    "would",
    "ready",
    "intend",
    "plan",
    "seek",
    "decid",
    "look",
    "forward",
    "their",
    "our",
}


def stem(word: str) -> str:
    """A crude stem, enough to pool "pledged", "pledges", "pledging"."""
    word = re.sub(r"['’]s$", "", word)
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("e", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + keep
    return word


def features(
    sentence: str, *, party: bool, index: int = 0, count: int = 1, person: bool = False
) -> list[str]:
    """The names of the features a sentence has (binary). `party`: its subject is a party;
    `person`: that party is one official; `index`/`count`: its place among the body's sentences."""
    folded = fold(sentence)
    words = _TOKEN.findall(folded)
    stems = [stem(w) for w in words]
    names = {"bias"}
    names.update(f"w:{s}" for s in stems)
    for a, b in zip(stems, stems[1:], strict=False):
        if a in _BIGRAM_HEADS:
            names.add(f"b:{a}_{b}")
    future = bool(_FUTURE.search(folded))
    undertaking = bool(_UNDERTAKING_TO.search(folded))
    if party:
        names.add("party_subject")
        if person:
            names.add("party_is_one_person")
        if future:
            names.add("party_and_future")
        if undertaking:
            names.add("party_and_undertaking")
    main = SUBJECT_END.search(folded)
    if main:
        names.add(f"v:{stem(main.group(0))}")
        predicate = folded[main.start() :]
        if _TALKED.match(folded, main.start()):
            names.add("main_verb_talked")
        if _A_VIEW.match(predicate):
            names.add("main_verb_that")  # "agreed that …", "agreed on the importance of": a view
        elif _UNDERTAKING_VERB.match(folded, main.start()) or _RESOLVED_STATE.match(predicate):
            names.add("main_undertaking")
        elif re.match(r"(?:will|shall)\b", predicate):
            names.add("main_future")
    if _PARTICIPLE_UNDERTAKING.search(folded):
        names.add("participle_undertaking")
    verb = bool(_UNDERTAKING_VERB.search(folded))
    talked = bool(_TALKED.search(folded))
    if verb:
        names.add("undertaking_verb")
        if party:
            names.add("party_and_undertaking_verb")
    if talked and _COMMITMENT_NOUN.search(folded):
        names.add("talked_about_a_commitment")
    if future:
        names.add("future")
    if undertaking:
        names.add("undertaking_to")
    if talked:
        names.add("talked_about")
    if _WHEN_PAST.search(folded):
        names.add("when_past")
    if _PAST_VERB.search(folded) and not future and not undertaking:
        names.add("past_only")
    if _NEGATION.search(folded):
        names.add("negation")
    if _WE.match(folded):
        names.add("starts_we")
    if countries_in(sentence):
        names.add("names_country")
    if sentence.rstrip().endswith(":"):
        names.add("ends_colon")
    if index == 0:
        names.add("first_sentence")
    elif count > 1 and index == count - 1:
        names.add("last_sentence")
    n = len(words)
    names.add("len:" + ("short" if n < 8 else "mid" if n < 25 else "long" if n < 50 else "very"))
    return sorted(names)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def probability(names, weights: dict[str, float]) -> float:
    return _sigmoid(sum(weights.get(name, 0.0) for name in names))


def proposable(names, parties, rule_hit: bool) -> bool:
    """Whether a sentence may be proposed at all, whatever its score: no rule found anything in
    it, its subject is a party, that party's own predicate undertakes, and it is not negated
    ("did not agree to a timeline": as the rules, never a negated undertaking)."""
    return (
        not rule_hit
        and bool(parties)
        and any(name in names for name in PREDICATES)
        and "negation" not in names
    )


@functools.cache
def model() -> dict:
    """{"weights": {feature: weight}, "threshold": float, …} as the training script wrote it."""
    if not WEIGHTS_FILE.exists():
        return {"weights": {}, "threshold": 2.0, "enabled": False}
    return json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))


# While training, every sentence the hook sees is recorded here and nothing is proposed.
_collected: list[dict] | None = None


@contextlib.contextmanager
def collecting():
    """Record every sentence `consider` sees (for `bench/train_commitment_scorer.py`), proposing
    none, so that what is recorded does not depend on the weights being trained."""
    global _collected
    previous, _collected = _collected, []
    try:
        yield _collected
    finally:
        _collected = previous


def evidence(names, weights: dict[str, float], n: int = 3) -> list[str]:
    """The features that pushed most toward a commitment, for the reviewer."""
    scored = sorted(
        ((weights.get(name, 0.0), name) for name in names if name != "bias"), reverse=True
    )
    return [name for weight, name in scored[:n] if weight > 0]


def consider(
    sentence: str,
    position: int,
    *,
    parties: list[str],
    rule_hit: bool,
    person: bool = False,
    index: int = 0,
    count: int = 1,
) -> tuple[float, str] | None:
    """(score, note) when the scorer proposes this sentence as a commitment, else None.

    Only a sentence the rules found nothing in, whose subject is a party, can be proposed."""
    names = features(sentence, party=bool(parties), index=index, count=count, person=person)
    if _collected is not None:
        _collected.append(
            {
                "position": position,
                "text": sentence,
                "features": names,
                "parties": list(parties),
                "rule_hit": rule_hit,
            }
        )
        return None
    if not proposable(names, parties, rule_hit):
        return None
    current = model()
    if not current.get("enabled"):
        return None  # off: see ENABLED in bench/train_commitment_scorer.py
    value = probability(names, current["weights"])
    if value < current["threshold"]:
        return None
    why = ", ".join(evidence(names, current["weights"]))
    return value, f"proposed by the commitment scorer ({value:.2f}: {why}); check it"


def train(
    examples: list[tuple[list[str], bool]],
    *,
    min_count: int = 3,
    l2: float = 1.0,
    iterations: int = 300,
    rate: float = 0.5,
) -> dict[str, float]:
    """Logistic-regression weights for (feature names, is a commitment) examples: full-batch
    gradient descent with AdaGrad steps and an L2 penalty (none on the bias), in a fixed order,
    so the same examples always give the same weights. Features seen in fewer than `min_count`
    examples are dropped (word features only)."""
    counts: dict[str, int] = {}
    for names, _label in examples:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    vocabulary = sorted(
        name for name, n in counts.items() if n >= min_count or not name.startswith(("w:", "b:"))
    )
    index = {name: i for i, name in enumerate(vocabulary)}
    rows = [
        ([index[n] for n in names if n in index], 1.0 if label else 0.0)
        for names, label in examples
    ]
    weights = [0.0] * len(vocabulary)
    squared = [1e-8] * len(vocabulary)
    bias = index.get("bias")
    total = max(1, len(rows))
    for _ in range(iterations):
        gradient = [0.0] * len(vocabulary)
        for features_at, label in rows:
            error = _sigmoid(sum(weights[i] for i in features_at)) - label
            for i in features_at:
                gradient[i] += error
        for i in range(len(vocabulary)):
            g = gradient[i] / total + (0.0 if i == bias else l2 * weights[i] / total)
            squared[i] += g * g
            weights[i] -= rate * g / math.sqrt(squared[i])
    return {name: round(weights[i], 4) for name, i in index.items() if round(weights[i], 4)}
