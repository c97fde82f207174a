"""The corpus as pages: labelled samples, the hand-written short blocks, and pages as documents.

``tests/corpus.py`` reads the real material (What's New catalogs, the Debian handbook); this
module holds what every source shares (``Sample``, ``Page``), the hand-labelled short blocks
(``tests/fixtures/short_blocks/<ll>[.held-out|.fresh].tsv``) and ``page_document``, the only
place that knows the model's constructors.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from relnotes.model import Block, BlockKind, Document, Group, Item, Section

SHORT_BLOCKS = Path(__file__).parent / "fixtures" / "short_blocks"
# The corpus's parts: tuned on, held out (measured, looked at once), and written after tuning
# (fresh: short blocks only, never tuned on).
PARTS = ("development", "held-out", "fresh", "book")


@dataclass(frozen=True, slots=True)
class Sample:
    """One block with its true language, the kind of block it is and where it comes from."""

    page: str  # source/page/language: the unit decided together, like one chapter
    lang: str  # the page's language
    expected: str  # the page's language, "en", or "zxx"
    kind: str
    text: str
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    lang: str
    samples: tuple[Sample, ...]


# --- Hand-labelled short blocks -----------------------------------------------------------


def short_block_pages(part: str = "development") -> list[Page]:
    """``<lang>.tsv`` (development), ``<lang>.held-out.tsv``, ``<lang>.fresh.tsv``: ``expected<TAB>kind<TAB>text``.

    One file is one page in reading order; ``heading`` rows are section headings, a run of
    ``list`` rows is one list, every other row is a block of its own.
    """
    if part not in PARTS:
        raise ValueError(f"unknown corpus part {part!r}; one of {', '.join(PARTS)}")
    pages = []
    for path in sorted(SHORT_BLOCKS.glob("*.tsv")):
        name_part = path.name.split(".")[1] if path.name.count(".") == 2 else "development"
        if name_part != part:
            continue
        lang = path.name.split(".")[0]
        samples = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            expected, kind, text = line.split("\t")
            if expected not in (lang, "en", "zxx"):
                raise ValueError(f"{path}:{number}: expected {expected!r} is not {lang}, en or zxx")
            samples.append(Sample(f"short/{path.name}", lang, expected, kind, text, heading=kind == "heading"))
        pages.append(Page(f"short/{path.name}", lang, tuple(samples)))
    return pages


# --- Pages as documents ---------------------------------------------------------------------

UNTITLED = "\u2063"  # the title of a section a page opens without heading; not a sample


def page_document(page: Page) -> Document:
    """The page as a chapter, its samples in placement order (``UNTITLED`` headings aside).

    Prose pages (What's New, the handbook) are paragraphs outside any item, as a book's are;
    in hand-labelled pages headings start sections, a run of ``list`` rows is one item and
    every other row is an item of its own.
    """
    if page.name.startswith(("whatsnew/", "handbook/")):
        intro = tuple(Block(BlockKind.PARAGRAPH, s.text, n) for n, s in enumerate(page.samples, 1))
        return Document(page.name, page.lang, (Section(None, Block(BlockKind.HEADING, UNTITLED, 0), blocks=intro),))
    sections: list[Section] = []
    items: list[Item] = []
    heading = Block(BlockKind.HEADING, UNTITLED, 0)
    run: list[Block] = []

    def close_run() -> None:
        if run:
            items.append(Item(len(items) + 1, run[0].line, tuple(run)))
            run.clear()

    def close_section() -> None:
        close_run()
        if heading.text != UNTITLED or items:
            sections.append(Section(str(len(sections) + 1), heading, (Group(None, None, None, tuple(items)),)))
        items.clear()

    for line, sample in enumerate(page.samples, 1):
        if sample.heading:
            close_section()
            heading = Block(BlockKind.HEADING, sample.text, line)
            continue
        listed = sample.kind == "list"
        if run and not (listed and run[0].kind is BlockKind.LIST_ITEM):
            close_run()
        run.append(Block(BlockKind.LIST_ITEM if listed else BlockKind.PARAGRAPH, sample.text, line))
        if not listed:
            close_run()
    close_section()
    chapter = Section(None, Block(BlockKind.HEADING, UNTITLED, 0), sections=tuple(sections))
    return Document(page.name, page.lang, (chapter,))


def samples(pages: list[Page]) -> Iterator[Sample]:
    for page in pages:
        yield from page.samples
