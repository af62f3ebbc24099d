"""The gazetteer (fixtures/officials.yaml) in search: its aliases find an official's statements
and name the official, whichever document was imported first, on both databases."""

import pytest
from django.http import QueryDict

from statements.models import Participant, ParticipantAlias, Statement
from statements.search.faceted import faceted_search


def found(q):
    result = faceted_search(_params(q))
    return result, set(result.results.ids(0, 100))


def _params(q):
    params = QueryDict(mutable=True)
    params["q"] = q
    return params


def naming(name):
    return set(
        Statement.objects.published()
        .filter(mentions__participant__name=name)
        .values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_amlo_finds_lopez_obradors_statements_and_names_him(seeded_archive):
    amlo = Participant.objects.get(name="Andrés Manuel López Obrador")
    result, ids = found("AMLO")
    assert ids == naming(amlo.name) and len(ids) == 5
    assert result.official_match == amlo
    # The gazetteer's forms are recorded at import as the official's aliases.
    assert amlo.aliases.filter(name="AMLO").exists()


@pytest.mark.django_db
def test_liz_and_elizabeth_sherwood_randall_find_the_same_four_statements(seeded_archive):
    liz, liz_ids = found("Liz Sherwood-Randall")
    elizabeth, elizabeth_ids = found("Elizabeth Sherwood-Randall")
    assert liz_ids == elizabeth_ids == naming("Elizabeth Sherwood-Randall")
    assert len(liz_ids) == 4
    assert liz.official_match == elizabeth.official_match
    assert liz.official_match.name == "Elizabeth Sherwood-Randall"


@pytest.mark.django_db
def test_the_gazetteer_names_an_official_even_without_the_alias_row(seeded_archive):
    """An archive imported before the gazetteer's aliases were recorded still matches them."""
    ParticipantAlias.objects.filter(name="AMLO").delete()
    result, _ = found("amlo")
    assert result.official_match.name == "Andrés Manuel López Obrador"


@pytest.mark.django_db
def test_search_names_hold_the_gazetteer_forms_of_every_official(seeded_archive):
    for statement in Statement.objects.all():
        names = statement.search_names
        statement.refresh_search_names(save=False)
        assert statement.search_names == names  # what the import stored is what it computes
    assert "AMLO" in seeded_archive["003"].search_names  # 003 never writes "AMLO"
    assert "Liz Sherwood-Randall" in seeded_archive["000"].search_names
