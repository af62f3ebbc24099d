"""The whole archive as one JSON document, and back.

`export_archive()` builds the document `manage.py export_archive` writes: every list sorted and
no timestamps or database ids, so two exports of the same archive are byte for byte the same and
a diff shows only real changes. `restore()` reads it back (`import_statements archive.json`):
export, restore into an empty database, export again gives the same document.
"""

import json
from datetime import date
from pathlib import Path

from django.db import transaction
from django.db.models import Prefetch

from statements.ingest.pipeline import RESTORE_REASON, lock_archive_writes, safe_source_url
from statements.ingest.types import DocumentError
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
from statements.text import fold

FORMAT = "bilateral-statements-archive"
VERSION = 1


def _date(value):
    return value.isoformat() if value else None


# --- Export -------------------------------------------------------------------------------


def export_archive() -> dict:
    """The whole archive, drafts included, as plain JSON-ready data."""
    statements = _with_export_data(Statement.objects.order_by("slug"))
    participants = Participant.objects.order_by("slug").prefetch_related(
        Prefetch("aliases", queryset=ParticipantAlias.objects.order_by("name_key", "name"))
    )
    meetings = Meeting.objects.order_by("slug").prefetch_related(
        Prefetch(
            "attendances",
            queryset=MeetingAttendance.objects.select_related("participant").order_by(
                "delegation", "participant__slug"
            ),
        ),
        Prefetch(
            "reports",
            queryset=MeetingReport.objects.select_related("statement").order_by("statement__slug"),
        ),
    )
    return {
        "format": FORMAT,
        "version": VERSION,
        "statements": [_statement(s) for s in statements],
        "participants": [_participant(p) for p in participants],
        "meetings": [_meeting(m) for m in meetings],
        "topics": [
            {"slug": t.slug, "name": t.name, "description": t.description}
            for t in Topic.objects.order_by("slug")
        ],
    }


def _with_export_data(statements):
    """Everything `_statement` reads, in a fixed number of queries and a fixed order."""
    return statements.prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("slug")),
        Prefetch(
            "mentions",
            queryset=StatementParticipant.objects.select_related("participant").order_by(
                "position", "participant__slug"
            ),
        ),
        Prefetch(
            "commitments",
            queryset=Commitment.objects.select_related("meeting")
            .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("slug")))
            .order_by("position"),
        ),
        Prefetch("quotes", queryset=Quote.objects.select_related("speaker").order_by("position")),
        Prefetch(
            "meeting_reports",
            queryset=MeetingReport.objects.select_related("meeting").order_by("meeting__slug"),
        ),
    )


def _statement(statement):
    return {
        "slug": statement.slug,
        "title": statement.title,
        "date": _date(statement.date),
        "date_inferred": statement.date_inferred,
        "date_source": statement.date_source,
        "date_note": statement.date_note,
        "publisher": statement.publisher,
        "kind": statement.kind,
        "language": statement.language,
        "source_url": statement.source_url,
        "source_file": statement.source_file,
        "content_hash": statement.content_hash,
        "status": statement.status,
        "needs_review": statement.needs_review,
        "review_notes": list(statement.review_notes),
        "images": list(statement.images),
        "body": statement.body,
        "meetings": [r.meeting.slug for r in statement.meeting_reports.all()],
        "meeting_reports": [
            {
                "meeting": r.meeting.slug,
                "evidence": r.evidence,
                "note": r.note,
                "reasons": list(r.reasons or []),
                "confidence": r.confidence,
            }
            for r in statement.meeting_reports.all()
        ],
        "topics": [t.slug for t in statement.topics.all()],
        "participants": [
            {
                "participant": m.participant.slug,
                "name_as_written": m.name_as_written,
                "title_as_written": m.title_as_written,
                "attended": m.attended,
                "position": m.position,
            }
            for m in statement.mentions.all()
        ],
        "commitments": [
            {
                "text": c.text,
                "parties": list(c.parties),
                "topics": [t.slug for t in c.topics.all()],
                "position": c.position,
                "meeting": c.meeting.slug if c.meeting else None,
            }
            for c in statement.commitments.all()
        ],
        "quotes": [
            {
                "speaker": q.speaker.slug if q.speaker else None,
                "speaker_as_written": q.speaker_as_written,
                "text": q.text,
                "position": q.position,
            }
            for q in statement.quotes.all()
        ],
    }


def _participant(participant):
    return {
        "slug": participant.slug,
        "name": participant.name,
        "country": participant.country,
        "aliases": [a.name for a in participant.aliases.all()],
        "titles": list(participant.titles),
    }


def _meeting(meeting):
    return {
        "slug": meeting.slug,
        "title": meeting.title,
        "start_date": _date(meeting.start_date),
        "end_date": _date(meeting.end_date),
        "date_inferred": meeting.date_inferred,
        "place": meeting.place,
        "city": meeting.city,
        "venue": meeting.venue,
        "kind": meeting.kind,
        "countries": list(meeting.countries),
        "attendees": [
            {"participant": a.participant.slug, "delegation": a.delegation, "title": a.title}
            for a in meeting.attendances.all()
        ],
        "statements": [r.statement.slug for r in meeting.reports.all()],
    }


def dumps(data) -> str:
    """Stable text: sorted keys, two-space indent, real accents, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# --- Restore ------------------------------------------------------------------------------


def load_file(path) -> dict:
    """Read an export; a DocumentError (one line) if it is not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise DocumentError("not UTF-8 text: an archive export is UTF-8 JSON") from None
    except json.JSONDecodeError as error:
        raise DocumentError(
            f"broken JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("statements"), list):
        raise DocumentError("a JSON file but not an archive export (no list of statements)")
    if data.get("format", FORMAT) != FORMAT:
        raise DocumentError(f"unknown export format {data.get('format')!r}")
    version = data.get("version", VERSION)
    if not isinstance(version, int) or version > VERSION:
        raise DocumentError(f"export version {version!r}: this archive reads version {VERSION}")
    return data


def restore_file(path):
    return restore(load_file(path))


def restore(data) -> list[tuple[str, str, int]]:
    """Load an export, in one transaction: (statement slug, outcome, pk) for each statement.

    Rows are matched on their slugs (a statement also on its content hash, an official also on
    name and country), so restoring onto an archive that already holds them updates in place.
    """
    try:
        with transaction.atomic():
            lock_archive_writes()
            return _restore(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        if isinstance(error, DocumentError):
            raise
        raise DocumentError(
            f"not a valid archive export ({type(error).__name__}: {error})"
        ) from None


def _restore(data):
    topics = {}
    for item in data.get("topics", []):
        topic = Topic.objects.filter(slug=item["slug"]).first() or Topic(slug=item["slug"])
        topic.name = item["name"]
        topic.description = item.get("description", "")
        topic.save()
        topics[topic.slug] = topic

    participants = {}
    for item in data.get("participants", []):
        participant = (
            Participant.objects.filter(slug=item["slug"]).first()
            or Participant.objects.filter(
                name_key=fold(item["name"]), country=item.get("country", "")
            ).first()
            or Participant(slug=item["slug"])
        )
        participant.name = item["name"]
        participant.country = item.get("country", "")
        participant.titles = list(item.get("titles", []))
        participant.save()
        aliases = list(dict.fromkeys(item.get("aliases", [])))
        wanted = {fold(name) for name in aliases}
        participant.aliases.exclude(name_key__in=wanted).delete()
        have = set(participant.aliases.values_list("name_key", flat=True))
        for name in aliases:
            if fold(name) not in have:
                ParticipantAlias.objects.create(participant=participant, name=name)
                have.add(fold(name))
        participants[item["slug"]] = participant

    meetings = {}
    for item in data.get("meetings", []):
        meeting = Meeting.objects.filter(slug=item["slug"]).first() or Meeting(slug=item["slug"])
        meeting.title = item["title"]
        meeting.start_date = _parse_date(item.get("start_date"))
        meeting.end_date = _parse_date(item.get("end_date"))
        meeting.date_inferred = item.get("date_inferred", False)
        meeting.city = item.get("city", "")
        meeting.venue = item.get("venue", "")
        if not (meeting.city or meeting.venue) and item.get("place"):
            meeting.city = item["place"]
        meeting.kind = item.get("kind") or Meeting.Kind.OTHER
        meeting.countries = list(item.get("countries", []))
        meeting.save()
        meeting.attendances.all().delete()
        for attendee in item.get("attendees", []):
            MeetingAttendance.objects.create(
                meeting=meeting,
                participant=_get(participants, attendee["participant"], "official"),
                delegation=attendee.get("delegation", ""),
                title=attendee.get("title", ""),
            )
        meetings[item["slug"]] = meeting

    outcomes = []
    for item in data["statements"]:
        outcomes.append(statement_outcome(item, topics, participants, meetings))
    # A meeting's list of statements must agree with the statements' lists of meetings.
    for item in data.get("meetings", []):
        for slug in item.get("statements", []):
            statement = Statement.objects.filter(slug=slug).first()
            if statement is not None:
                MeetingReport.objects.get_or_create(
                    meeting=meetings[item["slug"]], statement=statement
                )
    return outcomes


def _parse_date(value):
    return date.fromisoformat(value) if value else None


def _get(table, slug, what):
    try:
        return table[slug]
    except KeyError:
        raise DocumentError(f"the export names an unknown {what} {slug!r}") from None


def statement_outcome(item, topics, participants, meetings):
    """Restore one statement; (slug, "created"/"updated"/"unchanged", pk)."""
    statement = (
        Statement.objects.filter(slug=item["slug"]).first()
        or Statement.objects.filter(content_hash=item["content_hash"]).first()
    )
    if statement is not None:
        before = _statement(_reload(statement))
        if before == _comparable(item, before):
            return statement.slug, "unchanged", statement.pk
        outcome = "updated"
    else:
        statement = Statement()
        outcome = "created"

    statement.slug = item["slug"]
    statement.title = item["title"]
    statement.body = item.get("body", "")
    statement.date = _parse_date(item.get("date"))
    statement.date_inferred = item.get("date_inferred", False)
    statement.date_source = item.get("date_source") or (
        Statement.DateSource.INFERRED
        if statement.date_inferred
        else Statement.DateSource.FRONT_MATTER
        if statement.date
        else Statement.DateSource.NONE
    )
    statement.date_note = item.get("date_note", "")
    statement.publisher = item.get("publisher", "")
    statement.kind = item.get("kind") or Statement.Kind.STATEMENT
    statement.language = item.get("language") or "en"
    statement.source_url = item.get("source_url", "")
    if statement.source_url and not safe_source_url(statement.source_url):
        raise DocumentError(f"statement {item['slug']!r}: source URL is not a web address")
    statement.source_file = item.get("source_file", "")
    statement.content_hash = item["content_hash"]
    statement.status = item.get("status") or Statement.Status.PUBLISHED
    statement.needs_review = item.get("needs_review", False)
    statement.review_notes = list(item.get("review_notes", []))
    statement.images = list(item.get("images", []))
    statement._change_reason = RESTORE_REASON  # not a curator's change (see pipeline.save)
    statement.save()
    statement.__dict__.pop("_change_reason", None)  # a later save by hand is not ours

    statement.meeting_reports.all().delete()
    statement.mentions.all().delete()
    statement.commitments.all().delete()
    statement.quotes.all().delete()
    statement.topics.set(_get(topics, slug, "topic") for slug in item.get("topics", []))

    reports = item.get("meeting_reports") or [{"meeting": slug} for slug in item["meetings"]]
    for report in reports:
        MeetingReport.objects.create(
            meeting=_get(meetings, report["meeting"], "meeting"),
            statement=statement,
            evidence=report.get("evidence") or MeetingReport.Evidence.STATED,
            note=report.get("note", ""),
            reasons=list(report.get("reasons") or []),
            confidence=float(report.get("confidence", 1.0)),
        )
    for n, mention in enumerate(item.get("participants", [])):
        StatementParticipant.objects.create(
            statement=statement,
            participant=_get(participants, mention["participant"], "official"),
            name_as_written=mention.get("name_as_written", ""),
            title_as_written=mention.get("title_as_written", ""),
            attended=mention.get("attended", False),
            position=mention.get("position", n),
        )
    for n, found in enumerate(item.get("commitments", [])):
        commitment = Commitment.objects.create(
            statement=statement,
            meeting=_get(meetings, found["meeting"], "meeting") if found.get("meeting") else None,
            text=found["text"],
            parties=list(found.get("parties", [])),
            position=found.get("position", n),
        )
        commitment.topics.set(_get(topics, slug, "topic") for slug in found.get("topics", []))
    for n, quote in enumerate(item.get("quotes", [])):
        Quote.objects.create(
            statement=statement,
            speaker=_get(participants, quote["speaker"], "official")
            if quote.get("speaker")
            else None,
            speaker_as_written=quote.get("speaker_as_written", ""),
            text=quote["text"],
            position=quote.get("position", n),
        )
    statement.refresh_search_names()
    return statement.slug, outcome, statement.pk


def _reload(statement):
    return _with_export_data(Statement.objects.filter(pk=statement.pk)).get()


def _comparable(item, like):
    """The incoming statement with the keys an export has, for an unchanged check."""
    return {key: item.get(key, like[key]) for key in like}
