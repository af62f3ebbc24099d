"""What a curator pastes or uploads becomes clean text; duplicates are recognised."""

import pytest

from statements import curation

HTML = """<html><head><style>p { color: red }</style><script>alert('x')</script></head>
<body><h1>Readout of the Secretary&rsquo;s Meeting</h1>
<p>On March 3, Secretary of State Antony Blinken met <b>Foreign Minister</b> M&eacute;lanie Joly
in Ottawa.</p><img src="/images/joly.jpg" alt="">
<p onclick="steal()">They agreed to <a href="javascript:evil()">expand</a> cooperation.</p>
<!-- a comment --></body></html>"""


def test_html_becomes_plain_paragraphs_without_markup_or_scripts():
    text = curation.html_to_text(HTML)
    assert "<" not in text and "alert" not in text and "color: red" not in text
    assert "javascript" not in text and "steal" not in text and "comment" not in text
    assert "Readout of the Secretary’s Meeting" in text
    assert "Foreign Minister Mélanie Joly\nin Ottawa." in text
    assert "They agreed to expand cooperation." in text
    # Paragraphs stay apart, and the image is kept as a reference.
    assert "\n\n![](/images/joly.jpg)\n\n" in text


def test_pasted_html_is_detected_and_read_as_a_document():
    document = curation.readout_document(HTML, overrides={"publisher": "Global Affairs Canada"})
    assert "<p" not in document.body and "Mélanie Joly" in document.body
    assert document.images == ["/images/joly.jpg"]
    assert document.publisher == "Global Affairs Canada"
    assert document.source_file.startswith("admin/") and document.source_file.endswith("pasted.txt")


def test_an_uploaded_html_file_is_sanitised_but_a_text_file_is_not():
    html_doc = curation.readout_document(HTML.encode(), file_name="readout.html")
    assert "<" not in html_doc.body
    text = "Title line\n\nThe minister said x < y and <b> is just text here.\n"
    text_doc = curation.readout_document(text.encode(), file_name="notes.txt")
    assert "x < y" in text_doc.body


def test_two_uploads_with_the_same_name_get_different_source_files():
    a = curation.readout_document(b"First readout.\n\nOfficials met today.", file_name="r.txt")
    b = curation.readout_document(b"Second readout.\n\nOthers met today.", file_name="r.txt")
    assert a.source_file != b.source_file


@pytest.mark.parametrize("raw", ["", "   \n\n", b"\x00\x01\x02binary\xff\xfe"])
def test_unreadable_text_is_a_clear_error(raw):
    with pytest.raises(curation.CurationError, match="cannot be read"):
        curation.readout_document(raw, file_name="x.txt")


@pytest.mark.django_db
def test_duplicates_by_text_or_source_url(make_statement):
    document = curation.readout_document(
        "A readout\n\nThe delegations met in Mexico City.",
        overrides={"source_url": "https://example.gov/readout"},
    )
    assert curation.find_duplicate(content_hash=document.content_hash) is None
    same_text = make_statement("Same text", content_hash=document.content_hash)
    with pytest.raises(curation.CurationError, match="this text") as error:
        curation.check_duplicate(document)
    assert error.value.existing == same_text
    same_text.delete()
    same_url = make_statement("Same URL", source_url="https://example.gov/readout")
    with pytest.raises(curation.CurationError, match="source URL") as error:
        curation.check_duplicate(document)
    assert error.value.existing == same_url
