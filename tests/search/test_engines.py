"""One search suite, the same expectations on both engines.

It runs on the database in use: SQLite FTS5 without DATABASE_URL, PostgreSQL with it
(`make test` runs both). `test_engine_matches_database` proves which engine answered.
"""

import pytest
from django.db import connection

from statements.models import Statement
from statements.search import get_engine, matching, search
from statements.search.postgres import PostgresEngine
from statements.search.sqlite import SqliteEngine
from tests.factories import StatementFactory

ALL = {"000", "001", "002", "003", "004"}

# query -> the seed statements it must find (exactly)
EXPECTATIONS = [
    # accents: "López Obrador" typed without them; 000-002 and 004 spell it only with accents
    ("Lopez Obrador", ALL),
    ("lópez obrador", ALL),
    ("LOPEZ OBRADOR", ALL),
    # stemming: 002-004 only say "trafficking"
    ("traffickers", ALL),
    ("trafficking", ALL),
    ("semiconductors", {"003"}),
    ("Venezuelans", {"003"}),
    # a short form of a name, found through the official's aliases (search_names), not the text
    ("AMLO", ALL),
    ("Liz", {"000", "001", "002", "004"}),
    ("Sherwood-Randall", {"000", "001", "002", "004"}),
    # every word must match
    ("Trudeau Bárcena", {"004"}),
    ("fentanyl Salazar", {"002", "004"}),
    # phrases: 003 says "Trilateral Fentanyl Commission"
    ('"Trilateral Fentanyl Committee"', {"001", "002", "004"}),
    ('"Fentanyl Committee Trilateral"', set()),
    ('"San Francisco"', {"003"}),
    # OR
    ("Trudeau OR Bárcena", {"001", "002", "004"}),
    ("Trudeau | Cofepris", {"001", "002", "004"}),
    ("Guatemala OR Trudeau Salazar", {"004"}),
    ("Guatemala OR Cofepris", {"002", "003"}),
    # exclusions
    ("fentanyl -Canada", {"000"}),
    ('migration -"Trilateral Fentanyl Committee"', {"000", "003"}),
    ("fentanyl NOT Canada", {"000"}),
    ("-Canada", {"000"}),
    # prefixes
    ("Canegal*", {"000", "002", "004"}),
    ("Trudea*", {"001", "004"}),
    ("Salaz*", {"002", "004"}),
    ("semicond*", {"003"}),
    # words found nowhere, and drafts never
    ("zanzibarquux", set()),
    ("quagmireword", set()),
    # empty and unsearchable queries list everything published
    ("", ALL),
    ("   ", ALL),
    ("🙂 🙃", ALL),
    ("***", ALL),
]


@pytest.mark.django_db
def test_engine_matches_database():
    engine = get_engine()
    expected = PostgresEngine if connection.vendor == "postgresql" else SqliteEngine
    assert isinstance(engine, expected)


@pytest.mark.parametrize(
    ("query", "expected"), EXPECTATIONS, ids=[q or "empty" for q, _ in EXPECTATIONS]
)
def test_search_finds(archive, query, expected):
    results = search(query)
    found = {s.slug.removeprefix("seed-") for s in results}
    assert found == expected
    assert results.count() == len(expected)


def test_drafts_are_never_found(archive):
    assert not search("zanzibarquux").count()
    assert archive["draft"].slug not in {s.slug for s in search("fentanyl")}
    assert archive["draft"].slug not in {s.slug for s in search("")}
    assert not matching(None, "zanzibarquux").exists()


def test_edits_are_searchable_at_once(archive):
    """Saves keep the index current (generated column / FTS5 triggers)."""
    statement = archive["003"]
    statement.body += " The leaders also discussed axolotlword conservation."
    statement.save()
    assert [s.slug for s in search("axolotlword")] == ["seed-003"]
    statement.title = "Renamed readout about wombatword"
    statement.save(update_fields=["title"])
    assert [s.slug for s in search("wombatword")] == ["seed-003"]
    statement.delete()
    assert not search("wombatword").count()
    assert search("").count() == 4


def test_bulk_created_statements_are_searchable(db):
    Statement.objects.bulk_create(
        [
            Statement(title=f"Bulk {i}", slug=f"bulk-{i}", body="capybaraword", content_hash=str(i))
            for i in range(3)
        ]
    )
    assert search("capybaraword").count() == 3


def test_new_aliases_count_after_refresh(archive):
    """search_names is what makes a new short form findable; the importer refreshes it."""
    assert not search("Sheinbaumword").count()
    archive["officials"]["amlo"].aliases.create(name="Sheinbaumword")
    archive["003"].refresh_search_names()
    assert [s.slug for s in search("Sheinbaumword")] == ["seed-003"]


def test_title_outranks_body(db):
    body_only = StatementFactory(title="Readout", body="They talked about the pangolin once.")
    in_title = StatementFactory(title="Pangolin protection statement", body="Nothing else.")
    StatementFactory(title="Other", body="Unrelated text.")
    assert [s.pk for s in search("pangolin")] == [in_title.pk, body_only.pk]


def test_names_outrank_body(db):
    from tests.factories import MentionFactory, ParticipantFactory

    named = StatementFactory(title="Readout", body="A meeting took place.")
    MentionFactory(statement=named, participant=ParticipantFactory(name="Ocelot Vargas"))
    named.refresh_search_names()
    in_body = StatementFactory(title="Readout", body="A meeting with Ocelot Vargas took place.")
    assert [s.pk for s in search("Ocelot")] == [named.pk, in_body.pk]


def test_sorts(archive):
    newest = [s.slug for s in search("fentanyl", sort="newest")]
    oldest = [s.slug for s in search("fentanyl", sort="oldest")]
    assert newest[0] == "seed-004"
    assert oldest[0] == "seed-000"
    assert newest == list(reversed(oldest)) or set(newest) == set(oldest)
    # an empty query has nothing to rank: newest first
    everything = search("")
    assert everything.sort == "newest"
    assert [s.slug for s in everything][0] == "seed-004"


def test_pagination_slices_are_consistent(archive):
    results = search("fentanyl")
    whole = [s.pk for s in results[0:5]]
    parts = (
        [s.pk for s in results[0:2]] + [s.pk for s in results[2:4]] + [s.pk for s in results[4:6]]
    )
    assert whole == parts
    assert len(whole) == results.count() == 5


def test_snippets_mark_matches(archive):
    (statement,) = search("Guatemala")[0:1]
    assert "\x02Guatemala\x03" in statement.snippet


def test_snippets_of_empty_query_are_the_start_of_the_body(archive):
    statement = search("")[0]
    assert statement.snippet.startswith(archive["004"].body.split()[0])
    assert "\x02" not in statement.snippet


def test_queryset_search_is_a_filter(archive):
    found = Statement.objects.filter(publisher="The White House").search("Lopez Obrador")
    assert set(found.values_list("slug", flat=True)) == {"seed-000", "seed-003", "seed-004"}
    assert not Statement.objects.search("zanzibarquux").exists()
