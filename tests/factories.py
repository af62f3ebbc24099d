"""factory_boy factories for page tests that need many rows or hostile text.

The seed documents (the `seeded_archive` fixture) stay the main test data; these build what the
seeds cannot: hundreds of rows for query counts, `<script>` in titles and names, drafts.
"""

import hashlib
from datetime import date, timedelta

import factory

from statements.models import (
    Commitment,
    Meeting,
    MeetingAttendance,
    MeetingReport,
    Participant,
    ParticipantAlias,
    Quote,
    Statement,
    StatementParticipant,
    Topic,
)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    name = factory.Sequence(lambda n: f"Official Number{n}")
    country = "US"
    titles = factory.LazyFunction(lambda: ["Deputy Secretary"])


class AliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParticipantAlias

    participant = factory.SubFactory(ParticipantFactory)
    name = factory.Sequence(lambda n: f"Number{n}")


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    title = factory.Sequence(lambda n: f"Joint statement number {n}")
    slug = factory.Sequence(lambda n: f"joint-statement-{n}")
    body = "The delegations met and agreed to continue working together."
    date = factory.Sequence(lambda n: date(2024, 1, 1) - timedelta(days=n))
    date_source = Statement.DateSource.FRONT_MATTER
    publisher = "The White House"
    kind = Statement.Kind.JOINT_STATEMENT
    source_url = factory.Sequence(lambda n: f"https://www.whitehouse.gov/statement-{n}/")
    source_file = factory.Sequence(lambda n: f"test_{n}.txt")
    content_hash = factory.Sequence(lambda n: hashlib.sha256(f"statement {n}".encode()).hexdigest())
    status = Statement.Status.PUBLISHED


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatementParticipant

    statement = factory.SubFactory(StatementFactory)
    participant = factory.SubFactory(ParticipantFactory)
    name_as_written = factory.LazyAttribute(lambda o: o.participant.name)
    title_as_written = "Deputy Secretary"
    attended = True
    position = 0


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = factory.Sequence(lambda n: f"High-Level Security Dialogue {n}")
    slug = factory.Sequence(lambda n: f"high-level-security-dialogue-{n}")
    start_date = factory.Sequence(lambda n: date(2023, 12, 1) - timedelta(days=n))
    city = "Mexico City"
    venue = "National Palace"
    kind = Meeting.Kind.DELEGATION_VISIT
    countries = factory.LazyFunction(lambda: ["US", "MX"])


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingAttendance

    meeting = factory.SubFactory(MeetingFactory)
    participant = factory.SubFactory(ParticipantFactory)
    delegation = factory.LazyAttribute(lambda o: o.participant.country)
    title = "Deputy Secretary"


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingReport

    meeting = factory.SubFactory(MeetingFactory)
    statement = factory.SubFactory(StatementFactory)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    statement = factory.SubFactory(StatementFactory)
    text = "The United States and Mexico committed to expand legal pathways."
    parties = factory.LazyFunction(lambda: ["US", "MX"])
    position = factory.Sequence(lambda n: n * 10)


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    statement = factory.SubFactory(StatementFactory)
    speaker = factory.SubFactory(ParticipantFactory)
    speaker_as_written = factory.LazyAttribute(lambda o: o.speaker.name if o.speaker else "")
    text = "This is a matter of humanism."
    position = factory.Sequence(lambda n: n * 10)
