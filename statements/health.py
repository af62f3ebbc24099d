"""`/healthz`: is this web process able to serve? Load balancers and `docker compose` ask it.

It runs one trivial query, so a broken or unreachable database makes it answer 503 (the load
balancer then stops sending traffic here) instead of every page failing one by one.
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
    return JsonResponse({"status": "ok", "database": "ok", "database_ms": elapsed_ms})
