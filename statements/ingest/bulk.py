"""Save many extracted documents at once: the bulk twin of `pipeline.save()`.

`pipeline.save()` writes one document in one transaction with one ORM save per row: a few
hundred queries per document. Here a batch of documents shares its queries: statements (with
their history records), officials named, topics, meetings, commitments and quotes go in a
table at a time, as tuples (`_insert_rows`): `executemany` on SQLite, COPY on PostgreSQL. On
SQLite the search generation moves once per batch instead of once per row
(`_one_generation_bump`). The search change log gets one row per new statement (its links'
rows would only repeat it: `changelog.suspend_link_logging`). The search index is fed from the
rows each batch has just written (`sync.ImportFeed`: built here with `index.statement_row`,
indexed on a thread of its own, committed every few batches with the change-log position it
has reached), so an import keeps the index current as it goes and nothing is read twice.

The rows are the ones `pipeline.save()` would write for the same documents, in the same order,
because every decision is still taken by the pipeline's own steps: resolving an official
(asked once per distinct form in a load), naming a topic, matching a meeting (the pipeline's
`_save_meetings`, one document after another, since matching weighs the reports already
linked). `search_names` is computed as `refresh_search_names()` would right after each
document and filled before the insert, so the database's search (the search vector on
PostgreSQL, FTS5 triggers on SQLite) is current as soon as the batch commits.
tests/bench/test_bench.py checks that both paths write the same rows, search vectors included.

On PostgreSQL a batch's statements go in last: their ids are taken first, the link rows use
them (foreign keys are checked at commit), and meanwhile `VectorWorker` computes their search
vectors on a second connection, so the server's heaviest work per statement runs on the other
core. Only the meeting matcher reads the statements it weighs; before it runs they go in.
And, in the "trust-reports" mode (the matcher never runs), a batch's writes go to `_Writer`,
a thread with a connection of its own that writes batch n while this thread reads, resolves
and builds batch n + 1: the import's Python and its server no longer take turns.

Only new documents take the bulk path. A document already in the archive (same text, file or
URL) is handed to `pipeline.save()`, which knows how to update it without losing a curator's
work; so is every document of a batch that fails, so one bad document never costs the others.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import islice

import psycopg
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from psycopg.adapt import Dumper
from psycopg.pq import Format

from statements.ingest import pipeline
from statements.ingest.pipeline import Extraction
from statements.ingest.resolve import CandidateIndex
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
from statements.search import changelog
from statements.text import fold

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# Reports of the same meeting come close together in a load; older ones are forgotten.
REMEMBERED_REPORTS = 5000
MEETING_MODES = ("match", "by-report", "trust-reports")


@dataclass
class BulkSummary:
    created: int = 0
    one_by_one: int = 0  # existing statements (or a failed batch) saved by `pipeline.save()`
    outcomes: dict[str, int] = field(default_factory=dict)
    failed: list[tuple[str, str]] = field(default_factory=list)
    batch_errors: list[str] = field(default_factory=list)  # why a batch went one by one
    statement_ids: list[int] = field(default_factory=list)
    index: dict = field(default_factory=dict)  # how the search index was fed (`ImportFeed`)
    vectors: int = 0  # PostgreSQL: statements inserted with the vectors `VectorWorker` computed
    vector_wait_seconds: float = 0.0  # how long the import waited for them
    pipelined: bool = False  # PostgreSQL: batches written on a second connection (`_Writer`)
    writer_wait_seconds: float = 0.0  # how long the import waited for that writer

    @property
    def ok(self):
        return not self.failed


def save_many(
    extractions: Iterable[Extraction],
    *,
    batch_size: int = BATCH_SIZE,
    status: str = Statement.Status.PUBLISHED,
    on_batch: Callable[[int], None] | None = None,
    keep_ids: bool = False,
    meetings: str = "match",
) -> BulkSummary:
    """Save every extraction; return what happened. Reads the iterable one batch at a time.

    `on_batch(n)` is called after each batch with the number of documents done so far (the
    benchmark samples memory there). `keep_ids` collects the ids of the statements written.

    `meetings`: "match" (default) links each report of a meeting with the pipeline's own
    `_save_meetings`, exactly as a per-document import. "by-report" is for loading large
    corpora: a report identical to one already linked in this load (same dates, place, kind,
    title and attendees) goes to the same meeting without matching again, and a report that no
    archived meeting can match (nothing on overlapping dates with the same city, venue or two
    shared attendees, no undated meeting with two shared attendees) creates its meeting
    without running the matcher; everything else is matched as usual. The rows are the same
    except the note on the repeated reports (empty, where the matcher explains its match).
    "trust-reports" never runs the matcher: each distinct report is a meeting of its own (with
    its identical repeats). Only for corpora whose meetings are known to be distinct, such as
    the benchmark's generated one: the matcher would otherwise join two meetings that share a
    city and overlapping dates.
    """
    if meetings not in MEETING_MODES:
        raise ValueError(f"meetings must be one of {MEETING_MODES}, not {meetings!r}")
    from statements.search.sync import ImportFeed

    summary = BulkSummary()
    iterator = iter(extractions)
    done = 0
    vectors = VectorWorker() if connection.vendor == "postgresql" else None
    closing = contextlib.closing(vectors) if vectors is not None else contextlib.nullcontext()
    with ImportFeed() as feed, closing, contextlib.ExitStack() as stack:
        loader = _BulkLoader(
            status=status,
            meetings=meetings,
            feed=feed,
            vectors=vectors,
            summary=summary,
            on_batch=on_batch,
            keep_ids=keep_ids,
        )
        if _pipelined(meetings):
            loader.writer = stack.enter_context(contextlib.closing(_Writer(loader.committed)))
            summary.pipelined = True
        while batch := list(islice(iterator, batch_size)):
            done += len(batch)
            loader.save_batch(batch, done)
        loader.settle()  # every batch written (or saved one by one), in order
    summary.index = dict(feed.stats, fed=feed.error is None and feed.batches > 0)
    if vectors is not None:
        summary.vector_wait_seconds = vectors.waited
    if loader.writer is not None:
        summary.writer_wait_seconds = loader.writer.waited
    return summary


# Write each batch on a second connection while the next one is decided and built
# (`_Writer`); False runs every batch start to end on the import's own connection.
PIPELINE = True


def _pipelined(meetings):
    """PostgreSQL, in the meeting mode that never reads the batch's own rows back (the matcher
    reads the statements and meetings it weighs), outside a transaction of the caller's (the
    writer's connection would not see it)."""
    return (
        PIPELINE
        and connection.vendor == "postgresql"
        and meetings == "trust-reports"
        and not connection.in_atomic_block
    )


class VectorWorker:
    """PostgreSQL: computes a batch's search vectors on a connection of its own, while the
    import's connection writes the rest of the batch (officials named, meetings, commitments,
    quotes); the statements go in last, their vectors with them.

    The weighted `to_tsvector` of title, names and body is half the server's work per
    statement (docs/PERFORMANCE.md); computed inside the import's own COPY it ran while the
    import waited. Here the other core runs it. Same function as the table's trigger
    (`statement_search_vector`, migration 0015), so the vector is the one the trigger would
    store. If the worker fails, the trigger computes the vectors as for any other write.
    """

    QUERY = (
        "SELECT statement_search_vector(t, n, b, l) "
        "FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[]) "
        "WITH ORDINALITY AS u(t, n, b, l, i) ORDER BY i"
    )

    def __init__(self):
        from concurrent.futures import ThreadPoolExecutor

        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-vectors")
        self.waited = 0.0  # seconds the import waited for a batch's vectors
        self.params = connection.get_connection_params()
        self.conn = None

    def submit(self, statements):
        texts = [
            [s.title for s in statements],
            [s.search_names for s in statements],
            [s.body for s in statements],
            [s.language for s in statements],
        ]
        return self.executor.submit(self._compute, texts)

    def _compute(self, texts):
        if self.conn is None:
            self.conn = connection.get_new_connection(self.params)
            self.conn.autocommit = True
            self.conn.cursor_factory = psycopg.Cursor  # Django's client-side ones read text
        # In PostgreSQL's binary form, which the COPY hands back as it is: parsing the text
        # form cost the import's backend ≈ a fifth of what computing the vector costs.
        with self.conn.cursor(binary=True) as cursor:
            cursor.execute(self.QUERY, texts)
            return [row[0] for row in cursor.fetchall()]

    def result(self, future):
        """The vectors, or None (the trigger computes them) if the worker failed."""
        started = time.perf_counter()
        try:
            return future.result()
        except Exception:
            logger.warning(
                "search vectors: the worker failed; the trigger computes them", exc_info=True
            )
            return None
        finally:
            self.waited += time.perf_counter() - started

    def close(self):
        self.executor.shutdown(wait=True)
        if self.conn is not None:
            self.conn.close()
            self.conn = None


@dataclass(eq=False)
class _Job:
    """One batch: what the import's thread decided and built, and the writes that store it."""

    new: list[Extraction]  # the documents the rows are for (saved one by one if they fail)
    done: int = 0  # documents read so far, this batch included (for `on_batch`)
    ops: list = field(default_factory=list)  # (function, args): the batch's writes, in order
    statements: list[Statement] = field(default_factory=list)
    rows: list | None = None  # what the search index holds for them (`_index_rows`)
    keys: set = field(default_factory=set)  # content hashes, files and URLs (`_split_new`)
    slugs: dict = field(default_factory=dict)  # model -> slugs this batch gives
    finish: bool = True  # the writer ends the batch (no document left to save one by one)
    seqs: list[int] = field(default_factory=list)  # change-log rows claimed (by the writes)
    vectored: int = 0


class _AfterCommit(Exception):
    """What failed after a batch committed (`on_batch`, the index feed): the import stops, as
    it would with one connection, and the error is raised again in the import's thread."""

    def __init__(self, error):
        super().__init__(repr(error))
        self.error = error


class _Writer:
    """PostgreSQL: writes each batch (COPY of statements, officials named, meetings, reports,
    commitments, quotes; the statements' claim on the change log) in a transaction of its own,
    on a thread with its own connection, while the import's thread reads, decides and builds
    the next batch.

    With one connection the import's Python and its server took turns: the thread waited for
    every reply, the server for every next query (docs/PERFORMANCE.md). Here the two run on
    the two cores at once. At most two batches are in flight (one being written, one queued):
    memory stays flat, and the import's thread knows what they hold (their slugs, their
    documents' keys) without reading it from the database.

    The import's thread commits its decisions (officials and aliases created, titles, topics)
    before it hands the batch over, so the writer's rows find them (foreign keys are checked
    at commit). A batch that fails to write is rolled back and reported with the batches
    queued behind it, which are not written (`drain`): the import saves its documents one by
    one and builds the others again, in order.
    """

    QUEUED = 1

    def __init__(self, committed):
        self.committed = committed  # called on the thread after each batch commits
        self.queue = queue.Queue(self.QUEUED)
        self.lock = threading.Condition()
        self.pending = 0  # batches submitted and not yet written (or discarded)
        self.failure: tuple[_Job, BaseException] | None = None
        self.discarded: list[_Job] = []  # queued behind a failure, not written
        self.waited = 0.0  # seconds the import's thread waited for the writer
        self.thread = threading.Thread(target=self._work, name="bulk-writer", daemon=True)
        self.thread.start()

    @property
    def failed(self):
        return self.failure is not None

    def submit(self, job):
        with self.lock:
            self.pending += 1
        started = time.perf_counter()
        self.queue.put(job)  # waits while a batch is queued already
        self.waited += time.perf_counter() - started

    def drain(self):
        """Wait until every batch submitted is written; (failure or None, jobs discarded)."""
        started = time.perf_counter()
        with self.lock:
            while self.pending:
                self.lock.wait()
            failure, discarded = self.failure, self.discarded
            self.failure, self.discarded = None, []
        self.waited += time.perf_counter() - started
        return failure, discarded

    def close(self):
        self.queue.put(None)
        self.thread.join()

    def _work(self):
        try:
            while (job := self.queue.get()) is not None:
                try:
                    if self.failure is None:
                        self._write(job)
                    else:
                        self.discarded.append(job)
                finally:
                    with self.lock:
                        self.pending -= 1
                        self.lock.notify_all()
        finally:
            connection.close()  # this thread's own

    def _write(self, job):
        try:
            with transaction.atomic(), changelog.suspend_link_logging():
                for function, args in job.ops:
                    function(*args)
        except Exception as error:  # rolled back
            self.failure = (job, error)
            return
        job.ops = []  # memory: the rows are in
        try:
            self.committed(job)
        except BaseException as error:
            self.failure = (job, _AfterCommit(error))


class _BulkLoader:
    """Remembers, for one load, what the pipeline's steps answered, so each is asked once."""

    def __init__(
        self,
        *,
        status,
        meetings="match",
        feed=None,
        vectors=None,
        summary=None,
        on_batch=None,
        keep_ids=False,
    ):
        self.status = status
        self.meeting_mode = meetings
        self.feed = feed
        self.vectors = vectors
        self.summary = summary if summary is not None else BulkSummary()
        self.on_batch = on_batch
        self.keep_ids = keep_ids
        self.writer: _Writer | None = None  # PostgreSQL: batches written beside (`_Writer`)
        self.ops: list | None = None  # while a batch is built for the writer: its writes
        self.reset()

    def reset(self):
        """Forget everything: after a rollback, remembered rows may no longer exist."""
        self.officials: dict[tuple, tuple[Participant | None, str]] = {}
        self.speakers: dict[str, Participant] = {}
        self.topics: dict[str, Topic] = {}
        self.people: dict[int, tuple[str, list[str]]] = {}
        self.slug_next: dict[tuple, int] = {}  # (model, base slug) -> next number to try
        self.slugs_checked: dict[tuple, bool] = {}  # (model, base slug) -> taken (this batch)
        self.batch_slugs: dict[type, set[str]] = {}  # slugs given in this batch, not in yet
        self.slug_probes: dict[tuple, bool] = {}  # (model, "base-n") -> taken (this batch)
        self.reports: dict[tuple, Meeting] = {}  # identical report -> meeting ("by-report")
        # (id(meeting), statement id) -> the meeting (its id may come with the flush)
        self.pending_reports: dict[tuple[int, int], Meeting] = {}
        self.pending_meetings: list[tuple[Meeting, list[tuple[Participant, str]]]] = []
        # PostgreSQL: this batch's statements (ids reserved) and their search vectors, being
        # computed on the worker's connection, until `_insert_statements`.
        self.pending_statements: tuple[list[Statement], object] | None = None
        self.job: _Job | None = None  # the batch being built
        self.in_flight: deque[_Job] = deque(maxlen=_Writer.QUEUED + 1)  # handed to the writer
        # Officials' names in memory for the resolver (rolled-back aliases must go too).
        self.names = CandidateIndex()

    # --- One batch -------------------------------------------------------------------------

    def save_batch(self, batch: list[Extraction], done: int = 0, finish: bool = True):
        """Save a batch; `done`: documents read so far, this batch included (`on_batch`, called
        when the batch is over unless `finish` is False)."""
        if self.writer is not None and self.writer.failed:
            self.settle()  # redo what it could not write before building on it
        new, one_by_one = self._split_new(batch)
        job = None
        if new:
            try:
                if self.writer is not None:
                    # The decisions commit here; the writer's rows find them at its commit.
                    with transaction.atomic(), self.names.active():
                        job = self._build(new)
                else:
                    with (
                        transaction.atomic(),
                        self.names.active(),
                        _one_generation_bump(),
                        changelog.suspend_link_logging(),
                    ):
                        job = self._build(new)
                    self.committed(job, finish=False)
            except Exception as error:  # rolled back; each document gets its own chance
                self.settle()  # what the writer holds is written first (or redone)
                self.summary.batch_errors.append(f"{type(error).__name__}: {error}")
                self.reset()
                job = None
                one_by_one = new + one_by_one
        if job is not None and self.writer is not None:
            job.done, job.finish = done, finish and not one_by_one
            self.in_flight.append(job)
            self.writer.submit(job)
            if not one_by_one:
                return
        if self.writer is not None:
            self.settle()  # `pipeline.save()` reads what earlier batches wrote
        for extraction in one_by_one:
            self._save_one(extraction)
        if finish:
            self._finish(done)

    def committed(self, job, finish=True):
        """After a batch committed (on the writer's thread when there is one)."""
        summary = self.summary
        summary.vectors += job.vectored
        if self.feed is not None:  # committed: the search index may have them
            self.feed.add(job.rows or [], job.seqs)
        summary.created += len(job.statements)
        if self.keep_ids:
            summary.statement_ids.extend(s.pk for s in job.statements)
        if finish:
            self._finish(job.done)

    def _finish(self, done):
        if self.feed is not None:
            self.feed.batch_done()
        if self.on_batch is not None:
            self.on_batch(done)

    def settle(self):
        """Wait for the writer to write every batch handed to it. A batch it could not write
        costs only its failing documents: its documents are saved one by one, then the batches
        queued behind it are built again, in order. An error after a commit (`on_batch`, the
        index feed) is raised here, as the single connection's import raises it."""
        if self.writer is None:
            return
        failure, discarded = self.writer.drain()
        self.in_flight.clear()
        if failure is None:
            return
        job, error = failure
        if isinstance(error, _AfterCommit):
            raise error.error
        self.summary.batch_errors.append(f"{type(error).__name__}: {error}")
        self.reset()
        for extraction in job.new:
            self._save_one(extraction)
        if job.finish:
            self._finish(job.done)
        for later in discarded:
            self.save_batch(later.new, later.done, finish=later.finish)

    def _save_one(self, extraction):
        summary, keep_ids = self.summary, self.keep_ids
        name = extraction.document.source_file or extraction.document.title
        try:
            statement, outcome = pipeline.save(extraction, status=self.status)
        except Exception as error:  # a bad document must not cost the others
            summary.failed.append((name, f"{type(error).__name__}: {error}"))
            return
        summary.one_by_one += 1
        summary.outcomes[outcome] = summary.outcomes.get(outcome, 0) + 1
        if keep_ids:
            summary.statement_ids.append(statement.pk)

    def _split_new(self, batch):
        """(new documents, documents the archive already holds or that repeat one in the batch)."""
        documents = [e.document for e in batch]
        hashes = {d.content_hash for d in documents}
        files = {d.source_file for d in documents if d.source_file}
        urls = {d.source_url for d in documents if d.source_url}
        known_hashes = set(
            Statement.objects.filter(content_hash__in=hashes).values_list("content_hash", flat=True)
        )
        known_files = set(
            Statement.objects.filter(source_file__in=files).values_list("source_file", flat=True)
        )
        known_urls = set(
            Statement.objects.filter(source_url__in=urls).values_list("source_url", flat=True)
        )
        new, existing = [], []
        seen = set().union(*(job.keys for job in self.in_flight))  # not committed yet
        for extraction in batch:
            d = extraction.document
            keys = {("h", d.content_hash), ("f", d.source_file), ("u", d.source_url)}
            keys -= {("f", ""), ("u", "")}
            if (
                d.content_hash in known_hashes
                or d.source_file in known_files
                or d.source_url in known_urls
                or keys & seen
            ):
                existing.append(extraction)
            else:
                new.append(extraction)
            seen |= keys
        return new, existing

    def _do(self, function, *args):
        """One of the batch's writes: now, or, when a writer writes the batch, recorded for it."""
        if self.ops is None:
            return function(*args)
        self.ops.append((function, args))
        return None

    def _build(self, batch: list[Extraction]) -> _Job:
        """Decide and build the batch; its writes are done (one connection) or recorded in the
        job (`self.writer`: the writer does them, after the decisions commit)."""
        job = self.job = _Job(new=batch)
        self.ops = job.ops if self.writer is not None else None
        try:
            self._write(batch, job)
        finally:
            self.ops = None
        return job

    def _write(self, batch: list[Extraction], job: _Job):
        topics = self._topics(batch)
        resolved = self._resolve_officials(batch)
        # Earlier batches' slugs are in the database now, but for those still being written.
        inherited = {
            model: set().union(*(j.slugs.get(model, ()) for j in self.in_flight))
            for model in (Statement, Meeting)
        }
        self.batch_slugs = {model: set(slugs) for model, slugs in inherited.items()}
        self.slug_probes = {}
        slugs = self._slugs(Statement, [e.document.title for e in batch])
        self._check_meeting_slugs(batch)

        statements = []
        for extraction, (_, _, names), slug in zip(batch, resolved, slugs, strict=True):
            values = pipeline._statement_values(extraction.document, extraction)
            statement = Statement(slug=slug, status=self.status, **values)
            statement.set_own_listing_date()  # the undated take their meeting's, below
            statement.search_names = _search_names(extraction, names, topics)
            statement.review_notes = list(extraction.review_notes)
            statement.needs_review = extraction.needs_review
            statements.append(statement)
        job.statements = statements
        if self.vectors is not None:
            # The ids now, the rows once their vectors are back (link rows may go in first:
            # PostgreSQL checks foreign keys at commit).
            _reserve_ids(Statement, statements)
            self.pending_statements = (statements, self.vectors.submit(statements))
        else:
            self._insert_statements(statements)

        mentions, statement_topics = [], []
        for extraction, (_, groups, _), statement in zip(batch, resolved, statements, strict=True):
            mentions.extend(_mentions(statement, groups))
            for slug in dict.fromkeys(extraction.topics):
                if slug in topics:
                    statement_topics.append((statement.pk, topics[slug].pk))
        self._do(_insert, StatementParticipant, mentions)
        self._do(
            _insert_rows, Statement.topics.through, ["statement_id", "topic_id"], statement_topics
        )

        commitments, commitment_topics, quotes, linked = [], [], [], []
        for extraction, (participants, _, _), statement in zip(
            batch, resolved, statements, strict=True
        ):
            # Matching a meeting weighs the evidence of the statements already linked to it,
            # one document after another: the pipeline's own code, in document order.
            if self.meeting_mode != "match":
                meetings = self._save_meetings_by_report(statement, extraction, participants)
            else:
                self._insert_statements()  # the matcher reads the statements it weighs
                meetings = pipeline._save_meetings(statement, extraction, participants, fresh=True)
            linked.append(meetings)
            primary = meetings[0] if meetings else None  # its id may come with the flush
            for item in extraction.commitments:
                commitments.append((statement.pk, primary, item))
                commitment_topics.append(
                    (
                        (statement.pk, item.position),
                        [topics[s].pk for s in dict.fromkeys(item.topics) if s in topics],
                    )
                )
            for item in extraction.quotes:
                speaker = participants.get(id(item.speaker)) if item.speaker is not None else None
                if speaker is None and item.speaker_as_written:
                    speaker = self._speaker(item, statement)
                    if speaker is None:
                        extraction.note(
                            f"Quote speaker {item.speaker_as_written!r} could not be resolved."
                        )
                quotes.append(
                    (
                        statement.pk,
                        speaker.pk if speaker is not None else None,
                        item.speaker_as_written[:200],
                        item.text,
                        item.position,
                    )
                )
        self._flush_meetings()
        self._flush_reports()
        parties = Commitment._meta.get_field("parties")
        commitment_rows = [
            (
                statement_pk,
                primary.pk if primary is not None else None,
                item.text,
                parties.get_db_prep_save(list(item.parties), connection),
                item.position,
            )
            for statement_pk, primary, item in commitments
        ]
        columns = ["statement_id", "meeting_id", "text", "parties", "position"]
        if self.ops is not None and any(ids for _, ids in commitment_topics):
            # Their ids now, from the sequence: the topics' rows go in with them.
            ids = _next_ids(Commitment, len(commitment_rows))
            self._do(
                _insert_rows,
                Commitment,
                ["id", *columns],
                [(i, *row) for i, row in zip(ids, commitment_rows, strict=True)],
            )
            pks = {key: i for (key, _), i in zip(commitment_topics, ids, strict=True)}
            self._do(
                _insert_rows,
                Commitment.topics.through,
                ["commitment_id", "topic_id"],
                [(pks[key], t) for key, topic_ids in commitment_topics for t in topic_ids],
            )
            commitment_topics = []
        else:
            self._do(_insert_rows, Commitment, columns, commitment_rows)
        if any(ids for _, ids in commitment_topics):
            # No ordering: the model's joins the statements, which may not be in yet.
            inserted = (
                Commitment.objects.filter(statement_id__in=[s.pk for s in statements])
                .order_by()
                .values_list("statement_id", "position", "pk")
            )
            pks = {(statement_id, position): pk for statement_id, position, pk in inserted}
            _insert_rows(
                Commitment.topics.through,
                ["commitment_id", "topic_id"],
                [(pks[key], t) for key, ids in commitment_topics for t in ids],
            )
        self._do(
            _insert_rows,
            Quote,
            ["statement_id", "speaker_id", "speaker_as_written", "text", "position"],
            quotes,
        )
        rows = None
        if self.pending_statements is not None:  # still to insert: with their final notes
            for extraction, statement in zip(batch, statements, strict=True):
                statement.review_notes = list(extraction.review_notes)
                statement.needs_review = extraction.needs_review
            if self.feed is not None and self.feed.active:  # while the vectors are computed
                rows = _index_rows(statements, resolved, linked, statement_topics)
            self._insert_statements()
        undated = [statement.pk for statement in statements if statement.date is None]
        if undated:
            self._do(_refresh_listing_dates, undated)

        # Meetings and quotes may add review notes after the statements were inserted.
        changed = []
        for extraction, statement in zip(batch, statements, strict=True):
            if statement.review_notes != extraction.review_notes:
                statement.review_notes = list(extraction.review_notes)
                statement.needs_review = extraction.needs_review
                changed.append(statement)
        if changed:
            self._do(Statement.objects.bulk_update, changed, ["review_notes", "needs_review"])
        if not (self.feed is not None and self.feed.active) or (self.ops is None and not job.seqs):
            rows = []  # nothing claimed (drafts, no index): nothing to feed
        elif rows is None:
            rows = _index_rows(statements, resolved, linked, statement_topics)
        job.rows = rows
        job.keys = {
            key
            for e in batch
            for key in (
                ("h", e.document.content_hash),
                ("f", e.document.source_file),
                ("u", e.document.source_url),
            )
            if key not in (("f", ""), ("u", ""))
        }
        job.slugs = {
            model: self.batch_slugs.get(model, set()) - inherited[model] for model in inherited
        }

    def _insert_statements(self, statements=None):
        """Insert the batch's statements (with their history records) if they are not in yet,
        and claim the change-log rows their INSERT wrote: what the index rows built at the end
        of the batch answer."""
        future = None
        if statements is None:
            if self.pending_statements is None:
                return
            statements, future = self.pending_statements
            self.pending_statements = None
        self._do(self._store_statements, self.job, statements, future)

    def _store_statements(self, job, statements, future):
        vectors = (lambda: self.vectors.result(future)) if future is not None else None
        job.vectored = _create(Statement, statements, vectors=vectors)
        job.seqs = self.feed.claim(statements) if self.feed is not None else []

    # --- What the pipeline's steps decide, asked once per load --------------------------------

    def _resolve_officials(self, batch):
        """Per extraction: ({id(mention): participant}, {participant: [mentions]}, names).

        The resolver is asked once per distinct mention in the load (for a form it has seen,
        it answers with the participant it recorded that form on). `names` is what
        `refresh_search_names()` would read right after this document in a per-document
        import: each official's name and aliases as they are at that point of the load.
        """
        answers = []
        for extraction in batch:
            pks = []
            for mention in extraction.officials:
                key = (mention.name, mention.title, mention.country, mention.how_found)
                if key not in self.officials:
                    participant, how = pipeline.resolve_step.resolve_official(mention, create=True)
                    self.officials[key] = (participant.pk if participant else None, how)
                    self._forget_renamed()
                pk, how = self.officials[key]
                if pk is None:
                    extraction.note(
                        f"Official {mention.name!r} could not be resolved"
                        + (f" ({how})" if how else "")
                        + "."
                    )
                pks.append(pk)
            first_seen = {}
            for mention, pk in zip(extraction.officials, pks, strict=True):
                if pk is not None:
                    first_seen[pk] = min(first_seen.get(pk, mention.position), mention.position)
            names = []
            for pk in sorted(first_seen, key=first_seen.get):  # stable: ties keep pk order
                name, aliases = self._person(pk)
                names.extend(pipeline.resolve_step.search_forms(name, aliases))
            answers.append((pks, names))

        fresh = Participant.objects.in_bulk({pk for pks, _ in answers for pk in pks if pk})
        resolved, retitled = [], {}
        for extraction, (pks, names) in zip(batch, answers, strict=True):
            by_mention, grouped = {}, {}
            for mention, pk in zip(extraction.officials, pks, strict=True):
                if pk is None:
                    continue
                by_mention[id(mention)] = fresh[pk]
                grouped.setdefault(fresh[pk], []).append(mention)
            for participant, mentions in grouped.items():
                for mention in mentions:
                    if participant.add_title(mention.title):
                        retitled[participant.pk] = participant
            resolved.append((by_mention, grouped, names))
        if retitled:  # one UPDATE (and history record) per official, not one per document
            now = timezone.now()
            for participant in retitled.values():
                participant.updated_at = now
            _update_with_history(Participant, list(retitled.values()), ["titles", "updated_at"])
        return resolved

    def _forget_renamed(self):
        """Forget the names of officials whose name or aliases the resolver just changed."""
        for pk in self.names.renamed:
            self.people.pop(pk, None)
        self.names.renamed.clear()

    def _person(self, pk):
        """(name, aliases) of a participant as the database has them now, remembered."""
        if pk not in self.people:
            self.names.refresh()  # what others wrote since the batch began
            known = self.names.people.get(pk)
            aliases = self.names.aliases.get(pk, ())
            if known is not None and len(aliases) <= 1:  # no order to ask the database for
                self.people[pk] = (known[0], list(aliases))
                return self.people[pk]
            name = Participant.objects.values_list("name", flat=True).get(pk=pk)
            aliases = list(
                ParticipantAlias.objects.filter(participant_id=pk)
                .order_by(*ParticipantAlias._meta.ordering)
                .values_list("name", flat=True)
            )
            self.people[pk] = (name, aliases)
        return self.people[pk]

    def _speaker(self, item, statement):
        key = fold(item.speaker_as_written)
        if key not in self.speakers:
            speaker = pipeline._resolve_speaker(item, statement)
            self._forget_renamed()  # resolving may have recorded a new alias
            if speaker is None:
                return None  # not remembered: a later document may bring this official
            self.speakers[key] = speaker
        return self.speakers[key]

    def _topics(self, batch) -> dict[str, Topic]:
        """Topic rows for every slug the batch uses, created by the pipeline's own rule."""
        slugs = set()
        for extraction in batch:
            slugs.update(extraction.topics)
            for item in extraction.commitments:
                slugs.update(item.topics)
        missing = slugs - self.topics.keys()
        if missing:
            self.topics.update(pipeline._topics(Extraction(document=None, topics=sorted(missing))))
        return self.topics

    def _save_meetings_by_report(self, statement, extraction, participants):
        """`pipeline._save_meetings`, without the matcher where its answer is already known."""
        linked = []
        for found in extraction.meetings:
            attendees = []
            for mention in found.attendees:
                participant = participants.get(id(mention)) or pipeline._participant_for(
                    mention, extraction, participants
                )
                if participant is not None and all(p.pk != participant.pk for p, _ in attendees):
                    attendees.append((participant, mention.title))
            key = (
                found.start,
                found.end,
                found.city,
                found.venue,
                found.kind,
                found.title,
                tuple(found.countries),
                tuple(p.pk for p, _ in attendees),
            )
            meeting = self.reports.get(key)
            trusted = self.meeting_mode == "trust-reports"
            if meeting is None and (
                trusted or not self._could_match(found, [p for p, _ in attendees])
            ):
                meeting = self._new_meeting(found, attendees)
            if meeting is None:  # the matcher decides, as in a per-document import
                self.slugs_checked = {}  # it may create meetings: their slugs are taken
                self.slug_probes = {}
                self._insert_statements()  # it reads the statements it weighs
                self._flush_meetings()  # it weighs the meetings and reports already written
                self._flush_reports()
                single = copy.copy(extraction)
                single.meetings = [found]
                meetings = pipeline._save_meetings(statement, single, participants, fresh=True)
                extraction.review_notes = single.review_notes
                if meetings:
                    self.reports[key] = meetings[0]
                linked.extend(m for m in meetings if m not in linked)
                continue
            # Created above, or the same report again (same attendees: nothing to add).
            self.reports[key] = meeting
            if len(self.reports) > REMEMBERED_REPORTS:  # memory stays flat on a long load
                del self.reports[next(iter(self.reports))]
            if meeting.start_date is not None and extraction.review_notes:
                undated = pipeline._undated_meeting_note(found)
                extraction.review_notes = [n for n in extraction.review_notes if n != undated]
            self.pending_reports[(id(meeting), statement.pk)] = meeting
            if meeting not in linked:
                linked.append(meeting)
        return linked

    def _new_meeting(self, found, attendees):
        """What `meetings.create_meeting` would save, held back to be inserted with the batch."""
        meeting = pipeline.meeting_step.unsaved_meeting(
            found, lambda title: self._slugs(Meeting, [title])[0]
        )
        self.pending_meetings.append((meeting, attendees))
        return meeting

    def _flush_meetings(self):
        """Insert the meetings held back (with their history records), then their attendees."""
        if not self.pending_meetings:
            return
        meetings = [meeting for meeting, _ in self.pending_meetings]
        if self.ops is not None:  # their ids now: reports and commitments name them
            _reserve_ids(Meeting, meetings)
        self._do(_create, Meeting, meetings)
        self._do(
            _insert_rows,
            MeetingAttendance,
            ["meeting_id", "participant_id", "delegation", "title"],
            [
                (meeting.pk, participant.pk, participant.country, (title or "")[:300])
                for meeting, attendees in self.pending_meetings
                for participant, title in attendees
            ],
        )
        self.pending_meetings = []

    def _flush_reports(self):
        if self.pending_reports:
            stated = MeetingReport.Evidence.STATED.value
            # The statement's own report of a meeting (as `pipeline._save_meetings` words it).
            reasons = MeetingReport._meta.get_field("reasons").get_db_prep_save(
                [{"kind": "first", "text": FIRST_ACCOUNT, "agrees": True}], connection
            )
            self._do(
                _insert_rows,
                MeetingReport,
                ["meeting_id", "statement_id", "evidence", "note", "reasons", "confidence"],
                [
                    (meeting.pk, statement_pk, stated, "", reasons, 1.0)
                    for (_, statement_pk), meeting in self.pending_reports.items()
                ],
            )
            self.pending_reports = {}

    def _could_match(self, found, people):
        """False only when `match_meeting` is sure to find nothing (so it need not run)."""
        if found.start is None:
            return True
        self._flush_meetings()
        key = pipeline.meeting_step._key
        pks = {p.pk for p in people}
        start, end = found.start, found.end or found.start
        low, high = start - timedelta(days=1), end + timedelta(days=1)
        overlapping = Meeting.objects.filter(
            Q(start_date__lte=high)
            & (Q(end_date__gte=low) | Q(end_date__isnull=True, start_date__gte=low))
        ).prefetch_related("attendances")
        for meeting in overlapping:
            shared = {a.participant_id for a in meeting.attendances.all()} & pks
            if (
                len(shared) >= 2
                or (found.city and key(found.city) == key(meeting.city))
                or (found.venue and key(found.venue) == key(meeting.venue))
            ):
                return True
        return (
            MeetingAttendance.objects.filter(
                meeting__start_date__isnull=True, participant_id__in=pks
            )
            .values("meeting")
            .annotate(n=Count("pk"))
            .filter(n__gte=2)
            .exists()
        )

    def _check_meeting_slugs(self, batch):
        """Which slugs the batch's new meetings would want are taken, in one query."""
        titles = [
            found.title or pipeline.meeting_step.meeting_title(found)
            for extraction in batch
            for found in extraction.meetings
        ]
        bases = [slug_base(title) for title in titles]
        taken = set(Meeting.objects.filter(slug__in=set(bases)).values_list("slug", flat=True))
        self.slugs_checked = {(Meeting, base): base in taken for base in bases}
        self._probe_numbered(Meeting, bases, taken)

    def _slugs(self, model, titles) -> list[str]:
        """The slugs `unique_slug` would give, one after another, in a few queries per batch.

        Slugs given earlier in the batch count as taken, though their rows are not in yet. Only
        bases that clashed are remembered across batches (memory stays flat on a long load).
        """
        bases = [slug_base(t) for t in titles]
        if all((model, base) in self.slugs_checked for base in bases):
            taken = {base for base in bases if self.slugs_checked[model, base]}
        else:
            taken = set(model.objects.filter(slug__in=set(bases)).values_list("slug", flat=True))
        self._probe_numbered(model, bases, taken)
        slugs, used = [], self.batch_slugs.setdefault(model, set())
        for base in bases:
            if base not in taken and base not in used and (model, base) not in self.slug_next:
                slug = base
            else:
                slug = self._next_free(model, base, used)
            used.add(slug)
            slugs.append(slug)
        return slugs

    def _probe_numbered(self, model, bases, taken, step=20):
        """Ask, in one query, which "base-n" slugs `_next_free` will try are taken: for each
        base that will need a number (taken, numbered before, or repeated in `bases`)."""
        counts = {}
        for base in bases:
            counts[base] = counts.get(base, 0) + 1
        candidates = []
        for base, count in counts.items():
            if base in taken or count > 1 or (model, base) in self.slug_next:
                n = self.slug_next.get((model, base), 2)
                candidates += [f"{base}-{k}" for k in range(n, n + step + count)]
        candidates = [c for c in candidates if (model, c) not in self.slug_probes]
        for start in range(0, len(candidates), 900):  # SQLite: at most 999 parameters
            chunk = candidates[start : start + 900]
            found = set(model.objects.filter(slug__in=chunk).values_list("slug", flat=True))
            self.slug_probes.update({(model, c): c in found for c in chunk})

    def _next_free(self, model, base, used, step=20):
        n = self.slug_next.get((model, base), 2)
        while True:
            candidates = [f"{base}-{k}" for k in range(n, n + step)]
            if all((model, c) in self.slug_probes for c in candidates):
                taken = {c for c in candidates if self.slug_probes[model, c]}
            else:
                taken = set(
                    model.objects.filter(slug__in=candidates).values_list("slug", flat=True)
                )
            for k, slug in enumerate(candidates, start=n):
                if slug not in taken and slug not in used:
                    self.slug_next[(model, base)] = k + 1
                    return slug
            n += step


def _index_rows(statements, resolved, linked, statement_topics):
    """What the search index holds for each statement, as `index.iter_rows` would read it."""
    from statements.search.index import statement_row

    topic_ids = {}
    for statement_pk, topic_pk in statement_topics:
        topic_ids.setdefault(statement_pk, []).append(topic_pk)
    return [
        statement_row(
            statement,
            [(participant.pk, participant.country) for participant in groups],
            topic_ids.get(statement.pk, ()),
            [meeting.pk for meeting in meetings],
        )
        for statement, (_, groups, _), meetings in zip(statements, resolved, linked, strict=True)
    ]


def _one_generation_bump():
    """SQLite: the search generation moves once per batch, not once per inserted row
    (`search.sqlite.one_generation_bump`). PostgreSQL's triggers fire once per statement."""
    if connection.vendor != "sqlite":
        return contextlib.nullcontext()
    from statements.search.sqlite import one_generation_bump

    return one_generation_bump(connection)


FIRST_ACCOUNT = pipeline.FIRST_ACCOUNT


def _mentions(statement, grouped):
    """StatementParticipant rows, as `pipeline._save_officials` builds them."""
    return [
        pipeline.mention_row(statement, participant, mentions)
        for participant, mentions in grouped.items()
    ]


def _search_names(extraction, names, topics):
    """What `Statement.refresh_search_names()` stores: officials' names and aliases, topics."""
    return search_names_text(
        names, [topics[s] for s in dict.fromkeys(extraction.topics) if s in topics]
    )


def _insert(model, objects):
    """INSERT rows whose primary keys nobody needs back: one `executemany` (SQLite) or one
    COPY (PostgreSQL).

    `bulk_create` compiles every value of every row through the ORM's SQL compiler: most of a
    bulk load's time for link rows (officials named, topics, reports, attendances, quotes).
    Values still go through each field's own `pre_save` and `get_db_prep_save`.
    """
    if not objects:
        return
    fields = _insertable(model)
    _insert_rows(model, [f.attname for f in fields], _values(fields, objects))


def _insert_rows(model, attnames, rows):
    """INSERT tuples already in the database's form (values a field's `get_db_prep_save`
    would give), one column per attname; the other columns take their database default.
    No model instances: building them costs more than the insert for link rows."""
    if not rows:
        return
    by_attname = {f.attname: f for f in model._meta.concrete_fields}
    fields = [by_attname[name] for name in attnames]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":  # executemany is a C loop over one prepared statement
            head, placeholders = _insert_sql(model, fields)
            cursor.executemany(f"{head} VALUES {placeholders}", rows)
        else:
            _copy(cursor, model, fields, rows)


def _copy(cursor, model, fields, rows):
    """PostgreSQL: COPY the rows in (psycopg 3). No SQL text to build and parse for each row;
    statement-level triggers (the search generation) fire once, as for one INSERT."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    with cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _create(model, objects, *, vectors=None):
    """INSERT rows and give each object its primary key, as `bulk_create` does, with the
    creation records django-simple-history keeps for tracked models (`bulk_history_create`'s
    rows, inserted by `_insert`). Values are built as `_insert` builds them.

    `vectors` (PostgreSQL, statements): a callable giving each row's `search_vector` in
    PostgreSQL's binary form (`VectorWorker`'s), or None; the history records go in first,
    while they are computed. Without them the table's trigger computes each vector during the
    COPY. Returns how many rows went in with the vectors given.
    """
    if not objects:
        return 0
    fields = _insertable(model)
    rows = _values(fields, objects)
    history = hasattr(model, "history") and getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    given = 0
    if connection.vendor == "postgresql":
        if vectors is not None:
            if any(obj.pk is None for obj in objects):
                _reserve_ids(model, objects)
            if history:
                _insert_history(model, fields, rows, objects)
                history = False
            vectors = vectors()
            given = len(objects) if vectors is not None else 0
        _copy_with_ids(model, fields, rows, objects, vectors)
    else:
        _insert_returning(model, fields, rows, objects)
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias
    if history:
        _insert_history(model, fields, rows, objects)
    return given


def _reserve_ids(model, objects):
    """PostgreSQL: give the objects ids from the table's sequence, before their rows go in."""
    pk = model._meta.pk
    for obj, pk_value in zip(objects, _next_ids(model, len(objects)), strict=True):
        setattr(obj, pk.attname, pk_value)


def _next_ids(model, count):
    """PostgreSQL: `count` ids from the table's sequence, in order."""
    if not count:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _refresh_listing_dates(pks):
    """The undated statements take their meeting's date (`refresh_listing_dates`)."""
    Statement.objects.filter(pk__in=pks).refresh_listing_dates()


def _copy_with_ids(model, fields, rows, objects, vectors=None):
    """PostgreSQL: ids taken from the table's sequence up front (unless reserved already),
    then the rows COPYed in, with their search vectors when given."""
    pk = model._meta.pk
    if any(getattr(obj, pk.attname) is None for obj in objects):
        _reserve_ids(model, objects)
    ids = [getattr(obj, pk.attname) for obj in objects]
    rows = [(i, *row) for i, row in zip(ids, rows, strict=True)]
    with connection.cursor() as cursor:
        if vectors is None:
            _copy(cursor, model, [pk, *fields], rows)
            return
        rows = [(*row, vector) for row, vector in zip(rows, vectors, strict=True)]
        _copy_binary(cursor, model, [pk.column, *(f.column for f in fields), "search_vector"], rows)


class _VectorDumper(Dumper):
    """A search vector already in PostgreSQL's binary form (`VectorWorker`'s), as it is."""

    format = Format.BINARY
    oid = 3614  # tsvector

    def dump(self, obj):
        return obj


_COLUMN_TYPES: dict[str, dict[str, int]] = {}


def _copy_binary(cursor, model, columns, rows):
    """PostgreSQL: COPY in the binary format, each column dumped as the table's type."""
    table = model._meta.db_table
    if table not in _COLUMN_TYPES:
        cursor.execute(
            "SELECT attname, atttypid FROM pg_attribute WHERE attrelid = %s::regclass "
            "AND attnum > 0 AND NOT attisdropped",
            [table],
        )
        _COLUMN_TYPES[table] = dict(cursor.fetchall())
    types = [_COLUMN_TYPES[table][column] for column in columns]
    raw = cursor.cursor
    raw.adapters.register_dumper(None, _VectorDumper)  # this cursor's (a copy of the connection's)
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with raw.copy(f"COPY {quote(table)} ({names}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(types)
        for row in rows:
            copy.write_row(row)


def _insert_returning(model, fields, rows, objects):
    """Many-row INSERT … RETURNING the ids, which SQLite (≥ 3.35) gives back in the order of
    the VALUES, as `bulk_create` relies on."""
    head, placeholders = _insert_sql(model, fields)
    pk = model._meta.pk
    returning = f" RETURNING {connection.ops.quote_name(pk.column)}"
    limit = connection.features.max_query_params or 60000
    per_statement = max(1, min(1000, limit // len(fields)))
    ids = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            values = ", ".join([placeholders] * len(chunk))
            cursor.execute(f"{head} VALUES {values}{returning}", [v for row in chunk for v in row])
            ids.extend(row[0] for row in cursor.fetchall())
    if len(ids) != len(objects):
        raise RuntimeError(f"{model.__name__}: {len(objects)} rows inserted, {len(ids)} ids")
    for obj, pk_value in zip(objects, ids, strict=True):
        setattr(obj, pk.attname, pk_value)


def _insert_history(model, fields, rows, objects):
    """simple_history's `bulk_history_create` rows ("+", no user, the object's change reason),
    made from the rows just inserted: the tracked columns hold the same prepared values."""
    from simple_history.utils import get_change_reason_from_object

    history = model.history.model
    at = {f.attname: i for i, f in enumerate(fields)}
    pk = model._meta.pk.attname
    tracked = [f.attname for f in history.tracked_fields]
    columns = [*tracked, "history_date", "history_change_reason", "history_type", "history_user_id"]
    relation = hasattr(history, "history_relation")
    if relation:
        columns.append("history_relation_id")
    date_field = history._meta.get_field("history_date")
    now = date_field.get_db_prep_save(timezone.now(), connection)
    history_rows = []
    for obj, row in zip(objects, rows, strict=True):
        user = getattr(obj, "_history_user", history.get_default_history_user(obj))
        values = [obj.pk if name == pk else row[at[name]] for name in tracked]
        values += [
            date_field.get_db_prep_save(obj._history_date, connection)
            if hasattr(obj, "_history_date")
            else now,
            get_change_reason_from_object(obj) or None,
            "+",
            user.pk if user is not None else None,
        ]
        if relation:
            values.append(obj.pk)
        history_rows.append(tuple(values))
    _insert_rows(history, columns, history_rows)


def _insertable(model):
    """The columns an INSERT fills: not the primary key, not a generated column."""
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and not getattr(f, "generated", False)
    ]


def _insert_sql(model, fields):
    """(`INSERT INTO table (columns)`, `(%s, …)`) for these fields."""
    quote = connection.ops.quote_name
    head = "INSERT INTO {} ({})".format(
        quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    )
    return head, "({})".format(", ".join(["%s"] * len(fields)))


def _values(fields, objects):
    """Each object's row, as tuples: plain values as they are, the rest prepared by the field."""
    plain = [_is_plain(f) for f in fields]
    relations = [f for f in fields if f.is_relation]
    rows = []
    for obj in objects:
        if any(getattr(obj, f.attname) is None for f in relations):
            # Takes the ids of related rows inserted after this object was built (meetings).
            obj._prepare_related_fields_for_save(operation_name="bulk_create")
        rows.append(
            tuple(
                getattr(obj, f.attname)
                if is_plain
                else f.get_db_prep_save(f.pre_save(obj, True), connection)
                for f, is_plain in zip(fields, plain, strict=True)
            )
        )
    return rows


# Columns whose Python value is already what the database driver takes.
_PLAIN_TYPES = {
    "AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField",
    "IntegerField", "PositiveIntegerField", "PositiveSmallIntegerField", "SlugField",
    "SmallIntegerField", "TextField",
}  # fmt: skip


def _is_plain(field):
    target = field.target_field if field.is_relation else field
    plain = target.get_internal_type() in _PLAIN_TYPES
    return plain and not getattr(field, "auto_now", False) and not field.choices


def _update_with_history(model, objects, fields):
    """bulk_update, with the change records django-simple-history keeps for tracked models."""
    if hasattr(model, "history"):
        from simple_history.utils import bulk_update_with_history

        return bulk_update_with_history(objects, model, fields)
    return model.objects.bulk_update(objects, fields)
