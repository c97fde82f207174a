"""The ``relnotes`` command: argument parsing, printing, exit codes. Nothing else.

Exit codes: 0 ok, 1 a check failed, 2 bad input or usage. Bad input is one line in
compiler style (``path:line: message``), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from relnotes.detect import BACKENDS, LanguageDetector
from relnotes.errors import RelnotesError
from relnotes.lint import source_warnings
from relnotes.locales import LocaleId
from relnotes.overrides import load_overrides, save_overrides
from relnotes.read import read_document
from relnotes.show import inspect_json, inspect_tree

DEFAULT_OVERRIDES = "locales/overrides.toml"


def _cmd_inspect(args: argparse.Namespace) -> int:
    document, stray = read_document(args.path, locale=args.locale, encoding=args.encoding)
    page = LocaleId.parse(document.locale)
    source = LocaleId.parse(args.source_lang)
    detector = LanguageDetector(
        [page.language, source.language], backend=args.detector, overrides=load_overrides(args.overrides)
    )
    decisions = detector.decide(document)
    warnings = source_warnings(document)
    for block in stray:
        print(f"{document.source}:{block.line}: warning: paragraph outside any item, not read", file=sys.stderr)
    if args.json:
        for warning in warnings:
            print(f"{document.source}:{warning.line}: warning: {warning.message}", file=sys.stderr)
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
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    inspect.set_defaults(func=_cmd_inspect)

    override = commands.add_parser("override", help="pin the language of a block text (or 'auto' to unpin)")
    override.add_argument("text", help="the block's text, exactly as published")
    override.add_argument("lang", help="an ISO 639-1 code, zxx for no language, or auto")
    override.add_argument("--file", default=DEFAULT_OVERRIDES)
    override.set_defaults(func=_cmd_override)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except RelnotesError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("relnotes: interrupted; nothing was half-written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
