from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """Email alerts: readers subscribe to a search, an official or a topic and get digests."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "alerts"
    verbose_name = "Email alerts"
