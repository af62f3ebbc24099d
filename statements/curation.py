"""Curators' writes that are more than saving a form: merges, the review queue, the Curators group,
and turning what a curator pasted into text the importer can read.

Everything here runs in one transaction per action, so a failed merge leaves the archive as it was.
"""

import json

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q

from statements.ingest.html import html_to_text, looks_like_html
from statements.models import (
    Commitment,
    Meeting,
    MeetingAttendance,
    MeetingReport,
    MergeRecord,
    OfficialCorrection,
    Participant,
    ParticipantAlias,
    Quote,
    Statement,
    StatementParticipant,
)
from statements.text import fold

CURATORS_GROUP = "Curators"

# What a curator may do, by model. Officials and meetings are merged rather than deleted; the admin
# lets a curator delete one only while nothing refers to it.
CURATOR_PERMISSIONS = {
    "statement": ["view", "add", "change", "delete", "publish"],
    "statementparticipant": ["view", "add", "change", "delete"],
    "participant": ["view", "add", "change", "delete", "merge"],
    "participantalias": ["view", "add", "change", "delete"],
    "meeting": ["view", "add", "change", "delete", "merge"],
    "meetingattendance": ["view", "add", "change", "delete"],
    "meetingreport": ["view", "add", "change", "delete"],
    "commitment": ["view", "add", "change", "delete"],
    "quote": ["view", "add", "change", "delete"],
    "commitmentthread": ["view", "change"],
    "threadmention": ["view", "change"],
    "topic": ["view", "add", "change"],
    "mergerecord": ["view"],
}


def curator_codenames():
    return sorted(
        f"{action}_{model}" for model, actions in CURATOR_PERMISSIONS.items() for action in actions
    )


def curators_group():
    """The Curators group, created or brought up to date (the migration creates it first)."""
    group, _ = Group.objects.get_or_create(name=CURATORS_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label="statements", codename__in=curator_codenames()
    )
    group.permissions.set(permissions)
    return group


# --- Pasted or uploaded text -------------------------------------------------------------------
# html_to_text and looks_like_html live with the document reader (statements/ingest/html.py), which
# reads .html files too.

# --- Duplicates -------------------------------------------------------------------------------


def find_duplicate(*, content_hash="", source_url="", exclude_pk=None):
    """The statement already holding this text (same content hash) or this source URL, or None."""
    query = Q()
    if content_hash:
        query |= Q(content_hash=content_hash)
    if source_url:
        query |= Q(source_url=source_url.strip())
    if not query:
        return None
    found = Statement.objects.filter(query)
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return found.order_by("pk").first()


# --- The review queue -------------------------------------------------------------------------

REVIEW_REASONS = {
    "flagged": "Flagged by the importer",
    "date": "Date inferred or missing",
    "officials": "Unmatched officials",
    "meetings": "Meeting linked on weak evidence",
}


def review_reason_filter(reason):
    """A Q selecting statements a curator should look at, for one reason or (None) any."""
    weak_meeting = Exists(
        MeetingReport.objects.filter(statement=OuterRef("pk"), evidence=MeetingReport.Evidence.WEAK)
    )
    # An official the importer could not place: no country known.
    unmatched = Exists(
        StatementParticipant.objects.filter(statement=OuterRef("pk"), participant__country="")
    )
    reasons = {
        "flagged": Q(needs_review=True),
        "date": Q(date__isnull=True) | Q(date_inferred=True),
        "officials": Q(unmatched),
        "meetings": Q(weak_meeting),
    }
    if reason is None:
        query = Q()
        for condition in reasons.values():
            query |= condition
        return query
    return reasons[reason]


def review_queue(reason=None):
    return Statement.objects.filter(review_reason_filter(reason))


def _review_note_resolved(note, statement):
    """Whether what an importer's review note warned of is no longer true of `statement`.

    The notes are the importer's words (statements/ingest/pipeline.py, _note_document and save);
    a note this does not recognise stays until the statement is re-extracted."""
    if note == "Publisher unknown.":
        return bool(statement.publisher)
    if note.startswith("Publisher inferred from the text: "):
        return note != f"Publisher inferred from the text: {statement.publisher}."
    if note.startswith("Date missing"):
        return statement.date is not None
    if note.startswith("Date inferred"):
        return statement.date is not None and not statement.date_inferred
    if note.startswith("Title inferred from the text: "):
        return note != f"Title inferred from the text: {statement.title!r}."
    if note == "No officials found.":
        return statement.mentions.exists()
    if note.startswith("Meeting without a date: ") or note.startswith("Meeting date inferred: "):
        return not statement.meetings.filter(Q(start_date__isnull=True) | Q(date_inferred=True))
    if note.startswith("Meeting linked on weak evidence"):
        return not statement.meeting_reports.filter(evidence=MeetingReport.Evidence.WEAK).exists()
    if note.startswith(("Quote without a speaker", "Quote speaker ")):
        return not statement.quotes.filter(speaker__isnull=True).exists()
    return False


def open_review_notes(statement):
    """The importer's review notes that still apply: a fixed one disappears from the screen."""
    return [note for note in statement.review_notes if not _review_note_resolved(note, statement)]


def drop_resolved_review_notes(statement):
    """Forget the review notes a curator's edit has answered (after an admin save)."""
    statement.refresh_from_db(fields=["review_notes"])
    still_open = open_review_notes(statement)
    if still_open != statement.review_notes:
        statement.review_notes = still_open
        Statement.objects.filter(pk=statement.pk).update(review_notes=still_open)


# --- Merges ------------------------------------------------------------------------------------


def _add_alias(participant, name):
    key = fold(name)
    if not key or key == participant.name_key:
        return False
    if participant.aliases.filter(name_key=key).exists():
        return False
    ParticipantAlias.objects.create(participant=participant, name=name)
    return True


def merged_into(kind, slug):
    """Where a merged official's or meeting's old slug now leads (its target), or None.

    For public pages: `official_detail` can redirect a merged slug instead of answering 404."""
    record = (
        MergeRecord.objects.filter(kind=kind, merged_slug=slug)
        .select_related("target_participant", "target_meeting")
        .first()
    )
    return record.target if record else None


def _move_attendance(attendance, existing, moved, **new_owner):
    """Point `attendance` at its new meeting or official, or fold it into `existing` there."""
    if existing is None:
        for field, value in new_owner.items():
            setattr(attendance, field, value)
        attendance.save(update_fields=list(new_owner))
        moved["attendances_moved"] += 1
        return
    existing.title = existing.title or attendance.title
    existing.delegation = existing.delegation or attendance.delegation
    existing.save(update_fields=["title", "delegation"])
    attendance.delete()
    moved["attendances_combined"] += 1


def participant_merge_counts(source):
    return {
        "statement mentions": source.statement_mentions.count(),
        "meeting attendances": source.attendances.count(),
        "quotes": source.quotes.count(),
        "aliases": source.aliases.count() + 1,
    }


def participant_merge_details(official):
    """What a curator needs to tell two officials apart before merging them."""
    lines = [
        f"Country: {official.get_country_display() or 'unknown'}",
        f"Titles: {'; '.join(official.titles[:4]) or 'none'}",
    ]
    aliases = list(official.aliases.values_list("name", flat=True)[:5])
    if aliases:
        lines.append(f"Also called: {', '.join(aliases)}")
    titles = list(
        Statement.objects.filter(mentions__participant=official)
        .order_by("-date", "-pk")
        .values_list("title", flat=True)[:3]
    )
    if titles:
        lines.append(f"Named in: {'; '.join(titles)}")
    return lines


@transaction.atomic
def merge_participants(source, target, *, user=None):
    """Fold official `source` into `target`, then delete `source`.

    Every statement mention, meeting attendance and quote moves to `target`; where both were in the
    same statement or meeting (a unique pair), the two rows become one. `source`'s name and aliases
    become `target`'s aliases, its titles are added, and a MergeRecord says what happened.
    """
    if source.pk == target.pk:
        raise ValueError("An official cannot be merged into itself.")
    source = Participant.objects.select_for_update().get(pk=source.pk)
    target = Participant.objects.select_for_update().get(pk=target.pk)
    moved = {
        "mentions_moved": 0,
        "mentions_combined": 0,
        "attendances_moved": 0,
        "attendances_combined": 0,
        "quotes_moved": 0,
        "aliases_added": 0,
    }
    statement_ids = set()

    for mention in list(source.statement_mentions.all()):
        statement_ids.add(mention.statement_id)
        existing = StatementParticipant.objects.filter(
            statement_id=mention.statement_id, participant=target
        ).first()
        if existing is None:
            mention.participant = target
            mention.save(update_fields=["participant"])
            moved["mentions_moved"] += 1
            continue
        existing.attended = existing.attended or mention.attended
        existing.title_as_written = existing.title_as_written or mention.title_as_written
        existing.position = min(existing.position, mention.position)
        existing.save(update_fields=["attended", "title_as_written", "position"])
        mention.delete()
        moved["mentions_combined"] += 1

    for attendance in list(source.attendances.all()):
        existing = MeetingAttendance.objects.filter(
            meeting_id=attendance.meeting_id, participant=target
        ).first()
        _move_attendance(attendance, existing, moved, participant=target)

    moved["quotes_moved"] = Quote.objects.filter(speaker=source).update(speaker=target)
    OfficialCorrection.objects.filter(participant=source).update(participant=target)
    statement_ids.update(
        Quote.objects.filter(speaker=target).values_list("statement_id", flat=True)
    )

    for name in [source.name, *source.aliases.values_list("name", flat=True)]:
        moved["aliases_added"] += _add_alias(target, name)
    for title in source.titles:
        target.add_title(title)
    target.country = target.country or source.country
    target.save()

    # Earlier merges into `source` now lead to `target`, so old links keep resolving.
    MergeRecord.objects.filter(target_participant=source).update(target_participant=target)
    record = MergeRecord.objects.create(
        kind=MergeRecord.Kind.PARTICIPANT,
        merged_name=source.name,
        merged_slug=source.slug,
        merged_pk=source.pk,
        target_participant=target,
        target_name=target.name,
        moved=moved,
        merged_by=user,
    )
    source.delete()
    for statement in Statement.objects.filter(pk__in=statement_ids):
        statement.refresh_search_names()
    return record


def meeting_merge_counts(source):
    return {
        "attendees": source.attendances.count(),
        "statements": source.reports.count(),
        "commitments": source.commitments.count(),
    }


def meeting_merge_details(meeting):
    """What a curator needs to tell two meetings apart before merging them."""
    when = meeting.start_date.isoformat() if meeting.start_date else "no date"
    if meeting.end_date and meeting.end_date != meeting.start_date:
        when += f" to {meeting.end_date.isoformat()}"
    lines = [f"When: {when}", f"Where: {meeting.place or 'unknown'}"]
    titles = list(meeting.statements.order_by("-date", "-pk").values_list("title", flat=True)[:3])
    if titles:
        lines.append(f"Reported by: {'; '.join(titles)}")
    return lines


@transaction.atomic
def merge_meetings(source, target, *, user=None):
    """Fold meeting `source` into `target`, then delete `source`.

    Attendees, the statements that report it and its commitments move to `target`; where both had
    the same attendee or statement the rows become one. Blank fields of `target` are filled from
    `source`, countries are joined, and a MergeRecord says what happened.
    """
    if source.pk == target.pk:
        raise ValueError("A meeting cannot be merged into itself.")
    source = Meeting.objects.select_for_update().get(pk=source.pk)
    target = Meeting.objects.select_for_update().get(pk=target.pk)
    moved = {
        "attendances_moved": 0,
        "attendances_combined": 0,
        "reports_moved": 0,
        "reports_combined": 0,
        "commitments_moved": 0,
    }

    for attendance in list(source.attendances.all()):
        existing = MeetingAttendance.objects.filter(
            meeting=target, participant_id=attendance.participant_id
        ).first()
        _move_attendance(attendance, existing, moved, meeting=target)

    for report in list(source.reports.all()):
        existing = MeetingReport.objects.filter(
            meeting=target, statement_id=report.statement_id
        ).first()
        if existing is None:
            report.meeting = target
            report.save(update_fields=["meeting"])
            moved["reports_moved"] += 1
            continue
        if existing.evidence == MeetingReport.Evidence.WEAK:
            existing.evidence, existing.note = report.evidence, report.note
            existing.save(update_fields=["evidence", "note"])
        report.delete()
        moved["reports_combined"] += 1

    moved["commitments_moved"] = Commitment.objects.filter(meeting=source).update(meeting=target)

    for field in ("start_date", "end_date", "city", "venue"):
        if not getattr(target, field) and getattr(source, field):
            setattr(target, field, getattr(source, field))
    if target.end_date and target.start_date and target.end_date < target.start_date:
        target.end_date = target.start_date
    target.countries = list(dict.fromkeys([*target.countries, *source.countries]))
    target.save()

    MergeRecord.objects.filter(target_meeting=source).update(target_meeting=target)
    record = MergeRecord.objects.create(
        kind=MergeRecord.Kind.MEETING,
        merged_name=source.title,
        merged_slug=source.slug,
        merged_pk=source.pk,
        target_meeting=target,
        target_name=target.title,
        moved=moved,
        merged_by=user,
    )
    source.delete()
    return record


# --- Adding a readout and re-running the extraction ----------------------------------------------


class CurationError(Exception):
    """Something a curator asked for that cannot be done; the message says why, for a person.

    `existing` is the statement already holding the text, when that is the reason."""

    def __init__(self, message, existing=None):
        super().__init__(message)
        self.existing = existing


def readout_document(raw, *, file_name="", overrides=None):
    """A Document from pasted text or an uploaded file, HTML sanitised to text first.

    The source file name is unique to the text (the importer recognises statements by file name,
    so two uploads both called "readout.txt" must not be taken for one another)."""
    from statements.ingest.documents import body_hash, decode, parse_document
    from statements.ingest.types import DocumentError

    try:
        text = decode(raw) if isinstance(raw, bytes) else raw
        is_html = file_name.lower().endswith((".html", ".htm")) or (
            not file_name.lower().endswith((".txt", ".md")) and looks_like_html(text)
        )
        if is_html:
            text = html_to_text(text)
        stem = body_hash(text)[:12]
        name = file_name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1] if file_name else "pasted.txt"
        return parse_document(text, f"admin/{stem}-{name}", overrides=overrides)
    except DocumentError as error:
        raise CurationError(f"This text cannot be read: {error}.") from None


def check_duplicate(document, *, exclude_pk=None):
    existing = find_duplicate(
        content_hash=document.content_hash, source_url=document.source_url, exclude_pk=exclude_pk
    )
    if existing is not None:
        same = "text" if existing.content_hash == document.content_hash else "source URL"
        raise CurationError(f"The archive already has this {same}: {existing.title}", existing)


def add_readout(raw, *, file_name="", overrides=None):
    """Extract a new readout and save it as a draft for review. Returns (statement, extraction)."""
    from statements.ingest import pipeline
    from statements.ingest.types import DocumentError

    document = readout_document(raw, file_name=file_name, overrides=overrides)
    check_duplicate(document)
    extraction = pipeline.extract(document)
    try:
        with transaction.atomic():
            statement, outcome = pipeline.save(extraction, status=Statement.Status.DRAFT)
            if outcome != "created":  # raced with another curator adding the same text
                raise CurationError(
                    f"The archive already has this text: {statement.title}", statement
                )
    except DocumentError as error:
        raise CurationError(f"This text cannot be saved: {error}.") from None
    return statement, extraction


def prepare_mention(mention):
    """Fill in what a curator leaves out when adding an official to a statement by hand."""
    if not mention.name_as_written and mention.participant_id:
        mention.name_as_written = mention.participant.name
    if not mention.pk and not mention.position:
        found = mention.statement.body.find(mention.name_as_written)
        mention.position = max(found, 0)


def _orphaned(participant):
    return not (
        participant.statement_mentions.exists()
        or participant.attendances.exists()
        or participant.quotes.exists()
    )


@transaction.atomic
def rematch_official(statement, old, new):
    """A curator says an official of `statement` is `new`, not `old`: move the statement's
    meeting attendances and quotes too, and drop `old` if nothing else refers to it (its name
    becomes an alias of `new`)."""
    if old.pk == new.pk:
        return
    meeting_ids = statement.meeting_reports.values_list("meeting_id", flat=True)
    for attendance in MeetingAttendance.objects.filter(participant=old, meeting_id__in=meeting_ids):
        existing = MeetingAttendance.objects.filter(
            meeting_id=attendance.meeting_id, participant=new
        ).first()
        if existing is None:
            attendance.participant = new
            attendance.save(update_fields=["participant"])
        else:
            existing.title = existing.title or attendance.title
            existing.save(update_fields=["title"])
            attendance.delete()
    Quote.objects.filter(statement=statement, speaker=old).update(speaker=new)
    if _orphaned(old):
        for name in [old.name, *old.aliases.values_list("name", flat=True)]:
            _add_alias(new, name)
        old.delete()


@transaction.atomic
def forget_official(statement, participant):
    """A curator removed an official from a statement ("not an official", a misreading): drop
    their attendance at meetings only this statement reports, and the official itself when
    nothing else refers to them."""
    sole_meetings = [
        report.meeting_id
        for report in statement.meeting_reports.annotate(n=Count("meeting__reports"))
        if report.n == 1
    ]
    MeetingAttendance.objects.filter(participant=participant, meeting_id__in=sole_meetings).delete()
    if _orphaned(participant):
        participant.delete()


@transaction.atomic
def relink_meeting(statement, old, new):
    """A curator says `statement` reports meeting `new`, not `old` (another one, or one they just
    created): the statement's attending officials go with it, unless another statement reporting
    `old` names them too; `old` goes if no statement reports it any more."""
    if old is None or old.pk == new.pk:
        return
    others = Statement.objects.filter(meeting_reports__meeting=old).exclude(pk=statement.pk)
    for mention in statement.mentions.filter(attended=True).select_related("participant"):
        participant = mention.participant
        attendance = MeetingAttendance.objects.filter(meeting=old, participant=participant).first()
        if not new.attendances.filter(participant=participant).exists():
            MeetingAttendance.objects.create(
                meeting=new,
                participant=participant,
                delegation=(attendance.delegation if attendance else "") or participant.country,
                title=(attendance.title if attendance else "") or mention.title_as_written[:300],
            )
        named_elsewhere = StatementParticipant.objects.filter(
            statement__in=others, participant=participant
        ).exists()
        if attendance is not None and not named_elsewhere:
            attendance.delete()
    Commitment.objects.filter(statement=statement, meeting=old).update(meeting=new)
    if not old.reports.exists():
        old.delete()


# --- Meeting links: confirm, move, split ---------------------------------------------------------
# A link a curator decided has evidence "curator": the importer then leaves every link of that
# statement alone (pipeline._save_meetings), so no import undoes the decision.


def _decided(report, user, text, apart_from=()):
    """Mark a link as the curator's. `apart_from`: statements the curator took this one away
    from; the importer never groups them with it again (meetings._weigh)."""
    from django.utils import timezone

    report.evidence = MeetingReport.Evidence.CURATOR
    report.decided_by = user if getattr(user, "pk", None) else None
    report.decided_at = timezone.now()
    previous = [r for r in report.reasons or [] if r.get("kind") == "curator"]
    apart = sorted({*apart_from, *(pk for r in previous for pk in r.get("apart_from", []))})
    reasons = [r for r in report.reasons or [] if r.get("kind") != "curator"]
    decision = {"kind": "curator", "text": text, "agrees": True}
    if apart:
        decision["apart_from"] = apart
    report.reasons = [*reasons, decision]
    report.confidence = 1.0


@transaction.atomic
def confirm_link(report, *, user=None):
    """A curator says the importer's link is right."""
    report = MeetingReport.objects.select_for_update().get(pk=report.pk)
    _decided(report, user, "a curator confirmed this link")
    report.save()
    return report


@transaction.atomic
def move_link(report, meeting, *, user=None, text=""):
    """A curator says the statement reports `meeting`, not the one it was linked to: the link
    moves (with the statement's attendees and commitments), and the old meeting goes when no
    statement reports it any more."""
    report = MeetingReport.objects.select_for_update().get(pk=report.pk)
    old = report.meeting
    if old.pk == meeting.pk:
        return confirm_link(report, user=user)
    text = text or f"a curator moved this statement here from {old.title!r}"
    left = list(old.reports.exclude(pk=report.pk).values_list("statement_id", flat=True))
    existing = MeetingReport.objects.filter(meeting=meeting, statement=report.statement).first()
    if existing is not None:
        report.delete()
        report = existing
    else:
        report.meeting = meeting
    _decided(report, user, text, apart_from=left)
    report.save()
    relink_meeting(report.statement, old, meeting)
    return report


@transaction.atomic
def split_link(report, *, user=None):
    """A curator says the statement reports a meeting of its own, not the one it was grouped
    with: a new meeting (dates, place and kind copied for the curator to correct) takes it."""
    from statements.models import unique_slug

    report = MeetingReport.objects.select_related("meeting", "statement").get(pk=report.pk)
    old = report.meeting
    title = f"{old.title} ({report.statement.publisher or 'another account'})"[:300]
    new = Meeting.objects.create(
        title=title,
        slug=unique_slug(Meeting, title),
        start_date=old.start_date,
        end_date=old.end_date,
        date_inferred=old.date_inferred,
        city=old.city,
        venue=old.venue,
        kind=old.kind,
        countries=list(old.countries),
    )
    return move_link(
        report, new, user=user, text=f"a curator split this statement from {old.title!r}"
    )


def apply_official_corrections(statement, changes):
    """After a curator edits the officials of a statement: (mention, old_participant, old_title).

    A new match moves the statement's attendances and quotes with it; a corrected title goes to
    the official's titles (replacing the wrong one when nothing else used it) and to the
    attendances of the meetings this statement reports."""
    for mention, old_participant, old_title in changes:
        participant = mention.participant
        if old_participant is not None and old_participant.pk != participant.pk:
            rematch_official(statement, old_participant, participant)
        title = mention.title_as_written.strip()
        if old_title is not None and title != old_title:
            _correct_title(statement, participant, old_title, title)


# --- Corrections to officials that survive re-imports -------------------------------------------


def record_official_corrections(statement, corrections, *, user=None):
    """Remember what a curator corrected on a statement's officials, mention by mention, so that
    every import re-applies it (and nothing else). `corrections`: (mention, old participant,
    old title, old attended) per row the curator saved; old participant None: added by hand."""
    user = user if getattr(user, "pk", None) else None
    for mention, old_participant, old_title, old_attended in corrections:
        added = old_participant is None
        rematched = not added and old_participant.pk != mention.participant_id
        retitled = old_title is not None and mention.title_as_written.strip() != old_title.strip()
        reattended = old_attended is not None and mention.attended != old_attended
        if not (added or rematched or retitled or reattended):
            continue
        correction, _ = OfficialCorrection.objects.get_or_create(
            statement=statement,
            name_key=fold(mention.name_as_written),
            defaults={"name": mention.name_as_written[:200]},
        )
        if added or rematched:
            correction.participant = mention.participant
        if added or retitled:
            correction.title_corrected, correction.title = True, mention.title_as_written[:300]
        if added or reattended:
            correction.attended = mention.attended
        correction.removed = False
        correction.corrected_by = user
        correction.save()


def record_official_removed(statement, name_as_written, *, user=None):
    """A curator removed an official from a statement: no import names them there again."""
    OfficialCorrection.objects.update_or_create(
        statement=statement,
        name_key=fold(name_as_written),
        defaults={
            "name": name_as_written[:200],
            "removed": True,
            "participant": None,
            "corrected_by": user if getattr(user, "pk", None) else None,
        },
    )


def reapply_official_corrections(statement):
    """After an import rebuilt a statement's officials: the curator's recorded corrections again
    (a re-match, a title, attended or not, an official added or removed by hand), and only
    those; the importer's other findings stand. A mention is found by its name as written."""
    corrections = list(statement.official_corrections.select_related("participant"))
    if not corrections:
        return
    mentions = {
        fold(m.name_as_written): m for m in statement.mentions.select_related("participant")
    }
    changes = []
    for correction in corrections:
        mention = mentions.get(correction.name_key)
        if correction.removed:
            if mention is not None:
                participant = mention.participant
                mention.delete()
                forget_official(statement, participant)
            continue
        if mention is None:
            # Added by hand (or the edited text no longer writes the name): add it back when the
            # curator chose the official, unless the importer already names them.
            participant = correction.participant
            if participant is None or statement.mentions.filter(participant=participant).exists():
                continue
            StatementParticipant.objects.create(
                statement=statement,
                participant=participant,
                name_as_written=correction.name,
                title_as_written=correction.title if correction.title_corrected else "",
                attended=bool(correction.attended),
                position=max(statement.body.find(correction.name), 0),
            )
            continue
        old_participant, old_title = mention.participant, mention.title_as_written
        if correction.participant_id and correction.participant_id != mention.participant_id:
            clash = statement.mentions.filter(participant_id=correction.participant_id)
            if clash.exclude(pk=mention.pk).exists():
                continue  # the importer names that official apart already: keep its row
            mention.participant = correction.participant
        if correction.title_corrected:
            mention.title_as_written = correction.title
        if correction.attended is not None:
            mention.attended = correction.attended
        mention.save(update_fields=["participant", "title_as_written", "attended"])
        changes.append((mention, old_participant, old_title))
    apply_official_corrections(statement, changes)


@transaction.atomic
def _correct_title(statement, participant, old_title, title):
    participant.refresh_from_db()
    titles = list(participant.titles)
    still_used = old_title and (
        participant.statement_mentions.filter(title_as_written=old_title).exists()
        or participant.attendances.filter(title=old_title)
        .exclude(meeting__reports__statement=statement)
        .exists()
    )
    if old_title in titles and not still_used:
        titles.remove(old_title)
    if title and title not in titles:
        titles.append(title)
    if titles != participant.titles:
        participant.titles = titles
        participant.save()
    MeetingAttendance.objects.filter(
        participant=participant, meeting__reports__statement=statement
    ).update(title=title[:300])


def _manual_snapshot(statement):
    """What a curator may have corrected, keyed so it can be found again after a re-run."""
    reports = list(statement.meeting_reports.values_list("meeting_id", "evidence"))
    return {
        "topics": list(statement.topics.all()),
        "meetings": {meeting_id for meeting_id, _ in reports},
        "curated_meetings": any(e == MeetingReport.Evidence.CURATOR for _, e in reports),
    }


def _rerun_source(statement, *, keep_manual):
    """The statement's text as a file again, with what the first reading knew as front matter.

    The title goes in front matter so the reader never takes a paragraph of the body for a
    headline (and drops it); a date that came from front matter stays a stated date."""
    front = {"title": statement.title}
    if statement.source_url:
        front["source_url"] = statement.source_url
    if statement.date and statement.date_source == Statement.DateSource.FRONT_MATTER:
        front["date"] = statement.date.isoformat()
    header = "".join(f"{key}: {json.dumps(value)}\n" for key, value in front.items())
    overrides = {}
    if keep_manual:
        overrides = {
            "publisher": statement.publisher,
            "kind": statement.kind,
            "language": statement.language,
        }
        if statement.date and statement.date_source == Statement.DateSource.CURATOR:
            overrides["date"] = statement.date
    return f"---\n{header}---\n{statement.body}", overrides


def rerun_extraction(statement, *, keep_manual=True):
    """Run the extraction again on the statement's (edited) text, in one transaction.

    With `keep_manual` a curator's corrections survive: publisher and kind, a date they set,
    meetings they linked, topics they added, and each official's match, title and attendance
    (found again by the name as written). Without it the importer's findings replace them. The
    title, source URL and status always stay."""
    from statements.ingest import pipeline
    from statements.ingest.documents import parse_document
    from statements.ingest.types import DocumentError

    statement.refresh_from_db()
    snapshot = _manual_snapshot(statement) if keep_manual else None
    raw, overrides = _rerun_source(statement, keep_manual=keep_manual)
    try:
        document = parse_document(
            raw, statement.source_file or f"admin/{statement.slug}.txt", overrides=overrides
        )
    except DocumentError as error:
        raise CurationError(f"the text cannot be read: {error}") from None
    check_duplicate(document, exclude_pk=statement.pk)
    extraction = pipeline.extract(document)
    try:
        with transaction.atomic():
            statement, outcome = pipeline.save(
                extraction,
                statement=statement,
                status=statement.status,
                keep_manual=keep_manual,
                force=True,
            )
            if snapshot:
                _reapply(statement, snapshot)
            statement.refresh_search_names()
    except DocumentError as error:
        raise CurationError(str(error)) from None
    return outcome


def _reapply(statement, snapshot):
    # Officials: pipeline.save re-applied the corrections the curator made (recorded ones only).
    statement.topics.add(*snapshot["topics"])
    if snapshot["curated_meetings"]:
        # The curator chose the meetings: a link the importer makes again elsewhere is undone.
        for report in statement.meeting_reports.exclude(
            evidence=MeetingReport.Evidence.CURATOR
        ).exclude(meeting_id__in=snapshot["meetings"]):
            meeting = report.meeting
            report.delete()
            if not meeting.reports.exists():
                meeting.delete()
