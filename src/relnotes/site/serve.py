"""A live preview of every language that rebuilds on every save and never serves a broken site.

A save of one language's catalog rebuilds that language alone (its pages and its status
page, which shows every language's figures); anything else (a master, relnotes.toml,
mkdocs.yml, the team's templates or interface catalogs) rebuilds every language. The other
languages' status pages catch up at the next full rebuild.

Builds go to a temporary folder that is removed when the command ends, however it ends:
Ctrl-C, SIGTERM (the CLI turns it into an exception, so ``finally`` runs) or a failed
first build.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from relnotes.errors import RelnotesError
from relnotes.locales import LocaleId
from relnotes.project import Project
from relnotes.site.publish import build_all, build_languages

log = logging.getLogger("relnotes.site.serve")
WATCHED = ("mkdocs.yml", "sources", "locales", "relnotes.toml")

Snapshot = dict[str, tuple[int, int]]


def snapshot(folder: Path, names: tuple[str, ...]) -> Snapshot:
    """Every input file below ``folder`` with its modification time and size."""
    found: Snapshot = {}
    for name in names:
        top = folder / name
        if top.is_file():
            found[name] = _stamp(top)
        for where, _folders, files in os.walk(top, followlinks=True):
            for file in files:
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
    """The site languages whose own catalog alone changed, or None: rebuild every language."""
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    if not changed:
        return None
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


def serve(
    config_file: str | Path = "mkdocs.yml", host: str = "127.0.0.1", port: int = 8000, *, partial: bool = True
) -> None:
    """Serve every language; rebuild the one whose catalog was saved, or all (``partial=False``: always all).

    Each rebuild goes to a fresh folder and replaces the served one only when it succeeded,
    so a broken ``.po`` is reported (``file:line``) while the last good pages stay served.
    """
    from mkdocs.livereload import LiveReloadServer

    config_file = Path(config_file).resolve()
    folder = config_file.parent
    site_url = f"http://{host}:{port}/"
    work = Path(tempfile.mkdtemp(prefix="relnotes-serve-"))
    live = work / "live"
    seen: Snapshot = {}
    server = None

    def rebuild() -> None:
        nonlocal seen
        now = snapshot(folder, WATCHED)
        languages = changed_languages(seen, now, Project.load(folder)) if partial and live.exists() else None
        stage = Path(tempfile.mkdtemp(prefix="build-", dir=work))
        try:
            if languages is None:
                build_all(config_file, stage, site_url=site_url)
            else:
                shutil.copytree(live.resolve(), stage, copy_function=os.link, dirs_exist_ok=True)
                build_languages(config_file, languages, stage, site_url=site_url)
                log.info("rebuilt %s only (its catalog changed)", ", ".join(languages))
        except RelnotesError as exc:
            log.error("%s (the last good pages stay served)", exc)
            shutil.rmtree(stage, ignore_errors=True)
            return
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        seen = now
        previous = live.resolve() if live.is_symlink() else None
        link = work / "live.new"
        link.unlink(missing_ok=True)
        link.symlink_to(stage)
        os.replace(link, live)  # atomic: a reader sees the old site or the new one
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)

    try:
        rebuild()
        if not live.exists():
            raise RelnotesError(str(config_file), "the first build failed; fix the error above and run again")
        server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(live), polling_interval=0.1)
        config_dir = _custom_dir(config_file)
        for path in [*(folder / name for name in WATCHED), *config_dir]:
            if path.exists():
                server.watch(str(path))
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down")
    finally:
        if server is not None:
            server.shutdown()
        shutil.rmtree(work, ignore_errors=True)


def _custom_dir(config_file: Path) -> list[Path]:
    """The team's own template folder (``theme.custom_dir``), if mkdocs.yml names one."""
    from relnotes.site.assemble import mkdocs_config

    try:
        custom = mkdocs_config(config_file, None).theme.custom_dir
    except RelnotesError:
        return []
    return [Path(custom)] if custom else []
