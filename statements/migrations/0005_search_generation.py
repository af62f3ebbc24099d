"""A search generation: a random number that changes with every write to what search shows.

`statements_search_generation` holds one row; triggers on every table whose rows search reads
(statements, their officials, topics and meetings, and those objects' names) set it to a new
random value on each insert, update or delete (PostgreSQL: once per SQL statement; SQLite: per
row). `statements.search.cache` keys cached counts, facets and rankings by it, so a cached answer
is only ever reused for the very data it was computed from, whatever wrote to the database
(admin, importer, bulk operations, raw SQL). A random value, not a counter: a rolled-back
transaction or a restored backup brings back a value that belongs to that exact data.

The SQL is frozen here; `statements/search/sqlite.py` keeps a copy of the SQLite triggers to put
them back if a later table rebuild drops them.
"""

from django.db import migrations

TABLES = [
    "statements_statement",
    "statements_statementparticipant",
    "statements_statement_topics",
    "statements_meetingreport",
    "statements_participant",
    "statements_topic",
    "statements_meeting",
]
CREATE = (
    "CREATE TABLE IF NOT EXISTS statements_search_generation "
    "(id integer PRIMARY KEY, value bigint NOT NULL)"
)
SEED = "INSERT INTO statements_search_generation (id, value) VALUES (1, 0)"

PG_FORWARD = [
    CREATE,
    SEED,
    """
    CREATE OR REPLACE FUNCTION statements_bump_search_generation() RETURNS trigger AS $$
    BEGIN
        UPDATE statements_search_generation
        SET value = floor(random() * 9007199254740991)::bigint WHERE id = 1;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
] + [
    sql
    for table in TABLES
    for sql in (
        f"CREATE TRIGGER {table}_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
        f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION statements_bump_search_generation()",
    )
]
PG_BACKWARD = [f"DROP TRIGGER IF EXISTS {table}_search_gen ON {table}" for table in TABLES] + [
    "DROP FUNCTION IF EXISTS statements_bump_search_generation()",
    "DROP TABLE IF EXISTS statements_search_generation",
]

_BUMP = "UPDATE statements_search_generation SET value = random() WHERE id = 1;"
SQLITE_FORWARD = [CREATE, SEED] + [
    f"CREATE TRIGGER IF NOT EXISTS {table}_search_gen_{event[0].lower()} AFTER {event} "
    f"ON {table} BEGIN {_BUMP} END"
    for table in TABLES
    for event in ("INSERT", "UPDATE", "DELETE")
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {table}_search_gen_{event}"
    for table in TABLES
    for event in ("i", "u", "d")
] + ["DROP TABLE IF EXISTS statements_search_generation"]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0004_search_fulltext"),
    ]

    operations = [
        migrations.RunPython(
            run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
            elidable=False,
        ),
    ]
