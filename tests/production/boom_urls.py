"""A URLconf with a view that fails, to see the 500 page the way visitors would."""

from django.db import OperationalError
from django.urls import include, path


def broken_view(request):
    raise RuntimeError("secret detail that must not reach the visitor")


def database_gone_view(request):
    raise OperationalError("connection to server at 10.0.0.5 failed: secret detail")


urlpatterns = [
    path("boom/", broken_view),
    path("database-gone/", database_gone_view),
    path("", include("archive.urls")),
]

handler500 = "archive.middleware.server_error"
