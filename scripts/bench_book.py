"""A whole published book: reading it, and its site against plain Material, side by side.

The Debian Administrator's Handbook (package debian-handbook) is linked, never copied, into
a temporary project; `relnotes update` writes its catalogs once. Then, in one run:

1. reading one edition (127 pages), median of --runs;
2. the site of that edition in its language and English: `relnotes site build` (reading
   the book and the catalogs included) against plain Material building the very same pages
   written as static Markdown, taken in turn;
3. with --counts, the en-US original as the master, every other edition imported into its
   catalogs (`relnotes import`, timed), and 1, 2, 4, 8 … 26 site languages, `--jobs` at a
   time, against plain Material with the same parallelism; wall and CPU time, and the peak
   RSS of `relnotes site build` as a command.

    python scripts/bench_book.py [--edition pt-BR] [--runs 3] [--counts 1,2,4,8,26] [--jobs 2]
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchkit import languages_line, paired, plain_build, plain_project
from relnotes.catalog.importer import import_edition
from relnotes.catalog.update import update
from relnotes.project import Project
from relnotes.read import read_document
from relnotes.site.publish import build_all

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = Path("/usr/share/doc/debian-handbook/html")
RELNOTES = [sys.executable, "-m", "relnotes.cli"]


def book_project(tmp: Path, name: str, edition: Path, languages: list[str] | None = None) -> Path:
    project = tmp / name
    (project / "sources").mkdir(parents=True)
    locale = "en" if edition.name == "en-US" else edition.name.replace("-", "_")
    (project / "sources" / f"handbook.{locale}").symlink_to(edition)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    if languages:
        listed = ", ".join(f'"{x}"' for x in languages)
        (project / "relnotes.toml").write_text(f"languages = [{listed}]\n", encoding="utf-8")
    start = time.perf_counter()
    update(Project.load(project), say=lambda _line: None)
    print(f"  relnotes update ({name}, first, detection included): {time.perf_counter() - start:.2f} s")
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", default="pt-BR")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--counts", type=lambda v: [int(x) for x in v.split(",") if x], default=[])
    args = parser.parse_args()
    edition = HANDBOOK / args.edition
    if not (edition / "index.html").is_file():
        sys.exit(f"{edition}: not found; apt-get install debian-handbook")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)

    reads = []
    for _ in range(args.runs):
        start = time.perf_counter()
        document = read_document(edition)
        reads.append(time.perf_counter() - start)
    blocks = sum(1 for _ in document.placements())
    print(f"read {args.edition}: {len(document.pages)} pages, {blocks} blocks in {statistics.median(reads):.2f} s")

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        project = book_project(tmp, "book", edition)
        configs = plain_project(tmp, project)
        (ours, ours_cpu), (plain, plain_cpu) = paired(
            functools.partial(build_all, project / "mkdocs.yml", tmp / "site"),
            functools.partial(plain_build, configs),
            args.runs,
        )
        print(
            f"site of {args.edition}, {len(configs)} languages: "
            f"wall {ours:.2f} s / {plain:.2f} s ({ours / plain:.2f}x), "
            f"CPU {ours_cpu:.2f} s / {plain_cpu:.2f} s ({ours_cpu / plain_cpu:.2f}x): relnotes / plain Material, "
            f"median of {args.runs} taken in turn"
        )

        if args.counts:
            editions = {p.name.replace("-", "_"): p for p in sorted(HANDBOOK.iterdir()) if p.name != "en-US"}
            locales = ["en", *editions]
            project = book_project(tmp, "editions", HANDBOOK / "en-US", locales)
            imports = []
            for locale, folder in editions.items():
                start = time.perf_counter()
                import_edition(Project.load(project), folder, locale, say=lambda _line: None)
                imports.append(time.perf_counter() - start)
            print(
                f"  import {len(imports)} editions: {sum(imports):.1f} s, median {statistics.median(imports):.2f} s, "
                f"slowest {max(imports):.2f} s"
            )
        for count in args.counts:
            listed = ", ".join(f'"{x}"' for x in locales[:count])
            (project / "relnotes.toml").write_text(f"languages = [{listed}]\n", encoding="utf-8")
            print(languages_line(project, tmp, count, args.jobs, args.runs, RELNOTES))
        print(f"load average while measuring: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
