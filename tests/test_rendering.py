"""statements/rendering.py: paragraphs, linked names, highlights, and escaping before markup."""

from types import SimpleNamespace

import pytest

from statements.rendering import paragraphs, render_body


def mention(name_as_written, name, slug):
    official = SimpleNamespace(name=name, get_absolute_url=lambda: f"/officials/{slug}/")
    return SimpleNamespace(name_as_written=name_as_written, participant=official)


def test_paragraphs_from_blank_lines_join_hard_wrapped_lines():
    body = "On July 24, President\nBiden met.\n  \nSecond\nparagraph.\n\n\nThird."
    assert paragraphs(body) == ["On July 24, President Biden met.", "Second paragraph.", "Third."]


def test_paragraphs_one_per_line_when_there_are_no_blank_lines():
    assert paragraphs("First.\nSecond.\r\nThird.") == ["First.", "Second.", "Third."]
    assert paragraphs("") == [] and paragraphs(None) == []


def test_longest_name_wins_and_short_forms_link_too():
    mentions = [
        mention("Andrés Manuel López Obrador", "Andrés Manuel López Obrador", "amlo"),
        mention("López Obrador", "Andrés Manuel López Obrador", "amlo"),
    ]
    html = render_body("President Andrés Manuel López Obrador spoke. López Obrador said.", mentions)
    assert html.count('href="/officials/amlo/"') == 2
    assert ">Andrés Manuel López Obrador</a> spoke" in html
    assert "said." in html and ">López Obrador</a> said" in html


def test_names_inside_other_words_are_not_linked():
    html = render_body("Bidenomics is not Biden.", [mention("Biden", "Joe Biden", "biden")])
    assert html.count("<a ") == 1
    assert "Bidenomics is not <a" in html


def test_markup_in_text_and_names_is_escaped_before_links_are_added():
    name = "<b>Evil</b>"
    html = render_body(f"<script>x</script> and {name} & co", [mention(name, name, "evil")])
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert ">&lt;b&gt;Evil&lt;/b&gt;</a> &amp; co" in html


def test_query_terms_are_marked_inside_and_outside_names():
    pytest.importorskip("statements.search.highlight")
    mentions = [mention("López Obrador", "Andrés Manuel López Obrador", "amlo")]
    html = render_body("López Obrador discussed <fentanyl>.", mentions, query="lopez fentanyl")
    assert '<a class="official-name" href="/officials/amlo/"' in html
    assert "<mark>López</mark> Obrador</a>" in html
    assert "&lt;<mark>fentanyl</mark>&gt;" in html
