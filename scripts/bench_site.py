"""Site build cost: relnotes against plain Material, per language count, and serve rebuilds.

1. The embedded site built by `relnotes site build` (every language), against a plain
   Material build (no relnotes plugin) of the very same pages written as static Markdown,
   one build per language too. Median of --runs, in one process, both written here.
2. The same relnotes build with 1, 2 and 3 site languages (es added), to show the cost
   grows linearly with the languages.
3. Under `relnotes site serve`: seconds from saving a one-entry .po edit to the new text
   being served.

    python scripts/bench_site.py [--runs 5]
"""

from __future__ import annotations

import argparse
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
from mkdocs.commands.build import build
from mkdocs.config import load_config

from relnotes.site.content import SiteContent
from relnotes.site.publish import build_all

ROOT = Path(__file__).resolve().parent.parent
XM = "Migrating paravirtualized guests through xm migrate [domain] [dom0 IP address] does not work."
PLAIN = """site_name: Release Notes
site_url: https://relnotes.example.org/
theme:
  name: material
  language: {language}
  font: false
plugins:
  - search
markdown_extensions:
  - attr_list
  - toc:
      permalink: true
"""


def project_copy(tmp: Path, name: str) -> Path:
    target = tmp / name
    for item in ("sources", "locales", "overrides", "docs"):
        shutil.copytree(ROOT / item, target / item)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def plain_project(tmp: Path) -> list[tuple[Path, Path]]:
    """The generated pages of every language as static Markdown, one plain config each."""
    from relnotes.site.plugin import material_language

    content = SiteContent.load(ROOT)
    configs = []
    for locale in content.locales:
        folder = tmp / "plain" / locale.posix
        files, _missing = content.files(locale)
        for uri, body in files.items():
            (folder / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
            (folder / "docs" / uri).write_text(body, encoding="utf-8")
        (folder / "mkdocs.yml").write_text(PLAIN.format(language=material_language(locale)), encoding="utf-8")
        configs.append((folder / "mkdocs.yml", tmp / "plain-site" / content.prefix(locale)))
    return configs


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plain_build(configs: list[tuple[Path, Path]]) -> None:
    for config_file, site_dir in configs:
        build(load_config(str(config_file), site_dir=str(site_dir)))


def serve_rebuild(tmp: Path, runs: int) -> list[float]:
    project = project_copy(tmp, "serve")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "relnotes.cli",
            "site",
            "serve",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(project / "mkdocs.yml"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/x86/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 60
        while not page() and time.monotonic() < deadline:
            time.sleep(0.1)
        times = []
        po = project / "locales" / "pt_BR" / "LC_MESSAGES" / "release-notes.po"
        for run in range(runs):
            catalog = polib.pofile(str(po))
            catalog.find(XM).msgstr = f"Tradução {run}: migrar com xm migrate [domain] [dom0 IP address]."
            start = time.perf_counter()
            catalog.save(str(po))
            while f"Tradução {run}:" not in page() and time.perf_counter() - start < 30:
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
        return times
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        relnotes = median_seconds(lambda: build_all(ROOT / "mkdocs.yml", tmp / "site"), args.runs)
        configs = plain_project(tmp)
        plain = median_seconds(lambda: plain_build(configs), args.runs)
        print(
            f"embedded site, 2 languages: relnotes {relnotes:.2f} s, plain Material {plain:.2f} s "
            f"({relnotes / plain:.2f}x), median of {args.runs}"
        )

        three = project_copy(tmp, "three")
        for count, languages in ((1, '["pt_BR"]'), (2, '["pt_BR", "en"]'), (3, '["pt_BR", "en", "es"]')):
            (three / "relnotes.toml").write_text(f"languages = {languages}\n", encoding="utf-8")
            subprocess.run(
                [sys.executable, "-m", "relnotes.cli", "update", "-C", str(three)], check=True, capture_output=True
            )
            seconds = median_seconds(lambda: build_all(three / "mkdocs.yml", tmp / "site3"), args.runs)
            print(f"{count} language(s): {seconds:.2f} s ({seconds / count:.2f} s per language)")

        rebuilds = serve_rebuild(tmp, args.runs)
        print(
            "serve, one-entry .po edit to page served: "
            + ", ".join(f"{t:.2f} s" for t in rebuilds)
            + f" (median {statistics.median(rebuilds):.2f} s)"
        )


if __name__ == "__main__":
    main()
