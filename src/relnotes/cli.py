"""The ``relnotes`` command: running each command, printing, exit codes (the grammar: relnotes.arguments).

Exit codes: 0 ok, 1 a check failed (said in its output), 2 bad input or usage, 130/143
interrupted or terminated. Bad input is one line in compiler style (``path:line: message``),
never a traceback.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from relnotes.arguments import DEFAULT_GLOSSARY, DEFAULT_OVERRIDES
from relnotes.arguments import build_parser as _build_parser
from relnotes.catalog.importer import import_edition
from relnotes.catalog.update import stale, update
from relnotes.detect import LanguageDetector
from relnotes.detect.glossary import load_glossary
from relnotes.detect.overrides import load_overrides, save_overrides
from relnotes.errors import RelnotesError
from relnotes.locales import LocaleId
from relnotes.project import Project
from relnotes.project_init import answers, init
from relnotes.read import read_document
from relnotes.read.lint import source_warnings
from relnotes.show import clip, inspect_json, inspect_tree
from relnotes.site.command import site_command
from relnotes.track import LanguageStatus, language_status, status_table
from relnotes.track.check import REGISTRY
from relnotes.track.exchange import export_work, import_work
from relnotes.track.gate import configured, gather, run_checks
from relnotes.track.worklist import build_queue


def _root(args: argparse.Namespace) -> Path:
    """The project folder -C names (after the command, or before it); it must exist: never made."""
    return Path(getattr(args, "root", None) or args.top_root or ".")


def _in_root(args: argparse.Namespace, value: str | None, default: str) -> str:
    """A path option: as given (relative to here), else its default inside the project folder."""
    return value if value is not None else str(_root(args) / default)


def _cmd_init(args: argparse.Namespace) -> int:
    root = _root(args)  # it exists: main() refused it otherwise
    ask = _ask if sys.stdin.isatty() and sys.stdout.isatty() else None
    chosen = answers(root, args.source_language, args.languages, args.site_name, ask)
    report = init(root, chosen)
    for line in report.lines():
        print(line)
    config = root / "mkdocs.yml"
    if "mkdocs.yml" in report.kept and "relnotes" not in config.read_text(encoding="utf-8", errors="replace"):
        print("mkdocs.yml: add `- relnotes` under plugins: (and `attr_list` under markdown_extensions)")
    print("next: put the master documents in sources/ (name.LL.txt, .html or a book folder), then relnotes update")
    return 0


def _ask(question: str, default: str) -> str:
    try:
        return input(f"{question} [{default}]: ")
    except EOFError:
        return default


def _cmd_inspect(args: argparse.Namespace) -> int:
    document = read_document(args.path, locale=args.locale, encoding=args.encoding)
    page = LocaleId.parse(document.locale)
    source = LocaleId.parse(args.source_lang)
    detector = LanguageDetector(
        [page.language, source.language],
        backend=args.detector,
        overrides=load_overrides(_in_root(args, args.overrides, DEFAULT_OVERRIDES)),
        glossary=load_glossary(_in_root(args, args.glossary, DEFAULT_GLOSSARY)),
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
    args.file = _in_root(args, args.file, DEFAULT_OVERRIDES)
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
    project = Project.load(_root(args))
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
    project = Project.load(_root(args))
    progress = _progress if sys.stderr.isatty() else None
    report = import_edition(project, args.path, args.locale, args.master, say=_say, progress=progress)
    print("\n".join(report.lines()))
    return 1 if report.conflicts else 0


def _statuses(project: Project, only: str | None) -> dict[LocaleId, LanguageStatus]:
    template = project.template()
    chosen = [project.locale(only)] if only else project.languages
    return {loc: language_status(template, project.catalog(loc), loc.posix, loc.language) for loc in chosen}


def _cmd_status(args: argparse.Namespace) -> int:
    statuses = _statuses(Project.load(_root(args)), args.lang)
    if args.json:
        print(json.dumps({"languages": [s.as_dict() for s in statuses.values()]}, ensure_ascii=False, indent=2))
    else:
        print(status_table(list(statuses.values())), end="")
    return 0


def _cmd_queue(args: argparse.Namespace) -> int:
    project = Project.load(_root(args))
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
        _list_checks(_root(args))
        return 0
    project = Project.load(_root(args))
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


def _list_checks(root: Path) -> None:
    """Every check with the severity it has in this project: the team's choice, marked, where
    relnotes.toml makes one, so the list says what ``check`` will do here."""
    ignore, chosen = configured(Project.load(root)) if (root / "relnotes.toml").is_file() else (frozenset(), {})
    width = max(len(name) for name, _severity, _function in REGISTRY) + 2
    for name, severity, function in REGISTRY:
        shown = "ignored*" if name in ignore else f"{chosen[name]}*" if name in chosen else severity
        print(f"{name:<{width}}{shown:<9}{(function.__doc__ or '').strip().splitlines()[0]}")
    if ignore or chosen:
        print(f"* as {root / 'relnotes.toml'} chooses ([check])")


def _cmd_site(args: argparse.Namespace) -> int:
    args.config_file = _in_root(args, args.config_file, "mkdocs.yml")
    return site_command(args)


def build_parser() -> argparse.ArgumentParser:
    return _build_parser(
        {
            "init": _cmd_init,
            "inspect": _cmd_inspect,
            "override": _cmd_override,
            "update": _cmd_update,
            "import": _cmd_import,
            "status": _cmd_status,
            "queue": _cmd_queue,
            "check": _cmd_check,
            "site": _cmd_site,
        }
    )


class _Terminated(BaseException):
    """SIGTERM, raised where the program is, so every ``finally`` (temporary folders, locks) runs.

    A BaseException, as KeyboardInterrupt is: no ``except Exception`` on the way (MkDocs' rebuild
    loop has one) may take it for a failed build and carry on.
    """


def _terminate(signum, frame) -> None:
    raise _Terminated


def _check_root(args: argparse.Namespace) -> None:
    root = _root(args)
    if not root.is_dir():
        what = "is not a folder" if root.exists() else "no such folder"
        raise RelnotesError(str(root), f"{what}; -C names an existing project folder (nothing was created)")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        _check_root(args)
        return args.func(args)
    except _Terminated:
        print("relnotes: interrupted by SIGTERM; nothing was half-written, no temporary folder left", file=sys.stderr)
        return 143
    except RelnotesError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except BrokenPipeError:
        sys.stderr.close()  # the reader (head, less) went away; that is not an error
        return 0
    except KeyboardInterrupt:
        print("relnotes: interrupted; nothing was half-written", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
