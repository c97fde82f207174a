"""What published HTML means before it is walked: parsing, the classes that carry meaning,
refusing pathological nesting, repairing tag soup, and flattening inline markup.

The page walker (:mod:`relnotes.read.html`) and the frame readers
(:mod:`relnotes.read.frames`) share these so that both classify markup the same way.
"""

from __future__ import annotations

import warnings
from collections.abc import Container

from bs4 import BeautifulSoup, Tag, XMLParsedAsHTMLWarning

from relnotes.errors import SourceError
from relnotes.model import Link
from relnotes.read.roles import CHROME_CLASSES, CHROME_IDS, LANDMARKS
from relnotes.read.text import normalise

# Real DocBook and Asciidoctor output stays under 20 (the Debian handbook: 17 in every
# edition); far deeper is generated junk, and the walker recurses once per level.
MAX_NESTING = 200
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# What a toolchain calls a frame's title: DocBook and Asciidoctor "title", Publican
# "admonition_header", Sphinx "admonition-title", "sidebar-title", "topic-title".
TITLE_CLASSES = {"title", "admonition_header", "admonition-title", "sidebar-title", "topic-title"}
CHAPTERS = {"book", "article", "chapter", "preface", "appendix", "part", "colophon", "glossary", "reference"}
SECTIONS = {"section", "sect1", "sect2", "sect3", "sect4", "sect5", "simplesect", "refsect1", "refsection"}
ADMONITIONS = {
    "note",
    "tip",
    "important",
    "warning",
    "caution",
    "sidebar",
    "admonitionblock",
    "danger",
    "attention",
    "hint",
    "error",
}
BOXES = {
    **{name: name for name in ADMONITIONS},
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
BLOCK_TAGS = {
    *("div", "p", "pre", "ul", "ol", "dl", "table", "blockquote", "figure", "img", *HEADINGS),
    *("section", "article", "main", "header", "figcaption", "address", "center", "details", "aside"),
}
LIST_TAGS = {"ul", "ol"}
PARA_CLASSES = {"para", "simpara", "paragraph", "formalpara"}

# HTML closes an open <p> (and <li>, <dt>, <dd>) when these start; html.parser does not,
# so an unclosed <p> swallows the next paragraph and an unclosed <li> the next entry.
_CLOSES_P = {"address", "blockquote", "div", "dl", "dd", "dt", "figure", "li", "ol", "p", "pre", "table", "ul"}
_CLOSES = {"p": _CLOSES_P | HEADINGS, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}}


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


def refuse_deep(root: Tag, path: str) -> list[Tag]:
    """Refuse nesting no document has, before anything recurses into it; return the page's
    ``main`` landmarks (``<main>``, ``[role=main]``), found on the same walk.

    Checked once, without recursion, so that neither the walker nor BeautifulSoup's own
    recursive helpers ever meet a tree deep enough to exhaust Python's stack.
    """
    mains: list[Tag] = []
    stack = [(root, 0)]
    while stack:
        tag, depth = stack.pop()
        if depth > MAX_NESTING:
            raise SourceError(
                path,
                f"markup nested more than {MAX_NESTING} elements deep; is this a generated or broken page?",
                tag.sourceline,
            )
        if tag.name == "main" or tag.get("role") == "main":
            mains.append(tag)
        stack.extend((child, depth + 1) for child in tag.contents if isinstance(child, Tag))
    return mains


def repair_soup(root: Tag) -> None:
    """Close what HTML closes implicitly: an unclosed ``<p>`` before the next block, an
    unclosed ``<li>`` before the next entry. Well-formed pages are left as they are."""
    for name, closers in _CLOSES.items():
        for tag in root.find_all(name):
            _lift(tag, closers)


def _lift(tag: Tag, closers: Container[str]) -> None:
    """Move the first child that would have closed ``tag``, and all after it, out to follow ``tag``."""
    at = next((i for i, c in enumerate(tag.contents) if isinstance(c, Tag) and c.name in closers), None)
    if at is None:
        return
    previous = tag
    for node in list(tag.contents[at:]):
        previous.insert_after(node.extract())
        previous = node


def classes(tag: Tag) -> set[str]:
    return set(tag.get("class") or [])


def is_chrome(tag: Tag) -> bool:
    return (
        tag.name in LANDMARKS
        or bool(CHROME_CLASSES & classes(tag))
        or tag.get("id") in CHROME_IDS
        or (tag.name == "a" and not tag.get_text(strip=True) and not tag.find("img"))
    )


# Elements that can frame blocks; Asciidoctor also classes a cell's paragraph "tableblock".
_FRAMES = {"div", "section", "aside", "figure", "table", "blockquote"}


def box_kind(tag: Tag) -> str | None:
    if tag.name == "table":
        return "table"
    if tag.name == "figure":
        return "figure"
    if tag.name not in _FRAMES:
        return None
    names = classes(tag)
    if "admonitionblock" in names:  # Asciidoctor: the admonition's kind is its other class
        return next((name for name in sorted(names) if name in ADMONITIONS - {"admonitionblock"}), "note")
    for name in names:
        if name in BOXES:
            return BOXES[name]
    return None


def anchor(tag: Tag) -> str | None:
    """The id a heading or title is reached by: its own, an ``<a id>`` in it, or its section's."""
    if tag.get("id"):
        return str(tag["id"])
    inner = tag.find("a", id=True)
    if inner is not None:
        return str(inner["id"])
    for parent in tag.parents:
        if not isinstance(parent, Tag):
            break
        names = classes(parent)
        if parent.get("id") and (names & (SECTIONS | CHAPTERS) or parent.name == "section"):
            return str(parent["id"])
        if names & (SECTIONS | CHAPTERS | set(BOXES)):
            break
    return None


def _anchors(node: Tag) -> list[Tag]:
    """The links in inline markup: walked by hand, as BeautifulSoup's search costs more than
    the few descendants an inline element has."""
    if node.name == "a":
        return [node]
    return [d for d in node.descendants if isinstance(d, Tag) and d.name == "a" and d.get("href") is not None]


def inline(nodes: list) -> tuple[str, list[Link]]:
    """Flatten inline markup to text; keep each link's words and target for the site."""
    parts: list[str] = []
    links: list[Link] = []
    for node in nodes:
        if isinstance(node, Tag):
            if is_chrome(node):
                continue
            parts.append(node.get_text())
            for a in _anchors(node):
                words = normalise(a.get_text())
                if a.get("href") and words:
                    links.append(Link(words, str(a["href"])))
        else:
            parts.append(str(node))
    return normalise("".join(parts)), links
