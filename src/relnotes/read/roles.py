"""Chrome by role: what a page shows around its content, found before the page is walked.

Every toolchain writes the same furniture around a book's text: navigation (previous/next,
breadcrumbs, sidebars), tables of contents, headers, footers, permalinks, search boxes and
language choosers. It is recognised by what it is, in this order:

- landmarks: ``nav``, ``footer``, ``aside``, a ``header`` without a heading, and ARIA roles
  (``navigation``, ``banner``, ``contentinfo``, ``search``, ``complementary``…);
- navigation blocks: a block holding a previous/next link (``rel``, ``accesskey``) and little
  else (DocBook XSL's header and footer tables, "Anterior Próximo");
- links-only blocks: a list, table or division whose words are all links within the book
  (a table of contents, a breadcrumb trail, a language chooser);
- permalinks: a link to ``#id`` showing a symbol (¶, #, §);
- :data:`HINTS`: the few names a toolchain gives those roles without a landmark.

One bottom-up pass counts words in and out of links per element; one top-down pass removes
the outermost chrome element of each branch. Both are iterative and linear in the page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from bs4 import NavigableString, Tag

# What each toolchain calls its navigation, tables of contents, index and furniture. Only
# names: the decision is by role, and a new toolchain is a line here, never a new reader.
HINTS: dict[str, dict[str, set[str]]] = {
    "docbook-xsl": {
        "class": {
            "navheader",
            "navfooter",
            "toc",
            "list-of-tables",
            "list-of-figures",
            "list-of-examples",
            "list-of-procedures",
            "list-of-equations",
            "index",
            "indexterm",
        },
        "id": set(),
    },
    "publican": {"class": {"docnav", "breadcrumbs", "toc"}, "id": {"banner", "title", "footer", "header-nav"}},
    "sphinx": {
        "class": {
            "sphinxsidebar",
            "related",
            "headerlink",
            "toctree-wrapper",
            "footer",
            "rst-versions",
            "wy-nav-side",
            "rst-footer-buttons",
            "prev-next-area",
            "bd-sidebar",
            "caption-number",
        },
        "id": {"searchbox", "site-footer", "navigation"},
    },
    "asciidoctor": {"class": {"toc-title"}, "id": {"toc", "toctitle", "footer", "footer-text"}},
}
CHROME_CLASSES = set().union(*(hint["class"] for hint in HINTS.values()))
CHROME_IDS = set().union(*(hint["id"] for hint in HINTS.values()))
# Landmarks that are never content; ``header`` and ``aside`` are decided in _by_name.
LANDMARKS = {"nav", "footer", "script", "style", "noscript", "template", "head", "title", "form", "button",
             "input", "select", "svg"}  # fmt: skip
ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "doc-toc", "doc-index", "directory",
         "menu", "menubar", "toolbar", "doc-pagelist"}  # fmt: skip
_CONTENT_ASIDE = {"footnote", "footnotes", "sidebar", "topic", "note", "admonition"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_NAV_RELS = {"prev", "previous", "next", "up", "home", "start", "first", "last"}
_NAV_KEYS = {"p", "n", "u", "h"}
_PERMALINK_SIGNS = {"¶", "#", "§", "🔗", "⚓", "\uf0c1"}
_CONTAINERS = {"div", "table", "ul", "ol", "dl", "p", "span", "section", "tr", "td", "center"}
_LIST_LIKE = {"ul", "ol", "dl", "table", "div", "p", "section"}
# A navigation block says where it leads in a few words; past this it is content with a link.
_NAV_WORDS = 300
# A table of contents may carry its label ("Contents") outside its links; a sentence with
# links ("See Section 1.1") has more words of its own.
_LABEL_CHARS = 20


class _Stats:
    __slots__ = ("heading", "internal", "link_chars", "links", "nav", "text_chars")

    def __init__(self) -> None:
        self.text_chars = 0  # characters other than spaces
        self.link_chars = 0  # of which inside a link
        self.links = 0
        self.internal = True  # every link leads to a page of the book
        self.nav = False  # holds a previous/next link
        self.heading = False


def _alnum(text: str) -> int:
    """Characters that are not spaces: words, with a separator ("|", "»") counting one."""
    return len("".join(text.split()))


def _is_nav_link(tag: Tag) -> bool:
    rel = tag.get("rel") or []
    rels = set(rel if isinstance(rel, list) else str(rel).split())
    return bool(rels & _NAV_RELS) or str(tag.get("accesskey", "")).lower() in _NAV_KEYS


def _is_permalink(tag: Tag, text: str) -> bool:
    href = str(tag.get("href", ""))
    return href.startswith("#") and text.strip() in _PERMALINK_SIGNS


def _is_page_link(href: str) -> bool:
    """A link to a page or place of the book, not to a site elsewhere or a file to download."""
    try:
        parts = urlsplit(href)
    except ValueError:  # "https://[x": no address a reader could follow, so no page of the book
        return False
    if parts.scheme or parts.netloc:
        return False
    last = parts.path.rsplit("/", 1)[-1]
    return not last or "." not in last or last.lower().endswith((".html", ".htm", ".xhtml"))


def _stats(root: Tag) -> dict[int, _Stats]:
    """Every element's counts, its descendants' included: strings counted on the way down,
    each element added to its parent on the way back (reversed pre-order: children first)."""
    table: dict[int, _Stats] = {}
    order: list[Tag] = []
    stack = [root]
    while stack:
        tag = stack.pop()
        order.append(tag)
        stats = table[id(tag)] = _Stats()
        for child in tag.contents:
            if isinstance(child, Tag):
                stack.append(child)
            elif type(child) is NavigableString:
                stats.text_chars += _alnum(child)
    for tag in reversed(order):
        stats = table[id(tag)]
        name = tag.name
        if name == "a" and tag.get("href") is not None:
            stats.link_chars = stats.text_chars
            stats.links += 1
            stats.internal &= _is_page_link(str(tag["href"]))
            stats.nav |= _is_nav_link(tag)
        elif name in HEADINGS:
            stats.heading = True
        if tag is not root and tag.parent is not None:
            parent = table[id(tag.parent)]
            parent.text_chars += stats.text_chars
            parent.link_chars += stats.link_chars
            parent.links += stats.links
            parent.internal &= stats.internal
            parent.nav |= stats.nav
            parent.heading |= stats.heading
    return table


def _by_name(tag: Tag) -> bool:
    names = set(tag.get("class") or [])
    if tag.name in LANDMARKS or tag.get("role") in ROLES:
        return True
    if tag.name == "header":  # a landmark, unless it holds the page's or a section's title
        return tag.find(HEADINGS) is None
    if tag.name == "aside":  # complementary, unless it is a footnote, a sidebar or a topic
        return not (
            str(tag.get("role", "")).startswith("doc-") or any(_CONTENT_ASIDE & set(n.split("-")) for n in names)
        )
    return bool(names & CHROME_CLASSES) or tag.get("id") in CHROME_IDS


def _is_chrome(tag: Tag, stats: _Stats) -> bool:
    if _by_name(tag):
        return True
    if tag.name == "a":
        return stats.text_chars <= 2 and _is_permalink(tag, tag.get_text())
    if tag.name not in _CONTAINERS or stats.heading:
        return False
    if stats.nav and stats.text_chars - stats.link_chars <= _NAV_WORDS:
        return True
    return (
        tag.name in _LIST_LIKE
        and stats.links >= 2
        and stats.internal
        and stats.text_chars > 0
        and stats.text_chars - stats.link_chars <= min(_LABEL_CHARS, 0.05 * stats.text_chars)
    )


def strip_chrome(root: Tag) -> None:
    """Remove the page's chrome from ``root`` in place, outermost element first."""
    table = _stats(root)
    doomed: list[Tag] = []
    stack = [child for child in root.contents if isinstance(child, Tag)]
    while stack:
        tag = stack.pop()
        if _is_chrome(tag, table[id(tag)]):
            doomed.append(tag)
        else:
            stack.extend(child for child in tag.contents if isinstance(child, Tag))
    for tag in doomed:
        tag.decompose()
