"""Build every language of the site, or serve a preview that rebuilds on every save.

One Material build per language from the one ``mkdocs.yml`` (the plugin's ``language``
option set for each): each language gets Material's interface strings and a search index
of its own, and the cost grows linearly with the languages. The default language is built
at the site root first (MkDocs cleans its ``site_dir``), the others below it (``en/``).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from relnotes.errors import RelnotesError
from relnotes.site.content import SiteContent

log = logging.getLogger("relnotes.site.publish")


class BuildFailed(RelnotesError):
    """Raised when MkDocs aborts a language's build (the reason was logged by MkDocs)."""


def build_all(
    config_file: str | Path = "mkdocs.yml", site_dir: str | Path | None = None, site_url: str | None = None
) -> list[tuple[str, float]]:
    """Build every language; return each language's build time in seconds.

    ``site_url`` replaces the configured one when the site is served elsewhere (a preview):
    Material maps a page to its other-language twin through the sitemaps' URLs, and sends
    the reader to the language's home page when they do not match where it is served.
    """
    config_file = Path(config_file)
    if not config_file.exists():
        raise RelnotesError(str(config_file), "no such MkDocs configuration; run from the project folder")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner says nothing about this build
    first = _load(config_file, site_dir, site_url)
    content = SiteContent.load(config_file.parent / first.plugins["relnotes"].config.project)
    root = Path(site_dir or first.site_dir)
    timings = []
    for locale in content.locales:
        start = time.perf_counter()
        config = _load(config_file, root / content.prefix(locale), site_url)
        plugin = config.plugins["relnotes"]
        plugin.config.language = locale.posix
        plugin.preloaded = content
        try:
            build(config)
        except Abort as exc:
            cause = exc.__context__
            if isinstance(cause, PluginError) and isinstance(cause.__cause__, RelnotesError):
                raise cause.__cause__ from None  # the bad input itself, with its file:line
            raise BuildFailed(str(config_file), f"the {locale.posix} build failed: {exc}") from exc
        timings.append((locale.posix, time.perf_counter() - start))
    return timings


def _load(config_file: Path, site_dir: str | Path | None, site_url: str | None = None) -> MkDocsConfig:
    try:
        options = {"site_dir": str(site_dir)} if site_dir else {}
        if site_url:
            options["site_url"] = site_url
        return load_config(str(config_file), **options)
    except (ConfigurationError, PluginError) as exc:
        raise RelnotesError(str(config_file), str(exc)) from exc


def serve(config_file: str | Path = "mkdocs.yml", host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve every language; rebuild all when a master, a catalog or the theme changes.

    Each rebuild goes to a fresh folder and replaces the served one only when it succeeded,
    so a broken ``.po`` is reported (``file:line``) while the last good pages stay served.
    """
    from mkdocs.livereload import LiveReloadServer

    config_file = Path(config_file).resolve()
    work = Path(tempfile.mkdtemp(prefix="relnotes-serve-"))
    live = work / "live"

    def rebuild() -> None:
        stage = Path(tempfile.mkdtemp(prefix="build-", dir=work))
        try:
            build_all(config_file, stage, site_url=f"http://{host}:{port}/")
        except RelnotesError as exc:
            log.error("%s (the last good pages stay served)", exc)
            shutil.rmtree(stage, ignore_errors=True)
            return
        previous = live.resolve() if live.is_symlink() else None
        link = work / "live.new"
        link.unlink(missing_ok=True)
        link.symlink_to(stage)
        os.replace(link, live)  # atomic: a reader sees the old site or the new one
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)

    rebuild()
    if not live.exists():
        raise RelnotesError(str(config_file), "the first build failed; fix the error above and run again")
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(live))
    project = config_file.parent
    for path in ("mkdocs.yml", "overrides", "sources", "locales", "relnotes.toml"):
        if (project / path).exists():
            server.watch(str(project / path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down")
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
