"""``relnotes inspect`` of generated books of 500, 1,000 and 2,000 one-section pages: linear?

Each page is a Publican chapter page (a chapter heading, one section heading, a Portuguese
paragraph and an English one left untranslated), chained by ``rel=next``; headings are
short, so detection asks the context step about most of them. Prints, per size, the
whole ``inspect`` (read, detect, print; in this process, after a warm-up that loads the
backend), its time per page (a linear cost keeps it flat), the reading alone and the
context step alone (building every block's context).

    python scripts/bench_inspect.py [--pages 500,1000,2000] [--runs 1]
"""

from __future__ import annotations

import argparse
import contextlib
import html
import os
import statistics
import tempfile
import time
from pathlib import Path

from relnotes.cli import main as main_cli
from relnotes.detect import _contexts
from relnotes.model import BlockKind
from relnotes.read import read_document

ROOT = Path(__file__).resolve().parent.parent
TITLES = ["Configuração", "Rede", "Armazenamento", "Segurança", "Pacotes", "Kernel", "Serviços", "Usuários"]
SECTIONS = ["Visão geral", "Instalação", "Problemas conhecidos", "Known issues", "Notas", "Referência"]


def _pool() -> tuple[list[str], list[str]]:
    """Portuguese and English paragraphs of the embedded chapter, as the synthetic chapter uses them."""
    document = read_document(ROOT / "sources" / "virtualization.pt_BR.txt")
    texts = [p.block.text for p in document.placements() if p.block.kind is BlockKind.PARAGRAPH]
    english = [t for t in texts if t.split()[0] in {"crash", "In", "The", "When", "A", "This"}] or texts[:3]
    portuguese = [t for t in texts if t not in english]
    return portuguese, english


def write_book(folder: Path, pages: int) -> Path:
    folder.mkdir(parents=True)
    portuguese, english = _pool()
    names = [f"ch{n:05d}.html" for n in range(1, pages + 1)]
    toc = "".join(
        f'<dt><span class="chapter"><a href="{name}">{n}. Capítulo</a></span></dt>' for n, name in enumerate(names, 1)
    )
    (folder / "index.html").write_text(
        f'<html><head><title>Guia</title><link rel="next" href="{names[0]}" /></head><body>'
        '<div xml:lang="pt-BR" class="book" lang="pt-BR"><div class="titlepage"><div><div>'
        '<h1 class="title"><a id="guia"></a>Guia sintético</h1></div></div></div>'
        f'<div class="toc"><dl class="toc">{toc}</dl></div></div></body></html>\n',
        encoding="utf-8",
    )
    for n, name in enumerate(names, 1):
        following = f'<link rel="next" href="{names[n]}" />' if n < pages else ""
        title = f"{TITLES[n % len(TITLES)]} {n}"
        section = f"{SECTIONS[n % len(SECTIONS)]} {n}"
        para = html.escape(f"{portuguese[n % len(portuguese)]} ({n})")
        left = html.escape(f"{english[n % len(english)]} ({n})")
        (folder / name).write_text(
            f"<html><head><title>{title}</title>{following}</head><body>"
            '<div xml:lang="pt-BR" class="chapter" lang="pt-BR"><div class="titlepage"><div><div>'
            f'<h1 class="title"><a id="c{n}"></a>Capítulo {n}. {title}</h1></div></div></div>'
            f'<div class="section"><div class="titlepage"><div><div><h2 class="title"><a id="s{n}"></a>{n}.1. '
            f'{section}</h2></div></div></div><div class="para">{para}</div><div class="para">{left}</div>'
            "</div></div></body></html>\n",
            encoding="utf-8",
        )
    return folder


def measure(book: Path) -> tuple[float, float, float, int]:
    """Seconds of ``relnotes inspect BOOK`` (in this process), of reading alone, of building
    the contexts alone; and the number of headings."""
    start = time.perf_counter()
    document = read_document(book)
    read = time.perf_counter() - start
    placements = list(document.placements())
    start = time.perf_counter()
    _contexts(document, placements)
    context = time.perf_counter() - start
    start = time.perf_counter()
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        assert main_cli(["inspect", str(book)]) == 0
    inspect = time.perf_counter() - start
    headings = sum(p.block.kind is BlockKind.HEADING for p in placements)
    return inspect, read, context, headings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="500,1000,2000")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print(f"{'pages':>6} {'headings':>8} {'inspect s':>9} {'ms/page':>8} {'read s':>8} {'context s':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        measure(write_book(Path(tmp) / "warm.pt_BR", 20))  # the backend's profiles loaded, not timed
        for pages in (int(x) for x in args.pages.split(",")):
            book = write_book(Path(tmp) / f"book{pages}.pt_BR", pages)
            runs = [measure(book) for _ in range(args.runs)]
            inspect, read, context = (statistics.median(r[i] for r in runs) for i in range(3))
            print(
                f"{pages:>6} {runs[0][3]:>8} {inspect:>9.2f} {1000 * inspect / pages:>8.2f}"
                f" {read:>8.2f} {context:>9.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
