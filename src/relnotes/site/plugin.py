"""The MkDocs plugin: routes MkDocs events to :mod:`relnotes.site.content`. Nothing else.

One MkDocs build makes one language (``language`` option; default: the master's locale).
``relnotes site build`` runs one build per language from this same ``mkdocs.yml``, which
gives each language Material's interface strings and its own search index.
"""

from __future__ import annotations

import logging
import sys
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from relnotes.errors import RelnotesError
from relnotes.locales import LocaleId
from relnotes.site.content import CSS, STATUS_PAGE, SiteContent
from relnotes.site.theme import add_templates

log = get_plugin_logger(__name__)
ENGLISH = LocaleId("en", None)  # build-log messages name languages in English


class RelnotesConfig(base.Config):
    project = c.Type(str, default=".")  # the relnotes project folder, relative to mkdocs.yml
    language = c.Optional(c.Type(str))  # the site language this build makes


def material_language(locale: LocaleId) -> str:
    """Material's name for a locale's interface language (``pt-BR``, else ``de``; ``en`` if none)."""
    available = resources.files("material").joinpath("templates/partials/languages")
    for name in (locale.bcp47, locale.language):
        if available.joinpath(f"{name}.html").is_file():
            return name
    return "en"


# lunr names that differ from the ISO 639-1 code (Norwegian stemmer for both written forms).
_LUNR_NAMES = {"nb": "no", "nn": "no"}
# Shipped by Material but unusable in a browser: lunr.zh tokenizes with jieba, a Node module.
# Material's own Chinese interface leaves search on its default pipeline, and so do we.
_LUNR_NOT_IN_BROWSER = {"zh"}


def search_language(locale: LocaleId) -> str | None:
    """The lunr language Material ships for a locale's search index, or None (English's).

    Material's language partials name one for only some languages (none for ar, el, he,
    ko) although it ships those; so the files Material ships decide, not its partials.
    Which steps run (stemmer, stop words, trimmer) stays Material's per-language choice.
    """
    code = _LUNR_NAMES.get(locale.language, locale.language)
    if code == "en":
        return "en"  # lunr's own
    if code in _LUNR_NOT_IN_BROWSER:
        return None
    shipped = resources.files("material").joinpath("templates/assets/javascripts/lunr/min")
    return code if shipped.joinpath(f"lunr.{code}.min.js").is_file() else None


def _serve_logger() -> logging.Logger:
    """Outside the ``mkdocs`` logger tree: strict mode would turn a report into an abort."""
    logger = logging.getLogger("relnotes.serve")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    return logger


class RelnotesPlugin(BasePlugin[RelnotesConfig]):
    content: SiteContent
    locale: LocaleId
    site_root: str  # site_url of the whole site, before this build's language prefix
    serving = False
    last_good: SiteContent | None = None
    preloaded: SiteContent | None = None  # set by `relnotes site build`, which reads it once for all languages
    status_only = False  # set by the preview: only the status page is kept, the other pages are cut to their title

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this keeps one plugin instance across `mkdocs serve` rebuilds."""
        self.serving = command == "serve"

    # Before Material's search plugin, which reads theme.language for its stemmer.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").parent / self.config.project
        try:  # catalogs are read here, before MkDocs cleans site_dir: a bad .po keeps the last site
            self.content = self.preloaded or SiteContent.load(root)
            self.locale = (
                self.content.project.locale(self.config.language) if self.config.language else self.content.default
            )
        except RelnotesError as exc:
            if not (self.serving and self.last_good is not None):
                raise PluginError(str(exc)) from exc
            # Under `mkdocs serve`, a failed build would leave every request waiting:
            # say what is wrong, and keep serving pages made from the last good catalogs.
            _serve_logger().error("%s (serving the last good pages until it is fixed)", exc)
            self.content = self.last_good
        self.last_good = self.content
        add_templates(config)
        self._configure(config)
        return config

    def _configure(self, config: MkDocsConfig) -> None:
        """Make this build one language's: interface, direction, search, URLs, selector, navigation."""
        config.theme["language"] = material_language(self.locale)
        if config.theme["language"] == "en" and self.locale.language != "en":
            log.info(f"Material has no interface in {self.locale.display_name(ENGLISH)}: it is shown in English")
        config.theme["direction"] = self.locale.direction  # Material's body dir; also for languages it lacks
        self._configure_search(config)
        self.site_root = (config.site_url or "").rstrip("/") + "/"
        if config.site_url:  # canonical URLs of this language's pages live below its prefix
            config.site_url = self.site_root + self.content.prefix(self.locale)
        base_path = urlsplit(self.site_root).path
        config.extra["relnotes"] = {"lang": self.locale.bcp47, "dir": self.locale.direction}
        config.extra["alternate"] = [
            {
                "name": loc.display_name(),
                "link": base_path + self.content.prefix(loc),
                "lang": loc.bcp47,
                "dir": loc.direction,
            }
            for loc in self.content.locales
        ]
        config.nav = self.content.nav(self.locale)
        config.extra_css.append(CSS)

    def _configure_search(self, config: MkDocsConfig) -> None:
        """Give Material's search the lunr language it ships for this one, unless mkdocs.yml chose one.

        Set here, before Material's search plugin reads it (``on_config`` priority above).
        """
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is None or search.config.get("lang"):
            return
        lang = search_language(self.locale)
        if lang is None:
            name = self.locale.display_name(ENGLISH)
            log.info(f"Material ships no search language for {name}: search uses English's")
        else:
            search.config["lang"] = [lang]

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        generated, missing = self.content.files(self.locale)
        for text in sorted(missing)[:5]:
            log.warning(f"text not in the template (run relnotes update): {text[:60]!r}")
        for uri, body in generated.items():
            if files.get_file_from_path(uri) is not None:  # a theme or docs/ file: never replaced
                raise PluginError(f"{uri}: a generated page or book file would replace the theme's or docs/' file")
            if isinstance(body, Path):  # a published file (an image), copied as it is
                files.append(File.generated(config, uri, abs_src_path=str(body)))
            else:
                files.append(File.generated(config, uri, content=body))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Each page's twins in the other languages, for the selector, hreflang and sitemap.

        Set while pages are read: MkDocs renders sitemap.xml before it renders the pages.
        """
        here = self.content.prefix(self.locale).count("/") + page.url.count("/")
        page.meta["relnotes_alternates"] = [
            {
                "name": loc.display_name(),
                "lang": loc.bcp47,
                "dir": loc.direction,  # an Arabic name in a Portuguese list keeps its own order
                "href": "../" * here + self.content.prefix(loc) + page.url or "./",
                "abs": self.site_root + self.content.prefix(loc) + page.url,
                "current": loc == self.locale,
            }
            for loc in self.content.locales
        ]
        if self.status_only and page.file.src_uri != STATUS_PAGE:
            return markdown.split("\n", 1)[0]  # the title, which the status page's navigation shows
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Pin each page's title as the escaped text MkDocs took from its first heading.

        Material writes ``page.title | striptags`` into ``<title>``, and Jinja's ``striptags``
        unescapes: a heading ``&lt;/title&gt;&lt;script&gt;`` would become markup there.
        ``page.meta.title`` comes first in Material's templates and is written as it is.
        """
        if page.title:
            page.meta["title"] = page.title
        return html

    def on_serve(self, server, config: MkDocsConfig, builder):
        """Rebuild when a writer saves a .po, an override or a master (not only docs/)."""
        project = self.content.project
        for path in (project.locales_dir, project.sources_dir, project.root / "relnotes.toml"):
            if path.exists():
                server.watch(str(path))
        return server
