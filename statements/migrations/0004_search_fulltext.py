"""Full-text search, one schema per database engine.

PostgreSQL: the `unaccent` extension, an `english_unaccent` text search configuration (English
stemming with accents folded, and no stop list so that both engines find the same words: the
English stop list would drop "it", "no", "in", "be"), a stored generated `search_vector`
column (title A, search_names B, body C) and its GIN index.

SQLite: an FTS5 external-content table over title, search_names and body, kept in sync by
triggers, filled once here.

The SQL is frozen here on purpose; `statements/search/sqlite.py` keeps a copy of the triggers
to put them back if a later table rebuild drops them.
"""

from django.db import migrations

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'english_stem_nostop') THEN
            CREATE TEXT SEARCH DICTIONARY english_stem_nostop (
                TEMPLATE = snowball, LANGUAGE = english
            );
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'english_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION english_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem_nostop;
            ALTER TEXT SEARCH CONFIGURATION english_unaccent
                ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH english_stem_nostop;
        END IF;
    END
    $$
    """,
    """
    ALTER TABLE statements_statement ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('english_unaccent'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english_unaccent'::regconfig, coalesce(search_names, '')), 'B')
        || setweight(to_tsvector('english_unaccent'::regconfig, coalesce(body, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX statement_search_vector_idx ON statements_statement USING gin (search_vector)",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS statement_search_vector_idx",
    "ALTER TABLE statements_statement DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS english_unaccent",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS english_stem_nostop",
]

FTS = "statements_statement_fts"
_NEW = "new.id, new.title, new.search_names, new.body"
_OLD = "old.id, old.title, old.search_names, old.body"
_DELETE = f"INSERT INTO {FTS}({FTS}, rowid, title, search_names, body) VALUES ('delete', {_OLD});"
_INSERT = f"INSERT INTO {FTS}(rowid, title, search_names, body) VALUES ({_NEW});"
SQLITE_FORWARD = [
    f"""
    CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(
        title, search_names, body,
        content='statements_statement', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_ai AFTER INSERT ON statements_statement "
    f"BEGIN {_INSERT} END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_ad AFTER DELETE ON statements_statement "
    f"BEGIN {_DELETE} END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_au AFTER UPDATE OF title, search_names, body "
    f"ON statements_statement BEGIN {_DELETE} {_INSERT} END",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {FTS}_ai",
    f"DROP TRIGGER IF EXISTS {FTS}_ad",
    f"DROP TRIGGER IF EXISTS {FTS}_au",
    f"DROP TABLE IF EXISTS {FTS}",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0003_curation_curators_group"),
    ]

    operations = [
        migrations.RunPython(
            run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
            elidable=False,
        ),
    ]
