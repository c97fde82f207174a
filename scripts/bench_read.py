"""Reading time and peak memory against input size: is the reader linear?

Writes synthetic chapters (the embedded chapter's sections repeated under new numbers)
of the given sizes, reads each in a fresh process, prints wall time and peak RSS. Then
reads a real book the same way: the pt-BR edition of the Debian handbook (127 pages,
about 3,000 paragraphs), as installed by the ``debian-handbook`` package; it must read in
under 3 s.

    python scripts/bench_read.py [--mb 5 50] [--book /usr/share/doc/debian-handbook/html/pt-BR]
    python scripts/bench_read.py --books [--only install maint]   # every installed dev book
    python scripts/bench_read.py --page-mb 20                     # one huge HTML page
    python scripts/bench_read.py --pages 500 1000 2000            # generated books: linear?

``--books`` reads every installed edition of every dev book (tests/shelf.py) and prints, per
edition, its pages, blocks, the share of the content paragraphs the toolchain wrote that
the reader read (counted independently, tests/paragraphs.py), chrome read as blocks, and
the reading time against the 3 s budget. ``--page-mb`` writes one HTML page of that size
(the handbook's APT chapter's sections repeated) and reads it against the 10 s budget.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import resource, sys, time
from relnotes.read import read_document
start = time.perf_counter()
document = read_document(sys.argv[1])
elapsed = time.perf_counter() - start
items = sum(1 for _ in document.items())
blocks = sum(1 for _ in document.placements())
print(f"{elapsed:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} {items} {blocks}")
"""
BOOK = Path("/usr/share/doc/debian-handbook/html/pt-BR")
BOOK_BUDGET = 3.0  # seconds


def synthetic(target_bytes: int) -> str:
    text = (ROOT / "sources" / "virtualization.pt_BR.txt").read_text(encoding="utf-8")
    head, rest = text.split("\n6.1. ", 1)
    body = "6.1. " + rest.split("Red Hat logo", 1)[0]
    parts, size, copy = [head, "\n"], len(head.encode()), 0
    while size < target_bytes:
        copy += 1
        chunk = re.sub(r"^6\.(\d)", lambda m, base=copy * 10: f"6.{base + int(m.group(1))}", body, flags=re.MULTILINE)
        parts.append(chunk)
        size += len(chunk.encode())
    return "".join(parts)


def read_in_child(path: Path) -> tuple[str, str, str, str]:
    """Seconds, peak RSS (MB), items and blocks, read in a fresh process."""
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
    seconds, rss, items, blocks = out.stdout.split()
    return seconds, rss, items, blocks


def bench_book(folder: Path) -> None:
    if not (folder / "index.html").is_file():
        print(f"{folder}: not found; apt-get install debian-handbook to time a whole book")
        return
    pages = len(list(folder.glob("*.html")))
    seconds, rss, _items, blocks = read_in_child(folder)
    verdict = "ok" if float(seconds) < BOOK_BUDGET else f"OVER the {BOOK_BUDGET:g} s budget"
    print(f"book {folder.name}: {pages} pages  {blocks:>7} blocks  read {seconds} s  peak RSS {rss} MB  ({verdict})")


PAGE_BUDGET = 10.0  # seconds for a 20 MB page


def bench_books(only: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.paragraphs import measure
    from tests.shelf import editions

    found = [e for e in editions() if not only or any(o in e.name for o in only)]
    if not found:
        print("no dev book installed; see tests/shelf.py for the packages")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall time grows with it; CPU time less)")
    columns = ("pages", 5), ("blocks", 6), ("paras", 6), ("read", 8), ("chrome", 6), ("wall s", 7), ("cpu s", 6)
    print(f"{'edition':34} " + " ".join(f"{name:>{width}}" for name, width in columns))
    for edition in found:
        result = measure(edition.name, edition.path, edition.locale)
        verdict = "" if result.cpu < BOOK_BUDGET else f"  OVER the {BOOK_BUDGET:g} s budget"
        print(
            f"{edition.name:34} {result.pages:5} {result.blocks:6} {result.content:6} "
            f"{100 * result.read_share:7.2f}% {len(result.chrome):6} {result.seconds:7.2f} {result.cpu:6.2f}{verdict}"
        )


def generated_book(pages: int, folder: Path) -> None:
    """A chunked book of one-section pages, chained by next links and listed in the index's toc."""
    folder.mkdir()
    toc = "".join(f'<dt><a href="p{i}.html">{i}. Page</a></dt>' for i in range(1, pages + 1))
    (folder / "index.html").write_text(
        '<html lang="en"><head><link rel="next" href="p1.html"></head><body><h1>Book</h1>'
        f'<div class="toc"><dl>{toc}</dl></div></body></html>',
        encoding="utf-8",
    )
    for i in range(1, pages + 1):
        following = f'<link rel="next" href="p{i + 1}.html">' if i < pages else ""
        (folder / f"p{i}.html").write_text(
            f'<html><head>{following}</head><body><div class="chapter"><h1 class="title">{i}. Page {i}</h1>'
            f'<div class="section"><h2 class="title">{i}.1. Section</h2><p>Paragraph {i} of the book.</p></div>'
            "</div></body></html>",
            encoding="utf-8",
        )


def read_here(path: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds of reading ``path`` in this process, and its blocks."""
    import time

    from relnotes.read import read_document

    start, cpu = time.perf_counter(), time.process_time()
    document = read_document(path)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return seconds, cpu, sum(1 for _ in document.placements())


def huge_page(target_bytes: int, out: Path) -> None:
    """One DocBook page of ``target_bytes``: the APT chapter's sections, repeated under new ids."""
    body = Path("/usr/share/doc/debian-handbook/html/en-US/apt.html").read_text(encoding="utf-8")
    start = body.index('<div class="section">')
    end = body.rindex("</div>", 0, body.index('<ul class="docnav">'))
    parts, size, copy = [body[:start]], 0, 0
    while size < target_bytes:
        copy += 1
        chunk = body[start:end].replace('id="', f'id="c{copy}-')
        parts.append(chunk)
        size += len(chunk.encode())
    parts.append(body[end:])
    out.write_text("".join(parts), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[5, 50])
    parser.add_argument("--book", type=Path, default=BOOK)
    parser.add_argument("--books", action="store_true", help="every installed dev book, every edition")
    parser.add_argument("--only", nargs="*", default=[], help="with --books: editions whose name has one of these")
    parser.add_argument("--page-mb", type=float, help="read one HTML page of this size")
    parser.add_argument("--pages", type=int, nargs="+", help="read generated books of these many pages")
    args = parser.parse_args()
    if args.pages:
        for pages in args.pages:
            with tempfile.TemporaryDirectory() as tmp:
                generated_book(pages, Path(tmp) / "book.en")
                seconds, cpu, blocks = read_here(Path(tmp) / "book.en")
                per_page = 1000 * cpu / pages
                print(f"{pages:5} pages {blocks:6} blocks {seconds:.2f} s wall {cpu:.2f} s CPU  {per_page:.2f} ms/page")
        return
    if args.books:
        bench_books(args.only)
        return
    if args.page_mb:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "huge.en.html"
            huge_page(int(args.page_mb * 1024 * 1024), path)
            seconds, cpu, blocks = read_here(path)
            size = path.stat().st_size / 1024 / 1024
            verdict = "ok" if cpu < PAGE_BUDGET else f"OVER the {PAGE_BUDGET:g} s budget"
            print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
            print(f"page {size:.1f} MB  {blocks:>7} blocks  read {seconds:.2f} s wall, {cpu:.2f} s CPU  ({verdict})")
        return
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.mb:
            path = Path(tmp) / "big.pt_BR.txt"
            path.write_text(synthetic(int(mb * 1024 * 1024)), encoding="utf-8")
            seconds, rss, items, _blocks = read_in_child(path)
            size = path.stat().st_size / 1024 / 1024
            print(f"{size:6.1f} MB  {items:>7} items  read {seconds} s  peak RSS {rss} MB")
    bench_book(args.book)


if __name__ == "__main__":
    main()
