"""Officials of any country or organisation the importer knows, not only the first fourteen:
their facet narrows the search, the API takes their code, a curator's form keeps it."""

import pytest
from django.forms import modelform_factory

from statements.models import Participant, country_label
from tests.factories import MentionFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def israeli_official(seeded_archive):
    official = ParticipantFactory(name="Tzachi Hanegbi", country="IL", titles=["Advisor"])
    MentionFactory(statement=seeded_archive["003"], participant=official)
    seeded_archive["003"].refresh_search_names()
    return official


def test_choosing_a_country_facet_outside_the_first_fourteen_narrows_the_search(
    client, israeli_official, seeded_archive
):
    page = client.get("/search/")
    assert b"country=IL" in page.content  # the facet offers it ...
    narrowed = client.get("/search/?country=IL")  # ... and choosing it works (it gave a 400)
    assert narrowed.status_code == 200
    assert seeded_archive["003"].get_absolute_url().encode() in narrowed.content
    assert seeded_archive["001"].get_absolute_url().encode() not in narrowed.content
    assert b"Israel" in narrowed.content
    api = client.get("/api/search/?country=IL").json()
    assert api["count"] == 1


def test_the_officials_api_takes_any_known_code_and_refuses_an_unknown_one(
    client, israeli_official
):
    found = client.get("/api/officials/?country=IL").json()
    assert [o["name"] for o in found["results"]] == ["Tzachi Hanegbi"]
    assert client.get("/api/officials/?country=QQ").status_code == 400


@pytest.mark.parametrize("code", ["IL", "NATO", "ASEAN", "MX", ""])
def test_a_curators_form_keeps_the_official_s_code(code):
    """With fourteen choices the admin form refused (or blanked) every other country."""
    official = ParticipantFactory(country=code)
    form = modelform_factory(Participant, fields=["country"])({"country": code}, instance=official)
    assert form.is_valid(), form.errors
    assert form.save().country == code


def test_labels_come_from_the_world_data():
    assert country_label("IL") == "Israel"
    assert country_label("NATO") == "NATO"
    assert country_label("MX") == "Mexico"
    assert country_label("ZZ") == "ZZ"
