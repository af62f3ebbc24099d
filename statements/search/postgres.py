"""PostgreSQL full-text search over the stored, weighted `statements_statement.search_vector`.

The column is GENERATED ALWAYS ... STORED (migration `search_fulltext`): title weight A, the
officials' names, aliases and topics copied into `search_names` weight B, the body weight C, all
with the `english_unaccent` configuration (English stemming without a stop list, accents folded),
so it can never be stale. The config is always passed explicitly.
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.contrib.postgres.search import SearchVectorField as _VectorField
from django.db import connection
from django.db.models import Expression, F

from statements.search.base import SNIPPET_WORDS, START, STOP, SearchEngine

CONFIG = "english_unaccent"
VECTOR_INDEX = "statement_search_vector_idx"
# ts_rank_cd weights in {D, C, B, A} order: title 1.0, names 0.4, body 0.2 (as SQLite's bm25).
WEIGHTS = [0.1, 0.2, 0.4, 1.0]


class StoredVector(Expression):
    """The generated `search_vector` column of the statement table (Django does not model it)."""

    output_field = _VectorField()

    def resolve_expression(self, query=None, *args, **kwargs):
        clone = self.copy()
        clone.alias = query.get_initial_alias()
        return clone

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.alias)}.search_vector", []


def lexeme(term):
    """A term as a quoted to_tsquery operand: PostgreSQL's parser splits it like the documents."""
    quoted = "'" + term.text.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + (":*" if term.prefix else "")


def any_of(terms):
    inner = " | ".join(lexeme(term) for term in terms)
    return f"( {inner} )" if len(terms) > 1 else inner


def to_tsquery_text(query):
    """The parsed query as to_tsquery syntax: every operand quoted, operators ours."""
    parts = [any_of(group) for group in query.groups]
    if query.excluded:
        parts.append(f"!( {' | '.join(lexeme(t) for t in query.excluded)} )")
    return " & ".join(parts)


def ts_query(text):
    return SearchQuery(text, search_type="raw", config=CONFIG)


class PostgresEngine(SearchEngine):
    vendor = "postgresql"

    def filter_matches(self, queryset, query):
        return queryset.alias(fts_vector=StoredVector()).filter(
            fts_vector=ts_query(to_tsquery_text(query))
        )

    def match_any_ids(self, terms):
        from statements.models import Statement

        return (
            Statement.objects.alias(fts_vector=StoredVector())
            .filter(fts_vector=ts_query(any_of(terms)))
            .values("pk")
        )

    def ranked_ids(self, queryset, query, offset, limit):
        tsquery = ts_query(to_tsquery_text(query))
        ranked = (
            queryset.alias(fts_vector=StoredVector())
            .filter(fts_vector=tsquery)
            .annotate(rank=SearchRank(StoredVector(), tsquery, weights=WEIGHTS, cover_density=True))
            .order_by("-rank", F("listing_date").desc(nulls_last=True), "-pk")
        )
        return list(ranked.values_list("pk", flat=True)[offset : offset + limit])

    def maintain(self):
        """Merge the GIN index's pending list and refresh the statistics after an import.

        A bulk import leaves new entries in the GIN "pending list" (fastupdate) until a vacuum:
        every search then scans that list, and the planner, costing it, prefers reading the
        whole table (62 ms instead of 0.1 ms for a rare word at 10,000 statements).
        """
        with connection.cursor() as cursor:
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [VECTOR_INDEX])
            cursor.execute("ANALYZE statements_statement")

    def snippets(self, query, ids):
        from statements.models import Statement

        if not ids:
            return {}
        headline = SearchHeadline(
            "body",
            ts_query(to_tsquery_text(query)),
            config=CONFIG,
            start_sel=START,
            stop_sel=STOP,
            max_words=SNIPPET_WORDS,
            min_words=SNIPPET_WORDS // 2,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
        rows = Statement.objects.filter(pk__in=ids).annotate(snippet=headline)
        return dict(rows.values_list("pk", "snippet"))
