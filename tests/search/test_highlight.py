"""highlight() and mark_sentinels(): escape first, then <mark>; nothing else gets through."""

import re

from django.utils.safestring import SafeString

from statements.search import highlight, mark_sentinels
from statements.search.highlight import stem


def tags(html):
    return set(re.findall(r"</?([a-zA-Z]+)", html))


def test_accent_insensitive_and_stemmed():
    html = highlight("President López Obrador met drug traffickers.", "lopez trafficking")
    assert html == "President <mark>López</mark> Obrador met drug <mark>traffickers</mark>."
    assert isinstance(html, SafeString)


def test_prefix_and_phrase_words_and_not_exclusions():
    html = highlight("Canegallo and Canada met in Mexico City", '"Mexico City" Cane* -Canada')
    assert "<mark>Canegallo</mark>" in html
    assert "<mark>Canada</mark>" not in html
    assert highlight("Canada", "Can*") == "<mark>Canada</mark>"
    assert "<mark>Mexico</mark> <mark>City</mark>" in html
    assert highlight("Canada", "fentanyl -Canada") == "Canada"


def test_text_is_escaped_and_queries_cannot_inject():
    text = 'Talks on <script>alert("x")</script> & <b>border</b>'
    html = highlight(text, '<script> border "><img src=x onerror=alert(1)>')
    assert tags(html) <= {"mark"}
    assert "&lt;" in html and "&amp;" in html
    assert "<mark>border</mark>" in html
    assert tags(highlight(text, "")) == set()


def test_empty_or_unsearchable_queries_only_escape():
    assert highlight("<i>x</i>", "") == "&lt;i&gt;x&lt;/i&gt;"
    assert highlight("<i>x</i>", "🙂") == "&lt;i&gt;x&lt;/i&gt;"
    assert highlight("", "x") == ""


def test_mark_sentinels_escapes_then_marks():
    html = mark_sentinels('<script>\x02fentanyl\x03</script> "q" & \x02b\x03')
    assert (
        html
        == "&lt;script&gt;<mark>fentanyl</mark>&lt;/script&gt; &quot;q&quot; &amp; <mark>b</mark>"
    )


def test_mark_sentinels_never_unbalanced():
    for text in ["\x02open", "close\x03", "\x03\x02", "\x02a\x02b\x03", "\x02<b>\x03"]:
        html = mark_sentinels(text)
        assert html.count("<mark>") == html.count("</mark>")
        assert "\x02" not in html and "\x03" not in html
        assert tags(html) <= {"mark"}


def test_stem():
    assert stem("trafficking") == stem("traffickers") == stem("trafficker")
    assert stem("Migration") == stem("migrations")
    assert stem("López") == "lopez"
