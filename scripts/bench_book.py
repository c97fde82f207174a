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

4. with --dev, every development book that is installed, in one run: reading it, and its
   site in its language and one other against plain Material building the same pages. A
   single-page book is copied with the images it shows, as installed; a book that does not
   read yet is named with the reason.

    python scripts/bench_book.py [--edition pt-BR] [--runs 3] [--counts 1,2,4,8,26] [--jobs 2]
    python scripts/bench_book.py --dev [--runs 3] [--books kicad-pcbnew,debian-faq]
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
from relnotes.errors import RelnotesError
from relnotes.project import Project
from relnotes.read import read_document
from relnotes.site.publish import build_all

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.book_site import install_page  # noqa: E402  (the tests' installer: one way to install a page)

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


# name, where the package installs it, its language, the other site language
DEV_BOOKS = [
    ("debian-handbook", "/usr/share/doc/debian-handbook/html/pt-BR", "pt_BR", "en"),
    ("installation-guide", "/usr/share/doc/installation-guide-amd64/de", "de", "en"),
    ("debian-faq", "/usr/share/doc/debian/FAQ", "en", "de"),
    ("maint-guide", "/usr/share/doc/maint-guide/html", "en", "de"),
    ("developers-reference", "/usr/share/developers-reference", "en", "de"),
    ("kicad-getting-started", "/usr/share/doc/kicad/help/en/getting_started_in_kicad.html", "en", "de"),
    ("kicad-pcbnew", "/usr/share/doc/kicad/help/en/pcbnew.html", "en", "de"),
    ("kicad-eeschema", "/usr/share/doc/kicad/help/en/eeschema.html", "en", "de"),
]


def dev_project(tmp: Path, name: str, where: Path, locale: str, other: str) -> Path:
    """A project with the book as installed: its folder linked, or one page and its images copied."""
    project = tmp / name
    sources = project / "sources"
    sources.mkdir(parents=True)
    if where.is_dir():
        (sources / f"{name}.{locale}").symlink_to(where)
    else:
        install_page(where, sources)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")  # the plugin brings its templates
    (project / "relnotes.toml").write_text(f'languages = ["{locale}", "{other}"]\n', encoding="utf-8")
    update(Project.load(project), say=lambda _line: None)
    return project


def dev_books(runs: int, only: list[str]) -> None:
    """Each installed development book: read, then its site against plain Material, in turn."""
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name, installed, locale, other in DEV_BOOKS:
            if only and name not in only:
                continue
            where = Path(installed)
            if not where.exists():
                print(f"{name}: not installed ({where})")
                continue
            try:
                reads = []
                for _ in range(runs):
                    start = time.perf_counter()
                    document = read_document(where, locale=locale)
                    reads.append(time.perf_counter() - start)
                project = dev_project(tmp, name, where, locale, other)
            except RelnotesError as exc:
                print(f"{name}: does not read yet: {exc}")
                continue
            configs = plain_project(tmp, project)
            (ours, ours_cpu), (plain, plain_cpu) = paired(
                functools.partial(build_all, project / "mkdocs.yml", tmp / f"{name}-site"),
                functools.partial(plain_build, configs),
                runs,
            )
            blocks, pages = sum(1 for _ in document.placements()), len(document.parts)
            print(
                f"{name}: read {statistics.median(reads):.2f} s ({blocks} blocks, {pages} chapter pages); "
                f"site {len(configs)} languages wall {ours:.2f} s / {plain:.2f} s ({ours / plain:.2f}x), "
                f"CPU {ours_cpu:.2f} s / {plain_cpu:.2f} s ({ours_cpu / plain_cpu:.2f}x) relnotes / plain Material"
            )
    print(f"median of {runs} runs taken in turn; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", default="pt-BR")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--counts", type=lambda v: [int(x) for x in v.split(",") if x], default=[])
    parser.add_argument("--dev", action="store_true", help="every installed development book, in one run")
    parser.add_argument(
        "--books", type=lambda v: [x for x in v.split(",") if x], default=[], help="with --dev: only these"
    )
    args = parser.parse_args()
    if args.dev:
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        dev_books(args.runs, args.books)
        return
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
