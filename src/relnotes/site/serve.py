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
import threading
from collections.abc import Callable
from pathlib import Path

from relnotes.errors import RelnotesError
from relnotes.project import Project
from relnotes.site.preview import WATCHED, Snapshot, changed_languages, linked_copy, refresh_status_pages, snapshot
from relnotes.site.publish import build_all, build_languages

log = logging.getLogger("relnotes.site.serve")


class _Preview:
    """The served site and how it is rebuilt: in a temporary folder, swapped in whole when good."""

    def __init__(self, config_file: Path, site_url: str, partial: bool) -> None:
        self.config_file = config_file
        self.folder = config_file.parent
        self.site_url = site_url
        self.partial = partial
        # what is read: the project's inputs, and the team's templates (theme.custom_dir) wherever they are
        self.inputs = (*WATCHED, *(os.path.relpath(path, self.folder) for path in _custom_dir(config_file)))
        self.work = Path(tempfile.mkdtemp(prefix="relnotes-serve-"))  # last: close() removes it
        self.live = self.work / "live"
        self.seen: Snapshot = {}
        self.lock = threading.Lock()  # one build at a time: MkDocs counts warnings in a shared logger
        self.superseded = threading.Event()  # a new save: a status refresh still running may stop
        self.refresher: threading.Thread | None = None

    def rebuild(self) -> None:
        """On a save: the saved catalog's language (or every language), then the status pages aside."""
        self.superseded.set()
        with self.lock:
            self.superseded.clear()
            now = snapshot(self.folder, self.inputs)
            languages = self._changed(now) if self.partial and self.live.exists() else None
            if languages == []:
                return  # a temporary or hidden file came and went: nothing relnotes reads changed
            if languages is None:
                if self._attempt(lambda stage: build_all(self.config_file, stage, site_url=self.site_url)):
                    self.seen = now
                return

            def one_language(stage: Path) -> None:
                linked_copy(self.live.resolve(), stage)
                build_languages(self.config_file, languages, stage, site_url=self.site_url)

            if not self._attempt(one_language):
                return
            self.seen = now
        log.info("rebuilt %s (its catalog changed); the status pages follow", ", ".join(languages))
        # Served now, and the browsers reload now: every status page follows, built aside.
        self.refresher = threading.Thread(target=self._refresh_status, args=(languages,), daemon=True)
        self.refresher.start()

    def _changed(self, now: Snapshot) -> list[str] | None:
        try:
            project = Project.load(self.folder)
        except RelnotesError:
            return None  # the full rebuild says what is wrong, in one line
        return changed_languages(self.seen, now, project)

    def _refresh_status(self, built: list[str]) -> None:
        def status_pages(stage: Path) -> None:
            linked_copy(self.live.resolve(), stage)
            refresh_status_pages(self.config_file, stage, built, self.site_url, stop=self.superseded.is_set)

        with self.lock:
            if self.superseded.is_set():
                return
            try:
                self._attempt(status_pages)
            except Exception as exc:  # in a thread, it would otherwise be a traceback
                log.error("the status pages were not refreshed: %s", exc)

    def _attempt(self, make: Callable[[Path], None]) -> bool:
        """Make a site in a fresh folder and serve it, or say why and keep serving the last one."""
        stage = Path(tempfile.mkdtemp(prefix="build-", dir=self.work))
        try:
            make(stage)
        except RelnotesError as exc:
            shutil.rmtree(stage, ignore_errors=True)
            if not self.live.exists():
                raise  # the first build: nothing to keep serving, the command fails with this one line
            log.error("%s (the last good pages stay served)", exc)
            return False
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        previous = self.live.resolve() if self.live.is_symlink() else None
        link = self.work / "live.new"
        link.unlink(missing_ok=True)
        link.symlink_to(stage)
        os.replace(link, self.live)  # atomic: a reader sees the old site or the new one
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)
        return True

    def close(self) -> None:
        self.superseded.set()
        if self.refresher is not None:
            self.refresher.join(timeout=60)
        shutil.rmtree(self.work, ignore_errors=True)


def serve(
    config_file: str | Path = "mkdocs.yml", host: str = "127.0.0.1", port: int = 8000, *, partial: bool = True
) -> None:
    """Serve every language; rebuild the one whose catalog was saved, or all (``partial=False``: always all).

    Each rebuild goes to a fresh folder and replaces the served one only when it succeeded,
    so a broken ``.po`` is reported (``file:line``) while the last good pages stay served.
    """
    from mkdocs.livereload import LiveReloadServer

    config_file = Path(config_file).resolve()
    preview = _Preview(config_file, f"http://{host}:{port}/", partial)
    server = None
    try:
        preview.rebuild()
        server = LiveReloadServer(
            builder=preview.rebuild, host=host, port=port, root=str(preview.live), polling_interval=0.1
        )
        server.build_delay = 0.05  # quiet time after a save before building (MkDocs waits 0.1 s); a save is one write
        for path in (preview.folder / name for name in preview.inputs):
            if path.exists():
                server.watch(str(path))
        try:
            server.serve()
        except OSError as exc:  # the address is taken, or not this machine's
            reason = exc.strerror or exc
            raise RelnotesError(None, f"cannot serve on {host}:{port}: {reason}; choose another -a host:port") from None
    except KeyboardInterrupt:
        log.info("Shutting down")
    finally:
        if server is not None:
            server.shutdown()
        preview.close()


def _custom_dir(config_file: Path) -> list[Path]:
    """The team's own template folder (``theme.custom_dir``), if mkdocs.yml names one."""
    from relnotes.site.assemble import mkdocs_config

    try:
        custom = mkdocs_config(config_file, None).theme.custom_dir
    except RelnotesError:
        return []
    return [Path(custom)] if custom else []
