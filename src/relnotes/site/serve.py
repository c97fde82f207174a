"""A live preview of every language that rebuilds on every save and never serves a broken site."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from relnotes.errors import RelnotesError
from relnotes.site.publish import build_all

log = logging.getLogger("relnotes.site.serve")


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
    except OSError as exc:  # the address is taken, or not this machine's
        reason = exc.strerror or exc
        raise RelnotesError(None, f"cannot serve on {host}:{port}: {reason}; choose another -a host:port") from None
    except KeyboardInterrupt:
        log.info("Shutting down")
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
