"""The archive's URLs, plus the naive reference search the benchmark compares against."""

from django.urls import include, path

from bench.references import naive_search

urlpatterns = [
    path("bench/naive/search/", naive_search, name="bench_naive_search"),
    path("", include("archive.urls")),
]
