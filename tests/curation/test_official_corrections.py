"""A curator's corrections to a statement's officials survive re-imports of the same or an edited
file: each correction is recorded (OfficialCorrection) and re-applied, and nothing else is."""

import pytest
from django.urls import reverse

from statements.models import OfficialCorrection, Participant, Statement
from statements.text import fold
from tests.curation.conftest import reimport
from tests.curation.conftest import seed_statement as statement
from tests.curation.formdata import change_form_data, inline_prefix


def change_url(item):
    return reverse("admin:statements_statement_change", args=[item.pk])


def mention(prefix, surname):
    return next(m for m in statement(prefix).mentions.all() if surname in fold(m.name_as_written))


def correct(client, item, surname, **fields):
    response = client.get(change_url(item))
    row = inline_prefix(
        response, "statementparticipant", lambda m: surname in fold(m.name_as_written)
    )
    data = change_form_data(response, **{f"{row}-{name}": value for name, value in fields.items()})
    response = client.post(change_url(item), data)
    assert response.status_code == 302, response.content.decode()[:3000]


@pytest.mark.django_db
def test_a_corrected_title_and_a_new_match_survive_reimports(curator_client, curator, seeds_copy):
    other_cohen = Participant.objects.create(name="Adam Cohen", country="US")
    importer_title = mention("004", "monaco").title_as_written
    correct(
        curator_client, statement("004"), "barcena", title_as_written="Foreign Secretary of Mexico"
    )
    correct(curator_client, statement("004"), "cohen", participant=str(other_cohen.pk))
    recorded = {
        c.name_key: c for c in OfficialCorrection.objects.filter(statement=statement("004"))
    }
    assert set(recorded) == {"alicia barcena", "adam cohen"}  # what was corrected, nothing else
    assert recorded["alicia barcena"].corrected_by == curator

    for extra in (["--force"], []):
        if not extra:  # then an edited file
            path = next(seeds_copy.glob("004_*"))
            path.write_text(path.read_text(encoding="utf-8") + "\nThey met again.\n")
        reimport(seeds_copy, *extra)
        assert mention("004", "barcena").title_as_written == "Foreign Secretary of Mexico"
        assert mention("004", "cohen").participant == other_cohen
        assert mention("004", "monaco").title_as_written == importer_title  # the importer's
        assert "Foreign Secretary of Mexico" in mention("004", "barcena").participant.titles
        # The meetings 004 reports carry the correction too.
        meeting = statement("004").meetings.get()
        assert meeting.attendances.filter(participant=other_cohen).exists()
    assert statement("004").body.endswith("They met again.")


@pytest.mark.django_db
def test_an_official_removed_by_a_curator_stays_removed(curator_client, seeds_copy):
    response = curator_client.get(change_url(statement("002")))
    row = inline_prefix(
        response, "statementparticipant", lambda m: "svarch" in fold(m.name_as_written)
    )
    data = change_form_data(response, **{f"{row}-DELETE": "on"})
    assert curator_client.post(change_url(statement("002")), data).status_code == 302
    assert not any("svarch" in fold(m.name_as_written) for m in statement("002").mentions.all())
    reimport(seeds_copy, "--force")
    assert not any("svarch" in fold(m.name_as_written) for m in statement("002").mentions.all())
    assert statement("002").mentions.count() > 10


@pytest.mark.django_db
def test_discarding_corrections_forgets_them(curator_client, seeds_copy):
    from statements.curation import rerun_extraction

    correct(
        curator_client, statement("004"), "barcena", title_as_written="Foreign Secretary of Mexico"
    )
    rerun_extraction(statement("004"), keep_manual=False)
    assert mention("004", "barcena").title_as_written != "Foreign Secretary of Mexico"
    assert not OfficialCorrection.objects.exists()
    assert Statement.objects.count() == 5
