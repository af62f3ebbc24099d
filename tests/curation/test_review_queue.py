"""The needs-review queue: inferred or missing dates, unmatched officials, weak meeting links."""

import datetime

import pytest
from django.urls import reverse

from statements import curation
from statements.models import MeetingReport
from tests.curation.builders import meeting, mention, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(make_statement, make_official):
    dated = datetime.date(2024, 2, 7)
    fine = make_statement("Fine", date=dated, date_source="front_matter")
    mention(fine, make_official("Ken Salazar", country="US"))
    no_date = make_statement("No date", needs_review=True)
    inferred = make_statement("Inferred", date=dated, date_inferred=True, needs_review=True)
    unmatched = make_statement("Unmatched official", date=dated, needs_review=True)
    mention(unmatched, make_official("Someone Unknown", country=""))
    weak = make_statement("Weak meeting link", date=dated, needs_review=True)
    report(meeting("Maybe the same talks"), weak, evidence=MeetingReport.Evidence.WEAK)
    reviewed = make_statement("Reviewed already", needs_review=False)
    return locals()


def _titles(response):
    return sorted(s.title for s in response.context["cl"].result_list)


def test_each_reason_lists_its_statements(queue, curator_client):
    url = reverse("admin:statements_statement_changelist")
    assert _titles(curator_client.get(url, {"review": "any"})) == [
        "Inferred",
        "No date",
        "Unmatched official",
        "Weak meeting link",
    ]
    assert _titles(curator_client.get(url, {"review": "date"})) == ["Inferred", "No date"]
    assert _titles(curator_client.get(url, {"review": "officials"})) == ["Unmatched official"]
    assert _titles(curator_client.get(url, {"review": "meetings"})) == ["Weak meeting link"]
    # "Reviewed already" has no date, but a curator has looked at it.
    assert "Reviewed already" in _titles(curator_client.get(url, {"review": "no"}))


def test_marking_reviewed_takes_a_statement_off_the_queue(queue, curator_client):
    url = reverse("admin:statements_statement_changelist")
    curator_client.post(url, {"action": "mark_reviewed", "_selected_action": [queue["no_date"].pk]})
    assert "No date" not in _titles(curator_client.get(url, {"review": "any"}))
    assert queue["no_date"].history.first().history_user.username == "curator"


def test_queue_helper_matches_the_filter(queue):
    assert set(curation.review_queue("meetings")) == {queue["weak"]}
    assert {queue["no_date"], queue["inferred"], queue["reviewed"]} <= set(
        curation.review_queue("date")
    )


def test_the_changelist_shows_the_queue_link_and_filters_with_facets(queue, curator_client):
    response = curator_client.get(
        reverse("admin:statements_statement_changelist"), {"_facets": "True"}
    )
    html = response.content.decode()
    assert "Needs review queue" in html and "Add a readout" in html
    for heading in ("By status", "By needs review", "By publisher", "By year", "country"):
        assert heading in html
    # Facet counts beside each choice.
    assert "Any reason (4)" in html and "United States (1)" in html


def test_the_admin_home_counts_the_queue_and_the_drafts(queue, make_statement, curator_client):
    make_statement("A draft", status="draft")
    html = curator_client.get(reverse("admin:index")).content.decode()
    assert "Needs review (4)" in html and "Drafts (1)" in html
