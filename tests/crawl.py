"""A link checker for built sites: every internal link and anchor must resolve."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.conftest import soup


def internal_links(site: Path):
    for html_file in site.rglob("*.html"):
        for tag in soup(html_file).select("a[href], img[src]"):
            href = tag.get("href") or tag.get("src")
            if urlsplit(href).scheme or href.startswith(("mailto:", "//")):
                continue
            yield html_file, href


def broken_links(site: Path) -> tuple[list[tuple[str, str]], int]:
    """(page, href) of every internal link or image that does not resolve, and how many were checked."""
    ids: dict[Path, set[str]] = {}
    broken = []
    checked = 0
    for html_file, href in internal_links(site):
        parts = urlsplit(href)
        if parts.path.startswith("/"):  # root-absolute (Material's 404 page): from site_url's path
            target = (site / unquote(parts.path).lstrip("/")).resolve()
        else:
            target = (html_file.parent / unquote(parts.path)).resolve() if parts.path else html_file
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append((str(html_file.relative_to(site)), href))
            continue
        if parts.fragment and target.suffix == ".html":
            if target not in ids:
                ids[target] = {tag["id"] for tag in soup(target).select("[id]")}
            if parts.fragment not in ids[target]:
                broken.append((str(html_file.relative_to(site)), href))
        checked += 1
    return broken, checked
