"""PostgreSQL full-text search over the stored, weighted `statements_statement.search_vector`.

The column holds `statement_search_vector(title, search_names, body, language)`: title weight A,
the officials' names, aliases and topics copied into `search_names` weight B, the body weight C,
with the `english_unaccent` configuration (English stemming without a stop list, accents folded). A
trigger keeps it (migration 0015_search_vector_by_trigger; it was GENERATED ALWAYS before): it
computes the vector on every INSERT that does not bring one (the bulk import brings the one the
same function gave, `ingest.bulk.VectorWorker`) and on every UPDATE of those columns. A Spanish
statement's (`language = 'es'`) title and body use `spanish_unaccent` instead (migration
0013_bilingual_spanish_search), as the Tantivy index's Spanish fields do. Each query term is
therefore looked up stemmed both ways, `to_tsquery('english_unaccent', t) ||
to_tsquery('spanish_unaccent', t)`, and matches a statement in either language. The config is
always passed explicitly.
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.contrib.postgres.search import SearchVectorField as _VectorField
from django.db import connection
from django.db.models import Case, Expression, F, Value, When

from statements.search.base import SNIPPET_WORDS, START, STOP, SearchEngine

CONFIG = "english_unaccent"
SPANISH_CONFIG = "spanish_unaccent"
CONFIGS = (CONFIG, SPANISH_CONFIG)
VECTOR_INDEX = "statement_search_vector_idx"
# ts_rank_cd weights in {D, C, B, A} order: title 1.0, names 0.4, body 0.2 (as SQLite's bm25).
WEIGHTS = [0.1, 0.2, 0.4, 1.0]


class StoredVector(Expression):
    """The `search_vector` column of the statement table (Django does not model it)."""

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


def ts_query(text, config=CONFIG):
    return SearchQuery(text, search_type="raw", config=config)


def _either(queries):
    combined = queries[0]
    for query in queries[1:]:
        combined = combined | query
    return combined


def term_query(term):
    """One term stemmed as English or as Spanish: it matches statements in either language."""
    return _either([ts_query(lexeme(term), config) for config in CONFIGS])


def any_query(terms):
    return _either([term_query(term) for term in terms])


def bilingual_query(query):
    """The parsed query as one tsquery expression, each term in both configurations."""
    combined = None
    for group in query.groups:
        part = any_query(group)
        combined = part if combined is None else combined & part
    # NOT (a OR b) as NOT a AND NOT b: Django negates a SearchQuery, not a combination of them.
    for term in query.excluded:
        for config in CONFIGS:
            excluded = ~ts_query(lexeme(term), config)
            combined = excluded if combined is None else combined & excluded
    return combined


def statement_config():
    """The text search configuration of each statement's own language (for headlines)."""
    return Case(When(language="es", then=Value(SPANISH_CONFIG)), default=Value(CONFIG))


class PostgresEngine(SearchEngine):
    vendor = "postgresql"

    def filter_matches(self, queryset, query):
        return queryset.alias(fts_vector=StoredVector()).filter(fts_vector=bilingual_query(query))

    def match_any_ids(self, terms):
        from statements.models import Statement

        return (
            Statement.objects.alias(fts_vector=StoredVector())
            .filter(fts_vector=any_query(terms))
            .values("pk")
        )

    def ranked_ids(self, queryset, query, offset, limit):
        tsquery = bilingual_query(query)
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
            bilingual_query(query),
            config=statement_config(),
            start_sel=START,
            stop_sel=STOP,
            max_words=SNIPPET_WORDS,
            min_words=SNIPPET_WORDS // 2,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
        rows = Statement.objects.filter(pk__in=ids).annotate(snippet=headline)
        return dict(rows.values_list("pk", "snippet"))
