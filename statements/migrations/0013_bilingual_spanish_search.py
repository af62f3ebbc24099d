"""Search across English and Spanish (issue 12 §4): Spanish statements stemmed as Spanish, and a
language facet.

PostgreSQL: a `spanish_unaccent` text search configuration (Spanish Snowball stemming, accents
folded first, no stop list: as `english_unaccent` of 0004_search_fulltext), and `search_vector`
generated again so that a statement whose `language` is "es" has its title and body stemmed with
it (officials' names stay English). The GIN index is built again with the column.

SQLite: FTS5 has no Spanish stemmer (its tokenizer is `porter`); the covering index for facets
(`search.sqlite.FACETS_INDEX`) gains `language`, for the language facet and filter.
"""

from django.db import migrations

VECTOR = """
    ALTER TABLE statements_statement ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector({title_config}, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english_unaccent'::regconfig, coalesce(search_names, '')), 'B')
        || setweight(to_tsvector({body_config}, coalesce(body, '')), 'C')
    ) STORED
"""
BY_LANGUAGE = (
    "CASE WHEN language = 'es' THEN 'spanish_unaccent'::regconfig "
    "ELSE 'english_unaccent'::regconfig END"
)
ENGLISH = "'english_unaccent'::regconfig"
DROP_VECTOR = [
    "DROP INDEX IF EXISTS statement_search_vector_idx",
    "ALTER TABLE statements_statement DROP COLUMN IF EXISTS search_vector",
]
CREATE_INDEX = (
    "CREATE INDEX statement_search_vector_idx ON statements_statement USING gin (search_vector)"
)
PG_FORWARD = [
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'spanish_stem_nostop') THEN
            CREATE TEXT SEARCH DICTIONARY spanish_stem_nostop (
                TEMPLATE = snowball, LANGUAGE = spanish
            );
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'spanish_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION spanish_unaccent (COPY = spanish);
            ALTER TEXT SEARCH CONFIGURATION spanish_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem_nostop;
            ALTER TEXT SEARCH CONFIGURATION spanish_unaccent
                ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH spanish_stem_nostop;
        END IF;
    END
    $$
    """,
    *DROP_VECTOR,
    VECTOR.format(title_config=BY_LANGUAGE, body_config=BY_LANGUAGE),
    CREATE_INDEX,
]
PG_BACKWARD = [
    *DROP_VECTOR,
    VECTOR.format(title_config=ENGLISH, body_config=ENGLISH),
    CREATE_INDEX,
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS spanish_unaccent",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS spanish_stem_nostop",
]
FACETS_INDEX = "statement_search_facets_idx"
SQLITE_FORWARD = [
    f"DROP INDEX IF EXISTS {FACETS_INDEX}",
    f"CREATE INDEX {FACETS_INDEX} "
    "ON statements_statement (id, status, kind, publisher, listing_date, language)",
]
SQLITE_BACKWARD = [
    f"DROP INDEX IF EXISTS {FACETS_INDEX}",
    f"CREATE INDEX {FACETS_INDEX} "
    "ON statements_statement (id, status, kind, publisher, listing_date)",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0012_commitment_threads"),
    ]

    operations = [
        migrations.RunPython(
            run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
            elidable=False,
        ),
    ]
