"""Curators confirm, move and split statement-to-meeting links in the admin, and no import undoes
their decision (on the seeds: 002 and 004 are grouped as the February 2024 visit)."""

import pytest
from django.urls import reverse

from statements.models import Meeting, MeetingReport
from tests.curation.conftest import reimport
from tests.curation.conftest import seed_statement as statement


def report_of(prefix):
    return MeetingReport.objects.select_related("meeting").get(statement=statement(prefix))


def change_url(report):
    return reverse("admin:statements_meetingreport_change", args=[report.pk])


@pytest.mark.django_db
def test_the_link_list_shows_each_links_evidence(curator_client, seeds_copy):
    page = curator_client.get(change_url(report_of("004"))).content.decode()
    assert "people attended both" in page or "first account" in page
    listing = curator_client.get(reverse("admin:statements_meetingreport_changelist"))
    assert listing.status_code == 200
    assert report_of("002").meeting.title in listing.content.decode()


@pytest.mark.django_db
def test_a_curator_confirms_a_link_and_an_import_keeps_it(curator_client, curator, seeds_copy):
    report = report_of("002")
    response = curator_client.post(
        reverse("admin:statements_meetingreport_changelist"),
        {"action": "confirm_links", "_selected_action": [report.pk]},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.evidence, report.decided_by, report.confidence) == ("curator", curator, 1.0)
    assert "a curator confirmed this link" in [r["text"] for r in report.reasons]
    reimport(seeds_copy, "--force")
    report = report_of("002")
    assert (report.evidence, report.decided_by) == ("curator", curator)


@pytest.mark.django_db
def test_a_curator_moves_a_link_and_reimporting_the_same_or_an_edited_file_keeps_it(
    curator_client, seeds_copy
):
    july = report_of("000").meeting
    february = report_of("004").meeting
    assert report_of("002").meeting == february
    response = curator_client.post(change_url(report_of("002")), {"meeting": july.pk})
    assert response.status_code == 302, response.content.decode()[:2000]
    moved = report_of("002")
    assert (moved.meeting, moved.evidence) == (july, "curator")
    assert any("moved this statement here" in r["text"] for r in moved.reasons)
    # The statement's attendees went with it.
    assert july.attendances.filter(participant__name="Alejandro Gertz Manero").exists()

    reimport(seeds_copy, "--force")
    assert report_of("002").meeting == july
    # The importer rebuilds 004's own link (the meeting may be a new row): never to July.
    assert report_of("004").meeting.start_date == february.start_date
    assert list(report_of("004").meeting.statements.all()) == [statement("004")]
    path = next(seeds_copy.glob("002_*"))
    path.write_text(path.read_text(encoding="utf-8") + "\n\nBoth delegations met again.\n")
    reimport(seeds_copy)
    assert [r.meeting for r in MeetingReport.objects.filter(statement=statement("002"))] == [july]
    assert statement("002").body.endswith("Both delegations met again.")


@pytest.mark.django_db
def test_a_curator_splits_a_link_into_a_new_meeting_and_an_import_keeps_it(
    curator_client, seeds_copy
):
    february = report_of("004").meeting
    report = report_of("002")
    response = curator_client.post(
        reverse("admin:statements_meetingreport_changelist"),
        {"action": "split_links", "_selected_action": [report.pk]},
    )
    assert response.status_code == 302
    split = report_of("002")
    assert split.meeting != february and split.evidence == "curator"
    assert split.meeting.start_date == february.start_date  # copied, for the curator to correct
    assert list(february.statements.all()) == [statement("004")]
    reimport(seeds_copy, "--force")
    assert report_of("002").meeting == split.meeting
    assert list(report_of("004").meeting.statements.all()) == [statement("004")]
    assert Meeting.objects.filter(pk=split.meeting.pk).exists()


@pytest.mark.django_db
def test_uncertain_links_are_flagged_with_their_reason(curator_client, seeds_copy):
    report = report_of("004")
    report.evidence, report.note = MeetingReport.Evidence.WEAK, "confidence 0.40: check it"
    report.save()
    listing = curator_client.get(
        reverse("admin:statements_meetingreport_changelist") + "?evidence__exact=weak"
    ).content.decode()
    assert "uncertain: confirm, move or split it" in listing
    assert report.needs_review and "check it" in report.note


@pytest.mark.django_db
def test_confirming_one_of_two_meetings_keeps_the_other_link_on_reimport(curator):
    from statements import curation
    from statements.ingest import pipeline
    from statements.ingest.documents import parse_document
    from tests.ingest.test_meetings import TWO_DAYS

    text = "---\ntitle: Two days in Mexico\ndate: '2024-06-04'\n---\n\n" + TWO_DAYS
    statement, _ = pipeline.save(pipeline.extract(parse_document(text, "two-days.md")))
    first, second = statement.meeting_reports.order_by("meeting__start_date")
    days = [first.meeting.start_date, second.meeting.start_date]
    assert days[0] != days[1]
    curation.confirm_link(first, user=curator)
    pipeline.save(pipeline.extract(parse_document(text, "two-days.md")), force=True)
    links = list(statement.meeting_reports.order_by("meeting__start_date"))
    assert [(r.meeting.start_date, r.evidence) for r in links] == [
        (days[0], "curator"),
        (days[1], "stated"),
    ]
    assert links[0].meeting_id == first.meeting_id
