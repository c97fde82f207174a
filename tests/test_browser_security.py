"""A hostile project's site in Chromium: no planted script runs anywhere, every payload reads as text.

Payloads sit in a master's heading, section heading and paragraph, a book's title,
paragraph and figure caption, a msgstr (a paragraph and a document title), a glossary
entry, a pinned override, and a book file named like Material's script bundle. With two
masters each document's title is a navigation section of every page, the place Material
renders without escaping.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from relnotes.site.publish import build_all
from tests.browser import serving
from tests.hostile import PLACES, THEME_ASSET, TITLE, hostile_project

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = hostile_project(tmp_path_factory.mktemp("hostile") / "proj")
    site = root / "site"
    with serving(site, lambda url: build_all(root / "mkdocs.yml", site, site_url=url)) as base:
        yield base, site


def _visit(browser, url: str):
    """A page with every way a planted script could show itself recorded."""
    page = browser.new_page()
    seen: dict[str, list[str]] = {"dialogs": [], "errors": []}

    def dialog(d) -> None:
        seen["dialogs"].append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
    page.goto(url, wait_until="networkidle")
    return page, seen


def _ran(page) -> list[str]:
    return page.evaluate("() => window.__pwned || []")


def test_no_planted_script_runs_on_any_page(hostile_site, browser):
    base, site = hostile_site
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    assert {".", "status", "intro", "b-notes", "en", "en/status", "en/intro", "en/b-notes"} <= set(pages)
    assert (site / "book-files" / THEME_ASSET).is_file()  # published, in its own namespace
    assert "theme-asset" not in (site / THEME_ASSET).read_text(encoding="utf-8")  # Material's own
    for where in pages:
        url = f"{base}/" if where == "." else f"{base}/{where}/"
        page, seen = _visit(browser, url)
        assert (where, _ran(page), seen["dialogs"]) == (where, [], [])
        assert (where, page.locator("a[href^='javascript'], article b, article h1 + h1").count()) == (where, 0)
        page.close()


def test_search_results_show_payloads_as_text(hostile_site, browser):
    base, _site = hostile_site
    for prefix in ("", "en/"):
        page, seen = _visit(browser, f"{base}/{prefix}")
        page.click("input.md-search__input")
        page.keyboard.type("onerror")
        results = page.locator(".md-search-result__item")
        expect(results.first).to_be_visible(timeout=10_000)
        page.wait_for_timeout(300)
        assert results.count() >= 2
        planted = ".md-search-result img, .md-search-result svg[onload], .md-search-result script"
        assert page.locator(planted).count() == 0
        assert (prefix, _ran(page), seen["dialogs"]) == (prefix, [], [])
        page.close()


SHOWN = {  # page -> (where on it, the payload that reads as text there)
    "": [(".md-nav--primary", TITLE), (".md-nav--primary", PLACES["book_title"]), ("article h1", PLACES["book_title"])],
    "intro/": [("article", PLACES["book_para"]), ("article figcaption", PLACES["caption"])],
    "b-notes/": [
        ("article h1", TITLE),
        ("article h2", PLACES["section"]),
        ("article .relnotes-items", PLACES["paragraph"]),
        ("article .relnotes-items", PLACES["override"]),
        ("article .relnotes-items", PLACES["glossary"]),
    ],
    "en/": [(".md-nav--primary", PLACES["heading"])],
    "en/b-notes/": [("article .relnotes-items", PLACES["msgstr"]), ("article h1", PLACES["heading"])],
    "status/": [("article", PLACES["paragraph"][:100])],
}


@pytest.mark.parametrize("where", SHOWN)
def test_each_payload_reads_as_text_where_its_block_is(hostile_site, browser, where):
    base, _site = hostile_site
    page, _seen = _visit(browser, f"{base}/{where}")
    for selector, text in SHOWN[where]:
        shown = " ".join(page.locator(selector).first.inner_text().split())
        assert " ".join(text.split()) in shown, (where, selector)
    page.close()


def test_page_titles_and_toc_hold_no_markup(hostile_site):
    _base, site = hostile_site
    for path in (site / "index.html", site / "en" / "index.html", site / "b-notes" / "index.html"):
        head = path.read_text(encoding="utf-8")
        title = head[head.index("<title>") : head.index("</title>")]
        assert "<img" not in title and "<svg" not in title and "<script" not in title.lower()
        assert "onerror" in title  # the payload is there, as text
    for path in site.rglob("*.html"):
        body = path.read_text(encoding="utf-8")
        assert "<img src=x" not in body and "<svg onload" not in body and "<script>(window" not in body, path


def test_glossary_and_override_payloads_only_reach_the_site_as_text(hostile_site):
    _base, site = hostile_site
    assert Path(site, "status.json").read_text(encoding="utf-8").count("<img") == 0
