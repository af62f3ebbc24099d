"""Issue 12 §4: autocomplete (`/api/suggest/`) and "did you mean" on the seeded archive, on
whichever database the run uses (SQLite, or PostgreSQL with DATABASE_URL), index on and off."""

import pytest

from statements.models import Meeting, Statement, Topic
from statements.search import suggest as suggest_module
from statements.search.suggest import did_you_mean, suggest
from tests.factories import ReportFactory, StatementFactory, TopicFactory
from tests.test_public_pages import SECRETS, leaky  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


def labels(client, q, **params):
    response = client.get("/api/suggest/", {"q": q, **params})
    assert response.status_code == 200, response.content
    return [(s["kind"], s["label"]) for s in response.json()["suggestions"]]


def test_suggest_answers_officials_topics_and_meetings_by_the_start_of_any_word(
    seeded_archive, client
):
    response = client.get("/api/suggest/?q=sherw")
    assert response["Content-Type"] == "application/json"
    (official,) = response.json()["suggestions"]
    assert official == {
        "kind": "official",
        "label": "Elizabeth Sherwood-Randall",
        "url": "http://testserver/officials/elizabeth-sherwood-randall/",
    }
    assert client.get(official["url"]).status_code == 200
    # Accents optional, either way round; any word of the name.
    assert labels(client, "lopez") == labels(client, "LÓPEZ")
    assert ("official", "Andrés Manuel López Obrador") in labels(client, "lopez")
    assert ("official", "Andrés Manuel López Obrador") in labels(client, "obra")
    # A gazetteer form of an official the archive holds.
    assert ("official", "Andrés Manuel López Obrador") in labels(client, "amlo")
    assert ("topic", "Migration") in labels(client, "migr")
    meeting = Meeting.objects.visible().first()
    word = meeting.title.split()[0][:4]
    assert ("meeting", meeting.title) in labels(client, word)
    # Nothing for one letter or nothing typed; nothing for words no name starts with.
    assert labels(client, "s") == labels(client, "") == labels(client, "zzqx") == []
    # Small words are not completed: "an" is not every topic with "and" in its name.
    assert [kind for kind, _ in labels(client, "an")] == ["official"]


def test_suggest_is_limited_bounded_and_rejects_bad_limits(
    seeded_archive, client, django_assert_max_num_queries
):
    statement = Statement.objects.published().first()
    statement.topics.add(*[TopicFactory(name=f"Zanzibar {i:02}") for i in range(15)])
    with django_assert_max_num_queries(6):
        found = labels(client, "zanz")
    assert len(found) == 8 and found[0] == ("topic", "Zanzibar 00")
    assert len(labels(client, "zanz", limit=3)) == 3
    assert len(labels(client, "zanz", limit=20)) == 15
    for bad in ("0", "abc", "21"):
        response = client.get("/api/suggest/", {"q": "zanz", "limit": bad})
        assert response.status_code == 400 and response.json()["errors"], bad
    # A very long or odd query is no error.
    assert client.get("/api/suggest/", {"q": "x" * 5000}).status_code == 200
    assert client.get("/api/suggest/", {"q": "%_\\'\"*"}).status_code == 200
    assert client.post("/api/suggest/", {"q": "zanz"}).status_code == 405


def test_suggest_labels_are_data_not_markup(seeded_archive, client):
    statement = Statement.objects.published().first()
    statement.topics.add(TopicFactory(name="<img src=x onerror=alert(1)> Xylophone"))
    body = client.get("/api/suggest/?q=xylo").content.decode()
    # JSON escapes nothing it need not; the label is the name, and suggest.js sets it as text.
    assert labels(client, "xylo") == [("topic", "<img src=x onerror=alert(1)> Xylophone")]
    assert "\\u003Cimg" in body or "<img" in body


def test_suggest_never_offers_what_only_drafts_gave(client, leaky):  # noqa: F811
    assert labels(client, "blink") == [("official", "Antony Blinken")]
    assert labels(client, "tone") == []  # the alias only a draft wrote
    assert labels(client, "secret") == []  # an official only a draft names
    assert labels(client, "draft") == []  # a meeting only a draft reports
    draft = Statement.objects.get(status=Statement.Status.DRAFT)
    draft.topics.add(TopicFactory(name="Draft-only topic"))
    assert labels(client, "draft") == []
    for q in ("tone", "secret", "draft", "grand", "envoy", "pub", "ant", "jak"):
        body = client.get("/api/suggest/", {"q": q}).content.decode()
        assert not any(secret in body for secret in SECRETS), q
    assert ("meeting", "Public meeting") in labels(client, "publ")


@pytest.mark.parametrize("index", [True, False], ids=["index", "database"])
def test_did_you_mean_corrects_misspelled_words_from_the_archives_vocabulary(
    seeded_archive, client, settings, index
):
    settings.SEARCH_INDEX_ENABLED = index
    for typed, meant in [
        ("fentanil", "fentanyl"),
        ("migrasion", "migration"),
        ("Fentanil trafficing", "fentanyl trafficking"),
    ]:
        body = client.get("/api/search/", {"q": typed}).json()
        assert body["count"] == 0 and body["did_you_mean"] == meant, typed
        page = client.get("/search/", {"q": typed}).content.decode()
        assert f'href="/search/?q={meant.replace(" ", "+")}"' in page, typed
        assert client.get("/api/search/", {"q": meant}).json()["count"] > 0
    # Words the archive uses get no correction; operators, prefixes and phrases are kept.
    found = client.get("/api/search/", {"q": "fentanyl"}).json()
    assert found["count"] > 2 and found["did_you_mean"] is None
    assert did_you_mean('"fentanil" OR migr* -migrasion') == '"fentanyl" OR migr* -migration'
    assert did_you_mean("qqqqzzzz") is None
    assert client.get("/api/search/", {"q": "qqqqzzzz"}).json()["did_you_mean"] is None


def test_did_you_mean_is_escaped_and_keeps_the_other_filters(seeded_archive, client):
    page = client.get("/search/", {"q": "fentanil <script>x</script>", "kind": "readout"})
    html = page.content.decode()
    assert "<script>x</script>" not in html
    assert "fentanyl &lt;script&gt;x&lt;/script&gt;" in html
    assert "kind=readout" in html.split("data-did-you-mean")[1].split("</p>")[0]


def test_an_exact_official_name_still_goes_to_the_official(seeded_archive, client):
    html = client.get("/search/", {"q": "Elizabeth Sherwood-Randall"}).content.decode()
    assert 'href="/officials/elizabeth-sherwood-randall/"' in html
    assert "data-did-you-mean" not in html


def test_the_vocabulary_follows_published_statements(seeded_archive):
    assert did_you_mean("quetzalcoatlus") is None
    statement = StatementFactory(title="Quetzalcoatl cooperation framework")
    ReportFactory(statement=statement, meeting=Meeting.objects.first())
    assert "quetzalcoatl" in suggest_module.vocabulary()
    assert did_you_mean("quetzalcoatlus") == "quetzalcoatl"


def test_search_boxes_are_comboboxes_only_with_javascript(seeded_archive, client):
    for url in ("/", "/search/", "/topics/"):
        html = client.get(url).content.decode()
        assert 'data-suggest="/api/suggest/"' in html, url
        assert 'role="combobox"' not in html  # suggest.js adds it: without it, a plain box
        assert "/static/js/suggest.js" in html
    assert suggest("mi")[0].kind in {"official", "topic", "meeting"}
    assert Topic.objects.exists()


def test_the_api_root_and_openapi_describe_suggest(client, db):
    assert client.get("/api/").json()["suggest"] == "http://testserver/api/suggest/"
    spec = client.get("/api/openapi.json").json()["paths"]
    assert {p["name"] for p in spec["/api/suggest/"]["get"]["parameters"]} == {"q", "limit"}
    assert "did_you_mean" in spec["/api/search/"]["get"]["summary"]
