"""PostgreSQL: `search_vector` kept by a trigger instead of GENERATED ALWAYS (issue 14, import).

The vector is the same (`statement_search_vector()` holds 0013's expression), but a row inserted
with its vector already computed keeps it. The bulk import computes a batch's vectors on a second
connection while its own connection writes the rest of the batch, so the server's heaviest work
per statement (≈ 0.8 ms of ≈ 1.5) runs beside the import instead of in its path
(`statements.ingest.bulk.VectorWorker`); `bench/replicate.py` copies the vectors with the rows.
Every other write leaves the column out and the trigger computes it: on INSERT when it is
NULL, on UPDATE when the title, names, body or language changed (a generated column was
computed again on every UPDATE, a status or listing date change included).

`ALTER COLUMN … DROP EXPRESSION` keeps the stored values and the GIN index: nothing is
recomputed. SQLite is untouched (FTS5 triggers).
"""

from django.db import migrations

FUNCTION = """
    CREATE OR REPLACE FUNCTION statement_search_vector(
        title text, names text, body text, language text
    ) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector(
                   CASE WHEN language = 'es' THEN 'spanish_unaccent'::regconfig
                   ELSE 'english_unaccent'::regconfig END, coalesce(title, '')), 'A')
            || setweight(to_tsvector('english_unaccent'::regconfig, coalesce(names, '')), 'B')
            || setweight(to_tsvector(
                   CASE WHEN language = 'es' THEN 'spanish_unaccent'::regconfig
                   ELSE 'english_unaccent'::regconfig END, coalesce(body, '')), 'C')
    $$
"""
TRIGGER_FUNCTION = """
    CREATE OR REPLACE FUNCTION statement_search_vector_keep() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            IF NEW.search_vector IS NOT NULL THEN
                RETURN NEW;
            END IF;
        ELSIF NEW.title IS NOT DISTINCT FROM OLD.title
            AND NEW.search_names IS NOT DISTINCT FROM OLD.search_names
            AND NEW.body IS NOT DISTINCT FROM OLD.body
            AND NEW.language IS NOT DISTINCT FROM OLD.language
            AND NEW.search_vector IS NOT NULL THEN
            RETURN NEW;
        END IF;
        NEW.search_vector := statement_search_vector(
            NEW.title, NEW.search_names, NEW.body, NEW.language
        );
        RETURN NEW;
    END
    $$
"""
TRIGGER = """
    CREATE TRIGGER statement_search_vector_keep
    BEFORE INSERT OR UPDATE ON statements_statement
    FOR EACH ROW EXECUTE FUNCTION statement_search_vector_keep()
"""
FORWARD = [
    FUNCTION,
    "ALTER TABLE statements_statement ALTER COLUMN search_vector DROP EXPRESSION",
    TRIGGER_FUNCTION,
    TRIGGER,
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS statement_search_vector_keep ON statements_statement",
    "DROP FUNCTION IF EXISTS statement_search_vector_keep()",
    "DROP INDEX IF EXISTS statement_search_vector_idx",
    "ALTER TABLE statements_statement DROP COLUMN IF EXISTS search_vector",
    # 0013's column, as it was
    """
    ALTER TABLE statements_statement ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector(CASE WHEN language = 'es' THEN 'spanish_unaccent'::regconfig
            ELSE 'english_unaccent'::regconfig END, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english_unaccent'::regconfig, coalesce(search_names, '')), 'B')
        || setweight(to_tsvector(CASE WHEN language = 'es' THEN 'spanish_unaccent'::regconfig
            ELSE 'english_unaccent'::regconfig END, coalesce(body, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX statement_search_vector_idx ON statements_statement USING gin (search_vector)",
    "DROP FUNCTION IF EXISTS statement_search_vector(text, text, text, text)",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0014_country_codes_of_organisations"),
    ]

    operations = [
        migrations.RunPython(run(FORWARD), run(BACKWARD), elidable=False),
    ]
