"""A single-page book's site in headless Chromium, on a page of every chapter.

The site guarantees, checked where a reader meets them: every link in the text opens a page
that holds its anchor, the language switch lands on the same chapter, ``lang`` is the page's,
untranslated blocks show their marker, search finds a chapter's words in the page's own
language, and axe-core finds no serious or critical WCAG 2 A/AA violation.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import ServedPages, axe_audit, search, serving, switch_language
from tests.test_site_onepage import PAGES, make_book_project


@pytest.fixture(scope="module")
def served_book(tmp_path_factory):
    from relnotes.catalog.update import update
    from relnotes.project import Project
    from relnotes.site.publish import build_all

    root = make_book_project(tmp_path_factory.mktemp("book-browser"))
    update(Project.load(root))
    site = root / "site"
    with serving(site, lambda url: build_all(root / "mkdocs.yml", site, site_url=url)) as base:
        yield base


def _path(slug: str) -> str:
    return "" if slug == "index" else f"{slug}/"


@pytest.mark.parametrize("prefix", ["", "de/"])
def test_every_chapter_page_keeps_the_site_guarantees(served_book, browser, prefix):
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    followed = 0
    pages = ServedPages(page.request)
    for slug in PAGES:
        page.goto(f"{served_book}/{prefix}{_path(slug)}", wait_until="networkidle")
        assert page.locator("html").get_attribute("lang") == ("de" if prefix else "en")
        markers = page.locator("article .relnotes-marker").count() + page.locator("article .relnotes-foreign").count()
        assert (markers > 0) == bool(prefix), slug  # the German edition translated nothing yet
        links = page.locator("article a[href]:not(.headerlink)").evaluate_all("links => links.map(a => a.href)")
        for href in links:
            if not href.startswith(served_book):
                continue
            assert pages.works(href), (slug, href)
            followed += 1
    assert followed >= (8 if prefix else 5)
    page.close()
    assert errors == []


def test_language_switch_lands_on_the_same_chapter_and_search_stays_in_its_language(served_book, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{served_book}/chapter-2/", wait_until="networkidle")
    switch_language(page, "de", f"{served_book}/de/chapter-2/")
    assert page.locator("html").get_attribute("lang") == "de"
    expect(page.locator("article h1")).to_contain_text("2. Configuration")
    page.wait_for_load_state("networkidle")
    hrefs = search(page, "signal")
    assert any(href.startswith(f"{served_book}/de/chapter-2/") for href in hrefs)
    assert all(href.startswith(f"{served_book}/de/") for href in hrefs)
    page.close()


def test_axe_finds_no_serious_or_critical_violation_on_any_chapter_or_the_status_page(served_book, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    found, audited = [], 0
    for prefix in ("", "de/"):
        for path in [*map(_path, PAGES), "status/"]:
            page.goto(f"{served_book}/{prefix}{path}", wait_until="networkidle")
            passed, serious = axe_audit(page, prefix + path)
            audited += passed
            found += serious
    page.close()
    assert found == []
    assert audited > 12 * 10  # axe ran its rules on every page


def test_book_status_page_on_a_390px_phone_never_scrolls_sideways(served_book, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{served_book}/de/status/", wait_until="networkidle")
    page.locator("details.relnotes-chapter summary").nth(2).click()  # a chapter folds open onto its sections
    expect(page.locator("details.relnotes-chapter").nth(2).locator("table.relnotes-sections")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


@pytest.fixture(scope="module")
def served_kicad(tmp_path_factory):
    """KiCad's Getting Started (Asciidoctor, one page as kicad-doc-en installs it), English and German."""
    import shutil
    from pathlib import Path

    from relnotes.catalog.update import update
    from relnotes.project import Project
    from relnotes.site.publish import build_all
    from tests.book_site import install_page
    from tests.conftest import ROOT

    page = Path("/usr/share/doc/kicad/help/en/getting_started_in_kicad.html")
    if not page.is_file():
        pytest.fail(f"{page} is missing: apt-get install kicad-doc-en")
    root = tmp_path_factory.mktemp("kicad-browser")
    install_page(page, root / "sources")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")  # the plugin brings its templates
    (root / "relnotes.toml").write_text('languages = ["en", "de"]\n', encoding="utf-8")
    update(Project.load(root))
    site = root / "site"
    with serving(site, lambda url: build_all(root / "mkdocs.yml", site, site_url=url)) as base:
        yield base


@pytest.mark.slow
def test_a_real_single_page_manual_keeps_the_guarantees_on_every_chapter(served_kicad, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    pages = ServedPages(page.request)
    found, audited = [], 0
    chapters = ["", *(f"chapter-{n}/" for n in range(1, 8))]
    for prefix in ("", "de/"):
        for path in chapters:
            page.goto(f"{served_kicad}/{prefix}{path}", wait_until="networkidle")
            assert page.locator("html").get_attribute("lang") == ("de" if prefix else "en")
            if prefix:
                assert page.locator("article .relnotes-foreign").count() > 0, path
            for href in page.locator("article a[href]:not(.headerlink)").evaluate_all("a => a.map(x => x.href)"):
                if href.startswith(served_kicad):
                    assert pages.works(href), (path, href)
            passed, serious = axe_audit(page, prefix + path)
            audited += passed
            found += serious
    assert found == []
    assert audited > 16 * 10
    page.goto(f"{served_kicad}/chapter-4/", wait_until="networkidle")
    switch_language(page, "de", f"{served_kicad}/de/chapter-4/")
    page.close()
