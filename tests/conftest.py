"""Shared fixtures: the embedded chapter, read once per session (reading is pure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from relnotes.read import read_document

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = ROOT / "sources" / "virtualization.pt_BR.txt"
HTML = ROOT / "tests" / "fixtures" / "virtualization.pt_BR.html"
LABELS = ROOT / "tests" / "fixtures" / "virtualization.pt_BR.labels"


@pytest.fixture(scope="session")
def chapter():
    return read_document(CHAPTER)


@pytest.fixture(scope="session")
def html_chapter():
    return read_document(HTML)


def labels() -> list[tuple[str, str, str]]:
    rows = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, place, start = line.split("\t")
            rows.append((lang, place, start))
    return rows


@pytest.fixture
def project_dir(tmp_path):
    """A copy of the project's sources/ and committed locales/, to change freely."""
    import shutil

    target = tmp_path / "proj"
    shutil.copytree(ROOT / "sources", target / "sources")
    shutil.copytree(ROOT / "locales", target / "locales", ignore=shutil.ignore_patterns(".lock"))
    return target


def run_cli(capsys, *argv):
    from relnotes.cli import main

    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def po_path(root, lang):
    return root / "locales" / lang / "LC_MESSAGES" / "release-notes.po"


def translate(root, lang, msgid, msgstr, fuzzy=False):
    """Edit a catalog as a writer would: set one msgstr, save."""
    import polib

    path = po_path(root, lang)
    catalog = polib.pofile(str(path))
    entry = catalog.find(msgid)
    assert entry is not None, msgid
    entry.msgstr = msgstr
    entry.flags = ["fuzzy"] if fuzzy else []
    catalog.save(str(path))


@pytest.fixture
def site_project(project_dir):
    """project_dir plus what the site needs: mkdocs.yml (the plugin brings its templates)."""
    import shutil

    shutil.copy(ROOT / "mkdocs.yml", project_dir / "mkdocs.yml")
    return project_dir


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The embedded chapter's site, built once with every language, as `make site` does."""
    from relnotes.site.publish import build_all

    site = tmp_path_factory.mktemp("site")
    build_all(ROOT / "mkdocs.yml", site)
    return site


def soup(path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def handbook(tmp_path_factory):
    """The Debian handbook's en-US original with four editions imported (slow: for slow tests)."""
    from tests.handbook import imported_handbook

    return imported_handbook(tmp_path_factory.mktemp("handbook"))


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright, shared by the browser tests."""
    from playwright.sync_api import sync_playwright

    from tests.browser import ARGS, CHROMIUM

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()
