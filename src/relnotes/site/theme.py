"""What a site needs besides ``mkdocs.yml``, brought by the installed package.

relnotes replaces three of Material's templates (the page's ``lang``, the language selector
that leads to the same page, the sitemap with every page's twins). They live in the package
(``relnotes/theme``), so a docs team's repository needs neither an ``overrides/`` folder nor
a copy of them: the plugin puts them between the team's own ``custom_dir`` (which still wins)
and Material's. Every page is generated, so no ``docs/`` folder is needed either: when the
configured one is missing, an empty one under ``build/`` stands in for it.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import yaml_load

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
EMPTY_DOCS = Path("build", "relnotes", "docs")  # below the folder of mkdocs.yml


class _CompiledTemplates(jinja2.BytecodeCache):
    """Material's templates compiled once per process, not once per language and rebuild.

    Every MkDocs build makes a new Jinja environment, and compiling Material's templates
    took 1.2 s of each language's build. Jinja keys a template by its name and checks its
    source's checksum, so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()
_LISTED: dict[tuple, list[str]] = {}


def _listed(listing, dirs: tuple[str, ...], theme, extensions=None, filter_func=None) -> list[str]:
    """MkDocs lists Material's 14,500 theme files and filters each name at every build; once is enough.

    The filter MkDocs passes depends on the theme's static templates only, so they are in the key.
    """
    key = (dirs, extensions, getattr(filter_func, "__code__", filter_func), tuple(sorted(theme.static_templates)))
    if key not in _LISTED:
        _LISTED[key] = listing(extensions=extensions, filter_func=filter_func)
    return list(_LISTED[key])


def add_templates(config: MkDocsConfig) -> None:
    """Put relnotes' templates right after the team's ``custom_dir`` (or first, without one),
    and keep the compiled templates for the next build in this process."""
    theme = config.theme
    if str(THEME_DIR) not in theme.dirs:  # `mkdocs serve` runs on_config again on the same theme
        theme.dirs.insert(1 if theme.custom_dir else 0, str(THEME_DIR))
    make_env = type(theme).get_env

    def get_env() -> jinja2.Environment:
        env = make_env(theme)
        env.bytecode_cache = _COMPILED
        if not theme.custom_dir:  # only installed folders: their files do not change while this runs
            env.list_templates = functools.partial(_listed, env.list_templates, tuple(theme.dirs), theme)
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


def docs_dir_option(config_file: Path) -> dict[str, str]:
    """``{"docs_dir": <an empty folder>}`` when mkdocs.yml names no existing docs folder, else ``{}``.

    MkDocs refuses a missing ``docs_dir`` before any plugin runs, so this is decided before
    the configuration is loaded. A configuration MkDocs cannot read is left for MkDocs to report.
    """
    try:
        with config_file.open("rb") as handle:
            data = yaml_load(handle)
    except Exception:
        return {}
    configured = data.get("docs_dir", "docs") if isinstance(data, dict) else "docs"
    if not isinstance(configured, str) or (config_file.parent / configured).is_dir():
        return {}
    empty = config_file.parent / EMPTY_DOCS
    empty.mkdir(parents=True, exist_ok=True)
    return {"docs_dir": str(empty)}


def template_files(config: MkDocsConfig, here: Path) -> dict[str, Path]:
    """Every template a language's pages are rendered with besides Material's, named the same on
    every machine: the team's relative to ``here`` (the folder of mkdocs.yml), relnotes' own by package."""
    named = {f"relnotes:theme/{path.relative_to(THEME_DIR)}": path for path in _files(THEME_DIR)}
    if config.theme.custom_dir:
        custom = Path(config.theme.custom_dir)
        named.update({os.path.relpath(path.absolute(), here): path for path in _files(custom)})
    return named


def _files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
