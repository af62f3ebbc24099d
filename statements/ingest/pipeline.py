"""The import pipeline: read a file, run the extraction steps, save the result.

`extract()` runs every step and touches no database row, so a curator's review screen can show
what would be saved. `save()` writes one document in one transaction. `import_paths()` is what
`manage.py import_statements` runs: many files, one bad file never stops the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

import statements.ingest.commitments as commitment_step
import statements.ingest.dates as date_step
import statements.ingest.documents as documents
import statements.ingest.meetings as meeting_step
import statements.ingest.people as people_step
import statements.ingest.quotes as quote_step
import statements.ingest.resolve as resolve_step
import statements.ingest.spanish as spanish
import statements.ingest.topics as topic_step
from statements.ingest.progress import Progress
from statements.ingest.threads import group_statement
from statements.ingest.types import (
    CommitmentFound,
    DateMention,
    Document,
    DocumentError,
    MeetingFound,
    OfficialMention,
    QuoteFound,
)
from statements.models import (
    Commitment,
    Meeting,
    MeetingAttendance,
    MeetingReport,
    Participant,
    Quote,
    Statement,
    StatementParticipant,
    Topic,
    unique_slug,
)
from statements.text import fold

# Documents are plain text or markdown; a .json file is an archive export (export_archive).
# HTML pages are read as their text (documents.py converts them with ingest/html.py).
IMPORTABLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json"}
# More files than this and the importer shows a progress bar.
PROGRESS_THRESHOLD = 5
# A readout is a few kilobytes; extraction takes seconds per megabyte, so a bigger file is
# refused up front (settings.IMPORT_MAX_DOCUMENT_BYTES overrides). Exports have no limit.
MAX_DOCUMENT_BYTES = 1024 * 1024
# Every importer's write transaction takes this PostgreSQL advisory lock (see lock_archive_writes).
WRITE_LOCK_KEY = 0x53544D54  # "STMT"

_DATE_FIELDS = ("date", "date_source", "date_inferred", "date_note")


@dataclass
class CommitmentItem:
    """A commitment and the topics its sentence is about."""

    text: str
    parties: list[str]
    position: int
    topics: list[str] = field(default_factory=list)
    note: str = ""  # why a curator should check it ("proposed by the commitment scorer …")


@dataclass
class QuoteItem:
    """A quote and the official (one of the document's) who said it, when known."""

    text: str
    speaker_as_written: str
    position: int
    speaker: OfficialMention | None = None


@dataclass
class Extraction:
    """Everything found in one document, before anything is saved."""

    document: Document
    officials: list[OfficialMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    meetings: list[MeetingFound] = field(default_factory=list)
    commitments: list[CommitmentItem] = field(default_factory=list)
    quotes: list[QuoteItem] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    review_notes: list[str] = field(default_factory=list)

    @property
    def needs_review(self):
        return bool(self.review_notes)

    def note(self, text):
        if text and text not in self.review_notes:
            self.review_notes.append(text)

    def describe(self):
        """One line for a person: what this document holds."""
        officials = {fold(o.name) for o in self.officials}
        counts = (
            (len(officials), "official"),
            (len(self.meetings), "meeting"),
            (len(self.commitments), "commitment"),
            (len(self.quotes), "quote"),
        )
        return ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts)


@dataclass
class ImportSummary:
    """What an import did: file names by outcome, and the rows the imported documents hold."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    officials: int = 0
    new_officials: int = 0
    meetings: int = 0
    new_meetings: int = 0
    commitments: int = 0
    quotes: int = 0
    needs_review: int = 0
    dry_run: bool = False

    @property
    def ok(self):
        return not self.failed

    def count(self, outcome, name):
        getattr(self, outcome).append(name)

    def lines(self):
        verb = "would be " if self.dry_run else ""
        return [
            f"Statements: {len(self.created)} {verb}created, {len(self.updated)} {verb}updated, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed",
            f"Officials: {self.officials} named ({self.new_officials} new)",
            f"Meetings: {self.meetings} reported ({self.new_meetings} new)",
            f"Commitments: {self.commitments}",
            f"Quotes: {self.quotes}",
            f"Flagged for review: {self.needs_review}",
        ]


# --- Extraction (no database writes) -----------------------------------------------------

# Publishers whose name says whose government they speak for before any other country it names
# ("U.S. Embassy in Mexico" speaks for the United States).
_PUBLISHER_COUNTRIES = (
    ("white house", "US"),
    ("u s", "US"),
    ("us", "US"),
    ("united states", "US"),
    ("usembassy", "US"),
    ("department of state", "US"),
    ("department of homeland security", "US"),
    ("embajada de estados unidos", "US"),
    ("gobierno de estados unidos", "US"),
    ("embajada de mexico", "MX"),
    ("gobierno de mexico", "MX"),
    ("government of mexico", "MX"),
    ("secretaria de relaciones exteriores", "MX"),
    ("presidencia de la republica", "MX"),
    ("uk", "GB"),
    ("hm government", "GB"),
)
# Government web domains (the end of the host name) and whose they are.
_HOST_COUNTRIES = {
    "gov.uk": "GB",
    "gc.ca": "CA",
    "canada.ca": "CA",
    "pm.gc.ca": "CA",
    "gob.mx": "MX",
    "go.jp": "JP",
    "gob.gt": "GT",
    "gob.hn": "HN",
    "gob.sv": "SV",
    "gov.br": "BR",
    "gov.co": "CO",
    "gouv.fr": "FR",
    "elysee.fr": "FR",
    "bund.de": "DE",
    "bundesregierung.de": "DE",
    "gov.in": "IN",
    "gov.cn": "CN",
    "fmprc.gov.cn": "CN",
    "gov": "US",
    "mil": "US",
    "usembassy.gov": "US",
}


def publisher_country(document):
    """The country whose government published the document: from its publisher, else its URL."""
    publisher = f" {fold(document.publisher)} "
    for needle, country in _PUBLISHER_COUNTRIES:
        if f" {needle} " in publisher:
            return country
    host = urlsplit(document.source_url or "").hostname or ""
    parts = host.lower().split(".")
    for n in range(len(parts)):
        country = _HOST_COUNTRIES.get(".".join(parts[n:]))
        if country:
            return country
    named = documents.countries_in(document.publisher, leaders=False) if document.publisher else []
    if len(named) == 1:
        return named[0]
    # No publisher stated: whose voice the text has still helps read it ("our countries"), but
    # is never shown as its publisher.
    return "" if document.publisher else documents._voice(document.body, document.title)


# "U.S.-Japan Joint Statement on North Korea": the countries a title names after "on" are what
# the statement is about, not who signs it, when the words before name two signatories or more.
_TITLE_TOPIC = re.compile(r"\s+(?:on|regarding|concerning|about)\s+", re.IGNORECASE)


def _signing_part(title: str) -> str:
    topic = _TITLE_TOPIC.search(title)
    if topic and len(documents.countries_in(title[: topic.start()])) >= 2:
        return title[: topic.start()]
    return title


def extract(document: Document) -> Extraction:
    """Run every extraction step over a document. Reads no rows and writes none."""
    body = document.body
    country = publisher_country(document)
    extraction = Extraction(document=document)

    extraction.officials = list(people_step.find_officials(body, publisher_country=country) or [])
    if document.title and not document.title_inferred:
        extraction.officials += people_step.officials_in_title(
            document.title, extraction.officials, publisher_country=country
        )
    if document.attributed_to:
        extraction.officials += people_step.officials_attributed(
            document.attributed_to, extraction.officials, publisher_country=country
        )
    extraction.dates = list(date_step.find_dates(body, document.published) or [])
    extraction.meetings = list(
        meeting_step.find_meetings(
            body,
            officials=extraction.officials,
            dates=extraction.dates,
            published=document.published,
            publisher_country=country,
            title=document.title,
        )
        or []
    )

    # Who "our countries" and "both delegations" are: the attendees' countries, else everyone's.
    # ("Readout of the President's Call with …" and no publisher: the unnamed President is the
    # White House's, a party to what "the Leaders" agree; read so for commitments only.)
    own = country or commitment_step.readout_principal_country(document.title)
    parties = {o.country for o in extraction.officials if o.attended} | {country}
    if own != country and parties - {""}:
        parties.add(own)
    if len(parties - {""}) < 2:
        parties |= {o.country for o in extraction.officials}
    parties = sorted(parties - {""})
    if document.kind == "joint_statement":
        # "We" of a joint statement is every signatory: those its title names, else everyone's.
        signatories = set(documents.countries_in(_signing_part(document.title)))
        signatories |= {o.country for o in extraction.officials if o.how_found == "document title"}
        signatories.discard("")
        if len(signatories) >= 2:
            parties = sorted(signatories)  # not an official the statement only mentions
    found: list[CommitmentFound] = commitment_step.find_commitments(
        body,
        parties_in_context=parties or None,
        officials=extraction.officials,
        own_country=own,
        joint=document.kind == "joint_statement",
    )
    extraction.commitments = [
        CommitmentItem(
            text=c.text,
            parties=list(c.parties),
            position=c.position,
            topics=list(dict.fromkeys(topic_step.topics_for_sentence(c.text) or [])),
            note=c.note,
        )
        for c in _unique_positions(found or [])
    ]
    quotes: list[QuoteFound] = quote_step.find_quotes(body) or []
    if document.language == "es":  # "—…—dijo la canciller", "afirmó que “…”"
        quotes = spanish.find_quotes(body, quotes)
    extraction.quotes = [
        QuoteItem(
            text=q.text,
            speaker_as_written=q.speaker_as_written,
            position=q.position,
            speaker=_speaker(q.speaker_as_written, extraction.officials),
        )
        for q in _unique_positions(quotes)
    ]
    if document.language == "es":  # "señaló la presidenta": a speaker named by a title
        for item in extraction.quotes:
            item.speaker = item.speaker or spanish.speaker_by_title(
                item.speaker_as_written, extraction.officials, country
            )
    topics = topic_step.find_topics(f"{document.title}\n\n{body}") or []
    for item in extraction.commitments:
        topics = [*topics, *item.topics]
    extraction.topics = list(dict.fromkeys(topics))

    _note_document(extraction)
    return extraction


def _undated_meeting_note(found):
    return f"Meeting without a date: {found.title}."


def _unique_positions(items):
    """Steps may find one thing twice; the database keeps one row per position."""
    seen = set()
    for item in sorted(items, key=lambda i: i.position):
        if item.position not in seen:
            seen.add(item.position)
            yield item


def _speaker(as_written, officials):
    """The document's official a quote attribution names ("Lopez Obrador" -> AMLO), if one."""
    key = fold(as_written).split()
    if not key:
        return None

    def forms(official):
        return [fold(f).split() for f in [official.name, *getattr(official, "variants", [])]]

    exact = [o for o in officials if key in forms(o)]
    # Else the attribution is a run of words of the full name: "Biden", "Lopez Obrador".
    partial = [
        o
        for o in officials
        if any(form[i : i + len(key)] == key for form in forms(o) for i in range(len(form)))
    ]
    for candidates in (exact, partial):
        people = {id(o): o for o in candidates}
        if len(people) == 1:
            return candidates[0]
        if people:
            return None  # two officials fit: resolution in save() decides, or flags it
    return None


_STATED_DATES = (Statement.DateSource.FRONT_MATTER, Statement.DateSource.TEXT)


def _note_document(extraction):
    document = extraction.document
    if document.published is None:
        extraction.note(
            "Date missing: the document states no publication date"
            + (f" ({document.date_note})" if document.date_note else "")
            + "."
        )
    elif document.date_source == Statement.DateSource.INFERRED:
        extraction.note(f"Date inferred: {document.date_note or document.published}.")
    if document.title_inferred:
        extraction.note(f"Title inferred from the text: {document.title!r}.")
    if document.source_url and not safe_source_url(document.source_url):
        extraction.note(f"Source URL dropped, not a web address: {document.source_url[:100]!r}.")
    if not document.publisher:
        extraction.note("Publisher unknown.")
    elif "publisher" not in document.front_matter and not document.source_url:
        extraction.note(f"Publisher inferred from the text: {document.publisher}.")
    if not extraction.officials:
        extraction.note("No officials found.")
    for meeting in extraction.meetings:
        if meeting.start is None:
            extraction.note(_undated_meeting_note(meeting))
        elif meeting.date_inferred and document.date_source not in _STATED_DATES:
            # "Yesterday" counted from a stated publication date is as good as the date.
            extraction.note(
                f"Meeting date inferred: {meeting.title}"
                + (f" ({meeting.note})" if meeting.note else "")
                + "."
            )
    for item in extraction.commitments:
        if item.note:  # a scored proposal: the rules did not find it
            extraction.note(
                f"Commitment at offset {item.position} {item.note}: {item.text[:80]!r}."
            )
    for quote in extraction.quotes:
        # A speaker who is not one of the document's officials is looked up in save().
        if not quote.speaker_as_written:
            extraction.note(f"Quote without a speaker at offset {quote.position}.")


# The one reason of a meeting's first report.
FIRST_ACCOUNT = (
    "the first account of this meeting in the archive (the others were weighed against it)"
)

# --- Saving -------------------------------------------------------------------------------


def lock_archive_writes():
    """Serialize importers' write transactions across processes (PostgreSQL; call inside one).

    Two runs at once would otherwise both miss a statement or an official and both insert it.
    Extraction, the slow part, still runs in parallel; only the saving waits. SQLite needs no
    lock: its write transactions start IMMEDIATE, one at a time.
    """
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK_KEY])


def check_size(path: Path):
    """Refuse a document too big to be a readout, before reading it."""
    limit = getattr(settings, "IMPORT_MAX_DOCUMENT_BYTES", MAX_DOCUMENT_BYTES)
    size = path.stat().st_size
    if size > limit:
        raise DocumentError(f"too large: {_megabytes(size)}, the limit is {_megabytes(limit)}")


def _megabytes(size):
    return f"{size / 2**20:.1f} MB" if size >= 2**20 // 10 else f"{size / 1024:.0f} KB"


def find_existing(document: Document, *, claimed=()) -> tuple[Statement | None, str]:
    """The statement a document already is, and how it was recognised.

    The same file comes first ("file": an edit updates it in place), then the same text under
    another name ("text": a copy, left alone so that importing both never flip-flops), then the
    same source URL ("url": a renamed and edited download). `claimed`: statements another file
    of the same run already is; two files never fight over one statement (by file name or URL).
    """
    lookups = (
        ("file", {"source_file": document.source_file} if document.source_file else None),
        ("text", {"content_hash": document.content_hash}),
        ("url", {"source_url": document.source_url} if document.source_url else None),
    )
    for how, lookup in lookups:
        if lookup:
            # A handful of rows at most; `claimed` may hold a whole run's ids, so not in SQL.
            for statement in Statement.objects.filter(**lookup).order_by("pk")[:20]:
                if how == "text" or statement.pk not in claimed:
                    return statement, how
    return None, ""


def safe_source_url(url: str) -> str:
    """The URL when it is a web address (http or https), else "": pages and the API link to it."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def _statement_values(document, extraction):
    return {
        "title": document.title[:500],
        "body": document.body,
        "publisher": document.publisher[:200],
        "kind": document.kind,
        "language": document.language,
        "source_url": safe_source_url(document.source_url)[:500],
        "source_file": document.source_file[:300],
        "content_hash": document.content_hash,
        "images": list(document.images),
        "date": document.published,
        "date_source": document.date_source,
        "date_inferred": document.date_source == Statement.DateSource.INFERRED,
        "date_note": (document.date_note or "")[:300],
    }


def _is_unchanged(statement, values):
    return all(getattr(statement, name) == value for name, value in values.items())


# Fields a curator may correct by hand; with keep_manual a re-import never undoes that.
_CURATABLE_FIELDS = ("title", "publisher", "kind", "language", "source_url", *_DATE_FIELDS)
# The reason the importer gives its history records, to tell its changes from a person's.
IMPORT_REASON = "import"
RESTORE_REASON = "restore"


def curated_fields(statement) -> set[str]:
    """Fields someone changed by hand since the statement was imported (from its history)."""
    fields = set()
    if statement.date_source == Statement.DateSource.CURATOR:
        fields.update(_DATE_FIELDS)
    history = getattr(statement, "history", None)
    if history is None:
        return fields
    records = list(history.order_by("history_date", "history_id"))
    for previous, record in zip(records, records[1:], strict=False):
        if record.history_change_reason in (IMPORT_REASON, RESTORE_REASON):
            continue
        delta = record.diff_against(previous, included_fields=list(_CURATABLE_FIELDS))
        fields.update(change.field for change in delta.changes)
    if "date" in fields:
        fields.update(_DATE_FIELDS)
    return fields & set(_CURATABLE_FIELDS)


def unchanged_statement(document: Document, *, claimed=(), keep_manual=True):
    """The statement a document already is, when saving it again would change nothing.

    Asked before extracting, so re-importing a folder costs a read and a lookup per file.
    """
    statement, how = find_existing(document, claimed=claimed)
    if statement is None:
        return None
    if how == "text" and statement.source_file != document.source_file:
        return statement  # a copy of a document already imported
    if statement.content_hash != document.content_hash:
        return None
    values = _statement_values(document, None)
    if keep_manual:
        for name in curated_fields(statement):
            values.pop(name, None)
    return statement if _is_unchanged(statement, values) else None


def save(
    extraction: Extraction,
    *,
    status=Statement.Status.PUBLISHED,
    statement: Statement | None = None,
    keep_manual=True,
    force=False,
    claimed=(),
) -> tuple[Statement, str]:
    """Write one document and everything found in it, in one transaction.

    Returns the statement and "created", "updated" or "unchanged". An existing statement (same
    text, same file or same URL) is updated in place: it keeps its slug, and its derived rows
    (officials named, commitments, quotes, meeting links, topics) are rebuilt. With `keep_manual`
    a curator's work survives: fields changed by hand (title, publisher, kind, date, …, read from
    the history), meetings a curator linked, and the status. `status` applies to new statements
    (and to existing ones when `keep_manual` is off). `force` rebuilds even an unchanged one;
    `claimed` (see `find_existing`) is what `import_paths` passes for the files it saved.
    """
    document = extraction.document
    values = _statement_values(document, extraction)
    with transaction.atomic():
        lock_archive_writes()
        how = "given"
        if statement is None:
            statement, how = find_existing(document, claimed=claimed)
        if statement is not None:
            statement = Statement.objects.select_for_update().get(pk=statement.pk)
            if how == "text" and statement.source_file != document.source_file:
                return statement, "unchanged"  # a copy of a document already imported
            if keep_manual:
                for name in curated_fields(statement):
                    values.pop(name, None)
            if not force and _is_unchanged(statement, values):
                return statement, "unchanged"
            twin = (
                Statement.objects.filter(content_hash=document.content_hash)
                .exclude(pk=statement.pk)
                .first()
            )
            if twin is not None:
                raise DocumentError(
                    f"same text as the statement {twin.slug!r}"
                    + (f" ({twin.source_file})" if twin.source_file else "")
                )
            outcome = "updated"
            if not keep_manual:
                statement.status = status
            for name, value in values.items():
                setattr(statement, name, value)
            _clear_derived(statement, keep_manual=keep_manual)
        else:
            outcome = "created"
            statement = Statement(
                slug=unique_slug(Statement, document.title), status=status, **values
            )
        statement.review_notes = list(extraction.review_notes)
        statement.needs_review = extraction.needs_review
        statement._change_reason = IMPORT_REASON
        statement.save()
        statement.__dict__.pop("_change_reason", None)  # a later save by hand is not ours

        _save_derived(statement, extraction, fresh=outcome == "created")
        if outcome == "updated":
            from statements import curation

            if keep_manual:  # the curator's corrections to officials, recorded one by one
                curation.reapply_official_corrections(statement)
            else:
                statement.official_corrections.all().delete()
        if statement.review_notes != extraction.review_notes:
            # Resolution added (or settled) a note. An update, not a save: one history
            # record per import.
            statement.review_notes = list(extraction.review_notes)
            statement.needs_review = extraction.needs_review
            Statement.objects.filter(pk=statement.pk).update(
                review_notes=statement.review_notes, needs_review=statement.needs_review
            )
        statement.refresh_search_names()
        group_statement(statement)
    return statement, outcome


def _clear_derived(statement, *, keep_manual):
    """Delete the rows the importer derived from a statement; return the meetings it reported.

    A meeting only this statement reported goes too (unless a curator edited it): the edited
    text is matched afresh, so a corrected date never stays attached to the old meeting.
    """
    reports = statement.meeting_reports.all()
    if keep_manual:
        reports = reports.exclude(evidence=MeetingReport.Evidence.CURATOR)
    old_meetings = set(reports.values_list("meeting_id", flat=True))
    reports.delete()
    orphans = Meeting.objects.filter(pk__in=old_meetings, reports__isnull=True)
    if keep_manual:
        orphans = orphans.exclude(pk__in=_curated_meetings(old_meetings))
    orphans.delete()
    statement.mentions.all().delete()
    statement.commitments.all().delete()
    statement.quotes.all().delete()
    statement.topics.clear()
    return old_meetings


def _curated_meetings(pks):
    """Meetings a person changed by hand (the history records who; the importer is nobody)."""
    history = getattr(Meeting, "history", None)
    if history is None:
        return []
    return history.filter(id__in=pks, history_user__isnull=False).values("id")


def _save_derived(statement, extraction, *, fresh=False):
    participants = _save_officials(statement, extraction)
    topics = _topics(extraction)
    statement.topics.set(topics[slug] for slug in extraction.topics if slug in topics)
    meetings = _save_meetings(statement, extraction, participants, fresh=fresh)
    primary = meetings[0] if meetings else None
    if primary is None:
        primary = statement.meetings.order_by("start_date", "pk").first()

    commitments = Commitment.objects.bulk_create(
        Commitment(
            statement=statement,
            meeting=primary,
            text=item.text,
            parties=list(item.parties),
            position=item.position,
        )
        for item in extraction.commitments
    )
    Through = Commitment.topics.through
    Through.objects.bulk_create(
        Through(commitment_id=commitment.pk, topic_id=topics[slug].pk)
        for commitment, item in zip(commitments, extraction.commitments, strict=True)
        for slug in dict.fromkeys(item.topics)
        if slug in topics
    )

    quotes = []
    for item in extraction.quotes:
        speaker = participants.get(id(item.speaker)) if item.speaker is not None else None
        if speaker is None and item.speaker_as_written:
            speaker = _resolve_speaker(item, statement)
            if speaker is None:
                extraction.note(f"Quote speaker {item.speaker_as_written!r} could not be resolved.")
        quotes.append(
            Quote(
                statement=statement,
                speaker=speaker,
                speaker_as_written=item.speaker_as_written[:200],
                text=item.text,
                position=item.position,
            )
        )
    Quote.objects.bulk_create(quotes)


def _save_officials(statement, extraction):
    """Resolve every official to one Participant; return {id(mention): participant}."""
    by_mention = {}
    grouped: dict[int, list[OfficialMention]] = {}
    participants: dict[int, Participant] = {}
    for mention in extraction.officials:
        participant, how = resolve_step.resolve_official(mention, create=True)
        if participant is None:
            extraction.note(
                f"Official {mention.name!r} could not be resolved"
                + (f" ({how})" if how else "")
                + "."
            )
            continue
        by_mention[id(mention)] = participant
        participants[participant.pk] = participant
        grouped.setdefault(participant.pk, []).append(mention)

    rows = []
    for pk, mentions in grouped.items():
        participant = participants[pk]
        changed = False
        for mention in mentions:
            changed |= participant.add_title(mention.title)
        if changed:
            participant.save(update_fields=["titles", "updated_at"])
        rows.append(mention_row(statement, participant, mentions))
    StatementParticipant.objects.bulk_create(rows)
    return by_mention


def _resolve_speaker(item, statement):
    """A quote attribution that names no official of the document: ask the archive."""
    mention = OfficialMention(
        name=item.speaker_as_written,
        title="",
        country="",
        attended=False,
        position=item.position,
        how_found="quote attribution",
    )
    participant, _how = resolve_step.resolve_official(mention, create=False)
    return participant


def _topics(extraction):
    """Topic rows for every slug the extraction used, created from the taxonomy as needed."""
    slugs = set(extraction.topics)
    for item in extraction.commitments:
        slugs.update(item.topics)
    if not slugs:
        return {}
    existing = {topic.slug: topic for topic in Topic.objects.filter(slug__in=slugs)}
    missing = slugs - existing.keys()
    if missing:
        specs = taxonomy()
        for slug in sorted(missing):
            name, description = specs.get(slug) or (slug.replace("-", " ").capitalize(), "")
            topic, _ = Topic.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description}
            )
            existing[slug] = topic
    return existing


def taxonomy():
    """{slug: (name, description)} from the topic taxonomy (fixtures/topics.yaml)."""
    return {
        spec.slug: (spec.name or spec.slug, getattr(spec, "description", "") or "")
        for spec in topic_step.load_taxonomy()
    }


def mention_row(statement, participant, mentions):
    """The StatementParticipant for one official's mentions in a document (not saved).

    It keeps the fullest form of the name the document used and the first title it gave.
    """
    first = min(mentions, key=lambda m: m.position)
    name = max(mentions, key=lambda m: (len(m.name.split()), -m.position)).name
    title = next((m.title for m in sorted(mentions, key=lambda m: m.position) if m.title), "")
    return StatementParticipant(
        statement=statement,
        participant=participant,
        name_as_written=name[:200],
        title_as_written=title[:300],
        attended=any(m.attended for m in mentions),
        position=first.position,
    )


def add_attendances(meeting, attendees):
    """Record who attended `meeting` (pairs of participant and title as written).

    Attendees already there keep their row; a title is filled in only where none was known.
    """
    present = {a.participant_id: a for a in meeting.attendances.all()}
    MeetingAttendance.objects.bulk_create(
        MeetingAttendance(
            meeting=meeting,
            participant=participant,
            delegation=participant.country,
            title=title[:300],
        )
        for participant, title in attendees
        if participant.pk not in present
    )
    for participant, title in attendees:
        attendance = present.get(participant.pk)
        if attendance is not None and not attendance.title and title:
            attendance.title = title[:300]
            attendance.save(update_fields=["title"])


def _save_meetings(statement, extraction, participants, *, fresh=False):
    """Link the statement to the meetings it reports: an existing one when the evidence holds.

    Each link keeps its evidence item by item (`MeetingReport.reasons`) and a confidence. A
    statement whose links a curator decided (confirmed, moved or split) keeps exactly those:
    the importer adds none of its own, so an import never undoes a curator's decision.
    """
    if fresh:  # a statement inserted a moment ago: no curator has decided anything yet
        decided, statement._kept_apart = [], set()
    else:
        decided = list(
            statement.meeting_reports.filter(
                evidence=MeetingReport.Evidence.CURATOR
            ).select_related("meeting")
        )
    linked = list(dict.fromkeys(report.meeting for report in decided))
    for found in extraction.meetings:
        if decided and (len(extraction.meetings) == 1 or _decided_covers(decided, found)):
            # The curator decided which meeting this is (confirmed, moved or split it).
            extraction.review_notes = [
                n for n in extraction.review_notes if n != _undated_meeting_note(found)
            ]
            continue
        attendees = _meeting_attendees(found, extraction, participants)
        people = [p for p, _ in attendees]
        titles = {p.pk: title for p, title in attendees if title}
        decision = meeting_step.weigh_meeting(
            found, people, titles=titles, exclude_statement=statement
        )
        meeting, evidence, note = decision.meeting, decision.evidence, decision.note
        if meeting is None:
            # The statement's own report of a meeting nobody else reported: certain, unless
            # an archived meeting came close (then a curator decides: same one, or not).
            meeting = meeting_step.create_meeting(found, attendees)
            evidence, note = MeetingReport.Evidence.STATED, decision.note
            if decision.near_miss is not None:
                evidence = MeetingReport.Evidence.WEAK
                note = (
                    f"maybe the same meeting as {decision.near_miss.title!r}, but too little "
                    "in common to link them: " + "; ".join(r["text"] for r in decision.reasons)
                )[:300]
                extraction.note(f"Meeting kept apart, check it: {meeting.title} ({note}).")
                decision.confidence = 0.5
            else:
                decision.confidence = 1.0
                decision.reasons = [
                    {
                        "kind": "first",
                        "text": FIRST_ACCOUNT,
                        "agrees": True,
                    }
                ]
        elif evidence == MeetingReport.Evidence.WEAK:
            extraction.note(
                f"Meeting linked on weak evidence: {meeting.title}"
                + (f" ({note})" if note else "")
                + "."
            )
        if meeting.start_date is not None and extraction.review_notes:
            # Another statement of the same meeting gave its date: nothing left to check.
            extraction.review_notes = [
                n for n in extraction.review_notes if n != _undated_meeting_note(found)
            ]
        add_attendances(meeting, attendees)
        values = {
            "evidence": evidence or MeetingReport.Evidence.STATED,
            "note": note[:300],
            "reasons": decision.reasons,
            "confidence": decision.confidence,
        }
        report, created = MeetingReport.objects.get_or_create(
            meeting=meeting, statement=statement, defaults=values
        )
        if not created and report.evidence != MeetingReport.Evidence.CURATOR:
            for name, value in values.items():
                setattr(report, name, value)
            report.save(update_fields=list(values))
        if meeting not in linked:
            linked.append(meeting)
    return linked


def _decided_covers(decided, found):
    """Whether one of the meetings a curator linked the statement to is the found one: their
    dates overlap (or one is undated) and their cities do not differ."""
    for report in decided:
        meeting = report.meeting
        dated = found.start is not None and meeting.start_date is not None
        if dated and not meeting_step._overlaps(
            found.start, found.end, meeting.start_date, meeting.end_date, slack=0
        ):
            continue
        if (
            found.city
            and meeting.city
            and meeting_step._key(found.city) != meeting_step._key(meeting.city)
        ):
            continue
        return True
    return False


def _meeting_attendees(found, extraction, participants):
    """(participant, title as written) of each attendee of a found meeting, once each."""
    attendees = []
    for mention in found.attendees:
        participant = participants.get(id(mention)) or _participant_for(
            mention, extraction, participants
        )
        if participant is not None and all(p.pk != participant.pk for p, _ in attendees):
            attendees.append((participant, mention.title))
    return attendees


def _participant_for(mention, extraction, participants):
    """A meeting attendee that is the same person as one of the document's officials."""
    key = fold(mention.name)
    for official in extraction.officials:
        if fold(official.name) == key and id(official) in participants:
            return participants[id(official)]
    return None


# --- Many files ---------------------------------------------------------------------------


def collect_paths(paths: Iterable[str | Path]) -> list[tuple[Path, Path | None]]:
    """(file, root) pairs: files as given, folders walked for importable files."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in IMPORTABLE_SUFFIXES
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)
                ):
                    found.append((child, path))
        elif path.exists():
            found.append((path, path.parent))
        else:
            found.append((path, None))  # named whole in the error, as it was given
    return found


def is_archive_file(path: Path) -> bool:
    """A .json file is read as an export of this archive (`export_archive`), never as text."""
    return path.suffix.lower() == ".json"


def import_paths(
    paths=None,
    *,
    dry_run=False,
    stdout=None,
    stderr=None,
    progress=None,
    force=False,
    verbosity=1,
) -> ImportSummary:
    """Import files and folders; one transaction per document, a bad file never stops the rest.

    `progress`: None shows a bar on stderr for more than a handful of files, False never, True
    always. In a dry run every change is made inside a transaction that is rolled back at the
    end, so what is printed is exactly what an import would do, and nothing is kept.
    """
    from statements.ingest import archive_json

    paths = list(paths or [settings.SEEDS_DIR])
    files = collect_paths(paths)
    summary = ImportSummary(dry_run=dry_run)
    roots = {root for _path, root in files}
    show = progress if progress is not None else verbosity >= 1 and len(files) > PROGRESS_THRESHOLD
    bar = Progress(len(files), stderr) if (show and stderr is not None and files) else None
    out = _Lines(stdout, bar)
    err = _Lines(stderr, bar)
    per_file = dry_run or verbosity >= 2
    for path in map(Path, paths):
        if path.is_dir() and path not in roots:
            suffixes = ", ".join(sorted(IMPORTABLE_SUFFIXES))
            out.line(f"{path}: no documents ({suffixes}) in this folder")

    officials_before = Participant.objects.count()
    meetings_before = Meeting.objects.count()
    statement_ids = []
    claimed = set()

    from statements.search import sync

    with transaction.atomic() if dry_run else nullcontext(), sync.deferred():
        for path, root in files:
            name = _display_name(path, root)
            try:
                if not path.exists():
                    raise DocumentError("no such file or folder")
                if is_archive_file(path):
                    outcomes = archive_json.restore_file(path)
                    for slug, outcome, pk in outcomes:
                        summary.count(outcome, f"{name}#{slug}")
                        statement_ids.append(pk)
                        claimed.add(pk)
                    if per_file:
                        out.line(f"{_verb(dry_run, 'restored')} {name}: {len(outcomes)} statements")
                else:
                    check_size(path)
                    document = documents.read_document(path, root=root)
                    statement = None if force else unchanged_statement(document, claimed=claimed)
                    if statement is not None:
                        extraction, outcome = None, "unchanged"
                    else:
                        extraction = extract(document)
                        statement, outcome = save(extraction, force=force, claimed=claimed)
                    summary.count(outcome, name)
                    statement_ids.append(statement.pk)
                    claimed.add(statement.pk)
                    if per_file:
                        found = f" ({extraction.describe()})" if extraction else ""
                        out.line(
                            f"{_verb(dry_run, outcome)} {name}: {statement.title[:70]!r}{found}"
                        )
                        if outcome != "unchanged":
                            for note in extraction.review_notes:
                                out.line(f"    review: {note}")
            except DocumentError as error:
                summary.failed.append((name, str(error)))
                err.line(f"{name}: {error}")
            except Exception as error:  # a bug in a step must not cost the other files
                reason = f"import failed ({type(error).__name__}: {error})"
                summary.failed.append((name, reason))
                err.line(f"{name}: {reason}")
            if bar:
                bar.step(name)
        if bar:
            bar.close()

        _count_rows(summary, statement_ids)
        summary.new_officials = Participant.objects.count() - officials_before
        summary.new_meetings = Meeting.objects.count() - meetings_before
        if dry_run:
            transaction.set_rollback(True)

    if verbosity >= 1:
        if dry_run:
            out.line("Dry run: nothing was saved.")
        for line in summary.lines():
            out.line(line)
    return summary


def _count_rows(summary, statement_ids, chunk=500):
    """What the imported statements hold, counted a chunk of ids at a time (SQLite's limits)."""
    ids = list(dict.fromkeys(statement_ids))
    officials, meetings = set(), set()
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        officials.update(
            StatementParticipant.objects.filter(statement_id__in=part).values_list(
                "participant_id", flat=True
            )
        )
        meetings.update(
            MeetingReport.objects.filter(statement_id__in=part).values_list("meeting_id", flat=True)
        )
        summary.commitments += Commitment.objects.filter(statement_id__in=part).count()
        summary.quotes += Quote.objects.filter(statement_id__in=part).count()
        summary.needs_review += Statement.objects.filter(pk__in=part, needs_review=True).count()
    summary.officials, summary.meetings = len(officials), len(meetings)


class _Lines:
    """Writes whole lines to a stream (Django's OutputWrapper or any file), clearing a live bar."""

    def __init__(self, stream, bar):
        self.stream = stream
        self.bar = bar

    def line(self, text):
        if self.stream is None:
            return
        if self.bar is not None and self.bar.interactive and self.bar.stream is self.stream:
            text = "\r\x1b[2K" + text
        if hasattr(self.stream, "style_func"):  # OutputWrapper adds the newline itself
            self.stream.write(text)
        else:
            self.stream.write(text + "\n")


def _verb(dry_run, outcome):
    if not dry_run:
        return outcome
    return {
        "created": "would create",
        "updated": "would update",
        "unchanged": "unchanged",
        "restored": "would restore",
    }.get(outcome, outcome)


def _display_name(path, root):
    try:
        return str(path.relative_to(root)) if root else str(path)
    except ValueError:
        return str(path)
