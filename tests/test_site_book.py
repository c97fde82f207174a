"""A whole published book as a site: every chapter a page, figures, working cross-references.

The Debian Administrator's Handbook is read where its Debian package put it; the project
only links to it from a temporary ``sources/``.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from relnotes.model import Document
from relnotes.read import read_document
from tests.conftest import ROOT
from tests.crawl import broken_links, soup
from tests.handbook import edition

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Book:
    name: str  # the edition, as the package names its folder
    document: Document
    site: Path


@pytest.fixture(scope="module", params=["pt-BR", "zh-CN"])
def book_site(request, tmp_path_factory):
    """The site of one edition in its language and English, built as `relnotes site build` does."""
    from relnotes.catalog.update import update
    from relnotes.project import Project
    from relnotes.site.publish import build_all

    name = request.param
    root = tmp_path_factory.mktemp(f"book-{name}")
    (root / "sources").mkdir()
    locale = name.replace("-", "_")
    (root / "sources" / f"handbook.{locale}").symlink_to(edition(name))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    update(Project.load(root))
    build_all(root / "mkdocs.yml", root / "site")  # strict: true in mkdocs.yml, so a warning fails
    return Book(name, read_document(edition(name)), root / "site")


def test_every_chapter_is_a_page_with_its_title_in_both_languages(book_site):
    _name, document, site = book_site.name, book_site.document, book_site.site
    slugs = ["index" if c.heading.page == "index.html" else c.heading.page[:-5] for c in document.chapters]
    assert len(slugs) == 21
    for prefix in ("", "en/"):
        for slug, chapter in zip(slugs, document.chapters, strict=True):
            page = site / prefix / ("" if slug == "index" else slug) / "index.html"
            label = f"{chapter.number}. " if chapter.number else ""  # the published number, kept
            assert soup(page).h1.get_text(strip=True).startswith(label + chapter.heading.text[:20]), page


def test_navigation_lists_the_chapters_in_reading_order(book_site):
    _name, document, site = book_site.name, book_site.document, book_site.site
    nav = [a.get_text(strip=True) for a in soup(site / "index.html").select("nav.md-nav--primary > ul > li > a")]
    titles = [f"{c.number}. {c.heading.text}" if c.number else c.heading.text for c in document.chapters]
    assert nav[: len(titles)] == titles


def test_figures_are_copied_and_shown(book_site):
    _name, document, site = book_site.name, book_site.document, book_site.site
    published = Counter(p.block.text for p in document.placements() if p.block.kind == "image")
    assert sum(published.values()) == 53
    shown = Counter()
    for page in site.glob("*/index.html"):
        for img in soup(page).select("article figure img, article p > img"):
            shown[img["src"].removeprefix("../").removeprefix("book-files/")] += 1  # the book's own namespace
    assert shown == published
    assert all((site / "book-files" / src).is_file() and (site / "en/book-files" / src).is_file() for src in published)


def test_cross_references_become_links_between_site_pages(book_site):
    _name, _document, site = book_site.name, book_site.document, book_site.site
    xrefs = [
        a["href"]
        for page in site.glob("*/index.html")
        for a in soup(page).select("article a[href]")
        if not a["href"].startswith(("http", "mailto", "#item", "../status"))
    ]
    assert len(xrefs) > 150
    assert not [href for href in xrefs if ".html" in href]  # published file names became site pages


def test_link_crawl_finds_nothing_broken(book_site):
    _name, _document, site = book_site.name, book_site.document, book_site.site
    broken, checked = broken_links(site)
    assert broken == []
    assert checked > 9000


def test_untranslated_paragraphs_are_marked_in_the_page_language(book_site):
    name, _document, site = book_site.name, book_site.document, book_site.site
    page = soup(site / "apt" / "index.html")
    assert page.html["lang"] == name
    marked = page.select("article .relnotes-untranslated")
    assert marked, "the edition leaves English paragraphs in this chapter"
    assert {m.select("span[lang]")[-1]["lang"] for m in marked} == {"en"}


def test_every_document_of_sources_is_published_below_its_name(site_project, capsys):
    """A second master (in name order) gets its own pages below its name, and its own queue links."""
    from relnotes.cli import main
    from relnotes.site.publish import build_all

    (site_project / "sources" / "xen.pt_BR.txt").write_text(
        "7. Xen\n\n7.1. Known Issues\n\n7.1.1. All Architectures\n\n"
        "  • The kernel panics when booted with an unusual option.\n\n"
        "7.1.2. x86 Architectures\n\n  • O sistema trava ao iniciar com muita memória.\n",
        encoding="utf-8",
    )
    assert main(["update", "-C", str(site_project)]) == 0
    build_all(site_project / "mkdocs.yml", site_project / "site")
    site = site_project / "site"
    assert soup(site / "xen" / "index.html").h1.get_text(strip=True).startswith("7. Xen")  # its published number
    assert (site / "xen" / "x86" / "index.html").is_file() and (site / "x86" / "index.html").is_file()
    nav = [a.get_text(strip=True) for a in soup(site / "index.html").select("nav.md-nav--primary > ul > li > label")]
    assert nav[:2] == ["Virtualization", "Xen"]
    broken, _checked = broken_links(site)
    assert broken == []
    capsys.readouterr()
    assert main(["queue", "pt_BR", "--json", "-C", str(site_project)]) == 0
    import json

    links = [p["link"] for task in json.loads(capsys.readouterr().out)["queue"] for p in task["places"]]
    assert "xen/all/#item-1" in links
    assert "x86/#item-38" in links


def test_status_page_rows_are_chapters_and_sections_by_title_in_reading_order(book_site):
    document, site = book_site.document, book_site.site
    status = soup(site / "status" / "index.html")
    chapters = status.select("details.relnotes-chapter")
    labels = [c.select_one(".relnotes-chapter__title").get_text() for c in chapters]
    assert len(labels) == len(document.chapters) == 21
    assert labels == [f"{c.number}. {c.heading.text}" if c.number else c.heading.text for c in document.chapters]
    apt = next(c for c in chapters if c.select_one("a[href^='../apt/']"))
    rows = [th.get_text() for th in apt.select("tbody th")][1:]
    assert rows == [
        f"{s.number}. {s.heading.text}" for s in document.chapters[labels.index(apt.summary.span.get_text())].sections
    ]
    assert not status.select(".relnotes-places")  # a book has no architecture groups: no such columns
    grid = status.select_one("table.relnotes-grid")
    hrefs = [[a["href"] for a in tr.select("td a")] for tr in grid.select("tbody tr")]
    assert len(hrefs) == 21
    assert hrefs[1] == [f"../{document.slugs()[1][0]}/", f"../en/{document.slugs()[1][0]}/"]
