"""The search change log: which statements changed, in order, written by the writes themselves.

`statements_search_log` (seq, statement_id, op) gets a row, in the same transaction, for every
statement whose searchable content may have changed: the statement itself (insert, update,
delete of a published one, or of one that was published before the write), its officials named,
its topics, its meetings' reports, and an official's country (a facet). Triggers write it, so
every writer is covered: the importer (also its COPY and executemany paths), the admin, merges,
raw SQL. `op` is 'u' (re-read this statement), 'd' (it was deleted) or 'r' (a TRUNCATE: rebuild
everything). The search index (`statements/search/sync.py`) applies the log in order and
records the last seq it applied; each host's index replica reads the same log.

`statements_search_log_origin` holds a random token made with the database: an index built
from another database (a reset or recreated one) is rebuilt rather than patched.

PostgreSQL hands out sequence values before commit, so a reader can see seq 10 committed while
seq 9 is still in flight. Writers are not serialised for that; instead each write transaction,
before its first log row, takes a *shared* advisory lock whose key carries the sequence's value
at that moment (all its seqs are above it). A reader reads the sequence, then the smallest key
held in pg_locks: no seq below both can still appear (`changelog.safe_point`). SQLite has one
writer at a time: its seqs commit in order.

The SQL is frozen here; `statements/search/changelog.py` keeps a copy of the SQLite triggers to
put them back if a later table rebuild drops them.
"""

from django.db import migrations

LINK_TABLES = [
    "statements_statementparticipant",
    "statements_statement_topics",
    "statements_meetingreport",
]
# Advisory lock keys: LOCK_SPACE << 40 | the sequence's value (pg_locks shows key >> 32 as
# classid, the low 32 bits as objid).
LOCK_SPACE = 1514

PG_FORWARD = (
    [
        "CREATE SEQUENCE statements_search_log_seq CACHE 1",
        """
    CREATE TABLE statements_search_log (
        seq bigint PRIMARY KEY DEFAULT nextval('statements_search_log_seq'),
        statement_id bigint,
        op char(1) NOT NULL DEFAULT 'u'
    )
    """,
        "ALTER SEQUENCE statements_search_log_seq OWNED BY statements_search_log.seq",
        """
    CREATE TABLE statements_search_log_origin (
        id integer PRIMARY KEY,
        token varchar(32) NOT NULL,
        pruned_through bigint NOT NULL DEFAULT 0
    )
    """,
        "INSERT INTO statements_search_log_origin (id, token) "
        "VALUES (1, md5(random()::text || clock_timestamp()::text))",
        f"""
    CREATE FUNCTION statements_search_log_register() RETURNS void AS $$
    DECLARE
        me text := pg_current_xact_id()::text;
        below bigint;
    BEGIN
        IF current_setting('statements.search_log_xact', true) IS DISTINCT FROM me THEN
            SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END INTO below
            FROM statements_search_log_seq;
            PERFORM pg_advisory_xact_lock_shared(({LOCK_SPACE}::bigint << 40) | below);
            PERFORM set_config('statements.search_log_xact', me, true);
        END IF;
    END
    $$ LANGUAGE plpgsql
    """,
        # The statements themselves: published before or after the write.
        """
    CREATE FUNCTION statements_search_log_statement() RETURNS trigger AS $$
    BEGIN
        PERFORM statements_search_log_register();
        IF TG_OP = 'TRUNCATE' THEN
            INSERT INTO statements_search_log (statement_id, op) VALUES (NULL, 'r');
        ELSIF TG_OP = 'INSERT' THEN
            INSERT INTO statements_search_log (statement_id, op)
            SELECT id, 'u' FROM new_rows WHERE status = 'published' ORDER BY id;
        ELSIF TG_OP = 'UPDATE' THEN
            INSERT INTO statements_search_log (statement_id, op)
            SELECT id, 'u' FROM (
                SELECT id FROM new_rows WHERE status = 'published'
                UNION SELECT id FROM old_rows WHERE status = 'published'
            ) changed ORDER BY id;
        ELSE
            INSERT INTO statements_search_log (statement_id, op)
            SELECT id, 'd' FROM old_rows WHERE status = 'published' ORDER BY id;
        END IF;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
        # Officials named, topics, meeting reports: the published statements they belong to. The
        # bulk importer turns inserts off for a batch whose links all belong to statements it
        # inserted (and so logged) in the same transaction.
        """
    CREATE FUNCTION statements_search_log_link() RETURNS trigger AS $$
    BEGIN
        PERFORM statements_search_log_register();
        IF TG_OP = 'TRUNCATE' THEN
            INSERT INTO statements_search_log (statement_id, op) VALUES (NULL, 'r');
        ELSIF TG_OP = 'INSERT' THEN
            IF current_setting('statements.search_log_links', true) = 'off' THEN
                RETURN NULL;
            END IF;
            INSERT INTO statements_search_log (statement_id, op)
            SELECT s.id, 'u' FROM statements_statement s
            WHERE s.status = 'published' AND s.id IN (SELECT statement_id FROM new_rows)
            ORDER BY s.id;
        ELSIF TG_OP = 'UPDATE' THEN
            INSERT INTO statements_search_log (statement_id, op)
            SELECT s.id, 'u' FROM statements_statement s
            WHERE s.status = 'published' AND s.id IN (
                SELECT statement_id FROM new_rows UNION SELECT statement_id FROM old_rows
            )
            ORDER BY s.id;
        ELSE
            INSERT INTO statements_search_log (statement_id, op)
            SELECT s.id, 'u' FROM statements_statement s
            WHERE s.status = 'published' AND s.id IN (SELECT statement_id FROM old_rows)
            ORDER BY s.id;
        END IF;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
        # An official's country is a facet value of every statement naming them.
        """
    CREATE FUNCTION statements_search_log_participant() RETURNS trigger AS $$
    BEGIN
        IF EXISTS (
            SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n.country IS DISTINCT FROM o.country
        ) THEN
            PERFORM statements_search_log_register();
            INSERT INTO statements_search_log (statement_id, op)
            SELECT s.id, 'u' FROM statements_statement s
            WHERE s.status = 'published' AND s.id IN (
                SELECT m.statement_id FROM statements_statementparticipant m
                JOIN new_rows n ON n.id = m.participant_id
                JOIN old_rows o ON o.id = n.id
                WHERE n.country IS DISTINCT FROM o.country
            )
            ORDER BY s.id;
        END IF;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    ]
    + [
        sql
        for table, function in [
            ("statements_statement", "statements_search_log_statement"),
            *[(table, "statements_search_log_link") for table in LINK_TABLES],
        ]
        for sql in (
            f"CREATE TRIGGER {table}_search_log_i AFTER INSERT ON {table} "
            f"REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
            f"CREATE TRIGGER {table}_search_log_u AFTER UPDATE ON {table} "
            "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
            f"CREATE TRIGGER {table}_search_log_d AFTER DELETE ON {table} "
            f"REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
            f"CREATE TRIGGER {table}_search_log_t AFTER TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
        )
    ]
    + [
        "CREATE TRIGGER statements_participant_search_log_u AFTER UPDATE ON statements_participant "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION statements_search_log_participant()",
    ]
)
PG_BACKWARD = [
    "DROP TABLE IF EXISTS statements_search_log CASCADE",
    "DROP TABLE IF EXISTS statements_search_log_origin",
    "DROP FUNCTION IF EXISTS statements_search_log_statement() CASCADE",
    "DROP FUNCTION IF EXISTS statements_search_log_link() CASCADE",
    "DROP FUNCTION IF EXISTS statements_search_log_participant() CASCADE",
    "DROP FUNCTION IF EXISTS statements_search_log_register()",
]

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
SQLITE_FORWARD = [
    "CREATE TABLE statements_search_log ("
    "seq integer PRIMARY KEY AUTOINCREMENT, statement_id bigint, "
    "op varchar(1) NOT NULL DEFAULT 'u')",
    "CREATE TABLE statements_search_log_origin ("
    "id integer PRIMARY KEY, token varchar(32) NOT NULL, "
    "pruned_through bigint NOT NULL DEFAULT 0)",
    "INSERT INTO statements_search_log_origin (id, token) VALUES (1, lower(hex(randomblob(16))))",
] + [f"CREATE TRIGGER {name} {body}" for name, body in SQLITE_TRIGGERS.items()]
SQLITE_BACKWARD = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS] + [
    "DROP TABLE IF EXISTS statements_search_log",
    "DROP TABLE IF EXISTS statements_search_log_origin",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0009_listing_date"),
    ]

    operations = [
        migrations.RunPython(
            run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
            elidable=False,
        ),
    ]
