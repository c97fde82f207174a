"""Quality checks over the catalogs, one small function each, listed in a registry.

A check's docstring is its title in reports; its severity decides the exit code (any
error: 1). Checks read values prepared once (:class:`Checked`): the catalogs are parsed,
the template read and the detector built a single time for all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import polib

from relnotes.catalog.template import TemplateEntry
from relnotes.catalog.update import stale
from relnotes.detect import NEUTRAL, LanguageDetector
from relnotes.detect.glossary import load_glossary
from relnotes.detect.mask import technical_tokens, words
from relnotes.detect.overrides import load_overrides
from relnotes.locales import LocaleId
from relnotes.model import Document
from relnotes.project import Project
from relnotes.read.lint import source_warnings
from relnotes.show import clip
from relnotes.track import LanguageStatus, language_status

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
    detector: LanguageDetector
    overrides: dict[str, str]
    overrides_path: str
    stale_paths: list[str]
    min_coverage: dict[str, float] = field(default_factory=dict)


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
        decision = checked.detector.decide_text(entry.msgstr)
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
    glossary = checked.detector.glossary
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


@register("fuzzy", ERROR)
def fuzzy_left(checked: Checked) -> Iterator[Problem]:
    """Fuzzy translation waiting for review (never shown on the site)."""
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
            yield Problem(document.source, warning.line, WARNING, "source", warning.message)


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


def gather(project: Project, min_coverage: dict[str, float] | None = None) -> Checked:
    """Read everything the checks need once: template, catalogs, masters, overrides."""
    overrides = load_overrides(project.overrides_path)
    template = project.template()
    documents = project.documents()
    catalogs = {
        loc: (str(project.catalog_path(loc)), cat)
        for loc in project.languages
        if (cat := project.catalog(loc)) is not None
    }
    return Checked(
        template=template,
        catalogs=catalogs,
        statuses={
            loc: language_status(template, catalogs[loc][1] if loc in catalogs else None, loc.posix, loc.language)
            for loc in project.languages
        },
        documents=documents,
        detector=LanguageDetector(
            project.candidates,
            backend=project.detector,
            overrides=overrides,
            glossary=load_glossary(project.glossary_path),
        ),
        overrides=overrides,
        overrides_path=str(project.overrides_path),
        stale_paths=[str(p) for p in stale(project, documents)],
        min_coverage=dict(min_coverage or {}),
    )


def run_checks(checked: Checked) -> list[Problem]:
    return [problem for _name, _severity, function in REGISTRY for problem in function(checked)]
