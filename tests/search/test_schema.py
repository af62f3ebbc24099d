"""The search schema each engine relies on, and how it survives a SQLite table rebuild."""

import pytest
from django.db import connection

from statements.search import search
from statements.search.sqlite import FTS_TABLE, TRIGGERS, ensure_fts_sync
from tests.factories import StatementFactory

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 schema")
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL schema")


@sqlite_only
def test_lost_triggers_are_restored_after_migrate(db, settings):
    """Django rebuilds SQLite tables for many schema changes, which drops their triggers."""
    settings.SEARCH_INDEX_ENABLED = False  # FTS5's own index: the database path
    before = StatementFactory(body="numbatword before")
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    StatementFactory(body="numbatword while the triggers were gone")
    assert search("numbatword").count() == 1  # the index went stale

    ensure_fts_sync(using="default")  # what post_migrate runs

    assert search("numbatword").count() == 2
    StatementFactory(body="numbatword after")
    before.delete()
    assert search("numbatword").count() == 2


@sqlite_only
def test_fts_table_and_tokenizer(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [FTS_TABLE])
        (sql,) = cursor.fetchone()
    assert "porter unicode61 remove_diacritics 2" in sql
    assert "content='statements_statement'" in sql


@postgres_only
def test_stored_vector_kept_by_its_trigger_gin_index_and_config(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT is_generated FROM information_schema.columns "
            "WHERE table_name = 'statements_statement' AND column_name = 'search_vector'"
        )
        (is_generated,) = cursor.fetchone()
        cursor.execute("SELECT prosrc FROM pg_proc WHERE proname = 'statement_search_vector'")
        (expression,) = cursor.fetchone()
        cursor.execute(
            "SELECT tgenabled FROM pg_trigger WHERE tgname = 'statement_search_vector_keep'"
        )
        (enabled,) = cursor.fetchone()
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'statement_search_vector_idx'"
        )
        (indexdef,) = cursor.fetchone()
        cursor.execute("SELECT to_tsvector('english_unaccent', 'López traffickers it')::text")
        (vector,) = cursor.fetchone()
    assert is_generated == "NEVER" and enabled == "O"
    assert "english_unaccent" in expression and "spanish_unaccent" in expression
    assert "'A'" in expression and "'B'" in expression and "'C'" in expression
    assert "gin" in indexdef.lower()
    # accents folded, English stems, and no stop list ("it" is a country code too)
    assert vector == "'it':3 'lopez':1 'traffick':2"


def _vector(pk):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text, search_vector IS NOT DISTINCT FROM "
            "statement_search_vector(title, search_names, body, language) "
            "FROM statements_statement WHERE id = %s",
            [pk],
        )
        return cursor.fetchone()


@postgres_only
def test_the_trigger_computes_the_vector_when_the_text_changes_and_only_then(db):
    statement = StatementFactory(title="Fentanyl talks", body="Numbatword and trafficking.")
    vector, current = _vector(statement.pk)
    assert current and "'numbatword':" in vector and "'fentanyl':1A" in vector

    with connection.cursor() as cursor:  # a vector given with the row is kept
        cursor.execute(
            "UPDATE statements_statement SET search_vector = 'marker' WHERE id = %s",
            [statement.pk],
        )
    statement.status = "draft"
    statement.save()  # no text changed: not computed again
    assert _vector(statement.pk) == ("'marker'", False)

    for field, value in (("body", "Huitlacoche."), ("title", "Tacos"), ("language", "es")):
        setattr(statement, field, value)
        statement.save()
        vector, current = _vector(statement.pk)
        assert current, field
    assert vector == "'huitlacoch':2C 'tac':1A"  # stemmed as Spanish: "tacos" -> "tac"

    statement.search_names = "Andrés Manuel López Obrador"
    statement.save()
    vector, current = _vector(statement.pk)
    assert current and "'lopez':" in vector and ":3B" in vector


@sqlite_only
def test_lost_generation_triggers_are_restored(db):
    from statements.search.cache import current_generation
    from statements.search.sqlite import GENERATION_TRIGGERS

    with connection.cursor() as cursor:
        for name in GENERATION_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    before = current_generation()
    StatementFactory()
    assert current_generation() == before  # writes went unnoticed: caches could go stale

    ensure_fts_sync(using="default")

    restored = current_generation()
    assert restored != before
    StatementFactory()
    assert current_generation() != restored


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_writers_never_wait_for_each_other_and_every_commit_counts():
    """Two open write transactions: neither waits on the generation, both commits change it."""
    import psycopg

    from statements.search.cache import current_generation, prune_generation_log

    settings = connection.settings_dict
    dsn = f"host={settings['HOST']} port={settings['PORT'] or 5432} user={settings['USER']} "
    dsn += f"dbname={settings['NAME']}"
    first = StatementFactory(body="first")
    start = current_generation()
    with psycopg.connect(dsn) as other:
        other.execute("UPDATE statements_statement SET body = 'changed' WHERE id = %s", [first.pk])
        # the other transaction is still open; a write here must not wait for it
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '2s'")
            StatementFactory(body="second")
            cursor.execute("RESET lock_timeout")
        after_ours = current_generation()
        assert after_ours != start
        other.commit()
    assert current_generation() != after_ours  # committed later, with an older txid: still seen
    before_prune = current_generation()
    prune_generation_log(keep=1)
    assert current_generation() != before_prune
