"""The result count and every facet's counts for a search, in ONE SQL query.

Multi-select facets: each facet is counted over the statements that match the text query and
every *other* facet's filter, so the counts of a facet's other values say what choosing them
(too) would give. Facets without a chosen value share one base; a facet with chosen values gets
its own. Each base is a MATERIALIZED common table expression, so the text match runs once per
base (usually once), not once per facet, and all facets come back together with UNION ALL.

Counting is linear in the statements counted, so the SQL touches as little as it can per
statement (see "Search design at scale" in docs/PERFORMANCE.md for the measurements):

- Link facets (official, topic, meeting, country) are counted from the link tables alone,
  grouped by the integer id; labels and slugs are joined only for the rows that can be shown
  (the top `limit` and ties, plus the chosen values), not for every group (3,000 officials,
  tens of thousands of meetings at archive scale).
- Statement facets (kind, publisher, year, language) read `statement_search_facets_idx` on SQLite (a
  covering index that `sqlite.ensure_fts_sync` creates): statement rows start with their body,
  and SQLite walks a body's overflow pages to reach the columns stored after it.
- Two ways to count the same numbers: over the matched ids (the default), or, when the base is
  every published statement (the browse page: no query, no filter), *whole*: every statement
  counted straight from the indexes of the link tables (no ids to look up), minus the drafts'
  counts. Facets count statements per value, so counts over disjoint sets subtract exactly.
  The same subtraction for a query matching most of the archive (count the non-matches) was
  measured and not kept: see docs/PERFORMANCE.md.

High-cardinality facets (official, topic, meeting, publisher) are cut to the top `limit` in SQL,
chosen values first, ties broken by slug as before; the small ones (country, kind, year) are
counted in full (the language facet too; `faceted.FacetedSearch.facets` shows it only when it
can narrow the search: two languages or more, or one chosen).
"""

import json
from dataclasses import dataclass, field

from django.db import connection

from statements.filters import LANGUAGES
from statements.models import (
    Meeting,
    MeetingReport,
    Participant,
    Statement,
    StatementParticipant,
    Topic,
    country_label,
)
from statements.search.cache import cached
from statements.search.sqlite import FACETS_INDEX

FACET_LIMIT = 12
EXPANDED_LIMIT = 1000  # a facet the reader asked to see whole ("Show all")
UNDATED = "undated"  # the year facet's value for statements with no date at all
KIND_LABELS = dict(Statement.Kind.choices)
LANGUAGE_LABELS = dict(LANGUAGES)
LIMITED = {"official", "topic", "meeting", "publisher"}
PUBLISHED = Statement.Status.PUBLISHED
STATEMENTS = Statement._meta.db_table
# facet: (link table, its value column, the table of values, their label column)
LINKS = {
    "official": (StatementParticipant._meta.db_table, "participant_id", Participant, "name"),
    "topic": (Statement.topics.through._meta.db_table, "topic_id", Topic, "name"),
    "meeting": (MeetingReport._meta.db_table, "meeting_id", Meeting, "title"),
}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = field(default="", compare=False)

    def as_dict(self):
        return {"value": self.value, "label": self.label, "count": self.count}


def _unindexed(expression):
    """`expression` that SQLite will not walk an index for (unary +): when counting every row,
    reading a covering index and sorting beats walking a narrower index in order and reading
    each row from the table (where statements keep their bodies, and links their names)."""
    return f"+{expression}" if connection.vendor == "sqlite" else expression


def _year(column):
    if connection.vendor == "sqlite":
        return f"CAST(substr({column}, 1, 4) AS INTEGER)"
    return f"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)"


def _counts(name, ids):
    """SQL (columns k, n) counting statements per value of a facet.

    `ids`: the name of a CTE of statement ids, or None for every statement (drafts too: see
    `_whole_minus`), which is counted straight from an index, without looking ids up.
    """
    sqlite = connection.vendor == "sqlite"

    def among(table, column):
        """FROM `table` limited to the ids. SQLite: `IN (SELECT id FROM cte)`, so it walks the
        ids and looks each up in a covering index (joined to a CTE used twice, it builds a Bloom
        filter by reading every statement first: 60 ms for 5 matches at 10,000 statements).
        PostgreSQL: a join, since for `IN` it guesses 200 distinct ids and looks each up."""
        if not ids:
            return f"{table}", []
        if sqlite:
            if table == f"{STATEMENTS} s":  # without statistics SQLite would read the rows
                table = f"{STATEMENTS} s INDEXED BY {FACETS_INDEX}"
            return f"{table}", [f"{column} IN (SELECT id FROM {ids})"]
        return f"{ids} b JOIN {table} ON {column} = b.id", []

    if name in LINKS or name == "country":
        link, column = LINKS[name][:2] if name in LINKS else LINKS["official"][:2]
        source, where = among(f"{link} l", "l.statement_id")
        if name == "country":
            # Statements per country, not mentions: each (statement, country) pair once.
            participant = _unindexed("l.participant_id")
            source += f" JOIN {Participant._meta.db_table} p ON p.id = {participant}"
            where.append("p.country <> ''")
            pairs = f"SELECT DISTINCT l.statement_id, p.country AS k FROM {source}"
            pairs += f" WHERE {' AND '.join(where)}"
            return f"SELECT k, COUNT(*) AS n FROM ({pairs}) pairs GROUP BY k"
        key = f"l.{column}"
        condition = f" WHERE {' AND '.join(where)}" if where else ""
        return f"SELECT {key} AS k, COUNT(*) AS n FROM {source}{condition} GROUP BY {key}"
    if name == "year":
        # Statements without a date, even from a meeting, count under "undated".
        key = f"COALESCE(CAST({_year('s.listing_date')} AS TEXT), '{UNDATED}')"
        condition = "1 = 1"
    elif name in ("kind", "publisher", "language"):
        key, condition = f"s.{name}", f"s.{name} <> ''"
    else:
        raise ValueError(f"Unknown facet {name}")
    source, where = among(f"{STATEMENTS} s", "s.id")
    condition = " AND ".join([*where, condition])
    return f"SELECT {key} AS k, COUNT(*) AS n FROM {source} WHERE {condition} GROUP BY {key}"


def _whole_minus(name, rest):
    """Counts over every statement minus the counts over `rest` (a CTE of the others)."""
    return (
        f"SELECT t.k AS k, t.n - COALESCE(x.n, 0) AS n FROM ({_counts(name, None)}) t "
        f"LEFT JOIN ({_counts(name, rest)}) x ON x.k = t.k"
    )


def _shown(name, counts, selected, limit):
    """SQL (columns v, l, n) of the values to show from a CTE `counts` (k, n), and params."""
    chosen = list(selected)
    marks = ", ".join(["%s"] * len(chosen))
    if name in LINKS:
        model, label = LINKS[name][2], LINKS[name][3]
        value = "t.slug"
        source = f"{counts} c JOIN {model._meta.db_table} t ON t.id = c.k"
        label_sql = f"t.{label}"
    else:
        value, source, label_sql = "CAST(c.k AS TEXT)", f"{counts} c", "''"
    select = f"SELECT {value} AS v, {label_sql} AS l, c.n AS n FROM {source}"
    if name not in LIMITED:
        return select, []
    params = []
    # Only rows that can make the cut are joined to their labels: ties at the edge included.
    cut = limit + len(chosen)
    where = f"c.n >= COALESCE((SELECT n FROM {counts} ORDER BY n DESC LIMIT 1 OFFSET {cut - 1}), 0)"
    order = f"c.n DESC, {value}"
    if chosen:
        where += f" OR {value} IN ({marks})"
        order = f"CASE WHEN {value} IN ({marks}) THEN 0 ELSE 1 END, {order}"
        params = chosen + chosen
    sql = f"{select} WHERE {where} ORDER BY {order} LIMIT {cut}"
    return sql, params


def _label(name, value, label):
    if label:
        return label
    if name == "country":
        return country_label(value)
    if name == "kind":
        return KIND_LABELS.get(value, value)
    if name == "language":
        return LANGUAGE_LABELS.get(value, value)
    if name == "year" and value == UNDATED:
        return "Undated"
    return value


def _order(name, values):
    if name == "year":  # newest first, "Undated" last
        return sorted(values, key=lambda v: (v.value != UNDATED, v.value), reverse=True)
    return sorted(values, key=lambda v: (-v.count, v.label.casefold()))


def _ids_sql(queryset):
    """SQL of the ids of `queryset`, or of a list of ids (one parameter: no limit on their
    number, and PostgreSQL's planner knows how many rows a constant array gives)."""
    if isinstance(queryset, list):
        if connection.vendor == "sqlite":
            return "SELECT value FROM json_each(%s)", [json.dumps(queryset)]
        return "SELECT unnest(%s::bigint[])", [queryset]
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    return sql, list(params)


def facets_query(
    shared, own_bases, selected, names, limit=FACET_LIMIT, mode="matches", expanded=()
):
    """(sql, params) of the one query; `mode` is "matches" or "whole" (`shared` is every
    published statement); facets in `expanded` show up to EXPANDED_LIMIT values."""
    ctes, cte_params, parts, part_params = [], [], [], []

    def cte(alias, columns, sql, params):
        ctes.append(f"{alias}({columns}) AS MATERIALIZED ({sql})")
        cte_params.extend(params)
        return alias

    if mode == "whole":
        parts.append(f"SELECT %s, '', '', COUNT(*) FROM {STATEMENTS} WHERE status = %s")
        part_params.extend(["#count", PUBLISHED])
        # Every published statement: all statements but the (few) others.
        rest = cte(
            "base_rest", "id", f"SELECT id FROM {STATEMENTS} WHERE status <> %s", [PUBLISHED]
        )
    else:
        sql, params = _ids_sql(shared)
        shared_ids = cte("base_shared", "id", sql, params)
        parts.append("SELECT %s, '', '', COUNT(*) FROM base_shared")
        part_params.append("#count")
    for index, name in enumerate(names):
        if name in own_bases:
            sql, params = _ids_sql(own_bases[name])
            counts_sql = _counts(name, cte(f"base_{index}", "id", sql, params))
        elif mode == "whole":
            counts_sql = _whole_minus(name, rest)
        else:
            counts_sql = _counts(name, shared_ids)
        counts = cte(
            f"counts_{index}", "k, n", f"SELECT k, n FROM ({counts_sql}) c WHERE n > 0", []
        )
        cut = EXPANDED_LIMIT if name in expanded else limit
        shown, shown_params = _shown(name, counts, selected.get(name) or {}, cut)
        parts.append(f"SELECT %s, f.v, f.l, f.n FROM ({shown}) f")
        part_params.extend([name, *shown_params])
    query = (f"WITH {', '.join(ctes)} " if ctes else "") + " UNION ALL ".join(parts)
    return query, cte_params + part_params


def count_and_facets(
    shared,
    own_bases,
    selected,
    names,
    limit=FACET_LIMIT,
    generation=None,
    *,
    whole=False,
    expanded=(),
):
    """(count of `shared`, {facet: [FacetValue]}) in one query.

    `shared`: the matched statements with every filter (a QuerySet, or the list of their
    ids). `own_bases`: {facet: statements matched with every filter but that facet's} for
    facets with chosen values. `selected`: {facet: {value: label}} of the chosen values
    (always shown, with a count of 0 if nothing is left).
    `generation`: the search generation to cache the counts under (see `search.cache`).
    `whole`: `shared` is every published statement (no query, no filter, no narrower queryset).
    """
    query, params = facets_query(
        shared, own_bases, selected, names, limit, "whole" if whole else "matches", expanded
    )

    def run():
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            return cursor.fetchall()

    rows = cached(generation, query, params, run)
    count = next((n for facet, _, _, n in rows if facet == "#count"), 0)
    rows = [row for row in rows if row[0] != "#count"]
    return count, finish_facets(rows, selected, names, limit, expanded)


def finish_facets(rows, selected, names, limit=FACET_LIMIT, expanded=()):
    """{facet: [FacetValue]} from (facet, value, label, count) rows: labelled, the chosen
    values added (with 0 if nothing is left), cut to the top `limit` plus the chosen ones."""
    found = {name: {} for name in names}
    for facet, value, label, n in rows:
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
        cut = EXPANDED_LIMIT if name in expanded else limit
        top = ordered[:cut]
        top += [v for v in ordered[cut:] if v.selected]
        facets[name] = _order(name, top)
    return facets
