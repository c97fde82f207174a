"""What the preview rebuilds after a save: the saved catalog's language, then every status page.

A save of one language's catalog changes that language's pages and one figure on every
language's status page (and the root's status.json and badges). The language is rebuilt
in full; each other language's status page comes from a build of that language in which
every other page is cut to its title (the status page's navigation shows the titles), so it
costs a fraction of a full build. Anything else saved (a master, a setting, a template)
rebuilds every language.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.exceptions import Abort, PluginError

from relnotes.errors import RelnotesError
from relnotes.locales import LocaleId
from relnotes.project import Project
from relnotes.site.assemble import mkdocs_config, site_content

WATCHED = ("mkdocs.yml", "sources", "locales", "relnotes.toml")

Snapshot = dict[str, tuple[int, int]]


def snapshot(folder: Path, names: tuple[str, ...]) -> Snapshot:
    """Every input file below ``folder`` with its modification time and size.

    Hidden files and backups (an editor's ``.x.po.swp``, ``x.po~``, a writer's ``.x.po.tmp``)
    are no input: their coming and going changes nothing.
    """
    found: Snapshot = {}
    for name in names:
        top = folder / name
        if top.is_file():
            found[name] = _stamp(top)
        for where, _folders, files in os.walk(top, followlinks=True):
            for file in files:
                if not file.startswith(".") and not file.endswith("~"):
                    path = Path(where, file)
                    found[os.path.relpath(path, folder)] = _stamp(path)
    return found


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (0, -1)
    return (info.st_mtime_ns, info.st_size)


def changed_languages(before: Snapshot, after: Snapshot, project: Project) -> list[str] | None:
    """The site languages whose own catalog alone changed ([] if no input did), or None: rebuild all."""
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    if not changed:
        return []
    catalogs = {
        os.path.relpath(project.catalog_path(loc), project.root): loc.posix for loc in _languages(project) or []
    }
    if not catalogs or not changed <= catalogs.keys():
        return None
    return sorted(catalogs[name] for name in changed)


def _languages(project: Project) -> list[LocaleId] | None:
    try:
        return project.languages
    except RelnotesError:
        return None


def refresh_status_pages(
    config_file: Path, site: Path, built: list[str], site_url: str, stop: Callable[[], bool] = lambda: False
) -> None:
    """Every language's status page not in ``built``, and the root's figures, made afresh in ``site``.

    ``site`` holds hard links to the served site: each refreshed file replaces its link
    (``os.replace``), so the served copy is never written to.
    """
    config = mkdocs_config(config_file, None, site_url)
    content = site_content(config_file, config)
    for locale in content.locales:
        if stop():  # superseded by a newer save, which refreshes them again
            return
        if locale.posix in built:  # built in full: its status page, and the root's figures if default, are new
            continue
        with tempfile.TemporaryDirectory(prefix="status-", dir=site.parent) as scratch:
            config = mkdocs_config(config_file, scratch, site_url)
            plugin = config.plugins["relnotes"]
            plugin.config.language = locale.posix
            plugin.preloaded = content
            plugin.status_only = True  # MkDocs keeps one instance of the plugin per process: reset below
            try:
                build(config)
            except (Abort, PluginError) as exc:
                raise RelnotesError(str(config_file), f"the {locale.posix} status page failed: {exc}") from exc
            finally:
                plugin.status_only = False
            target = site / content.prefix(locale)
            wanted = ["status/index.html"]
            if locale == content.default:  # the figures of every language, kept once at the root
                wanted += ["status.json", *(f"badges/{loc.posix}.svg" for loc in content.locales)]
            for name in wanted:
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                os.replace(Path(scratch, name), target / name)


def linked_copy(live: Path, stage: Path) -> None:
    """The served site as hard links: a rebuild replaces files, the served ones stay as they were."""
    shutil.copytree(live, stage, copy_function=os.link, dirs_exist_ok=True)
