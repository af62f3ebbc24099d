"""Small server-rendered SVG pictures (no JavaScript): counts over time and "met most often".

Pure functions: they take counts, labels and URLs and return safe markup, so they are tested
directly. Every label and URL is escaped here; the templates (templates/includes/_chart_*.html)
put a table of the same counts next to each picture for readers who cannot see it.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

HEIGHT = 120  # the bars' area, in SVG units
LABEL_ROW = 18
BAR_WIDTH = 22
GAP = 6
MARGIN = 18  # room for the first and last labels, centred under their columns
LABEL_CHAR = 6  # a label's width per character at the labels' 10px, roughly, in SVG units


@dataclass
class Bar:
    label: str
    count: int
    url: str = ""
    selected: bool = False
    title: str = ""  # the accessible name ("2023: 12 statements"); made from label by default


@dataclass
class Series:
    name: str
    bars: list  # [Bar], one per column, in the same order for every series
    css: str = "chart__bar"


def plural(count, noun):
    return f"{count} {noun}{'' if count == 1 else 's'}"


def column_chart(series, *, caption, noun="statement", every_label=None):
    """Columns side by side per label (one per series), each a link when it has a URL and a
    count; an SVG with a title, that scales to its container (viewBox)."""
    series = [s for s in series if s.bars]
    if not series:
        return ""
    columns = len(series[0].bars)
    group = BAR_WIDTH * len(series) + GAP
    width = max(columns * group + GAP + 2 * MARGIN, 120)
    top = max((bar.count for s in series for bar in s.bars), default=0) or 1
    # Label every nth column: at most about 12 labels, and never so close that they overlap.
    longest = max(len(bar.label) for bar in series[0].bars)
    fit = -(-(longest * LABEL_CHAR + 4) // group)
    every_label = every_label or max(1, columns // 12 + (1 if columns > 12 else 0), fit)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {HEIGHT + LABEL_ROW}" '
        f'width="{width}" height="{HEIGHT + LABEL_ROW}" role="group" aria-label="{escape(caption)}"'
        ' preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(caption)}</title>",
    ]
    for column in range(columns):
        x0 = MARGIN + GAP + column * group
        for index, one in enumerate(series):
            bar = one.bars[column]
            height = round(bar.count / top * (HEIGHT - 4), 1) if bar.count else 0
            x, y = x0 + index * BAR_WIDTH, HEIGHT - height
            name = bar.title or f"{bar.label}: {plural(bar.count, noun)}"
            css = one.css + (" chart__bar--selected" if bar.selected else "")
            rect = (
                f'<rect class="{escape(css)}" x="{x}" y="{y}" width="{BAR_WIDTH - 2}" '
                f'height="{height}"><title>{escape(name)}</title></rect>'
            )
            if bar.url and bar.count:
                # The link covers the whole column height so a short bar is easy to hit.
                parts.append(
                    f'<a href="{escape(bar.url)}" aria-label="{escape(name)}" '
                    f'data-chart-bar="{escape(bar.label)}">'
                    f'<rect class="chart__hit" x="{x}" y="0" width="{BAR_WIDTH - 2}" '
                    f'height="{HEIGHT}" fill="transparent"/>{rect}</a>'
                )
            else:
                parts.append(rect)
        if column % every_label == 0:
            label = series[0].bars[column].label
            middle = x0 + BAR_WIDTH * len(series) / 2
            parts.append(
                f'<text class="chart__label" x="{middle}" y="{HEIGHT + LABEL_ROW - 4}" '
                f'text-anchor="middle" aria-hidden="true">{escape(label)}</text>'
            )
    parts.append(f'<line class="chart__axis" x1="0" x2="{width}" y1="{HEIGHT}" y2="{HEIGHT}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def bar_list(bars, *, caption, noun="meeting", width=300):
    """Horizontal bars, one row per name (longest first as given), each name a link."""
    if not bars:
        return ""
    row, name_width = 20, 140
    top = max(bar.count for bar in bars) or 1
    height = row * len(bars)
    parts = [
        f'<svg class="chart chart--bars" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="group" aria-label="{escape(caption)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(caption)}</title>",
    ]
    for i, bar in enumerate(bars):
        y = i * row
        length = round(bar.count / top * (width - name_width - 30), 1)
        name = bar.title or f"{bar.label}: {plural(bar.count, noun)}"
        label = bar.label if len(bar.label) <= 22 else bar.label[:21] + "…"
        body = (
            f'<text class="chart__label" x="0" y="{y + 14}">{escape(label)}</text>'
            f'<rect class="chart__bar{" chart__bar--selected" if bar.selected else ""}" '
            f'x="{name_width}" y="{y + 3}" width="{length}" height="{row - 6}">'
            f"<title>{escape(name)}</title></rect>"
            f'<text class="chart__value" x="{name_width + length + 4}" y="{y + 14}">'
            f"{bar.count}</text>"
        )
        if bar.url:
            body = f'<a href="{escape(bar.url)}" aria-label="{escape(name)}">{body}</a>'
        parts.append(body)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def year_bars(counts, url_for=None, selected=()):
    """[Bar] for every year from the first to the last of `counts` ({year: n}), empty years
    included (a gap is information), each linking to `url_for(year)`."""
    years = [year for year in counts if counts[year]]
    if not years:
        return []
    return [
        Bar(
            str(year),
            counts.get(year, 0),
            url_for(year) if url_for else "",
            selected=str(year) in selected,
        )
        for year in range(min(years), max(years) + 1)
    ]


def month_span(first, last):
    """The (year, month) pairs from `first` to `last` (dates), both included."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_range(year, month):
    """(first day, last day) of a month: the date_from/date_to that narrow a search to it."""
    return datetime.date(year, month, 1), datetime.date(
        year, month, calendar.monthrange(year, month)[1]
    )


def month_bars(counts, first, last, url_for=None):
    """[Bar] per month from `first` to `last` ({(year, month): n}), labelled "Jan 2024"."""
    return [
        Bar(
            f"{calendar.month_abbr[month]} {year}",
            counts.get((year, month), 0),
            url_for(year, month) if url_for else "",
        )
        for year, month in month_span(first, last)
    ]


@dataclass
class Chart:
    """A picture and the same counts as table rows (its text equivalent)."""

    name: str
    caption: str
    heading: str  # the first column of the table ("Year", "Month", "Official")
    series: list
    svg: str

    @property
    def rows(self):
        """[(label, url, [count per series])] for the table."""
        first = self.series[0].bars
        return [
            (bar.label, bar.url if bar.count else "", [s.bars[i].count for s in self.series])
            for i, bar in enumerate(first)
        ]

    @property
    def rows_html(self):
        """The table's `<tr>`, as includes/_chart_figure.html's loop wrote them (a search page's
        years or months: 0.35 ms of its 2 ms template), every value escaped as it did."""
        out = []
        for label, url, counts in self.rows:
            label = conditional_escape(label)
            head = f'<a href="{conditional_escape(url)}">{label}</a>' if url else label
            cells = "".join(f"<td>{conditional_escape(localize(n))}</td>" for n in counts)
            out.append(f'\n        <tr><th scope="row">{head}</th>{cells}</tr>')
        return mark_safe("".join(out))  # noqa: S308 - every value escaped above


def columns(name, series, *, caption, heading, noun="statement"):
    """A Chart of columns, or None when there is nothing to count."""
    series = [s for s in series if s.bars]
    if not series or not any(bar.count for s in series for bar in s.bars):
        return None
    svg = column_chart(series, caption=caption, noun=noun)
    return Chart(name, caption, heading, series, svg)


def bars(name, items, *, caption, heading, noun="meeting"):
    """A Chart of horizontal bars (one per name), or None without any."""
    if not items:
        return None
    series = [Series(caption, items)]
    return Chart(name, caption, heading, series, bar_list(items, caption=caption, noun=noun))
