"""An independent count of the content paragraphs a toolchain wrote, to measure a reader by.

It shares no code with :mod:`relnotes.read`: BeautifulSoup over each page, chrome excluded
by landmarks (``nav``, ``header``, ``footer``, ``aside``, ``[role]``) and by the few class
names the toolchains give their navigation and tables of contents. A content paragraph is a
``p``, ``li``, ``dd``, ``td``/``th``, ``div.para`` or caption with text of its own (text not
inside a nested block). A paragraph is read when its text stands in a block the reader made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

LANDMARKS = {"nav", "header", "footer", "aside", "script", "style", "head", "noscript", "template"}
ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "doc-toc", "directory"}
# What the toolchains call navigation and tables of contents (DocBook XSL, Publican, Sphinx,
# Asciidoctor): they write no landmark for them.
NAV_CLASSES = {
    "navheader",
    "navfooter",
    "toc",
    "docnav",
    "sphinxsidebar",
    "related",
    "list-of-tables",
    "list-of-figures",
    "list-of-examples",
    "toctree-wrapper",
    "headerlink",
    "indexterm",
}
NAV_IDS = {"toc", "footer", "header", "banner"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PARAGRAPHS = {"p", "li", "dd", "td", "th", "caption", "figcaption"}
BLOCKS = PARAGRAPHS | {
    "div",
    "ul",
    "ol",
    "dl",
    "dt",
    "table",
    "tr",
    "pre",
    "blockquote",
    "figure",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tbody",
    "thead",
}
_LABEL = re.compile(r"^\S*?\s*(?:[A-Z]|\d+)(?:\.\d+)*\.?\s+")


def _is_footnote(tag: Tag) -> bool:
    """Sphinx writes its footnotes in ``aside``: content, not a complementary landmark."""
    names = " ".join(tag.get("class") or [])
    return tag.get("role") in {"note", "doc-footnote", "doc-endnotes"} or "footnote" in names


def _is_chrome(tag: Tag) -> bool:
    names = set(tag.get("class") or [])
    if tag.name == "aside" and _is_footnote(tag):
        return False
    return tag.name in LANDMARKS or tag.get("role") in ROLES or bool(names & NAV_CLASSES) or tag.get("id") in NAV_IDS


def _own_text(tag: Tag) -> str:
    parts: list[str] = []
    stack: list = list(reversed(tag.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:
                parts.append(str(node))
        elif isinstance(node, Tag) and node.name not in BLOCKS and not _is_chrome(node):
            stack.extend(reversed(node.contents))
    return " ".join("".join(parts).split())


def _is_paragraph(tag: Tag) -> bool:
    names = set(tag.get("class") or [])
    return tag.name in PARAGRAPHS or (tag.name == "div" and bool(names & {"para", "title"}))


@dataclass
class Count:
    content: list[tuple[str, bool]] = field(default_factory=list)  # own text, whether a caption
    chrome: list[str] = field(default_factory=list)  # own texts of paragraphs inside chrome
    headings: list[str] = field(default_factory=list)  # texts of headings outside chrome


def count_page(path: Path) -> Count:
    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    count = Count()
    root = soup.body or soup
    stack: list[tuple[Tag, bool]] = [(root, False)]
    while stack:
        tag, in_chrome = stack.pop()
        chrome = in_chrome or _is_chrome(tag)
        if tag.name in HEADINGS and not chrome:
            count.headings.append(" ".join(tag.get_text().split()))
        if _is_paragraph(tag):
            text = _own_text(tag)
            if not any(c.isalnum() for c in text):
                pass
            elif chrome:
                count.chrome.append(text)
            else:
                count.content.append((text, _is_caption(tag)))
        stack.extend((child, chrome) for child in tag.contents if isinstance(child, Tag))
    return count


def _is_caption(tag: Tag) -> bool:
    return tag.name in {"caption", "figcaption"} or "title" in (tag.get("class") or [])


def is_read(text: str, caption: bool, joined: str) -> bool:
    """Whether a paragraph's text stands in the reader's blocks (a caption without its label)."""
    return text in joined or (caption and _LABEL.sub("", text, count=1) in joined)


@dataclass
class Measure:
    """One edition read and counted: what the toolchain wrote against what the reader made."""

    name: str
    pages: int
    blocks: int
    content: int  # content paragraphs the toolchain wrote
    missed: list[tuple[str, str]]  # (page, text) of those no block holds
    chrome: list[str]  # blocks whose text is only ever chrome
    seconds: float  # wall clock
    cpu: float  # this process's CPU time: what the reading costs on a machine shared with others

    @property
    def read_share(self) -> float:
        return (self.content - len(self.missed)) / self.content if self.content else 1.0


def measure(name: str, path: Path, locale: str | None) -> Measure:
    """Read an edition with relnotes, count its pages independently, compare."""
    import time

    from relnotes.read import read_document

    start, cpu = time.perf_counter(), time.process_time()
    document = read_document(path, locale=locale)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    texts = [placement.block.text for placement in document.placements()]
    joined = "\n".join(texts)
    pages = [path / page for page in document.pages] if document.pages else [path]
    missed: list[tuple[str, str]] = []
    content = 0
    chrome: set[str] = set()
    written: set[str] = set()
    for page in pages:
        counted = count_page(page)
        content += len(counted.content)
        missed += [(page.name, text) for text, caption in counted.content if not is_read(text, caption, joined)]
        chrome.update(counted.chrome)
        written.update(text for text, _caption in counted.content)
        written.update(counted.headings)
    content_text = "\n".join(written)
    chrome_blocks = [text for text in texts if text in chrome and text not in written and text not in content_text]
    return Measure(name, len(pages), len(texts), content, missed, chrome_blocks, seconds, cpu)
