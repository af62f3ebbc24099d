"""`/healthz`: is this web process able to serve? Load balancers and `docker compose` ask it.

It runs one trivial query, so a broken or unreachable database makes it answer 503 (the load
balancer then stops sending traffic here) instead of every page failing one by one. It also
reports how far this host's search index is behind the change log.
"""

import time

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "unavailable", "database": "error", "error": type(error).__name__},
            status=503,
        )
    elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
    body = {"status": "ok", "database": "ok", "database_ms": elapsed_ms}
    body["search_index"] = _search_index_lag()
    return JsonResponse(body)


def _search_index_lag():
    """How far this host's search index is behind the change log (one more small query). Not
    a failure: searches catch up, or fall back to the database while an index is built."""
    from statements.search import sync

    try:
        return sync.lag()
    except Exception as error:  # an index problem never makes the host unhealthy by itself
        return {"state": "error", "error": type(error).__name__}
