"""The Debian Administrator's Handbook, read whole: a real Publican book of 127 pages.

Read where the ``debian-handbook`` package puts it (CI installs it); never copied into the
project. Each page's markup is the truth the tree is checked against: every ``div.para``
is exactly one block, every screen is code, every admonition is framed, no chrome is kept.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from relnotes.model import Block, BlockKind, Document
from relnotes.read import read_document
from relnotes.read.lint import source_warnings

pytestmark = pytest.mark.slow

HANDBOOK = Path("/usr/share/doc/debian-handbook/html")
EDITIONS = ["pt-BR", "ja-JP"]
ADMONITIONS = ("sidebar", "note", "tip", "important", "warning", "caution")
FRAMES = [*ADMONITIONS, "example", "informalexample", "table", "informaltable", "figure", "variablelist"]


@cache
def edition(name: str) -> tuple[Document, dict[str, BeautifulSoup]]:
    """The edition read by relnotes, and each of its pages parsed independently."""
    folder = HANDBOOK / name
    if not (folder / "index.html").is_file():
        pytest.fail(f"{folder} not found: these tests read the Debian handbook; apt-get install debian-handbook")
    document = read_document(folder)
    pages = {page: BeautifulSoup((folder / page).read_bytes(), "html.parser") for page in document.pages}
    return document, pages


def blocks_by_page(document: Document) -> dict[str, list[Block]]:
    found: dict[str, list[Block]] = {}
    for placement in document.placements():
        found.setdefault(placement.block.page or "", []).append(placement.block)
    return found


def para_text(para: Tag) -> str:
    """A div.para's own words: nested screens, lists and tables are blocks of their own."""
    copy = BeautifulSoup(str(para), "html.parser")
    for nested in copy.find_all(["pre", "ul", "ol", "dl", "table"]):
        nested.decompose()
    return " ".join(copy.get_text().split())


def test_the_book_has_every_page_in_reading_order():
    document, _ = edition("pt-BR")
    assert len(document.pages) == 127
    assert document.pages[:4] == ("index.html", "preface.html", "foreword.html", "sect.who-is-this-book-for.html")
    assert document.pages[-1] == "sect.user-space.html"
    assert sorted(document.pages) == sorted(page.name for page in (HANDBOOK / "pt-BR").glob("*.html"))
    assert document.locale == "pt_BR"


@pytest.mark.parametrize("name, paragraphs", [("pt-BR", 3032), ("ja-JP", 3032)])
def test_every_div_para_is_exactly_one_block_on_its_page(name, paragraphs):
    document, pages = edition(name)
    by_page = blocks_by_page(document)
    counted = 0
    wrong = []
    for page, soup in pages.items():
        expected = Counter(text for text in map(para_text, soup.select("div.para")) if text)
        texts = Counter(block.text for block in by_page.get(page, []))
        counted += sum(texts[text] for text in expected)
        wrong += [(page, text[:60], count, texts[text]) for text, count in expected.items() if texts[text] != count]
    assert wrong == []
    assert counted == paragraphs


@pytest.mark.parametrize("name", EDITIONS)
def test_screens_and_program_listings_are_code_blocks(name):
    document, pages = edition(name)
    by_page = blocks_by_page(document)
    screens = 0
    for page, soup in pages.items():
        pre = Counter(
            text
            for tag in soup.select("pre.screen, pre.programlisting")
            if (text := tag.get_text().strip("\n").rstrip()).strip()
        )
        code = Counter(block.text for block in by_page.get(page, []) if block.kind is BlockKind.CODE)
        assert code == pre, page
        screens += sum(pre.values())
    assert screens == 294


@pytest.mark.parametrize("name", EDITIONS)
def test_admonition_and_sidebar_blocks_carry_their_box(name):
    document, pages = edition(name)
    by_page = blocks_by_page(document)
    framed = 0
    for page, soup in pages.items():
        boxes = {block.text: block.box for block in by_page.get(page, []) if block.box is not None}
        for frame in soup.select(", ".join(f"div.{kind}" for kind in ADMONITIONS)):
            kind = next(k for k in ADMONITIONS if k in frame["class"])
            title = frame.find(class_="title")
            # A paragraph of an example inside a sidebar is framed by the example.
            texts = [para_text(p) for p in frame.select("div.para") if p.find_parent(class_=FRAMES) is frame]
            if title is not None:
                texts.insert(0, " ".join(title.get_text().split()))
            numbers = {boxes[text].number for text in texts if boxes.get(text) and boxes[text].kind == kind}
            assert len(numbers) == 1, (page, texts[0][:60])  # one frame, every block in it
            assert all(boxes.get(text) is not None and boxes[text].kind == kind for text in texts), (page, kind)
            framed += 1
    assert framed == 421


@pytest.mark.parametrize("name", EDITIONS)
def test_no_chrome_is_kept(name):
    document, pages = edition(name)
    by_page = blocks_by_page(document)
    for page, soup in pages.items():
        chrome = {
            " ".join(tag.get_text().split())
            for tag in soup.select("ul.docnav a, ul.docnav strong, #banner, p#title, div.toc a, div.toc dt")
        } - {""}
        texts = {block.text for block in by_page.get(page, [])}
        assert texts & chrome == set(), page
    everything = {p.block.text for p in document.placements()}
    assert everything & {"Próxima", "Anterior", "Acima", "Principal", "Download the ebook"} == set()
    assert not any(text.startswith(("Download the ebook", "Próxima", "Anterior")) for text in everything)


def test_source_warnings_on_pt_br_are_rare_and_real():
    """At most one per 100 blocks; the one left is cut off in the English original too."""
    document, _ = edition("pt-BR")
    warnings = source_warnings(document)
    assert len(warnings) * 100 <= sum(1 for _ in document.placements())
    assert [(w.page, w.line, w.message) for w in warnings] == [
        ("sect.firewall-packet-filtering.html", 18, "paragraph ends without punctuation ('…block'): cut off?"),
    ]
