"""The admin's lists and autocompletes: bounded queries, searches that find officials by alias."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.curation.builders import attend, meeting, mention, report

pytestmark = pytest.mark.django_db


def _grow(make_statement, make_official, n, offset=0):
    for i in range(offset, offset + n):
        statement = make_statement(f"Readout {i}", publisher="The White House")
        official = make_official(f"Official Number{i}", country="MX" if i % 2 else "US")
        mention(statement, official, title="Secretary")
        talks = meeting(f"Talks {i}")
        report(talks, statement)
        attend(talks, official)


@pytest.mark.parametrize(
    "changelist",
    [
        "admin:statements_statement_changelist",
        "admin:statements_participant_changelist",
        "admin:statements_meeting_changelist",
    ],
)
def test_changelists_issue_the_same_queries_whatever_the_number_of_rows(
    curator_client, make_statement, make_official, changelist
):
    url = reverse(changelist)
    _grow(make_statement, make_official, 3)
    with CaptureQueriesContext(connection) as few:
        assert curator_client.get(url, {"_facets": "True"}).status_code == 200
    _grow(make_statement, make_official, 25, offset=3)
    with CaptureQueriesContext(connection) as many:
        response = curator_client.get(url, {"_facets": "True"})
    assert response.context["cl"].result_count >= 28
    assert len(many) == len(few)


def test_official_autocomplete_finds_by_alias_for_curators_only(curator_client, make_official):
    liz = make_official("Elizabeth Sherwood-Randall")
    liz.aliases.create(name="Liz Sherwood-Randall")
    params = {
        "app_label": "statements",
        "model_name": "statementparticipant",
        "field_name": "participant",
        "term": "Liz",
    }
    url = reverse("admin:autocomplete")
    response = curator_client.get(url, params)
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Elizabeth Sherwood-Randall"]
    assert Client().get(url, params).status_code in (302, 403)  # anonymous


def test_meeting_autocomplete(curator_client):
    meeting("Trilateral Fentanyl Committee, Mexico City")
    response = curator_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "statements",
            "model_name": "meetingreport",
            "field_name": "meeting",
            "term": "fentanyl",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == [
        "Trilateral Fentanyl Committee, Mexico City"
    ]
