"""The commitment scorer (statements/ingest/commitment_scoring.py): a scored second opinion on
sentences no trigger rule matched. Invented sentences only."""

import json

import pytest

from statements.ingest import commitment_scoring, evaluation
from statements.ingest.commitments import find_commitments
from statements.ingest.documents import read_document
from statements.ingest.pipeline import extract

PARTIES = ["NO", "IS"]


@pytest.fixture
def enabled(monkeypatch):
    """The scorer turned on, whatever the weights file's switch (ENABLED in the training script)."""
    on = {**commitment_scoring.model(), "enabled": True}
    monkeypatch.setattr(commitment_scoring, "model", lambda: on)


def test_an_undertaking_no_rule_lists_is_proposed_with_its_parties_and_flagged(enabled):
    # "undertaking to" inside a sentence about satisfaction: no trigger reads it as committing
    # (", agreeing to" became a rule in com8)
    body = (
        "They expressed their satisfaction with the growth of trade in recent years, undertaking "
        "to promote cooperation between the two countries' ports."
    )
    found = find_commitments(body, parties_in_context=PARTIES)
    assert [c.parties for c in found] == [["IS", "NO"]]
    assert found[0].note.startswith("proposed by the commitment scorer (")
    assert "check it" in found[0].note


def test_a_resolved_state_of_the_parties_is_proposed(enabled):
    body = (
        "The two sides were also unanimous in taking measures to simplify visa procedures for "
        "students of both countries."
    )
    found = find_commitments(body, parties_in_context=PARTIES)
    assert [(c.parties, bool(c.note)) for c in found] == [(["IS", "NO"], True)]


@pytest.mark.parametrize(
    "body",
    [
        # negated, a view, a schedule: what the rules know not to commit
        "The two sides were not unanimous in taking measures to simplify visa procedures.",
        "The two ministers agreed on the importance of taking measures to simplify visas.",
        "Both leaders agreed there is no substitute for taking measures to simplify visas.",
        "The two sides were unanimous in agreeing to hold the next round in Reykjavik.",
        # no party acts: a thing is "agreeing"
        "The port authority, satisfied with the growth of trade, is agreeing to promote exports.",
    ],
)
def test_what_the_rules_know_not_to_commit_is_not_proposed(enabled, body):
    assert all(not c.note for c in find_commitments(body, parties_in_context=PARTIES))


def test_past_and_talked_about_sentences_are_not_proposed(enabled):
    for body in (
        "The two leaders discussed the outcomes of the summit held last year.",
        "The ministers reviewed the progress of the fisheries accord since 2020.",
        "The two sides congratulated each other on the anniversary of diplomatic relations.",
        "The leaders discussed their shared commitment to a strong fisheries accord.",
    ):
        assert find_commitments(body, parties_in_context=PARTIES) == [], body


def test_no_party_subject_no_proposal(enabled):
    body = (
        "The new port authority, satisfied with the growth of trade in recent years, is agreeing "
        "to promote cooperation between the ports."
    )
    assert all(not c.note for c in find_commitments(body, parties_in_context=PARTIES))


def test_rule_commitments_carry_no_note():
    found = find_commitments(
        "Norway and Iceland agreed to open a joint customs office.", parties_in_context=PARTIES
    )
    assert found and all(c.note == "" for c in found)


def test_a_proposal_flags_the_statement_for_review(tmp_path, enabled):
    path = tmp_path / "readout.txt"
    path.write_text(
        "Readout of the Foreign Minister's Meeting with the Foreign Minister of Iceland\n\n"
        "Norway's Foreign Minister met today with the Foreign Minister of Iceland in Oslo. "
        "They expressed their satisfaction with the growth of trade in recent years, undertaking "
        "to promote cooperation between the two countries' ports.\n",
        encoding="utf-8",
    )
    extraction = extract(read_document(path))
    scored = [c for c in extraction.commitments if c.note]
    assert scored
    assert any("proposed by the commitment scorer" in note for note in extraction.review_notes)
    assert extraction.needs_review


def test_the_weights_file_loads_and_says_how_it_was_made():
    data = json.loads(commitment_scoring.WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert data == commitment_scoring.model()
    from bench import train_commitment_scorer

    assert data["enabled"] is train_commitment_scorer.ENABLED
    assert 0.5 <= data["threshold"] < 1.0
    assert data["weights"]["party_and_undertaking_verb"] > 0
    assert data["weights"]["talked_about_a_commitment"] < 0
    assert data["documents"] == 200  # the tune split, never the blind one

    assert data["options"] == {
        "min_count": train_commitment_scorer.MIN_COUNT,
        "l2": train_commitment_scorer.L2,
    }


def test_training_is_deterministic_and_learns_the_direction_of_the_evidence():
    sentences = [
        ("The two sides agreed to open a consulate in Bergen.", True, True),
        ("Both countries will expand student exchanges.", True, True),
        ("The leaders pledged to deepen energy ties.", True, True),
        ("The ministers discussed the fisheries accord.", True, False),
        ("The leaders congratulated each other on the anniversary.", True, False),
        ("The summit was held in Oslo last year.", False, False),
    ] * 3
    examples = [
        (commitment_scoring.features(text, party=party), label) for text, party, label in sentences
    ]
    first = commitment_scoring.train(examples, min_count=1, iterations=60)
    assert first == commitment_scoring.train(examples, min_count=1, iterations=60)
    agreed = commitment_scoring.features("The two sides agreed to build a port.", party=True)
    talked = commitment_scoring.features("The two sides discussed a port.", party=True)
    assert commitment_scoring.probability(agreed, first) > 0.5
    assert commitment_scoring.probability(talked, first) < 0.5


def test_collecting_records_every_sentence_and_proposes_nothing():
    body = (
        "They expressed their satisfaction with the growth of trade in recent years, undertaking "
        "to promote cooperation between the two countries' ports. The leaders discussed fish."
    )
    with commitment_scoring.collecting() as records:
        found = find_commitments(body, parties_in_context=PARTIES)
    assert found == []
    assert [r["rule_hit"] for r in records] == [False, False]
    assert records[0]["parties"] == ["IS", "NO"]


@pytest.mark.skipif(
    not evaluation.CORPUS_DIR.is_dir(), reason=f"no corpus at {evaluation.CORPUS_DIR}"
)
def test_training_on_a_slice_of_tune_is_deterministic_and_labels_the_gold():
    from bench import train_commitment_scorer

    golds = evaluation.load_gold(split="tune")[:4]
    documents = train_commitment_scorer.collect(golds, evaluation.CORPUS_DIR)
    examples = train_commitment_scorer.examples(documents)
    assert sum(label for _names, label in examples) >= 1
    first = commitment_scoring.train(examples, iterations=40)
    assert first == commitment_scoring.train(examples, iterations=40)
    again = train_commitment_scorer.collect(golds, evaluation.CORPUS_DIR)
    assert train_commitment_scorer.examples(again) == examples
