"""The result count and every facet's counts for a search, in ONE SQL query.

Multi-select facets: each facet is counted over the statements that match the text query and
every *other* facet's filter, so the counts of a facet's other values say what choosing them
(too) would give. Facets without a chosen value share one base; a facet with chosen values gets
its own. Each base is a MATERIALIZED common table expression, so the text match runs once per
base (usually once), not once per facet; each facet is then one GROUP BY over its link table,
and all of them come back together with UNION ALL.

High-cardinality facets (official, topic, meeting, publisher) are cut to the top `limit` in SQL,
chosen values first; the small ones (country, kind, year) are counted in full.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, CharField, Count, F, IntegerField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, ExtractYear

from statements.models import Country, MeetingReport, Statement, StatementParticipant
from statements.search.cache import cached

FACET_LIMIT = 12
COUNTRY_LABELS = dict(Country.choices)
KIND_LABELS = dict(Statement.Kind.choices)
LIMITED = {"official", "topic", "meeting", "publisher"}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = field(default="", compare=False)

    def as_dict(self):
        return {"value": self.value, "label": self.label, "count": self.count}


def _text(expression):
    return Cast(expression, output_field=CharField())


def _no_label():
    return Value("", output_field=CharField())


def _facet_rows(name, ids):
    """A values() queryset with columns v (value), l (label), n (statements), over `ids`."""
    if name == "official":
        rows = StatementParticipant.objects.filter(statement_id__in=ids).values(
            v=F("participant__slug"), l=F("participant__name")
        )
        return rows.annotate(n=Count("statement_id")), "participant__slug"
    if name == "topic":
        rows = Statement.topics.through.objects.filter(statement_id__in=ids).values(
            v=F("topic__slug"), l=F("topic__name")
        )
        return rows.annotate(n=Count("statement_id")), "topic__slug"
    if name == "meeting":
        rows = MeetingReport.objects.filter(statement_id__in=ids).values(
            v=F("meeting__slug"), l=F("meeting__title")
        )
        return rows.annotate(n=Count("statement_id")), "meeting__slug"
    if name == "country":
        rows = (
            StatementParticipant.objects.filter(statement_id__in=ids)
            .exclude(participant__country="")
            .values(v=F("participant__country"), l=_no_label())
        )
        return rows.annotate(n=Count("statement_id", distinct=True)), None
    statements = Statement.objects.filter(pk__in=ids).order_by()
    if name == "year":
        rows = statements.filter(date__isnull=False).values(
            v=_text(ExtractYear("date")), l=_no_label()
        )
        return rows.annotate(n=Count("pk")), None
    if name in ("publisher", "kind"):
        rows = statements.exclude(**{name: ""}).values(v=F(name), l=_no_label())
        return rows.annotate(n=Count("pk")), name
    raise ValueError(f"Unknown facet {name}")


def _facet_sql(name, ids, selected, limit):
    rows, value_field = _facet_rows(name, ids)
    if name in LIMITED:
        chosen_first = Value(1, output_field=IntegerField())
        if selected:
            chosen_first = Case(
                When(**{f"{value_field}__in": list(selected)}, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        rows = rows.order_by(chosen_first, "-n", "v")[: limit + len(selected)]
    else:
        rows = rows.order_by()
    return rows.query.sql_with_params()


def _label(name, value, label):
    if label:
        return label
    if name == "country":
        return COUNTRY_LABELS.get(value, value)
    if name == "kind":
        return KIND_LABELS.get(value, value)
    return value


def _order(name, values):
    if name == "year":
        return sorted(values, key=lambda v: v.value, reverse=True)
    return sorted(values, key=lambda v: (-v.count, v.label.casefold()))


def count_and_facets(shared, own_bases, selected, names, limit=FACET_LIMIT, generation=None):
    """(count of `shared`, {facet: [FacetValue]}) in one query.

    `shared`: the matched statements with every filter. `own_bases`: {facet: statements matched
    with every filter but that facet's} for facets with chosen values. `selected`: {facet:
    {value: label}} of the chosen values (always shown, with a count of 0 if nothing is left).
    `generation`: the search generation to cache the counts under (see `search.cache`).
    """
    ctes, cte_params = [], []

    def cte(alias, queryset):
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
        ctes.append(f"{alias}(id) AS MATERIALIZED ({sql})")
        cte_params.extend(params)
        return RawSQL(f"SELECT id FROM {alias}", [])

    shared_ids = cte("base_shared", shared)
    parts = ["SELECT %s, '', '', COUNT(*) FROM base_shared"]
    part_params = ["#count"]
    for index, name in enumerate(names):
        ids = cte(f"base_{index}", own_bases[name]) if name in own_bases else shared_ids
        sql, facet_params = _facet_sql(name, ids, selected.get(name) or {}, limit)
        parts.append(f"SELECT %s, f.v, f.l, f.n FROM ({sql}) f")
        part_params.extend([name, *facet_params])
    query = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(parts)
    params = cte_params + part_params

    def run():
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            return cursor.fetchall()

    rows = cached(generation, query, params, run)

    count = 0
    found = {name: {} for name in names}
    for facet, value, label, n in rows:
        if facet == "#count":
            count = n
            continue
        value = str(value)
        chosen = selected.get(facet) or {}
        found[facet][value] = FacetValue(
            value, _label(facet, value, label), n, selected=value in chosen
        )
    facets = {}
    for name in names:
        values = found[name]
        chosen = selected.get(name) or {}
        for value, label in chosen.items():
            values.setdefault(value, FacetValue(value, label, 0, selected=True))
        ordered = _order(name, values.values())
        top = ordered[:limit]
        top += [v for v in ordered[limit:] if v.selected]
        facets[name] = _order(name, top)
    return count, facets
