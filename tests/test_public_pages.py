"""Issue 13, public pages: what a reader is told (no curators' vocabulary), undated statements,
drafts that must leave no trace, and "Met most often" on an official's page."""

import csv
import importlib
import io
import json
import re
from datetime import date

import pytest
from django.apps import apps
from django.http import QueryDict
from django.urls import reverse

from statements.models import Participant, Statement
from statements.search.faceted import faceted_search
from tests.factories import (
    AliasFactory,
    AttendanceFactory,
    MeetingFactory,
    MentionFactory,
    ParticipantFactory,
    ReportFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def text_of(page):
    """The visible text of a page, roughly: tags out, whitespace joined."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


# --- No internal strings ------------------------------------------------------------------------

INTERNAL = ("front matter", "needs a curator", "date_note", "pasted.txt", ".txt")


def test_seed_statements_show_readers_words_not_the_curators(client, seeded_archive):
    for prefix, statement in seeded_archive.items():
        page = html(client.get(statement.get_absolute_url()))
        for word in (*INTERNAL, statement.source_file):
            assert word not in page, (prefix, word)
        assert statement.publisher in page
        if statement.source_url:
            assert f'href="{statement.source_url}"' in page
    # 001 states no date and reports the meeting of 24 July 2023.
    undated = seeded_archive["001"]
    assert undated.date is None and undated.meetings.get().start_date == date(2023, 7, 24)
    page = text_of(html(client.get(undated.get_absolute_url())))
    assert "Date not stated in the document; on or about 24 July 2023" in page


def test_a_pasted_readout_names_no_file_and_says_it_has_no_link(client):
    pasted = StatementFactory(source_file="admin/2024-05-01-abc-pasted.txt", source_url="")
    page = html(client.get(pasted.get_absolute_url()))
    assert "pasted" not in page and "admin/" not in page
    assert "not linked" in text_of(page)


def test_api_keeps_the_importers_note_to_the_admin(client, seeded_archive):
    data = client.get(f"/api/statements/{seeded_archive['001'].slug}/").json()
    assert "needs a curator" not in json.dumps(data)
    assert data["listing_date"] == "2023-07-24" and data["listing_date_source"] == "meeting"
    found = client.get("/api/search/", {"q": "reaffirm shared commitment"}).json()["results"]
    assert found[0]["slug"] == seeded_archive["001"].slug
    assert found[0]["listing_date"] == "2023-07-24"


# --- Undated statements -------------------------------------------------------------------------


@pytest.fixture
def dated_by_meeting():
    meeting = MeetingFactory(start_date=date(2022, 5, 3))
    statement = StatementFactory(title="Readout without a date", date=None)
    ReportFactory(meeting=meeting, statement=statement)
    statement.refresh_from_db()
    return statement, meeting


def test_a_statement_without_a_date_takes_its_meetings(dated_by_meeting):
    statement, meeting = dated_by_meeting
    assert (statement.listing_date, statement.listing_date_source) == (date(2022, 5, 3), "meeting")
    meeting.start_date = date(2022, 5, 1)
    meeting.save()
    statement.refresh_from_db()
    assert statement.listing_date == date(2022, 5, 1)
    statement.date = date(2022, 6, 1)
    statement.save()
    statement.refresh_from_db()
    assert (statement.listing_date, statement.listing_date_source) == (
        date(2022, 6, 1),
        "statement",
    )
    statement.date = None
    statement.save(update_fields=["date"])
    statement.refresh_from_db()
    assert statement.listing_date == date(2022, 5, 1)
    statement.meeting_reports.all().delete()
    statement.refresh_from_db()
    assert (statement.listing_date, statement.listing_date_source) == (None, "none")


def test_the_migration_fills_listing_dates(dated_by_meeting):
    statement, _ = dated_by_meeting
    dated = StatementFactory(date=date(2021, 1, 2))
    Statement.objects.update(listing_date=None, listing_date_source="none")
    migration = importlib.import_module("statements.migrations.0009_listing_date")
    migration.fill_listing_dates(apps, None)
    rows = dict(Statement.objects.values_list("pk", "listing_date"))
    assert rows == {statement.pk: date(2022, 5, 3), dated.pk: date(2021, 1, 2)}


def test_search_sorts_and_filters_by_the_meetings_date_and_offers_undated(client, dated_by_meeting):
    by_meeting, _ = dated_by_meeting
    newer = StatementFactory(date=date(2023, 1, 1))
    older = StatementFactory(date=date(2021, 1, 1))
    undated = StatementFactory(title="Nothing dates this", date=None)
    ids = [s.pk for s in faceted_search(QueryDict("sort=newest")).results]
    assert ids == [newer.pk, by_meeting.pk, older.pk, undated.pk]
    found = faceted_search(QueryDict("date_from=2022-01-01&date_to=2022-12-31"))
    assert [s.pk for s in found.results] == [by_meeting.pk]
    years = {v.value: (v.label, v.count) for v in faceted_search(QueryDict("")).facets["year"]}
    assert years == {
        "2023": ("2023", 1),
        "2022": ("2022", 1),
        "2021": ("2021", 1),
        "undated": ("Undated", 1),
    }
    assert [v.value for v in faceted_search(QueryDict("")).facets["year"]][-1] == "undated"
    assert [s.pk for s in faceted_search(QueryDict("year=undated")).results] == [undated.pk]
    both = faceted_search(QueryDict("year=undated&year=2021")).results
    assert {s.pk for s in both} == {undated.pk, older.pk}
    # The page says what a date range leaves out, and links to it.
    response = client.get("/search/", {"date_from": "2022-01-01"})
    page = text_of(html(response))
    assert "1 statement without a date is not shown" in page
    assert "year=undated" in html(response)
    # The result marks the date as the meeting's.
    page = html(client.get("/search/", {"year": "2022"}))
    assert "on or about" in page and "meeting date" in page


# --- Drafts leave no trace ----------------------------------------------------------------------


@pytest.fixture
def leaky():
    """Blinken in one published statement; a draft calls him "Tone Blinken" (a form the
    gazetteer does not know: its forms are curated, public knowledge), gives him a title a
    curator had removed, and has him attend a public meeting with someone only the draft names."""
    blinken = ParticipantFactory(name="Antony Blinken", country="US", titles=["Secretary of State"])
    colleague = ParticipantFactory(name="Jake Sullivan", country="US", titles=[])
    meeting = MeetingFactory(title="Public meeting", start_date=date(2023, 3, 1))
    public = StatementFactory(title="Published readout", date=date(2023, 3, 2))
    MentionFactory(statement=public, participant=blinken, title_as_written="Secretary of State")
    MentionFactory(statement=public, participant=colleague, title_as_written="")
    ReportFactory(meeting=meeting, statement=public)
    AttendanceFactory(meeting=meeting, participant=blinken)
    # The published readout gives Sullivan no title; the importer filled the attendance's
    # missing title from the draft.
    AttendanceFactory(meeting=meeting, participant=colleague, title="Draft-only adviser")

    draft = StatementFactory(
        title="Draft secret readout",
        status=Statement.Status.DRAFT,
        publisher="Draft Ministry",
        date=date(2023, 3, 3),
    )
    secret = ParticipantFactory(name="Secret Envoy", country="CA", titles=["Envoy"])
    MentionFactory(
        statement=draft,
        participant=blinken,
        name_as_written="Tone Blinken",
        title_as_written="Grand Vizier",
    )
    MentionFactory(statement=draft, participant=secret, title_as_written="Envoy")
    MentionFactory(statement=draft, participant=colleague, title_as_written="Draft-only adviser")
    ReportFactory(meeting=meeting, statement=draft)  # the draft reports the public meeting
    AttendanceFactory(meeting=meeting, participant=secret)
    draft_meeting = MeetingFactory(title="Draft-only summit")
    ReportFactory(meeting=draft_meeting, statement=draft)
    AttendanceFactory(meeting=draft_meeting, participant=blinken)
    # What the importer does with a draft's names and titles.
    AliasFactory(participant=blinken, name="Tone Blinken")
    blinken.titles = ["Grand Vizier", *blinken.titles]
    blinken.save()
    return {"blinken": blinken, "meeting": meeting, "secret": secret, "draft": draft}


SECRETS = ("Tone Blinken", "Grand Vizier", "Secret Envoy", "Draft secret readout", "Draft-only")


def assert_no_secret(text, where):
    for secret in SECRETS:
        assert secret not in text, (where, secret)


def test_no_public_page_shows_what_a_draft_gave(client, leaky):
    blinken, meeting = leaky["blinken"], leaky["meeting"]
    pages = {
        "home": "/",
        "official": blinken.get_absolute_url(),
        "officials": reverse("statements:official_list"),
        "meeting": meeting.get_absolute_url(),
        "meetings": reverse("statements:meeting_list"),
        "search": "/search/",
        "search blinken": "/search/?q=Blinken",
        "topics": reverse("statements:topic_list"),
    }
    for where, url in pages.items():
        assert_no_secret(html(client.get(url)), where)
    assert "Secretary of State" in html(client.get(blinken.get_absolute_url()))
    assert client.get(leaky["secret"].get_absolute_url()).status_code == 404
    assert client.get(leaky["draft"].get_absolute_url()).status_code == 404
    # The meetings index counts public attendees only (Blinken and Sullivan).
    assert "2 attendees" in html(client.get(reverse("statements:meeting_list")))


def test_no_api_answer_shows_what_a_draft_gave(client, leaky):
    blinken, meeting = leaky["blinken"], leaky["meeting"]
    urls = [
        "/api/officials/",
        f"/api/officials/{blinken.slug}/",
        "/api/meetings/",
        f"/api/meetings/{meeting.slug}/",
        "/api/statements/",
        "/api/search/?q=Blinken",
        "/api/topics/",
        f"/api/meetings/?official={leaky['secret'].slug}",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_secret(response.content.decode(), url)
    official = client.get(f"/api/officials/{blinken.slug}/").json()
    assert official["titles"] == ["Secretary of State"] and official["aliases"] == []
    listed = client.get("/api/officials/").json()["results"]
    assert [o["titles"] for o in listed if o["slug"] == blinken.slug] == [["Secretary of State"]]
    assert [m["slug"] for m in official["meetings"]] == [meeting.slug]
    assert client.get(f"/api/officials/{leaky['secret'].slug}/").status_code == 404


def test_no_feed_sitemap_facet_or_export_shows_what_a_draft_gave(client, leaky):
    blinken = leaky["blinken"]
    for url in (
        "/feeds/latest/",
        f"/officials/{blinken.slug}/feed/",
        "/search/feed/?q=readout",
        "/sitemap.xml",
        "/search/results.csv",
        "/search/results.json",
        "/search/results.csv?q=Blinken",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert_no_secret(body.decode(), url)
        assert "Draft Ministry" not in body.decode(), url
    facets = faceted_search(QueryDict("")).facets
    labels = {v.label for values in facets.values() for v in values}
    assert "Secret Envoy" not in labels and "Draft Ministry" not in labels
    counts = {v.value: v.count for v in facets["official"]}
    assert counts[blinken.slug] == 1


def test_search_offers_no_official_for_a_name_only_a_draft_wrote(client, leaky):
    assert faceted_search(QueryDict("q=Tone+Blinken")).official_match is None
    assert faceted_search(QueryDict("q=Antony+Blinken")).official_match == leaky["blinken"]
    # Published, the alias is public again.
    Statement.objects.filter(pk=leaky["draft"].pk).update(status=Statement.Status.PUBLISHED)
    assert faceted_search(QueryDict("q=Tone+Blinken")).official_match == leaky["blinken"]
    official = client.get(f"/api/officials/{leaky['blinken'].slug}/").json()
    assert official["aliases"] == ["Tone Blinken"] and "Grand Vizier" in official["titles"]


# --- Met most often ----------------------------------------------------------------------------


@pytest.fixture
def meetings_of_amlo():
    """López Obrador (MX) met Biden (US) twice, Harris (US) twice (once earlier), a Mexican
    colleague three times, and 14 Canadians once each."""
    amlo = ParticipantFactory(name="Andrés Manuel López Obrador", country="MX")
    biden = ParticipantFactory(name="Joe Biden", country="US")
    harris = ParticipantFactory(name="Kamala Harris", country="US")
    ebrard = ParticipantFactory(name="Marcelo Ebrard", country="MX")
    canadians = [ParticipantFactory(name=f"Canadian {i:02d}", country="CA") for i in range(14)]
    meetings = []

    def meet(day, *people):
        meeting = MeetingFactory(start_date=day)
        statement = StatementFactory(date=day)
        ReportFactory(meeting=meeting, statement=statement)
        for position, person in enumerate((amlo, *people)):
            AttendanceFactory(meeting=meeting, participant=person)
            MentionFactory(statement=statement, participant=person, position=position)
        meetings.append(meeting)
        return meeting

    meet(date(2021, 1, 1), harris, ebrard)
    meet(date(2022, 1, 1), harris, ebrard)
    meet(date(2023, 1, 1), biden, ebrard)
    meet(date(2023, 6, 1), biden, *canadians)
    return {"amlo": amlo, "biden": biden, "harris": harris, "ebrard": ebrard, "meetings": meetings}


def test_met_most_often_puts_counterparts_first_with_their_meetings(client, meetings_of_amlo):
    amlo, biden = meetings_of_amlo["amlo"], meetings_of_amlo["biden"]
    met = Participant.objects.met_most_often_with(amlo)
    names = [(o.name, o.meetings_together, o.is_counterpart) for o in met]
    # Biden and Harris tie at 2: Biden met him more recently (not the alphabet's order).
    assert names[:2] == [("Joe Biden", 2, True), ("Kamala Harris", 2, True)]
    assert names[-1] == ("Marcelo Ebrard", 3, False)  # a colleague, after every counterpart
    assert len(met) == 17  # no cut-off at 12
    page = html(client.get(amlo.get_absolute_url()))
    panel = page.split('id="met-title"')[1].split("</section>")[0]
    assert panel.index("Joe Biden") < panel.index("Kamala Harris") < panel.index("Marcelo Ebrard")
    assert panel.index("Counterparts") < panel.index("Colleagues")
    assert "Canadian 13" in panel
    # The meetings behind Biden's count are linked.
    biden_item = panel.split("Joe Biden")[1].split("</li>\n      \n")[0]
    for meeting in meetings_of_amlo["meetings"][2:]:
        assert meeting.get_absolute_url() in biden_item
    assert "2 meetings together" in biden_item
    assert biden.get_absolute_url() in panel


def test_met_most_often_shows_the_first_and_links_to_all(client, meetings_of_amlo, monkeypatch):
    from statements import views

    monkeypatch.setattr(views, "MET_SHOWN", 5)
    url = meetings_of_amlo["amlo"].get_absolute_url()
    panel = html(client.get(url)).split('id="met-title"')[1].split("</section>")[0]
    assert panel.count("meetings together") + panel.count("meeting together") == 6  # 5 + 1
    assert "Canadian 13" not in panel and "Show all 16 counterparts" in panel
    panel = html(client.get(url, {"met": "all"})).split('id="met-title"')[1]
    assert "Canadian 13" in panel.split("</section>")[0]


def test_lopez_obradors_page_shows_biden(client, seeded_archive):
    """The seeds: Biden met him once, one on one; a delegation of twenty met him too."""
    amlo = Participant.objects.get(slug="andres-manuel-lopez-obrador")
    met = Participant.objects.met_most_often_with(amlo)
    once = [o.name for o in met if o.is_counterpart and o.meetings_together == 1]
    assert once[0] == "Joe Biden"
    colleagues = [o for o in met if not o.is_counterpart]
    assert colleagues and all(o.country == "MX" for o in colleagues)
    assert met.index(colleagues[0]) == len(met) - len(colleagues)
    panel = html(client.get(amlo.get_absolute_url())).split('id="met-title"')[1]
    assert "Joe Biden" in panel.split("</section>")[0]


def test_met_most_often_leaves_out_a_drafts_attendee(leaky):
    met = Participant.objects.met_most_often_with(leaky["blinken"])
    assert [o.name for o in met] == ["Jake Sullivan"]


# --- Downloads, feeds and titles ---------------------------------------------------------------


def test_csv_export_rows_are_the_searchs(client, dated_by_meeting):
    statement, _ = dated_by_meeting
    response = client.get("/search/results.csv", {"year": "2022"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["slug"] for row in rows] == [statement.slug]


def test_downloads_are_named_after_the_search(client, dated_by_meeting):
    response = client.get("/search/results.csv", {"q": "readout", "year": "2022"})
    assert response["Content-Disposition"] == ('attachment; filename="statements-readout-2022.csv"')
    response = client.get("/search/results.json", {"q": "Lopez Obrador"})
    assert 'filename="statements-lopez-obrador.json"' in response["Content-Disposition"]
    assert 'filename="statements.csv"' in client.get("/search/results.csv")["Content-Disposition"]


def test_the_search_feed_keeps_its_query_and_no_import_time(client, dated_by_meeting):
    by_meeting, _ = dated_by_meeting
    undated = StatementFactory(title="Readout nobody dated", date=None)
    feed = client.get("/search/feed/", {"q": "readout", "kind": "joint_statement"}).content
    feed = feed.decode()
    self_link = re.search(r'<link href="([^"]+)" rel="self"', feed).group(1).replace("&amp;", "&")
    assert self_link.endswith("/search/feed/?q=readout&kind=joint_statement&sort=newest")
    entries = {
        re.search(r"<title>(.*?)</title>", entry).group(1): entry
        for entry in feed.split("<entry>")[1:]
    }
    assert "<published>2022-05-03T00:00:00" in entries[by_meeting.title]
    assert "<published>" not in entries[undated.title]
    latest = client.get("/feeds/latest/").content.decode()
    undated_entry = latest.split(f"<title>{undated.title}</title>")[1].split("</entry>")[0]
    assert "<published>" not in undated_entry


def test_the_search_page_title_names_the_filters(client, dated_by_meeting):
    page = html(client.get("/search/", {"q": "readout", "year": "2022"}))
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert title == "“readout” – 2022 – Search – Bilateral Statements Archive"


def test_back_to_results_keeps_the_filters(client, dated_by_meeting):
    statement, _ = dated_by_meeting
    page = html(client.get("/search/", {"q": "readout", "year": "2022", "sort": "oldest"}))
    link = re.search(rf'href="({re.escape(statement.get_absolute_url())}[^"]*)"', page).group(1)
    statement_page = html(client.get(link.replace("&amp;", "&")))
    back = re.search(r'href="([^"]+)" data-back-to-results', statement_page).group(1)
    back = back.replace("&amp;", "&")
    assert back.startswith("/search/?")
    assert QueryDict(back.split("?", 1)[1]) == QueryDict("q=readout&year=2022&sort=oldest")
    # Only the search's own parameters come back, and only to the search page.
    evil = html(client.get(statement.get_absolute_url(), {"back": "next=//evil.example&x=1"}))
    assert "data-back-to-results" not in evil


def test_every_page_has_a_favicon_and_labelled_search_landmarks(client, dated_by_meeting):
    from django.contrib.staticfiles import finders

    page = html(client.get("/"))
    assert re.search(r'<link rel="icon" href="/static/favicon\.svg"', page)
    assert finders.find("favicon.svg")
    forms = re.findall(r"<form[^>]*role=\"search\"[^>]*>", page)
    assert len(forms) == 2 and all("aria-label=" in form for form in forms)
    labels = [re.search(r'aria-label="([^"]+)"', form).group(1) for form in forms]
    assert len(set(labels)) == 2


def test_search_results_are_compact_at_the_right_heading_level(client):
    from tests.factories import TopicFactory

    statement = StatementFactory(title="Many topics")
    topics = [TopicFactory(name=f"Topic {i:02d}", slug=f"topic-x{i:02d}") for i in range(11)]
    statement.topics.add(*topics)
    page = html(client.get("/search/"))
    assert '<h2 class="item__title">' in page and '<h3 class="item__title">' not in page
    result = page.split('<article class="item result">')[1].split("</article>")[0]
    assert result.count('class="chip"') == 3 and "and 8 more" in result
    # A chosen topic is one of the three shown.
    page = html(client.get("/search/", {"topic": "topic-x10"}))
    result = page.split('<article class="item result">')[1].split("</article>")[0]
    assert "Topic 10" in result


def test_every_facet_list_can_be_shown_whole(client):
    officials = [ParticipantFactory(name=f"Official {i:02d}") for i in range(27)]
    for official in officials:
        MentionFactory(statement=StatementFactory(), participant=official)
    page = html(client.get("/search/"))
    listed = page.split('data-facet="official"')[1].split("</ul>")[0]
    assert listed.count("facet__value") == 12
    more = re.search(r'href="([^"]+)" data-facet-more="official"', page).group(1)
    page = html(client.get("/search/" + more.replace("&amp;", "&")))
    listed = page.split('data-facet="official"')[1].split("</ul>")[0]
    assert listed.count("facet__value") == 27
    assert 'data-facet-fewer="official"' in page
    # Two officials chosen: the page says it shows statements naming either.
    chosen = f"/search/?official={officials[0].slug}&official={officials[1].slug}"
    page = text_of(html(client.get(chosen)))
    assert "Showing statements with any of the 2 chosen." in page


def test_the_search_page_has_skip_links_and_one_search_box(client):
    page = html(client.get("/search/"))
    assert 'href="#results"' in page and 'href="#filters"' in page
    assert 'id="results"' in page and 'id="filters"' in page
    assert page.count('type="search"') == 1  # the header's box is not repeated here
    assert "<details" in page and "<summary" in page  # the filters drawer works without JS
