"""Turn a statement's plain-text body into safe HTML: paragraphs, officials' names linked to their
pages, and the search terms highlighted when the reader arrives from a search.

Everything from the document is escaped before any markup is added: the text is cut into plain
pieces and name pieces, each piece is escaped (or highlighted, which escapes), and only then are
`<p>` and `<a>` put around them.

Also the two loops of the search page that templates made slow (`result_html`, `facet_items_html`:
about 20 ms of a 30 ms page at 10,000 statements, for some 1,400 variable lookups and 140
`reverse()` calls). They build the same markup as the templates did, escaping every value.
"""

import re
from dataclasses import dataclass
from html import escape as _escape  # what django.utils.html.escape does, without SafeString
from urllib.parse import quote

from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from statements.templatetags.cached_urls import cached_reverse

_BLANK_LINE = re.compile(r"\n[ \t\xa0]*\n\s*")


def _highlighter():
    """The search package's highlighter when it is there; plain escaping otherwise."""
    try:
        from statements.search.highlight import highlight
    except ImportError:  # the search package has not landed yet
        return None
    return highlight


def mark(text, query):
    """Escaped `text` with the words of `query` in <mark> (escaped only without a query)."""
    highlight = _highlighter() if query else None
    if highlight is None:
        return escape(text)
    return mark_safe(str(highlight(text, query)))  # noqa: S308 - highlight() escapes the text


def paragraphs(body):
    """Paragraphs of a body, whether the source used blank lines or one line per paragraph."""
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        return []
    if _BLANK_LINE.search(body):
        parts = _BLANK_LINE.split(body)
        # Hard-wrapped text: single newlines inside a paragraph are only line breaks.
        parts = [re.sub(r"\s*\n\s*", " ", part) for part in parts]
    else:
        parts = body.split("\n")
    return [part.strip() for part in parts if part.strip()]


@dataclass(frozen=True)
class NameLink:
    text: str  # a form of the name as the documents write it
    url: str
    label: str  # the official's canonical name, for the link title


def name_links(mentions):
    """The forms of each official's name to link: as written, canonical and known aliases."""
    links = {}
    for mention in mentions:
        official = mention.participant
        url = official.get_absolute_url()
        forms = [mention.name_as_written, official.name]
        aliases = getattr(official, "_prefetched_objects_cache", {}).get("aliases")
        if aliases is not None:
            forms.extend(alias.name for alias in aliases)
        for form in forms:
            form = (form or "").strip()
            if len(form) >= 3 and form not in links:
                links[form] = NameLink(form, url, official.name)
    return list(links.values())


def _names_pattern(links):
    """One regex for all names, longest first, tolerant of line breaks between words."""
    if not links:
        return None
    alternatives = []
    for link in sorted(links, key=lambda item: len(item.text), reverse=True):
        words = [re.escape(word) for word in link.text.split()]
        alternatives.append(r"\s+".join(words))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _link_for(matched, links):
    wanted = " ".join(matched.split())
    for link in links:
        if link.text == wanted:
            return link
    return None


def render_paragraph(text, links, pattern, query=""):
    """One paragraph as safe HTML: names linked, query words marked, everything else escaped."""
    out, last = [], 0
    if pattern is not None:
        for found in pattern.finditer(text):
            link = _link_for(found.group(0), links)
            if link is None:
                continue
            out.append(mark(text[last : found.start()], query))
            out.append(
                format_html(
                    '<a class="official-name" href="{}" title="{}">{}</a>',
                    link.url,
                    link.label,
                    mark(found.group(0), query),
                )
            )
            last = found.end()
    out.append(mark(text[last:], query))
    return mark_safe("".join(str(piece) for piece in out))  # noqa: S308 - pieces escaped above


def render_body(body, mentions, query=""):
    """The whole body as `<p>` elements (a SafeString)."""
    links = name_links(mentions)
    pattern = _names_pattern(links)
    html = "\n".join(
        f"<p>{render_paragraph(paragraph, links, pattern, query)}</p>"
        for paragraph in paragraphs(body)
    )
    return SafeString(html)


# --- search results and facets --------------------------------------------------------------

_SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # Django's slug path converter
_PLACEHOLDER = "slug0placeholder0"


class SlugUrls:
    """`reverse(viewname, args=[slug])` for many slugs at the cost of one call.

    Reversed once (per process) with a placeholder; a slug the `slug` converter accepts needs
    no quoting, so the rest is string concatenation. Anything else goes through `reverse()`.
    """

    def __init__(self, viewname):
        self.viewname = viewname
        url = cached_reverse(viewname, args=(_PLACEHOLDER,))  # once per process
        self.prefix, self.suffix = url.split(_PLACEHOLDER)

    def __call__(self, slug):
        if _SLUG.fullmatch(slug):
            return f"{self.prefix}{slug}{self.suffix}"
        return reverse(self.viewname, args=[slug])  # raises NoReverseMatch, as before


# What a reader is told about a date (the importer's and curators' notes stay in the admin).
INFERRED_NOTE = "The document does not state its date; it was inferred."
MEETING_NOTE = "The document does not state its date; this is the date of the meeting it reports."
UNDATED_NOTE = "The document does not state its date."


def _time(day):
    return f'<time datetime="{day.isoformat()}">{day.day} {MONTHS[day.month]} {day.year:04d}</time>'


def statement_date_html(statement, *, full=False):
    """A statement's date as a reader should see it: its own, else "on or about" the date of the
    meeting it reports, else "not stated"; `full` spells it out (the statement page).
    What includes/_statement_date.html renders, for loops where an include costs too much."""
    if statement.date:
        html = _time(statement.date)
        if statement.date_inferred or statement.date_source == "inferred":
            if full:
                html += ' <span class="muted">(not stated in the document; inferred)</span>'
            else:
                html += (
                    f' <span class="badge badge--warn" title="{INFERRED_NOTE}">date inferred</span>'
                )
        return mark_safe(html)  # noqa: S308 - no text from the document
    if statement.listing_date and statement.date_from_meeting:
        when = _time(statement.listing_date)
        if full:
            html = (
                f"Date not stated in the document; on or about {when}, "
                "the date of the meeting it reports"
            )
        else:
            html = (
                f'<span class="date-approx">on or about {when}</span> '
                f'<span class="badge badge--muted" title="{MEETING_NOTE}">meeting date</span>'
            )
        return mark_safe(html)  # noqa: S308 - no text from the document
    if full:
        return mark_safe("Date not stated in the document")
    return mark_safe(
        f'<span class="badge badge--muted" title="{UNDATED_NOTE}">date not stated</span>'
    )


def _related(statement, name):
    """`statement.<name>.all()`: the QuerySet loaded with the page (`search.listing`) read from
    the prefetch cache, where the related manager would first be built to hand it back."""
    loaded = getattr(statement, "_prefetched_objects_cache", {}).get(name)
    return loaded if loaded is not None else getattr(statement, name).all()


class ResultRenderer:
    """One search result (`<article class="item result">`), as includes/_result.html was.

    `statement` carries `title_html` and `snippet_html` (escaped, then marked) and its listing
    data (mentions with their officials, topics). `q` is added to the link so that the statement
    page can highlight it.
    """

    SHOWN_OFFICIALS = 6
    SHOWN_TOPICS = 3

    def __init__(self, q="", back="", chosen_topics=()):
        self.chosen_topics = set(chosen_topics)  # shown first: the reader filtered by them
        # The statement page highlights `q` and links "Back to results" to `back` (this search).
        params = {"q": q} if q else {}
        if back:
            params["back"] = back
        encoded = "&".join(f"{name}={quote(value, safe='/')}" for name, value in params.items())
        self.query_suffix = f"?{encoded}" if encoded else ""
        self.statement_url = SlugUrls("statements:statement_detail")
        self.official_url = SlugUrls("statements:official_detail")
        self.topic_url = SlugUrls("statements:topic_detail")
        self._kinds = {}  # {kind: its label}: one page shows a few kinds twenty times

    def _kind_label(self, statement):
        label = self._kinds.get(statement.kind)
        if label is None:
            label = self._kinds[statement.kind] = statement.get_kind_display()
        return label

    def __call__(self, statement):
        out = [
            '\n<article class="item result">\n  <h2 class="item__title"><a href="',
            _escape(self.statement_url(statement.slug) + self.query_suffix),
            '">',
            str(statement.title_html),
            '</a></h2>\n  <p class="item__meta">\n    ',
            statement_date_html(statement),
            "\n\n    ",
        ]
        if statement.publisher:
            out += ['<span class="sep" aria-hidden="true">·</span> ', _escape(statement.publisher)]
        out += [
            '\n    <span class="sep" aria-hidden="true">·</span> ',
            _escape(self._kind_label(statement)),
            '\n  </p>\n  <p class="result__snippet">',
            str(statement.snippet_html),
            "</p>\n  ",
        ]
        mentions = _related(statement, "mentions")
        if mentions:
            shown = self.SHOWN_OFFICIALS
            links = ", ".join(
                f'<a href="{_escape(self.official_url(m.participant.slug))}">'
                f"{_escape(m.participant.name)}</a>"
                for m in mentions[:shown]
            )
            more = len(mentions) - shown
            out += [
                '\n  <p class="item__people">',
                '<span class="visually-hidden">Officials named: </span>',
                links,
                f' <span class="muted">and {more} more</span>' if more > 0 else "",
                "</p>\n  ",
            ]
        out.append("\n  ")
        topics = _related(statement, "topics")
        if topics:
            # A few topics keep a result compact (a phone shows several results at once).
            shown = self.SHOWN_TOPICS
            if self.chosen_topics:
                topics = sorted(topics, key=lambda t: t.slug not in self.chosen_topics)
            chips = "".join(
                f'<li><a class="chip" href="{_escape(self.topic_url(t.slug))}">'
                f"{_escape(t.name)}</a></li>"
                for t in topics[:shown]
            )
            if len(topics) > shown:
                more = len(topics) - shown
                chips += f'<li class="chips__more muted small">and {more} more</li>'
            out += ['\n  <ul class="chips" aria-label="Topics">', chips, "</ul>\n  "]
        out.append("\n</article>\n")
        return mark_safe("".join(out))  # noqa: S308 - every value escaped above


def facet_items_html(values):
    """The `<li>` of a facet's values (each a link that toggles it), as includes/_facets.html."""
    out = []
    for value in values:
        if value.selected:
            attributes = ' aria-current="true" class="facet__value facet__value--chosen"'
            check, chosen = (
                "☑",
                '<span class="visually-hidden"> (chosen; choose again to remove)</span>',
            )
        else:
            attributes, check, chosen = ' class="facet__value"', "☐", ""
        out.append(
            f'\n    <li><a href="{_escape(value.url)}" data-value="{_escape(str(value.value))}"'
            f"{attributes}>"
            f'<span class="facet__check" aria-hidden="true">{check}</span> '
            f'<span class="facet__label">{_escape(str(value.label))}</span>{chosen}</a> '
            f'<span class="count">{_escape(str(value.count))}</span></li>\n    '
        )
    return mark_safe("".join(out))  # noqa: S308 - every value escaped above
