"""The search generation also changes with a curator's correction to an official.

An import re-applies the corrections (OfficialCorrection, 0008_link_evidence) to what pages show,
so the table is covered like every other table of the archive (0007). Same triggers as 0007;
`statements/search/sqlite.py` keeps the SQLite list in GENERATION_TABLES to restore them.
"""

from django.db import migrations

TABLES = ["statements_officialcorrection"]

PG_FORWARD = [
    f"CREATE TRIGGER {table}_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
    f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION statements_bump_search_generation()"
    for table in TABLES
] + [
    # A new generation, as 0007 does.
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
        ("statements", "0010_search_changelog"),
    ]

    operations = [
        migrations.RunPython(
            run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
            elidable=False,
        ),
    ]
