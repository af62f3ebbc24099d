"""Tests never modify tracked files: what they write goes to ignored folders."""

import subprocess

from django.conf import settings

from tests.conftest import README_SCREENSHOTS, SCREENSHOT_DIR


def _git(*args):
    return subprocess.run(
        ["git", *args], cwd=settings.BASE_DIR, capture_output=True, text=True, check=False
    )


def test_browser_screenshots_go_to_an_ignored_folder():
    if _git("rev-parse", "--is-inside-work-tree").returncode != 0:
        return  # an exported tree without git: nothing tracked to protect
    for name, picture in README_SCREENSHOTS.items():
        probe = SCREENSHOT_DIR / f"readme-{name}.png"
        assert _git("check-ignore", "-q", str(probe)).returncode == 0, probe
        assert probe != picture
        assert _git("ls-files", "--error-unmatch", str(picture)).returncode == 0, picture


def test_only_make_screenshots_refreshes_the_readme_picture():
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    target = makefile.split("\nscreenshots:", 1)[1].split("\n\n", 1)[0]
    assert "UPDATE_README_SCREENSHOT=1" in target
    test_target = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "UPDATE_README_SCREENSHOT" not in test_target


def test_the_readme_shows_every_picture_make_screenshots_takes():
    readme = (settings.BASE_DIR / "README.md").read_text()
    for picture in README_SCREENSHOTS.values():
        assert f"docs/{picture.name}" in readme, picture.name
