"""``relnotes update``: masters -> template -> one catalog per site language.

Everything is computed in memory first (read, detect, merge); only then, under the
project's lock, are files replaced one by one, atomically, and only when something other
than a date changed. A second run with nothing changed writes no byte.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import polib
from filelock import FileLock, Timeout

from relnotes.catalog.merge import merge
from relnotes.catalog.pofile import (
    catalog_header,
    new_catalog,
    now_stamp,
    read_catalog,
    render,
    template_header,
    write_catalog,
)
from relnotes.catalog.template import TemplateEntry, build_template, from_template, to_po_entry
from relnotes.detect import RULES, Decision, LanguageDetector
from relnotes.detect.glossary import load_glossary
from relnotes.detect.overrides import load_overrides
from relnotes.errors import LockedError
from relnotes.locales import LocaleId
from relnotes.model import Document
from relnotes.project import Project

DATE = "POT-Creation-Date"  # the only field a no-change update may not touch
SIGNATURE = "X-Relnotes-Detector"  # recorded decisions are reused only under the same detector
TEMPLATE_COMMENT = (
    "Translation template of the release notes, made by `relnotes update` from sources/.\n"
    "Do not edit: translations go into locales/<lang>/LC_MESSAGES/*.po."
)


@dataclass(frozen=True, slots=True)
class Planned:
    path: Path
    catalog: polib.POFile  # what update would write
    current: polib.POFile | None  # what the file holds now


def catalog_comment(locale: LocaleId) -> str:
    return (
        f"{locale.display_name(LocaleId('en', None))} ({locale.posix}) catalog of the release notes.\n"
        "It holds the blocks not yet written in this language. Edit msgstr; `relnotes update` keeps it."
    )


def detector_signature(project: Project) -> str:
    """Backend, languages, decision rules and glossary: a change of any one re-decides every text."""
    glossary = load_glossary(project.glossary_path)
    digest = hashlib.sha256("\n".join(glossary.terms).encode("utf-8")).hexdigest()[:12] if glossary else "none"
    return f"{project.detector} {','.join(sorted(project.candidates))} {RULES} glossary:{digest}"


def detect_template(
    project: Project, documents: list[Document] | None = None, recorded: polib.POFile | None = None
) -> list[TemplateEntry]:
    """Detect every block, reusing decisions the template recorded with the same detector.

    Only decisions a text made on its own are reused; those made with context are redone,
    since the context may have changed. Overrides still win over a recorded decision.
    """
    detector = LanguageDetector(
        project.candidates,
        backend=project.detector,
        overrides=load_overrides(project.overrides_path),
        glossary=load_glossary(project.glossary_path),
    )
    if recorded is not None and recorded.metadata.get(SIGNATURE) == detector_signature(project):
        detector.remember(
            (entry.msgid, Decision(entry.lang, entry.confidence, entry.basis))
            for entry in from_template(recorded)
            if entry.basis in {"text", "neutral"}
        )
    documents = project.documents() if documents is None else documents
    return build_template((doc, detector.decide(doc)) for doc in documents)


def _current(path: Path) -> polib.POFile | None:
    return read_catalog(path) if path.exists() else None


def plan(project: Project, documents: list[Document] | None = None) -> list[Planned]:
    """Every file ``update`` would write, built in memory; each existing file is read once here."""
    recorded = _current(project.template_path)
    template = detect_template(project, documents, recorded)
    created = now_stamp()
    header = {**template_header(project.domain, created), SIGNATURE: detector_signature(project)}
    planned = [
        Planned(project.template_path, new_catalog(header, TEMPLATE_COMMENT, map(to_po_entry, template)), recorded)
    ]
    for locale in project.languages:
        path = project.catalog_path(locale)
        old = _current(path)
        header = catalog_header(project.domain, locale, created, old.metadata if old is not None else None)
        entries = merge(template, old, locale.language)
        planned.append(Planned(path, new_catalog(header, catalog_comment(locale), entries), old))
    return planned


def stale(project: Project, documents: list[Document] | None = None) -> list[Path]:
    """Files whose content differs from what ``update`` would write (for ``check``).

    Both sides go through the same formatter, so a catalog saved by Poedit or Lokalize
    with its own line wrapping is not stale; only a date differing is not either.
    """
    result = []
    for item in plan(project, documents):
        if item.current is None:
            result.append(item.path)
            continue
        old_date = item.current.metadata.get(DATE)
        if old_date:
            item.catalog.metadata[DATE] = old_date
        if render(item.catalog) != render(item.current):
            result.append(item.path)
    return result


@contextmanager
def locked(project: Project, wait: float = 30.0, say=print) -> Iterator[None]:
    """One writer at a time; a second one says why it waits, then gives up with exit 2."""
    project.locales_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(project.lock_path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        say(f"{project.lock_path}: another relnotes process is writing the catalogs; waiting up to {wait:.0f} s")
        try:
            lock.acquire(timeout=wait)
        except Timeout as exc:
            raise LockedError(
                str(project.lock_path), "still locked by another relnotes process; try again when it has finished"
            ) from exc
    try:
        yield
    finally:
        lock.release()


def update(project: Project, say=print, wait: float = 30.0) -> list[Path]:
    """Write what changed; return the paths written."""
    with locked(project, wait=wait, say=say):
        planned = plan(project)
        return [item.path for item in planned if write_catalog(item.path, item.catalog)]
