"""Four chunked books of three toolchains as sites, German edition the master, German and English.

The installation guide (DocBook XSL, per-language folders), the maintainers' guide and the
Debian FAQ (DocBook XSL, the language in the file name: ``index.de.html``) and the developer's
reference (Sphinx), read where their packages install them (a link from a temporary
``sources/``, never copied). Each site is built once per book, served, and checked in both
languages: every chapter a page with its published number, figures shown and served,
cross-references working, the status page's rows the section titles in reading order; then in
Chromium on the page of every chapter: ``lang``, the untranslated marker on the English pages
(nothing is translated yet, every block is German) and on no German page, every internal link answers 200 and holds
its anchor, every page's language switch names the same page in the other language (and,
clicked once a book, lands there), and search in each language finds that
chapter there and nothing in the other language.

axe-core runs on every chapter's page in one of the two languages (every other chapter in each,
so both languages' templates and the English pages' markers are audited) and on the status page
in German, not on every page in both: that took longer than the whole module may (about 1 s a
page on a loaded machine), and on the English status page, which lists every block as waiting,
10 s a book; the status page is the same table in both languages. Pages are
checked once loaded, not once the network is idle. The whole module: about 95 s with the
machine's load at 4 on 2 cores.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from relnotes.model import Document
from relnotes.read import read_document
from tests.book_site import kept
from tests.browser import ServedPages, axe_audit, search, serving, switch_language
from tests.conftest import ROOT, soup

pytestmark = pytest.mark.slow

DOC = Path("/usr/share/doc")


@dataclass(frozen=True)
class Shelf:
    name: str
    package: str
    edition: Path  # the German edition as installed
    chapters: int  # parts the site publishes, the title page included
    figures: int  # published images
    xrefs: int  # published cross-references the site must keep working (book_site.kept)


BOOKS = [
    Shelf("install", "installation-guide-amd64", DOC / "installation-guide-amd64" / "de", 16, 43, 89),
    Shelf("maint", "maint-guide-de", DOC / "maint-guide-de" / "html", 11, 0, 159),
    Shelf("faq", "debian-faq-de", DOC / "debian" / "FAQ" / "de", 17, 0, 57),
    Shelf("devref", "developers-reference-de", Path("/usr/share/developers-reference/de"), 10, 0, 42),
]


@dataclass(frozen=True)
class Site:
    shelf: Shelf
    document: Document
    site: Path
    base: str  # where it is served


@pytest.fixture(scope="module", params=BOOKS, ids=[b.name for b in BOOKS])
def book(request, tmp_path_factory):
    from relnotes.catalog.update import update
    from relnotes.project import Project
    from relnotes.site.publish import build_all

    shelf: Shelf = request.param
    if not shelf.edition.is_dir():
        pytest.fail(f"{shelf.edition} is missing: apt-get install {shelf.package}")
    root = tmp_path_factory.mktemp(shelf.name)
    (root / "sources").mkdir()
    (root / "sources" / f"{shelf.name}.de").symlink_to(shelf.edition)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")  # the plugin brings its templates
    (root / "relnotes.toml").write_text('source_language = "de"\nlanguages = ["de", "en"]\n', encoding="utf-8")
    update(Project.load(root))
    site = root / "site"
    with serving(site, lambda url: build_all(root / "mkdocs.yml", site, site_url=url)) as base:
        yield Site(shelf, read_document(root / "sources" / f"{shelf.name}.de"), site, base)


def _path(slug: str) -> str:
    return "" if slug == "index" else f"{slug}/"


def _title(part) -> str:
    return f"{part.number}. {part.heading.text}" if part.number else part.heading.text


def test_every_chapter_is_a_page_titled_with_its_published_number(book):
    slugs = book.document.slugs()
    assert len(slugs) == book.shelf.chapters
    assert slugs[0][0] == "index"  # the title page is the home page, index.de.html too
    assert [s for s, _part in slugs if s.endswith(".de")] == []  # the site's language folders name the language
    assert sum(1 for _s, part in slugs if part.number) >= len(slugs) // 2  # each of the four numbers its chapters
    for prefix in ("", "en/"):
        for slug, part in slugs:
            h1 = soup(book.site / prefix / _path(slug) / "index.html").h1.get_text(strip=True)
            assert h1.startswith(_title(part)), (prefix, slug, h1)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_figures_are_shown_and_cross_references_work(book, prefix):
    found = kept(book.document, book.site / prefix)
    assert found.figures == book.shelf.figures
    assert found.figures_shown >= 0.99 * found.figures
    assert found.xrefs == book.shelf.xrefs
    assert found.xrefs_working >= 0.99 * found.xrefs


def test_status_rows_are_section_titles_in_reading_order(book):
    status = soup(book.site / "en" / "status" / "index.html")
    chapters = status.select("details.relnotes-chapter")
    titles = [d.select_one(".relnotes-chapter__title").get_text() for d in chapters]
    assert titles == [_title(part) for _s, part in book.document.slugs()]
    for details, (_slug, part) in zip(chapters, book.document.slugs(), strict=True):
        rows = [th.get_text() for th in details.select("tbody th")]
        sections = [_title(s) for s in part.sections]
        assert len(rows) - len(sections) in (0, 1), (part.heading.text, rows)  # the introduction's row, if any
        assert rows[len(rows) - len(sections) :] == sections, part.heading.text


@pytest.mark.parametrize(("prefix", "lang"), [("", "de"), ("en/", "en")])
def test_every_chapter_page_in_chromium(book, browser, prefix, lang):
    base = book.base
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    pages = ServedPages(page.request)
    found, audited, followed, unmarked = [], 0, 0, []
    paths = [_path(slug) for slug, _part in book.document.slugs()]
    for n, path in enumerate([*paths, "status/"]):
        # Every chapter audited in one of the two languages (alternately), the status page in German.
        audit = (n % 2 == (1 if prefix else 0) and path != "status/") or (path == "status/" and not prefix)
        page.goto(f"{base}/{prefix}{path}", wait_until="load")
        assert page.locator("html").get_attribute("lang") == lang, path
        other, other_prefix = ("de", "") if prefix else ("en", "en/")
        switch = page.locator(f".md-select__link[hreflang='{other}']").evaluate("a => a.href")
        assert switch.partition("#")[0] == f"{base}/{other_prefix}{path}", (path, switch)  # the same page
        if path != "status/":
            markers = page.locator("article .relnotes-marker, article .relnotes-foreign").count()
            if (markers > 0) != (lang == "en"):  # nothing translated yet: every English page shows German
                unmarked.append(path)
            hrefs = page.locator("article a[href]:not(.headerlink)").evaluate_all("a => a.map(x => x.href)")
            for href in hrefs:
                if not href.startswith(base):
                    continue
                assert pages.works(href), (path, href)
                followed += 1
        if audit:
            passed, serious = axe_audit(page, prefix + path)
            audited += passed
            found += serious
    page.close()
    assert unmarked == []
    assert followed >= book.shelf.xrefs
    assert found == []
    pages_audited = len(paths) // 2 + (1 if not prefix else 0)  # a chapter in two, the status page in German
    assert audited > pages_audited * 10  # axe ran its rules on every page audited
    assert errors == []


def test_language_switch_lands_on_the_same_chapter_and_search_stays_in_its_language(book, browser):
    slug, part = book.document.slugs()[2]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{book.base}/{_path(slug)}", wait_until="networkidle")
    switch_language(page, "en", f"{book.base}/en/{_path(slug)}")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("article h1")).to_contain_text(part.heading.text)
    # The chapter's longest title word, searched on each language's site, finds that chapter there.
    word = max(re.findall(r"[^\W\d_]{4,}", part.heading.text), key=len)
    for prefix in ("en/", ""):
        page.goto(f"{book.base}/{prefix}{_path(slug)}", wait_until="networkidle")
        hrefs = search(page, word)
        assert any(href.startswith(f"{book.base}/{prefix}{_path(slug)}") for href in hrefs), (word, hrefs)
        other = f"{book.base}/en/"
        assert all(href.startswith(other) == (prefix == "en/") for href in hrefs), (word, hrefs)
    page.close()
