"""Every published edition of a book, one site: the handbook's original and four editions.

en-US is the master; pt-BR, de-DE, ja-JP and ar-MA are imported into its catalogs (the
``handbook`` fixture). The site of the five languages is built two at a time, served, and
walked in Chromium: one chapter page per language with its ``lang`` and ``dir``, the
translated text shown and the English left in marked, the language selector landing on
the same chapter, a search in the page's language, and axe-core's WCAG 2 audit of a
chapter page (admonitions, code, lists, figures) left to right and right to left.
"""

from __future__ import annotations

import pytest

from tests.browser import axe_audit, search, serving, switch_language
from tests.crawl import broken_links, soup

pytestmark = pytest.mark.slow

# (prefix, BCP 47, dir, a word of the apt chapter in that language)
LANGUAGES = [
    ("", "en", "ltr", "repositories"),
    ("pt-br/", "pt-BR", "ltr", "repositórios"),
    ("de-de/", "de-DE", "ltr", "Paketquellen"),
    ("ja-jp/", "ja-JP", "ltr", "リポジトリ"),
    ("ar-ma/", "ar-MA", "rtl", "المستودعات"),
]


@pytest.fixture(scope="module")
def served(handbook):
    from relnotes.site.publish import build_all

    site = handbook.root / "site"
    with serving(site, lambda url: build_all(handbook.root / "mkdocs.yml", site, site_url=url, jobs=2)) as base:
        yield base, site


def test_every_language_has_every_chapter_and_no_broken_link(served):
    _base, site = served
    others = {prefix.rstrip("/") for prefix, *_ in LANGUAGES[1:]}
    chapters = sorted(p.parent.name for p in site.glob("*/index.html") if p.parent.name not in others)
    assert len(chapters) == 20 + 1  # 20 chapters (the title page is the root) and the status page
    for prefix, *_ in LANGUAGES[1:]:
        assert sorted(p.parent.name for p in (site / prefix).glob("*/index.html")) == chapters
    broken, checked = broken_links(site)
    assert broken == []
    assert checked > 15_000  # about 3,500 links a language


@pytest.mark.parametrize(("prefix", "lang", "direction", "word"), LANGUAGES)
def test_a_chapter_in_each_language_in_chromium(served, browser, prefix, lang, direction, word):
    base, _site = served
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{base}/{prefix}apt/", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("html").get_attribute("dir") == direction
    assert word in page.locator("article").inner_text()
    marked = page.locator("article .relnotes-untranslated span[lang=en]")
    if prefix:  # every edition leaves some English in this chapter; English itself has nothing to mark
        assert marked.count() > 0
    else:
        assert page.locator("article .relnotes-untranslated").count() == 0
    # The selector leads to the same chapter in another language.
    other = "pt-br/" if prefix != "pt-br/" else "de-de/"
    hreflang = next(bcp47 for where, bcp47, *_ in LANGUAGES if where == other)
    switch_language(page, hreflang, f"{base}/{other}apt/")
    page.close()
    assert errors == []


def test_search_finds_a_chapter_in_the_page_language(served, browser):
    base, _site = served
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/pt-br/apt/", wait_until="networkidle")  # the search worker has its index
    hrefs = search(page, "repositórios")
    assert hrefs and all(href.startswith(f"{base}/pt-br/") for href in hrefs)
    page.close()


def test_axe_on_book_pages_left_to_right_and_right_to_left(served, browser):
    base, site = served
    table_page = next(p.parent.name for p in site.glob("*/index.html") if soup(p).select_one("article table"))
    figure_page = next(p.parent.name for p in site.glob("*/index.html") if soup(p).select_one("article figure"))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    found = []
    for prefix in ("pt-br/", "ar-ma/"):
        for path in ("", "apt/", f"{table_page}/", f"{figure_page}/"):
            page.goto(f"{base}/{prefix}{path}", wait_until="networkidle")
            found += axe_audit(page, prefix + path)[1]
    page.close()
    assert found == []
