"""Read published HTML (Publican / DocBook XSL, Asciidoctor) with BeautifulSoup into events.

Structure is explicit in this markup, so the reader follows it rather than guessing:
``div.section`` (Asciidoctor: ``div.sect1``…) nesting gives heading depth, chapter-like
divisions (``div.chapter``, ``preface``, ``appendix``, ``article``, ``book``) start at depth
0; ``div.para`` and ``p`` are paragraphs (one block each, however much inline markup or
how many URLs they hold); ``pre`` is code; admonitions, tables, figures, examples and
variable lists are frames (:class:`~relnotes.model.Box`) around their blocks. A list that
stands directly in a section yields release-notes item events; the tree builder decides
whether they stay items. Navigation, banners, tables of contents and footers are chrome.

The walk is iterative in spirit: nesting deeper than any real document is refused in one
line instead of exhausting Python's stack.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import replace
from itertools import count

from bs4 import BeautifulSoup, NavigableString, Tag, XMLParsedAsHTMLWarning

from relnotes.errors import SourceError
from relnotes.model import Block, BlockKind, Box, Link
from relnotes.read.assemble import BlockEvent, Event, HeadingEvent, ItemEvent, split_label, split_number
from relnotes.read.text import normalise

MAX_NESTING = 400  # real DocBook output stays under 40; far deeper is generated junk
_CHROME = {"nav", "header", "footer", "aside", "script", "style", "noscript", "template", "head", "title"}
_CHROME_CLASSES = {"toc", "navheader", "navfooter", "docnav", "breadcrumbs", "indexterm", "footer", "toc-title"}
_CHROME_IDS = {"banner", "title", "footer", "header-nav", "toc", "site-footer", "navigation"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CHAPTERS = {"book", "article", "chapter", "preface", "appendix", "part", "colophon", "glossary", "reference"}
_SECTIONS = {"section", "sect1", "sect2", "sect3", "sect4", "sect5", "simplesect", "refsect1", "refsection"}
_ADMONITIONS = {"note", "tip", "important", "warning", "caution", "sidebar", "admonitionblock"}
_BOXES = {
    **{name: name for name in _ADMONITIONS},
    "table": "table",
    "informaltable": "table",
    "tableblock": "table",
    "figure": "figure",
    "informalfigure": "figure",
    "imageblock": "figure",
    "example": "example",
    "informalexample": "example",
    "exampleblock": "example",
    "variablelist": "varlist",
    "dlist": "varlist",
}
_BLOCK_TAGS = {"div", "p", "pre", "ul", "ol", "dl", "table", "blockquote", "figure", "img", *_HEADINGS}
_LIST_TAGS = {"ul", "ol"}
_PARA_CLASSES = {"para", "simpara", "paragraph", "formalpara"}


def parse_html(markup: str | bytes) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)  # Publican writes XHTML with an XML prolog
        return BeautifulSoup(markup, "html.parser")


def html_lang(soup: BeautifulSoup) -> str | None:
    """The page's language as its markup says it: on ``<html>``, else on the content division."""
    html = soup.find("html")
    for tag in (html, soup.find(attrs={"xml:lang": True}), soup.find(attrs={"lang": True})):
        if isinstance(tag, Tag):
            value = tag.get("lang") or tag.get("xml:lang")
            if value:
                return str(value)
    return None


def _classes(tag: Tag) -> set[str]:
    return set(tag.get("class") or [])


def _is_chrome(tag: Tag) -> bool:
    return (
        tag.name in _CHROME
        or bool(_CHROME_CLASSES & _classes(tag))
        or tag.get("id") in _CHROME_IDS
        or (tag.name == "a" and not tag.get_text(strip=True) and not tag.find("img"))
    )


def _box_kind(tag: Tag) -> str | None:
    if tag.name == "table":
        return "table"
    classes = _classes(tag)
    if "admonitionblock" in classes:  # Asciidoctor: the admonition's kind is its other class
        return next((name for name in sorted(classes) if name in _ADMONITIONS - {"admonitionblock"}), "note")
    for name in classes:
        if name in _BOXES:
            return _BOXES[name]
    return None


class _PageReader:
    """Walks one page; ``depth`` is the section depth, ``box`` the frame blocks are shown in."""

    def __init__(self, path: str, page: str | None, boxes: count) -> None:
        self.path = path
        self.page = page
        self.boxes = boxes

    def block(self, kind: BlockKind, text: str, tag: Tag, box: Box | None, links=(), anchor=None, level=0) -> Block:
        return Block(kind, text, tag.sourceline or 0, self.page, anchor, box, tuple(links), level)

    def walk(self, node: Tag, depth: int, box: Box | None, nesting: int) -> Iterator[Event]:
        if nesting > MAX_NESTING:
            raise SourceError(
                self.path,
                f"markup nested more than {MAX_NESTING} elements deep; is this a generated or broken page?",
                node.sourceline,
            )
        loose: list[Tag | NavigableString] = []
        for child in node.children:
            if not isinstance(child, Tag) or child.name not in _BLOCK_TAGS:
                if isinstance(child, Tag) and _is_chrome(child):
                    continue
                loose.append(child)
                continue
            yield from self._flush(loose, node, box, in_item=False)
            if not _is_chrome(child):
                yield from self.element(child, depth, box, nesting + 1)
        yield from self._flush(loose, node, box, in_item=False)

    def _flush(self, loose: list, where: Tag, box: Box | None, *, in_item: bool, kind=BlockKind.PARAGRAPH):
        text, links = _inline(loose)
        loose.clear()
        if text:
            yield BlockEvent(self.block(kind, text, where, box, links), in_item)

    def element(self, tag: Tag, depth: int, box: Box | None, nesting: int) -> Iterator[Event]:
        classes = _classes(tag)
        name = tag.name
        if classes & _CHAPTERS:
            yield from self.walk(tag, 0, box, nesting)
        elif classes & _SECTIONS or (name == "section"):
            yield from self.walk(tag, depth + 1, box, nesting)
        elif name in _HEADINGS:
            yield from self.heading(tag, depth, box, classes)
        elif name == "pre":
            text = tag.get_text().strip("\n").rstrip()
            if text.strip():
                yield BlockEvent(self.block(BlockKind.CODE, text, tag, box), box is None)
        elif name == "dl":
            inner = box if box is not None and box.kind == "varlist" else Box("varlist", next(self.boxes))
            yield from self.varlist(tag, depth, inner, nesting)
        elif (kind := _box_kind(tag)) is not None:
            yield from self.frame(tag, kind, depth, box, nesting)
        elif name in _LIST_TAGS:
            yield from self.list(tag, depth, box, nesting, level=0, items=box is None)
        elif classes & {"title", "admonition_header"}:
            yield from self._title(tag, box)
        elif name == "p" or classes & _PARA_CLASSES:
            yield from self.para(tag, depth, box, nesting)
        elif name == "img":
            yield from self.image(tag, box)
        else:
            yield from self.walk(tag, depth, box, nesting)

    def heading(self, tag: Tag, depth: int, box: Box | None, classes: set[str]) -> Iterator[Event]:
        """A chapter or section title opens a level; a subtitle, an author or a box title is a block."""
        text, links = _inline(list(tag.children))
        if not text:
            return
        if box is not None or (classes and "title" not in classes):
            yield BlockEvent(self.block(BlockKind.TITLE, text, tag, box, links, _anchor(tag)), False)
            return
        number, title = split_label(text) if depth == 0 else split_number(text)
        yield HeadingEvent(depth, number, title, tag.sourceline or 0, self.page, _anchor(tag), tuple(links))

    def _title(self, tag: Tag, box: Box | None) -> Iterator[Event]:
        text, links = _inline(list(tag.children))
        if text:
            yield BlockEvent(self.block(BlockKind.TITLE, text, tag, box, links, _anchor(tag)), False)

    def para(self, tag: Tag, depth: int, box: Box | None, nesting: int, kind=BlockKind.PARAGRAPH, in_item=False):
        """One block for the paragraph's own text; a list or screen inside it follows it."""
        inline: list = []
        nested: list[Tag] = []
        for child in tag.children:
            if isinstance(child, Tag) and (child.name in {"pre", "ul", "ol", "dl", "table"} or _box_kind(child)):
                nested.append(child)
            elif not (isinstance(child, Tag) and _is_chrome(child)):
                inline.append(child)
        yield from self._flush(inline, tag, box, in_item=in_item, kind=kind)
        for child in nested:
            yield from self.element(child, depth, box or Box("para", next(self.boxes)), nesting + 1)

    def frame(self, tag: Tag, kind: str, depth: int, box: Box | None, nesting: int) -> Iterator[Event]:
        inner = Box(kind, next(self.boxes))
        if kind == "table":
            yield from self.table(tag, inner, nesting)
            return
        if "admonitionblock" in _classes(tag):  # Asciidoctor: a one-row table (icon title, content)
            for cell in tag.find_all("td"):
                yield from self.walk(cell, depth, inner, nesting + 1)
            return
        anchor = tag.get("id") or next((a.get("id") for a in tag.find_all("a", recursive=False) if a.get("id")), None)
        first = True
        for event in self.walk(tag, depth, inner, nesting):
            if first and isinstance(event, BlockEvent) and event.block.kind is BlockKind.TITLE and anchor:
                event = BlockEvent(replace(event.block, anchor=str(anchor)), False)
            first = False
            yield event

    def table(self, tag: Tag, box: Box, nesting: int) -> Iterator[Event]:
        title = tag.find(["p", "div", "caption"], class_="title") or tag.find("caption")
        if title is not None:
            yield from self._title(title, box)
        table = tag if tag.name == "table" else tag.find("table")
        if table is None:
            return
        for row_number, row in enumerate(table.find_all("tr")):
            if row.find_parent("table") is not table:
                continue  # a nested table's rows are its own
            cell_box = Box(box.kind, box.number, row_number)
            for cell in row.find_all(["td", "th"], recursive=False):
                if any(c.name in _BLOCK_TAGS for c in cell.children if isinstance(c, Tag)):
                    for event in self.walk(cell, 0, cell_box, nesting + 1):
                        if isinstance(event, BlockEvent) and event.block.kind is BlockKind.PARAGRAPH:
                            event = BlockEvent(replace(event.block, kind=BlockKind.CELL), False)
                        yield event
                else:
                    text, links = _inline(list(cell.children))
                    if text:
                        yield BlockEvent(self.block(BlockKind.CELL, text, cell, cell_box, links), False)

    def list(self, tag: Tag, depth: int, box: Box | None, nesting: int, *, level: int, items: bool) -> Iterator[Event]:
        for li in tag.find_all("li", recursive=False):
            if items:
                yield ItemEvent(li.sourceline or 0)
            yield from self.entry(li, depth, box, nesting + 1, level=level, items=items)

    def entry(self, li: Tag, depth: int, box: Box | None, nesting: int, *, level: int, items: bool) -> Iterator[Event]:
        """A list entry. In an item, its blocks are the item's; elsewhere its first block is a list
        item at ``level`` and the others continue it (``level + 1``), so pages can nest them back."""
        loose: list = []
        state = {"lead": True}

        def emit(block: Block) -> BlockEvent:
            lead, state["lead"] = state["lead"], False
            if items and block.level == 0 and block.kind is not BlockKind.LIST_ITEM:
                return BlockEvent(block, True)
            if lead and block.kind is BlockKind.PARAGRAPH:
                kind, at = BlockKind.LIST_ITEM, level
            else:
                kind, at = block.kind, max(block.level, level + (block.kind is not BlockKind.LIST_ITEM))
            return BlockEvent(replace(block, kind=kind, level=at), items)

        for child in li.children:
            if isinstance(child, Tag) and _is_chrome(child):
                continue
            if not isinstance(child, Tag) or child.name not in _BLOCK_TAGS:
                loose.append(child)
                continue
            for event in self._flush(loose, li, box, in_item=items):
                yield emit(event.block)
            nested = child if child.name in _LIST_TAGS else None
            if nested is None and child.name == "div" and not _classes(child) & _PARA_CLASSES:
                found = child.find(_LIST_TAGS)
                nested = found if found is not None and found.find_parent("div") is child else None
            if nested is not None:
                for sub in nested.find_all("li", recursive=False):
                    for event in self.entry(sub, depth, box, nesting + 1, level=level + 1, items=False):
                        yield BlockEvent(event.block, items)
                state["lead"] = False
                continue
            for event in self.element(child, depth, box, nesting + 1):
                yield emit(event.block) if isinstance(event, BlockEvent) else event
        for event in self._flush(loose, li, box, in_item=items):
            yield emit(event.block)

    def varlist(self, tag: Tag, depth: int, box: Box, nesting: int) -> Iterator[Event]:
        for child in tag.children:
            if not isinstance(child, Tag):
                continue
            if child.name == "dt":
                text, links = _inline(list(child.children))
                if text:
                    yield BlockEvent(self.block(BlockKind.TERM, text, child, box, links, _anchor(child)), False)
            elif child.name == "dd":
                yield from self.walk(child, depth, box, nesting + 1)

    def image(self, tag: Tag, box: Box | None) -> Iterator[Event]:
        src = tag.get("src")
        if src and "callout" not in _classes(tag):
            yield BlockEvent(self.block(BlockKind.IMAGE, str(src), tag, box), False)


def _anchor(tag: Tag) -> str | None:
    """The id a heading or title is reached by: its own, an ``<a id>`` in it, or its section's."""
    if tag.get("id"):
        return str(tag["id"])
    inner = tag.find("a", id=True)
    if inner is not None:
        return str(inner["id"])
    for parent in tag.parents:
        if not isinstance(parent, Tag):
            break
        classes = _classes(parent)
        if parent.get("id") and (classes & (_SECTIONS | _CHAPTERS) or parent.name == "section"):
            return str(parent["id"])
        if classes & (_SECTIONS | _CHAPTERS | set(_BOXES)):
            break
    return None


def _inline(nodes: list) -> tuple[str, list[Link]]:
    """Flatten inline markup to text; keep each link's words and target for the site."""
    parts: list[str] = []
    links: list[Link] = []
    for node in nodes:
        if isinstance(node, Tag):
            if _is_chrome(node):
                continue
            parts.append(node.get_text())
            anchors = [node] if node.name == "a" else node.find_all("a", href=True)
            for a in anchors:
                words = normalise(a.get_text())
                if a.get("href") and words:
                    links.append(Link(words, str(a["href"])))
        else:
            parts.append(str(node))
    return normalise("".join(parts)), links


def html_events(soup: BeautifulSoup, path: str, page: str | None = None, boxes: count | None = None) -> Iterator[Event]:
    """The events of one page; ``boxes`` numbers frames across the pages of a book."""
    root = soup.body or soup
    if root.find(_HEADINGS) is None and root.find(["p", "li"]) is None and not root.select("div.para"):
        raise SourceError(path, "no heading, paragraph or list found; is this a documentation page?")
    yield from _PageReader(path, page, boxes or count(1)).walk(root, 0, None, 0)
