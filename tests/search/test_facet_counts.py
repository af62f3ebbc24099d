"""Facet counts are exact whichever way they are counted (facets.py), on both engines.

The reference is the plainest ORM count there is: distinct published statements per value.
The browse page counts the *whole* archive from the link tables' indexes minus the drafts, a
text query counts over its matches: both must give the reference after every kind of write.
"""

import datetime

import pytest
from django.db import connection
from django.db.models import Count
from django.http import QueryDict

from statements.filters import FACETS
from statements.models import MeetingReport, Statement, StatementParticipant
from statements.search.faceted import faceted_search
from statements.search.facets import count_and_facets
from tests.factories import (
    MeetingFactory,
    MentionFactory,
    ParticipantFactory,
    ReportFactory,
    StatementFactory,
)

ALL_VALUES = 10_000  # a limit no test reaches: every value shown


def reference(statements):
    """{facet: {value: count}} of `statements` (published ones), counted the plain way."""
    ids = statements.filter(status=Statement.Status.PUBLISHED).values("pk")
    published = Statement.objects.filter(pk__in=ids)

    def per_statement(rows, field):
        counted = rows.values(field).annotate(n=Count("statement", distinct=True))
        return {str(row[field]): row["n"] for row in counted if row[field] not in ("", None)}

    def per_column(field):
        counted = published.values(field).annotate(n=Count("pk"))
        return {str(row[field]): row["n"] for row in counted if row[field] not in ("", None)}

    mentions = StatementParticipant.objects.filter(statement__in=ids)
    # Years of the listing date (a statement's own, else its meeting's); no date: "undated".
    years = per_column("listing_date__year")
    if undated := published.filter(listing_date=None).count():
        years["undated"] = undated
    return {
        "official": per_statement(mentions, "participant__slug"),
        "topic": per_statement(
            Statement.topics.through.objects.filter(statement__in=ids), "topic__slug"
        ),
        "country": per_statement(mentions, "participant__country"),
        "publisher": per_column("publisher"),
        "kind": per_column("kind"),
        "year": years,
        "meeting": per_statement(MeetingReport.objects.filter(statement__in=ids), "meeting__slug"),
        "language": per_column("language"),
    }


def counted(statements, *, whole=False, limit=ALL_VALUES):
    count, facets = count_and_facets(
        statements, {}, {}, FACETS, limit=limit, generation=None, whole=whole
    )
    return count, {name: {v.value: v.count for v in values} for name, values in facets.items()}


def browse():
    """The browse page's count and facets, as the page computes them (cache included)."""
    found = faceted_search(QueryDict())
    facets = found.facets
    return found.results.count(), {
        name: {v.value: v.count for v in values} for name, values in facets.items()
    }


def as_shown(expected):
    """The page shows the language facet for two languages or more (none is chosen here)."""
    if len(expected["language"]) < 2:
        del expected["language"]
    return expected


def expected_browse():
    everything = Statement.objects.published()
    return everything.count(), as_shown(reference(everything))


def test_whole_and_matches_agree_with_the_reference(archive):
    published = Statement.objects.published()
    assert counted(published, whole=True) == (5, reference(published))
    assert counted(published) == (5, reference(published))
    assert browse() == expected_browse()


@pytest.mark.parametrize("few", [1000, 2, 0], ids=["ids", "ids-or-sql", "sql"])
@pytest.mark.parametrize(
    "params",
    [
        "q=fentanyl",
        "q=Lopez+Obrador",
        'q="San+Francisco"',
        "q=-Canada",
        "q=fentanyl&kind=readout&year=2023",
        "q=fentanyl+OR+Guatemala&publisher=The+White+House&topic=trade",
        "q=zzznothing",
    ],
)
def test_text_queries_count_their_matches(archive, params, few, monkeypatch, settings):
    """Counted over the ids of the matches (read first when there are few) or over the text
    match in SQL: the same numbers. (The database path, the reference; the index's counts are
    compared with the same reference in test_tantivy_search.py.)"""
    settings.SEARCH_INDEX_ENABLED = False
    monkeypatch.setattr("statements.search.base.FEW_MATCHES", few)
    found = faceted_search(QueryDict(params))
    matched = found.results.matched
    facets = {name: {v.value: v.count for v in vs} for name, vs in found.facets.items()}
    own = {}
    for name in FACETS:
        if found.filterset.selected(name):  # a chosen facet counts without its own filter
            base = found.results.engine.matching(
                found.filterset.filtered(without=name), found.query
            )
            own[name] = reference(base)[name]
    expected = as_shown(reference(matched) | own)
    assert (found.results.count(), facets) == (matched.count(), expected)
    assert found.results.few_ids == (
        sorted(matched.values_list("pk", flat=True))
        if matched.count() <= few and found.query.groups
        else None
    )


def test_browse_counts_follow_every_kind_of_write(archive):
    """Browse facets are counted from the whole archive minus drafts: never from a stale total."""
    assert browse() == expected_browse()
    officials, topics = archive["officials"], archive["topics"]

    # an import: a new statement with an official, a topic and a meeting
    new = StatementFactory(
        title="New readout", kind="remarks", publisher="Global Affairs Canada",
        date=datetime.date(2019, 3, 1),
    )  # fmt: skip
    MentionFactory(statement=new, participant=officials["biden"])
    new.topics.add(topics["trade"])
    ReportFactory(meeting=MeetingFactory(slug="ottawa-2019"), statement=new)
    assert browse() == expected_browse()

    # an edit of the facet columns (an update bypasses `save`, which keeps listing_date)
    day = datetime.date(2020, 1, 1)
    Statement.objects.filter(pk=new.pk).update(kind="statement", date=day, listing_date=day)
    assert browse() == expected_browse()

    # unpublish, then publish again
    Statement.objects.filter(pk=archive["003"].pk).update(status=Statement.Status.DRAFT)
    count, facets = browse()
    assert (count, facets) == expected_browse()
    assert count == 5 and "san-francisco-2023-11" not in facets["meeting"]
    Statement.objects.filter(pk=archive["003"].pk).update(status=Statement.Status.PUBLISHED)
    assert browse() == expected_browse()

    # an official's country changes; another joins a statement of the same country
    officials["monaco"].country = "MX"
    officials["monaco"].save()
    MentionFactory(statement=archive["003"], participant=ParticipantFactory(country="US"))
    assert browse() == expected_browse()

    # links removed, a statement deleted
    archive["000"].topics.remove(topics["arms-trafficking"])
    StatementParticipant.objects.filter(statement=archive["001"]).delete()
    new.delete()
    count, facets = browse()
    assert (count, facets) == expected_browse()
    assert "arms-trafficking" not in facets["topic"] and "ottawa-2019" not in facets["meeting"]


def test_drafts_never_count(archive):
    """The draft names López Obrador, fentanyl and a publisher of its own: counted nowhere."""
    count, facets = browse()
    assert count == 5
    assert "Draft Publisher" not in facets["publisher"]
    assert facets["official"][archive["officials"]["amlo"].slug] == 5
    assert facets["year"] == {"2024": 1, "2023": 4}


@pytest.mark.parametrize("whole", [False, True])
def test_the_top_values_and_their_ties_are_the_same_as_before(db, whole):
    """The top 12: most statements first, ties broken by slug in SQL, shown by name."""
    officials = [ParticipantFactory(name=f"Official {i:02d}", slug=f"o-{i:02d}") for i in range(20)]
    for i, official in enumerate(officials):
        # o-00..o-04 in 3 statements each, the rest (a 15-way tie) in 1
        for _ in range(3 if i < 5 else 1):
            MentionFactory(statement=StatementFactory(), participant=official)
    _, facets = counted(Statement.objects.published(), whole=whole, limit=12)
    expected = {f"o-{i:02d}": 3 for i in range(5)} | {f"o-{i:02d}": 1 for i in range(5, 12)}
    assert facets["official"] == expected


def test_chosen_values_are_shown_beyond_the_top(client, db):
    officials = [ParticipantFactory(slug=f"p-{i:02d}") for i in range(15)]
    for i, official in enumerate(officials):
        for _ in range(15 - i):
            MentionFactory(statement=StatementFactory(), participant=official)
    response = client.get("/search/", {"official": ["p-14", "p-00"]})
    (values,) = [vs for name, _, vs in response.context["facets"] if name == "official"]
    shown = {v.value: (v.count, v.selected) for v in values}
    assert shown["p-14"] == (1, True) and shown["p-00"] == (15, True)
    assert len(shown) == 13  # the top 12 and the chosen value beyond them


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite covering index")
def test_sqlite_facets_index_is_restored_after_a_rebuild(db):
    from statements.search.sqlite import FACETS_INDEX, ensure_fts_sync

    def present():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [FACETS_INDEX])
            return cursor.fetchone() is not None

    assert present()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX {FACETS_INDEX}")
    assert not present()
    ensure_fts_sync(using="default")  # what post_migrate runs
    assert present()


def test_warm_tidies_the_index_and_caches_the_browse_page(
    archive, django_assert_max_num_queries, settings
):
    from statements.search.faceted import warm

    settings.SEARCH_INDEX_ENABLED = False  # warm() caches the database path's answers

    warm()
    expected = expected_browse()
    with django_assert_max_num_queries(1):  # the generation: the counts come from the cache
        assert browse() == expected
