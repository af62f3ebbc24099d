"""Whatever the internet sends, every public GET endpoint answers a page or a 400, never a 500.

Property-based (hypothesis): random Unicode, quotes and search operators, very long input, NUL
bytes, bytes that are not UTF-8, invalid dates and page numbers, unknown facet values and
unknown parameters, on the search page, its downloads and feed, every filter, the pages, the API
and the feeds. Whatever came in and is shown again must come back escaped.
"""

import json
from urllib.parse import quote, quote_from_bytes

import pytest
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from statements.models import Meeting, Participant, Statement, Topic
from tests.test_pages import archive  # noqa: F401 — pages' cross-linked test archive

FUZZ = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SCRIPT = '<script>alert("fuzz")</script>'
# Always tried, whatever hypothesis draws: NUL, bad UTF-8, impossible dates, junk pages.
WORST_CASE = (
    f"q=%00{quote(SCRIPT)}&page=-1&page_size={'9' * 5000}&date_from=2023-02-30"
    "&date_to=2150-01-01&official=nobody&official=%FF%FE&topic=%00&country=ZZ&year=abc"
)

OPERATORS = [
    '"',
    '""',
    '"unclosed phrase',
    "AND",
    "OR",
    "NOT",
    "-",
    "--",
    "*",
    "fent*",
    "*fent",
    "(",
    ")",
    "NEAR(a b)",
    "a:b",
    "title:x",
    "^",
    "\\",
    "'",
    "''",
    "&",
    "|",
    "!",
    "<->",
    ":*",
    "%",
    "_",
    "\x00",
    "\x00\x00",
    "\u202e",
    "\ufeff",
    "𝕱𝖊𝖓𝖙𝖆𝖓𝖞𝖑",
    "🇺🇸🇲🇽",
    "İ",
    "ß",
    "\u0301",
    "ﷺ",
    "\r\n",
    "'; DROP TABLE statements_statement; --",
    "%00",
    "../../etc/passwd",
    SCRIPT,
    "{{ 7*7 }}",
]
BAD_DATES = [
    "2023-02-30",
    "2023-13-01",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "99999-01-01",
    "1850-01-01",
    "2150-01-01",
    "-2023-01-01",
    "2023/01/01",
    "01/02/2023",
    "yesterday",
    "NaN",
    "2023-1-1",
    " 2023-01-01",
    "2023-01-01T00:00:00",
    "",
]
BAD_NUMBERS = [
    "0",
    "-1",
    "1.5",
    "1e5",
    "NaN",
    "inf",
    "abc",
    "",
    " 2",
    "٣",
    "0x10",
    "9" * 50,
    "9" * 5000,
    "99999999999999999999",
    "-0",
    "+3",
    "\x00",
]
PARAMETERS = [
    "q",
    "official",
    "topic",
    "country",
    "publisher",
    "kind",
    "year",
    "meeting",
    "date_from",
    "date_to",
    "sort",
    "page",
    "page_size",
    "format",
    "unknown",
    "q[]",
    "",
]

texts = st.one_of(
    st.text(max_size=60),
    st.sampled_from(OPERATORS),
    st.lists(st.sampled_from(OPERATORS + ["fentanyl", "migration", "López"]), max_size=8).map(
        " ".join
    ),
    st.builds(lambda s, n: (s or "x") * n, st.text(min_size=1, max_size=8), st.integers(300, 3000)),
    st.sampled_from(BAD_DATES + BAD_NUMBERS),
)


@st.composite
def query_strings(draw, known_values=()):
    """A raw query string: percent-encoded text, repeated keys, and sometimes non-UTF-8 bytes."""
    values = st.one_of(texts, st.sampled_from(list(known_values) or ["x"]))
    pairs = draw(st.lists(st.tuples(st.sampled_from(PARAMETERS), values), max_size=6))
    parts = [f"{quote(key)}={quote(value)}" for key, value in pairs]
    if draw(st.booleans()):
        raw = draw(st.binary(max_size=20))
        parts.append(f"{draw(st.sampled_from(PARAMETERS))}={quote_from_bytes(raw)}")
    if draw(st.integers(0, 9)) == 0:
        parts.append(draw(st.sampled_from(["&&", "=", "q", "q=%", "q=%zz", "page=%00", ";"])))
    return "&".join(parts)


def read(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def assert_sensible(response, path):
    """A page or a 400 that says what is wrong; never a server error, never raw markup."""
    body = read(response)
    assert response.status_code < 500, path
    assert response.status_code in (200, 301, 302, 400, 404, 405), (response.status_code, path)
    assert SCRIPT.encode() not in body, f"{path} echoed markup unescaped"
    content_type = response.get("Content-Type", "")
    if response.status_code == 400:
        if "json" in content_type:
            errors = json.loads(body)["errors"]
            assert errors and all(str(e).strip() for e in errors)
        else:
            assert body.strip(), f"{path}: an empty 400"
    elif response.status_code == 200 and "json" in content_type:
        json.loads(body)


@pytest.fixture
def known_values(archive):  # noqa: F811
    """Real slugs and codes, mixed with the junk so filters also see valid values."""
    return (
        list(Participant.objects.values_list("slug", flat=True)[:3])
        + list(Topic.objects.values_list("slug", flat=True)[:3])
        + list(Meeting.objects.values_list("slug", flat=True)[:2])
        + ["US", "MX", "readout", "joint_statement", "2023", "relevance", "date", "-date"]
    )


SEARCH_ENDPOINTS = [
    "/search/",
    "/search/results.csv",
    "/search/results.json",
    "/search/feed/",
    "/api/search/",
]
LIST_ENDPOINTS = [
    "/",
    "/officials/",
    "/meetings/",
    "/topics/",
    "/feeds/latest/",
    "/api/",
    "/api/statements/",
    "/api/officials/",
    "/api/meetings/",
    "/api/topics/",
    "/sitemap.xml",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", SEARCH_ENDPOINTS + LIST_ENDPOINTS)
def test_endpoints_never_fail_on_hostile_query_strings(client, known_values, path):
    @FUZZ
    @given(query=query_strings(known_values))
    @example(query=WORST_CASE)
    @example(query="q=" + quote('"fentanyl AND (NOT') + "&sort=%00&year=99999&kind=nope")
    @example(query="year=%C2%B2&page=%C2%B3")  # found by the fuzzing: '²'.isdigit(), int() failed
    def check(query):
        assert_sensible(client.get(f"{path}?{query}"), f"{path}?{query}")

    check()


@pytest.mark.django_db
def test_a_pasted_page_in_the_admin_search_box_searches_its_first_words(client, archive):  # noqa: F811
    """A WHERE clause of a thousand words is deeper than SQLite allows; the list says so."""
    from django.contrib.auth import get_user_model

    curator = get_user_model().objects.create_superuser("long", "l@example.org", "long pass 12")
    client.force_login(curator)
    words = "fentanyl " + " ".join(f"w{n}" for n in range(1200))
    response = client.get(ADMIN_LISTS[0], {"q": words})
    assert response.status_code == 200
    assert "Searched the first 32 of 1201 words." in response.content.decode()


@pytest.mark.django_db
def test_detail_pages_and_their_feeds_never_fail(client, known_values):
    statement = Statement.objects.published().first()
    official = Participant.objects.filter(statement_mentions__statement=statement).first()
    topic = statement.topics.first() or Topic.objects.first()
    meeting = Meeting.objects.first()
    paths = [
        statement.get_absolute_url(),
        official.get_absolute_url(),
        official.get_absolute_url() + "feed/",
        topic.get_absolute_url(),
        topic.get_absolute_url() + "feed/",
        meeting.get_absolute_url(),
        f"/api/statements/{statement.slug}/",
        f"/api/officials/{official.slug}/",
    ]

    @FUZZ
    @given(path=st.sampled_from(paths), query=query_strings(known_values))
    @example(path=paths[0], query=WORST_CASE)
    @example(path=paths[1], query=WORST_CASE)
    def check(path, query):
        assert_sensible(client.get(f"{path}?{query}"), f"{path}?{query}")

    check()


@pytest.mark.django_db
def test_unknown_objects_and_kinds_are_404_not_500(client, archive):  # noqa: F811
    prefixes = ["/statements/", "/officials/", "/meetings/", "/topics/", "/api/statements/"]
    slugs = st.one_of(
        st.from_regex(r"\A[-a-zA-Z0-9_]{1,300}\Z"),
        st.text(min_size=1, max_size=40).map(lambda s: quote(s, safe="")),
    )

    @FUZZ
    @given(prefix=st.sampled_from(prefixes), slug=slugs, kind=st.text(min_size=1, max_size=20))
    def check(prefix, slug, kind):
        for path in [f"{prefix}{slug}/", f"/api/{quote(kind, safe='')}/"]:
            response = client.get(path)
            if response.status_code == 200:  # a slug that happens to exist, or a real kind
                continue
            assert response.status_code in (301, 404), (response.status_code, path)
            assert SCRIPT.encode() not in read(response)

    check()


@pytest.mark.django_db
def test_the_search_page_explains_a_bad_parameter(client, archive):  # noqa: F811
    response = client.get("/search/", {"date_from": "2023-02-30", "page_size": "x"})
    assert response.status_code == 400
    assert "date_from" in response.content.decode().lower() or "from" in response.content.decode()


ADMIN_LISTS = [
    "/admin/statements/statement/",
    "/admin/statements/participant/",
    "/admin/statements/meeting/",
    "/admin/statements/topic/",
]
ADMIN_PARAMETERS = [
    "q",
    "o",
    "p",
    "e",
    "all",
    "_facets",
    "status__exact",
    "kind__exact",
    "country",
    "needs_review",
    "year",
    "date__gte",
    "date__lt",
    "topics__id__exact",
    "publisher",
]


@pytest.mark.django_db
def test_admin_lists_never_fail_on_hostile_query_strings(client, archive):  # noqa: F811
    """Curators' lists too: a bookmarked or tampered URL gives a list or a message, not a 500."""
    from django.contrib.auth import get_user_model

    curator = get_user_model().objects.create_superuser("fuzz", "f@example.org", "long pass 12")
    client.force_login(curator)
    values = st.one_of(texts, st.sampled_from(["1", "0", "MX", "published", "draft", "-1"]))

    @FUZZ
    @given(
        path=st.sampled_from(ADMIN_LISTS),
        pairs=st.lists(st.tuples(st.sampled_from(ADMIN_PARAMETERS), values), max_size=4),
    )
    @example(path=ADMIN_LISTS[0], pairs=[("q", "\x00"), ("p", "-1"), ("o", "99")])
    @example(path=ADMIN_LISTS[0], pairs=[("status__exact", "\x00")])
    @example(path=ADMIN_LISTS[1], pairs=[("country", "\x00")])
    @example(path=ADMIN_LISTS[0], pairs=[("year", "0")])  # found by the fuzzing: a 500
    @example(path=ADMIN_LISTS[2], pairs=[("year", "99999")])
    @example(path=ADMIN_LISTS[0], pairs=[("q", "\x13û\n" * 1020)])  # found by the fuzzing: a 503
    def check(path, pairs):
        query = "&".join(f"{quote(key)}={quote(value)}" for key, value in pairs)
        response = client.get(f"{path}?{query}")
        assert response.status_code in (200, 302, 400), (response.status_code, query)
        assert SCRIPT.encode() not in response.content

    check()


@pytest.mark.django_db
def test_nul_bytes_in_the_address_are_dropped_before_any_view_reads_them(client, archive):  # noqa: F811
    found = client.get("/search/", {"q": "\x00fentanyl\x00"})
    assert found.status_code == 200
    assert found.context["count"] == client.get("/search/", {"q": "fentanyl"}).context["count"] > 0
    curator = get_user_model().objects.create_superuser("nul", "n@example.org", "long pass 12")
    client.force_login(curator)
    # PostgreSQL refuses NUL in text: this was a 500 from the admin's list filter.
    assert client.get("/admin/statements/statement/?status__exact=%00").status_code in (200, 302)


@pytest.mark.django_db
def test_search_feed_title_drops_control_characters(client):
    response = client.get("/search/feed/?q=fentanyl%01%1f")
    assert response.status_code == 200
    assert b"\x01" not in response.content
