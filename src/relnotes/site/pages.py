"""The pages of one language, as Markdown with HTML blocks: a release-notes chapter's
overview and architecture pages, a book's home and chapter pages.

Pure: a document, the localizer and the UI translations in, page text out. Every text
that comes from a master or a catalog is HTML-escaped (block content is emitted as raw
HTML, which Markdown leaves alone) or backslash-escaped (headings), so a translation can
never inject markup, script or a ``javascript:`` link. Items keep the anchors the queue
and the status page link to (``#item-47``); sections keep ``#section-6-3``.
"""

from __future__ import annotations

import gettext
import html
from collections import defaultdict
from collections.abc import Iterable

from relnotes.locales import LocaleId
from relnotes.model import Block, BlockKind, Document, Item, Link, Section, section_anchor
from relnotes.site import escape
from relnotes.site.blocks import render_blocks
from relnotes.site.links import LinkMap, linkify
from relnotes.site.links import relative as href
from relnotes.site.localize import Localizer, Shown
from relnotes.site.ui import N_, NP_

NOT_TRANSLATED = N_("Not translated yet")
UNDER_REVIEW = N_("Translation under review")
ALSO_LISTED = N_("Also listed under:")
ARCHITECTURES = N_("Architectures")
ALSO_APPLY = N_("The items for all architectures apply here too:")
STATUS_LINK = N_("Translation status of this page's language")
CONTENTS = N_("Contents")
ARCH_ITEMS = NP_("%(count)d item", "%(count)d items")


def twins(document: Document) -> dict[int, list[tuple[str, int]]]:
    """Items published identically under several architectures: item -> [(arch, item)]."""
    groups: dict[tuple, list[tuple[str, int]]] = defaultdict(list)
    for section, group, item in document.items():
        if group.arch:
            groups[(section.key, tuple(b.text for b in item.blocks))].append((group.arch, item.number))
    result = {}
    for places in groups.values():
        for _arch, number in places:
            others = [(a, n) for a, n in places if n != number]
            if others:
                result[number] = others
    return result


class PageWriter:
    """Writes one language's pages of one document; holds what every page of it shares.

    ``prefix`` is where the document's pages live below the language root (``""`` for the
    site's first document); ``links`` maps the document's published cross-references.
    """

    def __init__(
        self,
        document: Document,
        localizer: Localizer,
        ui: gettext.NullTranslations,
        links: LinkMap | None = None,
        prefix: str = "",
    ) -> None:
        self.document = document
        self.up = "../" * prefix.count("/")  # from this document's pages to the language root
        self.localizer = localizer
        self.ui = ui
        self.twins = twins(document)
        self.links = links or LinkMap.of(document)
        self.page = "index"  # the page being written, for relative links
        # The markers' language is their catalog's: English where relnotes has none (ar).
        self.ui_lang = LocaleId.parse(ui.info().get("language") or "en").bcp47

    def _(self, message: str) -> str:
        return self.ui.gettext(message)

    # -- pieces ---------------------------------------------------------------------------
    def _marker(self, shown: Shown) -> str:
        if shown.state == "untranslated":
            return self._(NOT_TRANSLATED)
        if shown.state == "fuzzy":
            return self._(UNDER_REVIEW)
        return ""

    def heading(self, level: int, block: Block, anchor: str | None = None, number: str | None = None) -> str:
        """A Markdown heading; ``number`` is the published one (``3.1.2``), shown before the title."""
        shown = self.localizer.show(block)
        attrs = [f"#{escape.anchor(anchor)}"] if anchor else []
        marker = self._marker(shown)
        if shown.lang and shown.lang != self.localizer.page.bcp47:
            attrs.append(f'lang="{shown.lang}"')
        if marker:
            attrs += [".relnotes-foreign", f'data-marker="{html.escape(marker)}"']
        suffix = " { " + " ".join(attrs) + " }" if attrs else ""
        label = f"{_md_escape(number)}\\. " if number else ""
        return f"{'#' * level} {label}{_md_escape(shown.text)}{suffix}"

    def _link(self, link: Link) -> str | None:
        return self.links.href(link.target, self.page)

    def element(self, block: Block, tag: str, css: str = "") -> tuple[str, str]:
        """One block as an element: escaped, linked, marked and ``lang``-tagged when foreign."""
        shown = self.localizer.show(block)
        text = linkify(shown.text, block.links, self._link)
        anchor = f' id="{html.escape(block.anchor)}"' if block.anchor and block.kind is not BlockKind.HEADING else ""
        if shown.state == "code":
            return f'<pre class="relnotes-code" translate="no"{anchor}><code>{text}</code>', "</pre>"
        lang = f' lang="{shown.lang}"' if shown.lang and shown.lang != self.localizer.page.bcp47 else ""
        marker = self._marker(shown)
        if not marker:
            classes = f' class="{css}"' if css else ""
            return f"<{tag}{classes}{anchor}{lang}>{text}", f"</{tag}>"
        badge = self._badge(shown.state, marker) + " "
        classes = f"{css} relnotes-foreign relnotes-{shown.state}".strip()
        return f'<{tag} class="{classes}"{anchor}>{badge}<span{lang}>{text}</span>', f"</{tag}>"

    def block_html(self, block: Block) -> str:
        start, end = self.element(block, "li" if block.kind is BlockKind.LIST_ITEM else "p")
        return start + end

    def blocks_html(self, blocks: tuple[Block, ...]) -> str:
        return render_blocks(blocks, self.element, self.links.image_url(self.page), self.alt)

    def _badge(self, state: str, marker: str) -> str:
        return (
            f'<span class="relnotes-marker relnotes-marker--{state}" lang="{self.ui_lang}" '
            f"data-search-exclude>{html.escape(marker)}</span>"
        )

    def alt(self, block: Block) -> tuple[str, str, str]:
        """An image's alternative text as this page shows it, its language where not the page's,
        and the marker badge the image is followed by when that text is not translated."""
        shown = self.localizer.show(block)
        marker = self._marker(shown)
        lang = shown.lang if shown.lang and shown.lang != self.localizer.page.bcp47 else ""
        return shown.text, lang, f" {self._badge(shown.state, marker)}" if marker else ""

    def item_html(self, item: Item, page: str) -> str:
        parts = [self.blocks_html(item.blocks)]  # frames, nested lists and figures, as in prose
        if item.number in self.twins:
            links = ", ".join(
                f'<a href="{href(page, arch, f"item-{number}")}">{html.escape(arch)}</a>'
                for arch, number in self.twins[item.number]
            )
            parts.append(f'<p class="relnotes-twins">{html.escape(self._(ALSO_LISTED))} {links}</p>')
        return f'<li id="item-{item.number}" class="relnotes-item">\n' + "\n".join(parts) + "\n</li>"

    def items_html(self, items: Iterable[Item], page: str) -> str:
        body = "\n".join(self.item_html(item, page) for item in items)
        return f'<ul class="relnotes-items">\n{body}\n</ul>'

    def section_html(self, section: Section, level: int, *, arch_groups: bool) -> list[str]:
        """A section and everything below it; items of architecture groups only if asked."""
        items = [i for g in section.groups if arch_groups or g.arch is None for i in g.items]
        below = [
            part for child in section.sections for part in self.section_html(child, level + 1, arch_groups=arch_groups)
        ]
        if level > 1 and not (section.blocks or items or below or self.document.is_book):
            return []  # a release-notes group heading left empty; a book keeps every title and its anchor
        anchor = section.heading.anchor or section_anchor(section.key)
        lines = [self.heading(min(level, 6), section.heading, anchor, section.number), ""]
        if section.blocks:
            lines += [self.blocks_html(section.blocks), ""]
        if items:
            lines += [self.items_html(items, self.page), ""]
        return lines + below

    # -- release-notes pages --------------------------------------------------------------
    def arches(self) -> list[tuple[str, Block, int]]:
        """Each architecture with its heading and item count, in order of first appearance."""
        found: dict[str, tuple[Block, int]] = {}
        for chapter in self.document.chapters:
            for _depth, section in chapter.walk():
                for group in section.groups:
                    if group.arch and group.heading:
                        heading, count = found.get(group.arch, (group.heading, 0))
                        found[group.arch] = (heading, count + len(group.items))
        return [(arch, heading, count) for arch, (heading, count) in found.items()]

    def overview(self) -> str:
        self.page = "index"
        doc = self.document
        lines = [self.heading(1, doc.heading, None, doc.number), ""]
        lines += [f'<div class="relnotes-intro">\n{self.block_html(b)}\n</div>\n' for b in doc.intro]
        for section in doc.sections:
            lines += self.section_html(section, 2, arch_groups=False)
        lines += self._arch_index("index")
        lines += [
            f'<p class="relnotes-status-link"><a href="{self.up}{href("index", "status")}">'
            f"{html.escape(self._(STATUS_LINK))}</a></p>",
            "",
        ]
        return "\n".join(lines)

    def _arch_index(self, page: str) -> list[str]:
        arches = self.arches()
        if not arches:
            return []
        lines = [f"## {_md_escape(self._(ARCHITECTURES))} {{ #architectures }}", ""]
        for arch, heading, count in arches:
            shown = self.localizer.show(heading)
            label = self.ui.ngettext(*ARCH_ITEMS, count) % {"count": count}
            lines.append(f'- <a href="{href(page, arch)}">{html.escape(shown.text)}</a> ({html.escape(label)})')
        return [*lines, ""]

    def arch_page(self, arch: str) -> str:
        self.page = arch
        heading = next(h for a, h, _ in self.arches() if a == arch)
        lines = [self.heading(1, heading), ""]
        sections = [s for c in self.document.chapters for _d, s in c.walk()]
        if arch != "all" and any(a == "all" for a, _, _ in self.arches()):
            links = ", ".join(
                f'<a href="{href(arch, "all", section_anchor(s.key))}">'
                f"{html.escape(self.localizer.show(s.heading).text)}</a>"
                for s in sections
                if any(g.arch == "all" for g in s.groups)
            )
            lines += [f'<p class="relnotes-also-all">{html.escape(self._(ALSO_APPLY))} {links}</p>', ""]
        for section in sections:
            items = [i for g in section.groups if g.arch == arch for i in g.items]
            if not items:
                continue
            lines += [self.heading(2, section.heading, section_anchor(section.key), section.number), ""]
            lines += [self.items_html(items, arch), ""]
        return "\n".join(lines)

    # -- book pages -----------------------------------------------------------------------
    def chapter_pages(self) -> list[tuple[str, Section]]:
        """A book's chapters with their pages; its title page (``index``) comes first."""
        return self.document.slugs()

    def chapter_page(self, slug: str, chapter: Section) -> str:
        self.page = slug
        lines = self.section_html(chapter, 1, arch_groups=True)
        if slug == "index":
            lines += [f"## {_md_escape(self._(CONTENTS))} {{ #contents }}", ""]
            for other, section in self.chapter_pages():
                if other != "index":
                    shown = self.localizer.show(section.heading)
                    number = f"{html.escape(section.number)}. " if section.number else ""
                    lines.append(f'- {number}<a href="{href(slug, other)}">{html.escape(shown.text)}</a>')
            lines.append("")
            lines += self._arch_index(slug)
            lines += [
                f'<p class="relnotes-status-link"><a href="{self.up}{href(slug, "status")}">'
                f"{html.escape(self._(STATUS_LINK))}</a></p>",
                "",
            ]
        return "\n".join(lines)


def _md_escape(text: str) -> str:
    return escape.heading(text)
