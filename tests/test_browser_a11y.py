"""Readers with disabilities and readers on phones, in headless Chromium.

axe-core (from the npm registry, installed by ``make axe`` into ``build/axe``; not in the
repository) audits each kind of page (overview, an architecture page, the status page) in a
left-to-right and a right-to-left language against WCAG 2 A and AA: no serious or critical
violation. The status page at 390 px wide never scrolls sideways as a whole.
"""

from __future__ import annotations

import pytest

from tests.browser import axe_audit, serving
from tests.test_site_scale import LANGUAGES, make_project

PAGES = ["", "x86/", "status/"]  # overview, an architecture page, the status page


@pytest.fixture(scope="module")
def served_rtl(tmp_path_factory):
    """The pt_BR + en + ar site, built for the address it is served at."""
    from relnotes.site.publish import build_all

    project = make_project(tmp_path_factory.mktemp("a11y") / "proj", LANGUAGES)
    site = project.parent / "site"
    with serving(site, lambda url: build_all(project / "mkdocs.yml", site, site_url=url)) as base:
        yield base


def test_axe_finds_no_serious_or_critical_wcag2_violation_ltr_and_rtl(served_rtl, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    found = []
    audited = 0
    for prefix in ("", "ar/"):  # pt-BR (left to right) and Arabic (right to left)
        for path in PAGES:
            page.goto(f"{served_rtl}/{prefix}{path}", wait_until="networkidle")
            assert page.locator("html").get_attribute("dir") == ("rtl" if prefix else "ltr")
            passed, serious = axe_audit(page, prefix + path)
            audited += passed
            found += serious
    page.close()
    assert found == []
    assert audited > 6 * 10  # axe ran its rules on every page (passes are counted per rule)


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_status_page_on_a_390px_phone_never_scrolls_sideways(served_rtl, browser, prefix):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{served_rtl}/{prefix}status/", wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The section × architecture table is wider than the phone: it scrolls in its own box.
    box = page.locator(".relnotes-scroll:has(.relnotes-places)")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX === 'auto'")
    page.close()


def test_text_in_a_left_to_right_language_keeps_its_order_on_a_right_to_left_page(served_rtl, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{served_rtl}/ar/x86/", wait_until="networkidle")
    directions = page.evaluate(
        """() => ({
            page: getComputedStyle(document.querySelector('.md-content')).direction,
            english: getComputedStyle(document.querySelector('.md-content .relnotes-foreign span[lang=en]')).direction,
            marker: getComputedStyle(document.querySelector('.md-content .relnotes-marker')).direction,
        })"""
    )
    # the marker is in Arabic (relnotes' Arabic catalog), so it runs right to left with the page
    assert directions == {"page": "rtl", "english": "ltr", "marker": "rtl"}
    page.close()
