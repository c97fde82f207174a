"""Serving a built site on loopback and driving Debian's Chromium, for the browser tests."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

from playwright.sync_api import expect

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# axe-core, installed from npm by `make axe` (not in the repository)
AXE = Path(__file__).resolve().parent.parent / "build" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG2 = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Without the background-networking flags Chromium reaches for Google's hosts at every start.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Requests are not news."""


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that closes a page before its last file arrived is not an error of the site."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(site: Path, build: Callable[[str], object]) -> Iterator[str]:
    """Serve ``site`` on a free loopback port; ``build(base_url)`` fills it for that address first.

    A site is built for the address it is served at, as a deployment is built for its
    ``site_url``: Material maps a language switch to the same page through the sitemaps' URLs.
    """
    site.mkdir(parents=True, exist_ok=True)
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        build(base + "/")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield base
    finally:
        server.shutdown()
        server.server_close()


def axe_audit(page, where: str) -> tuple[int, list[tuple]]:
    """axe-core's WCAG 2 A/AA run on the page loaded: rules passed, and the serious or critical
    violations as (where, rule, impact, first targets)."""
    if not AXE.is_file():
        raise AssertionError(f"{AXE} is missing: run `make axe` (npm install axe-core)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG2)
    serious = [
        (where, v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    return len(result["passes"]), serious


def switch_language(page, hreflang: str, expected: str, anchor: str = r"(#.*)?") -> None:
    """Choose ``hreflang`` in Material's language selector; the page must land on ``expected``
    (the same page in that language), an anchor after it or not."""
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang='{hreflang}']")
    expect(page).to_have_url(re.compile(re.escape(expected) + anchor + "$"), timeout=15_000)


def search(page, words: str) -> list[str]:
    """Type ``words`` in Material's search; the URLs of the results once the first is shown."""
    page.click("input.md-search__input")
    page.keyboard.type(words)
    expect(page.locator(".md-search-result__item a").first).to_be_visible(timeout=10_000)
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


_ID = re.compile(r'\sid="([^"]+)"')


class ServedPages:
    """Each page of a served site fetched once (its status and the ids it holds), to check links."""

    def __init__(self, request) -> None:
        self.request = request  # Playwright's page.request
        self.seen: dict[str, tuple[int, set[str]]] = {}

    def works(self, href: str) -> bool:
        """Whether a link answers 200 and, with an anchor, lands on an id its page holds."""
        url, _, fragment = href.partition("#")
        if url not in self.seen:
            response = self.request.get(url)
            ids = set(_ID.findall(response.text()))  # the site's own markup: every attribute quoted
            self.seen[url] = (response.status, ids)
        status, ids = self.seen[url]
        return status == 200 and (not fragment or unquote(fragment) in ids)
