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

from statements.ingest.documents import body_hash
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
    search_names_text,
    slug_base,
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
    _complete(data)
    try:
        with transaction.atomic():
            lock_archive_writes()
            return _restore(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        if isinstance(error, DocumentError):
            raise
        if isinstance(error, KeyError):
            raise DocumentError(
                f"not a valid archive export: a required key is missing ({error})"
            ) from None
        raise DocumentError(
            f"not a valid archive export ({type(error).__name__}: {error})"
        ) from None


# What each kind of row must have; everything else is defaulted or computed (`_complete`).
REQUIRED = {
    "statements": {"title": "its title", "body": "its text"},
    "participants": {"slug": "its slug", "name": "the official's name"},
    "meetings": {"slug": "its slug", "title": "the meeting's title"},
    "topics": {"slug": "its slug"},
}


def _complete(data):
    """Accept the documented shape as another system writes it: name a missing required key
    in words, and compute or default what an export of ours has but theirs may not (the
    content hash from the body, published unless it says otherwise, the date's provenance,
    the meeting links from the list of meeting slugs)."""
    for kind, required in REQUIRED.items():
        rows = data.get(kind, [])
        if not isinstance(rows, list):
            raise DocumentError(f"not a valid archive export: {kind!r} is not a list")
        for n, item in enumerate(rows, 1):
            if not isinstance(item, dict):
                raise DocumentError(f"not a valid archive export: {kind} #{n} is not an object")
            for key, what in required.items():
                if item.get(key) in (None, ""):
                    name = item.get("slug") or item.get("title") or item.get("name")
                    which = f"{kind[:-1]} #{n}" + (f" ({name!r})" if name else "")
                    raise DocumentError(
                        f"not a valid archive export: {which} has no {key!r} ({what})"
                    )
    for topic in data.get("topics", []):
        topic.setdefault("name", topic["slug"])
    taken = set()
    for item in data["statements"]:
        if not isinstance(item["body"], str) or not isinstance(item["title"], str):
            raise DocumentError(
                f"not a valid archive export: statement {item['title']!r}: title and body "
                "must be text"
            )
        item.setdefault("content_hash", body_hash(item["body"]))
        if not item.get("slug"):
            base = slug_base(item["title"]) or "statement"
            slug, n = base, 2
            while slug in taken or Statement.objects.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            item["slug"] = slug
        taken.add(item["slug"])
        if "meeting_reports" not in item:
            item["meeting_reports"] = [{"meeting": m} for m in item.get("meetings", [])]


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

    items = data["statements"]
    held_slugs, held_hashes = set(), set()
    for start in range(0, len(items), 500):
        chunk = items[start : start + 500]
        held_slugs.update(
            Statement.objects.filter(slug__in=[i["slug"] for i in chunk]).values_list(
                "slug", flat=True
            )
        )
        held_hashes.update(
            Statement.objects.filter(
                content_hash__in=[i["content_hash"] for i in chunk]
            ).values_list("content_hash", flat=True)
        )
    new, outcomes, seen = [], [], set()
    for item in items:
        key = (item["slug"], item["content_hash"])
        if item["slug"] in held_slugs or item["content_hash"] in held_hashes or seen & set(key):
            outcomes.append(statement_outcome(item, topics, participants, meetings))
        else:
            new.append(item)
        seen.update(key)
    outcomes.extend(_restore_new(new, topics, participants, meetings))
    order = {item["slug"]: n for n, item in enumerate(items)}
    outcomes.sort(key=lambda outcome: order.get(outcome[0], len(order)))

    # A meeting's list of statements must agree with the statements' lists of meetings.
    listed = [
        (meetings[item["slug"]].pk, slug)
        for item in data.get("meetings", [])
        for slug in item.get("statements", [])
    ]
    if listed:
        pks = dict(
            Statement.objects.filter(slug__in={slug for _, slug in listed}).values_list(
                "slug", "pk"
            )
        )
        have = set(
            MeetingReport.objects.filter(
                meeting__in={meeting for meeting, _ in listed}
            ).values_list("meeting_id", "statement_id")
        )
        missing = {(m, pks[slug]) for m, slug in listed if slug in pks} - have
        MeetingReport.objects.bulk_create(
            MeetingReport(meeting_id=m, statement_id=s) for m, s in sorted(missing)
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

    _set_fields(statement, item)
    statement._change_reason = RESTORE_REASON  # not a curator's change (see pipeline.save)
    statement.save()
    statement.__dict__.pop("_change_reason", None)  # a later save by hand is not ours

    statement.meeting_reports.all().delete()
    statement.mentions.all().delete()
    statement.commitments.all().delete()
    statement.quotes.all().delete()
    statement.topics.set(_get(topics, slug, "topic") for slug in item.get("topics", []))
    _insert_rows_of([(statement, item)], topics, participants, meetings)
    statement.refresh_search_names()
    return statement.slug, outcome, statement.pk


def _set_fields(statement, item):
    """The statement's own columns from an export item (`_complete` filled the gaps)."""
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


def _insert_rows_of(pairs, topics, participants, meetings):
    """A statement's links (meetings reported, officials named, commitments, quotes) for each
    (saved statement, export item): a few INSERTs for a whole batch, not one per row."""
    from statements.ingest import bulk

    reports, mentions, commitments, commitment_topics, quotes = [], [], [], [], []
    for statement, item in pairs:
        seen = set()
        for report in item.get("meeting_reports") or []:
            meeting = _get(meetings, report["meeting"], "meeting")
            if meeting.pk in seen:
                continue
            seen.add(meeting.pk)
            reports.append(
                MeetingReport(
                    meeting=meeting,
                    statement=statement,
                    evidence=report.get("evidence") or MeetingReport.Evidence.STATED,
                    note=report.get("note", ""),
                    reasons=list(report.get("reasons") or []),
                    confidence=float(report.get("confidence", 1.0)),
                )
            )
        for n, mention in enumerate(item.get("participants", [])):
            mentions.append(
                StatementParticipant(
                    statement=statement,
                    participant=_get(participants, mention["participant"], "official"),
                    name_as_written=mention.get("name_as_written", ""),
                    title_as_written=mention.get("title_as_written", ""),
                    attended=mention.get("attended", False),
                    position=mention.get("position", n),
                )
            )
        for n, found in enumerate(item.get("commitments", [])):
            commitments.append(
                Commitment(
                    statement=statement,
                    meeting=_get(meetings, found["meeting"], "meeting")
                    if found.get("meeting")
                    else None,
                    text=found["text"],
                    parties=list(found.get("parties", [])),
                    position=found.get("position", n),
                )
            )
            commitment_topics.append(
                [_get(topics, slug, "topic").pk for slug in dict.fromkeys(found.get("topics", []))]
            )
        for n, quote in enumerate(item.get("quotes", [])):
            quotes.append(
                Quote(
                    statement=statement,
                    speaker=_get(participants, quote["speaker"], "official")
                    if quote.get("speaker")
                    else None,
                    speaker_as_written=quote.get("speaker_as_written", ""),
                    text=quote["text"],
                    position=quote.get("position", n),
                )
            )
    bulk._insert(MeetingReport, reports)
    bulk._insert(StatementParticipant, mentions)
    bulk._create(Commitment, commitments)
    bulk._insert_rows(
        Commitment.topics.through,
        ["commitment_id", "topic_id"],
        [(c.pk, t) for c, ids in zip(commitments, commitment_topics, strict=True) for t in ids],
    )
    bulk._insert(Quote, quotes)


def _restore_new(items, topics, participants, meetings):
    """Statements the archive does not hold yet, a batch at a time through the bulk import's
    inserts (statements/ingest/bulk.py): restoring a large export into an empty database takes
    a few queries per batch instead of a dozen per statement."""
    from statements.ingest import bulk

    aliases = {}
    for participant_pk, name in ParticipantAlias.objects.filter(
        participant__in=[p.pk for p in participants.values()]
    ).values_list("participant_id", "name"):
        aliases.setdefault(participant_pk, []).append(name)
    outcomes = []
    for start in range(0, len(items), bulk.BATCH_SIZE):
        batch = items[start : start + bulk.BATCH_SIZE]
        statements = []
        for item in batch:
            statement = Statement()
            _set_fields(statement, item)
            statement._change_reason = RESTORE_REASON
            statement.search_names = _search_names(item, topics, participants, aliases)
            statements.append(statement)
        with bulk._one_generation_bump():
            bulk._create(Statement, statements)
            bulk._insert_rows(
                Statement.topics.through,
                ["statement_id", "topic_id"],
                [
                    (statement.pk, _get(topics, slug, "topic").pk)
                    for statement, item in zip(statements, batch, strict=True)
                    for slug in dict.fromkeys(item.get("topics", []))
                ],
            )
            _insert_rows_of(zip(statements, batch, strict=True), topics, participants, meetings)
        outcomes.extend((s.slug, "created", s.pk) for s in statements)
    return outcomes


def _search_names(item, topics, participants, aliases):
    """What `Statement.refresh_search_names()` would store for the item once restored."""
    from statements.ingest.resolve import search_forms

    names = []
    mentions = sorted(
        enumerate(item.get("participants", [])), key=lambda m: (m[1].get("position", m[0]), m[0])
    )
    for _, mention in mentions:
        participant = _get(participants, mention["participant"], "official")
        names.extend(search_forms(participant.name, sorted(aliases.get(participant.pk, []))))
    chosen = [_get(topics, slug, "topic") for slug in dict.fromkeys(item.get("topics", []))]
    return search_names_text(names, chosen)


def _reload(statement):
    return _with_export_data(Statement.objects.filter(pk=statement.pk)).get()


def _comparable(item, like):
    """The incoming statement with the keys an export has, for an unchanged check."""
    return {key: item.get(key, like[key]) for key in like}
