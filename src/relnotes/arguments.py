"""The command line's grammar: the commands, their options and help texts. Nothing else.

Kept apart from :mod:`relnotes.cli`, which runs the commands, prints and chooses exit codes.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from importlib import metadata

from relnotes.detect import BACKENDS

Handler = Callable[[argparse.Namespace], int]

DEFAULT_OVERRIDES = "locales/overrides.toml"
DEFAULT_GLOSSARY = "locales/glossary.txt"  # as update and check read it: the same decisions

DESCRIPTION = """\
relnotes keeps a documentation book or release notes translated paragraph by paragraph.
It reads the master documents in sources/, keeps each language's translations in a GNU
gettext catalog in locales/, fills catalogs from editions already published, and builds a
MkDocs + Material site per language in which every paragraph still in the source language
is marked. Start a project with `relnotes init`, then `relnotes update` and
`relnotes site serve`."""

EPILOG = "Every command takes -C DIR (the project folder, which must exist). relnotes COMMAND --help tells more."


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (what is wrong, where to look) and exit 2."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser(handlers: Mapping[str, Handler]) -> argparse.ArgumentParser:
    """The parser; each command's ``func`` is its handler from ``handlers`` (the CLI's functions)."""
    parser = Parser(
        prog="relnotes",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"relnotes {metadata.version('relnotes')}")
    parser.add_argument("-C", dest="top_root", metavar="DIR", help="the project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True, title="commands", metavar="COMMAND")

    start = commands.add_parser("init", help="start a project: relnotes.toml, mkdocs.yml, sources/, locales/")
    start.add_argument("--source-language", help="the language left untranslated in the masters (default: en)")
    start.add_argument(
        "--languages",
        help=(
            "site languages, like 'en,pt_BR,de' (default: from the masters); "
            "the first master's language is the site's default"
        ),
    )
    start.add_argument("--site-name", help="the site's title (default: from the folder's name)")
    start.set_defaults(func=handlers["init"])

    inspect = commands.add_parser("inspect", help="show a chapter's structure and each block's language")
    inspect.add_argument("path")
    inspect.add_argument("--locale", help="the document's locale (default: from the file name or <html lang>)")
    inspect.add_argument("--source-lang", default="en", help="the language left untranslated (default: en)")
    inspect.add_argument("--encoding", help="the file's encoding when it is not UTF-8")
    inspect.add_argument("--detector", choices=sorted(BACKENDS), default="langdetect")
    inspect.add_argument("--overrides", help=f"pinned languages (TOML; default: {DEFAULT_OVERRIDES})")
    inspect.add_argument("--glossary", help=f"terms never translated, one a line (default: {DEFAULT_GLOSSARY})")
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    inspect.set_defaults(func=handlers["inspect"])

    override = commands.add_parser("override", help="pin the language of a block text (or 'auto' to unpin)")
    override.add_argument("text", help="the block's text, exactly as published")
    override.add_argument("lang", help="an ISO 639-1 code, zxx for no language, or auto")
    override.add_argument("--file", help=f"default: {DEFAULT_OVERRIDES} in the project folder")
    override.set_defaults(func=handlers["override"])

    upd = commands.add_parser("update", help="write locales/*.pot and each language's .po from sources/")
    upd.add_argument("--check", action="store_true", help="write nothing; exit 1 if a catalog is out of date")
    upd.add_argument("--wait", type=float, default=30.0, help="seconds to wait for another update (default 30)")
    upd.set_defaults(func=handlers["update"])

    imp = commands.add_parser("import", help="fill a language's catalog from a published translated edition")
    imp.add_argument("path", help="the edition: a file or a book folder (text or HTML)")
    imp.add_argument("--locale", required=True, help="the edition's language, a site language like pt_BR")
    imp.add_argument("--master", help="the original in sources/ it translates (default: same name, or the only one)")
    imp.set_defaults(func=handlers["import"])

    status = commands.add_parser("status", help="translation state per language, section and architecture")
    status.add_argument("lang", nargs="?", help="one site language (default: all)")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=handlers["status"])

    queue = commands.add_parser("queue", help="a language's untranslated queue; 'queue import FILE' merges work")
    queue.add_argument("lang", help="a site language, or 'import'")
    queue.add_argument("file", nargs="?", help="with import: the worked PO file")
    queue.add_argument("--json", action="store_true")
    queue.add_argument("--export", metavar="FILE.po", help="write the queue as a PO work file")
    queue.set_defaults(func=handlers["queue"])

    check = commands.add_parser("check", help="exit 1 when a catalog has a problem")
    check.add_argument("--min-coverage", action="append", default=[], metavar="LANG=PCT")
    check.add_argument("--json", action="store_true")
    check.add_argument("--list", action="store_true", help="list the checks and their severity, then exit")
    check.set_defaults(func=handlers["check"])

    site = commands.add_parser("site", help="build the site's languages (or some, then assemble), or serve it")
    site.add_argument("action", choices=["build", "assemble", "serve"])
    site.add_argument("-f", "--config-file", help="MkDocs configuration (default: mkdocs.yml in the project folder)")
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
    site.set_defaults(func=handlers["site"])

    for sub in commands.choices.values():
        sub.add_argument("-C", "--root", metavar="DIR", help="the project folder, which must exist (default: here)")
    return parser
