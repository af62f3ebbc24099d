"""Keeping a search index in step with the database: the change log, applied in order.

Every write that changes what search shows leaves a row in the database's change log, in its
own transaction (`changelog`, migration 0010). An index remembers the last seq it applied
(`SearchIndex.position`, written after each index commit), so a crash between a database commit
and the index commit loses nothing: the next `catch_up` applies the rows again (applying is
idempotent: it re-reads the statements). Every host keeps its own index directory fed from the
same log, so hosts scale out with no shared disk; processes sharing a directory (gunicorn
workers) take turns writing (a file lock) and their readers reload when the files change.

PostgreSQL may commit seq 10 before seq 9 (`changelog.safe_point`): rows above the safe point are
applied as they become visible and remembered beside the position (`changelog.json` in the
index directory: the applied seqs above it, and the database's token), so none is skipped and
none applied twice, and an index built from another database is rebuilt rather than patched.

Who calls what:
- the search entry point calls `ensure_fresh()` before each query (one tiny query when current);
- a write through the ORM schedules `catch_up()` for after its commit (`connect_signals`), so
  a curator's publish is in the index right away; the bulk importer feeds the index itself,
  from the rows it writes (`ImportFeed`), and leaves the log applied;
- `manage.py search_index` rebuilds, checks, or follows the log; `/healthz` reports `lag()`.
"""

import contextlib
import fcntl
import json
import logging
import os
import queue
import threading
import time

from django.conf import settings
from django.db import connection, transaction

from statements.search import changelog

logger = logging.getLogger(__name__)

STATE_FILE = "changelog.json"
LOCK_FILE = "sync.lock"
IMPORTING = "importing"  # present while a bulk import feeds the index (`ImportFeed`)
BATCH = 2000  # log rows per index commit
WAIT = 0.3  # how long a search waits for another process that is writing the index
POLL = 0.02
MAX_REMEMBERED = 100_000  # applied seqs kept above the position before giving up on them

_process_lock = threading.RLock()
_loaded: dict[str, tuple] = {}  # index path -> the files' stamps when this process last reloaded
_has_log: dict[str, bool] = {}  # database -> whether it has the change log (migrated)


class _State:
    """Where an index stands: the position, the seqs applied above it, the database token."""

    def __init__(self, position, applied=(), token=None):
        self.position = position
        self.applied = set(applied)
        self.token = token

    @classmethod
    def read(cls, index):
        position = index.position()
        try:
            data = json.loads((index.path / STATE_FILE).read_text())
        except (OSError, ValueError):
            data = {}
        if position is None:
            return cls(None)
        applied = data.get("applied", []) if data.get("position") == position else []
        return cls(position, applied, data.get("token"))

    def write(self, index):
        path = index.path / STATE_FILE
        tmp = index.path / f"{STATE_FILE}.{os.getpid()}.{threading.get_ident()}.tmp"
        body = {"position": self.position, "applied": sorted(self.applied), "token": self.token}
        with open(tmp, "w") as handle:
            json.dump(body, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    def needs(self, log):
        """'rebuild', 'catch_up' or None for this log state."""
        if self.position is None:
            return "rebuild"
        if self.token is not None and self.token != log.token:
            return "rebuild"  # another database (reset or recreated)
        if self.position > log.latest or self.position < log.pruned_through:
            return "rebuild"  # ahead of the log (restored or reset), or behind what is left
        if log.after != len(self.applied):
            return "catch_up"
        return None


def _index(index):
    if index is not None:
        return index
    from statements.search.index import get_index

    return get_index()


def _log_available():
    key = f"{connection.vendor}:{connection.settings_dict.get('NAME')}"
    if not _has_log.get(key):
        _has_log[key] = changelog.available(connection)
    return _has_log[key]


def _may_write():
    """Not inside a transaction of our own: its writes may still roll back, and the index
    would keep them. (A test's transaction is fine: each test has its own index.)"""
    return not any(not block._from_testcase for block in connection.atomic_blocks)


@contextlib.contextmanager
def _writing(index, blocking):
    """One writer per index directory, across threads and processes; yields False if busy."""
    if not _process_lock.acquire(blocking=blocking):
        yield False
        return
    try:
        index.path.mkdir(parents=True, exist_ok=True)
        with open(index.path / LOCK_FILE, "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        _process_lock.release()


def _stamps(index):
    stamps = []
    for name in ("position.json", STATE_FILE):
        try:
            stat = os.stat(index.path / name)
            stamps.append((stat.st_mtime_ns, stat.st_size, stat.st_ino))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def _reload_if_changed(index):
    """Another process committed to this directory: this process's readers move to it."""
    stamps = _stamps(index)
    key = str(index.path)
    if _loaded.get(key) != stamps:
        index.reload()
        _loaded[key] = stamps


def _remember_loaded(index):
    _loaded[str(index.path)] = _stamps(index)


# --- writing the index ------------------------------------------------------------------------


def rebuild(index=None, progress=None) -> int:
    """The whole index again from the database; returns the number of documents."""
    index = _index(index)
    with _writing(index, blocking=True):
        return _rebuild(index, progress=progress)


def _rebuild(index, log=None, progress=None):
    log = log or changelog.state(0)
    position = changelog.safe_point(log.latest)
    # Rows already visible above the safe point (PostgreSQL, writers in flight): the rebuild
    # reads the database after them, so they count as applied.
    applied = set()
    if position < log.latest:
        visible = changelog.entries(position, MAX_REMEMBERED + 1)
        if len(visible) <= MAX_REMEMBERED:
            applied = {entry.seq for entry in visible}
    documents = index.rebuild(position, progress=progress)
    _State(position, applied, log.token).write(index)
    _remember_loaded(index)
    logger.info("search index rebuilt: %s documents at log position %s", documents, position)
    return documents


def catch_up(index=None, blocking=True) -> int:
    """Apply the log rows this index has not applied, in order; return how many.

    Rebuilds instead when the index is unbuilt, was built from another database, or is ahead
    of the log. Does nothing inside a transaction (its writes are not final yet), or, when not
    `blocking`, if another process is writing this index.
    """
    index = _index(index)
    if not _may_write() or not _log_available():
        return 0
    with _writing(index, blocking=blocking) as mine:
        if not mine:
            return 0
        return _catch_up(index)


class _NeedsRebuild(Exception):
    """The log says rebuild (a TRUNCATE, a writer in flight for too long): a `_Sink` cannot."""


class _Sink:
    """Where `_catch_up` puts what it decided: straight into the index, one commit per pass."""

    def __init__(self, index):
        self.index = index

    def apply(self, upserts, deletes, position):
        self.index.apply(upserts, deletes, position)
        _remember_loaded(self.index)

    def record(self, state):
        state.write(self.index)
        _remember_loaded(self.index)

    def rebuild(self, log=None):
        _rebuild(self.index, log)


def _catch_up(index, log=None, state=None, sink=None):
    """`log`: the log's state just read for this index's position, if any (saves a query).
    `state`: where the index stands, if the caller knows better than the file (`ImportFeed`);
    `sink`: where the decisions go (default: applied to the index at once). With a `state`
    whose applied rows are all there is above its position, the pass still runs: it moves the
    position past them (the import's own rows), so the remembered seqs stay few."""
    sink = sink or _Sink(index)
    given = state is not None
    state = state or _State.read(index)
    if log is None or log.position != (state.position or 0):
        log = changelog.state(state.position or 0)
    need = state.needs(log)
    if need == "rebuild":
        sink.rebuild(log)
        return 0
    if need is None and not (given and state.applied):
        return 0
    safe = changelog.safe_point(log.latest)  # every row up to it is visible to what follows
    done = 0
    cursor = state.position
    seen = set()  # every row above the position, read in this pass
    while True:
        rows = changelog.entries(cursor, BATCH)
        if any(row.op == "r" for row in rows):  # a TRUNCATE: nothing to patch
            sink.rebuild()
            return done
        last = len(rows) < BATCH
        fresh = [row for row in rows if row.seq not in state.applied]
        seen |= {row.seq for row in rows}
        if rows:
            cursor = rows[-1].seq
        position = max(state.position, min(safe, cursor))
        # At the end of the log every visible row above the position was read in this pass.
        remembered = seen if last else state.applied | seen
        applied = {seq for seq in remembered if seq > position}
        if len(applied) > MAX_REMEMBERED:  # a writer stuck in flight for very long
            sink.rebuild()
            return done
        if fresh or position != state.position:
            upserts = {row.statement_id for row in fresh if row.op == "u"}
            deletes = {row.statement_id for row in fresh if row.op == "d"}
            sink.apply(upserts, deletes, position)
            done += len(fresh)
        if fresh or position != state.position or applied != state.applied or not state.token:
            state = _State(position, applied, log.token)
            sink.record(state)
        if last:
            return done


# --- before every search ------------------------------------------------------------------


def ensure_fresh(index=None, wait: float = WAIT) -> bool:
    """Make `index` reflect every committed write before a query; True if it does.

    One tiny query when the index is current (plus a reload if another process moved it). When
    it is behind, catch up here, or, if another process is already writing it, wait up to
    `wait` seconds for that process and reload (not while a bulk import holds the writer: it
    commits every few seconds; `ImportFeed`). Inside a transaction of our own nothing is
    written (see `_may_write`). False: the index is unbuilt or must be rebuilt (another process
    is at it); the caller should search the database instead.
    """
    index = _index(index)
    deadline = time.monotonic() + wait
    while True:
        state = _State.read(index)
        # A database error propagates: no answer from an index that cannot be checked.
        log = changelog.state(state.position or 0)
        need = state.needs(log)
        if need is None or not _may_write():
            break
        with _writing(index, blocking=False) as mine:
            if mine:
                _catch_up(index, log)
                need = None  # rows committed since are for the next search
                break
        if time.monotonic() >= deadline or (index.path / IMPORTING).exists():
            break
        time.sleep(POLL)
    _reload_if_changed(index)
    return need != "rebuild"


def lag() -> dict:
    """How far this host's index is behind the log (for /healthz)."""
    index = _index(None)
    state = _State.read(index)
    log = changelog.state(state.position or 0)
    need = state.needs(log)
    behind = log.after - len(state.applied) if state.position is not None else log.latest
    return {
        "applied": state.position,
        "latest": log.latest,
        "behind": behind,
        "state": {None: "current", "catch_up": "behind", "rebuild": "rebuild needed"}[need],
    }


def follow(index=None, interval: float = 0.2, stop=None, on_apply=None):
    """Apply the log as it grows until `stop()` is true (manage.py search_index --follow)."""
    index = _index(index)
    while not (stop and stop()):
        done = catch_up(index)
        if done and on_apply:
            on_apply(done)
        time.sleep(interval)


# --- after every write ------------------------------------------------------------------------


def _after_commit():
    try:
        catch_up(blocking=False)
    except Exception:  # the write is committed; the log has it; the next search catches up
        logger.exception("search index: catching up after a commit failed")


_deferring = threading.local()


@contextlib.contextmanager
def deferred():
    """Writes inside catch up once, at the end, instead of after every commit: an import of
    many documents makes one index commit (≈ 0.2 s each), not one per document. The log holds
    every change meanwhile, so a search in between still sees them (`ensure_fresh`)."""
    depth = getattr(_deferring, "depth", 0)
    _deferring.depth = depth + 1
    try:
        yield
    finally:
        _deferring.depth = depth
        if depth == 0 and getattr(settings, "SEARCH_INDEX_ENABLED", True):
            transaction.on_commit(_after_commit)  # at once outside a transaction


def schedule_catch_up(**kwargs):
    """Once per transaction: catch up right after the commit (nothing on a rollback)."""
    if not getattr(settings, "SEARCH_INDEX_ENABLED", True) or getattr(_deferring, "depth", 0):
        return
    if any(func is _after_commit for _, func, _ in connection.run_on_commit):
        return
    transaction.on_commit(_after_commit)


def connect_signals():
    """ORM writes to what the index holds schedule a catch-up (raw SQL is caught by the next
    search: the triggers logged it)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from statements.models import MeetingReport, Participant, Statement, StatementParticipant

    for model in (Statement, StatementParticipant, MeetingReport, Participant):
        uid = f"search_sync_{model.__name__}"
        post_save.connect(schedule_catch_up, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(schedule_catch_up, sender=model, dispatch_uid=f"{uid}_delete")
    m2m_changed.connect(
        schedule_catch_up, sender=Statement.topics.through, dispatch_uid="search_sync_topics"
    )


# --- the bulk import --------------------------------------------------------------------------

COMMIT_BATCHES = 4  # the bulk import's batches per index commit (2,000 statements)
QUEUED_BATCHES = 2  # batches waiting for the indexing thread: memory stays flat


class ImportFeed:
    """The bulk import feeds the index from the rows it has just written, not from a second
    read of the database: `statements.ingest.bulk.save_many` runs inside one.

    For its whole length the import holds this index's writer (`_writing`, and one Tantivy
    writer kept open across commits). After each batch commits in the database, its statements'
    rows (`index.statement_row`) go to a thread that indexes them (Tantivy indexes on threads
    of its own, and lets Python's run meanwhile), through a bounded queue. Each batch also
    *claims* the change-log rows its statements' INSERT wrote (`claim`, inside the batch's
    transaction, before any link row is written): the rows the documents answer. Every
    `COMMIT_BATCHES` batches and at the end comes a commit point: the log above the index's
    position is read as `catch_up` reads it; claimed rows count as applied, any other row
    (another writer, a document saved one by one, a write later in a batch's own transaction)
    is re-read from the database as usual; then one index commit, after which the position and
    the applied rows are recorded. So the catch-up after an import finds nothing to do, and if
    the import dies half way the index's recorded position is that of its last commit: the
    normal catch-up applies the rest from the log.

    Does nothing (the import runs as before, the log keeps every change) when the index is
    turned off, the database has no log, or inside a transaction of the caller's own.
    """

    def __init__(self, index=None, commit_every=None):
        self.index = index
        self.commit_every = commit_every or COMMIT_BATCHES
        self.active = False
        self.error = None
        self.batches = 0
        self.pending = False  # documents sent since the last commit
        self.moved = False  # the state moved since the last commit
        self.stats = {"commits": 0, "claimed": 0, "reread": 0, "wait_seconds": 0.0}

    # the import's side ------------------------------------------------------------------------

    def __enter__(self):
        if not getattr(settings, "SEARCH_INDEX_ENABLED", True):
            return self
        if not _may_write() or not _log_available():
            return self
        self.index = _index(self.index)
        self._lock = contextlib.ExitStack()
        self._lock.enter_context(_writing(self.index, blocking=True))
        try:
            _catch_up(self.index)  # from where the index stands to now (or a rebuild)
            self.state = _State.read(self.index)
            self.writer = self.index.bulk_writer()
        except Exception:  # the import goes on; the log has it all
            logger.exception("search index: cannot feed the import; the log keeps its changes")
            self._lock.close()
            return self
        self.cursor = self.state.position  # claims look above it
        (self.index.path / IMPORTING).write_text(str(os.getpid()))
        self.queue = queue.Queue(QUEUED_BATCHES)
        self.thread = threading.Thread(target=self._work, name="search-index-feed", daemon=True)
        self.thread.start()
        _deferring.depth = getattr(_deferring, "depth", 0) + 1  # no catch-up after each commit
        self.active = True
        return self

    def claim(self, statements) -> list[int]:
        """Inside the batch's transaction, right after its statements were inserted: the seqs
        of the log rows their INSERT wrote (no other writer can log a statement not yet
        committed). Rows the transaction writes later are not claimed: they get re-read."""
        if not self.active:
            return []
        ids = {statement.pk for statement in statements}
        rows = changelog.entries(self.cursor, len(ids) * 4 + 1000)
        seqs = [row.seq for row in rows if row.statement_id in ids and row.op == "u"]
        if seqs:
            self.cursor = max(seqs)
        return seqs

    def add(self, rows, seqs):
        """After the batch committed: its statements' rows and the log rows they answer."""
        if not self.active or not seqs:
            return
        claimed = set(seqs)
        self.state = _State(self.state.position, self.state.applied | claimed, self.state.token)
        self.stats["claimed"] += len(claimed)
        self._put(("upsert", rows, ()))

    def batch_done(self):
        if not self.active:
            return
        self.batches += 1
        if self.batches % self.commit_every == 0:
            self.commit()

    def commit(self):
        """A commit point: the log's rows not claimed are re-read, then one index commit."""
        if not self._alive():
            return
        try:
            self.stats["reread"] += _catch_up(self.index, state=self.state, sink=_FeedSink(self))
        except _NeedsRebuild:
            self._stop("the change log asks for a rebuild")
            return
        if self.pending or self.moved:  # one index commit, after everything sent before it
            self._record(self.state)

    def __exit__(self, exc_type, exc, tb):
        if not self.active:
            return False
        try:
            try:
                self.commit()
            except Exception:  # what was sent is committed in the database: keep it
                logger.exception("search index: the import's last commit point failed")
                if self._alive() and self.pending:
                    self._record(self.state)
            self.queue.put(None)
            self.thread.join()
            if self.error is None:
                self.writer.close()
            else:
                self.writer.abort()
                logger.error("search index: feeding the import failed: %r", self.error)
                try:  # the writer is gone: the normal catch-up, from the last commit
                    _catch_up(self.index)
                except Exception:
                    logger.exception("search index: catching up after the import failed")
        finally:
            self.active = False
            _deferring.depth -= 1
            (self.index.path / IMPORTING).unlink(missing_ok=True)
            self._lock.close()
            self.index.reload()
            _remember_loaded(self.index)
        return False

    def _alive(self):
        if self.active and self.error is not None:
            self._stop(f"the indexing thread failed: {self.error!r}")
        return self.active and self.error is None

    def _stop(self, why):
        """Feed no more; at the end the normal catch-up applies what the index lacks."""
        logger.warning("search index: no longer fed by the import (%s)", why)
        if self.error is None:
            self.error = RuntimeError(why)

    def _put(self, item):
        if item[0] == "upsert":
            self.pending = True
        started = time.perf_counter()
        self.queue.put(item)  # the thread drains the queue even after a failure
        self.stats["wait_seconds"] += time.perf_counter() - started

    def _record(self, state):
        self.state = state
        self._put(("commit", _State(state.position, state.applied, state.token)))
        self.pending = self.moved = False
        self.stats["commits"] += 1

    # the indexing thread ----------------------------------------------------------------------

    def _work(self):
        while True:
            item = self.queue.get()
            if item is None:
                return
            if self.error is not None:
                continue  # drained, so the import never waits on a dead thread
            try:
                if item[0] == "upsert":
                    self.writer.upsert(item[1], item[2])
                else:
                    state = item[1]
                    self.writer.commit(state.position)
                    state.write(self.index)
            except BaseException as error:
                self.error = error


class _FeedSink:
    """`_catch_up`'s decisions for an `ImportFeed`: rows read here, indexed by its thread."""

    def __init__(self, feed):
        self.feed = feed

    def apply(self, upserts, deletes, position):
        if upserts or deletes:
            from statements.search.index import iter_rows

            rows = list(iter_rows(upserts))
            self.feed._put(("upsert", rows, upserts | deletes))

    def record(self, state):
        self.feed.state = state  # committed once, when the pass is over (`ImportFeed.commit`)
        self.feed.moved = True

    def rebuild(self, log=None):
        raise _NeedsRebuild
