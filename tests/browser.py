"""Serving a built site on loopback and driving Debian's Chromium, for the browser tests."""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

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
