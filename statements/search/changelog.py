"""Reading the search change log (migration `0010_search_changelog`).

Triggers write a row to `statements_search_log` for every statement whose searchable content a
write may have changed, in the write's own transaction. This module reads it for the indexer
(`statements/search/sync.py`):

- `state(position)`: one tiny query (the last seq, the rows after `position`, the database's
  token, how far the log was pruned), run before every search;
- `safe_point()`: the highest seq below which no row can still appear. On SQLite it is simply
  the last seq (one writer at a time: rows commit in seq order). On PostgreSQL a sequence value
  is taken before commit, so a transaction holding seq 9 may commit after one holding seq 10;
  every log-writing transaction first takes a shared advisory lock keyed with the sequence's
  value at that moment, and the reader takes the smallest such key still held;
- `entries(after)`: the rows after a seq, in order;
- `suspend_link_logging()`: for the bulk importer, whose link rows all belong to statements it
  has just inserted (and so logged) in the same transaction.

`ensure_triggers` puts back SQLite triggers that a table rebuild dropped (as
`search.sqlite.ensure_fts_sync` does for its own).
"""

import contextlib
from dataclasses import dataclass

from django.db import connection as default_connection

LOG = "statements_search_log"
ORIGIN = "statements_search_log_origin"
LOCK_SPACE = 1514  # as migration 0010
LINK_TABLES = (
    "statements_statementparticipant",
    "statements_statement_topics",
    "statements_meetingreport",
)

# A copy of migration 0010's SQLite triggers, to restore them.
_LOG = "INSERT INTO statements_search_log (statement_id, op)"
_PUBLISHED = "SELECT 1 FROM statements_statement WHERE id = {} AND status = 'published'"
SQLITE_TRIGGERS = {
    "statements_statement_search_log_i": (
        "AFTER INSERT ON statements_statement WHEN new.status = 'published' "
        f"BEGIN {_LOG} VALUES (new.id, 'u'); END"
    ),
    "statements_statement_search_log_u": (
        "AFTER UPDATE ON statements_statement "
        "WHEN new.status = 'published' OR old.status = 'published' "
        f"BEGIN {_LOG} VALUES (new.id, 'u'); END"
    ),
    "statements_statement_search_log_d": (
        "AFTER DELETE ON statements_statement WHEN old.status = 'published' "
        f"BEGIN {_LOG} VALUES (old.id, 'd'); END"
    ),
    **{
        f"{table}_search_log_{event[0].lower()}": (
            f"AFTER {event} ON {table} "
            f"WHEN EXISTS ({_PUBLISHED.format(row + '.statement_id')}) "
            f"BEGIN {_LOG} VALUES ({row}.statement_id, 'u'); END"
        )
        for table in LINK_TABLES
        for event, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old"))
    },
    **{
        f"{table}_search_log_uo": (
            f"AFTER UPDATE ON {table} WHEN old.statement_id <> new.statement_id "
            f"AND EXISTS ({_PUBLISHED.format('old.statement_id')}) "
            f"BEGIN {_LOG} VALUES (old.statement_id, 'u'); END"
        )
        for table in LINK_TABLES
    },
    "statements_participant_search_log_u": (
        "AFTER UPDATE OF country ON statements_participant WHEN old.country IS NOT new.country "
        f"BEGIN {_LOG} SELECT s.id, 'u' FROM statements_statement s "
        "WHERE s.status = 'published' AND s.id IN (SELECT statement_id "
        "FROM statements_statementparticipant WHERE participant_id = new.id) ORDER BY s.id; END"
    ),
}
LINK_INSERT_TRIGGERS = tuple(f"{table}_search_log_i" for table in LINK_TABLES)


# The last seq handed out (committed or not): a database reset or restored starts lower.
ISSUED = {
    "postgresql": "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END "
    "FROM statements_search_log_seq",
    "sqlite": "SELECT coalesce(max(seq), 0) FROM (SELECT seq FROM sqlite_sequence "
    f"WHERE name = '{LOG}' UNION ALL SELECT max(seq) FROM {LOG})",
}


@dataclass(frozen=True)
class LogState:
    position: int  # the position asked about
    latest: int  # the last seq handed out (0: none yet)
    after: int  # how many rows have a seq above the position
    token: str  # the database's identity (migration 0010)
    pruned_through: int  # rows up to this seq may have been deleted


@dataclass(frozen=True)
class Entry:
    seq: int
    statement_id: int | None
    op: str  # 'u' re-read, 'd' deleted, 'r' rebuild everything


def available(connection=default_connection) -> bool:
    """Whether this database has the log (migrated to 0010)."""
    return LOG in connection.introspection.table_names()


def state(position: int, connection=default_connection) -> LogState:
    """The log as seen now, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ({ISSUED[connection.vendor]}), "
            f"(SELECT count(*) FROM {LOG} WHERE seq > %s), "
            f"token, pruned_through FROM {ORIGIN} WHERE id = 1",
            [position],
        )
        latest, after, token, pruned = cursor.fetchone()
    return LogState(position, latest or 0, after, token, pruned)


def safe_point(issued: int | None = None, connection=default_connection) -> int:
    """No log row with a seq at or below this can still be committed later.

    `issued`: the last seq handed out (`LogState.latest`), if read just before. On SQLite that
    is the answer (one writer at a time). On PostgreSQL the in-flight writers' keys are read
    after it: each writer's seqs are above its key, and a writer that takes its key after
    `issued` was read gets seqs above `issued`. Two statements, in this order.
    """
    if issued is None:
        with connection.cursor() as cursor:
            cursor.execute(ISSUED[connection.vendor])
            issued = cursor.fetchone()[0] or 0
    if connection.vendor != "postgresql":
        return issued
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT min(((classid::bigint << 32) | objid::bigint) - (%s::bigint << 40)) "
            "FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "AND classid::bigint >> 8 = %s",
            [LOCK_SPACE, LOCK_SPACE],
        )
        in_flight = cursor.fetchone()[0]
    return issued if in_flight is None else min(issued, in_flight)


def entries(after: int, limit: int, connection=default_connection) -> list[Entry]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT seq, statement_id, op FROM {LOG} WHERE seq > %s ORDER BY seq LIMIT %s",
            [after, limit],
        )
        return [Entry(seq, statement_id, op.strip()) for seq, statement_id, op in cursor]


def prune(keep: int, connection=default_connection) -> int:
    """Delete all but the last `keep` rows (at least one: the last seq must stay known); an
    index older than what is left gets rebuilt."""
    keep = max(keep, 1)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT seq FROM {LOG} ORDER BY seq DESC LIMIT 1 OFFSET %s", [keep])
        row = cursor.fetchone()
    if row is None:
        return 0
    # Never past the safe point: a rebuild records the safe point as its position.
    through = min(row[0], safe_point(connection=connection))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {LOG} WHERE seq <= %s", [through])
        deleted = cursor.rowcount
        cursor.execute(
            f"UPDATE {ORIGIN} SET pruned_through = %s WHERE id = 1 AND pruned_through < %s",
            [through, through],
        )
    return deleted


@contextlib.contextmanager
def suspend_link_logging(connection=default_connection):
    """Inside a write transaction whose link rows (officials named, topics, reports) all
    belong to statements inserted in it: those inserts log nothing (their statements' own
    INSERT rows already say "re-read"). SQLite drops the triggers (its DDL is transactional:
    no other connection sees them missing); PostgreSQL sets a transaction-local flag."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statements.search_log_links', 'off', true)")
        yield  # an exception rolls the flag back with the transaction
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statements.search_log_links', '', true)")
        return
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        dropped = [name for (name,) in cursor.fetchall() if name in LINK_INSERT_TRIGGERS]
        for name in dropped:
            cursor.execute(f"DROP TRIGGER {name}")  # names from LINK_INSERT_TRIGGERS
    yield  # an exception rolls the drop back with the transaction
    if dropped:
        with connection.cursor() as cursor:
            for name in dropped:
                cursor.execute(f"CREATE TRIGGER {name} {SQLITE_TRIGGERS[name]}")


def drop_triggers_before_migrating(using="default", plan=None, **kwargs):
    """SQLite: drop the log triggers before migrations run (put back by `ensure_triggers`).

    A migration that rebuilds `statements_statement` renames a new table into its place, and
    SQLite refuses the rename while triggers on other tables name the old one; writes made by
    the migrations themselves go unlogged, so `ensure_triggers` asks every index to rebuild."""
    from django.db import connections

    conn = connections[using]
    if not plan or conn.vendor != "sqlite" or not available(conn):
        return
    with conn.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        for (name,) in cursor.fetchall():
            if name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER {name}")  # names from SQLITE_TRIGGERS


def ensure_triggers(using="default", **kwargs):
    """SQLite: recreate log triggers a table rebuild dropped (run after every `migrate`)."""
    from django.db import connections

    conn = connections[using]
    if conn.vendor != "sqlite" or not available(conn):
        return
    with conn.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        present = {name for (name,) in cursor.fetchall()}
        missing = [name for name in SQLITE_TRIGGERS if name not in present]
        for name in missing:
            cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {SQLITE_TRIGGERS[name]}")
        if missing:  # writes in between went unlogged: every index rebuilds
            cursor.execute(f"INSERT INTO {LOG} (statement_id, op) VALUES (NULL, 'r')")
