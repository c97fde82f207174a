"""Everything one language's site holds, computed from the master and the catalogs.

Loaded once per build (the master read, the template and catalogs parsed: no detection,
the recorded languages are used), then asked for each language's files. The MkDocs plugin
only routes these into MkDocs; tests use this module without MkDocs.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

import polib

from relnotes.catalog.template import TemplateEntry
from relnotes.locales import LocaleId
from relnotes.model import Document
from relnotes.project import Project
from relnotes.site import escape
from relnotes.site.bookfiles import published_files
from relnotes.site.links import LinkMap
from relnotes.site.localize import Localizer
from relnotes.site.pages import PageWriter
from relnotes.site.progress import Counter, book_progress
from relnotes.site.status import badge_svg, status_json, status_page
from relnotes.site.ui import TEAM_FOLDER, translations
from relnotes.track import LanguageStatus, language_status
from relnotes.track.worklist import build_queue

CSS = "assets/relnotes.css"
STATUS_PAGE = "status.md"  # every language has one, showing every language's figures


@dataclass
class SiteContent:
    project: Project
    documents: list[Document]
    template: list[TemplateEntry]
    catalogs: dict[LocaleId, polib.POFile | None]
    _links: dict[str, LinkMap] = field(default_factory=dict)
    _writers: dict[LocaleId, list[tuple[str, PageWriter]]] = field(default_factory=dict)
    _book_files: dict[str, dict[str, Path]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: str | Path) -> SiteContent:
        project = Project.load(root)
        documents = project.documents()
        template = project.template()
        catalogs = {locale: project.catalog(locale) for locale in project.languages}
        return cls(project, documents, template, catalogs)

    @property
    def document(self) -> Document:
        """The first master: its locale is the site's default language, its pages the root's."""
        return self.documents[0]

    @property
    def default(self) -> LocaleId:
        """The master's locale: the site's default language, served from the root."""
        return LocaleId.parse(self.document.locale)

    @property
    def locales(self) -> list[LocaleId]:
        languages = self.project.languages
        return [self.default, *[loc for loc in languages if loc != self.default]]

    def prefix(self, locale: LocaleId) -> str:
        """Where a language lives below the site root: ``""`` for the default, ``en/``."""
        return "" if locale == self.default else f"{locale.bcp47.lower()}/"

    def doc_prefix(self, document: Document) -> str:
        """Where a document's pages live below a language's root: the first at the root."""
        return "" if document is self.document else f"{document.name}/"

    def book_files(self, document: Document) -> dict[str, Path]:
        """The document's own files the site publishes (checked, and warned about, once a build)."""
        if document.source not in self._book_files:
            self._book_files[document.source] = published_files(document)
        return self._book_files[document.source]

    @cached_property
    def counter(self) -> Counter:
        """Every book section's blocks counted in every language, once for all status pages."""
        return Counter(self.template, self.catalogs)

    @cached_property
    def statuses(self) -> list[LanguageStatus]:
        """Every language's figures: computed once, shown on every language's status page."""
        return [language_status(self.template, self.catalogs.get(loc), loc.posix, loc.language) for loc in self.locales]

    @property
    def ui_dir(self) -> Path:
        """The team's own interface catalogs (``locales/relnotes-ui/<ll>.po``), read before relnotes' own."""
        return self.project.locales_dir / TEAM_FOLDER

    def ui(self, locale: LocaleId) -> gettext.NullTranslations:
        """relnotes' interface strings in a language: the team's catalog, relnotes' own, then English."""
        return translations(locale, self.ui_dir)

    def writers(self, locale: LocaleId) -> list[tuple[str, PageWriter]]:
        """A page writer per document, with the folder its pages go to (made once per language)."""
        if locale not in self._writers:
            self._writers[locale] = self._make_writers(locale)
        return self._writers[locale]

    def _make_writers(self, locale: LocaleId) -> list[tuple[str, PageWriter]]:
        review = self.project.imported_for_review
        localizer = Localizer(self.template, self.catalogs.get(locale), locale, self.locales, review)
        ui = self.ui(locale)
        writers = []
        for document in self.documents:
            links = self._links.setdefault(document.source, LinkMap.of(document))
            prefix = self.doc_prefix(document)
            writers.append((prefix, PageWriter(document, localizer, ui, links, prefix)))
        return writers

    @staticmethod
    def _pages(writer: PageWriter) -> list[str]:
        arches = [arch for arch, _h, _n in writer.arches()]
        if writer.document.is_book:
            return [slug for slug, _c in writer.chapter_pages()] + arches
        return ["index", *arches]

    def nav(self, locale: LocaleId) -> list:
        """Material's navigation: each document's pages (by chapter for a book), then the status page."""
        writers = self.writers(locale)
        if len(writers) == 1:
            return [*(f"{name}.md" for name in self._pages(writers[0][1])), STATUS_PAGE]
        nav: list = []
        for prefix, writer in writers:
            title = escape.nav_title(writer.localizer.show(writer.document.heading).text)
            nav.append({title: [f"{prefix}{name}.md" for name in self._pages(writer)]})
        return [*nav, STATUS_PAGE]

    def files(self, locale: LocaleId) -> tuple[dict[str, str | Path], set[str]]:
        """Every generated file of one language (URI -> content, or the published file to copy),
        and the texts missing from the template."""
        files: dict[str, str | Path] = {}
        titles: dict[str, str] = {}
        writers = self.writers(locale)
        for prefix, writer in writers:
            document = writer.document
            if document.is_book:
                for slug, chapter in writer.chapter_pages():
                    files[f"{prefix}{slug}.md"] = writer.chapter_page(slug, chapter)
                    titles[slug] = writer.localizer.show(chapter.heading).text
            else:
                files[f"{prefix}index.md"] = writer.overview()
                titles.update({s.key: writer.localizer.show(s.heading).text for s in document.sections})
            for arch, _heading, _count in writer.arches():
                files[f"{prefix}{arch}.md"] = writer.arch_page(arch)
            for uri, source in self.book_files(document).items():
                files[f"{prefix}{uri}"] = source
        statuses = self.statuses
        here = self.prefix(locale).count("/")
        links = {loc.posix: "../" * (here + 1) + self.prefix(loc) + "status/" for loc in self.locales}
        tasks = build_queue(self.template, self.catalogs.get(locale), locale.language, self.project.primary)
        localizer = writers[0][1].localizer
        badges = "../" * (here + 1) + "badges/"  # the site root's: built once, with the default language
        books = [
            book_progress(writer.document, prefix, self.counter, lambda block, w=writer: w.localizer.show(block).text)
            for prefix, writer in writers
            if writer.document.is_book
        ]
        places = any(not writer.document.is_book for _prefix, writer in writers)
        files[STATUS_PAGE] = status_page(
            statuses, locale, tasks, self.ui(locale), links, titles, localizer.source_lang, badges, books, places
        )
        if locale == self.default:  # cover every language: once, at the site root
            files["status.json"] = status_json(statuses)
            for status in statuses:
                files[f"badges/{status.locale}.svg"] = badge_svg(status.locale, status.placements.coverage)
        files[CSS] = resources.files("relnotes").joinpath("assets/relnotes.css").read_text(encoding="utf-8")
        return files, localizer.missing
