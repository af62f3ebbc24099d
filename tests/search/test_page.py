"""The search page: results, facets (multi-select counts), chips, sort, pagination, suggestions,
bad input, escaping and the number of SQL queries. Runs on the engine of the database in use."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import (
    AliasFactory,
    MentionFactory,
    ParticipantFactory,
    StatementFactory,
    TopicFactory,
)

SEARCH = reverse("statements:search")


def slugs(response):
    return [s.slug for s in response.context["statements"]]


def facet(response, name):
    (values,) = [values for key, _, values in response.context["facets"] if key == name]
    return {v.value: v for v in values}


def test_empty_query_lists_everything_newest_first(client, archive):
    response = client.get(SEARCH)
    assert response.status_code == 200
    assert slugs(response) == ["seed-004", "seed-003", "seed-002", "seed-001", "seed-000"]
    assert response.context["count"] == 5
    assert "5 statements" in response.content.decode()


def test_lopez_obrador_without_accents_is_highlighted(client, archive):
    response = client.get(SEARCH, {"q": "Lopez Obrador"})
    html = response.content.decode()
    assert response.context["count"] == 5
    assert "<mark>López</mark> <mark>Obrador</mark>" in html
    # The official's page is offered first when the query is one of their names
    assert response.context["official_match"] == archive["officials"]["amlo"]
    assert archive["officials"]["amlo"].get_absolute_url() in html


def test_official_match_by_alias(client, archive):
    response = client.get(SEARCH, {"q": "liz sherwood randall"})
    assert response.context["official_match"] == archive["officials"]["esr"]
    assert client.get(SEARCH, {"q": "fentanyl"}).context["official_match"] is None
    # a surname only one official has
    assert (
        client.get(SEARCH, {"q": "Monaco"}).context["official_match"]
        == (archive["officials"]["monaco"])
    )


def test_official_match_exact_before_surnames_and_shared_surnames(client, archive):
    def match(q):
        return client.get(SEARCH, {"q": q}).context["official_match"]

    monaco = archive["officials"]["monaco"]
    other = ParticipantFactory(name="Albert Monaco")
    MentionFactory(statement=archive["001"], participant=other)
    assert match("Monaco") is None  # two officials have that surname
    assert match("Lisa Monaco") == monaco
    AliasFactory(participant=other, name="Monaco")
    assert match("monaco") == other  # an alias is exact: before any surname
    ParticipantFactory(name="Zed Obrador")  # named by no published statement: not offered
    assert match("Obrador") == archive["officials"]["amlo"]
    assert match("M_naco") is None and match("%onaco") is None  # LIKE wildcards are literal
    assert match("LISA MONACO") == monaco and match("Lópe") is None


def test_official_match_loads_what_the_page_shows_through_the_name_index(client, archive):
    """One query for the match (its officials' other fields deferred, not read); a one-word
    query finds surnames among the names' index (a subquery of ids), not the officials' rows."""
    from django.db import connection

    from statements.search.faceted import _official_sql

    official = client.get(SEARCH, {"q": "Monaco"}).context["official_match"]
    assert official == archive["officials"]["monaco"]
    assert {"titles", "country", "created_at"} <= official.get_deferred_fields()
    assert official.name and official.slug and official.get_absolute_url()
    one_word, _ = _official_sql(connection.vendor, True)
    assert 'IN (SELECT U0."id" AS "pk" FROM "statements_participant" U0 WHERE' in one_word


def test_result_shows_date_publisher_officials_and_topics(client, archive):
    response = client.get(SEARCH, {"q": "Guatemala"})
    html = response.content.decode()
    assert slugs(response) == ["seed-003"]
    assert "17 November 2023" in html
    assert "The White House" in html
    assert archive["officials"]["biden"].get_absolute_url() in html
    assert archive["topics"]["trade"].get_absolute_url() in html
    assert "<mark>Guatemala</mark>" in html
    # links carry the query so the statement page can highlight it
    assert f"{archive['003'].get_absolute_url()}?q=Guatemala" in html


def test_inferred_dates_are_marked(client, archive):
    html = client.get(SEARCH, {"q": "Trudeau"}).content.decode()
    assert "date inferred" in html


def test_topic_facet_narrows_results_and_counts(client, archive):
    before = client.get(SEARCH)
    assert facet(before, "topic")["trade"].count == 1
    assert facet(before, "topic")["fentanyl"].count == 5
    assert facet(before, "publisher")["The White House"].count == 3

    after = client.get(SEARCH, {"topic": "trade"})
    assert slugs(after) == ["seed-003"]
    # other facets narrow to what is left
    assert facet(after, "publisher")["The White House"].count == 1
    assert "Government of Mexico" not in facet(after, "publisher")
    assert set(facet(after, "official")) == {"joe-biden", "andres-manuel-lopez-obrador"}
    # the chosen facet still shows its other values with what choosing them would give
    topic = facet(after, "topic")
    assert topic["trade"].selected
    assert topic["arms-trafficking"].count == 1
    # a chip removes it
    (chip,) = after.context["chips"]
    assert chip.label == "Trade"
    assert "topic" not in chip.url


def test_facet_values_of_one_facet_are_ored(client, archive):
    response = client.get(SEARCH, {"topic": ["trade", "arms-trafficking"]})
    assert set(slugs(response)) == {"seed-000", "seed-003"}
    assert response.context["count"] == 2


def test_facets_combine_with_the_query(client, archive):
    response = client.get(SEARCH, {"q": "Canada", "kind": "readout"})
    assert set(slugs(response)) == {"seed-003", "seed-004"}
    kinds = facet(response, "kind")
    assert kinds["readout"].count == 2 and kinds["readout"].selected
    assert kinds["communique"].count == 1  # 002 mentions Canada
    assert "joint_statement" in kinds  # 001 mentions Canada
    assert kinds["readout"].label == "Readout"


def test_every_facet_filters(client, archive):
    cases = {
        "official": ("alicia-barcena-ibarra", {"seed-002", "seed-004"}),
        "country": ("MX", {"seed-000", "seed-001", "seed-002", "seed-003", "seed-004"}),
        "publisher": ("Government of Mexico", {"seed-001"}),
        "kind": ("communique", {"seed-002"}),
        "year": ("2024", {"seed-004"}),
        "meeting": ("delegation-visit-2023-10", {"seed-001", "seed-002"}),
    }
    for name, (value, expected) in cases.items():
        response = client.get(SEARCH, {name: value})
        assert response.status_code == 200, name
        assert set(slugs(response)) == expected, name
        assert facet(response, name)[value].selected, name


def test_date_range(client, archive):
    response = client.get(SEARCH, {"date_from": "2023-10-01", "date_to": "2023-12-31"})
    assert set(slugs(response)) == {"seed-001", "seed-002", "seed-003"}
    assert [c.label for c in response.context["chips"]] == ["From 2023-10-01", "To 2023-12-31"]


def test_facet_links_drop_page_and_keep_the_rest(client, archive):
    response = client.get(SEARCH, {"q": "fentanyl", "page": "2", "sort": "newest"})
    url = facet(response, "topic")["trade"].url
    assert "page=" not in url
    assert "q=fentanyl" in url and "sort=newest" in url and "topic=trade" in url


def test_sort_orders(client, archive):
    newest = slugs(client.get(SEARCH, {"q": "fentanyl", "sort": "newest"}))
    oldest = slugs(client.get(SEARCH, {"q": "fentanyl", "sort": "oldest"}))
    assert newest == list(reversed(oldest))
    assert newest[0] == "seed-004"


def test_pagination(client, db):
    for i in range(45):
        StatementFactory(title=f"Statement {i}", body="ordinary jaguarword text")
    first = client.get(SEARCH, {"q": "jaguarword"})
    third = client.get(SEARCH, {"q": "jaguarword", "page": "3"})
    assert len(slugs(first)) == 20 and len(slugs(third)) == 5
    assert not set(slugs(first)) & set(slugs(third))
    assert "Page 1 of 3" in first.content.decode()
    # past the end, or not a number: a real page, never an error
    assert client.get(SEARCH, {"q": "jaguarword", "page": "99"}).status_code == 200
    assert slugs(client.get(SEARCH, {"q": "jaguarword", "page": "abc"})) == slugs(first)


def test_no_results_says_so_and_suggests(client, archive):
    response = client.get(SEARCH, {"q": "Lopes Obradr"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "No statements found" in html
    assert ("andres-manuel-lopez-obrador", "Andrés Manuel López Obrador") in response.context[
        "near_officials"
    ]
    filtered = client.get(SEARCH, {"q": "Guatemala", "topic": "arms-trafficking"})
    assert "drop the filter “Arms trafficking”" in filtered.content.decode()
    assert "search all statements for “Guatemala”" in filtered.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2023-13-45"},
        {"date_to": "yesterday"},
        {"official": "nobody-at-all"},
        {"topic": "no-such-topic"},
        {"meeting": "nope"},
        {"kind": "poem"},
        {"country": "ZZ"},
        {"year": "twenty"},
        {"year": "99999"},
    ],
)
def test_invalid_parameters_are_a_400_page_with_a_message(client, archive, params):
    response = client.get(SEARCH, {"q": "fentanyl", **params})
    assert response.status_code == 400
    html = response.content.decode()
    assert "could not be used" in html
    (name,) = params
    assert any(message.startswith(name) for message in response.context["errors"])
    # the rest of the search still runs, without the bad parameter
    assert response.context["count"] == 5


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '"""',
        "OR",
        "-",
        "- - -",
        "*",
        "NOT",
        "AND OR NOT",
        "fentanyl OR",
        "' OR 1=1; --",
        "'; DROP TABLE statements_statement; --",
        "Robert'); DROP TABLE students;--",
        "title:fentanyl",
        "NEAR(fentanyl border)",
        "fentanyl^2 {border} [x] (y)",
        "a:* & !b | c <-> d",
        "\\",
        "%_%",
        "\x00fentanyl\x00",
        "fentanyl\x00",
        "emoji 🙂 fentanyl 🚀",
        "x" * 10_000,
        "fentanyl " * 2_000,
        "é" * 300,
        "<script>alert(1)</script>",
        "\u202eevil",
        "ﬁ ligature",
        "日本語",
    ],
)
def test_weird_queries_never_fail(client, archive, q):
    response = client.get(SEARCH, {"q": q})
    assert response.status_code == 200
    assert response.context["count"] >= 0


def test_weird_queries_explain_themselves(client, archive):
    long = client.get(SEARCH, {"q": "fentanyl " * 2_000})
    assert any("first" in n for n in long.context["notices"])
    nothing = client.get(SEARCH, {"q": "🙂 !!!"})
    assert nothing.context["count"] == 5
    assert "no words" in nothing.content.decode()
    lone = client.get(SEARCH, {"q": "OR"})
    assert "OR and NOT need a word" in lone.content.decode()


def test_query_and_document_markup_is_escaped(client, hostile):
    response = client.get(SEARCH, {"q": 'border <script>alert("q")</script> "<b>x'})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "<b>bold</b>" not in html
    assert "<img src=x" not in html
    assert "<i onmouseover" not in html
    assert "&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;" in html or "&lt;script&gt;" in html


def test_highlights_cannot_inject_markup(client, hostile):
    response = client.get(SEARCH, {"q": "quokka cooperation"})
    (statement,) = response.context["statements"]
    for fragment in (statement.title_html, statement.snippet_html):
        assert "<script" not in fragment
        assert set(re.findall(r"</?([a-z]+)", fragment)) <= {"mark"}
    assert "<mark>cooperation</mark>" in statement.title_html
    assert "<mark>quokka</mark>" in statement.snippet_html


def test_drafts_never_shown(client, archive):
    html = client.get(SEARCH, {"q": "López Obrador"}).content.decode()
    assert "zanzibarquux" not in html
    assert "Draft Publisher" not in html
    assert client.get(SEARCH, {"q": "zanzibarquux"}).context["count"] == 0
    assert "Draft Publisher" not in facet(client.get(SEARCH), "publisher")


def test_facet_values_are_capped(client, db):
    for i in range(30):
        statement = StatementFactory(publisher=f"Publisher {i:02d}")
        statement.topics.add(TopicFactory())
    response = client.get(SEARCH, {"publisher": "Publisher 29"})
    publishers = facet(response, "publisher")
    assert len(publishers) <= 13  # the cap, plus the chosen value even if outside it
    assert publishers["Publisher 29"].selected


def _many(n):
    topics = [TopicFactory() for _ in range(5)]
    officials = [ParticipantFactory() for _ in range(5)]
    for i in range(n):
        statement = StatementFactory(
            body=f"Statement {i} about the okapiword programme.",
            date=datetime.date(2023, 1 + i % 12, 1),
        )
        statement.topics.set(topics[i % 5 : i % 5 + 2])
        for official in officials[i % 3 : i % 3 + 3]:
            MentionFactory(statement=statement, participant=official)
        statement.refresh_search_names()
    return topics, officials


@pytest.mark.parametrize("n", [3, 60])
def test_query_count_is_bounded(client, db, django_assert_max_num_queries, n):
    topics, officials = _many(n)
    params = {
        "q": "okapiword",
        "topic": [topics[0].slug, topics[1].slug],
        "official": officials[0].slug,
        "year": "2023",
        "kind": "joint_statement",
        "sort": "relevance",
    }
    # 12 + the page cache's generation; +2: the picture's months, cached under the search
    # generation (its read, then one GROUP BY over the chosen year's months; issue 12); +2 on
    # PostgreSQL: the first search of a new database builds the index (its log's safe point
    # and origin). The same bound for 3 and 60 statements.
    with django_assert_max_num_queries(17):
        response = client.get(SEARCH, params)
    assert response.status_code == 200
    assert response.context["count"] > 0
    with django_assert_max_num_queries(8):  # 7 + the page cache's generation
        assert client.get(SEARCH).status_code == 200


def test_empty_facets_cost_no_query(archive, django_assert_num_queries):
    """An official, topic or meeting facet left empty is an empty QuerySet: never run."""
    from django.http import QueryDict

    from statements.filters import FACETS
    from statements.search.faceted import faceted_search

    with django_assert_num_queries(0):
        found = faceted_search(QueryDict("q=fentanyl&kind=readout"))
        assert list(found.filterset.chosen()) == ["kind"]
        assert [
            found.filterset.selected(name) for name in FACETS if found.filterset.selected(name)
        ] == [{"readout": "Readout"}]
        found.filterset.filtered(without="kind")
    amlo = archive["officials"]["amlo"]
    with django_assert_num_queries(1):  # the slug's validation, which gives its label too
        found = faceted_search(QueryDict(f"official={amlo.slug}"))
        assert found.filterset.selected("official") == {amlo.slug: amlo.name}
    assert response_slugs(found) == ["seed-004", "seed-003", "seed-002", "seed-001", "seed-000"]


def response_slugs(found):
    return [s.slug for s in found.results[0:20]]
