"""Recall and precision of `relnotes import` on every Debian dev book with editions (see tests/editions.py).

python scripts/import_quality.py [--book NAME] [--locale LL ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.editions import BOOKS, measure, project_for, whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", action="append", help="only these books (installation-guide, maint-guide, ...)")
    parser.add_argument("--locale", action="append", help="only these editions")
    args = parser.parse_args()
    for book in BOOKS:
        if args.book and book.name not in args.book:
            continue
        if not book.master.exists():
            print(f"{book.name}: not installed; apt-get install {book.package}")
            continue
        locales = [ll for ll in book.editions if not args.locale or ll in args.locale]
        with tempfile.TemporaryDirectory() as tmp:
            project = project_for(book, Path(tmp) / book.name, locales)
            mode = "whole book" if whole(book) else "page by page"
            print(f"{book.name} ({mode}, {len(locales)} editions)")
            for locale in locales:
                print(measure(book, project, locale, time.perf_counter).line(book.name), flush=True)


if __name__ == "__main__":
    main()
