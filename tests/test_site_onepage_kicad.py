"""KiCad's manuals (Asciidoctor, one HTML page each, ``images/`` beside them) as sites.

Read where ``kicad-doc-en`` installs them, never copied into the project: the page and the
images it shows are copied into a temporary ``sources/``, as installed. Each manual's site, in
English and German, has every chapter as a page with its published number, every figure
shown and served, and its cross-references working.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from relnotes.read import read_document
from tests.book_site import install_page, kept
from tests.conftest import ROOT, soup
from tests.crawl import broken_links

pytestmark = pytest.mark.slow

KICAD = Path("/usr/share/doc/kicad/help/en")


@pytest.fixture(scope="module", params=["getting_started_in_kicad", "pcbnew"])
def manual(request, tmp_path_factory):
    from relnotes.catalog.update import update
    from relnotes.project import Project
    from relnotes.site.publish import build_all

    page = KICAD / f"{request.param}.html"
    if not page.is_file():
        pytest.fail(f"{page} is missing: apt-get install kicad-doc-en")
    root = tmp_path_factory.mktemp(request.param)
    install_page(page, root / "sources")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")  # the plugin brings its templates
    (root / "relnotes.toml").write_text('languages = ["en", "de"]\n', encoding="utf-8")
    update(Project.load(root))
    build_all(root / "mkdocs.yml", root / "site")
    return read_document(page), root / "site"


def test_every_chapter_is_a_page_titled_with_its_published_number(manual):
    document, site = manual
    chapters = document.slugs()[1:]
    assert len(chapters) >= 7
    for prefix in ("", "de/"):
        for slug, chapter in chapters:
            h1 = soup(site / prefix / slug / "index.html").h1.get_text(strip=True)
            assert h1.startswith(f"{chapter.number}. {chapter.heading.text}"), (slug, h1)


@pytest.mark.parametrize("prefix", ["", "de/"])
def test_figures_are_shown_and_cross_references_work(manual, prefix):
    document, site = manual
    found = kept(document, site / prefix)
    assert found.figures >= 40
    assert found.figures_shown == found.figures
    assert found.xrefs >= 8  # unread: ids a paragraph carries, which the reader records on no block yet
    assert found.xrefs_working == found.xrefs


def test_nothing_broken_and_status_rows_by_title_in_reading_order(manual):
    document, site = manual
    broken, checked = broken_links(site)
    assert broken == []
    assert checked > 1000
    status = soup(site / "de" / "status" / "index.html")
    titles = [d.select_one(".relnotes-chapter__title").get_text() for d in status.select("details.relnotes-chapter")]
    assert titles == [f"{c.number}. {c.heading.text}" if c.number else c.heading.text for _s, c in document.slugs()]
    first = status.select("details.relnotes-chapter")[1]
    rows = [th.get_text() for th in first.select("tbody th")][1:]
    assert rows == [f"{s.number}. {s.heading.text}" for s in document.slugs()[1][1].sections]
