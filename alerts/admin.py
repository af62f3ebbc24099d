from django.contrib import admin

from alerts.models import Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Staff given the alerts permissions can see and stop alerts (on a complaint, say); readers
    manage theirs from their messages. Not in the Curators group by default: addresses are
    personal data."""

    list_display = ("label", "kind", "frequency", "status", "created_at", "last_sent_at")
    list_filter = ("status", "kind", "frequency")
    search_fields = ("email", "label")
    show_facets = admin.ShowFacets.ALWAYS
    date_hierarchy = "created_at"
    fields = (
        "email",
        "label",
        "kind",
        "query",
        "official",
        "topic",
        "frequency",
        "status",
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "last_checked_at",
        "last_sent_at",
        "watermark",
        "last_error",
    )
    readonly_fields = (
        "email",
        "label",
        "kind",
        "query",
        "official",
        "topic",
        "status",
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "last_checked_at",
        "last_sent_at",
        "watermark",
        "last_error",
    )

    def has_add_permission(self, request):
        return False  # only readers subscribe (double opt-in); curators may stop or adjust
