"""Where a relnotes project keeps things, and which languages it publishes.

Settings live in ``relnotes.toml`` beside ``sources/`` (all optional)::

    domain = "release-notes"        # locales/<domain>.pot
    source_language = "en"          # the language left untranslated in the masters
    languages = ["pt_BR", "en"]     # site languages; default: the masters' locales + source
    glossary = "locales/glossary.txt"  # terms never translated, one a line (the default path)

    [check]                         # the CI gate (relnotes check)
    ignore = ["added-number"]       # checks that do not run
    severity = { fuzzy = "warning" }  # per check: "error" (exit 1) or "warning"

    [site]
    imported_for_review = "edition"  # an imported fuzzy pair shows the edition's text, marked; or "original"

Every locale is validated by Babel before a path is built from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import polib

from relnotes.cache import cached, catalog_code, reader_code
from relnotes.catalog.pofile import read_catalog
from relnotes.catalog.template import TemplateEntry, from_template
from relnotes.errors import CatalogError
from relnotes.locales import LocaleId
from relnotes.model import Document, document_name
from relnotes.read import HTML_SUFFIXES, is_book_folder, locale_from_name, read_document
from relnotes.settings import SETTINGS, read_settings


def _shown(path: Path) -> Path:
    """A path as users should read it in messages: relative to where they stand, if below."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


@dataclass
class Project:
    root: Path
    domain: str = "release-notes"
    source_language: str = "en"
    configured_languages: list[str] = field(default_factory=list)
    detector: str = "langdetect"
    glossary_file: str = "locales/glossary.txt"
    check_ignore: list[str] = field(default_factory=list)
    check_severity: dict[str, str] = field(default_factory=dict)
    imported_for_review: str = "edition"

    @classmethod
    def load(cls, root: str | Path = ".") -> Project:
        root = _shown(Path(root).resolve())
        data = read_settings(root)  # every key checked here, not where it is first used
        return cls(
            root,
            domain=data["domain"],
            source_language=data["source_language"],
            configured_languages=list(data["languages"]),
            detector=data["detector"],
            glossary_file=data["glossary"],
            check_ignore=data["check"]["ignore"],
            check_severity=data["check"]["severity"],
            imported_for_review=data["site"]["imported_for_review"],
        )

    @property
    def sources_dir(self) -> Path:
        return self.root / "sources"

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    @property
    def template_path(self) -> Path:
        return self.locales_dir / f"{self.domain}.pot"

    @property
    def glossary_path(self) -> Path:
        """The writers' list of terms never translated (``glossary`` in relnotes.toml)."""
        return self.root / self.glossary_file

    @property
    def overrides_path(self) -> Path:
        return self.locales_dir / "overrides.toml"

    @property
    def lock_path(self) -> Path:
        """Under build/, which is never committed (in locales/ a team would commit it); made here,
        as the lock is taken right after."""
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        return self.cache_dir / "update.lock"

    def catalog_path(self, locale: LocaleId) -> Path:
        return self.locales_dir / locale.posix / "LC_MESSAGES" / f"{self.domain}.po"

    def source_paths(self) -> list[Path]:
        """The masters: text and HTML files, and book folders (an index.html or index.<lang>.html)."""
        if not self.sources_dir.is_dir():
            raise CatalogError(str(self.sources_dir), "no sources/ folder; put the master documents there")
        paths = sorted(
            p
            for p in self.sources_dir.iterdir()
            if (p.is_file() and (p.suffix == ".txt" or p.suffix.lower() in HTML_SUFFIXES))
            or (p.is_dir() and is_book_folder(p))
        )
        if not paths:
            raise CatalogError(
                str(self.sources_dir), "no master document (*.txt, *.html, or a book folder with index.html)"
            )
        return paths

    @property
    def primary(self) -> str | None:
        """The first master's name when there are several: the others' pages live below their names."""
        paths = self.source_paths()
        return document_name(str(paths[0])) if len(paths) > 1 else None

    @property
    def cache_dir(self) -> Path:
        """Where read masters are kept between commands (``build/`` is never committed)."""
        return self.root / "build" / "relnotes"

    def _read(self, path: Path) -> Document:
        document = cached(path, self.cache_dir, "document", reader_code(), read_document)
        # The tree may have been stored by a command run from another folder: its source is
        # named as this command names it, or images and warnings would point elsewhere.
        return document if document.source == str(path) else replace(document, source=str(path))

    def _catalog(self, path: Path) -> polib.POFile:
        return cached(path, self.cache_dir, "catalog", catalog_code(), read_catalog)

    def documents(self) -> list[Document]:
        return [self._read(path) for path in self.source_paths()]

    def document(self, path: Path) -> Document:
        """One master, from the cache ``update`` filled when its files have not changed since."""
        return self._read(path)

    @cached_property
    def languages(self) -> list[LocaleId]:
        """Site languages, default first: the masters' locales, then the source language."""
        if self.configured_languages:
            values = self.configured_languages
        else:
            # A master's name says its language, else its markup does (``<html lang="pt-BR">``).
            values = [locale_from_name(p) or self._read(p).locale for p in self.source_paths()]
            values.append(self.source_language)
        locales = [LocaleId.parse(v) for v in values]
        return list(dict.fromkeys(locales))

    def template(self) -> list[TemplateEntry]:
        """The template's entries; builds and reports read languages here, never re-detect."""
        if not self.template_path.exists():
            raise CatalogError(str(self.template_path), "no template yet; run relnotes update")
        return from_template(self._catalog(self.template_path))

    def catalog(self, locale: LocaleId) -> polib.POFile | None:
        path = self.catalog_path(locale)
        return self._catalog(path) if path.exists() else None

    def locale(self, value: str) -> LocaleId:
        """A site language named on the command line (validated before any path is built)."""
        locale = LocaleId.parse(value)
        if locale not in self.languages:
            names = ", ".join(loc.posix for loc in self.languages)
            raise CatalogError(str(self.root / SETTINGS), f"{value} is not a site language ({names})")
        return locale

    @property
    def candidates(self) -> list[str]:
        """The detector's languages for the masters: the source language and each master's own.

        Not every site language: with an original and 25 editions, each block's question is
        still "the master's language, or the source language left in?", and asking it among
        26 languages would be slower and confuse neighbours (pt and gl, no and da).
        """
        found = [LocaleId.parse(self.source_language).language]
        for path in self.source_paths():
            name = locale_from_name(path)
            locale = name or self._read(path).locale
            found.append(LocaleId.parse(locale, path=str(path)).language)
        return list(dict.fromkeys(found))
