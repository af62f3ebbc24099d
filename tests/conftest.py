"""Shared fixtures. The seed documents are the archive's real test data."""

import io
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

SEEDS_DIR = Path(settings.BASE_DIR) / "fixtures" / "seeds"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def page_cache_verifies(settings):
    """Every page a test asks twice is rendered anyway and must equal the cached copy.

    Tests read `response.context`, which a cache hit has not; this way the whole suite checks that
    the page cache (statements/page_cache.py) never serves a stale page. Empty at each test start:
    tests change settings that pages depend on. tests/test_page_cache.py tests real hits.
    """
    from django.core.cache import caches

    settings.PAGE_CACHE = "verify"
    caches["pages"].clear()


@pytest.fixture(autouse=True)
def search_index_dir(settings, tmp_path_factory):
    """A fresh, empty search index per test (rolled-back transactions leave nothing behind)."""
    from statements.search import index

    settings.SEARCH_INDEX_DIR = tmp_path_factory.mktemp("search-index")
    index.reset_indexes()
    yield settings.SEARCH_INDEX_DIR
    index.reset_indexes()


@pytest.fixture
def seed_paths():
    return sorted(SEEDS_DIR.glob("*.txt"))


@pytest.fixture
def seed_text():
    """Read a seed document by its file-name prefix: seed_text("002")."""

    def read(prefix):
        (path,) = SEEDS_DIR.glob(f"{prefix}*")
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture
def seeded_archive(db):
    """The five seed documents imported through the real `import_statements` command.

    Returns {file-name prefix: Statement}: seeded_archive["002"] is the Mexican communiqué.
    """
    from django.core.management import call_command

    from statements.models import Statement

    call_command("import_statements", str(SEEDS_DIR), stdout=io.StringIO(), stderr=io.StringIO())
    return {
        statement.source_file[:3]: statement
        for statement in Statement.objects.filter(source_file__regex=r"^[0-9]{3}_")
    }


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Skips locally without it; CI must have it."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run installs it with apt-get install chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--headless",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


# Screenshots the browser tests take, for a reviewer to open: in an ignored folder, never over a
# tracked file (`make screenshots` refreshes the README's picture from them, on purpose).
SCREENSHOT_DIR = Path(
    os.environ.get("SCREENSHOT_DIR", Path(settings.BASE_DIR) / "var" / "screenshots")
)
# The README's pictures (tests/browser/test_readme_screenshots.py): written only by `make
# screenshots` (UPDATE_README_SCREENSHOT=1), tracked in docs/.
README_SCREENSHOTS = {
    name: Path(settings.BASE_DIR) / "docs" / f"screenshot-{name}.png"
    for name in ("search", "compare", "commitments", "official")
}
README_SCREENSHOT = README_SCREENSHOTS["search"]


@pytest.fixture
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
