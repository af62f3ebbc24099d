"""Drafts never reach the public: page, search, feeds, sitemap and API all leave them out."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(make_statement):
    published = make_statement(
        "Zacatecas security readout",
        slug="published-zacatecas",
        body="Zacatecas security readout. Officials met in Zacatecas.",
    )
    draft = make_statement(
        "Zacatecas fentanyl draft",
        status="draft",
        slug="draft-zacatecas",
        body="Zacatecas fentanyl draft. Officials met in Zacatecas about fentanyl.",
    )
    return published, draft


def test_a_drafts_page_is_not_found(client, pair):
    published, draft = pair
    assert client.get(published.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.slug not in client.get("/").content.decode()


def test_search_finds_the_published_statement_but_never_the_draft(client, pair):
    published, draft = pair
    response = client.get(reverse("statements:search"), {"q": "Zacatecas"})
    html = response.content.decode()
    assert response.status_code == 200
    assert published.slug in html
    assert draft.slug not in html and "fentanyl draft" not in html


@pytest.mark.parametrize(
    ("name", "kwargs", "query"),
    [
        ("statements:latest_feed", {}, {}),
        ("statements:sitemap", {}, {}),
        ("statements:api_search", {}, {"q": "Zacatecas"}),
        ("statements:api_list", {"kind": "statements"}, {}),
    ],
)
def test_feeds_sitemap_and_api_leave_drafts_out(client, pair, name, kwargs, query):
    published, draft = pair
    response = client.get(reverse(name, kwargs=kwargs), query)
    body = response.content.decode()
    assert response.status_code == 200
    assert published.slug in body
    assert draft.slug not in body


def test_the_api_has_no_detail_for_a_draft(client, pair):
    _, draft = pair
    url = reverse("statements:api_detail", args=["statements", draft.slug])
    assert client.get(url).status_code == 404


def test_publishing_makes_it_public(curator_client, client, pair):
    from statements.models import Statement

    _, draft = pair
    curator_client.post(
        reverse("admin:statements_statement_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Statement.Status.PUBLISHED
    assert client.get(draft.get_absolute_url()).status_code == 200
    response = client.get(reverse("statements:search"), {"q": "fentanyl"})
    assert draft.slug in response.content.decode()
