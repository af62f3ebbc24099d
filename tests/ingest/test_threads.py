"""Grouping commitments into threads (statements/ingest/threads.py), on the seed documents."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from statements.ingest import threads
from statements.models import Commitment, CommitmentThread, Statement, ThreadMention, ThreadPin

PAIRS = Path(settings.BASE_DIR) / "fixtures" / "thread_pairs.tsv"


def thread_of(start):
    """The thread id of the (one) commitment whose text starts with `start`."""
    (mention,) = ThreadMention.objects.filter(commitment__text__startswith=start)
    return mention.thread_id


LEGAL_000 = "To that end,the United States and Mexico committed to further expand"
LEGAL_001 = "We also reaffirm our collaboration to expand legal pathways"
GUNS_000 = "we remain committed to addressing firearms trafficking"
GUNS_001 = "The United States and Mexico will strengthen their efforts to stop the illegal"
BORDER_000 = "Finally, the United States and Mexico committed to furthering ongoing work"


def test_key_terms_drop_the_parties_and_boilerplate_but_keep_what_is_undertaken():
    terms = threads.key_terms(
        "The United States and Mexico reaffirmed their commitment to combat arms trafficking.",
        {"US", "MX"},
    )
    assert "mexic" not in terms and threads.stem("reaffirmed") not in terms
    assert threads.stem("firearms") in terms  # "arms" and "guns" are firearms
    assert threads.stem("trafficking") in terms and "combat" in terms
    ukraine = threads.key_terms(
        "He reaffirmed the U.S. commitment to Ukraine’s sovereignty.", {"US"}
    )
    assert threads.stem("ukraine") in ukraine  # not a party here: what the pledge is about


def test_importing_the_seeds_groups_restated_commitments(seeded_archive):
    # Grouped by the importer itself, statement by statement, without the command.
    assert thread_of(LEGAL_000) == thread_of(LEGAL_001)
    assert thread_of(GUNS_000) == thread_of(GUNS_001)
    assert thread_of(GUNS_000) != thread_of(BORDER_000)
    legal = CommitmentThread.objects.get(pk=thread_of(LEGAL_000))
    roles = dict(legal.mentions.values_list("commitment__text", "role"))
    assert roles[next(t for t in roles if t.startswith(LEGAL_000))] == ThreadMention.Role.FIRST
    assert legal.first_date == seeded_archive["000"].date
    assert legal.parties == ["MX", "US"]


def test_regrouping_measures_up_on_the_seed_pairs(seeded_archive):
    """The hand-labelled seed pairs (the numbers docs/COMMITMENTS.md reports)."""
    summary = threads.regroup_all()
    assert summary["commitments"] == Commitment.objects.count()
    result = threads.evaluate(threads.read_pairs(PAIRS))
    # the seeds' pairs; the corpus pairs are "missing" here, and so (since session 14) are the
    # nine pairs of three seed clauses that no longer commit ("discussed our commitment",
    # "discussed their joint commitment", "agreed that … will be key"), four of them grouped
    # right: 25 pairs at recall 7/13 before, 16 at 3/7 after, the grouping itself unchanged
    assert result["pairs"] >= 16
    assert result["precision"] >= 0.9
    assert result["recall"] >= 0.4


def test_the_command_regroups_and_reports(seeded_archive):
    out = io.StringIO()
    call_command("group_commitments", "--evaluate", str(PAIRS), stdout=out)
    assert "commitments in" in out.getvalue() and "Precision 1.00" in out.getvalue()


def test_drafts_join_no_thread(seeded_archive):
    draft = seeded_archive["001"]
    Statement.objects.filter(pk=draft.pk).update(status=Statement.Status.DRAFT)
    threads.regroup_all()
    assert not ThreadMention.objects.filter(commitment__statement=draft).exists()
    assert thread_of(GUNS_000) != thread_of(BORDER_000)


def test_a_join_survives_regrouping_and_reimport(seeded_archive):
    a = CommitmentThread.objects.get(pk=thread_of(GUNS_000))
    b = CommitmentThread.objects.get(pk=thread_of(BORDER_000))
    joined = threads.join_threads([a, b])
    assert joined.curated and thread_of(GUNS_000) == thread_of(BORDER_000)
    threads.regroup_all()
    assert thread_of(GUNS_000) == thread_of(BORDER_000) == joined.pk
    # A forced re-import rebuilds every commitment row; the curator's decision is kept.
    old_pks = set(Commitment.objects.values_list("pk", flat=True))
    call_command(
        "import_statements", "--force", str(settings.BASE_DIR / "fixtures" / "seeds"),
        stdout=io.StringIO(), stderr=io.StringIO(),
    )  # fmt: skip
    assert not old_pks & set(Commitment.objects.values_list("pk", flat=True))
    assert thread_of(GUNS_000) == thread_of(BORDER_000) == joined.pk
    assert ThreadPin.objects.filter(thread=joined).count() >= 3


def test_a_split_survives_regrouping(seeded_archive):
    thread_id = thread_of(LEGAL_000)
    later = ThreadMention.objects.filter(commitment__text__startswith=LEGAL_001)
    new = threads.split_mentions(later)
    assert thread_of(LEGAL_001) == new.pk != thread_of(LEGAL_000) == thread_id
    threads.regroup_all()
    assert thread_of(LEGAL_001) == new.pk and thread_of(LEGAL_000) == thread_id
    first = ThreadMention.objects.get(commitment__text__startswith=LEGAL_001)
    assert first.role == ThreadMention.Role.FIRST and first.pinned


def test_split_and_join_refuse_what_makes_no_sense(seeded_archive):
    thread = CommitmentThread.objects.get(pk=thread_of(BORDER_000))
    with pytest.raises(ValueError):
        threads.join_threads([thread])
    with pytest.raises(ValueError):
        threads.split_mentions(thread.mentions.all())  # would empty the thread
