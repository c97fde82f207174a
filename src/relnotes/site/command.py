"""The ``relnotes site`` command: MkDocs' logging made relnotes' own, and one line a language.

Apart from the command line's other commands because it is the only one that runs MkDocs:
its log is filtered (MkDocs logs an error before raising it; relnotes prints it once) and a
build of many languages reports each as it finishes.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from relnotes.errors import RelnotesError
from relnotes.locales import LocaleId
from relnotes.site import assemble, publish, serve, ui


class _NoErrors(logging.Filter):
    """MkDocs logs an error before aborting; relnotes re-raises it and prints it once."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno < logging.ERROR


def _mkdocs_logging(verbose: bool) -> None:
    for name in ("mkdocs", "relnotes"):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        if name == "mkdocs":
            handler.addFilter(_NoErrors())
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO if verbose else logging.WARNING)
        logger.propagate = False


def site_command(args: argparse.Namespace) -> int:
    """``relnotes site build|serve|assemble`` with ``args.config_file`` resolved in the project."""
    _mkdocs_logging(args.verbose or args.action == "serve")
    if args.action == "serve":
        host, _, port = args.dev_addr.rpartition(":")
        if not port.isdigit():
            raise RelnotesError(None, f"--dev-addr {args.dev_addr}: give host:port, like 127.0.0.1:8000")
        serve.serve(args.config_file, host or "127.0.0.1", int(port))
        return 0
    if args.action == "assemble":
        site = assemble.assemble(args.config_file, args.site_dir)
        print(f"assembled {site}")
        return 0
    if args.jobs < 1:
        raise RelnotesError(None, f"--jobs {args.jobs}: give 1 or more")

    def progress(result: publish.LanguageBuild, done: int, total: int) -> None:
        """One line per language as it finishes: a build of 26 languages is not silent."""
        print(f"[{done:>{len(str(total))}}/{total}] {result.describe()}", file=sys.stderr, flush=True)

    start = time.perf_counter()
    if args.language:
        builds = publish.build_languages(
            args.config_file, args.language, args.site_dir, jobs=args.jobs, progress=progress
        )
        then = "; run relnotes site assemble once every language is in place"
    else:
        builds = publish.build_all(args.config_file, args.site_dir, jobs=args.jobs, progress=progress)
        then = ""
    total = sum(b.seconds for b in builds)
    _say_english_interface(args.config_file, [b.locale for b in builds])
    print(
        f"built {len(builds)} language{'s' if len(builds) != 1 else ''} in {time.perf_counter() - start:.2f} s "
        f"({total:.2f} s of builds, {args.jobs} at a time){then}"
    )
    return 0


def _say_english_interface(config_file: str, built: list[str]) -> None:
    """One line naming the languages whose markers and status page are shown in English."""
    project_dir = Path(config_file).parent
    team = project_dir / "locales" / ui.TEAM_FOLDER
    english = [posix for posix in built if not posix.startswith("en") and not ui.sources(LocaleId.parse(posix), team)]
    if english:
        print(
            f"relnotes' interface falls back to English for {', '.join(english)} (add {team}/<ll>.po to translate it)",
            file=sys.stderr,
        )
