"""Where the Debian package debian-handbook puts the published book (read there, never copied),
and the project that imports four of its editions, shared by the import and site tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from relnotes.catalog.importer import ImportReport, import_edition
from relnotes.catalog.update import update
from relnotes.project import Project

HANDBOOK = Path("/usr/share/doc/debian-handbook/html")
EDITIONS = {"pt_BR": "pt-BR", "de_DE": "de-DE", "ja_JP": "ja-JP", "ar_MA": "ar-MA"}


def edition(name: str) -> Path:
    """One published edition (``pt-BR``); a clear failure, not a skip, when the package is missing."""
    folder = HANDBOOK / name
    if not (folder / "index.html").is_file():
        raise AssertionError(f"{folder} not found: apt-get install debian-handbook (.ci/run installs it)")
    return folder


@dataclass
class Imported:
    root: Path
    reports: dict[str, ImportReport]


def imported_handbook(root: Path) -> Imported:
    """en-US as the master (a link in ``sources/``), four editions imported into its catalogs."""
    import shutil

    (root / "sources").mkdir()
    (root / "sources" / "handbook.en").symlink_to(edition("en-US"))
    languages = ", ".join(f'"{x}"' for x in ["en", *EDITIONS])
    (root / "relnotes.toml").write_text(f'languages = [{languages}]\nsource_language = "en"\n', encoding="utf-8")
    from tests.conftest import ROOT

    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    project = Project.load(root)
    update(project, say=lambda _: None)
    reports = {ll: import_edition(project, edition(folder), ll, say=lambda _: None) for ll, folder in EDITIONS.items()}
    return Imported(root, reports)
