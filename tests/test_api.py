"""The read-only JSON API: the same vocabulary as the search page, paginated, drafts never."""

import json

import pytest

from tests.factories import StatementFactory
from tests.search.conftest import build_archive, build_hostile


@pytest.fixture
def archive(db):
    """The search suite's archive: the seed texts with officials, topics, meetings, a draft."""
    return build_archive()


@pytest.fixture
def hostile(db):
    return build_hostile()


def get(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_search_has_exactly_the_documented_shape(client, archive):
    data = get(client, "/api/search/", {"q": "Lopez Obrador", "topic": "trade"})
    assert set(data) == {"count", "page", "results", "facets", "did_you_mean"}
    assert data["did_you_mean"] is None  # the words are the archive's own
    assert data["count"] == 1 and data["page"] == 1
    (result,) = data["results"]
    assert set(result) == {
        "slug", "title", "date", "listing_date", "listing_date_source", "publisher", "url",
        "snippet", "officials", "topics",
    }  # fmt: skip
    assert result["slug"] == "seed-003"
    assert result["date"] == "2023-11-17"
    assert result["url"] == "http://testserver/statements/seed-003/"
    assert result["officials"] == ["joe-biden", "andres-manuel-lopez-obrador"]
    assert result["topics"] == ["fentanyl", "migration", "trade"]
    assert "<mark>López</mark>" in result["snippet"] or "<mark>Lopez</mark>" in result["snippet"]
    assert set(data["facets"]) == {"official", "topic", "country", "publisher", "kind", "year"}
    for values in data["facets"].values():
        for value in values:
            assert set(value) == {"value", "label", "count"}
    topics = {v["value"]: v for v in data["facets"]["topic"]}
    assert topics["trade"]["count"] == 1 and topics["trade"]["label"] == "Trade"
    assert topics["arms-trafficking"]["count"] == 1  # multi-select: own filter dropped
    assert {v["value"] for v in data["facets"]["country"]} == {"US", "MX"}


def test_search_matches_the_page(client, archive):
    params = {"q": "fentanyl", "sort": "oldest", "kind": "readout"}
    page = client.get("/search/", params)
    data = get(client, "/api/search/", params)
    assert [r["slug"] for r in data["results"]] == [s.slug for s in page.context["statements"]]
    assert data["count"] == page.context["count"]


def test_search_pagination(client, db):
    for _ in range(7):
        StatementFactory(body="gerenukword")
    first = get(client, "/api/search/", {"q": "gerenukword", "page_size": 5})
    second = get(client, "/api/search/", {"q": "gerenukword", "page_size": 5, "page": 2})
    assert first["count"] == 7
    assert len(first["results"]) == 5 and len(second["results"]) == 2
    past = client.get("/api/search/", {"q": "gerenukword", "page": 9})
    assert past.status_code == 404 and "there is no page 9" in past.json()["errors"][0]


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "0"},
        {"page_size": "-3"},
        {"date_from": "2024-02-30"},
        {"official": "nobody"},
        {"year": "MMXXIII"},
    ],
)
def test_bad_parameters_are_400_with_a_message(client, archive, params):
    for url in ("/api/search/", "/api/statements/"):
        data = get(client, url, params, status=400)
        assert data["errors"] and isinstance(data["errors"][0], str)


def test_weird_queries(client, archive):
    for q in ['"', "OR", "-", "' OR 1=1 --", "\x00", "🙂" * 50, "x" * 5000]:
        assert get(client, "/api/search/", {"q": q})["count"] >= 0


def test_page_size_over_the_limit_says_so(client, db):
    for _ in range(3):
        StatementFactory()
    assert get(client, "/api/statements/", {"page_size": 100})["page_size"] == 100
    for url in ("/api/statements/", "/api/search/", "/api/officials/"):
        response = client.get(url, {"page_size": 5000})
        assert response.status_code == 400
        assert response.json() == {"errors": ["page_size: at most 100, not 5000."]}


def test_a_page_past_the_end_says_how_many_pages_there_are(client, db):
    for _ in range(3):
        StatementFactory()
    assert get(client, "/api/statements/", {"page_size": 2, "page": 2})["results"]
    for url in ("/api/statements/", "/api/search/"):
        response = client.get(url, {"page_size": 2, "page": 3})
        assert response.status_code == 404
        assert response.json() == {
            "errors": ["page: there is no page 3; 3 results fill 2 pages of 2."]
        }
    # An empty list still has its page 1.
    assert get(client, "/api/search/", {"q": "nothingmatchesthisword"})["count"] == 0


def test_an_unknown_sort_is_refused(client, db):
    StatementFactory()
    for url in ("/api/statements/", "/api/search/"):
        response = client.get(url, {"sort": "foo"})
        assert response.status_code == 400
        assert "sort: 'foo' is not a sort order" in response.json()["errors"][0]


def test_statements_list_uses_the_filters_and_hides_drafts(client, archive):
    data = get(client, "/api/statements/")
    assert data["count"] == 5
    assert [r["slug"] for r in data["results"]][0] == "seed-004"
    assert "draft-zanzibarquux" not in {r["slug"] for r in data["results"]}
    narrowed = get(client, "/api/statements/", {"official": "alicia-barcena-ibarra"})
    assert {r["slug"] for r in narrowed["results"]} == {"seed-002", "seed-004"}
    assert narrowed["next"] is None and narrowed["previous"] is None
    paged = get(client, "/api/statements/", {"page_size": 2, "page": 2})
    assert paged["num_pages"] == 3
    assert "page=3" in paged["next"] and "page=1" in paged["previous"]


def test_statement_detail_links_related_objects(client, archive):
    data = get(client, "/api/statements/seed-002/")
    assert data["title"] == archive["002"].title
    assert data["body"] == archive["002"].body
    names = {o["slug"]: o for o in data["officials"]}
    assert names["alicia-barcena-ibarra"]["api_url"].endswith(
        "/api/officials/alicia-barcena-ibarra/"
    )
    assert names["alicia-barcena-ibarra"]["url"].endswith("/officials/alicia-barcena-ibarra/")
    (meeting,) = data["meetings"]
    assert meeting["api_url"].endswith("/api/meetings/delegation-visit-2023-10/")
    assert {t["slug"] for t in data["topics"]} == {"fentanyl", "migration"}


def test_drafts_are_404(client, archive):
    data = get(client, "/api/statements/draft-zanzibarquux/", status=404)
    assert "error" in data
    get(client, "/api/statements/no-such-thing/", status=404)
    get(client, "/api/widgets/", status=404)
    get(client, "/api/widgets/x/", status=404)


def test_officials(client, archive):
    data = get(client, "/api/officials/")
    assert {o["slug"] for o in data["results"]} == {
        "andres-manuel-lopez-obrador", "elizabeth-sherwood-randall", "joe-biden",
        "alicia-barcena-ibarra", "lisa-monaco",
    }  # fmt: skip
    mexicans = get(client, "/api/officials/", {"country": "MX"})
    assert {o["slug"] for o in mexicans["results"]} == {
        "andres-manuel-lopez-obrador",
        "alicia-barcena-ibarra",
    }
    by_alias = get(client, "/api/officials/", {"q": "amlo"})
    assert [o["slug"] for o in by_alias["results"]] == ["andres-manuel-lopez-obrador"]
    get(client, "/api/officials/", {"country": "Atlantis"}, status=400)

    official = get(client, "/api/officials/andres-manuel-lopez-obrador/")
    assert official["country"] == "MX"
    assert "AMLO" in official["aliases"]
    assert official["statement_count"] == 5  # the draft does not count
    assert [m["slug"] for m in official["meetings"]] == [
        "delegation-visit-2023-10",
        "san-francisco-2023-11",
    ]
    statements = client.get(official["statements"])
    assert json.loads(statements.content)["count"] == 5


def test_meetings(client, archive):
    data = get(client, "/api/meetings/")
    assert [m["slug"] for m in data["results"]] == [
        "san-francisco-2023-11",
        "delegation-visit-2023-10",
    ]
    assert [
        m["slug"] for m in get(client, "/api/meetings/", {"official": "joe-biden"})["results"]
    ] == ["san-francisco-2023-11"]
    assert get(client, "/api/meetings/", {"year": "2022"})["count"] == 0
    assert get(client, "/api/meetings/", {"country": "MX"})["count"] == 2
    meeting = get(client, "/api/meetings/delegation-visit-2023-10/")
    assert {a["slug"] for a in meeting["attendees"]} == {
        "elizabeth-sherwood-randall",
        "andres-manuel-lopez-obrador",
        "alicia-barcena-ibarra",
    }
    assert {s["slug"] for s in meeting["statements"]} == {"seed-001", "seed-002"}
    assert all(
        s["api_url"].startswith("http://testserver/api/statements/") for s in meeting["statements"]
    )


def test_topics(client, archive):
    data = get(client, "/api/topics/")
    counts = {t["slug"]: t["statement_count"] for t in data["results"]}
    assert counts == {"arms-trafficking": 1, "fentanyl": 5, "migration": 5, "trade": 1}
    topic = get(client, "/api/topics/trade/")
    assert topic["name"] == "Trade"
    linked = json.loads(client.get(topic["statements"]).content)
    assert [s["slug"] for s in linked["results"]] == ["seed-003"]


def test_root_and_openapi(client, db):
    root = get(client, "/api/")
    assert root["search"] == "http://testserver/api/search/"
    assert root["suggest"] == "http://testserver/api/suggest/"
    spec = get(client, "/api/openapi.json")
    assert spec["openapi"].startswith("3.")
    assert "/api/search/" in spec["paths"]
    names = {p["name"] for p in spec["paths"]["/api/search/"]["get"]["parameters"]}
    assert {"q", "official", "topic", "date_from", "sort", "page", "page_size"} <= names


def test_only_get(client, db):
    assert client.post("/api/search/").status_code == 405


def test_escaping_in_json(client, hostile):
    data = get(client, "/api/search/", {"q": "quokka"})
    (result,) = data["results"]
    assert "<script>" not in result["snippet"]
    assert "<mark>quokka</mark>" in result["snippet"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/search/?q=okapi",
        "/api/statements/",
        "/api/officials/",
        "/api/meetings/",
        "/api/topics/",
    ],
)
def test_list_query_counts_are_bounded(client, db, django_assert_max_num_queries, url):
    from tests.factories import MentionFactory, ParticipantFactory, ReportFactory, TopicFactory

    topic = TopicFactory()
    for _ in range(25):
        statement = StatementFactory(body="okapi")
        statement.topics.add(topic)
        MentionFactory(statement=statement, participant=ParticipantFactory())
        ReportFactory(statement=statement)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
