"""Facet counts for a search: one GROUP BY query per facet, over that facet's own base.

Multi-select facets: each facet is counted over the statements that match the text query and
every *other* facet's filter, so the counts of a facet's other values say what choosing them
(too) would give. Values chosen but outside the top `limit` are counted and shown as well.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear

from statements.models import Country, MeetingReport, Statement, StatementParticipant

FACET_LIMIT = 12
COUNTRY_LABELS = dict(Country.choices)
KIND_LABELS = dict(Statement.Kind.choices)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False

    def as_dict(self):
        return {"value": self.value, "label": self.label, "count": self.count}


def _link_counts(link_model, statements, value_field, label_field, distinct=False):
    rows = (
        link_model.objects.filter(statement_id__in=statements.order_by().values("pk"))
        .values(value_field, label_field)
        .annotate(n=Count("statement_id", distinct=distinct))
    )
    return rows, value_field, label_field


def _count_rows(name, statements):
    """(rows queryset, value key, label key or None) for one facet over `statements`."""
    if name == "official":
        return _link_counts(
            StatementParticipant, statements, "participant__slug", "participant__name"
        )
    if name == "topic":
        return _link_counts(Statement.topics.through, statements, "topic__slug", "topic__name")
    if name == "meeting":
        return _link_counts(MeetingReport, statements, "meeting__slug", "meeting__title")
    if name == "country":
        rows = (
            StatementParticipant.objects.filter(statement_id__in=statements.order_by().values("pk"))
            .exclude(participant__country="")
            .values("participant__country")
            .annotate(n=Count("statement_id", distinct=True))
        )
        return rows, "participant__country", None
    if name == "year":
        rows = (
            statements.order_by()
            .filter(date__isnull=False)
            .annotate(year=ExtractYear("date"))
            .values("year")
            .annotate(n=Count("pk"))
        )
        return rows, "year", None
    if name in ("publisher", "kind"):
        rows = statements.order_by().exclude(**{name: ""}).values(name).annotate(n=Count("pk"))
        return rows, name, None
    raise ValueError(f"Unknown facet {name}")


def _label(name, value, row_label):
    if row_label is not None:
        return row_label
    if name == "country":
        return COUNTRY_LABELS.get(value, value)
    if name == "kind":
        return KIND_LABELS.get(value, value)
    return str(value)


def count_facet(name, statements, selected=None, limit=FACET_LIMIT):
    """The top `limit` values of a facet over `statements`, plus any selected ones.

    `selected` maps chosen values (as in the URL) to their labels.
    """
    selected = selected or {}
    rows, value_key, label_key = _count_rows(name, statements)
    order = ("-year",) if name == "year" else ("-n", value_key)
    top = list(rows.order_by(*order)[:limit])
    shown = {str(row[value_key]) for row in top}
    missing = [v for v in selected if v not in shown]
    if missing:
        lookup = f"{value_key}__in" if name != "year" else "year__in"
        top += list(rows.filter(**{lookup: missing}).order_by(*order))
    values = []
    for row in top:
        value = str(row[value_key])
        label = _label(name, row[value_key], row[label_key] if label_key else None)
        values.append(FacetValue(value, label, row["n"], selected=value in selected))
    shown = {v.value for v in values}
    # A chosen value with no statements left still shows (count 0), so it can be removed.
    values += [FacetValue(v, label, 0, True) for v, label in selected.items() if v not in shown]
    return values
