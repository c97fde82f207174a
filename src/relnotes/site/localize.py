"""What a language's page shows for each block: the original, its translation, or the
edition's text held for review, with the language and state the page marks it by.

Apart from the page writer because it is the one place that decides what a reader sees
of a catalog (never an ``update`` suggestion, an imported one unless the project says so).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import polib

from relnotes.catalog.importer import COMMENT as IMPORT_COMMENT
from relnotes.catalog.template import TemplateEntry
from relnotes.detect import NEUTRAL
from relnotes.locales import LocaleId
from relnotes.model import Block


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
        imported_for_review: str = "edition",
    ) -> None:
        self.page = page
        self.imported_for_review = imported_for_review
        self.langs = {entry.msgid: entry.lang for entry in template}
        self.msgstrs = {e.msgid: e for e in catalog or [] if not e.obsolete}
        self.bcp47 = {loc.language: loc.bcp47 for loc in reversed(list(site_locales))}
        self.missing: set[str] = set()

    def source_lang(self, msgid: str) -> str:
        """BCP 47 of a text as published (``pt-BR`` for Portuguese in a pt_BR site)."""
        lang = self.langs.get(msgid, "")
        return self.bcp47.get(lang, lang)

    def show(self, block: Block) -> Shown:
        if not block.kind.translatable:
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
                if shows_edition(entry, self.imported_for_review):
                    return Shown(entry.msgstr, self.page.bcp47, "fuzzy")
                return Shown(block.text, self.bcp47.get(lang, lang), "fuzzy")
            return Shown(entry.msgstr, self.page.bcp47, "translated")
        return Shown(block.text, self.bcp47.get(lang, lang), "untranslated")


def shows_edition(entry: polib.POEntry, imported_for_review: str) -> bool:
    """Whether a fuzzy entry shows its msgstr: a translation imported from a published edition, held for review.

    Readers of the published edition read it translated; a site that showed them the
    original instead would take the translation away until someone reviews it. A fuzzy
    entry from ``update`` (the suggestion for a changed source) translates another text
    and is never shown. ``[site] imported_for_review = "original"`` shows the original.
    """
    if imported_for_review != "edition" or entry.previous_msgid:  # #| msgid: update's suggestion since
        return False
    return any(line.startswith(IMPORT_COMMENT) for line in (entry.tcomment or "").splitlines())
