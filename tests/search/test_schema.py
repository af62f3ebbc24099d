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
def test_stored_generated_vector_gin_index_and_config(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT is_generated, generation_expression FROM information_schema.columns "
            "WHERE table_name = 'statements_statement' AND column_name = 'search_vector'"
        )
        is_generated, expression = cursor.fetchone()
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'statement_search_vector_idx'"
        )
        (indexdef,) = cursor.fetchone()
        cursor.execute("SELECT to_tsvector('english_unaccent', 'López traffickers it')::text")
        (vector,) = cursor.fetchone()
    assert is_generated == "ALWAYS"
    assert "english_unaccent" in expression and "'A'" in expression
    assert "gin" in indexdef.lower()
    # accents folded, English stems, and no stop list ("it" is a country code too)
    assert vector == "'it':3 'lopez':1 'traffick':2"


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
