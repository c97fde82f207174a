"""Wall time and peak RSS of `relnotes import` of one Debian Administrator's Handbook edition.

A temporary project has the en-US edition as its master (a symlink to the
``debian-handbook`` package's folder, never a copy) and 5 site languages. The initial
`relnotes update` is timed apart; then one edition is imported into a fresh copy of the
catalogs, several times (the median is the figure), each in its own process, start-up
included, with its CPU time (which a busy machine does not inflate); "again" re-imports
into the filled catalog and writes no byte.

``--dev`` times instead, in this process, the import of one edition of each Debian dev
book with editions (tests/editions.py: the installation guide, maint-guide, debian-faq,
developers-reference), after the book's `update`; a book the reader does not read as a
whole yet is imported page by page (the figure is the sum).

    python scripts/bench_import.py [--edition pt-BR] [--runs 3]
    python scripts/bench_import.py --dev
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HANDBOOK = Path("/usr/share/doc/debian-handbook/html")
RELNOTES = [sys.executable, "-m", "relnotes.cli"]


def run(*args: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one relnotes process.

    ``wait4`` gives that child's own usage (``RUSAGE_CHILDREN`` would mix in the update's).
    """
    start = time.perf_counter()
    child = subprocess.Popen([*RELNOTES, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        sys.exit(f"relnotes {' '.join(args)}: exit {child.returncode}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def dev_books() -> None:
    """Wall seconds of importing one edition of each dev book (the first in tests/editions.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.editions import BOOKS, measure, project_for, whole

    for book in BOOKS:
        if not book.master.exists():
            print(f"{book.name}: not installed; apt-get install {book.package}")
            continue
        locale = next(iter(book.editions))
        with tempfile.TemporaryDirectory() as tmp:
            project = project_for(book, Path(tmp) / book.name, [locale])
            wall = measure(book, project, locale, time.perf_counter).seconds
            mode = "whole book" if whole(book) else "page by page"
            print(f"import {book.name} {locale} ({mode}): {wall:.2f} s wall", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", default="pt-BR", help="a folder of the handbook (default pt-BR)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dev", action="store_true", help="one edition of each dev book instead")
    args = parser.parse_args()
    if args.dev:
        dev_books()
        return
    if not (HANDBOOK / "en-US").is_dir():
        sys.exit(f"{HANDBOOK}: not installed; apt-get install debian-handbook")
    locale = args.edition.replace("-", "_")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "handbook"
        (root / "sources").mkdir(parents=True)
        (root / "sources" / "handbook.en").symlink_to(HANDBOOK / "en-US")
        languages = ", ".join(f'"{x}"' for x in dict.fromkeys(["en", "pt_BR", "de_DE", "ja_JP", "ar_MA", locale]))
        (root / "relnotes.toml").write_text(f'languages = [{languages}]\nsource_language = "en"\n', encoding="utf-8")
        seconds, _, _ = run("update", "-C", str(root))
        print(f"initial update (not counted): {seconds:.2f} s")
        fresh = Path(tmp) / "fresh-locales"
        shutil.copytree(root / "locales", fresh)
        times, cpus = [], []
        for _ in range(args.runs):
            shutil.rmtree(root / "locales")
            shutil.copytree(fresh, root / "locales")
            seconds, cpu, peak = run("import", str(HANDBOOK / args.edition), "--locale", locale, "-C", str(root))
            times.append(seconds)
            cpus.append(cpu)
        again, _, _ = run("import", str(HANDBOOK / args.edition), "--locale", locale, "-C", str(root))
        runs = ", ".join(f"{t:.2f}" for t in times)
        print(
            f"import {args.edition}: median {statistics.median(times):.2f} s wall ({runs}), "
            f"{statistics.median(cpus):.2f} s CPU; "
            f"again {again:.2f} s; peak RSS {peak:.0f} MB"
        )


if __name__ == "__main__":
    main()
