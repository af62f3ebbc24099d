"""The search generation also changes with every table a public page reads.

0005 covered what search reads. Whole pages are now cached by the generation too
(`statements/page_cache.py`), and they also show commitments (and their topics), quotes, meeting
attendances, officials' aliases, and follow merge records to redirect a merged official's or
meeting's old address: a write to any of them must give a new generation, or a cached page would
go on showing the old row. Same triggers as 0005 (the PostgreSQL function is 0006's);
`statements/search/sqlite.py` keeps the SQLite list in GENERATION_TABLES to restore them.
"""

from django.db import migrations

TABLES = [
    "statements_commitment",
    "statements_commitment_topics",
    "statements_quote",
    "statements_meetingattendance",
    "statements_participantalias",
    "statements_mergerecord",
]

PG_FORWARD = [
    f"CREATE TRIGGER {table}_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
    f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION statements_bump_search_generation()"
    for table in TABLES
] + [
    # Pages cached before this migration may lack its tables' changes: a new generation.
    "INSERT INTO statements_search_change AS change (txid) VALUES (txid_current()) "
    "ON CONFLICT (txid) DO UPDATE SET writes = change.writes + 1"
]
PG_BACKWARD = [f"DROP TRIGGER IF EXISTS {table}_search_gen ON {table}" for table in TABLES]

_BUMP = "UPDATE statements_search_generation SET value = random() WHERE id = 1;"
SQLITE_FORWARD = [
    f"CREATE TRIGGER IF NOT EXISTS {table}_search_gen_{event[0].lower()} AFTER {event} "
    f"ON {table} BEGIN {_BUMP} END"
    for table in TABLES
    for event in ("INSERT", "UPDATE", "DELETE")
] + [_BUMP]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {table}_search_gen_{event}"
    for table in TABLES
    for event in ("i", "u", "d")
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0006_search_generation_no_shared_lock"),
    ]

    operations = [
        migrations.RunPython(
            run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
            elidable=False,
        ),
    ]
