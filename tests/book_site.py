"""What a book's built site shows of the book: figures served and cross-references that work.

Counted per chapter page against the published document, so a figure or link that lands on
the wrong page counts as lost. Shared by the whole-book tests and ``scripts/bench_book.py``.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from relnotes.model import BlockKind, Document
from relnotes.read import read_document
from relnotes.site.links import LinkMap
from relnotes.site.progress import _all_blocks

_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")


@dataclass(frozen=True)
class Kept:
    figures: int  # published images
    figures_shown: int  # shown on the chapter page holding them, the file served
    xrefs: int  # published links to a page of the book and an id it holds (as published)
    xrefs_working: int  # links on the chapter page whose page and anchor exist
    dangling: int  # published links to an id or page the book does not hold: broken as published
    unread: int  # published links to an id the reader gave no block (a paragraph's own id): not counted above

    def percent(self, part: int, whole: int) -> float:
        return 100.0 if not whole else round(100.0 * part / whole, 2)


def install_page(page: Path, sources: Path) -> Path:
    """A single-page book put in ``sources/`` as installed: the page, and beside it every image
    file it shows, at the same relative paths (copied: a link into the package's folder would
    lead outside the project, where relnotes publishes nothing)."""
    sources.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(page, sources / page.name)
    for placement in read_document(page, locale="en").placements():
        block = placement.block
        if block.kind is BlockKind.IMAGE and not urlsplit(block.text).scheme:
            source = (page.parent / unquote(block.text)).resolve()
            target = sources / unquote(block.text)
            if source.is_file() and source.is_relative_to(page.parent.resolve()) and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    return sources / page.name


def _ids(page: Path, cache: dict[Path, set[str]]) -> set[str]:
    if page not in cache:
        cache[page] = {
            tag["id"] for tag in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("[id]")
        }
    return cache[page]


def _published(document: Document, target: str, where: str | None, source_ids: dict[Path, set[str]]) -> bool:
    """Whether a link's page and id exist in the book as published; ``where``: the page it is on."""
    parts = urlsplit(target)
    if document.pages:
        page = Path(document.source) / unquote(parts.path or where or "index.html")
    elif parts.path and unquote(parts.path).lstrip("./") != Path(document.source).name:
        return False  # another file: outside a single-page book
    else:
        page = Path(document.source)
    page = page.resolve()
    if not page.is_file():
        return False
    if page not in source_ids:
        source_ids[page] = set(_ID.findall(page.read_text(encoding="utf-8", errors="replace")))
    return not parts.fragment or unquote(parts.fragment) in source_ids[page]


def kept(document: Document, site: Path) -> Kept:
    """Figures and cross-references of ``document`` on its site in one language (``site``: that root)."""
    figures = shown = xrefs = working = dangling = unread = 0
    held = {anchor for _page, anchor in LinkMap.of(document).anchors}
    ids: dict[Path, set[str]] = {}
    source_ids: dict[Path, set[str]] = {}
    for slug, part in document.slugs():
        html_file = site / ("" if slug == "index" else slug) / "index.html"
        blocks = list(_all_blocks(part))
        images = [b for b in blocks if b.kind is BlockKind.IMAGE]
        inside = [(link, b.page) for b in blocks for link in b.links if not urlsplit(link.target).scheme]
        published = [link for link, where in inside if _published(document, link.target, where, source_ids)]
        links = [link for link in published if unquote(urlsplit(link.target).fragment or "") in held | {""}]
        figures += len(images)
        xrefs += len(links)
        dangling += len(inside) - len(published)
        unread += len(published) - len(links)
        article = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select_one("article")
        on_page = [img for img in article.select("img") if (html_file.parent / unquote(img["src"])).resolve().is_file()]
        shown += min(len(on_page), len(images))
        found = 0
        for a in article.select("a[href]"):
            href = a["href"]
            classes = a.get("class") or []
            if urlsplit(href).scheme or "headerlink" in classes or href.startswith(("mailto:", "#item-")):
                continue
            parts = urlsplit(href)
            target = (html_file.parent / unquote(parts.path)).resolve() if parts.path else html_file
            target = target / "index.html" if target.is_dir() else target
            if target.is_file() and (not parts.fragment or unquote(parts.fragment) in _ids(target, ids)):
                found += 1
        working += min(found, len(links))  # a page's own links (its contents list) are no cross-references
    return Kept(figures, shown, xrefs, working, dangling, unread)
