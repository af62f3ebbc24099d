"""OpenGraph and Twitter card tags on every public page (templates/includes/_social_meta.html),
and the page explaining how the archive reads documents (/about/method/)."""

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from statements.ingest.meetings import SURE
from statements.models import MeetingReport
from tests.factories import (
    AttendanceFactory,
    MeetingFactory,
    MentionFactory,
    ParticipantFactory,
    ReportFactory,
    StatementFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

EVIL = 'Evil "quote" <b>bold</b> & co'
TAGS = ("og:title", "og:description", "og:url", "og:type", "og:site_name", "twitter:card")


class MetaTags(HTMLParser):
    """Every <meta property|name=… content=…> of a page, values unescaped; a tag twice fails."""

    def __init__(self):
        super().__init__()
        self.tags = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("property") or attrs.get("name")
        if tag == "meta" and key and (key.startswith(("og:", "twitter:", "article:"))):
            assert key not in self.tags, f"{key} twice"
            self.tags[key] = attrs["content"]


def meta(response):
    assert response.status_code == 200
    parser = MetaTags()
    parser.feed(response.content.decode())
    assert set(TAGS) <= set(parser.tags), parser.tags
    assert parser.tags["og:site_name"] == "Bilateral Statements Archive"
    assert parser.tags["twitter:card"] == "summary"
    return parser.tags


@pytest.fixture
def pages():
    topic = TopicFactory(name=EVIL, slug="evil", description="")
    official = ParticipantFactory(name=EVIL, slug="evil-official", country="MX")
    meeting = MeetingFactory(title=EVIL, slug="evil-meeting", start_date=date(2024, 2, 15))
    statement = StatementFactory(
        title=EVIL,
        slug="evil-statement",
        body="<script>alert(1)</script> The delegations met in Mexico City and agreed.",
        date=date(2024, 2, 15),
    )
    statement.topics.add(topic)
    MentionFactory(statement=statement, participant=official, attended=True)
    AttendanceFactory(meeting=meeting, participant=official, delegation="MX")
    ReportFactory(meeting=meeting, statement=statement)
    return {"statement": statement, "official": official, "meeting": meeting, "topic": topic}


def test_statement_tags_give_title_first_words_canonical_url_and_article(client, pages):
    tags = meta(client.get("/statements/evil-statement/?q=mexico"))
    assert tags["og:title"] == EVIL
    assert tags["og:description"].startswith("<script>alert(1)</script> The delegations met")
    assert tags["og:url"] == "http://testserver/statements/evil-statement/"  # no ?q=
    assert tags["og:type"] == "article"
    assert tags["article:published_time"] == "2024-02-15"
    raw = client.get("/statements/evil-statement/").content.decode()
    assert 'content="Evil &quot;quote&quot; &lt;b&gt;bold&lt;/b&gt; &amp; co"' in raw
    assert "<script>alert(1)</script>" not in raw


def test_official_meeting_and_topic_tags_name_the_page(client, pages):
    tags = meta(client.get(pages["official"].get_absolute_url()))
    assert tags["og:title"] == EVIL
    assert tags["og:description"].startswith(EVIL + ": the statements naming them")
    assert tags["og:type"] == "profile"
    assert tags["og:url"] == "http://testserver/officials/evil-official/"

    tags = meta(client.get(pages["meeting"].get_absolute_url()))
    assert tags["og:title"] == EVIL
    assert tags["og:description"].startswith("Delegation visit, 15 February 2024. Who attended")
    assert tags["og:type"] == "website"

    tags = meta(client.get(pages["topic"].get_absolute_url()))
    assert tags["og:title"] == EVIL
    assert tags["og:description"] == "Statements and commitments on this topic."
    for raw in (
        client.get(url).content.decode()
        for url in (pages["official"].get_absolute_url(), pages["meeting"].get_absolute_url())
    ):
        assert "<b>bold</b>" not in raw.split("</head>")[0]


def test_search_tags_carry_the_query_escaped(client, pages):
    tags = meta(client.get("/search/", {"q": '"><b>x</b>'}))
    assert tags["og:title"] == 'Search: "><b>x</b>'
    assert '"><b>x</b>' in tags["og:description"]
    assert tags["og:url"].startswith("http://testserver/search/?q=")
    assert "<b>x</b>" not in client.get("/search/", {"q": '"><b>x</b>'}).content.decode()
    assert meta(client.get("/search/"))["og:title"] == "Search the Bilateral Statements Archive"


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/", "Bilateral Statements Archive"),
        ("/officials/", "Officials · Bilateral Statements Archive"),
        ("/meetings/", "Meetings · Bilateral Statements Archive"),
        ("/topics/", "Topics · Bilateral Statements Archive"),
        ("/about/method/", "How the Bilateral Statements Archive reads documents"),
    ],
)
def test_every_other_page_has_the_tags(client, pages, url, title):
    tags = meta(client.get(url))
    assert tags["og:title"] == title
    assert tags["og:type"] == "website"
    assert tags["og:url"] == f"http://testserver{url}"


def test_a_missing_page_has_no_share_tags(client):
    response = client.get("/statements/no-such-statement/")
    assert response.status_code == 404
    assert 'property="og:' not in response.content.decode()


def test_method_page_explains_attendance_dates_and_every_link_level(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(0):
        response = client.get(reverse("statements:method"))
    assert response.status_code == 200
    page = response.content.decode()
    for anchor in ("reading", "officials", "attended", "dates", "meeting-links", "commitments"):
        assert f'id="{anchor}"' in page
    assert "<dt>attended</dt>" in page and "<dt>mentioned</dt>" in page
    for value, label in MeetingReport.Evidence.choices:  # a new level must be explained
        assert f'<dt id="evidence-{value}">{label}</dt>' in page.replace("&#x27;", "'")
    assert f"at least {round(SURE * 100)}%" in page  # the threshold the importer uses
    assert "on or about" in page and "n.d." in page
    assert client.post(reverse("statements:method")).status_code == 405


def test_pages_using_those_words_link_to_the_method(client, pages):
    method = reverse("statements:method")
    statement_page = client.get(pages["statement"].get_absolute_url()).content.decode()
    assert f'href="{method}#attended"' in statement_page
    assert re.search(r"data-mention-role>(<br>| · )attended</span>", statement_page)
    meeting_page = client.get(pages["meeting"].get_absolute_url()).content.decode()
    assert f'href="{method}#meeting-links"' in meeting_page
    assert f'href="{method}#attended"' in meeting_page
    official_page = client.get(pages["official"].get_absolute_url()).content.decode()
    assert f'href="{method}#attended"' in official_page
    assert (
        f'href="{method}">How the archive reads documents</a>' in client.get("/").content.decode()
    )
