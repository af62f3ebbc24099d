"""`statements.search.listing.load_listing`: what `with_listing_data()` loads, in the same order,
readable without further queries, and still a real relation when someone chains on it."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Statement
from statements.search.listing import load_listing
from tests.factories import MeetingFactory, MentionFactory, ReportFactory


def listing(statement):
    return (
        statement.pk,
        statement.title,
        statement.body,
        statement.date,
        statement.images,
        [
            (
                m.pk,
                m.position,
                m.name_as_written,
                m.participant.pk,
                m.participant.slug,
                m.participant.name,
                m.participant.country,
                m.participant.titles,
            )
            for m in statement.mentions.all()
        ],
        [(t.pk, t.slug, t.name) for t in statement.topics.all()],
        [(m.pk, m.slug, m.start_date, m.countries) for m in statement.meetings.all()],
    )


def test_same_as_with_listing_data_in_the_order_asked(archive):
    # A second meeting for one statement, so the meetings' order is tested too.
    later = MeetingFactory(slug="later-meeting", start_date=datetime.date(2024, 1, 1))
    ReportFactory(meeting=later, statement=archive["003"])
    MentionFactory(statement=archive["000"], position=0)  # an official before the others
    ids = [archive[p].pk for p in ("003", "000", "004", "001", "002")] + [archive["draft"].pk]
    expected = Statement.objects.with_listing_data().in_bulk(ids)
    with CaptureQueriesContext(connection) as queries:
        loaded = load_listing([*ids, 10**9])  # an unknown id is left out
        shown = [listing(s) for s in loaded]
    assert len(queries.captured_queries) == 4  # statements, mentions, topics, meetings
    assert shown == [listing(expected[pk]) for pk in ids]
    assert [s.pk for s in loaded] == ids
    assert [m.slug for m in loaded[0].meetings.all()] == ["later-meeting", "san-francisco-2023-11"]
    assert all(m.statement is loaded[1] for m in loaded[1].mentions.all())


def test_relations_still_query_when_chained(archive):
    (statement,) = load_listing([archive["003"].pk])
    with CaptureQueriesContext(connection) as queries:
        assert statement.topics.count() == 3
        assert len(statement.mentions.all()[:1]) == 1
    assert not queries.captured_queries
    # Chaining runs a query, over this statement's rows only (not every topic).
    assert [t.slug for t in statement.topics.filter(slug__startswith="f")] == ["fentanyl"]
    assert [t.slug for t in statement.topics.all().exclude(slug="trade")] == [
        "fentanyl",
        "migration",
    ]
    official = statement.mentions.all()[0].participant
    assert official.created_at == type(official).objects.get(pk=official.pk).created_at  # read
    assert statement.mentions.order_by("-position").first().participant.slug == (
        archive["officials"]["amlo"].slug
    )


def test_only_the_relations_asked(archive):
    (statement,) = load_listing([archive["003"].pk], related=("topics",))
    assert set(statement._prefetched_objects_cache) == {"topics"}
    assert [m.slug for m in statement.meetings.all()] == ["san-francisco-2023-11"]  # a query
    assert load_listing([]) == []


def test_instances_as_from_db_makes_them(archive):
    """`_maker` fills the instance at once; what it gives is what `Model.from_db` gives: the same
    attributes, loaded from the same database, the fields left out deferred."""
    from statements.models import Participant
    from statements.search.listing import _fields, _maker

    official = archive["officials"]["amlo"]
    fields = [f for f in _fields(Participant) if f not in ("created_at", "updated_at")]
    row = Participant.objects.filter(pk=official.pk).values_list(*fields).get()
    made = _maker(Participant, "default", fields)(row)
    reference = Participant.from_db("default", fields, row)
    assert {k: v for k, v in vars(made).items() if k != "_state"} == {
        k: v for k, v in vars(reference).items() if k != "_state"
    }
    assert (made._state.db, made._state.adding) == ("default", False)
    assert (
        made.get_deferred_fields()
        == reference.get_deferred_fields()
        == {
            "created_at",
            "updated_at",
        }
    )
    assert made == reference and made.pk == official.pk
    assert made.created_at == official.created_at  # a deferred field, read when asked
