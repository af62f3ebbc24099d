"""Curators split and join commitment threads in the admin (statements/admin_threads.py)."""

from statements.ingest.threads import regroup_all
from statements.models import CommitmentThread, ThreadMention

GUNS = "we remain committed to addressing firearms trafficking"
BORDER = "Finally, the United States and Mexico committed to furthering ongoing work"
LEGAL_001 = "We also reaffirm our collaboration to expand legal pathways"


def thread_id(start):
    return ThreadMention.objects.get(commitment__text__startswith=start).thread_id


def test_curator_joins_threads_and_regrouping_keeps_it(curator_client, seeded_archive):
    selected = [thread_id(GUNS), thread_id(BORDER)]
    assert selected[0] != selected[1]
    response = curator_client.post(
        "/admin/statements/commitmentthread/",
        {"action": "join", "_selected_action": selected},
        follow=True,
    )
    assert response.status_code == 200 and "Joined into" in response.content.decode()
    assert thread_id(GUNS) == thread_id(BORDER)
    regroup_all()
    assert thread_id(GUNS) == thread_id(BORDER)
    assert CommitmentThread.objects.get(pk=thread_id(GUNS)).curated


def test_curator_splits_a_mention_off(curator_client, seeded_archive):
    before = thread_id(LEGAL_001)
    mention = ThreadMention.objects.get(commitment__text__startswith=LEGAL_001)
    response = curator_client.post(
        "/admin/statements/threadmention/",
        {"action": "split", "_selected_action": [mention.pk]},
        follow=True,
    )
    assert "Split into" in response.content.decode()
    assert thread_id(LEGAL_001) != before
    regroup_all()
    assert thread_id(LEGAL_001) != before


def test_joining_one_thread_is_refused_with_a_message(curator_client, seeded_archive):
    response = curator_client.post(
        "/admin/statements/commitmentthread/",
        {"action": "join", "_selected_action": [thread_id(GUNS)]},
        follow=True,
    )
    assert "at least two" in response.content.decode()


def test_staff_who_are_not_curators_see_no_threads(staff_client, db):
    assert staff_client.get("/admin/statements/commitmentthread/").status_code == 403
