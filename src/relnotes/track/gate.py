"""A project's check run: the team's choices, everything the checks need loaded once, the problems.

The checks themselves, and the registry that lists them in report order, are in
:mod:`relnotes.track.check`; this is what ``relnotes check`` runs over a project.
"""

from __future__ import annotations

from dataclasses import replace

import polib

from relnotes.catalog.update import stale
from relnotes.detect.glossary import load_glossary
from relnotes.detect.overrides import load_overrides
from relnotes.errors import CatalogError
from relnotes.locales import LocaleId
from relnotes.project import Project
from relnotes.track import language_status
from relnotes.track.check import REGISTRY, Checked, Problem


def configured(project: Project) -> tuple[frozenset[str], dict[str, str]]:
    """The team's choices from relnotes.toml, every name checked against the registry."""
    known = [name for name, _severity, _function in REGISTRY]
    for setting, names in (("ignore", project.check_ignore), ("severity", project.check_severity)):
        for name in names:
            if name not in known:
                raise CatalogError(
                    str(project.root / "relnotes.toml"),
                    f"[check] {setting}: no check named {name!r}; relnotes check --list names them",
                )
    return frozenset(project.check_ignore), dict(project.check_severity)


def gather(project: Project, min_coverage: dict[str, float] | None = None) -> Checked:
    """Read everything the checks need once: template, catalogs, masters, overrides."""
    ignore, severity = configured(project)
    overrides = load_overrides(project.overrides_path)
    template = project.template()
    documents = project.documents()
    catalogs: dict[LocaleId, tuple[str, polib.POFile]] = {}
    unreadable: list[CatalogError] = []
    for loc in project.languages:
        try:
            catalog = project.catalog(loc)
        except CatalogError as error:
            unreadable.append(error)  # listed by the catalog check; the others skip this language
            continue
        if catalog is not None:
            catalogs[loc] = (str(project.catalog_path(loc)), catalog)
    broken = {error.path for error in unreadable}
    return Checked(
        template=template,
        catalogs=catalogs,
        statuses={
            loc: language_status(template, catalogs[loc][1] if loc in catalogs else None, loc.posix, loc.language)
            for loc in project.languages
            if str(project.catalog_path(loc)) not in broken
        },
        documents=documents,
        backend=project.detector,
        source_language=LocaleId.parse(project.source_language).language,
        overrides=overrides,
        overrides_path=str(project.overrides_path),
        # Staleness compares with what update would write, which needs every catalog read.
        stale_paths=[] if unreadable else [str(p) for p in stale(project, documents)],
        min_coverage=dict(min_coverage or {}),
        ignore=ignore,
        severity=severity,
        unreadable=unreadable,
        glossary=load_glossary(project.glossary_path),
    )


def run_checks(checked: Checked) -> list[Problem]:
    """Every check not ignored, each problem at the severity the team chose for its check."""
    found = []
    for name, _severity, function in REGISTRY:
        if name in checked.ignore:
            continue
        chosen = checked.severity.get(name)
        found += [replace(p, severity=chosen) if chosen else p for p in function(checked)]
    return found
