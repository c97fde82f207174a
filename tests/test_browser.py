"""A reader's walk through the built site in headless Chromium (Debian's, driven by Playwright).

Open the pt_BR x86_64 page, follow a twin link, switch to English and land on the same
page, search a Portuguese word and find its item, with no console error on the way.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from relnotes.site.publish import build_all
from tests.browser import serving, switch_language
from tests.conftest import ROOT


@pytest.fixture
def served(tmp_path):
    """The site built for the address it is served at, as a deployment is built for site_url."""
    with serving(
        tmp_path / "site", lambda url: build_all(ROOT / "mkdocs.yml", tmp_path / "site", site_url=url)
    ) as base:
        yield base


def test_reader_follows_twin_switches_language_and_searches(served, browser, tmp_path):
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(f"{served}/x86_64/")
    assert page.locator("html").get_attribute("lang") == "pt-BR"
    expect(page.locator("#item-40 .relnotes-marker")).to_have_text("Ainda não traduzido")

    page.click("#item-40 .relnotes-twins a:text-is('x86')")
    page.wait_for_url(f"{served}/x86/#item-38")
    expect(page.locator("#item-38")).to_be_in_viewport()

    page.wait_for_load_state("networkidle")  # Material has read both sitemaps: it maps the switch
    # The same page, not the English home page; whether Material's script handles the click
    # (then it keeps the item's anchor) or the link itself does, varies from run to run.
    switch_language(page, "en", f"{served}/en/x86/", anchor="(#item-38)?")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("h1")).to_contain_text("x86 Architectures")

    page.goto(f"{served}/x86_64/", wait_until="networkidle")  # the search worker has its index
    page.click("input.md-search__input")
    page.keyboard.type("Paridade")
    hit = page.locator(".md-search-result__item a", has_text="Paridade").first
    expect(hit).to_be_visible(timeout=10_000)
    assert hit.get_attribute("href").startswith(f"{served}/ia64/")
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs and not any(href.startswith(f"{served}/en/") for href in hrefs)

    page.screenshot(path=str(tmp_path / "reader.png"))
    page.close()
    assert (tmp_path / "reader.png").stat().st_size > 10_000
    assert errors == []
