"""A whole published book: reading it, and its site against plain Material, side by side.

The Debian Administrator's Handbook (package debian-handbook) is linked, never copied, into
a temporary project as ``sources/handbook.<locale>/``; `relnotes update` writes its
catalogs once. Then, in one run and alternating:

1. `relnotes site build` of the book in its language and English (reading the book and
   the catalogs included), and
2. plain Material building the very same pages written as static Markdown.

    python scripts/bench_book.py [--edition pt-BR] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from plain_site import plain_build, plain_configs
from relnotes.catalog.update import update
from relnotes.project import Project
from relnotes.read import read_document
from relnotes.site.publish import build_all

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = Path("/usr/share/doc/debian-handbook/html")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", default="pt-BR")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    edition = HANDBOOK / args.edition
    if not (edition / "index.html").is_file():
        sys.exit(f"{edition}: not found; apt-get install debian-handbook")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    reads = []
    for _ in range(args.runs):
        start = time.perf_counter()
        document = read_document(edition)
        reads.append(time.perf_counter() - start)
    blocks = sum(1 for _ in document.placements())
    print(f"read {args.edition}: {len(document.pages)} pages, {blocks} blocks in {statistics.median(reads):.2f} s")

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        project = tmp / "book"
        (project / "sources").mkdir(parents=True)
        (project / "sources" / f"handbook.{args.edition.replace('-', '_')}").symlink_to(edition)
        for part in ("mkdocs.yml", "overrides", "docs"):
            source = ROOT / part
            (shutil.copytree if source.is_dir() else shutil.copy)(source, project / part)
        start = time.perf_counter()
        update(Project.load(project))
        print(f"relnotes update (first, detection included): {time.perf_counter() - start:.2f} s")
        configs = plain_configs(project, tmp)
        ours, plain = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            build_all(project / "mkdocs.yml", tmp / "site")
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            plain_build(configs)
            plain.append(time.perf_counter() - start)
        a, b = statistics.median(ours), statistics.median(plain)
        print(f"site, {len(configs)} languages: relnotes {a:.2f} s, plain Material {b:.2f} s ({a / b:.2f}x)")


if __name__ == "__main__":
    main()
