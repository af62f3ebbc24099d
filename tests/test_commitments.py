"""Commitments over time: /commitments/, thread pages, the statement page's links, the API.

Browser-free: filters and the JSON shape are checked on the seed archive (grouped at import)."""

import json

import pytest

from statements.models import CommitmentThread, Statement, ThreadMention

GUNS_000 = "we remain committed to addressing firearms trafficking"


@pytest.fixture
def archive(seeded_archive):
    return seeded_archive


def thread_with(start):
    return ThreadMention.objects.get(commitment__text__startswith=start).thread


def listed(response):
    assert response.status_code == 200
    return list(response.context["threads"])


def mention_texts(thread):
    return [m.commitment.text for m in thread.mentions.all()]


def test_list_shows_each_thread_once_with_its_later_mentions(client, archive):
    threads = listed(client.get("/commitments/"))
    assert len(threads) == CommitmentThread.objects.count()
    guns = thread_with(GUNS_000)
    html = client.get("/commitments/").content.decode()
    assert guns.get_absolute_url() in html
    assert "First made" in html and "stated again" in html
    assert html.count(f'id="thread-{guns.slug}"') == 1


@pytest.mark.parametrize(
    "params, check",
    [
        ({"party": "CA"}, lambda t: "CA" in t.parties),
        ({"party": "ca"}, lambda t: "CA" in t.parties),
        (
            {"topic": "migration"},
            lambda t: any(
                "migration" in {x.slug for x in m.commitment.topics.all()} for m in t.mentions.all()
            ),
        ),
        (
            {"official": "justin-trudeau"},
            lambda t: any(
                m.commitment.statement.mentions.filter(participant__slug="justin-trudeau").exists()
                for m in t.mentions.all()
            ),
        ),
        (
            {"year": "2024"},
            lambda t: any(
                m.commitment.statement.date and m.commitment.statement.date.year == 2024
                for m in t.mentions.all()
            ),
        ),
        ({"q": "FIREARMS trafficking"}, lambda t: any("firearms" in x for x in mention_texts(t))),
    ],
)
def test_each_filter_narrows_to_matching_threads(client, archive, params, check):
    everything = len(listed(client.get("/commitments/")))
    threads = listed(client.get("/commitments/", params))
    assert 0 < len(threads) < everything
    assert all(check(t) for t in threads)


def test_filters_combine(client, archive):
    threads = listed(client.get("/commitments/", {"topic": "migration", "year": "2023"}))
    assert threads and all(t.first_date and t.first_date.year == 2023 for t in threads)
    assert listed(client.get("/commitments/", {"q": "zanzibarquux"})) == []


@pytest.mark.parametrize("params", [{"year": "20x4"}, {"party": "Mexico!"}, {"topic": "<b>"}])
def test_bad_filters_say_why_never_500(client, archive, params):
    response = client.get("/commitments/", params)
    assert response.status_code == 400
    assert response.context["filters"].errors
    assert "<b>" not in response.content.decode().split("<main", 1)[-1].replace("&lt;b&gt;", "")


def test_drafts_never_appear(client, archive):
    lonely = CommitmentThread.objects.filter(mention_count=1).first()
    draft = lonely.mentions.get().commitment.statement
    Statement.objects.filter(pk=draft.pk).update(status=Statement.Status.DRAFT)
    html = client.get("/commitments/", {"page": 1}).content.decode()
    assert draft.get_absolute_url() not in html
    only_draft = [
        t
        for t in CommitmentThread.objects.all()
        if {m.commitment.statement_id for m in t.mentions.all()} == {draft.pk}
    ]
    assert only_draft
    assert client.get(only_draft[0].get_absolute_url()).status_code == 404
    assert client.get(f"/api/commitments/{only_draft[0].slug}/").status_code == 404
    data = json.loads(client.get("/api/commitments/", {"page_size": 100}).content)
    slugs = {m["statement"] for r in data["results"] for m in r["mentions"]}
    assert draft.slug not in slugs and slugs


def test_thread_page_links_statements_officials_topics_and_meetings(client, archive):
    thread = thread_with(GUNS_000)
    response = client.get(thread.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for mention in thread.mentions.all():
        assert mention.commitment.get_absolute_url() in html
    assert response.context["officials"] and response.context["topics"]
    for official in response.context["officials"]:
        assert official.get_absolute_url() in html
    assert "/topics/arms-trafficking/" in html
    assert all(m.get_absolute_url() in html for m in response.context["meetings"])


def test_statement_page_links_to_the_thread(client, archive):
    thread = thread_with(GUNS_000)
    html = client.get(archive["000"].get_absolute_url()).content.decode()
    assert thread.get_absolute_url() in html
    assert "stated again 1 time →" in html or "stated again" in html


def test_official_and_topic_pages_link_to_their_commitments(client, archive):
    html = client.get("/topics/migration/").content.decode()
    assert "/commitments/?topic=migration" in html
    html = client.get("/officials/justin-trudeau/").content.decode()
    assert "/commitments/?official=justin-trudeau" in html


def test_pages_issue_a_bounded_number_of_queries(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        client.get("/commitments/", {"topic": "migration", "year": "2023", "q": "migration"})
    with django_assert_max_num_queries(10):
        client.get("/commitments/")
    with django_assert_max_num_queries(8):
        client.get(thread_with(GUNS_000).get_absolute_url())
    with django_assert_max_num_queries(8):
        client.get("/api/commitments/", {"page_size": 100})


# --- API -------------------------------------------------------------------------------------


def get(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_api_list_has_the_usual_shape(client, archive):
    data = get(client, "/api/commitments/", {"page_size": 2})
    assert {"count", "page", "results", "next", "previous"} <= set(data)
    assert data["count"] == CommitmentThread.objects.count() and data["page"] == 1
    assert len(data["results"]) == 2 and "page=2" in data["next"]
    result = data["results"][0]
    assert {"slug", "text", "parties", "topics", "first_date", "mentions"} <= set(result)
    mention = result["mentions"][0]
    assert {"statement", "date", "text"} <= set(mention)


def test_api_filters_like_the_page(client, archive):
    data = get(client, "/api/commitments/", {"q": "firearms", "party": "MX", "page_size": 100})
    guns = thread_with(GUNS_000)
    assert guns.slug in {r["slug"] for r in data["results"]}
    assert all("MX" in r["parties"] for r in data["results"])
    errors = get(client, "/api/commitments/", {"year": "soon"}, status=400)["errors"]
    assert "year" in errors[0]


def test_api_detail(client, archive):
    guns = thread_with(GUNS_000)
    data = get(client, f"/api/commitments/{guns.slug}/")
    assert data["slug"] == guns.slug and data["text"].startswith(GUNS_000)
    assert data["first_date"] == "2023-07-25"
    assert [m["statement"] for m in data["mentions"]][0] == archive["000"].slug
    assert data["mentions"][0]["role"] == "first"
    assert "arms-trafficking" in data["topics"] and data["officials"]
    assert get(client, "/api/commitments/no-such-thread/", status=404)["error"]


def test_api_is_described(client, archive):
    spec = get(client, "/api/openapi.json")
    assert "/api/commitments/" in spec["paths"] and "/api/commitments/{slug}/" in spec["paths"]
    names = {p["name"] for p in spec["paths"]["/api/commitments/"]["get"]["parameters"]}
    assert {"q", "party", "topic", "official", "year", "page"} <= names
    assert get(client, "/api/")["commitments"].endswith("/api/commitments/")
