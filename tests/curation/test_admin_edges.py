"""The admin's rough edges a curator hit (issue 13): each test fails if the edge comes back."""

import warnings

import pytest
from django.contrib.auth.models import User
from django.core.paginator import UnorderedObjectListWarning
from django.test import Client
from django.urls import reverse

from statements.models import Commitment, Participant
from tests.curation.builders import meeting, mention, quote, report
from tests.curation.formdata import change_form_data

pytestmark = pytest.mark.django_db


def _change_url(statement):
    return reverse("admin:statements_statement_change", args=[statement.pk])


def test_the_needs_review_column_warns_only_where_review_is_needed(curator_client, make_statement):
    make_statement("Flagged readout", needs_review=True)
    make_statement("Checked readout", needs_review=False)
    response = curator_client.get(reverse("admin:statements_statement_changelist"))
    rows = {
        row.split("</a>")[0].rsplit(">", 1)[-1]: row
        for row in response.content.decode().split("<tr")[1:]
        if "readout</a>" in row
    }
    assert "⚠ needs review" in rows["Flagged readout"]
    assert "needs review" not in rows["Checked readout"] and "reviewed" in rows["Checked readout"]
    # Not Django's green tick (which read as "fine") on a statement that needs review.
    assert "icon-yes" not in rows["Flagged readout"] and "icon-no" not in rows["Checked readout"]


def test_the_merge_confirmation_preselects_the_official_named_most(
    curator_client, make_statement, make_official
):
    empty = make_official("A. Blinken", country="US")  # the duplicate, listed first
    full = make_official("Antony Blinken", country="US", titles=["Secretary of State"])
    for title in ("Talks in Mexico City", "Talks in Ottawa"):
        mention(make_statement(title), full)
    response = curator_client.post(
        reverse("admin:statements_participant_changelist"),
        {"action": "merge_selected", "_selected_action": [empty.pk, full.pk]},
    )
    html = response.content.decode()
    assert response.status_code == 200
    checked = html.split(" checked")[0].rsplit('value="', 1)[1].split('"')[0]
    assert checked == str(full.pk)
    assert html.count(" checked") == 1
    # What each holds, to tell them apart: titles and the statements naming them.
    assert "Secretary of State" in html and "Talks in Mexico City" in html
    assert "2 statement mentions" in html and "0 statement mentions" in html


def test_saving_a_statement_from_a_browser_keeps_its_line_endings_and_offsets(
    curator_client, make_statement, make_official
):
    body = "Readout of the talks.\n\nThe Secretary said: “We agree.”\nThey met again.\n"
    statement = make_statement("Readout of the talks", body=body, status="draft")
    speaker = make_official("Antony Blinken")
    said = quote(statement, speaker, "We agree.", body.index("We agree."))
    response = curator_client.get(_change_url(statement))
    data = change_form_data(response, _save_draft="1")
    # A browser sends a textarea's lines with CRLF.
    data["body"] = data["body"].replace("\n", "\r\n")
    for key in list(data):
        if key.endswith("-text") and isinstance(data[key], str):
            data[key] = data[key].replace("\n", "\r\n")
    assert curator_client.post(_change_url(statement), data).status_code == 302
    statement.refresh_from_db()
    assert statement.body == body and "\r" not in statement.body
    said.refresh_from_db()
    assert statement.body[said.position :].startswith(said.text)
    new, old = statement.history.all()[:2]
    assert "body" not in new.diff_against(old).changed_fields


def test_a_review_warning_goes_once_it_is_fixed(curator_client, make_statement):
    statement = make_statement(
        "Readout",
        status="draft",
        publisher="",
        review_notes=["Publisher unknown.", "Official 'Ebrard' could not be resolved."],
    )
    html = curator_client.get(_change_url(statement)).content.decode()
    assert "Publisher unknown." in html
    response = curator_client.get(_change_url(statement))
    data = change_form_data(response, publisher="The White House", _save_draft="1")
    assert curator_client.post(_change_url(statement), data).status_code == 302
    statement.refresh_from_db()
    assert statement.review_notes == ["Official 'Ebrard' could not be resolved."]
    html = curator_client.get(_change_url(statement)).content.decode()
    assert "Publisher unknown." not in html
    assert "could not be resolved" in html


def test_a_weak_meeting_warning_goes_once_the_link_is_confirmed(curator_client, make_statement):
    statement = make_statement(
        "Readout", status="draft", review_notes=["Meeting linked on weak evidence: Talks."]
    )
    report(meeting("Talks"), statement, evidence="weak")

    def warnings_shown():
        html = curator_client.get(_change_url(statement)).content.decode()
        return html.split('class="curation-notes"', 1)[-1].split("</ul>")[0]

    assert "weak evidence: Talks" in warnings_shown()
    statement.meeting_reports.update(evidence="curator")
    assert "weak evidence: Talks" not in warnings_shown()


@pytest.mark.parametrize("status", ["draft", "published"])
def test_the_review_screen_has_one_row_of_buttons_and_no_status_field(
    curator_client, make_statement, status
):
    statement = make_statement("Readout", status=status)
    html = curator_client.get(_change_url(statement)).content.decode()
    assert html.count('class="submit-row') == 1
    assert 'name="status"' not in html
    assert 'name="_continue"' not in html and 'name="_addanother"' not in html
    assert 'name="_publish"' in html and 'name="_save_draft"' in html
    assert 'name="_reextract"' in html


def test_unpublish_and_publish_with_the_buttons(curator_client, make_statement):
    statement = make_statement("Readout", status="published")
    response = curator_client.get(_change_url(statement))
    curator_client.post(_change_url(statement), change_form_data(response, _save_draft="1"))
    statement.refresh_from_db()
    assert statement.status == "draft"
    response = curator_client.get(_change_url(statement))
    curator_client.post(_change_url(statement), change_form_data(response, _publish="1"))
    statement.refresh_from_db()
    assert statement.status == "published"


def test_commitment_parties_are_edited_as_a_list_not_json(curator_client, make_statement):
    statement = make_statement("Readout", status="draft")
    Commitment.objects.create(
        statement=statement, text="Both will act.", parties=["US", "MX"], position=0
    )
    response = curator_client.get(_change_url(statement))
    html = response.content.decode()
    assert 'value="US, MX"' in html and "[&quot;US&quot;" not in html
    data = change_form_data(response, _save_draft="1")
    data["commitments-0-parties"] = "US, MX,  Canada ,"
    assert curator_client.post(_change_url(statement), data).status_code == 302
    assert Commitment.objects.get().parties == ["US", "MX", "Canada"]


def test_adding_an_official_needs_no_slug(curator_client):
    url = reverse("admin:statements_participant_add")
    response = curator_client.post(
        url,
        {
            "name": "Alicia Bárcena",
            "slug": "",
            "country": "MX",
            "titles": "Foreign Secretary\r\nAmbassador",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
            "_save": "Save",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    official = Participant.objects.get()
    assert official.slug == "alicia-barcena"
    assert official.titles == ["Foreign Secretary", "Ambassador"]


def test_curators_preview_a_draft_at_its_public_address(curator_client, make_statement):
    draft = make_statement("Draft readout", status="draft")
    url = draft.get_absolute_url()
    assert Client().get(url).status_code == 404
    clerk = Client()
    clerk.force_login(User.objects.create_user("clerk", is_staff=True))
    assert clerk.get(url).status_code == 404  # staff, not a curator
    response = curator_client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview of a draft" in html and "Draft readout" in html
    assert "no-store" in response["Cache-Control"]
    review = curator_client.get(_change_url(draft)).content.decode()
    assert f'href="{url}"' in review and "Preview as the public will see it" in review


@pytest.mark.parametrize("model", ["statement", "participant", "meeting"])
def test_a_malformed_history_address_is_not_found(curator_client, make_statement, model):
    objects = {
        "statement": lambda: make_statement("Readout"),
        "participant": lambda: Participant.objects.create(name="Ken Salazar", country="US"),
        "meeting": lambda: meeting("Talks"),
    }
    obj = objects[model]()
    base = f"/admin/statements/{model}"
    for url in (
        f"{base}/{obj.pk}/history/abc/",
        f"{base}/{obj.pk}/history/99999999/",
        f"{base}/abc/history/",
        f"{base}/abc/history/1/",
    ):
        assert curator_client.get(url).status_code == 404, url


@pytest.mark.parametrize(
    ("model_name", "field_name"),
    [
        ("statementparticipant", "participant"),
        ("meetingreport", "meeting"),
        ("meetingreport", "statement"),
        ("quote", "speaker"),
        ("statement", "topics"),
        ("commitment", "statement"),
    ],
)
def test_admin_autocompletes_paginate_ordered_rows(
    curator_client, make_statement, make_official, model_name, field_name
):
    make_official("Ken Salazar")
    make_statement("Readout")
    meeting("Talks")
    params = {"app_label": "statements", "model_name": model_name, "field_name": field_name}
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)
        response = curator_client.get(reverse("admin:autocomplete"), {**params, "term": ""})
    assert response.status_code == 200


def test_admin_changelists_are_ordered_too(curator_client, make_statement):
    make_statement("Readout")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)
        for model in ("statement", "participant", "meeting", "topic"):
            url = reverse(f"admin:statements_{model}_changelist")
            assert curator_client.get(url).status_code == 200


def test_the_review_screen_issues_the_same_queries_however_many_rows(
    curator_client, make_statement, make_official
):
    """Each row once fetched its statement and its autocomplete's choice again (57 queries)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def grow(statement, start, n):
        for i in range(start, start + n):
            official = make_official(f"Official Number{i}")
            mention(statement, official, position=i)
            quote(statement, official, f"Quote {i}", 1000 + i)
            talks = meeting(f"Talks {i}")
            report(talks, statement)
            Commitment.objects.create(statement=statement, text=f"C{i}", meeting=talks, position=i)

    statement = make_statement("Readout", status="draft")
    grow(statement, 0, 2)
    curator_client.get(_change_url(statement))  # per-process caches (content types) filled
    with CaptureQueriesContext(connection) as few:
        assert curator_client.get(_change_url(statement)).status_code == 200
    grow(statement, 2, 10)
    with CaptureQueriesContext(connection) as many:
        assert curator_client.get(_change_url(statement)).status_code == 200
    assert len(many) == len(few) <= 15
