"""SQLite full-text search with an FTS5 external-content table over the statements.

`statements_statement_fts` (title, search_names, body), tokenizer `porter unicode61
remove_diacritics 2`, is kept in sync by triggers on the statement table. Every term of the user's
query is rendered as an FTS5 string, so no input can be an FTS5 syntax error.

Django rebuilds a SQLite table for many schema changes (create new, copy, drop old, rename), and
dropping the old table drops its triggers; `ensure_fts_sync` (run after every `migrate`) puts them
back and rebuilds the index when they were missing.
"""

import contextlib

from django.db import connection as default_connection

from statements.search.base import SNIPPET_WORDS, START, STOP, SearchEngine

FTS_TABLE = "statements_statement_fts"

CREATE_TABLE = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
    title, search_names, body,
    content='statements_statement', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
)"""
_ROW_NEW = "new.id, new.title, new.search_names, new.body"
_ROW_OLD = "old.id, old.title, old.search_names, old.body"
_DELETE_OLD = (
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, search_names, body) "
    f"VALUES ('delete', {_ROW_OLD});"
)
_INSERT_NEW = f"INSERT INTO {FTS_TABLE}(rowid, title, search_names, body) VALUES ({_ROW_NEW});"
TRIGGERS = {
    f"{FTS_TABLE}_ai": f"AFTER INSERT ON statements_statement BEGIN {_INSERT_NEW} END",
    f"{FTS_TABLE}_ad": f"AFTER DELETE ON statements_statement BEGIN {_DELETE_OLD} END",
    f"{FTS_TABLE}_au": (
        "AFTER UPDATE OF title, search_names, body ON statements_statement "
        f"BEGIN {_DELETE_OLD} {_INSERT_NEW} END"
    ),
}
REBUILD = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"

# The search generation's triggers (migration 0005_search_generation), restored the same way.
_BUMP = "UPDATE statements_search_generation SET value = random() WHERE id = 1;"
GENERATION_TABLES = (
    "statements_statement",
    "statements_statementparticipant",
    "statements_statement_topics",
    "statements_meetingreport",
    "statements_participant",
    "statements_topic",
    "statements_meeting",
    # What public pages read besides (0007_generation_covers_pages): pages are cached by it too.
    "statements_commitment",
    "statements_commitment_topics",
    "statements_quote",
    "statements_meetingattendance",
    "statements_participantalias",
    "statements_mergerecord",
    # A curator's correction to an official (0011_official_correction_generation).
    "statements_officialcorrection",
    # Commitment threads (0012_commitment_threads).
    "statements_commitmentthread",
    "statements_threadmention",
    "statements_threadpin",
)
GENERATION_TRIGGERS = {
    f"{table}_search_gen_{event[0].lower()}": f"AFTER {event} ON {table} BEGIN {_BUMP} END"
    for table in GENERATION_TABLES
    for event in ("INSERT", "UPDATE", "DELETE")
}


@contextlib.contextmanager
def one_generation_bump(connection):
    """Inside a write transaction: the generation's INSERT triggers, which fire once per
    inserted row (~50 µs a row, a third of a bulk import's batch), are dropped, and on success
    created again and the generation moved once, before the transaction commits.

    SQLite's DDL is transactional: no other connection ever sees the triggers missing (it
    sees the database before the transaction or after it), and a transaction that fails rolls
    the drop back with everything else. Nothing may read the search cache in between.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        dropped = [
            name
            for (name,) in cursor.fetchall()
            if name in GENERATION_TRIGGERS and name.endswith("_search_gen_i")
        ]
        for name in dropped:
            cursor.execute(f"DROP TRIGGER {name}")  # names from GENERATION_TRIGGERS
    yield  # an exception rolls the drop back with the transaction
    if dropped:
        with connection.cursor() as cursor:
            for name in dropped:
                # As the migration and `ensure_fts_sync` write it (sqlite_master keeps the text).
                cursor.execute(f"CREATE TRIGGER {name} {GENERATION_TRIGGERS[name]}")
            cursor.execute(_BUMP)


# A covering index for counting and filtering matches by statement columns (facets.py): a
# statement row holds its body first, and SQLite walks the body's overflow pages to reach the
# status, kind, publisher, listing date and language stored after it; this index answers `id = ?`
# with them alone (migration 0009 dropped the version that held `date`, 0013 added `language`).
# Not a model index: PostgreSQL keeps bodies out of line and does not need it.
FACETS_INDEX = "statement_search_facets_idx"
CREATE_FACETS_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {FACETS_INDEX} "
    "ON statements_statement (id, status, kind, publisher, listing_date, language)"
)


def ensure_facets_index(cursor):
    cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = %s", [FACETS_INDEX])
    if cursor.fetchone():
        return
    cursor.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'statements_statement'"
    )
    if not cursor.fetchone():
        return
    cursor.execute(CREATE_FACETS_INDEX)
    cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
    if cursor.fetchone():  # an analyzed database: give the new index statistics too
        cursor.execute(f"ANALYZE {FACETS_INDEX}")


def ensure_fts_sync(using="default", **kwargs):
    """Recreate search triggers a table rebuild dropped; reindex if the FTS ones were lost.

    Also (re)creates the covering index for facets (`FACETS_INDEX`), which a rebuild drops too.
    """
    from django.db import connections

    conn = connections[using]
    if conn.vendor != "sqlite":
        return
    with conn.cursor() as cursor:
        ensure_facets_index(cursor)
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') "
            "AND (name LIKE %s OR name LIKE %s)",
            [f"{FTS_TABLE}%", "%search_gen%"],
        )
        present = {row[0] for row in cursor.fetchall()}
        if FTS_TABLE in present:
            missing = [name for name in TRIGGERS if name not in present]
            for name in missing:
                cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {TRIGGERS[name]}")
            reindexed = bool(missing)
            if reindexed:
                cursor.execute(REBUILD)
        else:
            reindexed = False
        if "statements_search_generation" in present:
            missing = [name for name in GENERATION_TRIGGERS if name not in present]
            for name in missing:
                cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {GENERATION_TRIGGERS[name]}")
            if missing or reindexed:  # cached answers may describe the old index
                cursor.execute(_BUMP)


def fts_string(term):
    """A term as an FTS5 string (double quotes doubled); FTS5's tokenizer splits it as a phrase."""
    return '"' + term.text.replace('"', '""') + '"' + (" *" if term.prefix else "")


def any_of(terms):
    inner = " OR ".join(fts_string(term) for term in terms)
    return f"({inner})" if len(terms) > 1 else inner


def to_match(query):
    """The parsed query as an FTS5 MATCH expression."""
    positive = " AND ".join(any_of(group) for group in query.groups)
    if query.excluded:
        excluded = " OR ".join(fts_string(term) for term in query.excluded)
        return f"({positive}) NOT ({excluded})"
    return positive


def _matching_rowids(match):
    from django.db.models.expressions import RawSQL

    return RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])


def _single_table_where(queryset):
    """`queryset`'s WHERE clause over the unaliased statement table (filters are subqueries).

    Falls back to `id IN (the queryset)` if a filter ever needs a join.
    """
    query = queryset.query.chain()
    compiler = query.get_compiler(using=queryset.db)
    where, params = compiler.compile(query.where) if query.where else ("", [])
    joined = [alias for alias in query.alias_map if alias != query.base_table]
    if joined or not where:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
        return f"statements_statement.id IN ({sql})", list(params)
    return where, list(params)


def _driven_by_matches(queryset, query, tail, tail_params):
    """Ids of `queryset`'s matches, FTS5 driving (CROSS JOIN keeps that order): only the
    matches are looked up, their status and date read from the covering index, not from rows
    behind the body. `tail`: the ORDER BY and LIMIT."""
    where, params = _single_table_where(queryset)
    sql = (
        f"SELECT {FTS_TABLE}.rowid FROM {FTS_TABLE} "
        f"CROSS JOIN statements_statement INDEXED BY {FACETS_INDEX} "
        f"ON statements_statement.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH %s AND ({where}) {tail}"
    )
    with default_connection.cursor() as cursor:
        cursor.execute(sql, [to_match(query), *params, *tail_params])
        return [row[0] for row in cursor.fetchall()]


class SqliteEngine(SearchEngine):
    vendor = "sqlite"

    def filter_matches(self, queryset, query):
        return queryset.filter(pk__in=_matching_rowids(to_match(query)))

    def match_any_ids(self, terms):
        return _matching_rowids(any_of(terms))

    def first_matches(self, queryset, query, limit):
        # Stops after `limit` matches that pass the filters (`id IN (the matches)` would read
        # every match of a common word first).
        return _driven_by_matches(queryset, query, "LIMIT %s", [limit])

    def ranked_ids(self, queryset, query, offset, limit):
        # bm25 column weights in the proportions of PostgreSQL's A/B/C weights (1.0, 0.4, 0.2).
        order = (
            f"ORDER BY bm25({FTS_TABLE}, 1.0, 0.4, 0.2), "
            "statements_statement.listing_date IS NULL, statements_statement.listing_date DESC, "
            "statements_statement.id DESC LIMIT %s OFFSET %s"
        )
        return _driven_by_matches(queryset, query, order, [limit, offset])

    def snippets(self, query, ids):
        if not ids:
            return {}
        placeholders = ", ".join(["%s"] * len(ids))
        sql = (
            f"SELECT rowid, snippet({FTS_TABLE}, 2, %s, %s, ' … ', %s) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({placeholders})"
        )
        with default_connection.cursor() as cursor:
            cursor.execute(sql, [START, STOP, SNIPPET_WORDS, to_match(query), *ids])
            return dict(cursor.fetchall())
