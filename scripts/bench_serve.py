"""Preview latency: seconds from saving one .po edit to the served page showing it.

A 3-language site (pt_BR master, en, de) of a synthetic chapter of --blocks blocks (made
by make_synthetic.py from the embedded chapter's paragraphs), its catalogs written by
`relnotes update`. `relnotes site serve` runs as it did before (every language rebuilt on
every save: `partial=False`) and as it does now (the saved catalog's language only), in
turn; each run edits one pt_BR entry and polls the page that shows it.

    python scripts/bench_serve.py [--blocks 1200] [--runs 5]
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import polib

from make_synthetic import synthetic

ROOT = Path(__file__).resolve().parent.parent
SERVE = (
    "import sys; from relnotes.site.serve import serve; serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]), partial={})"
)


def make_project(tmp: Path, blocks: int) -> Path:
    project = tmp / "preview"
    (project / "sources").mkdir(parents=True)
    (project / "sources" / "synthetic.pt_BR.txt").write_text(synthetic(blocks), encoding="utf-8")
    (project / "relnotes.toml").write_text('languages = ["pt_BR", "en", "de"]\n', encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    update = [sys.executable, "-m", "relnotes.cli", "update", "-C", str(project)]
    subprocess.run(update, check=True, capture_output=True)
    return project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def measure(project: Path, partial: bool, runs: int) -> list[float]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVE.format(partial), str(project / "mkdocs.yml"), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/x86/"
    po = project / "locales" / "pt_BR" / "LC_MESSAGES" / "release-notes.po"
    try:
        deadline = time.monotonic() + 120
        while not _get(url) and time.monotonic() < deadline:
            time.sleep(0.2)
        page = _get(url)
        catalog = polib.pofile(str(po))
        # an English block of the x86 page: its translation will appear there
        entry = next(e for e in catalog if html.escape(e.msgid, quote=False) in page and not e.msgstr)
        times = []
        for run in range(runs):
            time.sleep(1.0)  # the previous rebuild's reload settled
            catalog = polib.pofile(str(po))
            marker = f"Tradução {partial} {run} {time.time_ns()}"
            catalog.find(entry.msgid).msgstr = marker
            start = time.perf_counter()
            catalog.save(str(po))
            while marker not in _get(url) and time.perf_counter() - start < 60:
                time.sleep(0.02)
            times.append(time.perf_counter() - start)
        return times
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=1200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp), args.blocks)
        blocks = len(polib.pofile(str(project / "locales" / "release-notes.pot")))
        print(f"3 languages (pt_BR, en, de), {args.blocks} blocks written, {blocks} template entries")
        for label, partial in (("before: every language rebuilt", False), ("now: the saved language only", True)):
            times = measure(project, partial, args.runs)
            shown = " ".join(f"{t:.2f}" for t in times)
            print(f"{label:<32} median {statistics.median(times):.2f} s  (runs: {shown})")


if __name__ == "__main__":
    main()
