"""Curators' admin for commitment threads: join threads, split mentions off a thread.

Both record the decision (`ThreadPin`), so neither the importer nor `group_commitments` undoes it.
Imported from `statements/admin.py`.
"""

from django.contrib import admin, messages

from statements.admin import BoundedSearchMixin
from statements.ingest.threads import join_threads, split_mentions
from statements.models import CommitmentThread, ThreadMention


class ThreadMentionInline(admin.TabularInline):
    model = ThreadMention
    fields = ("commitment", "role", "pinned")
    readonly_fields = ("commitment", "role", "pinned")
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(CommitmentThread)
class CommitmentThreadAdmin(BoundedSearchMixin, admin.ModelAdmin):
    list_display = ("text_start", "first_date", "last_date", "mention_count", "curated")
    list_filter = ("curated",)
    search_fields = ("text", "slug")
    readonly_fields = ("slug", "first_date", "last_date", "mention_count", "parties", "curated")
    fields = ("slug", "text", "parties", "first_date", "last_date", "mention_count", "curated")
    inlines = [ThreadMentionInline]
    actions = ["join"]
    show_facets = admin.ShowFacets.ALLOW

    @admin.display(description="Undertaking")
    def text_start(self, thread):
        return thread.text[:120]

    @admin.action(description="Join the selected threads into one", permissions=["change"])
    def join(self, request, queryset):
        try:
            target = join_threads(list(queryset), request.user)
        except ValueError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(request, f"Joined into “{target.text[:80]}”.", messages.SUCCESS)


@admin.register(ThreadMention)
class ThreadMentionAdmin(BoundedSearchMixin, admin.ModelAdmin):
    list_display = ("commitment", "thread", "role", "pinned")
    list_filter = ("role", "pinned")
    list_select_related = ("commitment", "thread")
    search_fields = ("commitment__text", "thread__slug")
    autocomplete_fields = ()
    readonly_fields = ("thread", "commitment", "role", "pinned")
    actions = ["split"]

    def has_add_permission(self, request):
        return False

    @admin.action(
        description="Split the selected mentions into a thread of their own", permissions=["change"]
    )
    def split(self, request, queryset):
        try:
            new = split_mentions(queryset.select_related("commitment"), request.user)
        except ValueError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(request, f"Split into “{new.text[:80]}”.", messages.SUCCESS)
