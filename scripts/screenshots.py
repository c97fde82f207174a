"""Take the README's screenshots of the built site in headless Chromium (Debian's).

python scripts/screenshots.py [--site site] [--out screenshots]
python scripts/screenshots.py --book /tmp/handbook-site    # a built site of the handbook's pt-BR edition
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

SHOTS = {"overview.pt_BR.jpg": "", "x86_64.pt_BR.jpg": "x86_64/", "status.pt_BR.jpg": "status/"}
# A chapter of a whole book, scrolled to the untranslated paragraphs an edition left in.
BOOK_SHOTS = {"handbook-apt.pt_BR.jpg": "apt/#sect.apt-get"}
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Requests are not news."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="site")
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--book", help="a built site of a book: shoot its chapter page instead")
    args = parser.parse_args()
    shots = BOOK_SHOTS if args.book else SHOTS
    handler = functools.partial(QuietHandler, directory=args.book or args.site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    Path(args.out).mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 720})
        for name, path in shots.items():
            page.goto(base + path, wait_until="networkidle")
            page.screenshot(path=str(Path(args.out) / name), type="jpeg", quality=70)
            print(f"wrote {Path(args.out) / name}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
