"""Meeting dates in the text, anchored on the publication date; never invented. No database."""

from datetime import date

import pytest

from statements.ingest.dates import find_dates, publication_date_from_text
from statements.ingest.documents import read_document
from tests.ingest.test_documents import seed, unseen_document


def spans(mentions):
    return [(m.phrase, m.start, m.end, m.relative) for m in mentions]


def test_seed_000_meeting_day_takes_the_publication_year():
    document = read_document(seed("000"))
    mentions = find_dates(document.body, document.published)
    assert spans(mentions) == [("July 24", date(2023, 7, 24), None, False)]
    assert document.body[mentions[0].position :].startswith("July 24, President")


def test_seed_004_range_and_relative_days():
    document = read_document(seed("004"))
    mentions = find_dates(document.body, document.published)
    assert spans(mentions) == [
        ("February 6-7", date(2024, 2, 6), date(2024, 2, 7), False),
        ("Yesterday", date(2024, 2, 6), None, True),
        ("last Saturday", date(2024, 2, 3), None, True),
        ("February 3", date(2024, 2, 3), None, False),
        ("Today", date(2024, 2, 7), None, True),
    ]
    for mention in mentions:
        assert document.body[mention.position :].startswith(mention.phrase)
    assert "2024-02-07" in mentions[1].note


@pytest.mark.parametrize("prefix", ["001", "002", "003"])
def test_undated_seeds_yield_no_dates(prefix):
    """002 says "yesterday" and "today", but without a publication date they mean nothing."""
    document = read_document(seed(prefix))
    assert document.published is None
    assert find_dates(document.body, None) == []


def test_seed_002_dates_once_a_curator_gives_the_anchor():
    document = read_document(seed("002"))
    mentions = find_dates(document.body, date(2023, 7, 28))
    assert spans(mentions) == [
        ("yesterday", date(2023, 7, 27), None, True),
        ("today", date(2023, 7, 28), None, True),
    ]


ANCHOR = date(2024, 2, 7)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("On July 24, the delegation met", date(2023, 7, 24), None),
        ("talks on February 6-7 in Mexico City", date(2024, 2, 6), date(2024, 2, 7)),
        ("talks on February 6 to 7 in Mexico City", date(2024, 2, 6), date(2024, 2, 7)),
        ("talks on February 6–7, 2023 in Mexico City", date(2023, 2, 6), date(2023, 2, 7)),
        ("from July 31 - August 2, 2023", date(2023, 7, 31), date(2023, 8, 2)),
        ("signed on July 24, 2023 in", date(2023, 7, 24), None),
        ("on Tuesday, July 25, 2023,", date(2023, 7, 25), None),
        ("signed on 24 July 2023 in", date(2023, 7, 24), None),
        ("the 3 to 4 March 2023 summit", date(2023, 3, 3), date(2023, 3, 4)),
        ("Feb. 5, 2024", date(2024, 2, 5), None),
        ("Sept. 12, 2023", date(2023, 9, 12), None),
        ("the memo of 2024-01-30", date(2024, 1, 30), None),
        ("el 24 de julio de 2023", date(2023, 7, 24), None),
        ("los días 6 y 7 de febrero", date(2024, 2, 6), date(2024, 2, 7)),
        ("el 3 de febrero", date(2024, 2, 3), None),
        ("yesterday", date(2024, 2, 6), None),
        ("Today", date(2024, 2, 7), None),
        ("ayer", date(2024, 2, 6), None),
        ("hoy", date(2024, 2, 7), None),
        ("last Saturday’s call", date(2024, 2, 3), None),
        ("this past Wednesday", date(2024, 1, 31), None),
        ("el pasado sábado", date(2024, 2, 3), None),
        ("On Monday, the Secretary met", date(2024, 2, 5), None),
        # a yearless date after the anchor belongs to the year before
        ("On December 30", date(2023, 12, 30), None),
        ("On May 5", date(2023, 5, 5), None),
    ],
)
def test_date_formats(text, start, end):
    (mention,) = find_dates(text, ANCHOR)
    assert (mention.start, mention.end) == (start, end)
    assert text[mention.position :].startswith(mention.phrase)


@pytest.mark.parametrize(
    "text",
    [
        "earlier this month",
        "in January",
        "in 2023",
        "the 12 countries and 3 delegations",
        "this may 5 be true",
        "February 30",
        "Article 24 of the treaty",
        "The delegations will meet on Monday in Ottawa",
        "They meet again next week, on Friday",
    ],
)
def test_vague_or_impossible_phrases_are_not_dates(text):
    assert find_dates(text, ANCHOR) == []


def test_without_an_anchor_only_full_dates_count():
    text = "Yesterday and on July 24 and last Saturday; the accord of July 24, 2023 stands."
    assert spans(find_dates(text, None)) == [("July 24, 2023", date(2023, 7, 24), None, False)]


def test_year_rollover_note_says_what_happened():
    (mention,) = find_dates("On December 30 the leaders spoke.", date(2024, 1, 3))
    assert mention.start == date(2023, 12, 30)
    assert "2023" in mention.note


def test_unseen_spanish_communique_dates():
    document = unseen_document("sre_comunicado")
    assert document.published == date(2024, 3, 14)
    found = [(m.phrase, m.start) for m in find_dates(document.body, document.published)]
    assert found == [
        ("14 de marzo de 2024", date(2024, 3, 14)),
        ("ayer", date(2024, 3, 13)),
        # "antes del 30 de abril" is a deadline, but the rule for yearless dates after the
        # anchor gives the year before: a known limit, kept visible here.
        ("30 de abril", date(2023, 4, 30)),
    ]


def test_unseen_wrapped_canadian_readout_today():
    document = unseen_document("pmo_canada")
    found = [(m.phrase, m.start) for m in find_dates(document.body, document.published)]
    assert found == [("November 5, 2024", date(2024, 11, 5)), ("today", date(2024, 11, 5))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, July 25, 2023 — The President met", date(2023, 7, 25)),
        ("February 7, 2024\n\nThe delegation met", date(2024, 2, 7)),
        ("Readout of a call\nFebruary 7, 2024 — The delegation met", date(2024, 2, 7)),
        ("Ciudad de México, 7 de febrero de 2024.\nLa Cancillería", date(2024, 2, 7)),
        ("Ottawa, Ontario, November 5, 2024 - Prime Minister", date(2024, 11, 5)),
        ("Tuesday, July 25, 2023\nThe leaders", date(2023, 7, 25)),
        ("PM call with President Trump: 24 February 2025\n\nThe Prime Minister", date(2025, 2, 24)),
        ("Readout: the call of 24 February 2025 went well\n\nText", None),
        ("On July 24, 2023, the leaders met", None),
        ("The leaders met on July 24.", None),
        ("Title\n\nText\n\nMore\n\nEven more\n\n5\n\n6\n\n7\n\n8\n\n9\n\nJuly 25, 2023", None),
    ],
)
def test_publication_date_from_a_dateline(text, expected):
    found, note = publication_date_from_text(text)
    assert found == expected
    assert note == ("no date in the file: needs a curator" if expected is None else note)
    if expected:
        assert note.startswith(("dateline in the text:", "date in the headline:"))


@pytest.mark.parametrize(
    "line", ["Release Date: July 1, 2024", "Date: July 1, 2024", "Fecha: 1 de julio de 2024"]
)
def test_a_labelled_release_date_is_a_dateline(line):
    assert publication_date_from_text(f"Readout of a Trip\n\n{line}\n\nText.")[0] == date(
        2024, 7, 1
    )


def test_the_last_48_hours_are_the_two_days_up_to_the_anchor():
    (mention,) = find_dates(
        "Over the last 48 hours in Doha, senior officials have engaged in talks.", date(2024, 8, 16)
    )
    assert (mention.start, mention.end, mention.relative) == (
        date(2024, 8, 15),
        date(2024, 8, 16),
        True,
    )


@pytest.mark.parametrize("phrase", ["this afternoon", "this morning", "tonight"])
def test_a_part_of_today_is_today(phrase):
    (mention,) = find_dates(f"The President hosted the Senators {phrase}.", date(2022, 2, 1))
    assert (mention.start, mention.relative) == (date(2022, 2, 1), True)
