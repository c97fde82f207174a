"""What `relnotes site serve` rebuilds after a save: the saved catalog's language, then every
status page; anything else, every language; nothing for an editor's temporary file."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import polib

from relnotes.project import Project
from relnotes.site.preview import changed_languages, snapshot
from tests.conftest import po_path
from tests.loopback import fetch, relnotes_serve, wait_for
from tests.test_catalogs import XM

INPUTS = ("mkdocs.yml", "sources", "locales", "relnotes.toml")


def _touch(path: Path, text: str | None = None) -> None:
    if text is not None:
        path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_what_a_save_rebuilds(site_project):
    project = Project.load(site_project)
    before = snapshot(site_project, INPUTS)
    _touch(po_path(site_project, "en"))
    assert changed_languages(before, snapshot(site_project, INPUTS), project) == ["en"]
    _touch(po_path(site_project, "pt_BR"))
    assert changed_languages(before, snapshot(site_project, INPUTS), project) == ["en", "pt_BR"]
    swap = po_path(site_project, "en").parent / ".release-notes.po.swp"
    swap.write_text("x", encoding="utf-8")
    (site_project / "locales" / "release-notes.po~").write_text("x", encoding="utf-8")
    after_editor = snapshot(site_project, INPUTS)
    assert changed_languages(before, after_editor, project) == ["en", "pt_BR"]  # the editor's files are no input
    assert changed_languages(after_editor, snapshot(site_project, INPUTS), project) == []  # nothing to rebuild
    _touch(site_project / "sources" / "virtualization.pt_BR.txt")
    assert changed_languages(before, snapshot(site_project, INPUTS), project) is None  # a master: every language
    again = snapshot(site_project, INPUTS)
    _touch(site_project / "locales" / "release-notes.pot")
    assert changed_languages(again, snapshot(site_project, INPUTS), project) is None  # the template: every language


def _coverage(page: str, language: str) -> str:
    """The coverage cell of one language on a status page."""
    row = re.search(rf'hreflang="{language}">.*?</tr>', page, re.S)
    assert row, language
    return row.group(0)


def test_a_saved_catalog_rebuilds_its_language_and_every_status_page_follows(site_project, tmp_path):
    relnotes = [sys.executable, "-m", "relnotes.cli"]
    assert subprocess.run([*relnotes, "update", "-C", str(site_project)], capture_output=True).returncode == 0
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server, port = relnotes_serve(site_project, tmp)
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: XM in fetch(f"{base}/x86/")[1] and fetch(f"{base}/en/status/")[1], 60)
        (live,) = tmp.glob("relnotes-serve-*/live")
        english = (live / "en" / "x86" / "index.html").stat().st_ino
        status_before = _coverage(fetch(f"{base}/en/status/")[1], "pt-BR")

        path = po_path(site_project, "pt_BR")
        catalog = polib.pofile(str(path))
        catalog.find(XM).msgstr = "Migrar com xm migrate [domain] [dom0 IP address] não funciona."
        catalog.save(str(path))
        assert wait_for(lambda: "Migrar com xm migrate" in fetch(f"{base}/x86/")[1], 60)
        # the English pages were not rebuilt: the served file is the very same one
        assert (live / "en" / "x86" / "index.html").stat().st_ino == english
        # every other language's status page follows with the Portuguese figures
        assert wait_for(lambda: _coverage(fetch(f"{base}/en/status/")[1], "pt-BR") != status_before, 30)
    finally:
        server.terminate()
        _, err = server.communicate(timeout=60)
    assert "rebuilt pt_BR (its catalog changed); the status pages follow" in err
    assert list(tmp.iterdir()) == []


def test_sigterm_during_a_rebuild_stops_serve_and_leaves_nothing(site_project, tmp_path):
    """MkDocs' rebuild loop catches every Exception; SIGTERM must still end serve, cleaned up."""
    relnotes = [sys.executable, "-m", "relnotes.cli"]
    assert subprocess.run([*relnotes, "update", "-C", str(site_project)], capture_output=True).returncode == 0
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server, _port = relnotes_serve(site_project, tmp)
    said: list[str] = []
    try:
        for line in server.stderr:
            said.append(line)
            if "Serving on" in line:
                _touch(site_project / "sources" / "virtualization.pt_BR.txt")  # a master: every language
            if "Detected file changes" in line:
                server.send_signal(signal.SIGTERM)  # while it rebuilds
                break
        _, rest = server.communicate(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
    log = "".join(said) + rest
    assert server.returncode == 143, log
    assert "Traceback" not in log
    assert list(tmp.iterdir()) == []
