"""The Content Security Policy is sent, is strict, and the site's pages actually satisfy it."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from statements.models import Meeting, Participant, Statement, Topic
from tests.test_pages import archive  # noqa: F401 — pages' cross-linked test archive

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
# What a self-only policy blocks: inline scripts, inline styles, event handler attributes and
# javascript: URLs. <script type="application/json"> (json_script) is data, not code: allowed.
INLINE_CODE = [
    (
        re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I),
        "inline <script>",
    ),
    (re.compile(r"<style[\s>]", re.I), "<style> block"),
    (re.compile(r"""\sstyle\s*=\s*["']""", re.I), 'style="" attribute'),
    (re.compile(r"""\son[a-z]+\s*=\s*["']""", re.I), "on…= handler"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


@pytest.mark.django_db
def test_every_response_carries_a_strict_policy(client):
    for path in ["/", "/admin/login/", "/no-such-page/"]:
        policy = client.get(path)["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["script-src"] == "'self'"
        assert directives["style-src"] == "'self'"
        assert directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_no_template_has_code_the_policy_would_block():
    offenders = []
    for template in sorted(TEMPLATES_DIR.rglob("*.html")):
        text = template.read_text()
        for pattern, what in INLINE_CODE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                offenders.append(f"{template.relative_to(TEMPLATES_DIR)}:{line}: {what}")
    assert not offenders, "move these into static/ (the CSP blocks them):\n" + "\n".join(offenders)


def test_the_template_scan_catches_inline_code():
    samples = [
        "<script>alert(1)</script>",
        '<p style="color:red">',
        "<style>p{}</style>",
        '<a onclick="x()">',
        '<a href="javascript:x()">',
    ]
    for sample in samples:
        assert any(pattern.search(sample) for pattern, _ in INLINE_CODE), sample
    assert not any(
        p.search('<script src="/static/js/site.js" defer></script>') for p, _ in INLINE_CODE
    )


VIOLATION_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def visit(page, url):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__cspViolations")
    return response.status, violations


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_and_admin_pages_run_without_csp_violations(archive, live_server, browser):  # noqa: F811
    get_user_model().objects.create_superuser("curator", "c@example.org", "a long passphrase 7")
    context = browser.new_context()
    context.add_init_script(VIOLATION_LISTENER)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))

    statement = Statement.objects.published().first()
    public = [
        "/",
        statement.get_absolute_url(),
        statement.get_absolute_url() + "?q=fentanyl",
        "/officials/",
        Participant.objects.filter(statement_mentions__statement=statement)
        .first()
        .get_absolute_url(),
        "/meetings/",
        Meeting.objects.first().get_absolute_url(),
        "/topics/",
        Topic.objects.first().get_absolute_url(),
        "/search/?q=fentanyl",
        "/no-such-page/",
    ]
    problems = {}
    for path in public:
        status, violations = visit(page, live_server.url + path)
        if path != "/no-such-page/":
            assert status == 200, path
        if violations:
            problems[path] = violations

    # The search page's script swaps results in place (fetch): follow a facet link through it.
    visit(page, live_server.url + "/search/?q=fentanyl")
    facet = page.locator("[data-search-page] a[href*='topic=']").first
    assert facet.count(), "the search page shows topic facets for 'fentanyl'"
    facet.click()
    page.wait_for_url("**topic=**")
    page.wait_for_load_state("networkidle")
    swapped = page.evaluate("window.__cspViolations")
    if swapped:
        problems["/search/ (facet swap)"] = swapped

    # The admin, as a curator uses it: log in through the form, then the lists and a change form.
    visit(page, live_server.url + "/admin/login/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", "a long passphrase 7")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    admin = [
        "/admin/",
        "/admin/statements/statement/",
        f"/admin/statements/statement/{statement.pk}/change/",
        "/admin/statements/participant/",
        "/admin/statements/meeting/",
    ]
    for path in admin:
        status, violations = visit(page, live_server.url + path)
        assert status == 200, path
        if violations:
            problems[path] = violations
    context.close()

    csp_console = [text for text in console if "Content Security Policy" in text]
    assert not problems, problems
    assert not csp_console, csp_console


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_violation_listener_sees_what_the_policy_blocks(live_server, browser):
    """A page with inline code under our real policy header: the listener must report it."""
    import urllib.request

    with urllib.request.urlopen(live_server.url + "/healthz") as response:
        policy = response.headers["Content-Security-Policy"]
    context = browser.new_context()
    context.add_init_script(VIOLATION_LISTENER)
    page = context.new_page()
    page.route(
        live_server.url + "/probe/",
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Security-Policy": policy, "Content-Type": "text/html"},
            body='<p style="color:red">x</p><script>document.title = "ran"</script>',
        ),
    )
    status, violations = visit(page, live_server.url + "/probe/")
    assert page.title() != "ran"
    assert any(v.startswith("script-src") for v in violations), violations
    assert any(v.startswith("style-src") for v in violations), violations
    context.close()
