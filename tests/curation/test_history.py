"""Who changed what and when, on statements, officials and meetings, visible in the admin."""

import pytest
from django.urls import reverse

from statements.models import Participant
from tests.curation.builders import meeting

pytestmark = pytest.mark.django_db


def _change_form_data(statement, **changes):
    data = {
        "title": statement.title,
        "slug": statement.slug,
        "status": statement.status,
        "date": "",
        "publisher": statement.publisher,
        "kind": statement.kind,
        "language": statement.language,
        "source_url": statement.source_url,
        "body": statement.body,
    }
    for prefix in ("mentions", "meeting_reports", "commitments", "quotes"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(changes)
    return data


def test_an_admin_edit_is_recorded_with_its_author_and_shown(curator_client, make_statement):
    statement = make_statement("Readout of the talks", publisher="The White House")
    url = reverse("admin:statements_statement_change", args=[statement.pk])
    response = curator_client.post(
        url, _change_form_data(statement, title="Readout of the security talks", _save="Save")
    )
    assert response.status_code == 302, response.content[:2000]

    latest = statement.history.first()
    assert latest.title == "Readout of the security talks"
    assert latest.history_user.username == "curator"
    assert latest.history_type == "~"
    assert statement.history.count() == 2

    page = curator_client.get(reverse("admin:statements_statement_history", args=[statement.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "curator" in html and "Readout of the talks" in html
    assert "Readout of the security talks" in html


def test_officials_and_meetings_keep_history_too(curator_client, make_official):
    official = make_official("Ken Salazar", titles=["Ambassador"])
    official.country = "MX"
    official.save()
    assert [h.country for h in official.history.all()] == ["MX", "US"]
    talks = meeting("Talks")
    talks.city = "Mexico City"
    talks.save()
    assert talks.history.count() == 2
    for name, obj in (("participant", official), ("meeting", talks)):
        page = curator_client.get(reverse(f"admin:statements_{name}_history", args=[obj.pk]))
        assert page.status_code == 200


def test_a_merged_official_leaves_a_deletion_in_history(make_official, curator):
    from statements import curation

    a, b = make_official("Rich Verma"), make_official("Richard Verma")
    curation.merge_participants(a, b, user=curator)
    deleted = Participant.history.filter(id=a.pk).first()
    assert deleted.history_type == "-" and deleted.name == "Rich Verma"
