"""HTML to the plain text the document reader understands (a saved web page, pasted markup).

nh3 (the Rust `ammonia` sanitizer) parses the markup as a browser would and drops every tag, with
the content of scripts, styles and page furniture (navigation, forms, footers); block ends become
paragraph breaks, entities are decoded, and images become markdown image lines, which the
reader keeps as image references.
"""

import html
import re

import nh3

_IMAGE_TAG = re.compile(r"<img\b[^>]*\bsrc=[\"']([^\"']+)[\"'][^>]*>", re.I)
_BLOCK_END = re.compile(
    r"(<br\s*/?>|</(p|div|li|h[1-6]|blockquote|tr|section|article|header|footer|title|dd|dt"
    r"|figcaption|caption|pre|table|ul|ol)\s*>)",
    re.I,
)
_LOOKS_LIKE_HTML = re.compile(r"<(p|div|br|span|a|h[1-6]|ul|ol|li|html|body|strong|em)\b", re.I)
_CLEARLY_HTML = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<!--)", re.I)
_CLOSING_BLOCK = re.compile(r"</(?:p|div|h[1-6]|li|article|section|body)\s*>", re.I)
_HEAD = re.compile(r"<head\b.*?</head\s*>", re.I | re.S)
_BLANK_LINES = re.compile(r"\n[ \t]*(\n[ \t]*)+")
# Page furniture whose text is never the statement.
_DROPPED_WITH_CONTENT = {
    "script", "style", "template", "noscript", "nav", "form", "button", "select", "svg",
    "iframe", "object", "aside", "footer",
}  # fmt: skip
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def looks_like_html(text: str) -> bool:
    """Whether pasted text holds any common HTML tag."""
    return bool(_LOOKS_LIKE_HTML.search(text or ""))


def is_html(text: str, file_name: str = "") -> bool:
    """Whether a file is HTML: by its name, or because it plainly is (a doctype, an <html> or
    <body> element, or text that starts with a tag and closes block elements)."""
    if file_name.lower().endswith(HTML_SUFFIXES):
        return looks_like_html(text)  # a saved page, unless it holds no tag at all
    if _CLEARLY_HTML.match(text or ""):
        return True
    stripped = (text or "").lstrip()
    return stripped.startswith("<") and len(_CLOSING_BLOCK.findall(stripped)) >= 2


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)


def html_headline(markup: str) -> str:
    """The text of a page's one <h1> (its headline), or "" when it has none or several."""
    found = _H1.findall(_HEAD.sub(" ", markup or ""))
    if len(found) != 1:
        return ""
    text = html.unescape(nh3.clean(found[0], tags=set(), attributes={}))
    return " ".join(text.split())


def html_to_text(markup: str) -> str:
    """Plain text from HTML: no tags, no scripts or styles, one paragraph per block."""
    # The head holds the page's <title> ("Readout … | The White House"), scripts and metadata;
    # the statement's own headline is in the body.
    marked = _HEAD.sub(" ", markup)
    marked = _IMAGE_TAG.sub(lambda m: f"\n\n![]({m.group(1)})\n\n", marked)
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", marked)
    cleaned = nh3.clean(
        marked,
        tags=set(),
        attributes={},
        strip_comments=True,
        clean_content_tags=_DROPPED_WITH_CONTENT,
    )
    text = html.unescape(cleaned)
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"
