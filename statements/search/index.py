"""The Tantivy index of published statements: a derived copy of the database, rebuilt from it.

One document per published statement (drafts and deleted statements never enter it):

- `id` (integer, indexed, fast, stored): the statement's primary key;
- `title`, `names`, `body`: text analysed by `ANALYZER` (words of letters and digits, lower case,
  ASCII folding, English stemming, no stop words: what FTS5's `porter unicode61
  remove_diacritics 2` and PostgreSQL's `english_unaccent` do), weighted by `WEIGHTS` at query
  time as both databases weigh them today (title 1.0, names 0.4, body 0.2);
- `title_es`, `body_es`: a Spanish statement's title and body instead, analysed by
  `SPANISH_ANALYZER` (the same with Spanish stemming, as PostgreSQL's `spanish_unaccent`), with
  the same weights. One field per language, not one analyzer chosen per document: Tantivy
  analyses a field one way, and a query term is then looked up in each field stemmed in that
  field's language (`engine.term_query`). Officials' names and topics (`names`) stay English;
  `language` (raw string, fast) is the language facet;
- facets as fast fields counted with aggregations: `official`, `topic`, `meeting` (their ids),
  `country` (the officials' countries, each once, as `country_code`), `kind` and `publisher`
  (raw strings), `year`;
- `day` (the date as an ordinal, for date filters) and two sort keys, `newest` and `oldest`, that
  carry the date and the id in one integer so one fast field gives the database's order with its
  tiebreaker (nulls last either way);
- `fp`: the fingerprint of everything above (`fingerprint`), for `search_index --check`.

Writes take Tantivy's writer (one per index directory across processes) only while they run.
The change-log position the index reflects is a small JSON file beside the segments, written
after each commit (tmp file + `os.replace`). Readers reload manually (`reload`): the sync module
knows when the database moved.
"""

import datetime
import hashlib
import json
import os
import pathlib
import threading

import tantivy
from django.conf import settings

WEIGHTS = {"title": 1.0, "names": 0.4, "body": 0.2, "title_es": 1.0, "body_es": 0.2}
TEXT_FIELDS = tuple(WEIGHTS)
# The language each text field is stemmed in; a statement's title and body go to its language's.
FIELD_LANGUAGE = {"title_es": "es", "body_es": "es"}
SPANISH_FIELDS = {"title": "title_es", "body": "body_es"}
ANALYZER = "en_fold_stem"
SPANISH_ANALYZER = "es_fold_stem"
FOLD_ANALYZER = "en_fold"  # the same without stemming: prefixes are matched as typed too
# Longer tokens are dropped by both analyzers alike (Tantivy's own default is 40; a query term
# is at most 80 characters, `query.MAX_TERM_CHARS`).
LONGEST_TOKEN = 255
POSITION_FILE = "position.json"
SCHEMA_VERSION = 2  # bump when the schema or the analyzers change: the index is rebuilt
WRITER_HEAP = 50_000_000
REBUILD_HEAP = 200_000_000
# The bulk import's writer (`BulkWriter`), open for the whole import. Measured on 10,000
# statements committed every 2,000 (docs/PERFORMANCE.md, "Import with the search index"): the
# same CPU (≈ 0.27 ms a statement) with a heap of 50, 100 or 200 MB, since each commit flushes
# ≈ 8 MB; a second indexing thread takes the same CPU and the core the import itself needs.
IMPORT_HEAP = WRITER_HEAP
IMPORT_THREADS = 1
BATCH = 1000
# Sort keys: (date ordinal << 32) | id. Ids must stay below 2**32.
ID_BITS = 32
UNDATED_YEAR = 0  # the year field of a statement with no date, even from a meeting
NO_DATE_OLDEST = 1 << 24  # after every real ordinal (date.max is 3,652,059)


def _analyzer(stem: str | None) -> tantivy.TextAnalyzer:
    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(LONGEST_TOKEN))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
    )
    if stem:
        builder = builder.filter(tantivy.Filter.stemmer(stem))
    return builder.build()


STEMMING = _analyzer("english")
SPANISH_STEMMING = _analyzer("spanish")  # accents folded first, as PostgreSQL's unaccent does
FOLDING = _analyzer(None)


def analyzer_for(language: str) -> tantivy.TextAnalyzer:
    """The stemming analyzer of a statement's language: Spanish for "es", else English."""
    return SPANISH_STEMMING if language == "es" else STEMMING


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    for name in TEXT_FIELDS:
        analyzer = SPANISH_ANALYZER if FIELD_LANGUAGE.get(name) == "es" else ANALYZER
        builder.add_text_field(name, tokenizer_name=analyzer, index_option="position")
    for name in ("official", "topic", "meeting", "country", "year", "day"):
        builder.add_integer_field(name, indexed=True, fast=True)
    for name in ("kind", "publisher", "language"):
        builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("newest", fast=True)
    builder.add_integer_field("oldest", fast=True)
    builder.add_unsigned_field("fp", stored=True, fast=True)
    return builder.build()


SCHEMA = build_schema()


def country_code(code: str) -> int:
    """A country code as the integer the index keeps ("US" -> 21843); stable across versions."""
    return int.from_bytes(code.encode("ascii"), "big")


def country_of(number: int) -> str:
    """The code back from its integer; any length (an extracted "NATO" is not two letters)."""
    number = int(number)
    return number.to_bytes(max(1, (number.bit_length() + 7) // 8), "big").decode("ascii")


def sort_keys(statement_id: int, date: datetime.date | None) -> tuple[int, int]:
    """(newest, oldest): descending `newest` is date desc nulls last, then id desc; ascending
    `oldest` is date asc nulls last, then id asc."""
    if date is None:
        return statement_id, (NO_DATE_OLDEST << ID_BITS) | statement_id
    ordinal = date.toordinal() << ID_BITS
    return ordinal | statement_id, ordinal | statement_id


# --- reading statements from the database ---------------------------------------------------


def _row(pk, title, names, body, date, kind, publisher, language):
    return {
        "id": pk,
        "title": title or "",
        "names": names or "",
        "body": body or "",
        "date": date.isoformat() if date else None,
        "kind": kind or "",
        "publisher": publisher or "",
        "language": language or "",
        "official": set(),
        "country": set(),
        "topic": set(),
        "meeting": set(),
    }


# `listing_date`: the statement's own date, else its meeting's (what lists sort and filter by).
ROW_FIELDS = (
    "pk", "title", "search_names", "body", "listing_date", "kind", "publisher", "language"
)  # fmt: skip


def _links_sql(where):
    """One query for the officials (with their countries), topics and meetings of statements."""
    from statements.models import MeetingReport, Participant, Statement, StatementParticipant

    mentions = StatementParticipant._meta.db_table
    participants = Participant._meta.db_table
    topics = Statement.topics.through._meta.db_table
    reports = MeetingReport._meta.db_table
    return (
        f"SELECT 0, l.statement_id, l.participant_id, p.country FROM {mentions} l "
        f"JOIN {participants} p ON p.id = l.participant_id WHERE {where.format('l')} "
        f"UNION ALL SELECT 1, l.statement_id, l.topic_id, '' FROM {topics} l "
        f"WHERE {where.format('l')} "
        f"UNION ALL SELECT 2, l.statement_id, l.meeting_id, '' FROM {reports} l "
        f"WHERE {where.format('l')}"
    )


def statement_row(statement, officials, topics, meetings):
    """The row `iter_rows` would read for a statement just written, from what was written:
    `officials` as (participant id, country) pairs, `topics` and `meetings` as ids."""
    row = _row(*(getattr(statement, name) for name in ROW_FIELDS))
    for pk, country in officials:
        row["official"].add(pk)
        if country:
            row["country"].add(country)
    row["topic"].update(topics)
    row["meeting"].update(meetings)
    for name in ("official", "country", "topic", "meeting"):
        row[name] = sorted(row[name])
    return row


def _add_links(rows, where, params):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(_links_sql(where), params * 3)
        for kind, statement_id, value, country in cursor.fetchall():
            row = rows.get(statement_id)
            if row is None:
                continue
            row[("official", "topic", "meeting")[kind]].add(value)
            if kind == 0 and country:
                row["country"].add(country)
    for row in rows.values():
        for name in ("official", "country", "topic", "meeting"):
            row[name] = sorted(row[name])


def iter_rows(ids=None, batch=BATCH):
    """Every published statement's row (or those among `ids`), in id order, a batch at a time
    (two queries a batch): what the index holds for it, as a dict (`fingerprint` reads it)."""
    from statements.models import Statement

    published = Statement.objects.published().order_by("pk")
    if ids is not None:
        ids = sorted({int(pk) for pk in ids})
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            rows = {r[0]: _row(*r) for r in published.filter(pk__in=chunk).values_list(*ROW_FIELDS)}
            if rows:
                marks = ", ".join(["%s"] * len(rows))
                _add_links(rows, "{}.statement_id IN (" + marks + ")", list(rows))
            yield from rows.values()
        return
    last = 0
    while True:
        found = list(published.filter(pk__gt=last).values_list(*ROW_FIELDS)[:batch])
        if not found:
            return
        rows = {r[0]: _row(*r) for r in found}
        _add_links(
            rows, "{0}.statement_id >= %s AND {0}.statement_id <= %s", [found[0][0], found[-1][0]]
        )
        yield from rows.values()
        if len(found) < batch:
            return
        last = found[-1][0]


def _fingerprint_int(row) -> int:
    canonical = json.dumps(row, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.blake2b(canonical.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def fingerprint(statement_row) -> str:
    """The fingerprint of a row of `iter_rows` (what the index stores for that statement)."""
    return f"{_fingerprint_int(statement_row):016x}"


def database_fingerprints() -> dict[int, str]:
    """Statement id -> fingerprint for every published statement, read from the database."""
    return {row["id"]: fingerprint(row) for row in iter_rows()}


def document(row) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_integer("id", row["id"])
    spanish = row["language"] == "es"
    for name in ("title", "names", "body"):
        doc.add_text(SPANISH_FIELDS.get(name, name) if spanish else name, row[name])
    for name in ("official", "topic", "meeting"):
        for value in row[name]:
            doc.add_integer(name, value)
    for code in row["country"]:
        doc.add_integer("country", country_code(code))
    if row["kind"]:
        doc.add_text("kind", row["kind"])
    if row["publisher"]:
        doc.add_text("publisher", row["publisher"])
    if row["language"]:
        doc.add_text("language", row["language"])
    date = datetime.date.fromisoformat(row["date"]) if row["date"] else None
    if date:
        doc.add_integer("year", date.year)
        doc.add_integer("day", date.toordinal())
    else:  # the year facet's "Undated" (facets.UNDATED)
        doc.add_integer("year", UNDATED_YEAR)
    newest, oldest = sort_keys(row["id"], date)
    doc.add_integer("newest", newest)
    doc.add_integer("oldest", oldest)
    doc.add_unsigned("fp", _fingerprint_int(row))
    return doc


# --- the index ------------------------------------------------------------------------------


class SearchIndex:
    """One index directory: open (created if missing), write, read."""

    def __init__(self, path: pathlib.Path):
        self.path = pathlib.Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self._write_lock = threading.Lock()  # one writer per process; Tantivy's lock across
        try:
            self.index = tantivy.Index(SCHEMA, str(self.path), reuse=True)
        except ValueError:  # another schema's index: start over (`position` is then None)
            self._clear()
            self.index = tantivy.Index(SCHEMA, str(self.path), reuse=True)
        self.index.register_tokenizer(ANALYZER, STEMMING)
        self.index.register_tokenizer(SPANISH_ANALYZER, SPANISH_STEMMING)
        self.index.register_tokenizer(FOLD_ANALYZER, FOLDING)
        self.index.config_reader("manual")
        self.schema = SCHEMA
        self._searcher = None
        # Answers that depend on the index alone (the whole archive's facet counts), kept until
        # the next reload; each entry names the searcher it was computed with.
        self.snapshot_cache = {}

    # position ---------------------------------------------------------------------------------

    def _meta(self) -> dict:
        try:
            return json.loads((self.path / POSITION_FILE).read_text())
        except (OSError, ValueError):
            return {}

    def _clear(self):
        """Remove another schema's files (and this index's position)."""
        for child in self.path.iterdir():
            if child.is_file():
                child.unlink()

    def position(self) -> int | None:
        """The last change-log position applied; None if the index was never built."""
        meta = self._meta()
        if meta.get("version") != SCHEMA_VERSION:
            return None
        return meta.get("position")

    def _record(self, position: int):
        tmp = self.path / f"{POSITION_FILE}.{os.getpid()}.tmp"
        with open(tmp, "w") as handle:
            json.dump({"position": int(position), "version": SCHEMA_VERSION}, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path / POSITION_FILE)

    # writing ----------------------------------------------------------------------------------

    def _id_query(self, statement_id):
        return tantivy.Query.term_query(self.schema, "id", int(statement_id))

    def apply(self, upsert_ids, delete_ids, position: int) -> None:
        """Re-read `upsert_ids` from the database: published statements are (re)indexed, any
        other id (draft, deleted) removed; `delete_ids` removed; one commit; then `position`
        recorded. (tantivy-py 0.27: `delete_documents_by_term` on an integer field may delete
        nothing; a term query does.)"""
        upsert_ids = {int(pk) for pk in upsert_ids}
        delete_ids = {int(pk) for pk in delete_ids} - upsert_ids
        with self._write_lock:
            writer = self.index.writer(WRITER_HEAP, 1)
            try:
                for pk in sorted(upsert_ids | delete_ids):
                    writer.delete_documents_by_query(self._id_query(pk))
                for row in iter_rows(upsert_ids):
                    writer.add_document(document(row))
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                writer.rollback()
                raise
            self._record(position)
        self.reload()

    def rebuild(self, position: int, progress=None) -> int:
        """The whole index again from the database, in one commit (readers keep the old one
        until then); returns the number of documents. `progress(n)` is called per batch."""
        done = 0
        with self._write_lock:
            writer = self.index.writer(REBUILD_HEAP, 1)
            try:
                writer.delete_all_documents()
                for row in iter_rows():
                    writer.add_document(document(row))
                    done += 1
                    if progress and done % BATCH == 0:
                        progress(done)
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                writer.rollback()
                raise
            self._record(position)
        if progress:
            progress(done)
        self.reload()
        return done

    def bulk_writer(self) -> "BulkWriter":
        return BulkWriter(self)

    # reading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Readers see the latest commit (of any process)."""
        self.index.reload()
        self._searcher = None
        self.snapshot_cache = {}

    def searcher(self) -> tantivy.Searcher:
        """The current snapshot's searcher (one per reload: its statistics stay consistent)."""
        if self._searcher is None:
            self._searcher = self.index.searcher()
        return self._searcher

    def num_docs(self) -> int:
        return self.searcher().num_docs

    def doc_fingerprints(self) -> dict[int, str]:
        """Statement id -> fingerprint of every document in the index (for `--check`)."""
        searcher = self.searcher()
        total = searcher.num_docs
        if not total:
            return {}
        hits = searcher.search(tantivy.Query.all_query(), total).hits
        addresses = [address for _, address in hits]
        ids = searcher.fast_field_values("id", addresses)
        prints = searcher.fast_field_values("fp", addresses)
        return {int(pk): f"{int(fp):016x}" for pk, fp in zip(ids, prints, strict=True)}


class BulkWriter:
    """One Tantivy writer kept open across many commits: the bulk import's (`sync.ImportFeed`).

    Tantivy indexes on its own threads; `add` and `commit` let Python's other threads run
    meanwhile. Documents become visible, and `position` is recorded, only at `commit`.
    """

    def __init__(self, index: SearchIndex, heap: int = IMPORT_HEAP, threads: int = IMPORT_THREADS):
        self.index = index
        self.writer = index.index.writer(heap, threads)

    def upsert(self, rows, delete_ids=()):
        """(Re)index `rows`; remove the documents of `delete_ids` and of the rows' ids first."""
        ids = sorted({int(pk) for pk in delete_ids} | {row["id"] for row in rows})
        if ids:
            schema = self.index.schema
            self.writer.delete_documents_by_query(tantivy.Query.term_set_query(schema, "id", ids))
        for row in rows:
            self.writer.add_document(document(row))

    def commit(self, position: int):
        self.writer.commit()
        self.index._record(position)

    def close(self):
        """Wait for the merges under way (the index keeps few segments) and let the writer go."""
        self.writer.wait_merging_threads()
        self.writer = None

    def abort(self):
        """Drop what was added since the last commit."""
        if self.writer is not None:
            self.writer.rollback()
            self.writer = None


_indexes: dict[str, SearchIndex] = {}
_indexes_lock = threading.Lock()


def get_index() -> SearchIndex:
    """The process-wide index at `settings.SEARCH_INDEX_DIR`."""
    path = str(settings.SEARCH_INDEX_DIR)
    with _indexes_lock:
        index = _indexes.get(path)
        if index is None:
            index = _indexes[path] = SearchIndex(pathlib.Path(path))
        return index


def reset_indexes() -> None:
    """Forget the opened indexes (tests point SEARCH_INDEX_DIR somewhere new per test)."""
    with _indexes_lock:
        _indexes.clear()
