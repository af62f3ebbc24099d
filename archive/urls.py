from django.contrib import admin
from django.urls import include, path

from statements.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("alerts/", include("alerts.urls")),
    path("", include("statements.urls")),
]

# A database outage answers 503 with its own page, other errors the 500 page (archive/middleware).
handler500 = "archive.middleware.server_error"
