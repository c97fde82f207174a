"""The site folder is relnotes' own, a build is swapped in whole, and no failure is silent.

Before: ``site build -d DIR`` emptied any folder (an unrelated one, ``..``, ``/``), ``-d ..``,
``-d /``, a missing ``docs/`` or ``overrides/`` exited 1 printing nothing, and a build killed
between clearing the old site and placing the new one left only ``site/.stage``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from relnotes.site.output import SITE_MARKER, is_ours
from tests.conftest import run_cli


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def _build(capsys, project: Path, *extra):
    return run_cli(capsys, "site", "build", "-f", project / "mkdocs.yml", *extra)


def _custom_dir(project: Path, make: bool) -> Path:
    """mkdocs.yml names a team's templates folder, ``overrides/`` (made, or not)."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    if make:
        (project / "overrides").mkdir()
    return project / "overrides"


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_a_built_site_is_marked_and_built_again_in_place(site_project, capsys):
    code, _out, err = _build(capsys, site_project)
    assert (code, err.count("Traceback")) == (0, 0)
    site = site_project / "site"
    assert (site / SITE_MARKER).is_file()
    before = _files(site)
    assert {"index.html", "en/index.html", "status.json", SITE_MARKER} <= before
    assert _build(capsys, site_project)[0] == 0
    assert _files(site) == before
    assert sorted(p.name for p in site_project.iterdir() if p.name.startswith(".")) == []  # no staging left


def test_an_unrelated_folder_is_refused_and_kept(site_project, tmp_path, capsys):
    mine = tmp_path / "photos"
    mine.mkdir()
    (mine / "holiday.jpg").write_bytes(b"\xff\xd8")
    code, _out, err = _build(capsys, site_project, "-d", mine)
    assert code == 2
    assert _one_line(err) == (
        f"{mine}: holds files relnotes did not build (no {SITE_MARKER}); refusing to replace it: "
        "choose a new or empty folder (-d DIR), or empty it yourself"
    )
    assert [p.name for p in mine.iterdir()] == ["holiday.jpg"]


def test_an_empty_folder_is_accepted(site_project, tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _build(capsys, site_project, "-d", empty)[0] == 0
    assert (empty / SITE_MARKER).is_file() and (empty / "index.html").is_file()


@pytest.mark.parametrize(
    "where, message",
    [
        ("..", "the site folder holds the project itself; choose another (-d DIR)"),
        (".", "the site folder holds the project itself; choose another (-d DIR)"),
        ("/", "the site folder is the file system's root; choose a folder of its own (-d DIR)"),
    ],
)
def test_parent_root_and_project_folders_are_refused(site_project, capsys, monkeypatch, where, message):
    monkeypatch.chdir(site_project)
    before = sorted(p.name for p in site_project.parent.iterdir())
    code, _out, err = run_cli(capsys, "site", "build", "-d", where)
    assert (code, _one_line(err)) == (2, f"{where}: {message}")
    assert sorted(p.name for p in site_project.parent.iterdir()) == before


@pytest.mark.parametrize(
    "break_it, message",
    [
        # a team's own templates folder named in mkdocs.yml but missing (relnotes needs none of its own)
        (lambda p: _custom_dir(p, make=False), "The path set in custom_dir ('{p}/overrides') does not"),
        (lambda p: (p / "mkdocs.yml").write_text("theme: [\n"), "MkDocs encountered an error parsing"),
        (lambda p: (p / "mkdocs.yml").write_text("site_name: x\ntheme: nosuchtheme\n"), "Config value 'theme'"),
        (
            lambda p: _custom_dir(p, make=True).joinpath("main.html").write_text("{% include 'gone.html' %}"),
            "TemplateNotFound",
        ),
    ],
)
def test_every_mkdocs_failure_is_one_line_and_exit_2(site_project, capsys, break_it, message):
    (site_project / "site").mkdir()
    (site_project / "site" / SITE_MARKER).write_text("")
    (site_project / "site" / "index.html").write_text("the previous site")
    break_it(site_project)
    code, _out, err = _build(capsys, site_project)
    line = _one_line(err)
    assert code == 2
    assert line.startswith(f"{site_project / 'mkdocs.yml'}: ")
    assert message.format(p=site_project) in line
    assert (site_project / "site" / "index.html").read_text() == "the previous site"  # kept as it was


def test_serve_with_a_bad_address_is_one_line(site_project, capsys):
    code, _out, err = run_cli(capsys, "site", "serve", "-f", site_project / "mkdocs.yml", "-a", "localhost")
    assert (code, _one_line(err)) == (2, "relnotes: --dev-addr localhost: give host:port, like 127.0.0.1:8000")


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_a_whole_site(site_project):
    """20 builds, each killed (SIGKILL or SIGTERM) at a random moment of its run."""
    command = [sys.executable, "-m", "relnotes.cli", "site", "build"]
    run = subprocess.run(command, cwd=site_project, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    site = site_project / "site"
    whole = _files(site)
    start = time.perf_counter()
    subprocess.run(command, cwd=site_project, capture_output=True, timeout=120, check=True)
    duration = time.perf_counter() - start
    chance = random.Random(13)
    outcomes = []
    for attempt in range(20):
        how = signal.SIGKILL if attempt % 2 else signal.SIGTERM
        process = subprocess.Popen(command, cwd=site_project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(chance.uniform(0.05, duration))
        os.kill(process.pid, how)
        _out, err = process.communicate(timeout=60)
        outcomes.append(process.returncode)
        assert _files(site) == whole, (attempt, how, err)
        assert not list(site.rglob(".stage")), attempt
        left = [p for p in site_project.iterdir() if p.name.startswith(".site")]
        assert all(is_ours(p) or not any(p.iterdir()) for p in left), attempt  # the next build may remove them
        assert b"Traceback" not in err
        if b"interrupted" in err:  # SIGTERM once relnotes runs: it cleaned up on the way out
            assert left == [], attempt
    assert any(code != 0 for code in outcomes)  # most were really interrupted
    subprocess.run(command, cwd=site_project, capture_output=True, timeout=120, check=True)
    assert [p.name for p in site_project.iterdir() if p.name.startswith(".site")] == []  # a killed one's removed
    assert _files(site) == whole


def test_symlink_loops_under_locales_end_the_walk(site_project):
    """Two link loops under locales/ made the inputs' digest walk for ever."""
    from relnotes.site.assemble import walk_files

    locales = site_project / "locales"
    (locales / "pt_BR" / "again").symlink_to("..")
    (locales / "loop-a").symlink_to("loop-b")
    (locales / "loop-b").symlink_to("loop-a")
    (locales / "up").symlink_to(".")
    files = sorted(p.relative_to(locales).as_posix() for p in walk_files(locales) if p.suffix in (".po", ".pot"))
    assert files == ["en/LC_MESSAGES/release-notes.po", "pt_BR/LC_MESSAGES/release-notes.po", "release-notes.pot"]
    command = [sys.executable, "-m", "relnotes.cli", "site", "build"]
    run = subprocess.run(command, cwd=site_project, capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stderr.count("\n"), run.stdout.startswith("built 2 languages")) == (0, 2, True)


def test_a_site_folder_that_cannot_be_written_is_one_line(site_project, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, _out, err = _build(capsys, site_project, "-d", blocker / "site")
    assert (code, _one_line(err)) == (
        2,
        f"{blocker / 'site'}: cannot write the site: Not a directory ({blocker / '.site.relnotes-new'}); "
        "choose a folder you can write (-d DIR)",
    )
    assert blocker.read_text() == "not a folder"
