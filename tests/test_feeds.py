"""Atom feeds: latest statements, per official, per topic. Drafts never appear; text is escaped."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.urls import reverse

from statements.models import Statement
from tests.factories import MentionFactory, ParticipantFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # well-formed XML, or this raises
    assert root.tag == f"{ATOM}feed"
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "updated": entry.findtext(f"{ATOM}updated"),
            "published": entry.findtext(f"{ATOM}published"),
            "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


@pytest.fixture
def feeds_archive():
    topic = TopicFactory(name="Fentanyl", slug="fentanyl")
    official = ParticipantFactory(name="Elizabeth Sherwood-Randall")
    newer = StatementFactory(
        title="Readout of the February trip", slug="february", date=date(2024, 2, 7)
    )
    older = StatementFactory(title="Joint statement of July", slug="july", date=date(2023, 7, 25))
    other = StatementFactory(title="Remarks on trade", slug="trade", date=date(2023, 11, 15))
    undated = StatementFactory(title="Undated communiqué", slug="undated", date=None)
    draft = StatementFactory(
        title="Draft nobody may see", slug="draft", status=Statement.Status.DRAFT
    )
    for statement in (newer, older, draft):
        statement.topics.add(topic)
        MentionFactory(statement=statement, participant=official)
    return locals()


def test_latest_feed_lists_published_statements_newest_first(client, feeds_archive):
    items = entries(client.get(reverse("statements:latest_feed")))
    assert [item["title"] for item in items] == [
        "Readout of the February trip",
        "Remarks on trade",
        "Joint statement of July",
        "Undated communiqué",
    ]
    first = items[0]
    assert first["link"] == "http://testserver/statements/february/"
    assert first["published"].startswith("2024-02-07")
    assert first["categories"] == ["Fentanyl"]
    assert "agreed to continue working together" in first["summary"]


def test_official_feed_has_only_their_published_statements(client, feeds_archive):
    official = feeds_archive["official"]
    items = entries(client.get(reverse("statements:official_feed", args=[official.slug])))
    assert [item["title"] for item in items] == [
        "Readout of the February trip",
        "Joint statement of July",
    ]


def test_topic_feed_has_only_published_statements_on_it(client, feeds_archive):
    items = entries(client.get(reverse("statements:topic_feed", args=["fentanyl"])))
    assert [item["title"] for item in items] == [
        "Readout of the February trip",
        "Joint statement of July",
    ]


def test_feeds_for_unknown_or_hidden_subjects_are_404(client, feeds_archive):
    assert client.get(reverse("statements:official_feed", args=["nobody"])).status_code == 404
    assert client.get(reverse("statements:topic_feed", args=["nothing"])).status_code == 404
    hidden = ParticipantFactory(name="Only In Drafts")
    MentionFactory(statement=feeds_archive["draft"], participant=hidden)
    assert client.get(reverse("statements:official_feed", args=[hidden.slug])).status_code == 404


def test_feed_text_is_escaped(client):
    StatementFactory(
        title="Title <script>alert(1)</script> & more",
        slug="hostile",
        body="Body <script>alert(2)</script>",
        publisher="<b>Publisher</b>",
    )
    response = client.get(reverse("statements:latest_feed"))
    raw = response.content.decode()
    assert "<script>" not in raw
    assert "<b>Publisher" not in raw
    (item,) = entries(response)
    assert item["title"] == "Title <script>alert(1)</script> & more"  # text, once parsed
    assert item["summary"] == "Body <script>alert(2)</script>"


def test_pages_advertise_their_feeds(client, feeds_archive):
    page = client.get("/").content.decode()
    feed = reverse("statements:latest_feed")
    assert f'type="application/atom+xml" title="Latest statements" href="{feed}"' in page
    topic_page = client.get(feeds_archive["topic"].get_absolute_url()).content.decode()
    assert reverse("statements:topic_feed", args=["fentanyl"]) in topic_page


def test_feed_query_count_is_bounded(client, django_assert_max_num_queries):
    topic = TopicFactory()
    for statement in StatementFactory.create_batch(40):
        statement.topics.add(topic)
        MentionFactory.create_batch(3, statement=statement)
    with django_assert_max_num_queries(5):
        entries(client.get(reverse("statements:latest_feed")))
