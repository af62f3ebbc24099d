"""Merging officials and meetings: nothing lost, counts add up, aliases kept, a record made."""

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from statements import curation
from statements.models import (
    Commitment,
    Meeting,
    MeetingAttendance,
    MeetingReport,
    MergeRecord,
    Participant,
    Quote,
    StatementParticipant,
)
from tests.curation.builders import attend, meeting, mention, quote, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def doubled(make_statement, make_official):
    """The same person twice ("Liz" and "Elizabeth"), sharing one statement and one meeting."""
    liz = make_official("Liz Sherwood-Randall", titles=["Homeland Security Advisor"])
    liz.aliases.create(name="Dr. Sherwood-Randall")
    elizabeth = make_official("Elizabeth Sherwood-Randall", titles=["White House adviser"])
    amlo = make_official("Andrés Manuel López Obrador", country="MX")
    both = make_statement("Both named")
    only_liz = make_statement("Only Liz")
    mention(both, liz, title="Homeland Security Advisor", attended=False, position=40)
    mention(both, elizabeth, title="", attended=True, position=10)
    mention(both, amlo, position=0)
    mention(only_liz, liz, title="Homeland Security Advisor", position=5)
    talks = meeting("Talks in Mexico City")
    other = meeting("Trilateral committee")
    attend(talks, liz, "Homeland Security Advisor")
    attend(talks, elizabeth)
    attend(other, liz, "Homeland Security Advisor")
    report(talks, both)
    quote(only_liz, liz, "We will keep working together.", 50)
    quote(both, elizabeth, "A productive day.", 80)
    return {"liz": liz, "elizabeth": elizabeth, "both": both, "only_liz": only_liz, "talks": talks}


def test_merging_officials_moves_everything_and_keeps_names(doubled, curator):
    liz, elizabeth = doubled["liz"], doubled["elizabeth"]
    mentions_before = StatementParticipant.objects.filter(participant__in=[liz, elizabeth])
    statements_before = set(mentions_before.values_list("statement_id", flat=True))
    meetings_before = set(
        MeetingAttendance.objects.filter(participant__in=[liz, elizabeth]).values_list(
            "meeting_id", flat=True
        )
    )
    quotes_before = Quote.objects.filter(speaker__in=[liz, elizabeth]).count()

    record = curation.merge_participants(liz, elizabeth, user=curator)

    assert not Participant.objects.filter(pk=liz.pk).exists()
    elizabeth.refresh_from_db()
    # Every statement and meeting still names the person, once each.
    assert set(elizabeth.statement_mentions.values_list("statement_id", flat=True)) == (
        statements_before
    )
    assert elizabeth.statement_mentions.count() == len(statements_before)
    assert set(elizabeth.attendances.values_list("meeting_id", flat=True)) == meetings_before
    assert elizabeth.attendances.count() == len(meetings_before)
    assert elizabeth.quotes.count() == quotes_before
    # In the shared statement the two rows became one: attended, first position, a title.
    shared = elizabeth.statement_mentions.get(statement=doubled["both"])
    assert (shared.attended, shared.position) == (True, 10)
    assert shared.title_as_written == "Homeland Security Advisor"
    # The merged names and titles are kept.
    aliases = set(elizabeth.aliases.values_list("name", flat=True))
    assert {"Liz Sherwood-Randall", "Dr. Sherwood-Randall"} <= aliases
    assert set(elizabeth.titles) == {"White House adviser", "Homeland Security Advisor"}
    # The record says what happened and who did it.
    assert record.kind == MergeRecord.Kind.PARTICIPANT
    assert (record.merged_name, record.merged_slug) == ("Liz Sherwood-Randall", liz.slug)
    assert record.target_participant == elizabeth and record.merged_by == curator
    assert record.moved["mentions_moved"] + record.moved["mentions_combined"] == 2
    assert record.moved["attendances_combined"] == 1 and record.moved["attendances_moved"] == 1
    assert record.moved["quotes_moved"] == 1
    # Search text of the statements follows the official.
    doubled["only_liz"].refresh_from_db()
    assert "Elizabeth Sherwood-Randall" in doubled["only_liz"].search_names


def test_an_official_cannot_be_merged_into_itself(doubled):
    with pytest.raises(ValueError):
        curation.merge_participants(doubled["liz"], doubled["liz"])
    assert Participant.objects.filter(pk=doubled["liz"].pk).exists()


def test_merging_meetings_moves_attendees_statements_and_commitments(
    doubled, make_statement, make_official, curator
):
    talks = doubled["talks"]
    duplicate = meeting("Security talks, Mexico City", city="Mexico City", countries=["MX", "US"])
    talks.countries = ["US"]
    talks.save()
    other_statement = make_statement("The Mexican communiqué")
    report(duplicate, other_statement, evidence=MeetingReport.Evidence.STRONG)
    report(duplicate, doubled["both"], evidence=MeetingReport.Evidence.WEAK)  # on both
    attend(duplicate, doubled["elizabeth"], "Homeland Security Advisor")  # on both
    attend(duplicate, make_official("Alicia Bárcena", country="MX"), "Foreign Secretary")
    Commitment.objects.create(
        statement=other_statement, meeting=duplicate, text="They will meet again.", position=3
    )
    people = set(talks.attendees.values_list("pk", flat=True)) | set(
        duplicate.attendees.values_list("pk", flat=True)
    )
    statements = set(talks.statements.values_list("pk", flat=True)) | set(
        duplicate.statements.values_list("pk", flat=True)
    )

    record = curation.merge_meetings(duplicate, talks, user=curator)

    assert not Meeting.objects.filter(pk=duplicate.pk).exists()
    talks.refresh_from_db()
    assert set(talks.attendees.values_list("pk", flat=True)) == people
    assert talks.attendances.count() == len(people)
    assert set(talks.statements.values_list("pk", flat=True)) == statements
    assert talks.reports.count() == len(statements)
    assert talks.commitments.count() == 1
    assert talks.city == "Mexico City" and talks.countries == ["US", "MX"]
    assert record.kind == MergeRecord.Kind.MEETING and record.target_meeting == talks
    assert record.moved == {
        "attendances_moved": 1,
        "attendances_combined": 1,
        "reports_moved": 1,
        "reports_combined": 1,
        "commitments_moved": 1,
    }


def test_merge_action_asks_which_to_keep_then_merges(doubled, curator_client):
    url = reverse("admin:statements_participant_changelist")
    selected = [doubled["liz"].pk, doubled["elizabeth"].pk]
    response = curator_client.post(url, {"action": "merge_selected", "_selected_action": selected})
    assert response.status_code == 200
    assert b"Choose the one to keep" in response.content
    assert Participant.objects.filter(pk__in=selected).count() == 2  # nothing yet

    response = curator_client.post(
        url,
        {
            "action": "merge_selected",
            "_selected_action": selected,
            "confirm": "yes",
            "target": doubled["elizabeth"].pk,
        },
        follow=True,
    )
    assert response.status_code == 200
    assert list(Participant.objects.filter(pk__in=selected)) == [doubled["elizabeth"]]
    assert MergeRecord.objects.get().merged_by.username == "curator"


def test_meeting_merge_action(doubled, curator_client):
    duplicate = meeting("Same talks")
    report(duplicate, doubled["only_liz"])
    url = reverse("admin:statements_meeting_changelist")
    curator_client.post(
        url,
        {
            "action": "merge_selected",
            "_selected_action": [duplicate.pk, doubled["talks"].pk],
            "confirm": "yes",
            "target": doubled["talks"].pk,
        },
    )
    assert not Meeting.objects.filter(pk=duplicate.pk).exists()
    assert doubled["talks"].statements.filter(pk=doubled["only_liz"].pk).exists()


def test_staff_without_merge_permission_cannot_merge(doubled, staff_client):
    clerk = User.objects.get(username="clerk")
    clerk.user_permissions.set(
        Permission.objects.filter(codename__in=["view_participant", "change_participant"])
    )
    staff_client.post(
        reverse("admin:statements_participant_changelist"),
        {
            "action": "merge_selected",
            "_selected_action": [doubled["liz"].pk, doubled["elizabeth"].pk],
            "confirm": "yes",
            "target": doubled["elizabeth"].pk,
        },
    )
    assert Participant.objects.filter(pk=doubled["liz"].pk).exists()
    assert not MergeRecord.objects.exists()


def test_old_slugs_lead_to_the_official_they_were_merged_into(make_official):
    a, b, c = make_official("Rich Verma"), make_official("R. Verma"), make_official("Richard Verma")
    old_slug = a.slug
    curation.merge_participants(a, b)
    assert curation.merged_into(MergeRecord.Kind.PARTICIPANT, old_slug) == b
    curation.merge_participants(b, c)
    assert curation.merged_into(MergeRecord.Kind.PARTICIPANT, old_slug) == c
    assert curation.merged_into(MergeRecord.Kind.PARTICIPANT, "nobody") is None
    assert set(c.aliases.values_list("name", flat=True)) == {"Rich Verma", "R. Verma"}
