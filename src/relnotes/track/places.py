"""Where a text stands, read back from its ``#:`` reference, and where the site shows it.

References are written by :attr:`relnotes.model.Placement.ref` (``virtualization:6.3/ia64/47``,
``virtualization:6.3.4/ia64`` for a group heading, ``virtualization:intro``). The queue, the status
page and the site all derive page and anchor from here, so their links agree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    doc: str
    section: str | None  # "6.3"; None for the chapter title and intro
    arch: str | None  # "ia64", "all"; None outside architecture groups
    item: int | None

    @property
    def page(self) -> str:
        """The site page (without language prefix): an architecture's page, else the overview."""
        return self.arch if self.arch else "index"

    @property
    def anchor(self) -> str | None:
        if self.item is not None:
            return f"item-{self.item}"
        if self.arch and self.section:
            return section_anchor(self.section)
        return None

    @property
    def link(self) -> str:
        """Page-relative URL from the site root of one language: ``ia64/#item-47``."""
        base = page_url(self.page)
        return f"{base}#{self.anchor}" if self.anchor else (base or "./")


def page_url(page: str) -> str:
    """The directory URL MkDocs gives a generated page (``use_directory_urls``)."""
    return "" if page == "index" else f"{page}/"


def section_anchor(section: str) -> str:
    """The anchor of a section's heading on an architecture page: ``section-6-3``."""
    return "section-" + section.replace(".", "-")


def parse_ref(ref: str) -> Place:
    doc, _, where = ref.partition(":")
    parts = where.split("/")
    if len(parts) == 3:
        section, arch, item = parts
        return Place(doc, section, None if arch == "-" else arch, int(item))
    if len(parts) == 2:
        group, arch = parts
        return Place(doc, ".".join(group.split(".")[:2]), arch, None)
    if where in {"title", "intro"}:
        return Place(doc, None, None, None)
    return Place(doc, where, None, None)
