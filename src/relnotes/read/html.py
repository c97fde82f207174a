"""Read DocBook/Publican-style HTML with BeautifulSoup into the same events as the text.

Structure is explicit here: ``div.section`` nesting gives heading depth, ``div.itemizedlist
> ul > li`` are items, ``p`` and ``pre.screen`` their paragraphs and code, a nested list
its list items. Inline markup (``code``, ``command``, ``filename``) is flattened to text so
that both readers agree block for block. Navigation, headers and footers are chrome.
"""

from __future__ import annotations

from collections.abc import Iterator

from bs4 import BeautifulSoup, Tag

from relnotes.errors import SourceError
from relnotes.model import Block, BlockKind
from relnotes.read.assemble import BlockEvent, Event, HeadingEvent, ItemEvent, split_number
from relnotes.read.text import normalise

_CHROME = {"nav", "header", "footer", "aside", "script", "style", "noscript", "template"}
# Publican/DocBook navigation inside the chapter: its lists are links, not items.
_CHROME_CLASSES = {"toc", "navheader", "navfooter", "docnav", "breadcrumbs", "footnotes"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def parse_html(markup: str | bytes) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


def html_lang(soup: BeautifulSoup) -> str | None:
    html = soup.find("html")
    lang = html.get("lang") if isinstance(html, Tag) else None
    return str(lang) if lang else None


def _line(tag: Tag) -> int:
    return tag.sourceline or 0


def _is_section(tag: Tag) -> bool:
    return tag.name in {"div", "section"} and "section" in (tag.get("class") or [])


def html_events(soup: BeautifulSoup, path: str) -> Iterator[Event]:
    root = soup.select_one("div.chapter") or soup.body or soup
    if root.select_one("div.section") is None and root.find("li") is None:
        raise SourceError(path, "no div.section and no list found; is this a DocBook/Publican chapter?")
    yield from _walk(root, depth=0)


def _walk(node: Tag, depth: int) -> Iterator[Event]:
    for child in node.children:
        if not isinstance(child, Tag) or child.name in _CHROME or _CHROME_CLASSES & set(child.get("class") or []):
            continue
        if _is_section(child):
            yield from _walk(child, depth + 1)
        elif child.name in _HEADINGS:
            number, title = split_number(normalise(child.get_text()))
            if title:
                yield HeadingEvent(depth, number, title, _line(child))
        elif child.name == "li":
            yield ItemEvent(_line(child))
            yield from _item_blocks(child)
        elif child.name == "p":
            text = normalise(child.get_text())
            if text:
                yield BlockEvent(Block(BlockKind.PARAGRAPH, text, _line(child)), False)
        else:
            yield from _walk(child, depth)


def _item_blocks(li: Tag) -> Iterator[Event]:
    loose: list[str] = []  # text directly inside <li>, as in <li>Item text</li>
    for child in li.children:
        if not isinstance(child, Tag):
            if str(child).strip():
                loose.append(str(child))
            continue
        if child.name == "p":
            yield from _flush(loose, li)
            text = normalise(child.get_text())
            if text:
                yield BlockEvent(Block(BlockKind.PARAGRAPH, text, _line(child)), True)
        elif child.name == "pre":
            yield from _flush(loose, li)
            for line in child.get_text().splitlines():
                if line.strip():
                    yield BlockEvent(Block(BlockKind.CODE, line.strip(), _line(child)), True)
        elif child.name in {"ul", "ol"} or child.find("li") is not None:
            yield from _flush(loose, li)
            for sub in child.find_all("li"):
                text = normalise(sub.get_text())
                if text:
                    yield BlockEvent(Block(BlockKind.LIST_ITEM, text, _line(sub)), True)
        else:
            loose.append(child.get_text())
    yield from _flush(loose, li)


def _flush(loose: list[str], li: Tag) -> Iterator[Event]:
    text = normalise("".join(loose))
    loose.clear()
    if text:
        yield BlockEvent(Block(BlockKind.PARAGRAPH, text, _line(li)), True)
