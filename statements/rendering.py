"""Turn a statement's plain-text body into safe HTML: paragraphs, officials' names linked to their
pages, and the search terms highlighted when the reader arrives from a search.

Everything from the document is escaped before any markup is added: the text is cut into plain
pieces and name pieces, each piece is escaped (or highlighted, which escapes), and only then are
`<p>` and `<a>` put around them.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

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
