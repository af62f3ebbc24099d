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
  a curator's publish is in the index right away; the bulk importer calls it after each batch;
- `manage.py search_index` rebuilds, checks, or follows the log; `/healthz` reports `lag()`.
"""

import contextlib
import fcntl
import json
import logging
import os
import threading
import time

from django.conf import settings
from django.db import connection, transaction

from statements.search import changelog

logger = logging.getLogger(__name__)

STATE_FILE = "changelog.json"
LOCK_FILE = "sync.lock"
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


def _catch_up(index, log=None):
    """`log`: the log's state just read for this index's position, if any (saves a query)."""
    state = _State.read(index)
    if log is None or log.position != (state.position or 0):
        log = changelog.state(state.position or 0)
    need = state.needs(log)
    if need == "rebuild":
        _rebuild(index, log)
        return 0
    if need is None:
        return 0
    safe = changelog.safe_point(log.latest)  # every row up to it is visible to what follows
    done = 0
    cursor = state.position
    seen = set()  # every row above the position, read in this pass
    while True:
        rows = changelog.entries(cursor, BATCH)
        if any(row.op == "r" for row in rows):  # a TRUNCATE: nothing to patch
            _rebuild(index)
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
            _rebuild(index)
            return done
        if fresh or position != state.position:
            upserts = {row.statement_id for row in fresh if row.op == "u"}
            deletes = {row.statement_id for row in fresh if row.op == "d"}
            index.apply(upserts, deletes, position)
            _remember_loaded(index)
            done += len(fresh)
        if fresh or position != state.position or applied != state.applied or not state.token:
            state = _State(position, applied, log.token)
            state.write(index)
            _remember_loaded(index)
        if last:
            return done


# --- before every search ------------------------------------------------------------------


def ensure_fresh(index=None, wait: float = WAIT) -> bool:
    """Make `index` reflect every committed write before a query; True if it does.

    One tiny query when the index is current (plus a reload if another process moved it). When
    it is behind, catch up here, or, if another process is already writing it, wait up to
    `wait` seconds for that process and reload. Inside a transaction of our own nothing is
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
        if time.monotonic() >= deadline:
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
