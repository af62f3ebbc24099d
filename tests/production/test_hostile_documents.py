"""Hostile documents through the real importer: imported safely or refused with a reason.

Markup and scripts inside a statement, front matter that lies (dates in 1850 and 2150, URLs with
`javascript:`), odd encodings and control characters. Whatever is imported is then looked at the
way a visitor meets it: the statement page, the home page, search, the feeds and the API. No page
may contain markup from a document, a script of its own, or a link that runs script.
"""

import datetime
import io
from html.parser import HTMLParser

import pytest
from django.core.management import CommandError, call_command

from statements.models import Statement

# Prose the extraction steps can work on, so the hostile parts ride on a plausible readout.
PROSE = (
    "Secretary of State Antony Blinken met with Secretary of Foreign Affairs Alicia Bárcena in "
    "Mexico City on October 5, 2023. The two delegations committed to expand cooperation against "
    "fentanyl trafficking and agreed to meet again next year.\n\n"
    "Both governments reaffirmed their commitment to safe, orderly and humane migration.\n"
)
SCRIPT_LINKS = (
    "javascript:alert(1)",
    " JaVaScRiPt:alert(2)",
    "java\tscript:alert(3)",
    "vbscript:msgbox(4)",
    "data:text/html,<script>alert(5)</script>",
)


class PageSafety(HTMLParser):
    """Collects what a document could have smuggled into a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.last_tag = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        last, self.last_tag = self.last_tag, (tag, attributes.get("class"))
        if tag == "svg" and last == ("div", "chart-figure__picture"):
            return  # the site's own pictures (statements.charts, issue 12), labels escaped
        if tag == "script" and not (attributes.get("src") or "").startswith("/static/"):
            self.problems.append(f"<script> not from /static/: {attrs}")
        if tag in {"iframe", "object", "embed", "svg", "math", "base", "meta"} and tag != "meta":
            self.problems.append(f"<{tag}> element")
        if tag == "img" and not (attributes.get("src") or "").startswith(("/static/", "/media/")):
            self.problems.append(f"<img> from the document: {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name in {"href", "src", "action", "formaction", "xlink:href"} and value:
                squashed = "".join(ch for ch in value if ch > " ").lower()
                if squashed.startswith(("javascript:", "vbscript:", "data:")):
                    self.problems.append(f"{name}={value!r} on <{tag}>")


def assert_page_is_safe(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    parser = PageSafety()
    parser.feed(response.content.decode())
    assert not parser.problems, (path, parser.problems)
    return response


def assert_feed_is_safe(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    body = response.content.decode()
    # Atom carries HTML escaped inside <summary>; raw elements from a document would be live.
    for raw in ("<script", "<img", "<iframe", "<svg"):
        assert raw not in body, (path, raw)


def import_files(tmp_path, files):
    """Run `import_statements` on the files; returns (stdout, stderr)."""
    paths = []
    for name, content in files.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        paths.append(str(path))
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_statements", *paths, "--no-progress", stdout=out, stderr=err)
    except CommandError as error:
        err.write(f"\nCommandError: {error}\n")
    return out.getvalue(), err.getvalue()


def outcome(name, stderr):
    """The statement imported from `name`, or the reason it was refused (one line naming it)."""
    statement = Statement.objects.filter(source_file=name).first()
    refusals = [line for line in stderr.splitlines() if line.startswith(f"{name}:")]
    if statement is None:
        assert refusals, f"{name} neither imported nor refused with a reason:\n{stderr}"
        reason = refusals[0].split(":", 1)[1].strip()
        assert reason and not reason.startswith("import failed ("), (
            f"a crash, not a reason: {reason}"
        )
    return statement


def visit_everything(client, statement, search_word):
    assert_page_is_safe(client, statement.get_absolute_url())
    assert_page_is_safe(client, statement.get_absolute_url() + f"?q={search_word}")
    assert_page_is_safe(client, "/")
    assert_page_is_safe(client, f"/search/?q={search_word}")
    assert_feed_is_safe(client, "/feeds/latest/")
    assert_feed_is_safe(client, f"/search/feed/?q={search_word}")
    for topic in statement.topics.all():
        assert_page_is_safe(client, topic.get_absolute_url())
        assert_feed_is_safe(client, topic.get_absolute_url() + "feed/")
    for mention in statement.mentions.select_related("participant"):
        assert_page_is_safe(client, mention.participant.get_absolute_url())
    api = client.get(f"/api/statements/{statement.slug}/")
    assert api.status_code == 200 and api["Content-Type"].startswith("application/json")


MARKUP_DOCUMENT = f"""---
title: "<script>alert('title')</script> Joint Statement on <b>Security</b>"
date: 2023-10-05
source_url: https://www.state.gov/joint-statement/
---
<script>alert('body')</script>
<img src=x onerror="alert('img')"> <iframe src="https://evil.example/"></iframe>
<a href="javascript:alert('link')">Read the full statement</a> and [this](javascript:alert('md')).
<svg onload=alert('svg')></svg><style>body{{display:none}}</style>
<p onclick="alert('p')">{PROSE}</p>
Secretary Blinken said: "<script>alert('quote')</script> We will work together."
"""


@pytest.mark.django_db
def test_markup_and_scripts_in_a_statement_stay_text(client, tmp_path):
    _, err = import_files(tmp_path, {"markup.txt": MARKUP_DOCUMENT})
    statement = outcome("markup.txt", err)
    if statement is None:
        return  # refused with a reason: safe
    visit_everything(client, statement, "fentanyl")
    page = client.get(statement.get_absolute_url()).content.decode()
    # The text is kept, visibly, as text: a curator can see what the source contained.
    assert "&lt;script&gt;alert" in page or "alert(" not in statement.body


@pytest.mark.django_db
@pytest.mark.parametrize("url", SCRIPT_LINKS)
def test_front_matter_urls_that_run_script_never_become_links(client, tmp_path, url):
    document = f'---\ntitle: Readout of a meeting\ndate: 2023-10-05\nsource_url: "{url}"\n---\n'
    _, err = import_files(tmp_path, {"url.txt": document + PROSE})
    statement = outcome("url.txt", err)
    if statement is None:
        return
    visit_everything(client, statement, "migration")


@pytest.mark.django_db
@pytest.mark.parametrize("url", SCRIPT_LINKS)
def test_script_urls_are_not_stored_or_handed_out_by_the_api(client, tmp_path, url):
    document = f'---\ntitle: Readout of a meeting\ndate: 2023-10-05\nsource_url: "{url}"\n---\n'
    _, err = import_files(tmp_path, {"url.txt": document + PROSE})
    statement = outcome("url.txt", err)
    if statement is None:
        return
    api = client.get(f"/api/statements/{statement.slug}/").json()
    squashed = "".join(ch for ch in str(api.get("source_url") or "") if ch > " ").lower()
    assert not squashed.startswith(("javascript:", "vbscript:", "data:")), api.get("source_url")


@pytest.mark.django_db
@pytest.mark.parametrize("lie", ["1850-01-01", "2150-06-01", "0001-01-01"])
def test_front_matter_dates_that_lie_are_refused_or_flagged(client, tmp_path, lie):
    document = f"---\ntitle: Readout of a meeting\ndate: {lie}\n---\n{PROSE}"
    _, err = import_files(tmp_path, {"date.txt": document})
    statement = outcome("date.txt", err)
    if statement is None:
        return
    claimed = datetime.date.fromisoformat(lie)
    if statement.date == claimed:
        assert statement.needs_review, f"an impossible date {lie} was stored without a flag"
    visit_everything(client, statement, "fentanyl")


def unique_prose(label):
    """PROSE plus a sentence of its own: identical texts are one statement (a copy is skipped)."""
    return PROSE + f"\nThe {label} delegation also discussed arms trafficking.\n"


ENCODINGS = {
    "utf8-bom.txt": "\ufeff" + unique_prose("first"),
    "cp1252.txt": (
        "“Smart quotes” — and a sign: Bárcena said €5.\n\n" + unique_prose("second")
    ).encode("cp1252", errors="replace"),
    "latin1.txt": ("Readout of the talks.\n\n" + unique_prose("Cancillería's")).encode("latin-1"),
    "utf16.txt": unique_prose("fourth").encode("utf-16"),
    "mixed.txt": unique_prose("fifth").encode("utf-8") + "Año".encode("latin-1") + b"\n",
    "overlong.txt": b"Readout \xc0\xaf\xe0\x80\xaf of a meeting\n\n" + unique_prose("6").encode(),
    "shift-jis.txt": ("日本とメキシコの共同声明。\n\n" + unique_prose("seventh")).encode(
        "shift_jis", errors="replace"
    ),
    "ebcdic.txt": unique_prose("eighth").encode("cp500"),
    "bidi.txt": "Readout \u202egnitaem\u202c \u200b\u200d of a meeting\n\n" + unique_prose("9"),
    "combining.txt": "Z̴̡̛a̷l̸g̶o̵ readout 🇺🇸🇲🇽\n\n" + unique_prose("eleventh"),
    "lone-cr.txt": unique_prose("twelfth").replace("\n", "\r"),
}


@pytest.mark.django_db
def test_odd_encodings_are_imported_readably_or_refused_with_a_reason(client, tmp_path):
    _, err = import_files(tmp_path, ENCODINGS)
    imported = [name for name in ENCODINGS if outcome(name, err) is not None]
    assert "utf8-bom.txt" in imported and "latin1.txt" in imported
    for name in imported:
        statement = Statement.objects.get(source_file=name)
        assert "\ufffd" not in statement.title, (name, statement.title)
        assert "\x00" not in statement.body
        visit_everything(client, statement, "fentanyl")
    latin = Statement.objects.get(source_file="latin1.txt")
    assert "The Cancillería's delegation" in latin.body  # Latin-1 decoded, accent intact


@pytest.mark.django_db
def test_control_characters_do_not_break_the_feeds(client, tmp_path):
    document = "Readout of a meeting\x0b\x1b[31m\n\n" + unique_prose("ctl").replace(".", ".\x0c", 1)
    _, err = import_files(tmp_path, {"controls.txt": document})
    statement = outcome("controls.txt", err)
    if statement is None:
        return
    visit_everything(client, statement, "fentanyl")


@pytest.mark.django_db
def test_binary_and_empty_files_are_refused_and_the_others_still_import(tmp_path):
    files = {
        "good.txt": "---\ntitle: A good readout\ndate: 2023-10-05\n---\n" + PROSE,
        "binary.txt": bytes(range(256)) * 40,
        "empty.txt": b"",
        "only-front-matter.txt": "---\ntitle: Nothing\n---\n",
        "broken-front-matter.txt": "---\ntitle: [unclosed\ndate: : :\n---\n" + PROSE,
        "png-named-txt.txt": b"\x89PNG\r\n\x1a\n" + bytes(500),
    }
    _, err = import_files(tmp_path, files)
    assert Statement.objects.filter(source_file="good.txt").exists()
    for name in files:
        if name != "good.txt":
            outcome(name, err)
    assert "could not be imported" in err


def test_the_page_checker_catches_smuggled_markup():
    samples = [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href=" JaVa\tScript:alert(1)">x</a>',
        "<svg></svg>",
        '<p onclick="x()">',
    ]
    for sample in samples:
        parser = PageSafety()
        parser.feed(sample)
        assert parser.problems, sample
    parser = PageSafety()
    parser.feed('<script src="/static/js/site.js"></script><a href="https://x.example/">x</a>')
    assert not parser.problems
