"""The curators' admin: every model, the review screen, merges and the needs-review queue.

A statement's change form is its review screen: what the importer found (officials with their
match, meetings with the evidence of the link, commitments, quotes, topics) as inlines a curator
corrects, the importer's review notes on top, and buttons to save as draft, publish, or re-run
the extraction on the edited text. "Add a readout" (`admin_views.py`) creates a draft and opens it.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import smart_split
from simple_history.admin import SimpleHistoryAdmin

from statements import admin_views, curation
from statements.forms import CommitmentForm, ParticipantForm, PlainLinesTextField
from statements.models import (
    Commitment,
    Meeting,
    MeetingAttendance,
    MeetingReport,
    MergeRecord,
    Participant,
    ParticipantAlias,
    Quote,
    Statement,
    StatementParticipant,
    Topic,
    country_choices,
)

admin.site.site_header = "Bilateral Statements Archive: curation"
admin.site.site_title = "Archive curation"
admin.site.index_title = "Curation"

FLAG = "⚠"


def flagged(text):
    return format_html('<span class="curation-flag">{} {}</span>', FLAG, text)


# Every text a curator edits is stored with \n line endings (see PlainLinesTextField); a web
# address typed without its scheme is https (Django 6's default, said now: no deprecation).
PLAIN_LINES = {
    models.TextField: {"form_class": PlainLinesTextField},
    models.URLField: {"assume_scheme": "https"},
}


class BoundedSearchMixin:
    """The admin's search box, over at most MAX_SEARCH_WORDS words.

    Django's admin ANDs one OR-of-LIKEs per word; a pasted page of text made a WHERE clause
    deeper than SQLite's parser allows (a database error, shown as the 503 page). Curators search
    with a few words: the rest are dropped, and the list says so.
    """

    MAX_SEARCH_WORDS = 32

    def get_search_results(self, request, queryset, search_term):
        words = list(smart_split(search_term))
        if len(words) > self.MAX_SEARCH_WORDS:
            search_term = " ".join(words[: self.MAX_SEARCH_WORDS])
            self.message_user(
                request,
                f"Searched the first {self.MAX_SEARCH_WORDS} of {len(words)} words.",
                messages.WARNING,
            )
        return super().get_search_results(request, queryset, search_term)


class HistoryAdmin(BoundedSearchMixin, SimpleHistoryAdmin):
    """django-simple-history's pages, answering 404 (not a 500) to an address that is not an id."""

    def history_view(self, request, object_id, extra_context=None):
        if not str(object_id).isdecimal():
            raise Http404("No such history.")
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not (str(object_id).isdecimal() and str(version_id).isdecimal()):
            raise Http404("No such version.")
        return super().history_form_view(request, object_id, version_id, extra_context)


# --- Filters ------------------------------------------------------------------------------------


class YearFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"
    date_field = "date"

    def lookups(self, request, model_admin):
        years = (
            model_admin.get_queryset(request)
            .exclude(**{f"{self.date_field}__isnull": True})
            .dates(self.date_field, "year", order="DESC")
        )
        return [(str(d.year), str(d.year)) for d in years] + [("none", "No date")]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(**{f"{self.date_field}__isnull": True})
        if self.value() and self.value().isdecimal():
            year = int(self.value())
            if not 1 <= year <= 9999:  # no date has it (and Django cannot bound it): nothing
                return queryset.none()
            return queryset.filter(**{f"{self.date_field}__year": year})
        return queryset


class MeetingYearFilter(YearFilter):
    date_field = "start_date"


class NeedsReviewFilter(admin.SimpleListFilter):
    """The needs-review queue, by reason: flagged statements not yet marked reviewed."""

    title = "needs review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("any", "Any reason"), *curation.REVIEW_REASONS.items(), ("no", "Reviewed")]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "no":
            return queryset.filter(needs_review=False)
        if value == "any":
            return queryset.filter(needs_review=True)
        if value in curation.REVIEW_REASONS:
            return queryset.filter(Q(needs_review=True) & curation.review_reason_filter(value))
        return queryset


class _CountryFilter(admin.SimpleListFilter):
    """A filter by country code: the codes in use come from `codes()`, rows match `matching()`."""

    parameter_name = "country"

    def codes(self):
        raise NotImplementedError

    def matching(self, code):
        raise NotImplementedError

    def lookups(self, request, model_admin):
        labels = dict(country_choices())
        return [(code, labels.get(code, code)) for code in sorted(self.codes())]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(Exists(self.matching(self.value())))
        return queryset


class StatementCountryFilter(_CountryFilter):
    """Statements naming an official of a country."""

    title = "officials' country"

    def codes(self):
        return (
            Participant.objects.exclude(country="")
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )

    def matching(self, code):
        return StatementParticipant.objects.filter(
            statement=OuterRef("pk"), participant__country=code
        )


class MeetingCountryFilter(_CountryFilter):
    title = "delegation"

    def codes(self):
        return (
            MeetingAttendance.objects.exclude(delegation="")
            .order_by()
            .values_list("delegation", flat=True)
            .distinct()
        )

    def matching(self, code):
        return MeetingAttendance.objects.filter(meeting=OuterRef("pk"), delegation=code)


# --- Inlines ---
# The review screen of a long statement renders a hundred widgets. Two things made it slow
# (docs/PERFORMANCE.md, "The review screen"): every row's label fetched its statement again
# (StatementParticipant.__str__), and every autocomplete fetched the official or meeting it
# shows, although the inline's queryset had already joined it. The rows now reuse both.


class KnownChoiceAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that shows the row's current choice without querying for it."""

    known = None  # set per form by InlineRowsFormSet from the row's select_related object

    def optgroups(self, name, value, attr=None):
        known = self.known
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if known is None or selected != {str(known.pk)}:
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance(known)
        options.append(self.create_option(name, known.pk, label, selected, len(options)))
        return [(None, options, 0)]


class InlineRowsFormSet(BaseInlineFormSet):
    """Inline rows that know their parent and the objects their queryset already joined."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        instance = form.instance
        if self.instance.pk is not None:
            setattr(instance, self.fk.name, self.instance)
        if instance.pk is None:
            return form
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, KnownChoiceAutocompleteSelect):
                model_field = instance._meta.get_field(name)
                if model_field.is_cached(instance):
                    widget.known = model_field.get_cached_value(instance)
        return form


class FastInlineMixin:
    formset = InlineRowsFormSet

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownChoiceAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class StatementParticipantInline(FastInlineMixin, admin.TabularInline):
    """The officials a statement names: change the match, the title, attended or not."""

    model = StatementParticipant
    fields = ["name_as_written", "participant", "match", "title_as_written", "attended"]
    readonly_fields = ["name_as_written", "match"]
    autocomplete_fields = ["participant"]
    extra = 0
    verbose_name = "official named"
    verbose_name_plural = "officials named (check each match and title)"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("participant")
            .annotate(named_in=Count("participant__statement_mentions", distinct=True))
            .order_by("position", "pk")
        )

    @admin.display(description="match")
    def match(self, mention):
        if not mention.pk:
            return "-"
        participant = mention.participant
        others = getattr(mention, "named_in", 1) - 1
        if others > 0:
            text = format_html(
                "Existing official: {} (named in {} other statement{})",
                participant.name,
                others,
                "" if others == 1 else "s",
            )
        else:
            text = flagged(f"New official: {participant.name} (named nowhere else)")
        if not participant.country:
            text = format_html("{} {}", text, flagged("country unknown"))
        return text


class CommitmentInline(FastInlineMixin, admin.StackedInline):
    model = Commitment
    form = CommitmentForm
    formfield_overrides = PLAIN_LINES
    fields = ["text", "parties", "meeting", "position"]
    autocomplete_fields = ["meeting"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("meeting")


class QuoteInline(FastInlineMixin, admin.StackedInline):
    model = Quote
    formfield_overrides = PLAIN_LINES
    fields = ["speaker_as_written", "speaker", "text", "position", "review_flag"]
    readonly_fields = ["review_flag"]
    autocomplete_fields = ["speaker"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")

    @admin.display(description="review")
    def review_flag(self, quote):
        if quote.pk and quote.speaker_id is None:
            return flagged("speaker not matched to an official")
        return ""


class MeetingReportInline(FastInlineMixin, admin.TabularInline):
    """Meetings a statement reports (or statements reporting a meeting), with the evidence."""

    model = MeetingReport
    formfield_overrides = PLAIN_LINES
    extra = 0
    readonly_fields = ["review_flag"]

    @admin.display(description="review")
    def review_flag(self, report):
        if report.pk and report.evidence == MeetingReport.Evidence.WEAK:
            return flagged("linked on weak evidence")
        return ""


class StatementMeetingInline(MeetingReportInline):
    fields = ["meeting", "evidence", "reported_by"]
    readonly_fields = ["reported_by"]
    autocomplete_fields = ["meeting"]
    verbose_name = "meeting reported"
    verbose_name_plural = "meetings reported (existing or new; check weak links)"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("meeting")
            .annotate(reports=Count("meeting__reports", distinct=True))
        )

    @admin.display(description="meeting is")
    def reported_by(self, report):
        if not report.pk:
            return "-"
        meeting = report.meeting
        others = getattr(report, "reports", 1) - 1
        if others:
            status = f"Existing: reported by {others} other statement{'s' if others > 1 else ''}"
        else:
            status = "New: reported only here"
        when = meeting.start_date.isoformat() if meeting.start_date else "no date"
        if meeting.end_date and meeting.end_date != meeting.start_date:
            when += f" to {meeting.end_date.isoformat()}"
        if meeting.date_inferred:
            when += " (inferred)"
        where = meeting.place or "place unknown"
        text = format_html("{}; {}; {}", status, when, where)
        if report.note:
            text = format_html("{}. Evidence: {}", text, report.note)
        if meeting.start_date is None or meeting.date_inferred:
            text = format_html("{} {}", text, flagged("check the date"))
        if report.evidence == MeetingReport.Evidence.WEAK:
            text = format_html("{} {}", text, flagged("linked on weak evidence"))
        return text


class MeetingStatementInline(MeetingReportInline):
    fields = ["statement", "evidence", "note", "review_flag"]
    autocomplete_fields = ["statement"]
    verbose_name = "statement reporting it"
    verbose_name_plural = "statements reporting it"


class AttendanceInline(FastInlineMixin, admin.TabularInline):
    model = MeetingAttendance
    fields = ["participant", "delegation", "title"]
    autocomplete_fields = ["participant"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("participant")


class AliasInline(admin.TabularInline):
    model = ParticipantAlias
    fields = ["name"]
    extra = 0


# --- Statements ---------------------------------------------------------------------------------


@admin.register(Statement)
class StatementAdmin(HistoryAdmin):
    list_display = [
        "title",
        "date",
        "date_flag",
        "publisher",
        "kind",
        "status",
        "review_state",
        "officials",
    ]
    list_display_links = ["title"]
    list_filter = [
        "status",
        NeedsReviewFilter,
        "publisher",
        YearFilter,
        StatementCountryFilter,
        "kind",
        "topics",
    ]
    list_select_related = False
    search_fields = ["title", "slug", "source_url", "source_file", "publisher", "search_names"]
    show_facets = admin.ShowFacets.ALWAYS
    list_per_page = 50
    autocomplete_fields = ["topics"]
    formfield_overrides = PLAIN_LINES
    readonly_fields = [
        "date_source",
        "date_inferred",
        "date_note",
        "content_hash",
        "source_file",
        "images",
        "review_notes",
        "created_at",
        "updated_at",
        "public_link",
        "dates_in_text",
    ]
    fieldsets = [
        # No status field: the buttons at the bottom publish, keep published or make a draft.
        (None, {"fields": ["title", "slug", "needs_review", "public_link"]}),
        (
            "Date",
            {"fields": ["date", "date_source", "date_inferred", "date_note", "dates_in_text"]},
        ),
        ("Source", {"fields": ["publisher", "kind", "language", "source_url", "source_file"]}),
        ("Text", {"fields": ["body", "topics"]}),
        (
            "Provenance",
            {
                "classes": ["collapse"],
                "fields": ["content_hash", "images", "review_notes", "created_at", "updated_at"],
            },
        ),
    ]
    inlines = [StatementParticipantInline, StatementMeetingInline, CommitmentInline, QuoteInline]
    actions = ["publish", "make_draft", "mark_reviewed", "rerun_extraction"]
    change_form_template = "admin/statements/statement/review_form.html"

    def get_queryset(self, request):
        # Counting drops Meta.ordering: say it, or pagination warns and may repeat rows.
        return (
            super()
            .get_queryset(request)
            .annotate(official_count=Count("mentions"))
            .order_by(*Statement._meta.ordering)
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "add-readout/",
                view(admin_views.AddReadoutView.as_view(model_admin=self)),
                name="statements_statement_add_readout",
            ),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        """A statement comes from a text: adding one is "Add a readout"."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        return HttpResponseRedirect(reverse("admin:statements_statement_add_readout"))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("statements.publish_statement"):
            fields.append("status")
        return fields

    def has_delete_permission(self, request, obj=None):
        """Published statements are unpublished (made drafts), not deleted."""
        allowed = super().has_delete_permission(request, obj)
        if obj is not None and obj.status == Statement.Status.PUBLISHED:
            return allowed and request.user.is_superuser
        return allowed

    def get_deleted_objects(self, objs, request):
        """The bulk "delete selected" action too refuses published statements to curators."""
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        published = [o for o in objs if o.status == Statement.Status.PUBLISHED]
        if published and not request.user.is_superuser:
            perms_needed = {*perms_needed, "published statements (unpublish them instead)"}
        return to_delete, model_count, perms_needed, protected

    @admin.display(description="officials", ordering="official_count")
    def officials(self, statement):
        return statement.official_count

    @admin.display(description="needs review", ordering="needs_review")
    def review_state(self, statement):
        """A warning sign when a curator must look, a quiet word when not (not Django's
        green tick for True, which read as "all good" on the statements that need review)."""
        if statement.needs_review:
            return flagged("needs review")
        return format_html('<span class="curation-reviewed">{}</span>', "reviewed")

    @admin.display(description="date is")
    def date_flag(self, statement):
        if statement.date is None:
            return flagged("missing")
        if statement.date_inferred:
            return flagged("inferred")
        return statement.get_date_source_display()

    @admin.display(description="dates in the text")
    def dates_in_text(self, statement):
        """What the text says about when, read the importer's way (relative to the date above)."""
        from statements.ingest.dates import find_dates

        if not statement.pk:
            return "-"
        found = find_dates(statement.body, statement.date)
        if not found:
            return "None found" + ("" if statement.date else " (relative dates need a date above)")
        rows = []
        for mention in found[:12]:
            when = mention.start.isoformat()
            if mention.end and mention.end != mention.start:
                when += f" to {mention.end.isoformat()}"
            how = " (relative to the publication date)" if mention.relative else ""
            rows.append((mention.phrase, when, how))
        items = format_html_join("", "<li>“{}” → {}{}</li>", rows)
        return format_html('<ul class="curation-dates">{}</ul>', items)

    @admin.display(description="public page")
    def public_link(self, statement):
        if not statement.pk:
            return "-"
        url = statement.get_absolute_url()
        if statement.status != Statement.Status.PUBLISHED:
            return format_html(
                'Draft: not on the public site. <a href="{}">Preview it as the public will see'
                " it</a>",
                url,
            )
        return format_html('<a href="{}">{}</a>', url, url)

    def view_on_site(self, statement):
        """A draft's public address shows curators a preview (statements.views)."""
        return statement.get_absolute_url()

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.status == Statement.Status.DRAFT:
            context["title"] = "Review a draft statement"
        context.update(
            review_notes=curation.open_review_notes(obj) if obj else [],
            can_publish=request.user.has_perm("statements.publish_statement"),
            is_draft=bool(obj and obj.status == Statement.Status.DRAFT),
            preview_url=obj.get_absolute_url() if obj else "",
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if "date" in form.changed_data:
            obj.date_source = (
                Statement.DateSource.CURATOR if obj.date else Statement.DateSource.NONE
            )
            obj.date_inferred = False
            obj.date_note = f"Set by {request.user.get_username()}" if obj.date else ""
        can_publish = request.user.has_perm("statements.publish_statement")
        if "_publish" in request.POST and can_publish:
            obj.status = Statement.Status.PUBLISHED
            obj.needs_review = False
        elif "_save_draft" in request.POST:
            obj.status = Statement.Status.DRAFT
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is MeetingReport and isinstance(form.instance, Statement):
            self._save_meeting_links(form.instance, formset, request)
            return
        if formset.model is not StatementParticipant:
            formset.save()
            return
        # Officials: remember what each row was, so a new match or title can follow through.
        before = {
            f.instance.pk: (f.initial.get("participant"), f.initial.get("title_as_written"))
            for f in formset.initial_forms
        }
        attended_before = {f.instance.pk: f.initial.get("attended") for f in formset.initial_forms}
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            participant = obj.participant
            curation.record_official_removed(form.instance, obj.name_as_written, user=request.user)
            obj.delete()
            curation.forget_official(form.instance, participant)
        for instance in instances:
            curation.prepare_mention(instance)
            instance.save()
        formset.save_m2m()
        changes = []
        for instance in instances:
            old_pk, old_title = before.get(instance.pk, (None, None))
            old = Participant.objects.filter(pk=old_pk).first() if old_pk else None
            changes.append((instance, old, old_title if instance.pk in before else ""))
        # Recorded so that every re-import re-applies them (and only them).
        curation.record_official_corrections(
            form.instance,
            [
                (
                    instance,
                    old,
                    old_title if instance.pk in before else None,
                    attended_before.get(instance.pk),
                )
                for instance, old, old_title in changes
            ],
            user=request.user,
        )
        # Followed through in save_related, once the quotes' rows (naming the old match) are saved.
        form.instance._official_changes = changes

    def _save_meeting_links(self, statement, formset, request):
        """A meeting link a curator makes or changes is theirs (kept on re-runs), and the
        statement's attendees follow it to the meeting it now reports."""
        before = {f.instance.pk: f.initial.get("meeting") for f in formset.initial_forms}
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for instance in instances:
            changed = _changed(formset, instance)
            if "meeting" in changed or (
                "evidence" in changed and instance.evidence == MeetingReport.Evidence.CURATOR
            ):
                curation._decided(instance, request.user, "a curator linked it here")
            instance.save()
        # Followed through once every inline is saved (the commitments' rows still name the
        # old meeting until then).
        statement._relinked_meetings = [
            (before[instance.pk], instance.meeting)
            for instance in instances
            if before.get(instance.pk) and before[instance.pk] != instance.meeting_id
        ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        statement = form.instance
        curation.apply_official_corrections(statement, getattr(statement, "_official_changes", []))
        for old_pk, new in getattr(statement, "_relinked_meetings", []):
            old = Meeting.objects.filter(pk=old_pk).first()
            curation.relink_meeting(statement, old, new)
        statement.refresh_search_names()
        curation.drop_resolved_review_notes(statement)

    def response_change(self, request, obj):
        if "_reextract" in request.POST:
            keep = "discard_manual" not in request.POST
            try:
                outcome = curation.rerun_extraction(obj, keep_manual=keep)
            except curation.CurationError as error:
                self.message_user(request, f"Extraction not re-run: {error}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"Extraction re-run ({outcome})"
                    + ("; your corrections were kept." if keep else "; corrections discarded."),
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(request.path)
        if "_publish" in request.POST or "_save_draft" in request.POST:
            obj.refresh_from_db()
            if obj.status == Statement.Status.PUBLISHED:
                self.message_user(
                    request,
                    format_html(
                        'Published: <a href="{}">{}</a>', obj.get_absolute_url(), obj.title
                    ),
                    messages.SUCCESS,
                )
            else:
                self.message_user(request, "Saved as a draft (not public).", messages.SUCCESS)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    @admin.action(description="Publish the selected statements", permissions=["publish"])
    def publish(self, request, queryset):
        for statement in queryset.exclude(status=Statement.Status.PUBLISHED):
            statement.status = Statement.Status.PUBLISHED
            statement.save(update_fields=["status", "updated_at"])
        self.message_user(request, "Published.", messages.SUCCESS)

    @admin.action(description="Unpublish (make drafts)", permissions=["publish"])
    def make_draft(self, request, queryset):
        for statement in queryset.exclude(status=Statement.Status.DRAFT):
            statement.status = Statement.Status.DRAFT
            statement.save(update_fields=["status", "updated_at"])
        self.message_user(request, "Made drafts: no longer public.", messages.SUCCESS)

    @admin.action(description="Mark as reviewed", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        for statement in queryset.filter(needs_review=True):
            statement.needs_review = False
            statement.save(update_fields=["needs_review", "updated_at"])
        self.message_user(request, "Marked as reviewed.", messages.SUCCESS)

    @admin.action(description="Re-run extraction (keeps manual fixes)", permissions=["change"])
    def rerun_extraction(self, request, queryset):
        for statement in queryset:
            try:
                curation.rerun_extraction(statement, keep_manual=True)
            except curation.CurationError as error:
                self.message_user(request, f"{statement}: {error}", messages.ERROR)
        self.message_user(request, "Extraction re-run.", messages.SUCCESS)

    def has_publish_permission(self, request):
        return request.user.has_perm("statements.publish_statement")


# --- Officials ----------------------------------------------------------------------------------


class MergeActionMixin:
    """An admin action that merges the selected rows into one the curator picks."""

    merge_label = ""
    merge_permission = ""

    def merge_counts(self, obj):
        """{what: how many}, the deciding count first."""
        raise NotImplementedError

    def merge_details(self, obj):
        """Short lines saying what `obj` holds, so a curator can tell the rows apart."""
        return []

    def merge(self, source, target, user):
        raise NotImplementedError

    def has_merge_permission(self, request):
        return request.user.has_perm(self.merge_permission)

    def in_use(self, obj):
        raise NotImplementedError

    def has_delete_permission(self, request, obj=None):
        """Only a row nothing refers to may be deleted; otherwise merge it."""
        allowed = super().has_delete_permission(request, obj)
        return allowed and not (obj is not None and self.in_use(obj))

    def get_deleted_objects(self, objs, request):
        """The bulk "delete selected" action refuses rows still in use, too."""
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if any(self.in_use(obj) for obj in objs):
            perms_needed = {*perms_needed, f"{self.merge_label} still in use (merge them instead)"}
        return to_delete, model_count, perms_needed, protected

    def merge_selected(self, request, queryset):
        objects = list(queryset)
        if len(objects) < 2:
            self.message_user(request, f"Select at least two {self.merge_label}.", messages.ERROR)
            return None
        if request.POST.get("confirm") == "yes":
            target_pk = request.POST.get("target")
            target = next((o for o in objects if str(o.pk) == target_pk), None)
            if target is None:
                self.message_user(request, "Choose which one to keep.", messages.ERROR)
            else:
                records = [
                    self.merge(source, target, request.user)
                    for source in objects
                    if source.pk != target.pk
                ]
                self.message_user(
                    request,
                    f"Merged {', '.join(r.merged_name for r in records)} into {target}.",
                    messages.SUCCESS,
                )
                return None
        # The one holding most (mentions first) is pre-selected: usually the one to keep, where
        # the first selected was often the empty duplicate.
        rows = [(obj, self.merge_counts(obj), self.merge_details(obj)) for obj in objects]
        rows.sort(key=lambda row: (-list(row[1].values())[0], -sum(row[1].values()), row[0].pk))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {self.merge_label}",
            "opts": self.model._meta,
            "objects": rows,
            "queryset": queryset,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action": request.POST.get("action"),
            "merge_label": self.merge_label,
        }
        return TemplateResponse(request, "admin/statements/merge_confirm.html", context)


@admin.register(Participant)
class ParticipantAdmin(MergeActionMixin, HistoryAdmin):
    list_display = ["name", "country", "title_list", "statement_count", "alias_count"]
    list_filter = ["country"]
    search_fields = ["name", "slug", "aliases__name"]
    show_facets = admin.ShowFacets.ALWAYS
    form = ParticipantForm
    readonly_fields = ["created_at", "updated_at", "public_link"]
    fields = ["name", "slug", "country", "titles", "public_link", "created_at", "updated_at"]
    inlines = [AliasInline]
    actions = ["merge_selected"]
    merge_label = "officials"
    merge_permission = "statements.merge_participant"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                statement_count=Count("statement_mentions", distinct=True),
                alias_count=Count("aliases", distinct=True),
            )
            .order_by(*Participant._meta.ordering)  # counting drops Meta.ordering
        )

    def save_related(self, request, form, formsets, change):
        """Statements copy their officials' names for search: keep them current."""
        super().save_related(request, form, formsets, change)
        for statement in Statement.objects.filter(mentions__participant=form.instance):
            statement.refresh_search_names()

    def merge_counts(self, obj):
        return curation.participant_merge_counts(obj)

    def merge_details(self, obj):
        return curation.participant_merge_details(obj)

    def merge(self, source, target, user):
        return curation.merge_participants(source, target, user=user)

    @admin.action(description="Merge selected officials into one…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        return super().merge_selected(request, queryset)

    def in_use(self, participant):
        return (
            participant.statement_mentions.exists()
            or participant.attendances.exists()
            or participant.quotes.exists()
        )

    @admin.display(description="titles")
    def title_list(self, participant):
        return "; ".join(participant.titles[:3])

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, participant):
        return participant.statement_count

    @admin.display(description="aliases", ordering="alias_count")
    def alias_count(self, participant):
        return participant.alias_count

    @admin.display(description="public page")
    def public_link(self, participant):
        if not participant.pk:
            return "-"
        return format_html('<a href="{0}">{0}</a>', participant.get_absolute_url())


# --- Meetings -----------------------------------------------------------------------------------


@admin.register(Meeting)
class MeetingAdmin(MergeActionMixin, HistoryAdmin):
    list_display = ["title", "start_date", "end_date", "city", "kind", "statement_count"]
    list_filter = [MeetingYearFilter, "kind", MeetingCountryFilter, "date_inferred"]
    search_fields = ["title", "slug", "city", "venue"]
    show_facets = admin.ShowFacets.ALWAYS
    readonly_fields = ["created_at", "updated_at"]
    inlines = [AttendanceInline, MeetingStatementInline]
    actions = ["merge_selected"]
    merge_label = "meetings"
    merge_permission = "statements.merge_meeting"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(statement_count=Count("reports"))
            .order_by(*Meeting._meta.ordering)  # counting drops Meta.ordering
        )

    def merge_counts(self, obj):
        return curation.meeting_merge_counts(obj)

    def merge_details(self, obj):
        return curation.meeting_merge_details(obj)

    def merge(self, source, target, user):
        return curation.merge_meetings(source, target, user=user)

    @admin.action(description="Merge selected meetings into one…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        return super().merge_selected(request, queryset)

    def in_use(self, meeting):
        return meeting.reports.exists()

    def save_formset(self, request, form, formset, change):
        """A statement a curator links to the meeting is their link (kept on re-runs)."""
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for instance in instances:
            if isinstance(instance, MeetingReport) and "statement" in _changed(formset, instance):
                curation._decided(instance, request.user, "a curator linked it here")
            instance.save()
        formset.save_m2m()

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, meeting):
        return meeting.statement_count


# --- Links between statements and meetings ------------------------------------------------------


@admin.register(MeetingReport)
class MeetingReportAdmin(BoundedSearchMixin, admin.ModelAdmin):
    """Every statement-to-meeting link with its evidence: curators confirm, move or split it.

    Move: change the meeting on the link's page. Split: the action gives the statement a meeting
    of its own. Either way the link becomes the curator's, and no import undoes it."""

    list_display = ["statement", "meeting", "evidence", "confidence", "review_flag"]
    list_filter = ["evidence"]
    search_fields = ["statement__title", "meeting__title"]
    list_select_related = ["statement", "meeting"]
    autocomplete_fields = ["meeting"]
    fields = ["statement", "meeting", "evidence", "confidence", "evidence_items", "note"]
    readonly_fields = ["statement", "evidence", "confidence", "evidence_items", "note"]
    actions = ["confirm_links", "split_links"]

    def has_add_permission(self, request):
        return False  # links are made on a statement's or a meeting's page

    @admin.display(description="review")
    def review_flag(self, report):
        if report.needs_review:
            return flagged("uncertain: confirm, move or split it")
        return ""

    @admin.display(description="why")
    def evidence_items(self, report):
        items = report.reasons or []
        if not items:
            return "-"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}{}</li>",
                ((("" if r.get("agrees", True) else "Disagrees: "), r["text"]) for r in items),
            ),
        )

    def save_model(self, request, obj, form, change):
        if change and "meeting" in form.changed_data:
            new = obj.meeting
            curation.move_link(MeetingReport.objects.get(pk=obj.pk), new, user=request.user)
        elif change:
            curation.confirm_link(obj, user=request.user)

    @admin.action(description="Confirm the selected links", permissions=["change"])
    def confirm_links(self, request, queryset):
        for report in queryset:
            curation.confirm_link(report, user=request.user)
        self.message_user(request, f"{queryset.count()} link(s) confirmed.", messages.SUCCESS)

    @admin.action(
        description="Split the selected statements into meetings of their own",
        permissions=["change"],
    )
    def split_links(self, request, queryset):
        count = 0
        for report in list(queryset):
            curation.split_link(report, user=request.user)
            count += 1
        self.message_user(request, f"{count} statement(s) split off.", messages.SUCCESS)


# --- The rest -----------------------------------------------------------------------------------


@admin.register(Commitment)
class CommitmentAdmin(BoundedSearchMixin, admin.ModelAdmin):
    list_display = ["short_text", "statement", "meeting", "party_list"]
    list_filter = ["topics", "statement__status"]
    search_fields = ["text", "statement__title"]
    show_facets = admin.ShowFacets.ALWAYS
    autocomplete_fields = ["statement", "meeting", "topics"]
    list_select_related = ["statement", "meeting"]
    form = CommitmentForm
    formfield_overrides = PLAIN_LINES

    @admin.display(description="commitment")
    def short_text(self, commitment):
        return commitment.text[:120]

    @admin.display(description="parties")
    def party_list(self, commitment):
        return ", ".join(commitment.parties)


@admin.register(Quote)
class QuoteAdmin(BoundedSearchMixin, admin.ModelAdmin):
    list_display = ["speaker_as_written", "speaker", "short_text", "statement"]
    list_filter = ["statement__status", ("speaker", admin.EmptyFieldListFilter)]
    search_fields = ["text", "speaker_as_written", "speaker__name", "statement__title"]
    show_facets = admin.ShowFacets.ALWAYS
    autocomplete_fields = ["statement", "speaker"]
    list_select_related = ["statement", "speaker"]
    formfield_overrides = PLAIN_LINES

    @admin.display(description="quote")
    def short_text(self, quote):
        return quote.text[:120]


@admin.register(Topic)
class TopicAdmin(BoundedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "statement_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(statement_count=Count("statements"))
            .order_by(*Topic._meta.ordering)  # counting drops Meta.ordering
        )

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, topic):
        return topic.statement_count


@admin.register(MergeRecord)
class MergeRecordAdmin(BoundedSearchMixin, admin.ModelAdmin):
    list_display = ["merged_name", "target_name", "kind", "merged_by", "merged_at"]
    list_filter = ["kind"]
    search_fields = ["merged_name", "merged_slug", "target_name"]
    readonly_fields = [f.name for f in MergeRecord._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _changed(formset, instance):
    for form in formset.forms:
        if form.instance is instance:
            return form.changed_data
    return []


import statements.admin_threads  # noqa: E402, F401  commitment threads: split and join
