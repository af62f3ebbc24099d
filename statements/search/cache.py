"""Cached search answers that can never be stale.

Counting facets over tens of thousands of matches, or ranking them, costs hundreds of
milliseconds; the same searches come back again and again (the browse page, common words). Each
answer is cached under the exact SQL that computes it plus the database's *search generation*
(migrations `0005_search_generation`, `0006_…`): a value that triggers change on every write
to a table search reads. Reading it costs one tiny query; any import, edit, merge or raw SQL write
gives a new generation, so an answer is only reused for the data it was computed from.
"""

import hashlib

from django.core.cache import caches
from django.db import DatabaseError, connection

CACHE_ALIAS = "default"
TIMEOUT = 60 * 60
GENERATION_SQL = {
    # One row per write transaction (migration 0006): no writer ever waits for another.
    "postgresql": "SELECT count(*), max(txid), sum(writes) FROM statements_search_change",
    # One writer at a time: one row that every write sets to a new random value (0005).
    "sqlite": "SELECT value FROM statements_search_generation WHERE id = 1",
}
KEEP_CHANGES = 1000


def current_generation():
    """The search generation, or None (no caching) if there is none on this database."""
    sql = GENERATION_SQL.get(connection.vendor)
    if sql is None:
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            row = cursor.fetchone()
    except DatabaseError:
        return None
    return tuple(row) if row else None


def prune_generation_log(keep=KEEP_CHANGES):
    """Keep PostgreSQL's change log short (the generation changes once more, which is safe)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM statements_search_change WHERE txid < "
            "(SELECT txid FROM statements_search_change ORDER BY txid DESC OFFSET %s LIMIT 1)",
            [keep],
        )


def _key(generation, sql, params):
    raw = repr((connection.vendor, connection.settings_dict.get("NAME"), generation, sql, params))
    return "search:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def cached(generation, sql, params, compute):
    """compute() once per (generation, sql, params); without a generation, every time."""
    if generation is None:
        return compute()
    cache = caches[CACHE_ALIAS]
    key = _key(generation, sql, list(params))
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
