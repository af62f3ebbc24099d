"""The public pages: what a visitor sees, what stays hidden (drafts), escaping and query counts."""

import re
from datetime import date

import pytest
from django.urls import reverse

from statements.models import MergeRecord, Statement, issuing_country
from tests.factories import (
    AliasFactory,
    AttendanceFactory,
    CommitmentFactory,
    MeetingFactory,
    MentionFactory,
    ParticipantFactory,
    QuoteFactory,
    ReportFactory,
    StatementFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    """A small cross-linked archive: one meeting both governments wrote about, plus a draft."""
    fentanyl = TopicFactory(name="Fentanyl", slug="fentanyl")
    migration = TopicFactory(name="Migration", slug="migration")
    sherwood = ParticipantFactory(
        name="Elizabeth Sherwood-Randall",
        country="US",
        titles=["Homeland Security Advisor"],
    )
    AliasFactory(participant=sherwood, name="Sherwood-Randall")
    amlo = ParticipantFactory(
        name="Andrés Manuel López Obrador", country="MX", titles=["President of Mexico"]
    )
    AliasFactory(participant=amlo, name="López Obrador")
    barcena = ParticipantFactory(
        name="Alicia Bárcena", country="MX", titles=["Secretary of Foreign Affairs"]
    )
    meeting = MeetingFactory(
        title="Security dialogue in Mexico City",
        slug="security-dialogue-2023-12",
        start_date=date(2023, 12, 27),
        city="Mexico City",
        venue="National Palace",
    )
    older_meeting = MeetingFactory(
        title="Delegation visit, July 2023",
        slug="delegation-visit-2023-07",
        start_date=date(2023, 7, 24),
    )
    for official, title in (
        (sherwood, "Homeland Security Advisor"),
        (amlo, "President of Mexico"),
        (barcena, "Secretary of Foreign Affairs"),
    ):
        AttendanceFactory(
            meeting=meeting, participant=official, delegation=official.country, title=title
        )
    AttendanceFactory(meeting=older_meeting, participant=sherwood, delegation="US")
    AttendanceFactory(meeting=older_meeting, participant=amlo, delegation="MX")

    white_house = StatementFactory(
        title="Readout of the Homeland Security Advisor's trip to Mexico",
        slug="readout-trip-to-mexico",
        date=date(2023, 12, 28),
        publisher="The White House",
        kind=Statement.Kind.READOUT,
        source_url="https://www.whitehouse.gov/briefing-room/readout/",
        body=(
            "Dr. Elizabeth Sherwood-Randall met President Andrés Manuel López Obrador.\n\n"
            "Sherwood-Randall and López\nObrador discussed fentanyl and migration."
        ),
    )
    mexico = StatementFactory(
        title="Mexico and the United States review security cooperation",
        slug="mexico-us-review-security",
        date=date(2023, 12, 28),
        date_source=Statement.DateSource.INFERRED,
        date_inferred=True,
        date_note="Inferred from 'yesterday' and the publication date.",
        publisher="Government of Mexico",
        kind=Statement.Kind.COMMUNIQUE,
        source_url="https://www.gob.mx/sre/prensa/",
        body="President López Obrador met Elizabeth Sherwood-Randall and Alicia Bárcena.",
    )
    undated = StatementFactory(
        title="Undated remarks on migration",
        slug="undated-remarks",
        date=None,
        date_source=Statement.DateSource.NONE,
        kind=Statement.Kind.REMARKS,
        body="Remarks on migration by Elizabeth Sherwood-Randall.",
    )
    july = StatementFactory(
        title="Joint statement of July 2023",
        slug="joint-statement-july-2023",
        date=date(2023, 7, 25),
        body="Elizabeth Sherwood-Randall and López Obrador met on July 24.",
    )
    draft = StatementFactory(
        title="Draft readout nobody may see",
        slug="draft-readout",
        status=Statement.Status.DRAFT,
        body="Hidden Person met Elizabeth Sherwood-Randall.",
    )
    hidden_person = ParticipantFactory(name="Hidden Person", country="CA")
    draft_meeting = MeetingFactory(title="Draft-only meeting", slug="draft-only-meeting")
    ReportFactory(meeting=draft_meeting, statement=draft)
    AttendanceFactory(meeting=draft_meeting, participant=sherwood)
    AttendanceFactory(meeting=draft_meeting, participant=hidden_person)
    MentionFactory(statement=draft, participant=hidden_person, position=0)
    MentionFactory(statement=draft, participant=sherwood, position=20)

    for statement in (white_house, mexico):
        ReportFactory(meeting=meeting, statement=statement)
        statement.topics.add(fentanyl, migration)
    ReportFactory(meeting=older_meeting, statement=july)
    july.topics.add(fentanyl)
    undated.topics.add(migration)
    draft.topics.add(fentanyl)

    MentionFactory(
        statement=white_house,
        participant=sherwood,
        name_as_written="Elizabeth Sherwood-Randall",
        title_as_written="Homeland Security Advisor",
        position=4,
    )
    MentionFactory(
        statement=white_house,
        participant=amlo,
        name_as_written="Andrés Manuel López Obrador",
        title_as_written="President",
        position=45,
    )
    MentionFactory(statement=mexico, participant=amlo, name_as_written="López Obrador", position=10)
    MentionFactory(statement=mexico, participant=sherwood, position=28)
    MentionFactory(statement=mexico, participant=barcena, position=60)
    MentionFactory(statement=undated, participant=sherwood, position=20)
    MentionFactory(statement=july, participant=sherwood, position=0)
    MentionFactory(statement=july, participant=amlo, name_as_written="López Obrador", position=32)

    commitment = CommitmentFactory(
        statement=white_house,
        meeting=meeting,
        text="Both delegations committed to expand information sharing on fentanyl.",
        position=70,
    )
    commitment.topics.add(fentanyl)
    CommitmentFactory(
        statement=draft, text="A draft commitment nobody may see.", position=5
    ).topics.add(fentanyl)
    QuoteFactory(statement=mexico, speaker=amlo, text="This is a matter of humanism.", position=40)
    QuoteFactory(statement=draft, speaker=amlo, text="A draft quote nobody may see.", position=1)
    return {
        "sherwood": sherwood,
        "amlo": amlo,
        "barcena": barcena,
        "hidden_person": hidden_person,
        "meeting": meeting,
        "older_meeting": older_meeting,
        "draft_meeting": draft_meeting,
        "white_house": white_house,
        "mexico": mexico,
        "undated": undated,
        "july": july,
        "draft": draft,
        "fentanyl": fentanyl,
        "migration": migration,
    }


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def links_in(page):
    return re.findall(r'href="([^"]+)"', page)


# Home ----------------------------------------------------------------------------------------


def test_home_lists_published_statements_officials_topics_and_meetings(client, archive):
    page = html(client.get("/"))
    assert 'role="search"' in page and 'action="/search/"' in page
    latest = client.get("/").context["latest_statements"]
    assert archive["draft"] not in latest
    assert list(latest)[:2] == [archive["mexico"], archive["white_house"]] or list(latest)[:2] == [
        archive["white_house"],
        archive["mexico"],
    ]
    assert archive["white_house"].get_absolute_url() in links_in(page)
    assert "Draft readout nobody may see" not in page
    # Most active: Sherwood-Randall is named in four published statements (the draft not counted).
    officials = list(client.get("/").context["active_officials"])
    assert officials[0] == archive["sherwood"] and officials[0].statement_count == 4
    assert archive["hidden_person"] not in officials
    assert archive["fentanyl"].get_absolute_url() in links_in(page)
    assert archive["meeting"].get_absolute_url() in links_in(page)
    assert archive["draft_meeting"].get_absolute_url() not in links_in(page)


def test_base_layout_has_skip_link_nav_and_search_box(client, archive):
    page = html(client.get(reverse("statements:official_list")))
    assert '<a class="skip-link" href="#main">' in page
    assert '<main id="main"' in page
    for name in ("official_list", "meeting_list", "topic_list"):
        assert reverse(f"statements:{name}") in links_in(page)
    assert 'href="/search/"' in page
    assert re.search(r'<label for="site-search-q"[^>]*>Search statements</label>', page)
    assert 'name="q"' in page
    assert 'aria-current="page">Officials' in page


# Statement page --------------------------------------------------------------------------------


def test_statement_page_shows_everything_about_a_statement(client, archive):
    statement = archive["white_house"]
    page = html(client.get(statement.get_absolute_url()))
    assert "Readout of the Homeland Security Advisor&#x27;s trip to Mexico" in page
    assert '<time datetime="2023-12-28">28 December 2023</time>' in page
    assert "The White House" in page
    assert "Readout" in page
    assert 'href="https://www.whitehouse.gov/briefing-room/readout/"' in page
    assert archive["meeting"].get_absolute_url() in links_in(page)
    assert "Both delegations committed to expand information sharing on fentanyl." in page
    assert archive["fentanyl"].get_absolute_url() in links_in(page)
    # A citation to copy, with the publisher, title, date and the archive's own URL.
    citation = re.search(r'<textarea id="citation-text"[^>]*>(.*?)</textarea>', page, re.S)
    assert citation
    assert "The White House. “Readout of the Homeland" in citation.group(1)
    assert "28 December 2023" in citation.group(1)
    assert "http://testserver/statements/readout-trip-to-mexico/" in citation.group(1)


def test_statement_body_links_each_official_name_as_written(client, archive):
    page = html(client.get(archive["white_house"].get_absolute_url()))
    sherwood_url = archive["sherwood"].get_absolute_url()
    amlo_url = archive["amlo"].get_absolute_url()
    body = page.split('class="statement-body prose">', 1)[1].split("</div>", 1)[0]
    assert body.count("<p>") == 2
    # Full names as written, and short forms (aliases), even across a line break.
    assert re.search(
        rf'<a class="official-name" href="{sherwood_url}"[^>]*>Elizabeth Sherwood-Randall</a>', body
    )
    assert re.search(
        rf'<a class="official-name" href="{amlo_url}"[^>]*>Andrés Manuel López Obrador</a>', body
    )
    assert re.search(
        rf'<a class="official-name" href="{sherwood_url}"[^>]*>Sherwood-Randall</a> and', body
    )
    assert re.search(
        rf'<a class="official-name" href="{amlo_url}"[^>]*>López Obrador</a> discussed', body
    )
    assert "Dr. <a" in body


def test_statement_in_another_language_says_so(client, archive):
    Statement.objects.filter(pk=archive["july"].pk).update(language="es")
    page = html(client.get(archive["july"].get_absolute_url()))
    assert '<div class="statement-body prose" lang="es">' in page
    assert '<html lang="en">' in page
    page = html(client.get(archive["white_house"].get_absolute_url()))
    assert '<div class="statement-body prose">' in page
    assert '<meta name="description" content="Dr. Elizabeth Sherwood-Randall met' in page


def test_statement_quotes_link_the_speaker(client, archive):
    page = html(client.get(archive["mexico"].get_absolute_url()))
    quote = archive["mexico"].quotes.get()
    assert f'id="quote-{quote.pk}"' in page
    assert "This is a matter of humanism." in page
    assert archive["amlo"].get_absolute_url() in links_in(page)


def test_statement_date_inferred_and_unknown_are_marked(client, archive):
    page = html(client.get(archive["mexico"].get_absolute_url()))
    assert "not stated in the document; inferred" in page
    # The importer's note is the curators' vocabulary: it stays in the admin (issue 13).
    assert "yesterday" not in page
    page = html(client.get(archive["undated"].get_absolute_url()))
    assert "Date not stated in the document" in page
    assert "n.d." in page


def test_related_statements_put_the_same_meeting_first(client, archive):
    response = client.get(archive["white_house"].get_absolute_url())
    related = list(response.context["related"])
    assert related[0] == archive["mexico"]
    assert related[0].same_meeting == 1
    assert set(related[1:]) == {archive["july"], archive["undated"]}
    # July shares two officials and a topic; the undated remarks one official and a topic.
    assert related[1] == archive["july"]
    assert archive["draft"] not in related
    assert archive["white_house"] not in related


def test_related_statements_score_a_bounded_candidate_set():
    """Only the newest statements per shared official are scored; topics fill in when few."""
    topic = TopicFactory()
    official = ParticipantFactory()
    statement = StatementFactory(date=date(2024, 1, 10))
    statement.topics.add(topic)
    MentionFactory(statement=statement, participant=official, position=0)
    named = [StatementFactory(date=date(2024, 1, day)) for day in (1, 2, 3)]
    for other in named:
        MentionFactory(statement=other, participant=official, position=0)
    topic_only = StatementFactory(date=date(2024, 1, 9))
    topic_only.topics.add(topic)
    candidates = Statement.objects.published().related_to
    assert list(candidates(statement, per_link=2, enough=1)) == [named[2], named[1]]
    assert list(candidates(statement, per_link=2, enough=3)) == [named[2], named[1], topic_only]
    assert list(candidates(statement)) == [named[2], named[1], named[0], topic_only]


def test_only_http_source_urls_become_links(client, archive):
    statement = archive["undated"]
    Statement.objects.filter(pk=statement.pk).update(source_url="javascript:alert(1)")
    page = html(client.get(statement.get_absolute_url()))
    assert 'href="javascript:' not in page
    # Not a link to the original: the reader is told so, and sees no internal string (issue 13).
    assert "javascript:alert(1)" not in page
    assert "not linked" in page


def test_statement_highlights_search_terms_when_arriving_from_search(client, archive):
    pytest.importorskip("statements.search.highlight")
    url = archive["white_house"].get_absolute_url()
    page = html(client.get(url, {"q": "fentanyl"}))
    body = page.split('class="statement-body prose">', 1)[1].split("</div>", 1)[0]
    assert "<mark>fentanyl</mark>" in body
    # Names stay linked while highlighted, and a query made of HTML is only text.
    page = html(client.get(url, {"q": "<b>Sherwood</b>"}))
    assert "<b>Sherwood</b>" not in page
    assert "&lt;b&gt;Sherwood&lt;/b&gt;" in page


def test_statement_page_without_query_has_no_marks(client, archive):
    page = html(client.get(archive["white_house"].get_absolute_url()))
    body = page.split('class="statement-body prose">', 1)[1].split("</div>", 1)[0]
    assert "<mark>" not in body


# Officials --------------------------------------------------------------------------------------


def test_official_index_filters_by_country_and_searches_by_name(client, archive):
    response = client.get(reverse("statements:official_list"))
    names = [o.name for o in response.context["page"]]
    assert names == ["Alicia Bárcena", "Andrés Manuel López Obrador", "Elizabeth Sherwood-Randall"]
    assert "Hidden Person" not in html(response)
    response = client.get(reverse("statements:official_list"), {"country": "MX"})
    assert [o.name for o in response.context["page"]] == [
        "Alicia Bárcena",
        "Andrés Manuel López Obrador",
    ]
    # Without accents, and by a short form kept as an alias.
    response = client.get(reverse("statements:official_list"), {"q": "lopez obrador"})
    assert [o.name for o in response.context["page"]] == ["Andrés Manuel López Obrador"]
    response = client.get(reverse("statements:official_list"), {"q": "Sherwood"})
    assert [o.name for o in response.context["page"]] == ["Elizabeth Sherwood-Randall"]
    response = client.get(reverse("statements:official_list"), {"q": "nobody at all"})
    assert "No official matches" in html(response)


def test_official_index_counts_published_statements_of_the_page_shown(client, archive, monkeypatch):
    from statements import views

    monkeypatch.setattr(views, "OFFICIALS_PER_PAGE", 2)
    response = client.get(reverse("statements:official_list"), {"page": "2"})
    (sherwood,) = response.context["page"]
    assert sherwood == archive["sherwood"] and sherwood.statement_count == 4  # not the draft
    assert "4 statements" in html(response)
    assert "Page 2 of 2" in html(response)


def test_official_page_shows_titles_meetings_statements_quotes_and_counterparts(client, archive):
    amlo = archive["amlo"]
    response = client.get(amlo.get_absolute_url())
    page = html(response)
    assert "<h1>Andrés Manuel López Obrador</h1>" in page
    assert "Mexico" in page
    assert "President of Mexico" in page
    # Meetings in time order, older first, each linked.
    meetings = [a.meeting for a in response.context["attendances"]]
    assert meetings == [archive["older_meeting"], archive["meeting"]]
    assert page.index(archive["older_meeting"].get_absolute_url()) < page.index(
        archive["meeting"].get_absolute_url()
    )
    statements = list(response.context["statements"])
    assert set(statements) == {archive["white_house"], archive["mexico"], archive["july"]}
    assert "This is a matter of humanism." in page
    assert "A draft quote nobody may see." not in page
    met = [(o.name, o.meetings_together) for o in response.context["met_most"]]
    assert met == [("Elizabeth Sherwood-Randall", 2), ("Alicia Bárcena", 1)]
    assert archive["sherwood"].get_absolute_url() in links_in(page)
    assert reverse("statements:official_feed", args=[amlo.slug]) in links_in(page)


def test_official_page_lists_the_newest_meetings_and_links_to_the_rest(
    client, archive, monkeypatch
):
    from django.core.cache import caches

    from statements import views

    amlo = archive["amlo"]
    search_url = f"{reverse('statements:search')}?official={amlo.slug}"
    assert search_url not in links_in(html(client.get(amlo.get_absolute_url())))
    monkeypatch.setattr(views, "MEETINGS_ON_OFFICIAL_PAGE", 1)
    caches["pages"].clear()  # new code, as after a deploy: cached pages are gone
    response = client.get(amlo.get_absolute_url())
    assert [a.meeting for a in response.context["attendances"]] == [archive["meeting"]]
    attended = html(response).split('id="attended-title"')[1].split('id="named-in-title"')[0]
    assert archive["older_meeting"].get_absolute_url() not in links_in(attended)
    assert search_url in links_in(html(response))


def test_official_named_only_in_drafts_has_no_page(client, archive):
    assert client.get(archive["hidden_person"].get_absolute_url()).status_code == 404


def test_official_page_never_lists_drafts(client, archive):
    page = html(client.get(archive["sherwood"].get_absolute_url()))
    assert "Draft readout nobody may see" not in page
    assert archive["draft_meeting"].get_absolute_url() not in links_in(page)
    assert archive["hidden_person"].get_absolute_url() not in links_in(page)
    response = client.get(archive["sherwood"].get_absolute_url())
    assert [a.meeting for a in response.context["attendances"]] == [
        archive["older_meeting"],
        archive["meeting"],
    ]
    met = [(o.name, o.meetings_together) for o in response.context["met_most"]]
    assert met == [("Andrés Manuel López Obrador", 2), ("Alicia Bárcena", 1)]


# Meetings ---------------------------------------------------------------------------------------


def test_meeting_index_groups_by_year_and_filters(client, archive):
    response = client.get(reverse("statements:meeting_list"))
    page = html(response)
    grouped = response.context["grouped"]
    assert [year for year, _ in grouped] == [2023]
    assert [m.slug for m in grouped[0][1]] == [
        "security-dialogue-2023-12",
        "delegation-visit-2023-07",
    ]
    assert grouped[0][1][0].published_count == 2
    assert grouped[0][1][0].attendee_count == 3
    assert "Draft-only meeting" not in page
    response = client.get(reverse("statements:meeting_list"), {"year": "2022"})
    assert response.context["grouped"] == []
    assert client.get(reverse("statements:meeting_list"), {"year": "junk"}).status_code == 200


def test_meeting_index_is_paginated_and_keeps_the_year(client, archive, monkeypatch):
    from statements import views

    monkeypatch.setattr(views, "MEETINGS_PER_PAGE", 1)
    first = client.get(reverse("statements:meeting_list"), {"year": "2023"})
    assert [m.slug for _, ms in first.context["grouped"] for m in ms] == [
        "security-dialogue-2023-12"
    ]
    assert 'href="?year=2023&amp;page=2"' in html(first)
    second = client.get(reverse("statements:meeting_list"), {"year": "2023", "page": "2"})
    ((year, meetings),) = second.context["grouped"]
    assert year == 2023 and [m.slug for m in meetings] == ["delegation-visit-2023-07"]
    assert meetings[0].published_count >= 1
    assert "Page 2 of 2" in html(second)


def test_meeting_page_groups_attendees_and_puts_both_governments_side_by_side(client, archive):
    meeting = archive["meeting"]
    response = client.get(meeting.get_absolute_url())
    page = html(response)
    assert '<time datetime="2023-12-27">27 December 2023</time>' in page
    assert "National Palace, Mexico City" in page
    delegations = {
        label: [a.participant.name for a in items]
        for _, label, items in response.context["delegations"]
    }
    assert delegations == {
        "Mexico": ["Andrés Manuel López Obrador", "Alicia Bárcena"],
        "United States": ["Elizabeth Sherwood-Randall"],
    }
    assert "Secretary of Foreign Affairs" in page
    sides = dict(response.context["by_government"])
    assert sides == {"Mexico": [archive["mexico"]], "United States": [archive["white_house"]]}
    assert "side-by-side--multi" in page
    assert archive["mexico"].get_absolute_url() in links_in(page)
    assert archive["white_house"].get_absolute_url() in links_in(page)
    assert "Both delegations committed to expand information sharing on fentanyl." in page
    assert archive["fentanyl"].get_absolute_url() in links_in(page)


def test_statements_from_one_government_share_a_column(client, archive):
    embassy = StatementFactory(
        title="Embassy readout", publisher="U.S. Embassy in Mexico", date=date(2023, 12, 29)
    )
    other = StatementFactory(title="Observer note", publisher="Some Observatory")
    for statement in (embassy, other):
        ReportFactory(meeting=archive["meeting"], statement=statement)
    response = client.get(archive["meeting"].get_absolute_url())
    sides = dict(response.context["by_government"])
    assert sides == {
        "Mexico": [archive["mexico"]],
        "Some Observatory": [other],
        "United States": [archive["white_house"], embassy],
    }


@pytest.mark.parametrize(
    ("publisher", "country"),
    [
        ("The White House", "US"),
        ("U.S. Embassy in Mexico", "US"),
        ("U.S. Department of State", "US"),
        ("Government of Mexico", "MX"),
        ("Gobierno de México", "MX"),
        ("Embassy of Mexico in the United States", "MX"),
        ("Prime Minister of Canada", "CA"),
        ("Some Observatory", ""),
        ("", ""),
    ],
)
def test_issuing_country_reads_the_publishers_name(publisher, country):
    assert issuing_country(publisher) == country


def test_attendees_without_a_public_page_are_not_linked(client, archive):
    AttendanceFactory(meeting=archive["meeting"], participant=archive["hidden_person"])
    page = html(client.get(archive["meeting"].get_absolute_url()))
    assert "Hidden Person" in page
    assert archive["hidden_person"].get_absolute_url() not in links_in(page)
    assert archive["barcena"].get_absolute_url() in links_in(page)


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        (
            date(2024, 2, 6),
            date(2024, 2, 7),
            '6</time>–<time datetime="2024-02-07">7 February 2024',
        ),
        (
            date(2024, 1, 31),
            date(2024, 2, 1),
            '31 January</time>–<time datetime="2024-02-01">1 February 2024',
        ),
        (
            date(2023, 12, 31),
            date(2024, 1, 1),
            '31 December 2023</time>–<time datetime="2024-01-01">1 January 2024',
        ),
        (date(2024, 2, 6), None, '<time datetime="2024-02-06">6 February 2024</time>'),
    ],
)
def test_meeting_dates_are_written_compactly(client, archive, start, end, shown):
    meeting = archive["meeting"]
    meeting.start_date, meeting.end_date = start, end
    meeting.save()
    assert shown in html(client.get(meeting.get_absolute_url()))


def test_meeting_reported_only_by_a_draft_has_no_page(client, archive):
    assert client.get(archive["draft_meeting"].get_absolute_url()).status_code == 404


# Topics -----------------------------------------------------------------------------------------


def test_topic_index_counts_published_statements(client, archive):
    response = client.get(reverse("statements:topic_list"))
    counts = {t.name: (t.statement_count, t.commitment_count) for t in response.context["topics"]}
    assert counts == {"Fentanyl": (3, 1), "Migration": (3, 0)}


def test_topic_page_lists_statements_and_commitments_over_time(client, archive):
    response = client.get(archive["fentanyl"].get_absolute_url())
    page = html(response)
    assert list(response.context["statements"]) == [
        archive["mexico"],
        archive["white_house"],
        archive["july"],
    ] or list(response.context["statements"]) == [
        archive["white_house"],
        archive["mexico"],
        archive["july"],
    ]
    assert '<h3 class="year-heading">2023</h3>' in page
    assert "Both delegations committed to expand information sharing on fentanyl." in page
    assert "A draft commitment nobody may see." not in page
    assert "Draft readout nobody may see" not in page


# Not found and bad input ---------------------------------------------------------------------


def test_merged_officials_and_meetings_old_slugs_redirect(client, archive):
    MergeRecord.objects.create(
        kind=MergeRecord.Kind.PARTICIPANT,
        merged_name="Liz Sherwood-Randall",
        merged_slug="liz-sherwood-randall",
        merged_pk=999,
        target_participant=archive["sherwood"],
        target_name=archive["sherwood"].name,
    )
    MergeRecord.objects.create(
        kind=MergeRecord.Kind.MEETING,
        merged_name="Old meeting",
        merged_slug="old-meeting",
        merged_pk=998,
        target_meeting=archive["meeting"],
        target_name=archive["meeting"].title,
    )
    response = client.get("/officials/liz-sherwood-randall/")
    assert response.status_code == 301
    assert response["Location"] == archive["sherwood"].get_absolute_url()
    response = client.get("/meetings/old-meeting/")
    assert response.status_code == 301
    assert response["Location"] == archive["meeting"].get_absolute_url()
    # A slug merged into the other kind of thing is not followed.
    assert client.get("/meetings/liz-sherwood-randall/").status_code == 404


@pytest.mark.parametrize("prefix", ["statements", "officials", "meetings", "topics"])
def test_unknown_slugs_are_404(client, archive, prefix):
    assert client.get(f"/{prefix}/no-such-thing/").status_code == 404


def test_draft_statement_is_404(client, archive):
    assert client.get(archive["draft"].get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/officials/?page=999",
        "/officials/?page=abc",
        "/officials/?q=%00%27%22<>",
        "/officials/?country=ZZZ",
        "/meetings/?year=99999999999999999999",
        "/topics/fentanyl/?page=-1",
        "/statements/readout-trip-to-mexico/?q=" + "x" * 5000,
    ],
)
def test_bad_input_never_errors(client, archive, url):
    assert client.get(url).status_code == 200


def test_statement_index_is_the_search_page_newest_first(client):
    response = client.get("/statements/")
    assert response.status_code == 302
    assert response["Location"] == "/search/?sort=newest"


# robots.txt and sitemap -----------------------------------------------------------------------


def test_robots_txt_keeps_crawlers_out_of_search_and_api(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /search" in text.splitlines()
    assert "Disallow: /api" in text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_sitemap_lists_public_pages_only(client, archive):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for key in ("white_house", "mexico", "sherwood", "meeting", "fentanyl"):
        assert f"http://testserver{archive[key].get_absolute_url()}</loc>" in xml
    assert archive["draft"].get_absolute_url() not in xml
    assert archive["hidden_person"].get_absolute_url() not in xml
    assert archive["draft_meeting"].get_absolute_url() not in xml
    assert "/search" not in xml


# Escaping ---------------------------------------------------------------------------------------


SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def hostile():
    """Markup everywhere a document or a curator can put text."""
    topic = TopicFactory(name=f"Topic {SCRIPT}", slug="hostile-topic", description=SCRIPT)
    official = ParticipantFactory(name=f"Evil {SCRIPT} Name", titles=[f"Title {SCRIPT}"])
    statement = StatementFactory(
        title=f"Title {SCRIPT}",
        slug="hostile",
        body=f"Body {SCRIPT} names Evil {SCRIPT} Name here.\n\n<img src=x onerror=alert(1)>",
        publisher=f"Publisher {SCRIPT}",
        date_note=SCRIPT,
        source_url='https://example.org/"><script>alert(1)</script>',
    )
    statement.topics.add(topic)
    MentionFactory(
        statement=statement,
        participant=official,
        name_as_written=f"Evil {SCRIPT} Name",
        title_as_written=f"Title {SCRIPT}",
    )
    meeting = MeetingFactory(title=f"Meeting {SCRIPT}", slug="hostile-meeting", city=SCRIPT)
    ReportFactory(meeting=meeting, statement=statement)
    AttendanceFactory(meeting=meeting, participant=official, title=f"Title {SCRIPT}")
    CommitmentFactory(statement=statement, meeting=meeting, text=f"Commit {SCRIPT}").topics.add(
        topic
    )
    QuoteFactory(statement=statement, speaker=official, text=f"Quote {SCRIPT}")
    return {"statement": statement, "official": official, "meeting": meeting, "topic": topic}


def test_everything_from_documents_is_escaped(client, hostile):
    urls = [
        "/",
        hostile["statement"].get_absolute_url(),
        hostile["statement"].get_absolute_url() + "?q=%3Cscript%3E",
        hostile["official"].get_absolute_url(),
        hostile["meeting"].get_absolute_url(),
        hostile["topic"].get_absolute_url(),
        reverse("statements:official_list"),
        reverse("statements:meeting_list"),
        reverse("statements:topic_list"),
    ]
    for url in urls:
        page = html(client.get(url))
        assert "<script>alert" not in page, url
        assert "<img src=x" not in page, url
        assert "&lt;script&gt;" in page, url
    page = html(client.get(hostile["statement"].get_absolute_url()))
    # The name is still linked, with its markup shown as text inside the link.
    assert re.search(r'<a class="official-name" href="[^"]+"[^>]*>Evil &lt;script&gt;', page)


# Query counts -------------------------------------------------------------------------------------


@pytest.fixture
def crowded():
    """Many rows on every relation, to show query counts do not grow with them."""
    topics = TopicFactory.create_batch(8)
    officials = ParticipantFactory.create_batch(15) + ParticipantFactory.create_batch(
        15, country="MX"
    )
    meetings = MeetingFactory.create_batch(12)
    statements = StatementFactory.create_batch(40)
    for i, statement in enumerate(statements):
        statement.topics.add(*topics[i % 4 : i % 4 + 4])
        for j in range(6):
            MentionFactory(statement=statement, participant=officials[(i + j) % 30], position=j)
        ReportFactory(meeting=meetings[i % 12], statement=statement)
        CommitmentFactory(statement=statement, meeting=meetings[i % 12]).topics.add(topics[i % 8])
        QuoteFactory(statement=statement, speaker=officials[i % 30])
    for i, meeting in enumerate(meetings):
        for j in range(10):
            AttendanceFactory(meeting=meeting, participant=officials[(i + j) % 30])
    return {
        "statements": statements,
        "officials": officials,
        "meetings": meetings,
        "topics": topics,
    }


@pytest.mark.parametrize(
    ("name", "max_queries"),
    [
        ("home", 10),
        ("statement", 13),  # +1: which of its meetings another government also reported (compare)
        ("official_list", 6),  # +1: titles only a draft gave are left out (issue 13)
        (
            "official",
            14,
        ),  # "Met most often": its meetings behind each count (issue 13); +1 timeline (issue 12)
        ("meeting_list", 5),  # years: first and last, then one EXISTS per year
        ("meeting", 13),  # +1 why grouped, +1 commitment threads, +1 titles only drafts gave
        ("topic_list", 3),
        ("topic", 10),  # +2: statements and commitments per year (issue 12)
    ],
)
def test_pages_run_a_bounded_number_of_queries(
    client, crowded, django_assert_max_num_queries, name, max_queries
):
    urls = {
        "home": "/",
        "statement": crowded["statements"][0].get_absolute_url(),
        "official_list": reverse("statements:official_list"),
        "official": crowded["officials"][0].get_absolute_url(),
        "meeting_list": reverse("statements:meeting_list"),
        "meeting": crowded["meetings"][0].get_absolute_url(),
        "topic_list": reverse("statements:topic_list"),
        "topic": crowded["topics"][0].get_absolute_url(),
    }
    with django_assert_max_num_queries(max_queries):
        response = client.get(urls[name])
    assert response.status_code == 200


def test_meeting_page_says_why_its_statements_are_grouped_and_where_they_disagree(
    client, seeded_archive, django_assert_max_num_queries
):
    """The February 2024 visit: Mexico's undated communiqué and the White House readout."""
    (meeting,) = set(seeded_archive["002"].meetings.all()) & set(
        seeded_archive["004"].meetings.all()
    )
    with django_assert_max_num_queries(20):
        response = client.get(meeting.get_absolute_url())
    page = html(response)
    assert "Why these statements are grouped" in page
    assert "8 people attended both" in page
    assert "the day before the Trilateral Fentanyl Committee met" in page
    assert "Where the accounts disagree" in page
    assert "number the Trilateral Fentanyl Committee meeting differently" in page
    assert [r.statement for r in response.context["links"]] == sorted(
        [seeded_archive["002"], seeded_archive["004"]], key=lambda s: s.meeting_reports.get().pk
    )
    # A meeting reported once says so, and shows no disagreement.
    (san_francisco,) = seeded_archive["003"].meetings.all()
    page = html(client.get(san_francisco.get_absolute_url()))
    assert "The first account of this meeting in the archive" in page
    assert "Where the accounts disagree" not in page
