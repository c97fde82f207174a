"""A paragraph imported for review, as a reader sees it in Chromium: the edition's text, marked.

The published pt-BR edition moved a paragraph; import holds it for review (fuzzy). The
reader of the site must still read it in Portuguese, as the edition showed it, with the
"under review" marker; a project that sets ``[site] imported_for_review = "original"``
shows the original instead, and a suggestion ``update`` made for a changed text is never
shown (it translates another text).
"""

from __future__ import annotations

import shutil

import polib
from playwright.sync_api import expect

from relnotes.catalog.importer import import_edition
from relnotes.locales import LocaleId
from relnotes.model import Block, BlockKind
from relnotes.project import Project
from relnotes.site.localize import Localizer
from relnotes.site.publish import build_all
from tests.browser import serving
from tests.conftest import ROOT
from tests.test_import import PARAS, PT, edition_html, original_html

HELD = PARAS[1][0]  # the paragraph the edition moved


def _project(tmp_path):
    root = tmp_path / "proj"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "guide.en.html").write_text(original_html(), encoding="utf-8")
    (root / "relnotes.toml").write_text('languages = ["pt_BR", "en"]\nsource_language = "en"\n', encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")  # the plugin brings its own templates
    edition = tmp_path / "guide.pt_BR.html"
    edition.write_text(edition_html([PT[0], PT[2], PT[1], PT[3]]), encoding="utf-8")
    report = import_edition(Project.load(root), edition, "pt_BR", say=lambda _: None)
    assert report.fuzzy >= 1
    entry = polib.pofile(str(root / "locales/pt_BR/LC_MESSAGES/release-notes.po")).find(HELD)
    assert entry.flags == ["fuzzy"] and entry.msgstr == PT[1]
    return root


def test_a_paragraph_held_for_review_shows_the_editions_text_with_its_marker(tmp_path, browser):
    root = _project(tmp_path)
    with serving(
        tmp_path / "site", lambda url: build_all(root / "mkdocs.yml", tmp_path / "site", site_url=url)
    ) as base:
        page = browser.new_page()
        page.goto(f"{base}/pt-br/")
        held = page.locator("p.relnotes-fuzzy")
        expect(held).to_have_count(3)
        first = held.filter(has_text="/var/cache/apt/archives")
        expect(first.locator(".relnotes-marker")).to_have_text("Tradução em revisão")
        expect(first.locator("span").last).to_have_text(PT[1])
        assert first.locator("span").last.get_attribute("lang") is None  # the page's own language
        expect(page.get_by_text(HELD)).to_have_count(0)
        page.close()


def _fuzzy(comment: str) -> polib.POFile:
    catalog = polib.POFile()
    catalog.append(polib.POEntry(msgid=HELD, msgstr=PT[1], flags=["fuzzy"], tcomment=comment))
    return catalog


def _shown(catalog: polib.POFile, setting: str) -> tuple[str, str, str]:
    from relnotes.catalog.template import TemplateEntry

    template = [TemplateEntry(HELD, ("guide:intro",), "en", 1.0, "text")]
    pt = LocaleId.parse("pt_BR")
    localizer = Localizer(template, catalog, pt, [pt, LocaleId.parse("en")], setting)
    shown = localizer.show(Block(BlockKind.PARAGRAPH, HELD, 1))
    return shown.text, shown.lang, shown.state


def test_the_project_can_show_the_original_and_an_update_suggestion_is_never_shown():
    imported = _fuzzy("relnotes import: the edition has it elsewhere (moved) (confidence 0.87)")
    assert _shown(imported, "edition") == (PT[1], "pt-BR", "fuzzy")
    assert _shown(imported, "original") == (HELD, "en", "fuzzy")
    assert _shown(_fuzzy(""), "edition") == (HELD, "en", "fuzzy")
    changed = _fuzzy("relnotes import: the edition has it elsewhere (moved) (confidence 0.87)")
    changed[0].previous_msgid = "An older source text that update replaced."  # update's suggestion now
    assert _shown(changed, "edition") == (HELD, "en", "fuzzy")
