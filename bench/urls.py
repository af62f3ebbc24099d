"""The archive's URLs, plus the naive reference search the benchmark compares against, and
the index catch-up a writer's process runs after an edit (`bench/run.py`'s *edited* mode)."""

from django.http import JsonResponse
from django.urls import include, path

from bench.references import naive_search


def catch_up(request):
    """Apply the change log to the index now, as the process that saved an edit does right
    after its commit (`statements.search.sync.schedule_catch_up`): benchmark URLconf only."""
    from statements.search import sync

    return JsonResponse({"applied": sync.catch_up(), "lag": sync.lag()})


urlpatterns = [
    path("bench/naive/search/", naive_search, name="bench_naive_search"),
    path("bench/catch-up/", catch_up, name="bench_catch_up"),
    path("", include("archive.urls")),
]
