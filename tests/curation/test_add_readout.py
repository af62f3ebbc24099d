"""Add a readout: paste or upload, extraction, the review screen, save as draft or publish."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from statements.models import Participant, Statement
from statements.text import fold
from tests.curation.formdata import change_form_data, inline_prefix

pytestmark = pytest.mark.django_db

ADD_URL = "admin:statements_statement_add_readout"


def _change_url(statement):
    return reverse("admin:statements_statement_change", args=[statement.pk])


def _add(curator_client, **data):
    return curator_client.post(reverse(ADD_URL), data)


@pytest.fixture
def draft_002(curator_client, seed_text):
    response = _add(curator_client, text=seed_text("002"))
    assert response.status_code == 302, response.content.decode()[:3000]
    statement = Statement.objects.get()
    assert response["Location"] == _change_url(statement)
    return statement


def test_a_pasted_readout_becomes_a_draft_with_everything_extracted(draft_002):
    statement = draft_002
    assert statement.status == Statement.Status.DRAFT
    names = {fold(m.participant.name) for m in statement.mentions.select_related("participant")}
    assert any("barcena" in name for name in names)
    assert any("sherwood randall" in name for name in names)
    assert statement.commitments.exists()
    assert statement.topics.exists()
    # Not public (its curator may preview it: tests/curation/test_admin_edges.py).
    assert Client().get(statement.get_absolute_url()).status_code == 404


def test_the_review_screen_marks_what_the_importer_was_unsure_of(draft_002, curator_client):
    response = curator_client.get(_change_url(draft_002))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Review: draft, not public" in html
    # Seed 002 has no date of its own: the importer says so and the screen shows it.
    assert draft_002.review_notes
    for note in draft_002.review_notes:
        assert note.replace("'", "&#x27;").replace('"', "&quot;") in html
    assert "New official" in html  # nothing else in the archive yet
    assert 'name="_publish"' in html and 'name="_save_draft"' in html
    assert 'name="_reextract"' in html


def test_correct_a_title_and_publish(draft_002, curator_client, client):
    response = curator_client.get(_change_url(draft_002))
    row = inline_prefix(
        response, "statementparticipant", lambda m: "barcena" in fold(m.name_as_written)
    )
    data = change_form_data(
        response, **{f"{row}-title_as_written": "Foreign Secretary of Mexico", "_publish": "1"}
    )
    response = curator_client.post(_change_url(draft_002), data)
    assert response.status_code == 302, response.content.decode()[:3000]

    draft_002.refresh_from_db()
    assert draft_002.status == Statement.Status.PUBLISHED
    assert not draft_002.needs_review
    barcena = draft_002.mentions.get(pk=int(data[f"{row}-id"]))
    assert barcena.title_as_written == "Foreign Secretary of Mexico"
    assert "Foreign Secretary of Mexico" in barcena.participant.titles
    # The meeting attendance of that official carries the corrected title too.
    for attendance in barcena.participant.attendances.filter(meeting__reports__statement=draft_002):
        assert attendance.title == "Foreign Secretary of Mexico"
    assert client.get(draft_002.get_absolute_url()).status_code == 200
    assert draft_002.history.first().history_user.username == "curator"


def test_save_as_draft_keeps_it_private(draft_002, curator_client, client):
    response = curator_client.get(_change_url(draft_002))
    data = change_form_data(response, title="Mexico–U.S. security talks", _save_draft="1")
    curator_client.post(_change_url(draft_002), data)
    draft_002.refresh_from_db()
    assert draft_002.title == "Mexico–U.S. security talks"
    assert draft_002.status == Statement.Status.DRAFT
    assert Client().get(draft_002.get_absolute_url()).status_code == 404


def test_change_an_officials_match(draft_002, curator_client, make_official):
    """The importer made a new official; the curator says it is one already in the archive."""
    target = make_official("Alicia Barcena (SRE)", country="MX")
    response = curator_client.get(_change_url(draft_002))
    row = inline_prefix(
        response, "statementparticipant", lambda m: "barcena" in fold(m.name_as_written)
    )
    data = change_form_data(response, **{f"{row}-participant": str(target.pk), "_save": "1"})
    mention_pk = int(data[f"{row}-id"])
    previous = draft_002.mentions.get(pk=mention_pk).participant
    assert previous.pk != target.pk
    response = curator_client.post(_change_url(draft_002), data)
    assert response.status_code == 302, response.content.decode()[:3000]

    assert draft_002.mentions.get(pk=mention_pk).participant == target
    # The official the importer had made is gone (nothing else named them); the name lives on.
    assert not Participant.objects.filter(pk=previous.pk).exists()
    assert previous.name_key in set(target.aliases.values_list("name_key", flat=True))
    # Meeting attendances and quotes of this statement followed.
    assert not draft_002.meetings.filter(attendances__participant_id=previous.pk).exists()


def test_duplicates_are_refused_with_a_link(draft_002, curator_client, seed_text):
    response = _add(curator_client, text=seed_text("002"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "already has this text" in html
    assert _change_url(draft_002) in html
    assert Statement.objects.count() == 1

    draft_002.source_url = "https://www.gob.mx/sre/prensa/readout"
    draft_002.save()
    response = _add(
        curator_client,
        text="Another text entirely.\n\nThe two delegations met in Mexico City.",
        source_url="https://www.gob.mx/sre/prensa/readout",
    )
    assert response.status_code == 400
    assert "already has this source URL" in response.content.decode()
    assert Statement.objects.count() == 1


def test_upload_an_html_file_with_title_date_and_publisher(curator_client):
    html = (
        "<html><body><h2>Readout</h2><p>On March 3, Secretary of State Antony Blinken met "
        "Foreign Minister M&eacute;lanie Joly of Canada in Ottawa. They agreed to expand "
        "cooperation on fentanyl.</p><script>alert(1)</script></body></html>"
    )
    upload = SimpleUploadedFile("blinken-joly.html", html.encode(), content_type="text/html")
    response = curator_client.post(
        reverse(ADD_URL),
        {
            "file": upload,
            "title": "Readout of Secretary Blinken's meeting with Foreign Minister Joly",
            "date": "2024-03-04",
            "publisher": "U.S. Department of State",
            "source_url": "https://www.state.gov/readout-joly",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    statement = Statement.objects.get()
    assert statement.title == "Readout of Secretary Blinken's meeting with Foreign Minister Joly"
    assert str(statement.date) == "2024-03-04"
    assert statement.date_source == Statement.DateSource.CURATOR
    assert statement.publisher == "U.S. Department of State"
    assert "<" not in statement.body and "alert" not in statement.body
    assert "Mélanie Joly" in statement.body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Paste the statement"),
        ({"text": "x", "file": "both"}, "not both"),
        ({"text": "   "}, "Paste the statement"),
        ({"file": "bad.exe"}, "Upload a .txt, .md or .html file"),
        ({"text": "\x00\x01"}, "Null characters are not allowed"),
        ({"file": "binary.txt"}, "cannot be read"),
        ({"text": "Some readout.", "date": "not a date"}, "Enter a valid date"),
    ],
)
def test_bad_input_is_a_clear_error_and_nothing_is_saved(curator_client, data, message):
    if "file" in data:
        name = "readout.txt" if data["file"] == "both" else data["file"]
        content = b"\x00\x01\xff\xfe" * 50 if name == "binary.txt" else b"Some text of a readout."
        data = {**data, "file": SimpleUploadedFile(name, content)}
    response = _add(curator_client, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Statement.objects.exists()


def test_rerun_extraction_keeps_corrections_unless_discarded(draft_002, curator_client):
    response = curator_client.get(_change_url(draft_002))
    row = inline_prefix(
        response, "statementparticipant", lambda m: "barcena" in fold(m.name_as_written)
    )
    added = (
        "\n\nThe United States and Mexico will expand cooperation to stop arms trafficking "
        "across the border at Ciudad Juárez."
    )
    data = change_form_data(
        response,
        **{
            f"{row}-title_as_written": "Foreign Secretary of Mexico",
            "body": draft_002.body + added,
            "_reextract": "1",
        },
    )
    old_hash = draft_002.content_hash
    response = curator_client.post(_change_url(draft_002), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft_002.refresh_from_db()
    assert draft_002.content_hash != old_hash
    assert draft_002.status == Statement.Status.DRAFT
    assert draft_002.commitments.filter(text__contains="Ciudad Juárez").exists()
    barcena = next(m for m in draft_002.mentions.all() if "barcena" in fold(m.name_as_written))
    assert barcena.title_as_written == "Foreign Secretary of Mexico"

    # Once more, discarding the corrections: the importer's title comes back.
    response = curator_client.get(_change_url(draft_002))
    data = change_form_data(response, _reextract="1", discard_manual="1")
    curator_client.post(_change_url(draft_002), data)
    barcena = next(m for m in draft_002.mentions.all() if "barcena" in fold(m.name_as_written))
    assert barcena.title_as_written != "Foreign Secretary of Mexico"
    draft_002.refresh_from_db()
    assert draft_002.status == Statement.Status.DRAFT


def test_rerun_keeps_the_meeting_the_curator_chose(draft_002, curator_client):
    from statements.models import Meeting, MeetingReport

    right = Meeting.objects.create(title="Security talks at the National Palace", slug="right")
    response = curator_client.get(_change_url(draft_002))
    assert response.context["inline_admin_formsets"][1].formset.initial_forms
    data = change_form_data(response, **{"meeting_reports-0-meeting": str(right.pk)})
    assert curator_client.post(_change_url(draft_002), data).status_code == 302

    response = curator_client.get(_change_url(draft_002))
    curator_client.post(_change_url(draft_002), change_form_data(response, _reextract="1"))
    links = list(draft_002.meeting_reports.values_list("meeting_id", "evidence"))
    assert links == [(right.pk, MeetingReport.Evidence.CURATOR)]
    assert right.attendances.exists()
