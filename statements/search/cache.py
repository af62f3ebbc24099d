"""Cached search answers that can never be stale.

Counting facets over tens of thousands of matches, or ranking them, costs hundreds of
milliseconds; the same searches come back again and again (the browse page, common words). Each
answer is cached under the exact SQL that computes it plus the database's *search generation*
(migration `0005_search_generation`): a random value that triggers change on every write to a
table search reads. Reading it costs one tiny query; any import, edit, merge or raw SQL write
gives a new generation, so an answer is only reused for the data it was computed from.
"""

import hashlib

from django.core.cache import caches
from django.db import DatabaseError, connection

CACHE_ALIAS = "default"
TIMEOUT = 60 * 60
GENERATION_SQL = "SELECT value FROM statements_search_generation WHERE id = 1"


def current_generation():
    """The search generation, or None (no caching) if the table is not there."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(GENERATION_SQL)
            row = cursor.fetchone()
    except DatabaseError:
        return None
    return row[0] if row else None


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
