"""A book published as one HTML page (DocBook XSL's single-page output), as a site.

The fixture is a small hand-made page in DocBook XSL's shape with its ``images/`` folder
beside it, put in ``sources/`` as a distribution installs it (no locale in its name: its
markup says ``lang="en"``). The site is English and German; the German pages show every
text untranslated, which is what the markers are checked on.
"""

from __future__ import annotations

import shutil

import pytest

from relnotes.read import read_document
from tests.conftest import ROOT, soup
from tests.crawl import broken_links

BOOK = ROOT / "tests" / "fixtures" / "books" / "onepage"
PAGES = ["index", "about", "chapter-1", "chapter-2", "chapter-a"]


def make_book_project(root, book=BOOK, name="manual.html", languages=("en", "de")):
    """A project whose one master is a single-page book copied as installed, images beside it."""
    (root / "sources").mkdir(parents=True)
    shutil.copy(book / name, root / "sources" / name)
    shutil.copytree(book / "images", root / "sources" / "images")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")  # the plugin brings its templates
    quoted = ", ".join(f'"{lang}"' for lang in languages)
    (root / "relnotes.toml").write_text(f"languages = [{quoted}]\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def onepage_site(tmp_path_factory):
    from relnotes.catalog.update import update
    from relnotes.project import Project
    from relnotes.site.publish import build_all

    root = make_book_project(tmp_path_factory.mktemp("onepage"))
    update(Project.load(root))
    build_all(root / "mkdocs.yml", root / "site")  # strict: a warning fails the build
    return root / "site"


def page(site, prefix, slug):
    return soup(site / prefix / ("" if slug == "index" else slug) / "index.html")


def test_a_single_page_book_is_split_at_its_chapters_in_reading_order():
    document = read_document(BOOK / "manual.html")
    assert document.is_book
    assert [slug for slug, _part in document.slugs()] == PAGES
    assert [part.heading.text for _slug, part in document.slugs()] == [
        "Widget Manual",
        "About this manual",
        "Getting started",
        "Configuration",
        "Limits",
    ]


def test_a_release_notes_chapter_stays_one_page(chapter):
    """Numbered as chapter 6 of a larger whole: a chapter, not a book."""
    assert not chapter.is_book
    assert [slug for slug, _part in chapter.slugs()] == ["index"]


def test_an_unnumbered_title_over_its_chapters_is_a_book(tmp_path):
    """Asciidoctor's one page: the title is an h1, the chapters are its numbered sect1 sections."""
    path = tmp_path / "guide.html"
    path.write_text(
        '<html lang="en"><body><div id="header"><h1>Guide</h1></div><div id="content">'
        '<div class="sect1"><h2 id="_one">1. One</h2><div class="sectionbody"><div class="paragraph">'
        "<p>The first chapter has one paragraph of its own.</p></div></div></div>"
        '<div class="sect1"><h2 id="_two">2. Two</h2><div class="sectionbody"><div class="paragraph">'
        '<p>The second chapter links back to <a href="#_one">the first one</a>.</p></div></div></div>'
        "</div></body></html>",
        encoding="utf-8",
    )
    document = read_document(path)
    assert [(slug, part.number) for slug, part in document.slugs()] == [
        ("index", None),
        ("chapter-1", "1"),
        ("chapter-2", "2"),
    ]


@pytest.mark.parametrize("prefix", ["", "de/"])
def test_every_chapter_is_a_page_with_its_published_number(onepage_site, prefix):
    titles = [page(onepage_site, prefix, slug).h1.get_text(" ", strip=True).rstrip(" ¶") for slug in PAGES]
    assert [t.split(" Not translated")[0].split(" Noch nicht")[0] for t in titles] == [
        "Widget Manual",
        "About this manual",
        "1. Getting started",
        "2. Configuration",
        "A. Limits",
    ]
    subtitles = [
        h.get_text(" ", strip=True).rstrip(" ¶") for h in page(onepage_site, "", "chapter-1").select("h2, h3, h4")
    ]
    assert subtitles[:3] == [
        "1.1. Installing the package",
        "1.1.1. Checking the installation",
        "1.1.1.1. Reading the log",
    ]


def test_navigation_lists_the_chapters_in_reading_order(onepage_site):
    nav = [a.get_text(strip=True) for a in page(onepage_site, "", "index").select("nav.md-nav--primary > ul > li > a")]
    assert nav == [
        "Widget Manual",
        "About this manual",
        "1. Getting started",
        "2. Configuration",
        "A. Limits",
        "Translation status",
    ]


@pytest.mark.parametrize("prefix", ["", "de/"])
def test_every_figure_is_shown_on_its_chapter_page_and_served(onepage_site, prefix):
    """Where below the site a book's files are published is the site's choice; that each chapter
    page shows its own figures, each address serving the published file, is the guarantee."""
    served = {}
    for slug in PAGES:
        folder = onepage_site / prefix / ("" if slug == "index" else slug)
        for img in page(onepage_site, prefix, slug).select("article figure img"):
            served.setdefault(slug, []).append((folder / img["src"]).resolve().read_bytes())
    images = BOOK / "images"
    assert served == {
        "chapter-1": [(images / "window.png").read_bytes()],
        "chapter-2": [(images / "settings.png").read_bytes()],
    }


def test_cross_references_link_to_the_chapter_page_now_holding_their_anchor(onepage_site):
    def xrefs(slug):
        return {a.get_text(" ", strip=True): a["href"] for a in page(onepage_site, "de/", slug).select("article p a")}

    assert xrefs("chapter-1")["Section 2.1, “The configuration file”"] == "../chapter-2/#config-file"
    assert xrefs("chapter-2")["Chapter 1, Getting started"] == "../chapter-1/#start"
    assert xrefs("chapter-a")["Figure 1.1, “The main window”"] == "../chapter-1/#fig-window"
    broken, checked = broken_links(onepage_site)
    assert broken == []
    assert checked > 100


def test_footnotes_stay_on_their_chapter_page(onepage_site):
    note = "The package is called widget in every distribution that ships it."
    holding = [slug for slug in PAGES if note in page(onepage_site, "", slug).select_one("article").get_text()]
    assert holding == ["chapter-1"]


def test_every_kind_of_untranslated_block_is_marked(onepage_site):
    """Headings of every level, captions, cells and terms carry the marker, not only paragraphs."""
    chapter_1, chapter_2 = page(onepage_site, "de/", "chapter-1"), page(onepage_site, "de/", "chapter-2")
    for heading in chapter_1.select("article :is(h1, h2, h3, h4, h5)"):
        assert "relnotes-foreign" in heading["class"], heading
        assert heading["data-marker"] == "Noch nicht übersetzt"  # relnotes' German interface
        assert heading["lang"] == "en"
    marked = {
        tag: [
            el.select_one(".relnotes-marker").get_text() for el in chapter_2.select(f"article {tag}.relnotes-foreign")
        ]
        for tag in ("caption", "td", "dt", "figcaption")
    }
    assert {tag: len(found) for tag, found in marked.items()} == {
        "caption": 1,
        "td": 4,
        "dt": 1,
        "figcaption": 1,
    }  # "interval", "quiet": identifiers
    assert {text for found in marked.values() for text in found} == {"Noch nicht übersetzt"}
    english = page(onepage_site, "", "chapter-2")
    assert not english.select("article .relnotes-foreign")


def test_status_page_of_a_book_has_sections_by_title_under_their_chapter(onepage_site):
    status = page(onepage_site, "de/", "status")
    chapters = status.select("details.relnotes-chapter")
    assert [c.select_one(".relnotes-chapter__title").get_text() for c in chapters] == [
        "Widget Manual",
        "About this manual",
        "1. Getting started",
        "2. Configuration",
        "A. Limits",
    ]
    rows = {
        c.select_one(".relnotes-chapter__title").get_text(): [
            (th.get_text(), th.a["href"]) for th in c.select("tbody th")
        ]
        for c in chapters
    }
    assert rows["1. Getting started"] == [
        ("Kapiteltitel und Einleitung", "../chapter-1/"),
        ("1.1. Installing the package", "../chapter-1/#start-install"),
    ]
    # the section's row counts its heading, its blocks and those of every section below it:
    # 4 headings, 5 paragraphs (the footnote too), the caption (and the alternative text, once read)
    section = read_document(BOOK / "manual.html").parts[2].sections[0]
    texts = [b for _d, s in section.walk() for b in (s.heading, *s.blocks) if b.kind.translatable]
    assert len(texts) in (10, 11)
    cells = chapters[2].select("tbody tr")[1].select("td")
    assert [cells[1].get_text(), cells[2].get_text()] == ["0", str(len(texts))]
    assert not status.select(".relnotes-places")  # no architecture groups: no section × architecture table
    assert "general" not in status.select_one("article").get_text()


def test_status_page_grid_links_each_chapter_in_each_language(onepage_site):
    grid = page(onepage_site, "", "status").select_one("table.relnotes-grid")
    # each language in its own name
    assert [th.get_text() for th in grid.select("thead th")] == ["Chapter", "English", "Deutsch"]
    row = grid.select("tbody tr")[3]
    assert row.th.get_text() == "2. Configuration"
    cells = [(td["class"], td.a.get_text(), td.a["href"], td.a["hreflang"]) for td in row.select("td")]
    assert cells == [
        (["relnotes-grid__translated"], "translated", "../chapter-2/", "en"),
        (["relnotes-grid__untranslated"], "not translated", "../de/chapter-2/", "de"),
    ]


def test_an_image_alternative_text_is_its_alt_translated_or_marked_with_its_language_and_a_marker():
    """The reader gives an image's alt text as an ALT block right after it; the page shows it as alt."""
    import polib

    from relnotes.catalog.template import TemplateEntry
    from relnotes.locales import LocaleId
    from relnotes.model import Block, BlockKind, Box, Document, Section
    from relnotes.site.localize import Localizer
    from relnotes.site.pages import PageWriter
    from relnotes.site.ui import translations

    figure = Box("figure", 1)
    blocks = (
        Block(BlockKind.TITLE, "The main window", 4, box=figure),
        Block(BlockKind.IMAGE, "images/window.png", 5, box=figure),
        Block(BlockKind.ALT, "The main window with its list of folders", 5, box=figure),
        Block(BlockKind.IMAGE, "images/settings.png", 7),
        Block(BlockKind.ALT, "The settings dialog", 7),
        Block(BlockKind.IMAGE, "images/rule.png", 9),  # no alternative text: decorative
    )
    heading = Block(BlockKind.HEADING, "Windows", 1)
    document = Document("manual.html", "en", (Section("1", heading, blocks=blocks),))
    texts = [heading.text, "The main window", "The main window with its list of folders", "The settings dialog"]
    template = [TemplateEntry(text, (), "en", 1.0, "detected") for text in texts]
    catalog = polib.POFile()
    catalog.append(polib.POEntry(msgid="The settings dialog", msgstr="Der Einstellungsdialog"))
    de, en = LocaleId.parse("de"), LocaleId.parse("en")
    writer = PageWriter(document, Localizer(template, catalog, de, [en, de]), translations(de))
    page = soup_of(writer.blocks_html(blocks))
    assert [(img["src"].rsplit("/", 1)[-1], img["alt"], img.get("lang")) for img in page.select("img")] == [
        ("window.png", "The main window with its list of folders", "en"),
        ("settings.png", "Der Einstellungsdialog", None),
        ("rule.png", "", None),
    ]
    assert "list of folders" not in page.get_text()  # an alt text is never a paragraph of its own
    # An attribute cannot show a marker: the image with an untranslated description is followed by one.
    followed = [
        (img["src"].rsplit("/", 1)[-1], [m.get_text() for m in img.find_next_siblings(class_="relnotes-marker")])
        for img in page.select("img")
    ]
    assert followed == [("window.png", ["Noch nicht übersetzt"]), ("settings.png", []), ("rule.png", [])]


def soup_of(markup):
    from bs4 import BeautifulSoup

    return BeautifulSoup(markup, "html.parser")


def test_pending_texts_name_their_place_by_chapter_and_section_title(onepage_site):
    pending = page(onepage_site, "de/", "status").select("ol.relnotes-pending li")
    places = {a.get_text(): a["href"] for li in pending for a in li.select("a")}
    assert places["1.1. Installing the package"] == "../chapter-1/#start-install"
    assert places["2. Configuration"] == "../chapter-2/#config"
    assert places["Widget Manual"] == "../#widget"
    assert not [label for label in places if label.startswith("chapter-")]


def test_footnotes_gathered_at_the_end_of_the_page_are_published_with_the_chapter_citing_them(tmp_path):
    """Asciidoctor's shape: every footnote after the last section; each is shown, and linked, on its chapter."""
    from relnotes.catalog.update import update
    from relnotes.project import Project
    from relnotes.site.publish import build_all

    root = tmp_path / "proj"
    (root / "sources").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "read" / "toolchains" / "asciidoctor-footnotes.html", root / "sources")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "relnotes.toml").write_text('languages = ["en", "de"]\n', encoding="utf-8")
    update(Project.load(root))
    build_all(root / "mkdocs.yml", root / "site")
    notes = {
        "chapter-1": "The menu is called Applications",
        "chapter-2": "Quitting saves nothing.",
        "chapter-3": "The last chapter keeps its own.",
    }
    for prefix in ("", "de/"):
        for slug in ["chapter-1", "chapter-2", "chapter-3"]:
            article = page(root / "site", prefix, slug).select_one("article")
            held = [name for name, note in notes.items() if note in article.get_text()]
            assert held == ([slug] if slug in notes else []), (prefix, slug)
            cites = [a["href"] for a in article.select("a[href*='footnotedef']")]
            assert cites == ([f"#_footnotedef_{slug[-1]}"] if slug in notes else []), (prefix, slug)
    broken, checked = broken_links(root / "site")
    assert broken == []
    assert checked > 20
