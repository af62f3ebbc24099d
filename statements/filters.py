"""The one vocabulary of GET parameters shared by the search page, the downloads and the API.

`q, official, topic, country, publisher, kind, year, meeting, language, date_from, date_to, sort,
page`;
`q` and `sort` belong to the search engine (`statements.search`), `page` to the views, the rest
are filters here.
Facet parameters repeat (`?official=a&official=b`); values of one facet are ORed, facets are
ANDed. Each facet filters through a subquery on its link table (`pk IN (…)`), never a join plus
DISTINCT, so the statement table is scanned once whatever is chosen. `qs_without(name)` is the
queryset with every filter but one: the base of that facet's counts (multi-select facets).
"""

import copy
import datetime
from functools import cached_property

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.http import QueryDict

from statements.models import (
    Meeting,
    MeetingReport,
    Participant,
    Statement,
    StatementParticipant,
    Topic,
    country_choices,
)

MAX_VALUES_PER_FACET = 20
UNDATED = "undated"  # the year facet's value for statements with no date (search.facets)
FACETS = ("official", "topic", "country", "publisher", "kind", "year", "meeting", "language")
# The languages the importer tells apart (`ingest.documents.detect_language`), each named in
# itself: a reader looks for their own language's name.
LANGUAGES = [("en", "English"), ("es", "Español"), ("fr", "Français"), ("pt", "Português")]


class MultiValueField(forms.Field):
    """A repeatable GET parameter, each value cleaned by `child` (a form field)."""

    widget = forms.SelectMultiple

    def __init__(self, *, child, **kwargs):
        self.child = child
        super().__init__(**kwargs)

    def clean(self, value):
        values = [v for v in (value or []) if str(v).strip()]
        if len(values) > MAX_VALUES_PER_FACET:
            raise forms.ValidationError(f"At most {MAX_VALUES_PER_FACET} values, please.")
        cleaned = []
        for item in values:
            item = self.child.clean(item)
            if item not in cleaned:
                cleaned.append(item)
        return cleaned


class YearField(forms.IntegerField):
    """A year, or "undated" (statements without a date, even from a meeting)."""

    def __init__(self, **kwargs):
        super().__init__(min_value=1000, max_value=9999, **kwargs)

    def clean(self, value):
        if str(value).strip().lower() == UNDATED:
            return UNDATED
        return super().clean(value)


class _SharedFields(dict):
    """A form class's fields, given to each of its forms as they are instead of deep-copied
    (what `Form.__init__` does, so that a form may change its own fields: the filter set's
    form never does; validating only reads them). The copy cost each search about 0.4 ms."""

    def __deepcopy__(self, memo):
        return dict(self)


class MultiValueFilter(django_filters.Filter):
    field_class = MultiValueField


class SlugsFilter(django_filters.ModelMultipleChoiceFilter):
    """Repeatable slugs of a model; an unknown slug is a validation error naming it."""

    def __init__(self, *args, queryset, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, queryset=queryset, **kwargs)


def in_statements(link_queryset):
    return Q(pk__in=link_queryset.values("statement_id"))


class StatementFilter(django_filters.FilterSet):
    official = SlugsFilter(queryset=Participant.objects.all(), method="filter_official")
    topic = SlugsFilter(queryset=Topic.objects.all(), method="filter_topic")
    meeting = SlugsFilter(queryset=Meeting.objects.all(), method="filter_meeting")
    country = django_filters.MultipleChoiceFilter(
        choices=lambda: country_choices()[1:], method="filter_country"
    )
    publisher = MultiValueFilter(method="filter_publisher", child=forms.CharField(max_length=200))
    kind = django_filters.MultipleChoiceFilter(choices=Statement.Kind.choices, method="filter_kind")
    year = MultiValueFilter(method="filter_year", child=YearField())
    language = django_filters.MultipleChoiceFilter(choices=LANGUAGES, method="filter_language")
    # Dates are the listing date: a statement's own, else that of the meeting it reports.
    date_from = django_filters.DateFilter(
        field_name="listing_date", lookup_expr="gte", label="From", input_formats=["%Y-%m-%d"]
    )
    date_to = django_filters.DateFilter(
        field_name="listing_date", lookup_expr="lte", label="To", input_formats=["%Y-%m-%d"]
    )

    class Meta:
        model = Statement
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        """As django-filter's, but the filters are copied for this request only when one is
        used (`filters`): most searches choose none, and the copy cost each about 0.4 ms."""
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix

    @cached_property
    def filters(self):
        """This request's filters (django-filter's: deep copies of the class's, which know
        their filter set)."""
        return self._copy_filters()

    def _copy_filters(self):
        filters = copy.deepcopy(self.base_filters)
        for filter_ in filters.values():
            filter_.model = self.queryset.model
            filter_.parent = self
        return filters

    def get_form_class(self):
        """The form class, built once per FilterSet class: its fields depend on nothing of the
        request, and building them (querysets, labels, a new class) cost each search about
        0.5 ms. Its forms share the class's fields (`_SharedFields`)."""
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            fields = {name: filter_.field for name, filter_ in self._copy_filters().items()}
            form_class = type(f"{cls.__name__}Form", (self._meta.form,), fields)
            form_class.base_fields = _SharedFields(form_class.base_fields)
            cls._form_class = form_class
        return cls._form_class

    def filter_official(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            in_statements(StatementParticipant.objects.filter(participant__in=value))
        )

    def filter_topic(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            in_statements(Statement.topics.through.objects.filter(topic__in=value))
        )

    def filter_meeting(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(in_statements(MeetingReport.objects.filter(meeting__in=value)))

    def filter_country(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            in_statements(StatementParticipant.objects.filter(participant__country__in=value))
        )

    def filter_publisher(self, queryset, name, value):
        return queryset.filter(publisher__in=value) if value else queryset

    def filter_kind(self, queryset, name, value):
        return queryset.filter(kind__in=value) if value else queryset

    def filter_language(self, queryset, name, value):
        return queryset.filter(language__in=value) if value else queryset

    def filter_year(self, queryset, name, value):
        if not value:
            return queryset
        # Date ranges, not listing_date__year__in, so the date index serves them.
        ranges = Q()
        for year in value:
            if year == UNDATED:
                ranges |= Q(listing_date__isnull=True)
            else:
                start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
                ranges |= Q(listing_date__gte=start, listing_date__lte=end)
        return queryset.filter(ranges)

    def undated_left_out(self):
        """The undated statements a chosen date range leaves out (that every other filter
        keeps), or None without a date range."""
        chosen = self.chosen()
        if not (chosen.get("date_from") or chosen.get("date_to")):
            return None
        queryset = self.queryset.all()
        for name, value in chosen.items():
            if name not in ("date_from", "date_to", "year"):
                queryset = self.filters[name].filter(queryset, value)
        return queryset.filter(listing_date__isnull=True)

    # --- what the views need -----------------------------------------------------------------

    @property
    def cleaned(self):
        """The valid part of the request (invalid parameters are left out, see `errors`)."""
        self.errors  # noqa: B018 - runs validation
        return getattr(self.form, "cleaned_data", {})

    def chosen(self):
        """{name: value} of the valid filters with a value (the same dict each time: read it,
        do not change it; a search asks some 30 times).

        An official, topic or meeting facet left out is an empty QuerySet (`none()`): asking it
        for its truth would compile it (about 0.5 ms each, three per request), so it is
        recognised by its query first (chosen slugs were read by the validation already).
        """
        return self._chosen

    @cached_property
    def _chosen(self):
        return {
            name: value
            for name, value in self.cleaned.items()
            if not (isinstance(value, QuerySet) and value.query.is_empty()) and value
        }

    def filtered(self, *, without=None):
        """The queryset with every valid filter applied, except `without` (a facet name)."""
        queryset = self.queryset.all()
        for name, value in self.chosen().items():
            if name != without:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def selected(self, name):
        """Chosen values of a facet: {value as in the URL: label}, in the order of the request."""
        labels = {}
        for item in self.chosen().get(name, []):
            if hasattr(item, "slug"):
                labels[item.slug] = str(item)
            elif item == UNDATED:
                labels[UNDATED] = "Undated"
            else:
                choices = self.filters[name].extra.get("choices", [])
                labels[str(item)] = dict(choices() if callable(choices) else choices).get(
                    item, str(item)
                )
        return labels

    def error_messages(self):
        """Readable messages, one per invalid parameter."""
        messages = []
        for name, errors in self.errors.items():
            raw = ", ".join(self.data.getlist(name)) if hasattr(self.data, "getlist") else ""
            shown = f" ({raw[:80]})" if raw else ""
            messages.append(f"{name}{shown}: {' '.join(errors)}")
        return messages
