"""A page of statements with their listing data, loaded without Django's prefetch machinery.

What `Statement.objects.with_listing_data().in_bulk(ids)` gives — each statement's `mentions`
(with their officials), `topics` and `meetings`, readable through `statement.mentions.all()` and
the like without further queries, in the same order — for the one page a search shows.

Why not `prefetch_related`: for a page of 20 results it spent about 15–20 ms (100,000
statements) building a related manager and a filtered QuerySet per statement and relation, and a
model instance through the full iterator per row. Here each relation is one `values_list` query
(the same converters), rows become instances with `Model.from_db` (as the ORM's iterator does),
and the prefetch cache holds one QuerySet per statement and relation, made the way a related
manager makes it (the relation's filter, deferred until someone chains on it), so `.all()`,
`len()`, slicing, `.count()` and any chained `.filter()` behave as after `prefetch_related`.
One difference: the officials' `created_at` and `updated_at` are deferred (read when asked).

Rows become instances through `_maker` rather than `Model.from_db`: the same instance, without
`Model.__init__`'s per-field `setattr` and signal sends, which cost most of a page's listing in
Python (about 300 instances for 20 statements: ~3 of ~8 ms at 5,000 statements). And each of
the (up to four) queries is compiled once per database connection, with the ids as one parameter
(`rows_by_ids`): compiling them through the ORM took about a fifth of the rest.
"""

import json
import weakref

from django.db import connections
from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.expressions import RawSQL
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init

from statements.models import Meeting, Participant, Statement, StatementParticipant, Topic
from statements.search.base import RELATED


def _fields(model):
    return [field.attname for field in model._meta.concrete_fields]


def _maker(model, db, attnames):
    """A function making `model` instances from rows of `attnames`, equal to `model.from_db(db,
    attnames, row)`: loaded from `db`, the fields not in `attnames` deferred.

    `Model.__init__` sets each field through its class attribute, which for these fields either
    stores the value in the instance's `__dict__` (a plain field) or does so after dropping a
    cached related object a new instance cannot have (a foreign key's id); and it sends
    `pre_init` and `post_init`. When that holds (no receivers, no other descriptor, Django's own
    `__init__` and `from_db`), the `__dict__` is filled at once; otherwise `from_db` is used.
    """
    plain = (DeferredAttribute, ForeignKeyDeferredAttribute)
    fast = (
        model.__init__ is Model.__init__
        and model.from_db.__func__ is Model.from_db.__func__
        and not pre_init.has_listeners(model)
        and not post_init.has_listeners(model)
        and all(type(model.__dict__.get(name)) in plain for name in attnames)
    )
    if not fast:  # pragma: no cover - a model this module does not load today
        return lambda row: model.from_db(db, attnames, row)
    new = model.__new__

    def make(row):
        instance = new(model)
        instance.__dict__.update(zip(attnames, row, strict=True))
        instance._state = state = ModelState()
        state.adding, state.db = False, db
        return instance

    return make


_IDS = "\x00ids\x00"  # stands for the ids while a query is compiled
_ID_LIST = {  # the ids as one parameter, and how to give it
    "sqlite": ("SELECT value FROM json_each(%s)", json.dumps),
    "postgresql": ("SELECT unnest(%s::bigint[])", list),
}
_COMPILED = weakref.WeakKeyDictionary()  # {connection: {query name: compiled}}


def rows_by_ids(db, name, build, ids):
    """The rows of the `values_list` QuerySet `build(ids)` as lists, as iterating it gives
    them (the same SQL but for the id list, the same converters), compiled once per connection.
    """
    connection = connections[db]
    id_list = _ID_LIST.get(connection.vendor)
    if id_list is None:  # pragma: no cover - the archive runs on SQLite and PostgreSQL
        return [list(row) for row in build(list(ids))]
    compiled = _COMPILED.setdefault(connection, {}).get(name)
    if compiled is None:
        compiler = build(RawSQL(id_list[0], [_IDS])).query.get_compiler(using=db)
        sql, params = compiler.as_sql()
        converters = compiler.get_converters([s[0] for s in compiler.select[: compiler.col_count]])
        assert list(params).count(_IDS) == 1, params
        compiled = _COMPILED[connection][name] = (sql, list(params), compiler, converters)
    sql, params, compiler, converters = compiled
    value = id_list[1](list(ids))
    with connection.cursor() as cursor:
        cursor.execute(sql, [value if p == _IDS else p for p in params])
        rows = cursor.fetchall()
    if converters:
        return list(compiler.apply_converters(rows, converters))
    return [list(row) for row in rows]


def _attach(statements, name, model, lookup, rows_by_statement, db):
    """Each statement's rows as the QuerySet its related manager would build, with the filter
    deferred (Django's `_defer_next_filter`): one clone of one base QuerySet per statement."""
    base = model._default_manager.db_manager(db).all()
    for statement in statements:
        base._defer_next_filter = True
        queryset = base.filter(**{lookup: statement.pk})
        queryset._result_cache = rows_by_statement.get(statement.pk, [])
        queryset._prefetch_done = True
        statement._prefetched_objects_cache[name] = queryset


def _mentions(statements, by_id, db):
    """Mentions in (position, pk) order, each with its official (`select_related`)."""
    mention_fields = _fields(StatementParticipant)
    # An official's record times are never listed: deferred (read if asked), not parsed 100 times.
    official_fields = [f for f in _fields(Participant) if f not in ("created_at", "updated_at")]
    rows = rows_by_ids(
        db,
        "mentions",
        lambda ids: (
            StatementParticipant.objects.using(db)
            .filter(statement_id__in=ids)
            .order_by("position", "pk")
            .values_list(*mention_fields, *(f"participant__{f}" for f in official_fields))
        ),
        by_id,
    )
    cut = len(mention_fields)
    field = StatementParticipant._meta.get_field("participant")
    back = StatementParticipant._meta.get_field("statement")
    found = {}
    make_mention = _maker(StatementParticipant, db, mention_fields)
    make_official = _maker(Participant, db, official_fields)
    for row in rows:
        mention = make_mention(row[:cut])
        field.set_cached_value(mention, make_official(row[cut:]))
        back.set_cached_value(mention, by_id[mention.statement_id])
        found.setdefault(mention.statement_id, []).append(mention)
    _attach(statements, "mentions", StatementParticipant, "statement", found, db)


def _linked(statements, by_id, db, name, model):
    """`model`'s rows linked to the statements (many-to-many, `statements` on its side), in its
    own ordering, as prefetched."""
    fields = _fields(model)
    rows = rows_by_ids(
        db,
        name,
        lambda ids: (
            model.objects.using(db).filter(statements__in=ids).values_list("statements", *fields)
        ),
        by_id,
    )
    found = {}
    make = _maker(model, db, fields)
    for statement_id, *values in rows:
        found.setdefault(statement_id, []).append(make(values))
    _attach(statements, name, model, "statements", found, db)


def load_listing(ids, related=RELATED):
    """Statements with these ids, in this order (unknown ids left out), with `related` loaded."""
    if not ids:
        return []
    db = Statement.objects.db
    fields = _fields(Statement)
    make = _maker(Statement, db, fields)
    rows = rows_by_ids(
        db,
        "statements",
        lambda ids: Statement.objects.using(db).filter(pk__in=ids).order_by().values_list(*fields),
        ids,
    )
    by_id = {statement.pk: statement for statement in map(make, rows)}
    statements = [by_id[pk] for pk in ids if pk in by_id]
    if not statements:
        return []
    for statement in statements:
        statement._prefetched_objects_cache = {}
    if "mentions" in related:
        _mentions(statements, by_id, db)
    if "topics" in related:
        _linked(statements, by_id, db, "topics", Topic)
    if "meetings" in related:
        _linked(statements, by_id, db, "meetings", Meeting)
    return statements
