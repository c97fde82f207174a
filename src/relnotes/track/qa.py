"""Translate Toolkit's own pofilter checks, run through its library on translated entries.

Translators know these checks by name from pofilter, Pootle and Weblate, so relnotes
reports them under the same names and runs Translate Toolkit's code unchanged
(``StandardChecker.run_filters``, with its preconditions: trailing whitespace silences
``endpunc`` for the same entry, as in pofilter). relnotes only chooses which checks fit
release notes: prose paragraphs, headings and quoted error messages, where the source
language is sometimes Portuguese (the ``en`` catalog) and technical tokens are already
guarded by relnotes' own ``tokens`` check.

A check's severity follows Translate Toolkit's own category: functional and critical
checks are errors, cosmetic ones warnings (a test holds the table to the toolkit's).
"""

from __future__ import annotations

import pydoc
from collections.abc import Iterable
from dataclasses import dataclass

import polib
from translate.filters.checks import CheckerConfig, StandardChecker
from translate.storage.base import TranslationUnit

# Enabled: each catches a defect a reader of release notes sees, without misfiring on
# prose translated freely (tried on hand-made pt_BR translations of the embedded chapter).
ENABLED: dict[str, tuple[str, str]] = {  # name: (severity, why)
    "endpunc": ("warning", "a lost final colon no longer announces the quoted error message or command"),
    "startpunc": ("warning", "an opening punctuation mark lost or added"),
    "endwhitespace": ("warning", "trailing spaces are invisible in an editor and change the rendered text"),
    "startwhitespace": ("warning", "leading spaces are invisible in an editor and can turn a paragraph into code"),
    "doublespacing": ("warning", "a double space the source does not have is a typing slip"),
    "brackets": ("warning", "an unclosed [ or ( breaks command syntax such as xm migrate [domain]"),
    "startcaps": ("warning", "a paragraph or heading must start with a capital when its source does"),
    "blank": ("error", "a msgstr of spaces only counts as translated but shows nothing"),
    "escapes": ("error", "a lost \\n or \\t escape changes a quoted log line"),
    "newlines": ("error", "quoted error messages keep their line breaks"),
    "tabs": ("error", "quoted configuration keeps its tabs"),
    "xmltags": ("error", "placeholders such as <domain> in DocBook-derived text must survive"),
    "emails": ("error", "a contact address must not be translated (relnotes' tokens do not cover e-mails)"),
}

# Left out, and why; the README summarises this.
LEFT_OUT: dict[str, str] = {
    "unchanged": "relnotes' language check catches a pasted source, and partly English text too",
    "numbers": "relnotes' tokens check already wants every number of the source; neither sees an added one "
    "(relnotes' added-number check does)",
    "filepaths": "covered by relnotes' tokens check (paths), which would report the same entry twice",
    "options": "covered by relnotes' tokens check (--options, key=value)",
    "urls": "covered by relnotes' tokens check",
    "untranslated": "untranslated entries are the queue's and status' business, not an error",
    "acronyms": "acronyms are localised between the two languages (SO and OS, ONU and UN)",
    "doublequoting": "translators add or change quotation marks (“time went backwards”)",
    "singlequoting": "English possessives (hosts', CPU's) have no counterpart in the translation",
    "accelerators": "release notes have no accelerator keys; the _ of dom0_mem would misfire",
    "variables": "a % in prose (50% faster) is not a variable",
    "printf": "applied only to entries flagged c-format or python-format, by the format check, as msgfmt does",
    "pythonbraceformat": "applied only to entries flagged python-brace-format, by the format check",
    "long": "a faithful translation is often much longer or shorter than its source",
    "short": "a faithful translation is often much longer or shorter than its source",
    "sentencecount": "translators join and split sentences",
    "simplecaps": "capitalisation of product names differs between languages",
    "doublewords": "left to a spellchecker",
    "puncspacing": "French-style spacing rules do not apply to these languages",
    "functions": "release notes name commands, not functions; tokens cover identifiers",
}
# Not applicable to these catalogs at all: compendiumconflicts, credits, kdecomments,
# musttranslatewords, notranslatewords (no word lists configured), purepunc (such blocks
# are zxx and never reach a catalog), simpleplurals, spellcheck, validchars.


@dataclass(frozen=True, slots=True)
class Failure:
    """One entry failing one Translate Toolkit check, with the toolkit's own message."""

    check: str
    path: str
    entry: polib.POEntry
    message: str


def _checker(language: str) -> StandardChecker:
    return StandardChecker(CheckerConfig(targetlanguage=language), limitfilters=list(ENABLED))


def title(name: str) -> str:
    """The check's title as pofilter documents it: the first sentence of its docstring."""
    doc = pydoc.getdoc(getattr(StandardChecker, name))
    return " ".join(doc.split("\n\n")[0].split())


def run_toolkit(language: str, path: str, entries: Iterable[polib.POEntry]) -> list[Failure]:
    """Every enabled check on every given entry of one catalog, in entry order."""
    checker = _checker(language)
    failures = []
    for entry in entries:
        unit = TranslationUnit(entry.msgid)
        unit.target = entry.msgstr
        for name, message in checker.run_filters(unit).items():
            failures.append(Failure(name, path, entry, str(message)))
    return failures
