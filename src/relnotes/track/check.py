"""Quality checks over the catalogs, one small function each, listed in a registry.

A check's docstring is its title in reports; its severity decides the exit code (any
error: 1). A team chooses in ``relnotes.toml`` which checks run (``[check] ignore``) and
how severe each is (``[check] severity``, e.g. fuzzy entries as warnings after an
import). Checks read values prepared once (:class:`Checked`): the catalogs are parsed,
the template read and the detector built a single time for all of them.

Three families, in this order: what GNU ``msgfmt --check-format --check-header`` rejects
(so a catalog never passes here and fails the build of a ``.mo`` elsewhere), Translate
Toolkit's pofilter checks that fit release notes (:mod:`relnotes.track.qa`), and
relnotes' own (language, technical tokens, numbers, fuzzy, stale, coverage, masters).
A catalog that cannot be read is one ``catalog`` error here, where the other commands
refuse it with exit 2.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

import polib

from relnotes.catalog.template import TemplateEntry
from relnotes.detect import NEUTRAL, LanguageDetector
from relnotes.detect.glossary import Glossary
from relnotes.detect.mask import technical_tokens, words
from relnotes.errors import CatalogError
from relnotes.locales import LocaleId
from relnotes.model import Document
from relnotes.read.lint import source_warnings
from relnotes.show import clip
from relnotes.track import LanguageStatus
from relnotes.track.msgfmt import format_problem, header_line, header_problems
from relnotes.track.qa import ENABLED, Failure, run_toolkit, title

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int | None
    severity: str
    check: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: [{self.check}] {self.message}"

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "check": self.check,
            "message": self.message,
        }


@dataclass
class Checked:
    """Everything the checks look at, loaded once by the caller."""

    template: list[TemplateEntry]
    catalogs: dict[LocaleId, tuple[str, polib.POFile]]
    statuses: dict[LocaleId, LanguageStatus]
    documents: list[Document]
    backend: str
    source_language: str
    overrides: dict[str, str]
    overrides_path: str
    stale_paths: list[str]
    min_coverage: dict[str, float] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()  # [check] ignore in relnotes.toml
    severity: dict[str, str] = field(default_factory=dict)  # [check] severity in relnotes.toml
    unreadable: list[CatalogError] = field(default_factory=list)
    glossary: Glossary = field(default_factory=Glossary)
    _detectors: dict[str, LanguageDetector] = field(default_factory=dict, repr=False)

    def detector_for(self, language: str) -> LanguageDetector:
        """A translation is asked one question: its catalog's language, or the source language?"""
        if language not in self._detectors:
            self._detectors[language] = LanguageDetector(
                [language, self.source_language], backend=self.backend, overrides=self.overrides, glossary=self.glossary
            )
        return self._detectors[language]

    @cached_property
    def toolkit(self) -> dict[str, list[Failure]]:
        """Translate Toolkit's failures by check name, run once for all of its checks."""
        by_check: dict[str, list[Failure]] = {}
        for locale, (path, _catalog) in self.catalogs.items():
            entries = [entry for loc, _path, entry in _translated(self) if loc == locale]
            for failure in run_toolkit(locale.posix, path, entries):
                by_check.setdefault(failure.check, []).append(failure)
        return by_check


Check = Callable[[Checked], Iterator[Problem]]
REGISTRY: list[tuple[str, str, Check]] = []


def register(name: str, severity: str) -> Callable[[Check], Check]:
    def decorate(function: Check) -> Check:
        REGISTRY.append((name, severity, function))
        return function

    return decorate


def _translated(checked: Checked) -> Iterator[tuple[LocaleId, str, polib.POEntry]]:
    for locale, (path, catalog) in checked.catalogs.items():
        for entry in catalog:
            if not entry.obsolete and entry.msgstr and "fuzzy" not in entry.flags:
                yield locale, path, entry


@register("catalog", ERROR)
def unreadable_catalogs(checked: Checked) -> Iterator[Problem]:
    """Catalog no command can read (syntax error, duplicate msgid, not UTF-8)."""
    for error in checked.unreadable:
        yield Problem(error.path or "", error.line, ERROR, "catalog", error.message)


@register("header", ERROR)
def bad_headers(checked: Checked) -> Iterator[Problem]:
    """Header msgfmt --check-header rejects (missing, bad Plural-Forms)."""
    for _locale, (path, catalog) in checked.catalogs.items():
        for message in header_problems(catalog):
            line = header_line(path) if catalog.metadata else None  # no header: no line to point at
            yield Problem(path, line, ERROR, "header", message)


@register("format", ERROR)
def format_mismatches(checked: Checked) -> Iterator[Problem]:
    """Format directives msgfmt --check-format rejects (c-format and the like)."""
    for _locale, path, entry in _translated(checked):
        message = format_problem(entry)
        if message:
            yield Problem(path, entry.linenum, ERROR, "format", message)


@register("language", ERROR)
def wrong_language(checked: Checked) -> Iterator[Problem]:
    """Translation not written in its catalog's language (a pasted source is caught)."""
    for locale, path, entry in _translated(checked):
        natural = words(entry.msgstr)
        if not natural:
            continue
        if entry.msgstr == entry.msgid and len(natural) >= 2:
            yield Problem(
                path, entry.linenum, ERROR, "language", f"msgstr is the untranslated source: {clip(entry.msgid, 50)!r}"
            )
            continue
        if len(natural) < 3:
            continue  # too short to judge alone: Translate Toolkit's guard for its "unchanged" check
        decision = checked.detector_for(locale.language).decide_text(entry.msgstr)
        if decision.lang not in {locale.language, NEUTRAL} and not decision.low:
            yield Problem(
                path,
                entry.linenum,
                ERROR,
                "language",
                f"msgstr reads as {decision.lang} ({decision.confidence:.2f}), not {locale.language}: "
                f"{clip(entry.msgstr, 50)!r}",
            )


@register("tokens", ERROR)
def missing_tokens(checked: Checked) -> Iterator[Problem]:
    """Technical token of the source missing from the translation."""
    for _locale, path, entry in _translated(checked):
        missing = [token for token in technical_tokens(entry.msgid) if token not in entry.msgstr]
        if missing:
            yield Problem(
                path, entry.linenum, ERROR, "tokens", f"missing from msgstr: {', '.join(dict.fromkeys(missing))}"
            )


@register("glossary", ERROR)
def missing_glossary_terms(checked: Checked) -> Iterator[Problem]:
    """Glossary term of the source missing from the translation (terms never translated)."""
    glossary = checked.glossary
    for _locale, path, entry in _translated(checked) if glossary else ():
        missing = [term for term in glossary.found(entry.msgid) if term not in glossary.found(entry.msgstr)]
        if missing:
            yield Problem(
                path,
                entry.linenum,
                ERROR,
                "glossary",
                f"glossary term missing from msgstr: {', '.join(dict.fromkeys(missing))}",
            )


_DIGITS = re.compile(r"\d+")


# A warning: published translations write "2" for "two" (the handbook's de-DE edition does:
# "unter 2 Arten von Benutzungsrechten"); a wrong version number is
# still shown to the translator.
@register("added-number", WARNING)
def added_numbers(checked: Checked) -> Iterator[Problem]:
    """Number in the translation that its source does not have."""
    for _locale, path, entry in _translated(checked):
        known = set(_DIGITS.findall(entry.msgid))
        added = [number for number in _DIGITS.findall(entry.msgstr) if number not in known]
        if added:
            yield Problem(
                path, entry.linenum, WARNING, "added-number", f"not in the source: {', '.join(dict.fromkeys(added))}"
            )


def _toolkit_check(name: str, severity: str) -> Check:
    """One registry entry per Translate Toolkit check, titled as pofilter documents it."""

    def check(checked: Checked) -> Iterator[Problem]:
        for failure in checked.toolkit.get(name, []):
            message = f"{failure.message}: {clip(failure.entry.msgstr, 50)!r}"
            yield Problem(failure.path, failure.entry.linenum, severity, name, message)

    check.__doc__ = f"pofilter: {title(name)}"
    check.__name__ = f"toolkit_{name}"
    return check


for _name, (_severity, _why) in ENABLED.items():
    register(_name, _severity)(_toolkit_check(_name, _severity))


@register("fuzzy", ERROR)
def fuzzy_left(checked: Checked) -> Iterator[Problem]:
    """Fuzzy translation waiting for review (only an imported one is shown, marked)."""
    for _locale, (path, catalog) in checked.catalogs.items():
        for entry in catalog:
            if not entry.obsolete and "fuzzy" in entry.flags:
                yield Problem(path, entry.linenum, ERROR, "fuzzy", f"fuzzy: {clip(entry.msgid, 50)!r}")


@register("stale", ERROR)
def stale_catalogs(checked: Checked) -> Iterator[Problem]:
    """Catalog out of date with sources/ (run relnotes update)."""
    for path in checked.stale_paths:
        yield Problem(path, None, ERROR, "stale", "out of date with sources/; run relnotes update")


@register("coverage", ERROR)
def low_coverage(checked: Checked) -> Iterator[Problem]:
    """Coverage under the threshold asked for with --min-coverage."""
    for locale, status in checked.statuses.items():
        wanted = checked.min_coverage.get(locale.posix)
        if wanted is not None and status.placements.coverage < wanted:
            path = checked.catalogs[locale][0] if locale in checked.catalogs else locale.posix
            yield Problem(
                path,
                None,
                ERROR,
                "coverage",
                f"{locale.posix} coverage {status.placements.coverage:.1f}% is under {wanted:g}%",
            )


@register("source", WARNING)
def source_defects(checked: Checked) -> Iterator[Problem]:
    """Defect in a master document as published (reported, never rewritten)."""
    for document in checked.documents:
        for warning in source_warnings(document):
            yield Problem(warning.path(document.source), warning.line, WARNING, "source", warning.message)


@register("override", WARNING)
def stale_overrides(checked: Checked) -> Iterator[Problem]:
    """Pinned language for a text that no master contains any more."""
    texts = {entry.msgid for entry in checked.template}
    for text in checked.overrides:
        if text not in texts:
            yield Problem(
                checked.overrides_path,
                None,
                WARNING,
                "override",
                f"no block has this text any more: {clip(text, 50)!r}",
            )
