"""The pipeline: extract() without writes, save() in one transaction, updates in place."""

from datetime import date

import pytest

from statements.ingest import pipeline
from statements.ingest.documents import parse_document
from statements.ingest.pipeline import extract, import_paths, save
from statements.ingest.types import OfficialMention
from statements.models import (
    Commitment,
    Meeting,
    MeetingReport,
    Participant,
    ParticipantAlias,
    Quote,
    Statement,
    StatementParticipant,
    Topic,
)
from tests.ingest.documents_for_tests import CANADA, GUATEMALA, UNDATED, many_readouts, write

ROW_MODELS = (
    Statement,
    Participant,
    ParticipantAlias,
    StatementParticipant,
    Meeting,
    MeetingReport,
    Commitment,
    Quote,
    Topic,
)


def counts():
    return {model.__name__: model.objects.count() for model in ROW_MODELS}


def document(text, name="doc.md"):
    return parse_document(text, name)


@pytest.mark.django_db
def test_extract_finds_everything_and_touches_no_row(django_assert_num_queries):
    doc = document(CANADA, "canada.md")
    with django_assert_num_queries(0):
        extraction = extract(doc)
    assert extraction.document is doc
    names = {official.name for official in extraction.officials}
    assert any("Blinken" in name for name in names) and any("Joly" in name for name in names)
    assert extraction.commitments and extraction.commitments[0].topics
    assert "information" in extraction.commitments[0].text
    (quote,) = extraction.quotes
    assert quote.speaker is not None and "Blinken" in quote.speaker.name
    assert {"migration", "fentanyl-synthetic-drugs"} <= set(extraction.topics)
    assert extraction.meetings and extraction.meetings[0].start.isoformat() == "2024-03-11"
    assert not extraction.needs_review, extraction.review_notes


def test_extract_flags_what_a_curator_must_check():
    extraction = extract(document(UNDATED, "undated.txt"))
    assert extraction.needs_review
    assert any(note.startswith("Date missing") for note in extraction.review_notes)
    assert any("Title inferred" in note for note in extraction.review_notes)


@pytest.mark.django_db
def test_save_creates_then_leaves_the_same_document_unchanged():
    statement, outcome = save(extract(document(CANADA, "canada.md")))
    assert outcome == "created"
    before = counts()
    assert before["StatementParticipant"] >= 2 and before["Commitment"] >= 1

    again, outcome = save(extract(document(CANADA, "canada.md")))
    assert (again.pk, outcome) == (statement.pk, "unchanged")
    assert counts() == before


@pytest.mark.django_db
def test_an_edit_updates_the_statement_in_place_and_replaces_its_rows():
    statement, _ = save(extract(document(CANADA, "canada.md")))
    old = set(statement.commitments.values_list("text", flat=True))

    edited_text = CANADA.replace(
        "committed to expand information", "committed to triple information"
    ).replace("“Our partnership", "“Our alliance")
    edited, outcome = save(extract(document(edited_text, "canada.md")))

    assert outcome == "updated"
    assert (edited.pk, edited.slug) == (statement.pk, statement.slug)
    texts = set(edited.commitments.values_list("text", flat=True))
    assert len(texts) == len(old) and texts != old
    assert any("triple" in text for text in texts)
    assert "alliance" in Quote.objects.get(statement=edited).text
    assert Statement.objects.count() == 1
    assert Participant.objects.count() == 2


@pytest.mark.django_db
def test_an_edit_with_the_same_source_url_under_another_file_name_updates():
    statement, _ = save(extract(document(CANADA, "canada.md")))
    renamed, outcome = save(
        extract(document(CANADA.replace("Ottawa", "Quebec City"), "2024/canada-joly.md"))
    )
    assert outcome == "updated" and renamed.pk == statement.pk
    assert renamed.source_file == "2024/canada-joly.md"
    assert Statement.objects.count() == 1


@pytest.mark.django_db
def test_a_copy_under_another_name_is_left_alone_so_reimports_never_flip(tmp_path):
    write(tmp_path, "a.md", CANADA)
    write(tmp_path, "b-copy.md", CANADA)
    first = import_paths([tmp_path])
    assert (len(first.created), len(first.unchanged)) == (1, 1)
    statement = Statement.objects.get()
    second = import_paths([tmp_path])
    assert (len(second.created), len(second.updated), len(second.unchanged)) == (0, 0, 2)
    assert Statement.objects.get().source_file == statement.source_file == "a.md"


@pytest.mark.django_db
def test_two_versions_with_one_source_url_never_take_turns(tmp_path):
    write(tmp_path, "canada.md", CANADA)
    write(tmp_path, "canada-v2.md", CANADA.replace("Ottawa.", "Toronto."))
    first = import_paths([tmp_path])
    assert len(first.created) == 2
    before = dict(Statement.objects.values_list("source_file", "content_hash"))
    second = import_paths([tmp_path])
    assert (len(second.created), len(second.updated), len(second.unchanged)) == (0, 0, 2)
    assert dict(Statement.objects.values_list("source_file", "content_hash")) == before


@pytest.mark.django_db
def test_an_edit_keeps_a_curators_date_status_and_meeting_links():
    statement, _ = save(extract(document(UNDATED, "undated.txt")))
    statement.date = date(2024, 5, 2)
    statement.date_source = Statement.DateSource.CURATOR
    statement.date_note = "Set from the ministry's website"
    statement.status = Statement.Status.DRAFT
    statement.save()
    curated = Meeting.objects.create(title="Border talks", slug="border-talks")
    MeetingReport.objects.create(
        meeting=curated, statement=statement, evidence=MeetingReport.Evidence.CURATOR
    )

    edited, outcome = save(
        extract(document(UNDATED.replace("border crossings", "ports of entry"), "undated.txt"))
    )

    assert outcome == "updated"
    assert edited.date.isoformat() == "2024-05-02"
    assert edited.date_source == Statement.DateSource.CURATOR
    assert edited.status == Statement.Status.DRAFT
    assert curated in edited.meetings.all()

    overwritten, _ = save(
        extract(document(UNDATED.replace("border crossings", "bridges"), "undated.txt")),
        keep_manual=False,
    )
    assert overwritten.date is None and overwritten.status == Statement.Status.PUBLISHED
    assert curated not in overwritten.meetings.all()


@pytest.mark.django_db
def test_corrections_made_by_hand_survive_reimports_and_edits():
    statement, _ = save(extract(document(CANADA, "canada.md")))
    statement.title = "Blinken and Joly in Ottawa"
    statement.publisher = "U.S. Department of State"
    statement.save()  # as the admin would: a history record that is not the importer's

    again, outcome = save(extract(document(CANADA, "canada.md")))
    assert outcome == "unchanged"
    assert (again.title, again.publisher) == (
        "Blinken and Joly in Ottawa",
        "U.S. Department of State",
    )

    edited, outcome = save(extract(document(CANADA.replace("Ottawa.", "Toronto."), "canada.md")))
    assert outcome == "updated" and "Toronto" in edited.body
    assert edited.title == "Blinken and Joly in Ottawa"
    assert edited.publisher == "U.S. Department of State"


@pytest.mark.django_db
def test_a_front_matter_edit_nobody_corrected_is_followed():
    statement, _ = save(extract(document(CANADA, "canada.md")))
    retitled = CANADA.replace("title: Readout of", "title: Corrected readout of")
    edited, outcome = save(extract(document(retitled, "canada.md")))
    assert outcome == "updated" and edited.pk == statement.pk
    assert edited.title.startswith("Corrected readout of")
    assert edited.slug == statement.slug


@pytest.mark.django_db
def test_the_search_column_is_current_after_every_save():
    statement, _ = save(extract(document(GUATEMALA, "guatemala.md")))
    statement.refresh_from_db()
    for mention in statement.mentions.select_related("participant"):
        assert mention.participant.name in statement.search_names
    assert "Migration" in statement.search_names

    edited, _ = save(
        extract(
            document(
                GUATEMALA.replace(
                    "President Bernardo\nArévalo", "Foreign Minister Carlos Ramiro Martínez"
                ),
                "guatemala.md",
            )
        )
    )
    edited.refresh_from_db()
    assert "Martínez" in edited.search_names
    assert "Arévalo" not in edited.search_names


@pytest.mark.django_db
def test_a_meeting_only_an_edited_statement_reported_goes_when_the_edit_moves_it():
    statement, _ = save(extract(document(GUATEMALA, "guatemala.md")))
    (old_meeting,) = statement.meetings.all()
    edited, _ = save(
        extract(document(GUATEMALA.replace("On January 18", "On January 9"), "guatemala.md"))
    )
    (new_meeting,) = edited.meetings.all()
    assert new_meeting.start_date.isoformat() == "2024-01-09"
    assert not Meeting.objects.filter(pk=old_meeting.pk).exists() or old_meeting == new_meeting
    assert Meeting.objects.count() == 1


@pytest.mark.django_db
def test_one_document_is_one_transaction(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("meeting step broke")

    monkeypatch.setattr(pipeline.meeting_step, "create_meeting", broken)
    monkeypatch.setattr(
        pipeline.meeting_step, "weigh_meeting", lambda *a, **k: pipeline.meeting_step.LinkDecision()
    )
    with pytest.raises(RuntimeError):
        save(extract(document(CANADA, "canada.md")))
    # Officials were resolved before the failure; nothing of the document survives it.
    assert counts() == dict.fromkeys(counts(), 0)


@pytest.mark.django_db
def test_a_meeting_linked_on_weak_evidence_is_flagged(monkeypatch):
    first, _ = save(extract(document(CANADA, "canada.md")))
    assert not first.needs_review
    (meeting,) = first.meetings.all()
    monkeypatch.setattr(
        pipeline.meeting_step,
        "weigh_meeting",
        lambda found, attendees, **kwargs: pipeline.meeting_step.LinkDecision(
            meeting,
            "weak",
            "one shared attendee",
            [{"kind": "attendees", "text": "one shared attendee", "agrees": True}],
            0.4,
        ),
    )
    second, _ = save(extract(document(GUATEMALA, "guatemala.md")))
    assert second.needs_review
    assert f"Meeting linked on weak evidence: {meeting.title} (one shared attendee)." in (
        second.review_notes
    )
    report = second.meeting_reports.get()
    assert (report.meeting, report.evidence, report.note, report.confidence) == (
        meeting,
        "weak",
        "one shared attendee",
        0.4,
    )
    assert report.needs_review and report.reasons[0]["text"] == "one shared attendee"


@pytest.mark.django_db
def test_an_official_named_differently_in_two_documents_is_one_participant(tmp_path):
    write(tmp_path, "canada.md", CANADA)  # "Antony J. Blinken"
    many_readouts(tmp_path, 2)  # "Antony Blinken"
    summary = import_paths([tmp_path])
    assert summary.ok and len(summary.created) == 3
    blinken = Participant.objects.filter(name__contains="Blinken")
    assert blinken.count() == 1
    assert blinken.get().statement_mentions.count() == 3
    assert blinken.get().country == "US"
    assert Participant.objects.get(name__contains="Joly").country == "CA"


@pytest.mark.parametrize(
    "publisher, url, country",
    [
        ("The White House", "", "US"),
        ("", "https://www.state.gov/readout/", "US"),
        ("U.S. Embassy in Mexico", "", "US"),
        ("Government of Mexico", "", "MX"),
        ("", "https://www.gob.mx/sre/prensa/x", "MX"),
        ("Global Affairs Canada", "", "CA"),
        ("UK Government", "", "GB"),
        ("", "https://www.gov.uk/government/news/foreign-secretary-meets", "GB"),
        ("", "https://www.mofa.go.jp/press/release/", "JP"),
        ("", "https://www.dhs.gov/news/2024/01/19/readout", "US"),
        ("Embajada de México en Estados Unidos", "", "MX"),
        ("", "https://example.org/some-blog", ""),
        ("", "", ""),
    ],
)
def test_publisher_country(publisher, url, country):
    doc = document(CANADA)
    doc.publisher, doc.source_url = publisher, url
    assert pipeline.publisher_country(doc) == country


def test_a_quote_speaker_is_matched_to_the_documents_officials_without_guessing():
    def official(name):
        return OfficialMention(name=name, title="", country="MX", attended=True, position=0)

    amlo = official("Andrés Manuel López Obrador")
    officials = [amlo, official("Armando López Cárdenas"), official("Joe Biden")]
    assert pipeline._speaker("Lopez Obrador", officials) is amlo
    assert pipeline._speaker("Biden", officials) is officials[2]
    assert pipeline._speaker("López", officials) is None  # two officials fit
    assert pipeline._speaker("Trudeau", officials) is None


@pytest.mark.parametrize(
    "url, kept",
    [
        ("https://www.state.gov/readout/", True),
        ("http://example.gob.mx/x", True),
        ("javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("/relative/path", False),
        ("", False),
    ],
)
def test_only_web_addresses_are_kept_as_source_urls(url, kept):
    assert pipeline.safe_source_url(url) == (url if kept else "")


@pytest.mark.django_db
def test_a_script_source_url_is_dropped_with_a_note():
    text = CANADA.replace(
        "source_url: https://www.state.gov/readout-of-secretary-blinkens-meeting-with-foreign-"
        "minister-joly/",
        'source_url: "javascript:alert(1)"',
    )
    assert "javascript" in text
    statement, _ = save(extract(document(text, "canada.md")))
    assert statement.source_url == ""
    assert statement.needs_review
    # Dropped here or already by documents.py: either way a curator is told.
    assert any("url" in note.lower() for note in statement.review_notes)


@pytest.mark.django_db
def test_the_summary_counts_the_same_a_chunk_at_a_time(tmp_path):
    write(tmp_path, "canada.md", CANADA)
    write(tmp_path, "guatemala.md", GUATEMALA)
    many_readouts(tmp_path, 3)
    summary = import_paths([tmp_path])
    ids = list(Statement.objects.values_list("pk", flat=True))
    chunked = pipeline.ImportSummary()
    pipeline._count_rows(chunked, ids + ids[:1], chunk=2)
    assert (chunked.officials, chunked.meetings, chunked.commitments, chunked.quotes) == (
        summary.officials,
        summary.meetings,
        summary.commitments,
        summary.quotes,
    )
    assert summary.officials == Participant.objects.count() == 4
    assert summary.quotes == 1


@pytest.mark.django_db
def test_a_reimport_of_unchanged_files_does_not_extract_them_again(tmp_path, monkeypatch):
    write(tmp_path, "canada.md", CANADA)
    write(tmp_path, "guatemala.md", GUATEMALA)
    import_paths([tmp_path])
    before = counts()
    write(tmp_path, "guatemala.md", GUATEMALA.replace("January 18", "January 17"))
    extracted = []
    real_extract = pipeline.extract
    monkeypatch.setattr(pipeline, "extract", lambda doc: extracted.append(doc) or real_extract(doc))

    summary = import_paths([tmp_path])

    assert (summary.unchanged, summary.updated) == (["canada.md"], ["guatemala.md"])
    assert [doc.source_file for doc in extracted] == ["guatemala.md"]
    assert counts() == before
    forced = import_paths([tmp_path], force=True)
    assert len(extracted) == 3 and len(forced.updated) == 2  # --force rebuilds both


def test_we_of_a_joint_statement_is_its_signatories_not_an_official_it_mentions():
    doc = document(
        "---\ntitle: Joint Statement from Norway and Iceland on Fisheries\n"
        "date: '2024-03-08'\n---\n\n"
        "We welcome the work of UN Special Coordinator Kari Nordmann in the region.\n\n"
        "Together, we will open a maritime corridor to deliver aid by sea.\n",
        "joint.md",
    )
    extraction = extract(doc)
    assert doc.kind == "joint_statement"
    assert [sorted(c.parties) for c in extraction.commitments] == [["IS", "NO"]]
