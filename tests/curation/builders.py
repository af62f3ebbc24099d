"""Small archives built by hand, for tests that must not depend on the extraction."""

import itertools

from statements.models import Meeting, MeetingAttendance, MeetingReport, Quote, StatementParticipant

_counter = itertools.count(1)


def mention(statement, official, *, title="", attended=True, position=0, name=None):
    return StatementParticipant.objects.create(
        statement=statement,
        participant=official,
        name_as_written=name or official.name,
        title_as_written=title,
        attended=attended,
        position=position,
    )


def attend(meeting, official, title=""):
    return MeetingAttendance.objects.create(
        meeting=meeting, participant=official, delegation=official.country, title=title
    )


def report(meeting, statement, evidence=MeetingReport.Evidence.STATED):
    return MeetingReport.objects.create(meeting=meeting, statement=statement, evidence=evidence)


def quote(statement, speaker, text, position):
    return Quote.objects.create(
        statement=statement,
        speaker=speaker,
        speaker_as_written=speaker.name.split()[-1],
        text=text,
        position=position,
    )


def meeting(title, **fields):
    n = next(_counter)
    return Meeting.objects.create(title=title, slug=f"meeting-{n}", **fields)
