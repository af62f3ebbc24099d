"""PostgreSQL: no shared row lock for the search generation.

0005 had every write transaction update one shared row, which serialises writers until commit
and can deadlock two transactions that also lock statement rows in opposite orders. Now each
write transaction inserts its own row (its transaction id) and counts its writing statements in
it; no other transaction can see, let alone lock, that row before it commits, so no writer waits
for another. The generation is read as (count, max txid, sum of counts) of that table: every
commit that wrote adds one row, whatever the commit order; a rollback adds none; and inside a
transaction each write changes the sum, so the transaction's own searches stay current too. `statements.search.cache.prune_generation_log()` trims old rows.

SQLite has one writer at a time, so it keeps 0005's single row.
"""

from django.db import migrations

PG_FORWARD = [
    "CREATE TABLE IF NOT EXISTS statements_search_change "
    "(txid bigint PRIMARY KEY, writes bigint NOT NULL DEFAULT 1)",
    """
    CREATE OR REPLACE FUNCTION statements_bump_search_generation() RETURNS trigger AS $$
    BEGIN
        INSERT INTO statements_search_change AS change (txid) VALUES (txid_current())
        ON CONFLICT (txid) DO UPDATE SET writes = change.writes + 1;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
]
PG_BACKWARD = [
    """
    CREATE OR REPLACE FUNCTION statements_bump_search_generation() RETURNS trigger AS $$
    BEGIN
        UPDATE statements_search_generation
        SET value = floor(random() * 9007199254740991)::bigint WHERE id = 1;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    "DROP TABLE IF EXISTS statements_search_change",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0005_search_generation"),
    ]

    operations = [
        migrations.RunPython(run(PG_FORWARD), run(PG_BACKWARD), elidable=False),
    ]
