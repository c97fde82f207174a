"""The translators' round trip: the queue out as a PO work file, the worked file back in.

Reading and writing happen here (under the catalogs' lock for the import); what goes in
the work file and what an import may apply are decided by :mod:`relnotes.track.worklist`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from relnotes.atomic import write_atomic
from relnotes.catalog.pofile import catalog_header, new_catalog, now_stamp, read_catalog, render
from relnotes.catalog.update import locked
from relnotes.errors import CatalogError
from relnotes.locales import LocaleId
from relnotes.project import Project
from relnotes.track.worklist import ImportReport, Task, apply_work, build_queue, export_entries


def export_work(project: Project, locale: LocaleId, path: str | Path) -> list[Task]:
    catalog = project.catalog(locale)
    tasks = build_queue(project.template(), catalog, locale.language, project.primary)
    header = catalog_header(project.domain, locale, now_stamp(), catalog.metadata if catalog is not None else None)
    comment = (
        f"Work file: {len(tasks)} entries to translate into {locale.posix}.\n"
        "Translate, save, then: relnotes queue import THIS-FILE"
    )
    write_atomic(path, render(new_catalog(header, comment, export_entries(tasks, catalog))))
    return tasks


def import_work(project: Project, path: str | Path, say: Callable[[str], None]) -> ImportReport:
    """Apply a worked file to its language's catalog; the catalog is rewritten only if applied."""
    worked = read_catalog(path)
    language = worked.metadata.get("Language", "")
    if not language:
        raise CatalogError(str(path), "no Language header; was this file exported by relnotes queue --export?")
    locale = project.locale(language)
    with locked(project, say=say):
        catalog = project.catalog(locale)
        if catalog is None:
            raise CatalogError(str(project.catalog_path(locale)), "no catalog yet; run relnotes update")
        report = apply_work(worked, catalog)
        if report.applied:
            catalog.metadata["PO-Revision-Date"] = now_stamp()
            translator = worked.metadata.get("Last-Translator")
            if translator and not translator.startswith("relnotes update"):
                catalog.metadata["Last-Translator"] = translator
            write_atomic(project.catalog_path(locale), render(catalog))
    return report
