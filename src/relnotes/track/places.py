"""Where a text stands, read back from its ``#:`` reference, and where the site shows it.

References are written by :meth:`relnotes.model.Document.placements`. A release-notes
chapter's read ``virtualization:6.3/ia64/47`` (an item), ``virtualization:6.3.4/ia64`` (a
group heading), ``virtualization:6.3`` (a section heading), ``virtualization:intro``; a
book's name its chapter page and section id: ``handbook:apt#sect.apt-get`` (a heading),
``handbook:apt#sect.apt-get/3`` (the section's fourth block), ``…#sect.x/x86/12`` (an
item). The queue, the status page and the site all derive page and anchor from here, so
their links agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from relnotes.model import section_anchor


@dataclass(frozen=True, slots=True)
class Place:
    doc: str
    section: str | None  # "6.3", a book's chapter page ("apt"); None for the chapter title and intro
    arch: str | None  # "ia64", "all"; None outside architecture groups
    item: int | None
    chapter: str | None = None  # a book's chapter page; None in a release-notes chapter
    fragment: str | None = None  # the section's anchor on that page

    @property
    def page(self) -> str:
        """The site page (without language prefix): an architecture's page, else the chapter's."""
        if self.arch:
            return self.arch
        return self.chapter or "index"

    @property
    def anchor(self) -> str | None:
        if self.item is not None:
            return f"item-{self.item}"
        if self.fragment:
            return self.fragment
        if self.arch and self.section:
            return section_anchor(self.section)
        return None

    def link(self, primary: str | None = None) -> str:
        """URL from the site root of one language: ``ia64/#item-47``.

        A site publishing several documents puts every one but the ``primary`` (the first)
        below a folder of its name.
        """
        base = page_url(self.page)
        if primary is not None and self.doc != primary:
            base = f"{self.doc}/{base}"
        return f"{base}#{self.anchor}" if self.anchor else (base or "./")


def page_url(page: str) -> str:
    """The directory URL MkDocs gives a generated page (``use_directory_urls``)."""
    if page == "index":
        return ""
    if page.endswith("/index"):
        return page[: -len("index")]
    return f"{page}/"


def parse_ref(ref: str) -> Place:
    doc, _, where = ref.partition(":")
    if "#" in where:
        chapter, _, fragment = where.partition("#")
        parts = fragment.split("/")
        section = chapter if chapter != "index" else None
        if len(parts) == 3:
            arch = None if parts[1] == "-" else parts[1]
            return Place(doc, section, arch, int(parts[2]), chapter, parts[0])
        return Place(doc, section, None, None, chapter, parts[0] or None)
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
