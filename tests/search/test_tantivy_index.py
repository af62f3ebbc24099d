"""The index module's contract (statements/search/index.py): build, apply, position, check."""

import tantivy

from statements.models import Statement
from statements.search.index import (
    SearchIndex,
    database_fingerprints,
    fingerprint,
    get_index,
    iter_rows,
)


def _ids(index, word, field="body"):
    searcher = index.searcher()
    query = tantivy.Query.term_query(index.schema, field, word)
    hits = searcher.search(query, 100).hits
    return sorted(int(pk) for pk in searcher.fast_field_values("id", [a for _, a in hits]))


def test_rebuild_indexes_published_statements_only(archive, tmp_path):
    index = SearchIndex(tmp_path / "idx")
    assert index.position() is None
    assert index.rebuild(position=7) == 5
    assert index.position() == 7
    assert index.num_docs() == 5
    assert _ids(index, "zanzibarquux") == []  # the draft's word
    # Stemmed and folded: "trafficking" and "traffickers" share "traffick"; accents are gone.
    assert len(_ids(index, "traffick")) == 5
    assert _ids(index, "lopez", "names") == sorted(
        archive[p].pk for p in ("000", "001", "002", "003", "004")
    )


def test_apply_upserts_and_removes(archive, tmp_path):
    index = SearchIndex(tmp_path / "idx")
    index.rebuild(position=1)
    statement = archive["003"]
    statement.body += " An axolotlword appears."
    statement.save()
    draft = archive["draft"]
    gone = archive["000"]
    gone_pk = gone.pk
    gone.delete()
    index.apply([statement.pk, draft.pk, gone_pk], [], position=2)
    assert index.position() == 2
    assert _ids(index, "axolotlword") == [statement.pk]
    assert index.num_docs() == 4  # the deleted one removed, the draft never added
    # Unpublishing removes; apply with delete_ids removes too.
    Statement.objects.filter(pk=statement.pk).update(status=Statement.Status.DRAFT)
    index.apply([statement.pk], [archive["001"].pk], position=3)
    assert _ids(index, "axolotlword") == []
    assert index.num_docs() == 2


def test_a_second_open_sees_the_position_and_documents(archive, tmp_path):
    SearchIndex(tmp_path / "idx").rebuild(position=11)
    again = SearchIndex(tmp_path / "idx")
    assert again.position() == 11
    assert again.num_docs() == 5


def test_fingerprints_match_the_database_and_see_changes(archive, tmp_path):
    index = SearchIndex(tmp_path / "idx")
    index.rebuild(position=1)
    assert index.doc_fingerprints() == database_fingerprints()
    assert len(index.doc_fingerprints()) == 5
    Statement.objects.filter(pk=archive["002"].pk).update(title="Another title")
    changed = database_fingerprints()
    differ = {pk for pk, fp in index.doc_fingerprints().items() if changed.get(pk) != fp}
    assert differ == {archive["002"].pk}
    (row,) = iter_rows([archive["002"].pk])
    assert fingerprint(row) == changed[archive["002"].pk]


def test_get_index_follows_the_setting(settings, tmp_path, db):
    settings.SEARCH_INDEX_DIR = tmp_path / "one"
    first = get_index()
    assert get_index() is first
    assert first.path == tmp_path / "one"
