"""A URLconf with a view that fails, to see the 500 page the way visitors would."""

from django.urls import include, path


def broken_view(request):
    raise RuntimeError("secret detail that must not reach the visitor")


urlpatterns = [
    path("boom/", broken_view),
    path("", include("archive.urls")),
]

handler500 = "archive.middleware.server_error"
