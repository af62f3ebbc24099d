"""Drafts never reach the public: their pages 404 and search does not find them."""

import pytest
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db


def test_a_drafts_page_is_not_found_and_appears_nowhere_public(client, make_statement):
    published = make_statement("Zacatecas security readout", slug="published-zacatecas")
    draft = make_statement("Zacatecas fentanyl draft", status="draft", slug="draft-zacatecas")

    assert client.get(published.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404
    home = client.get("/").content.decode()
    assert draft.slug not in home

    try:
        search_url = reverse("statements:search")
    except NoReverseMatch:
        search_url = "/search/"
    response = client.get(search_url, {"q": "Zacatecas"})
    if response.status_code != 404:  # the search page exists
        html = response.content.decode()
        assert response.status_code == 200
        assert draft.slug not in html and "fentanyl draft" not in html


def test_publishing_makes_it_public(curator_client, client, make_statement):
    from statements.models import Statement

    draft = make_statement("A new draft", status="draft")
    curator_client.post(
        reverse("admin:statements_statement_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Statement.Status.PUBLISHED
    assert client.get(draft.get_absolute_url()).status_code == 200
