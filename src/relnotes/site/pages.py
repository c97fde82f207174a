"""The overview and architecture pages of one language, as Markdown with HTML blocks.

Pure: a document, the localizer and the UI translations in, page text out. Every text
that comes from a master or a catalog is HTML-escaped (block content is emitted as raw
HTML, which Markdown leaves alone) or backslash-escaped (headings), so a translation can
never inject markup, script or a ``javascript:`` link. Items keep the anchors the queue
and the status page link to (``#item-47``); sections keep ``#section-6-3``.
"""

from __future__ import annotations

import gettext
import html
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import polib

from relnotes.catalog.template import TemplateEntry
from relnotes.detect import NEUTRAL
from relnotes.locales import LocaleId
from relnotes.model import Block, BlockKind, Document, Group, Item
from relnotes.site.ui import N_, NP_
from relnotes.track.places import page_url, section_anchor

NOT_TRANSLATED = N_("Not translated yet")
UNDER_REVIEW = N_("Translation under review")
ALSO_LISTED = N_("Also listed under:")
ARCHITECTURES = N_("Architectures")
ALSO_APPLY = N_("The items for all architectures apply here too:")
STATUS_LINK = N_("Translation status of this page's language")
ARCH_ITEMS = NP_("%(count)d item", "%(count)d items")

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")


@dataclass(frozen=True, slots=True)
class Shown:
    """A block as a page shows it: which text, in which language, in which state."""

    text: str
    lang: str  # BCP 47 of the text as shown
    state: str  # native | neutral | translated | fuzzy | untranslated | code


class Localizer:
    """Resolve each block to the text one language's page shows (never a fuzzy msgstr)."""

    def __init__(
        self,
        template: Iterable[TemplateEntry],
        catalog: polib.POFile | None,
        page: LocaleId,
        site_locales: Iterable[LocaleId],
    ) -> None:
        self.page = page
        self.langs = {entry.msgid: entry.lang for entry in template}
        self.msgstrs = {e.msgid: e for e in catalog or [] if not e.obsolete}
        self.bcp47 = {loc.language: loc.bcp47 for loc in reversed(list(site_locales))}
        self.missing: set[str] = set()

    def source_lang(self, msgid: str) -> str:
        """BCP 47 of a text as published (``pt-BR`` for Portuguese in a pt_BR site)."""
        lang = self.langs.get(msgid, "")
        return self.bcp47.get(lang, lang)

    def show(self, block: Block) -> Shown:
        if block.kind is BlockKind.CODE:
            return Shown(block.text, "", "code")
        lang = self.langs.get(block.text)
        if lang is None:
            self.missing.add(block.text)
            return Shown(block.text, "", "untranslated")
        if lang == NEUTRAL:
            return Shown(block.text, "zxx", "neutral")
        if lang == self.page.language:
            return Shown(block.text, self.page.bcp47, "native")
        entry = self.msgstrs.get(block.text)
        if entry is not None and entry.msgstr:
            if "fuzzy" in entry.flags:
                return Shown(block.text, self.bcp47.get(lang, lang), "fuzzy")
            return Shown(entry.msgstr, self.page.bcp47, "translated")
        return Shown(block.text, self.bcp47.get(lang, lang), "untranslated")


def twins(document: Document) -> dict[int, list[tuple[str, int]]]:
    """Items published identically under several architectures: item -> [(arch, item)]."""
    groups: dict[tuple, list[tuple[str, int]]] = defaultdict(list)
    for section, group, item in document.items():
        if group.arch:
            groups[(section.number, tuple(b.text for b in item.blocks))].append((group.arch, item.number))
    result = {}
    for places in groups.values():
        for _arch, number in places:
            others = [(a, n) for a, n in places if n != number]
            if others:
                result[number] = others
    return result


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link between two pages of the same language."""
    up = "../" * page_url(from_page).count("/")
    target = up + page_url(to_page)
    return f"{target or './'}#{anchor}" if anchor else (target or "./")


class PageWriter:
    """Writes one language's pages; holds what every page of that language shares."""

    def __init__(self, document: Document, localizer: Localizer, ui: gettext.NullTranslations) -> None:
        self.document = document
        self.localizer = localizer
        self.ui = ui
        self.twins = twins(document)
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

    def heading(self, level: int, block: Block, anchor: str | None = None) -> str:
        shown = self.localizer.show(block)
        attrs = [f"#{anchor}"] if anchor else []
        marker = self._marker(shown)
        if shown.lang and shown.lang != self.localizer.page.bcp47:
            attrs.append(f'lang="{shown.lang}"')
        if marker:
            attrs += [".relnotes-foreign", f'data-marker="{html.escape(marker)}"']
        suffix = " { " + " ".join(attrs) + " }" if attrs else ""
        return f"{'#' * level} {_md_escape(shown.text)}{suffix}"

    def block_html(self, block: Block) -> str:
        shown = self.localizer.show(block)
        text = html.escape(shown.text)
        if shown.state == "code":
            return f'<pre class="relnotes-code" translate="no"><code>{text}</code></pre>'
        lang = f' lang="{shown.lang}"' if shown.lang and shown.lang != self.localizer.page.bcp47 else ""
        marker = self._marker(shown)
        tag = "li" if block.kind is BlockKind.LIST_ITEM else "p"
        if not marker:
            return f"<{tag}{lang}>{text}</{tag}>"
        badge = (
            f'<span class="relnotes-marker relnotes-marker--{shown.state}" lang="{self.ui_lang}" '
            f"data-search-exclude>{html.escape(marker)}</span> "
        )
        return f'<{tag} class="relnotes-foreign relnotes-{shown.state}">{badge}<span{lang}>{text}</span></{tag}>'

    def item_html(self, item: Item, page: str) -> str:
        parts, in_list = [], False
        for block in item.blocks:
            if block.kind is BlockKind.LIST_ITEM and not in_list:
                parts.append("<ul>")
                in_list = True
            elif block.kind is not BlockKind.LIST_ITEM and in_list:
                parts.append("</ul>")
                in_list = False
            parts.append(self.block_html(block))
        if in_list:
            parts.append("</ul>")
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

    # -- pages ----------------------------------------------------------------------------
    def arches(self) -> list[tuple[str, Block, int]]:
        """Each architecture with its heading and item count, in order of first appearance."""
        found: dict[str, tuple[Block, int]] = {}
        for section in self.document.sections:
            for group in section.groups:
                if group.arch and group.heading:
                    heading, count = found.get(group.arch, (group.heading, 0))
                    found[group.arch] = (heading, count + len(group.items))
        return [(arch, heading, count) for arch, (heading, count) in found.items()]

    def overview(self) -> str:
        doc = self.document
        lines = [self.heading(1, doc.heading), ""]
        lines += [f'<div class="relnotes-intro">\n{self.block_html(b)}\n</div>\n' for b in doc.intro]
        for section in doc.sections:
            loose = [g for g in section.groups if g.arch is None]
            if loose:
                lines += [self.heading(2, section.heading, section_anchor(section.number or "")), ""]
                lines += [self.items_html((i for g in loose for i in g.items), "index"), ""]
        lines += [f"## {_md_escape(self._(ARCHITECTURES))} {{ #architectures }}", ""]
        for arch, heading, count in self.arches():
            shown = self.localizer.show(heading)
            label = self.ui.ngettext(*ARCH_ITEMS, count) % {"count": count}
            lines.append(f'- <a href="{href("index", arch)}">{html.escape(shown.text)}</a> ({html.escape(label)})')
        lines += [
            "",
            f'<p class="relnotes-status-link"><a href="{href("index", "status")}">'
            f"{html.escape(self._(STATUS_LINK))}</a></p>",
            "",
        ]
        return "\n".join(lines)

    def arch_page(self, arch: str) -> str:
        heading = next(h for a, h, _ in self.arches() if a == arch)
        lines = [self.heading(1, heading), ""]
        if arch != "all" and any(a == "all" for a, _, _ in self.arches()):
            links = ", ".join(
                f'<a href="{href(arch, "all", section_anchor(s.number or ""))}">'
                f"{html.escape(self.localizer.show(s.heading).text)}</a>"
                for s in self.document.sections
                if any(g.arch == "all" for g in s.groups)
            )
            lines += [f'<p class="relnotes-also-all">{html.escape(self._(ALSO_APPLY))} {links}</p>', ""]
        for section in self.document.sections:
            groups: list[Group] = [g for g in section.groups if g.arch == arch]
            if not groups:
                continue
            lines += [self.heading(2, section.heading, section_anchor(section.number or "")), ""]
            lines += [self.items_html((i for g in groups for i in g.items), arch), ""]
        return "\n".join(lines)


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
