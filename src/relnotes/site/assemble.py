"""Assemble the languages of a site built one per machine, and say what each was built from.

Each language's folder holds a small marker (``.relnotes-build.json``: its language and a
digest of every input). Assembling checks that every language is there and was built from
the same sources, catalogs, theme and address (a language built from older catalogs would
contradict the others' status pages), then writes what covers them all: the sitemap index.
The configuration helpers live here too, as building and assembling both start from them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from importlib import metadata
from pathlib import Path
from xml.sax.saxutils import escape

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from relnotes.errors import RelnotesError
from relnotes.site.content import SiteContent
from relnotes.site.output import check_site_folder
from relnotes.site.theme import docs_dir_option, template_files

MARKER = ".relnotes-build.json"  # in each language's folder: which inputs it was built from
SITEMAP_INDEX = "sitemap-index.xml"  # written by the assembly: every language's sitemap


def assemble(
    config_file: str | Path = "mkdocs.yml",
    site_dir: str | Path | None = None,
    site_url: str | None = None,
    *,
    content: SiteContent | None = None,
    digest: str | None = None,
) -> Path:
    """Check that every language is in place and built from these inputs; add the shared files.

    Shared: the sitemap index naming every language's sitemap. (``status.json`` and the
    badges cover every language and are built once, with the default language at the root.)
    ``content`` and ``digest`` are what a whole build already read and computed.
    """
    config_file, config = configure(config_file, site_dir, site_url)
    content = content or site_content(config_file, config)
    site = Path(config.site_dir)
    digest = digest or inputs_digest(config_file, config)
    problems = []
    for locale in content.locales:
        marker = site / content.prefix(locale) / MARKER
        if not marker.is_file():
            problems.append(f"{locale.posix} is missing (relnotes site build --language {locale.posix})")
        elif json.loads(marker.read_text(encoding="utf-8")).get("inputs") != digest:
            problems.append(f"{locale.posix} was built from other sources, catalogs, theme or site_url; build it again")
    if problems:
        raise RelnotesError(str(site), "cannot assemble: " + "; ".join(problems))
    if config.site_url:
        root = config.site_url.rstrip("/") + "/"
        entries = "".join(
            f"  <sitemap><loc>{escape(root + content.prefix(loc))}sitemap.xml</loc></sitemap>\n"
            for loc in content.locales
        )
        index = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n'
        )
        (site / SITEMAP_INDEX).write_text(index, encoding="utf-8")
    return site


def inputs_digest(config_file: Path, config: MkDocsConfig) -> str:
    """A digest of everything a language's pages are made from, and of where they are served.

    Languages built on different machines are assembled only when these agree: each status
    page shows every language's figures, so a language built from older catalogs would
    contradict the others.
    """
    root = config_file.parent / config.plugins["relnotes"].config.project
    paths = [config_file, root / "relnotes.toml"]
    for folder in (root / "sources", root / "locales"):  # the templates: template_files() below
        paths += [path for path in walk_files(folder) if path.name != ".lock"]
    versions = " ".join(f"{name} {metadata.version(name)}" for name in ("relnotes", "mkdocs", "mkdocs-material"))
    digest = hashlib.sha256(f"{versions}\0{config.site_url or ''}\0".encode())
    here = config_file.absolute().parent
    named = {os.path.relpath(path.absolute(), here): path for path in paths if path.is_file()}
    named.update(template_files(config, here))
    for name in sorted(named):  # named as in the checkout: the same on every machine
        digest.update(name.encode() + b"\0" + named[name].read_bytes() + b"\0")
    return digest.hexdigest()


def walk_files(folder: Path) -> list[Path]:
    """Every file below a folder, following links (a book in sources/ may be a link to its
    folder, and its files count) but entering each real folder once: a link loop ends there."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for where, folders, names in os.walk(folder, followlinks=True):
        try:
            info = os.stat(where)
        except OSError:
            folders[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            folders[:] = []  # a loop, or the same folder reached twice: its files are counted once
            continue
        seen.add((info.st_dev, info.st_ino))
        found += [Path(where, name) for name in names]
    return found


def configure(config_file: str | Path, site_dir: str | Path | None, site_url: str | None) -> tuple[Path, MkDocsConfig]:
    config_file = Path(config_file)
    if not config_file.exists():
        raise RelnotesError(
            str(config_file), "no such MkDocs configuration; run relnotes init here, or name one with -f"
        )
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner says nothing about this build
    project = config_file.resolve().parent
    if site_dir:  # before MkDocs, whose own complaint about such a folder says less
        check_site_folder(Path(site_dir), project)
    config = mkdocs_config(config_file, site_dir, site_url)
    if "relnotes" not in config.plugins:
        raise RelnotesError(str(config_file), "the relnotes plugin is not used; add `- relnotes` under plugins:")
    check_site_folder(Path(config.site_dir), project)
    return config_file, config


def site_content(config_file: Path, config: MkDocsConfig) -> SiteContent:
    """The master and catalogs as they are now (read once per command, shared by its builds)."""
    return SiteContent.load(config_file.parent / config.plugins["relnotes"].config.project)


def mkdocs_config(config_file: Path, site_dir: str | Path | None, site_url: str | None = None) -> MkDocsConfig:
    """MkDocs' configuration; what MkDocs finds wrong in it (it logs it, then aborts) is one error here."""
    options = docs_dir_option(config_file)
    if site_dir:
        options["site_dir"] = str(site_dir)
    if site_url:
        options["site_url"] = site_url
    found = _Collect()
    logger = logging.getLogger("mkdocs.config")
    logger.addHandler(found)
    try:
        return load_config(str(config_file), **options)
    except (ConfigurationError, PluginError) as exc:
        raise RelnotesError(str(config_file), " ".join(str(exc).split()) + "; fix mkdocs.yml") from exc
    except Abort as exc:
        problems = "; ".join(message.rstrip(".") for message in found.messages) or str(exc)
        if "custom_dir" in problems:  # a mkdocs.yml from before relnotes brought its templates
            todo = "relnotes brings its own templates: remove custom_dir from mkdocs.yml, or create that folder"
        else:
            todo = "fix mkdocs.yml or create what it names"
        raise RelnotesError(str(config_file), f"{problems}; {todo}") from None
    except OSError as exc:  # mkdocs.yml unreadable, a theme folder that cannot be listed
        raise RelnotesError(str(config_file), f"cannot be loaded: {exc.strerror or exc}") from None
    finally:
        logger.removeHandler(found)


class _Collect(logging.Handler):
    """The errors MkDocs logs about a configuration before it aborts with "Aborted with a configuration error"."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(" ".join(record.getMessage().split()))
