"""Everything one language's site holds, computed from the master and the catalogs.

Loaded once per build (the master read, the template and catalogs parsed: no detection,
the recorded languages are used), then asked for each language's files. The MkDocs plugin
only routes these into MkDocs; tests use this module without MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import polib

from relnotes.catalog.template import TemplateEntry
from relnotes.locales import LocaleId
from relnotes.model import Document
from relnotes.project import Project
from relnotes.site.pages import Localizer, PageWriter
from relnotes.site.status import badge_svg, status_json, status_page
from relnotes.site.ui import translations
from relnotes.track import LanguageStatus, language_status
from relnotes.track.worklist import build_queue

CSS = "assets/relnotes.css"


@dataclass
class SiteContent:
    project: Project
    document: Document
    template: list[TemplateEntry]
    catalogs: dict[LocaleId, polib.POFile | None]

    @classmethod
    def load(cls, root: str | Path) -> SiteContent:
        project = Project.load(root)
        documents = project.documents()
        template = project.template()
        catalogs = {locale: project.catalog(locale) for locale in project.languages}
        return cls(project, documents[0], template, catalogs)

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

    def statuses(self) -> list[LanguageStatus]:
        return [language_status(self.template, self.catalogs.get(loc), loc.posix, loc.language) for loc in self.locales]

    def page_names(self, locale: LocaleId) -> list[str]:
        writer = self.writer(locale)
        return ["index", *[arch for arch, _h, _n in writer.arches()], "status"]

    def writer(self, locale: LocaleId) -> PageWriter:
        localizer = Localizer(self.template, self.catalogs.get(locale), locale, self.locales)
        return PageWriter(self.document, localizer, translations(locale))

    def files(self, locale: LocaleId) -> tuple[dict[str, str], set[str]]:
        """Every generated file of one language (URI -> content), and texts missing from the template."""
        writer = self.writer(locale)
        files = {"index.md": writer.overview()}
        for arch, _heading, _count in writer.arches():
            files[f"{arch}.md"] = writer.arch_page(arch)
        statuses = self.statuses()
        here = self.prefix(locale).count("/")
        links = {loc.posix: "../" * (here + 1) + self.prefix(loc) + "status/" for loc in self.locales}
        tasks = build_queue(self.template, self.catalogs.get(locale), locale.language)
        titles = {s.number or "": writer.localizer.show(s.heading).text for s in self.document.sections}
        badges = "../" * (here + 1) + "badges/"  # the site root's: built once, with the default language
        files["status.md"] = status_page(
            statuses, locale, tasks, translations(locale), links, titles, writer.localizer.source_lang, badges
        )
        if locale == self.default:  # cover every language: once, at the site root
            files["status.json"] = status_json(statuses)
            for status in statuses:
                files[f"badges/{status.locale}.svg"] = badge_svg(status.locale, status.placements.coverage)
        files[CSS] = resources.files("relnotes").joinpath("assets/relnotes.css").read_text(encoding="utf-8")
        return files, writer.localizer.missing
