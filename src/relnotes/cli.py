"""The ``relnotes`` command: argument parsing, printing, exit codes. Nothing else.

Exit codes: 0 ok, 1 a check failed, 2 bad input or usage. Bad input is one line in
compiler style (``path:line: message``), never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import time
from collections.abc import Sequence

from relnotes.catalog.importer import import_edition
from relnotes.catalog.update import stale, update
from relnotes.detect import BACKENDS, LanguageDetector
from relnotes.detect.glossary import load_glossary
from relnotes.detect.overrides import load_overrides, save_overrides
from relnotes.errors import RelnotesError
from relnotes.locales import LocaleId
from relnotes.project import Project
from relnotes.read import read_document
from relnotes.read.lint import source_warnings
from relnotes.show import clip, inspect_json, inspect_tree
from relnotes.site import assemble, publish, serve
from relnotes.track import LanguageStatus, language_status, status_table
from relnotes.track.check import REGISTRY, gather, run_checks
from relnotes.track.exchange import export_work, import_work
from relnotes.track.worklist import build_queue

DEFAULT_OVERRIDES = "locales/overrides.toml"
DEFAULT_GLOSSARY = "locales/glossary.txt"  # as update and check read it: the same decisions


def _cmd_inspect(args: argparse.Namespace) -> int:
    document = read_document(args.path, locale=args.locale, encoding=args.encoding)
    page = LocaleId.parse(document.locale)
    source = LocaleId.parse(args.source_lang)
    detector = LanguageDetector(
        [page.language, source.language],
        backend=args.detector,
        overrides=load_overrides(args.overrides),
        glossary=load_glossary(args.glossary),
    )
    decisions = detector.decide(document)
    warnings = source_warnings(document)
    if args.json:
        for warning in warnings:
            print(f"{warning.where(document.source)}: warning: {warning.message}", file=sys.stderr)
        print(inspect_json(document, decisions))
    else:
        print(inspect_tree(document, decisions, warnings))
    return 0


def _cmd_override(args: argparse.Namespace) -> int:
    overrides = load_overrides(args.file)
    if args.lang == "auto":
        if overrides.pop(args.text, None) is None:
            print(f"{args.file}: no override for that text", file=sys.stderr)
            return 2
    else:
        lang = "zxx" if args.lang == "zxx" else LocaleId.parse(args.lang).language
        overrides[args.text] = lang
    save_overrides(args.file, overrides)
    print(f"{args.file}: {len(overrides)} override(s)")
    return 0


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _cmd_update(args: argparse.Namespace) -> int:
    project = Project.load(args.root)
    if args.check:
        behind = stale(project)
        for path in behind:
            print(f"{path}: out of date with sources/; run relnotes update")
        return 1 if behind else 0
    written = update(project, say=_say, wait=args.wait)
    for document in project.documents():  # what the reader left out of a master, one line each
        for page, line, message in document.problems:
            where = f"{document.source.rstrip('/')}/{page}" if page else document.source
            print(f"{where}{f':{line}' if line else ''}: warning: {message}", file=sys.stderr)
    for path in written:
        print(f"wrote {path}")
    if not written:
        print("catalogs up to date")
    return 0


def _progress(label: str, done: int, total: int) -> None:
    """One line redrawn in place, on a terminal only (logs and pipes get the summary alone)."""
    print(f"\r{label}: {done}/{total}", end="\n" if done >= total else "", file=sys.stderr, flush=True)


def _cmd_import(args: argparse.Namespace) -> int:
    project = Project.load(args.root)
    progress = _progress if sys.stderr.isatty() else None
    report = import_edition(project, args.path, args.locale, args.master, say=_say, progress=progress)
    print("\n".join(report.lines()))
    return 1 if report.conflicts else 0


def _statuses(project: Project, only: str | None) -> dict[LocaleId, LanguageStatus]:
    template = project.template()
    chosen = [project.locale(only)] if only else project.languages
    return {loc: language_status(template, project.catalog(loc), loc.posix, loc.language) for loc in chosen}


def _cmd_status(args: argparse.Namespace) -> int:
    statuses = _statuses(Project.load(args.root), args.lang)
    if args.json:
        print(json.dumps({"languages": [s.as_dict() for s in statuses.values()]}, ensure_ascii=False, indent=2))
    else:
        print(status_table(list(statuses.values())), end="")
    return 0


def _cmd_queue(args: argparse.Namespace) -> int:
    project = Project.load(args.root)
    if args.lang == "import":
        if not args.file:
            raise RelnotesError(None, "usage: relnotes queue import FILE.po")
        report = import_work(project, args.file, say=_say)
        print("\n".join(report.lines(args.file)))
        return 1 if report.conflicts else 0
    locale = project.locale(args.lang)
    if args.export:
        tasks = export_work(project, locale, args.export)
        print(f"wrote {args.export}: {len(tasks)} entries ({sum(t.placements for t in tasks)} placements)")
        return 0
    tasks = build_queue(project.template(), project.catalog(locale), locale.language, project.primary)
    if args.json:
        print(json.dumps({"locale": locale.posix, "queue": [t.as_dict() for t in tasks]}, ensure_ascii=False, indent=2))
        return 0
    for number, task in enumerate(tasks, 1):
        print(f"{number:>3}. [{task.state}] x{task.placements}  {clip(task.msgid, 70)}")
        print(f"       at {', '.join(str(p['link']) for p in task.places)}")
        if task.suggestion:
            print(f"       suggestion: {clip(task.suggestion, 70)}")
    print(f"{len(tasks)} entries, {sum(t.placements for t in tasks)} placements to translate into {locale.posix}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    if args.list:
        width = max(len(name) for name, _severity, _function in REGISTRY) + 2
        for name, severity, function in REGISTRY:
            print(f"{name:<{width}}{severity:<9}{(function.__doc__ or '').strip().splitlines()[0]}")
        return 0
    project = Project.load(args.root)
    thresholds = {}
    for spec in args.min_coverage:
        lang, _, pct = spec.partition("=")
        try:
            thresholds[project.locale(lang).posix] = float(pct)
        except ValueError:
            raise RelnotesError(None, f"--min-coverage {spec!r}: expected LANG=PCT, like pt_BR=80") from None
    problems = run_checks(gather(project, thresholds))
    errors = sum(p.severity == "error" for p in problems)
    if args.json:
        summary = {"errors": errors, "warnings": len(problems) - errors, "problems": [p.as_dict() for p in problems]}
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem)
        print(f"{errors} error(s), {len(problems) - errors} warning(s)")
    return 1 if errors else 0


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


def _cmd_site(args: argparse.Namespace) -> int:
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
    print(
        f"built {len(builds)} language{'s' if len(builds) != 1 else ''} in {time.perf_counter() - start:.2f} s "
        f"({total:.2f} s of builds, {args.jobs} at a time){then}"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="relnotes", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    inspect = commands.add_parser("inspect", help="show a chapter's structure and each block's language")
    inspect.add_argument("path")
    inspect.add_argument("--locale", help="the document's locale (default: from the file name or <html lang>)")
    inspect.add_argument("--source-lang", default="en", help="the language left untranslated (default: en)")
    inspect.add_argument("--encoding", help="the file's encoding when it is not UTF-8")
    inspect.add_argument("--detector", choices=sorted(BACKENDS), default="langdetect")
    inspect.add_argument("--overrides", default=DEFAULT_OVERRIDES, help="pinned languages (TOML)")
    inspect.add_argument("--glossary", default=DEFAULT_GLOSSARY, help="terms never translated, one a line")
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    inspect.set_defaults(func=_cmd_inspect)

    override = commands.add_parser("override", help="pin the language of a block text (or 'auto' to unpin)")
    override.add_argument("text", help="the block's text, exactly as published")
    override.add_argument("lang", help="an ISO 639-1 code, zxx for no language, or auto")
    override.add_argument("--file", default=DEFAULT_OVERRIDES)
    override.set_defaults(func=_cmd_override)

    upd = commands.add_parser("update", help="write locales/*.pot and each language's .po from sources/")
    upd.add_argument("--check", action="store_true", help="write nothing; exit 1 if a catalog is out of date")
    upd.add_argument("--wait", type=float, default=30.0, help="seconds to wait for another update (default 30)")
    upd.set_defaults(func=_cmd_update)

    imp = commands.add_parser("import", help="fill a language's catalog from a published translated edition")
    imp.add_argument("path", help="the edition: a file or a book folder (text or HTML)")
    imp.add_argument("--locale", required=True, help="the edition's language, a site language like pt_BR")
    imp.add_argument("--master", help="the original in sources/ it translates (default: same name, or the only one)")
    imp.set_defaults(func=_cmd_import)

    status = commands.add_parser("status", help="translation state per language, section and architecture")
    status.add_argument("lang", nargs="?", help="one site language (default: all)")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=_cmd_status)

    queue = commands.add_parser("queue", help="the untranslated queue of a language; 'queue import FILE' merges work")
    queue.add_argument("lang", help="a site language, or 'import'")
    queue.add_argument("file", nargs="?", help="with import: the worked PO file")
    queue.add_argument("--json", action="store_true")
    queue.add_argument("--export", metavar="FILE.po", help="write the queue as a PO work file")
    queue.set_defaults(func=_cmd_queue)

    check = commands.add_parser("check", help="exit 1 when a catalog has a problem")
    check.add_argument("--min-coverage", action="append", default=[], metavar="LANG=PCT")
    check.add_argument("--json", action="store_true")
    check.add_argument("--list", action="store_true", help="list the checks and their severity, then exit")
    check.set_defaults(func=_cmd_check)

    site = commands.add_parser(
        "site", help="build every language of the site (or some, then assemble), or serve a live preview"
    )
    site.add_argument("action", choices=["build", "assemble", "serve"])
    site.add_argument("-f", "--config-file", default="mkdocs.yml")
    site.add_argument("-d", "--site-dir", help="where to build (default: site_dir of mkdocs.yml)")
    site.add_argument("-j", "--jobs", type=int, default=1, help="build: languages built at once, in processes")
    site.add_argument(
        "--language",
        action="append",
        metavar="LL",
        help="build: only this language, into its place in the site (repeatable); then run assemble",
    )
    site.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="serve: host:port")
    site.add_argument("-v", "--verbose", action="store_true")
    site.set_defaults(func=_cmd_site)

    for sub in (upd, imp, status, queue, check):
        sub.add_argument("-C", "--root", default=".", help="the project folder (default: here)")
    return parser


def _terminated(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # A terminated command cleans up as an interrupted one does (a site build's staging folder).
    signal.signal(signal.SIGTERM, _terminated)
    try:
        return args.func(args)
    except RelnotesError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except BrokenPipeError:
        sys.stderr.close()  # the reader (head, less) went away; that is not an error
        return 0
    except KeyboardInterrupt:
        print("relnotes: interrupted; nothing was half-written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
