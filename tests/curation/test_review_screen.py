"""Corrections on the review screen (the statement's change form), on a small hand-built case."""

import datetime

import pytest
from django.urls import reverse

from statements.models import Meeting, MeetingReport, Participant, Statement
from tests.curation.builders import attend, meeting, mention, report
from tests.curation.formdata import change_form_data, inline_prefix

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(make_statement, make_official):
    statement = make_statement(
        "Readout of the talks",
        status="draft",
        body="Secretary Ken Salazar met Foreign Secretary Alicia Bárcena. Mr. Nobody attended.",
    )
    salazar = make_official("Ken Salazar", titles=["Ambassador"])
    barcena = make_official("Alicia Bárcena", country="MX", titles=["Foreign Secretary"])
    nobody = make_official("Mr Nobody", country="")
    mention(statement, salazar, title="Secretary", position=10)
    mention(statement, barcena, title="Foreign Secretary", position=30)
    mention(statement, nobody, position=60)
    talks = meeting("Talks", start_date=datetime.date(2024, 2, 6))
    report(talks, statement, evidence=MeetingReport.Evidence.WEAK)
    for official in (salazar, barcena, nobody):
        attend(talks, official)
    return locals()


def _url(statement):
    return reverse("admin:statements_statement_change", args=[statement.pk])


def test_the_screen_marks_new_officials_unknown_countries_and_weak_links(case, curator_client):
    html = curator_client.get(_url(case["statement"])).content.decode()
    assert "New official: Mr Nobody" in html
    assert "country unknown" in html
    assert "linked on weak evidence" in html
    assert "Review a draft statement" in html


def test_the_same_official_twice_is_a_form_error_not_a_crash(case, curator_client):
    response = curator_client.get(_url(case["statement"]))
    row = inline_prefix(
        response, "statementparticipant", lambda m: m.name_as_written == "Mr Nobody"
    )
    data = change_form_data(response, **{f"{row}-participant": str(case["salazar"].pk)})
    response = curator_client.post(_url(case["statement"]), data)
    assert response.status_code == 200
    assert "Please correct" in response.content.decode()
    assert case["statement"].mentions.count() == 3


def test_removing_a_misread_official_drops_them_everywhere_this_statement_put_them(
    case, curator_client
):
    response = curator_client.get(_url(case["statement"]))
    row = inline_prefix(
        response, "statementparticipant", lambda m: m.name_as_written == "Mr Nobody"
    )
    data = change_form_data(response, **{f"{row}-DELETE": "on", "_save_draft": "1"})
    assert curator_client.post(_url(case["statement"]), data).status_code == 302
    assert case["statement"].mentions.count() == 2
    assert not case["talks"].attendances.filter(participant=case["nobody"]).exists()
    assert not Participant.objects.filter(pk=case["nobody"].pk).exists()
    assert Participant.objects.filter(pk=case["salazar"].pk).exists()


def test_adding_an_official_by_hand_and_setting_the_date(case, make_official, curator_client):
    monaco = make_official("Lisa Monaco")
    statement = case["statement"]
    statement.body += " Deputy Attorney General Lisa Monaco joined."
    statement.save()
    response = curator_client.get(_url(statement))
    data = change_form_data(
        response,
        **{
            "mentions-TOTAL_FORMS": "4",
            "mentions-3-participant": str(monaco.pk),
            "mentions-3-title_as_written": "Deputy Attorney General",
            "mentions-3-attended": "on",
            "date": "2024-02-07",
            "_save_draft": "1",
        },
    )
    assert curator_client.post(_url(statement), data).status_code == 302
    added = statement.mentions.get(participant=monaco)
    assert added.name_as_written == "Lisa Monaco"
    assert added.position == statement.body.index("Lisa Monaco")
    monaco.refresh_from_db()
    assert "Deputy Attorney General" in monaco.titles
    statement.refresh_from_db()
    assert statement.date == datetime.date(2024, 2, 7)
    assert statement.date_source == Statement.DateSource.CURATOR
    assert statement.status == Statement.Status.DRAFT
    assert "Lisa Monaco" in statement.search_names


def test_relinking_a_meeting_moves_the_attendees_and_marks_the_link_as_the_curators(
    case, curator_client
):
    """The importer linked the wrong meeting; the curator picks (or creates) the right one."""
    right = meeting("The right talks")
    response = curator_client.get(_url(case["statement"]))
    data = change_form_data(response, **{"meeting_reports-0-meeting": str(right.pk)})
    assert curator_client.post(_url(case["statement"]), data).status_code == 302
    link = case["statement"].meeting_reports.get()
    assert (link.meeting, link.evidence) == (right, MeetingReport.Evidence.CURATOR)
    assert set(right.attendees.all()) == {case["salazar"], case["barcena"], case["nobody"]}
    # Nothing reports the old meeting any more: it is gone.
    assert not Meeting.objects.filter(pk=case["talks"].pk).exists()


def test_relinking_leaves_a_shared_meeting_its_other_statements_attendees(
    case, make_statement, curator_client
):
    other = make_statement("The other side's communiqué")
    mention(other, case["barcena"])
    report(case["talks"], other)
    right = meeting("The right talks")
    response = curator_client.get(_url(case["statement"]))
    data = change_form_data(response, **{"meeting_reports-0-meeting": str(right.pk)})
    curator_client.post(_url(case["statement"]), data)
    assert set(case["talks"].attendees.all()) == {case["barcena"]}
    assert right.attendees.filter(pk=case["barcena"].pk).exists()


def test_a_statement_linked_from_the_meeting_page_is_the_curators_link(
    case, make_statement, curator_client
):
    other = make_statement("Another readout")
    url = reverse("admin:statements_meeting_change", args=[case["talks"].pk])
    response = curator_client.get(url)
    data = change_form_data(
        response,
        **{
            "reports-TOTAL_FORMS": "2",
            "reports-1-statement": str(other.pk),
            "reports-1-evidence": "stated",
        },
    )
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    assert other.meeting_reports.get().evidence == MeetingReport.Evidence.CURATOR


def test_the_screen_lists_the_dates_the_text_gives(make_statement, curator_client):
    statement = make_statement(
        "Readout",
        status="draft",
        date=datetime.date(2024, 2, 7),
        body="Yesterday, the delegations met in Mexico City. On February 3, the presidents spoke.",
    )
    html = curator_client.get(_url(statement)).content.decode()
    assert "“Yesterday” → 2024-02-06 (relative to the publication date)" in html
    assert "“February 3” → 2024-02-03" in html


def test_a_new_match_takes_the_quotes_along_even_when_they_are_edited_too(
    case, make_official, curator_client
):
    from tests.curation.builders import quote

    said = quote(case["statement"], case["nobody"], "We will meet again.", 70)
    target = make_official("Marcelo Ebrard", country="MX")
    response = curator_client.get(_url(case["statement"]))
    row = inline_prefix(
        response, "statementparticipant", lambda m: m.name_as_written == "Mr Nobody"
    )
    quote_row = inline_prefix(response, "quote", lambda q: q.pk == said.pk)
    data = change_form_data(
        response,
        **{f"{row}-participant": str(target.pk), f"{quote_row}-text": "We will meet again soon."},
    )
    response = curator_client.post(_url(case["statement"]), data)
    assert response.status_code == 302
    said.refresh_from_db()
    assert (said.speaker, said.text) == (target, "We will meet again soon.")
    assert not Participant.objects.filter(pk=case["nobody"].pk).exists()
    assert case["talks"].attendances.filter(participant=target).exists()
