"""statements/rendering.py: paragraphs, linked names, highlights, and escaping before markup."""

import datetime
from types import SimpleNamespace

import pytest

from statements.rendering import paragraphs, render_body
from tests.factories import MentionFactory, ParticipantFactory, StatementFactory, TopicFactory


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


# The search page's result and facet markup, built in Python (a template loop cost too much) ------


@pytest.mark.django_db
def test_slug_urls_are_what_reverse_gives():
    from django.urls import NoReverseMatch, reverse

    from statements.rendering import SlugUrls

    urls = SlugUrls("statements:official_detail")
    for slug in ("joe-biden", "a_b-9", "x"):
        assert urls(slug) == reverse("statements:official_detail", args=[slug])
    with pytest.raises(NoReverseMatch):
        urls("not a slug/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("date", "inferred", "source", "note"),
    [
        (datetime.date(2023, 7, 5), False, "text", ""),
        (datetime.date(2023, 12, 28), True, "text", ""),
        (datetime.date(999, 1, 1), False, "inferred", 'From the "dateline" <b>&</b>'),
        (None, False, "none", ""),
        (None, False, "none", "<script>alert(1)</script>"),
    ],
)
def test_statement_date_html_is_the_template_partial(date, inferred, source, note):
    from django.template.loader import render_to_string

    from statements.rendering import statement_date_html

    statement = StatementFactory.build(
        date=date, date_inferred=inferred, date_source=source, date_note=note
    )
    expected = render_to_string("includes/_statement_date.html", {"statement": statement})
    assert str(statement_date_html(statement)) == expected.strip()


@pytest.mark.django_db
def test_result_html_escapes_links_and_caps_the_officials_shown():
    from statements.models import Statement
    from statements.rendering import ResultRenderer

    statement = StatementFactory(publisher="<i>Pub</i> & Co", kind="readout")
    statement.topics.add(TopicFactory(name="<b>Topic</b>", slug="bold-topic"))
    officials = [ParticipantFactory(name=f"<em>Official {i}</em>") for i in range(8)]
    for position, official in enumerate(officials):
        MentionFactory(statement=statement, participant=official, position=position)
    statement = Statement.objects.with_listing_data().get(pk=statement.pk)
    statement.title_html, statement.snippet_html = "T<mark>x</mark>", "S"
    html = str(ResultRenderer('a "b"/c&d')(statement))
    assert f'href="{statement.get_absolute_url()}?q=a%20%22b%22/c%26d">T<mark>x</mark></a>' in html
    assert "&lt;i&gt;Pub&lt;/i&gt; &amp; Co" in html and "<i>" not in html
    assert "> Readout\n" in html
    assert '<a class="chip" href="/topics/bold-topic/">&lt;b&gt;Topic&lt;/b&gt;</a>' in html
    shown = [o for o in officials if o.get_absolute_url() in html]
    assert shown == officials[:6]
    assert "&lt;em&gt;Official" in html and "<em>" not in html
    assert '<span class="muted">and 2 more</span>' in html
    assert '<p class="result__snippet">S</p>' in html
    # Without a query the link carries none; without officials or topics, no empty lists.
    bare = Statement.objects.with_listing_data().get(pk=StatementFactory(publisher="").pk)
    bare.title_html = bare.snippet_html = ""
    html = str(ResultRenderer("")(bare))
    assert f'href="{bare.get_absolute_url()}"' in html
    assert "item__people" not in html and "chips" not in html and "·</span> \n" not in html


def test_facet_items_html_escapes_and_marks_the_chosen_values():
    from statements.rendering import facet_items_html
    from statements.search.facets import FacetValue

    chosen = FacetValue("a&b", "<b>A</b>", 3, selected=True, url="?q=x&topic=a%26b")
    other = FacetValue("c", "C", 1234, url='?q="x"')
    html = str(facet_items_html([chosen, other]))
    assert (
        '<li><a href="?q=x&amp;topic=a%26b" data-value="a&amp;b" aria-current="true" '
        'class="facet__value facet__value--chosen"><span class="facet__check" aria-hidden="true">'
        '☑</span> <span class="facet__label">&lt;b&gt;A&lt;/b&gt;</span><span '
        'class="visually-hidden"> (chosen; choose again to remove)</span></a> '
        '<span class="count">3</span></li>'
    ) in html
    assert '<a href="?q=&quot;x&quot;" data-value="c" class="facet__value">' in html
    assert '<span class="count">1234</span>' in html and html.count("aria-current") == 1
