"""statements.charts: the SVG pictures as pure functions (bars, labels, links, escaping)."""

import datetime
import re

from statements import charts
from statements.charts import Bar, Series


def rect_heights(svg):
    return [float(h) for h in re.findall(r'class="chart__bar[^"]*"[^>]*height="([\d.]+)"', svg)]


def test_columns_are_as_tall_as_their_counts_and_linked_when_they_count():
    bars = [Bar("2022", 4, "?year=2022"), Bar("2023", 0, "?year=2023"), Bar("2024", 2, "?y=4")]
    svg = charts.column_chart([Series("Statements", bars)], caption="Per year")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'role="group" aria-label="Per year"' in svg and "<title>Per year</title>" in svg
    heights = rect_heights(svg)
    assert heights[1] == 0 and heights[0] == 2 * heights[2] > 0
    # Only years with statements are links (an empty year leads nowhere).
    assert re.findall(r'<a href="([^"]+)"', svg) == ["?year=2022", "?y=4"]
    assert 'aria-label="2022: 4 statements"' in svg and "2024: 2 statements" in svg
    assert ">2023</text>" in svg  # every label shown when there are few


def test_every_label_and_url_is_escaped():
    evil = '<script>alert("x")</script>&'
    svg = charts.column_chart(
        [Series("S", [Bar(evil, 1, '?q="><script>')])], caption=evil, noun="<b>"
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "&quot;&gt;&lt;script&gt;" in svg and "&amp;" in svg
    listed = charts.bar_list([Bar(evil, 3, "/o/x/?a=1&b=2")], caption=evil)
    assert "<script>" not in listed and 'href="/o/x/?a=1&amp;b=2"' in listed


def test_two_series_sit_side_by_side_with_their_own_class():
    first = [Bar("2023", 3, "?a"), Bar("2024", 1, "?b")]
    second = [Bar("2023", 1), Bar("2024", 6)]
    svg = charts.column_chart(
        [
            Series("Statements", first),
            Series("Commitments", second, "chart__bar chart__bar--second"),
        ],
        caption="Both",
        noun="item",
    )
    assert svg.count("chart__bar--second") == 2
    assert svg.count("<a ") == 2  # commitments are not links
    assert "2024: 6 items" in svg


def test_many_columns_label_only_some():
    bars = [Bar(str(year), 1) for year in range(1990, 2026)]
    svg = charts.column_chart([Series("S", bars)], caption="Long")
    labels = re.findall(r'<text class="chart__label"[^>]*>(\d+)</text>', svg)
    assert labels[0] == "1990" and 6 <= len(labels) <= 12


def test_year_bars_fill_the_gaps_and_mark_the_chosen():
    bars = charts.year_bars({2019: 2, 2022: 1, 2030: 0}, lambda y: f"?year={y}", selected=["2022"])
    assert [(b.label, b.count) for b in bars] == [
        ("2019", 2),
        ("2020", 0),
        ("2021", 0),
        ("2022", 1),
    ]
    assert [b.selected for b in bars] == [False, False, False, True]
    assert bars[0].url == "?year=2019"
    assert charts.year_bars({}) == [] and charts.year_bars({2020: 0}) == []


def test_months_span_the_range_and_link_to_whole_months():
    first, last = datetime.date(2023, 11, 5), datetime.date(2024, 2, 1)
    assert charts.month_span(first, last) == [(2023, 11), (2023, 12), (2024, 1), (2024, 2)]
    assert charts.month_range(2024, 2) == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    bars = charts.month_bars({(2024, 1): 3}, first, last, lambda y, m: f"?m={y}-{m}")
    assert [b.label for b in bars] == ["Nov 2023", "Dec 2023", "Jan 2024", "Feb 2024"]
    assert [b.count for b in bars] == [0, 0, 3, 0] and bars[2].url == "?m=2024-1"


def test_a_chart_gives_its_counts_as_table_rows_and_nothing_for_nothing():
    chart = charts.columns(
        "t",
        [
            Series("A", [Bar("2023", 2, "?x"), Bar("2024", 0, "?y")]),
            Series("B", [Bar("2023", 1), Bar("2024", 5)]),
        ],
        caption="c",
        heading="Year",
    )
    assert chart.rows == [("2023", "?x", [2, 1]), ("2024", "", [0, 5])]
    assert charts.columns("t", [Series("A", [Bar("2023", 0)])], caption="c", heading="Y") is None
    assert charts.bars("m", [], caption="c", heading="Official") is None


def test_bar_list_is_one_row_per_name_longest_bar_for_the_most():
    items = [
        Bar("Ana Díaz", 4, "/o/ana/", selected=True),
        Bar("A very long name indeed, longer", 2),
    ]
    svg = charts.bar_list(items, caption="Met")
    widths = [
        float(w) for w in re.findall(r'<rect class="chart__bar[^"]*"[^>]*width="([\d.]+)"', svg)
    ]
    assert widths[0] == 2 * widths[1]
    assert "chart__bar--selected" in svg and "Ana Díaz" in svg and "…" in svg
    assert svg.count("<a ") == 1


def test_month_labels_never_overlap():
    """Eight months of an official's meetings: "Jul 2023" is wider than one column, so every
    other column is labelled, and the labels shown keep their distance."""
    names = ["Jul 2023", "Aug 2023", "Sep 2023", "Oct 2023", "Nov 2023", "Dec 2023"]
    months = [Bar(name, 1) for name in [*names, "Jan 2024", "Feb 2024"]]
    svg = charts.column_chart([Series("Meetings", months)], caption="Per month", noun="meeting")
    shown = re.findall(r'<text class="chart__label" x="([\d.]+)"[^>]*>([^<]+)</text>', svg)
    assert [label for _, label in shown] == ["Jul 2023", "Sep 2023", "Nov 2023", "Jan 2024"]
    xs = [float(x) for x, _ in shown]
    assert (
        min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= len("Jul 2023") * charts.LABEL_CHAR
    )
    years = [Bar(str(year), 1) for year in range(2019, 2025)]
    svg = charts.column_chart([Series("Statements", years)], caption="Per year")
    assert svg.count('class="chart__label"') == 6  # short labels: every one


def test_the_table_rows_are_what_the_templates_loop_wrote_escaped():
    """`Chart.rows_html` replaced a loop in includes/_chart_figure.html: the same markup."""
    from django.template import Context, Template
    from django.utils.safestring import mark_safe

    chart = charts.columns(
        "t",
        [
            Series(
                "A", [Bar("<b>&", 2, '?q="a"&x=1'), Bar("2024", 0, "?y"), Bar(mark_safe("<i>"), 3)]
            ),
            Series("B", [Bar("x", 1), Bar("y", 5), Bar("z", 1234567)]),
        ],
        caption="c",
        heading="Year",
    )
    loop = Template(
        '{% for label, url, counts in chart.rows %}\n        <tr><th scope="row">{% if url %}'
        '<a href="{{ url }}">{{ label }}</a>{% else %}{{ label }}{% endif %}</th>'
        "{% for n in counts %}<td>{{ n }}</td>{% endfor %}</tr>{% endfor %}"
    ).render(Context({"chart": chart}))
    assert chart.rows_html == loop
    assert '<a href="?q=&quot;a&quot;&amp;x=1">&lt;b&gt;&amp;</a>' in chart.rows_html
    assert "<td>1234567</td>" in chart.rows_html and "<i>" in chart.rows_html
