"""The command line explains itself: --help, --version, -C on every command, one-line failures,
no lock in locales/, nothing left behind by serve; and `relnotes init` in a team's repository."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from importlib import metadata

import pytest

from relnotes.cli import build_parser
from relnotes.project import Project
from tests.conftest import CHAPTER, ROOT, po_path, run_cli
from tests.loopback import fetch, relnotes_serve, wait_for

COMMANDS = ["init", "inspect", "override", "update", "import", "status", "queue", "check", "site"]
# the arguments each command needs besides -C, so that only -C is wrong
NEEDS = {
    "init": [],
    "inspect": [str(CHAPTER)],
    "override": ["Paridade", "en"],
    "update": [],
    "import": [str(CHAPTER), "--locale", "pt_BR"],
    "status": [],
    "queue": ["pt_BR"],
    "check": [],
    "site": ["build"],
}


def test_help_says_what_relnotes_does_and_lists_every_command_on_one_line(capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0
    assert "argument parsing" not in out and "Nothing else" not in out
    assert "relnotes keeps a documentation book or release notes translated paragraph by paragraph." in out
    assert "-C DIR" in out
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("    ") and line.split()]
    assert listed == COMMANDS  # one line each: a wrapped help would add a line that is no command
    assert all(len(line) <= 80 for line in out.splitlines() if line.startswith("    "))


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"relnotes {metadata.version('relnotes')}\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_project_folder_is_refused_and_never_created(command, tmp_path, capsys):
    missing = tmp_path / "typo"
    code, out, err = run_cli(capsys, command, *NEEDS[command], "-C", missing)
    assert (code, out) == (2, "")
    assert err == f"{missing}: no such folder; -C names an existing project folder (nothing was created)\n"
    assert not missing.exists()


def test_c_before_the_command_works_too(tmp_path, capsys):
    missing = tmp_path / "typo"
    assert run_cli(capsys, "-C", missing, "update")[0] == 2
    assert not missing.exists()


def test_usage_errors_are_one_line_and_exit_2(capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["bogus"])
    out, err = capsys.readouterr()
    assert (stop.value.code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("relnotes: argument COMMAND: invalid choice: 'bogus'")
    assert err.endswith("(see relnotes --help)\n")


def test_c_works_on_every_command(site_project, tmp_path, capsys, monkeypatch):
    """Every command run from elsewhere on the project folder; files by default inside it."""
    monkeypatch.chdir(tmp_path)
    root = site_project
    assert run_cli(capsys, "update", "-C", root)[0] == 0
    assert not (root / "locales" / ".lock").exists()  # the lock lives under build/, never committed
    assert sorted(p.name for p in (root / "locales").iterdir()) == ["en", "pt_BR", "release-notes.pot"]
    assert run_cli(capsys, "status", "-C", root)[0] == 0
    assert run_cli(capsys, "queue", "pt_BR", "-C", root)[0] == 0
    assert run_cli(capsys, "check", "-C", root)[0] in (0, 1)  # runs; whether it finds a problem is not asked here
    code, out, _ = run_cli(capsys, "override", "Paridade", "en", "-C", root)
    assert (code, out) == (0, f"{root / 'locales' / 'overrides.toml'}: 1 override(s)\n")
    code, out, _ = run_cli(capsys, "inspect", CHAPTER, "--json", "-C", root)
    paridade = next(b for b in json.loads(out)["blocks"] if b["text"] == "Paridade")
    assert (code, paridade["lang"]) == (0, "en")  # the project's overrides were read, not ./locales/
    code, _, err = run_cli(capsys, "site", "build", "-C", root)
    assert code == 0, err
    assert (root / "site" / "x86" / "index.html").is_file()
    assert not (tmp_path / "site").exists()
    empty = tmp_path / "new"
    empty.mkdir()
    assert run_cli(capsys, "init", "-C", empty)[0] == 0
    assert (empty / "relnotes.toml").is_file()


def test_site_build_without_mkdocs_yml_says_to_run_init(project_dir, capsys):
    code, out, err = run_cli(capsys, "site", "build", "-C", project_dir)
    assert (code, out) == (2, "")
    expected = (
        f"{project_dir / 'mkdocs.yml'}: no such MkDocs configuration; run relnotes init here, or name one with -f\n"
    )
    assert err == expected


def test_an_old_mkdocs_yml_naming_missing_folders_is_one_line_not_a_silent_exit_1(project_dir, capsys):
    """The checkout's former mkdocs.yml: docs_dir docs and custom_dir overrides, neither there."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "theme:\n  name: material\n", "docs_dir: docs\ntheme:\n  name: material\n  custom_dir: overrides\n"
    )
    (project_dir / "mkdocs.yml").write_text(config, encoding="utf-8")
    code, out, err = run_cli(capsys, "site", "build", "-C", project_dir)
    assert (code, out) == (2, "")
    assert err == (
        f"{project_dir / 'mkdocs.yml'}: Config value 'theme': The path set in custom_dir "
        f"('{project_dir / 'overrides'}') does not exist"
        "; relnotes brings its own templates: remove custom_dir from mkdocs.yml, or create that folder\n"
    )
    (project_dir / "mkdocs.yml").write_text(config.replace("  custom_dir: overrides\n", ""), encoding="utf-8")
    assert run_cli(capsys, "update", "-C", project_dir)[0] == 0
    code, _, err = run_cli(capsys, "site", "build", "-C", project_dir)  # no docs/: relnotes does without
    assert code == 0, err
    assert not (project_dir / "docs").exists()


def test_a_mkdocs_yml_without_the_plugin_says_so(project_dir, capsys):
    (project_dir / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: material\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "site", "build", "-C", project_dir)
    assert (code, err) == (
        2,
        f"{project_dir / 'mkdocs.yml'}: the relnotes plugin is not used; add `- relnotes` under plugins:\n",
    )


# --- relnotes init -----------------------------------------------------------------------------


def test_init_in_an_empty_folder_writes_a_project_that_builds(tmp_path, capsys):
    root = tmp_path / "manual"
    root.mkdir()
    code, out, _ = run_cli(capsys, "init", "-C", root, "--languages", "pt-BR, en", "--site-name", "Manual")
    assert code == 0
    assert out.splitlines()[:5] == [
        "wrote relnotes.toml",
        "wrote mkdocs.yml",
        "wrote .gitignore",
        "wrote sources/",
        "wrote locales/",
    ]
    settings = tomllib.loads((root / "relnotes.toml").read_text(encoding="utf-8"))
    assert settings == {"source_language": "en", "languages": ["pt_BR", "en"]}
    assert sorted(p.name for p in root.iterdir()) == [".gitignore", "locales", "mkdocs.yml", "relnotes.toml", "sources"]
    shutil.copy(CHAPTER, root / "sources" / CHAPTER.name)
    assert run_cli(capsys, "update", "-C", root)[0] == 0
    code, _, err = run_cli(capsys, "site", "build", "-C", root)
    assert code == 0, err
    html = (root / "site" / "x86" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="pt-BR" dir="ltr"' in html  # the package's templates, with no overrides/ here
    assert "<title>" in html and "Manual" in html
    assert not (root / "overrides").exists() and not (root / "docs").exists()


def test_init_never_overwrites_and_without_a_terminal_asks_nothing(tmp_path, capsys):
    root = tmp_path / "repo"
    (root / "sources").mkdir(parents=True)
    shutil.copy(CHAPTER, root / "sources" / CHAPTER.name)
    (root / "mkdocs.yml").write_text("site_name: Ours\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "init", "-C", root)
    assert code == 0
    assert "kept mkdocs.yml (it exists; relnotes never overwrites it)" in out.splitlines()
    assert "mkdocs.yml: add `- relnotes` under plugins: (and `attr_list` under markdown_extensions)" in out
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Ours\n"
    settings = tomllib.loads((root / "relnotes.toml").read_text(encoding="utf-8"))
    assert settings == {"source_language": "en"}  # languages: from the masters, as without the file
    assert [loc.posix for loc in Project.load(root).languages] == ["pt_BR", "en"]
    before = {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()}
    code, out, _ = run_cli(capsys, "init", "-C", root, "--source-language", "de")
    assert code == 0 and not any(line.startswith("wrote") for line in out.splitlines())
    assert {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()} == before


def test_init_refuses_a_bad_language_in_one_line(tmp_path, capsys):
    code, out, err = run_cli(capsys, "init", "-C", tmp_path, "--languages", "pt_BR,../x")
    assert (code, out) == (2, "")
    assert err == "--languages: '../x' is not a locale identifier; use a form like pt_BR or en\n"
    assert list(tmp_path.iterdir()) == []


def test_init_asks_on_a_terminal(tmp_path):
    """The questions, answered through a pseudo-terminal as a person would."""
    import pty

    root = tmp_path / "asked"
    root.mkdir()
    pid, fd = pty.fork()
    if pid == 0:  # the child: relnotes init on the terminal
        os.chdir(root)
        os.execv(sys.executable, [sys.executable, "-m", "relnotes.cli", "init"])
    answers = [b"Our Manual\n", b"\n", b"de, en\n"]
    seen = b""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if answers and seen.rstrip().endswith(b":"):
            os.write(fd, answers.pop(0))
    os.waitpid(pid, 0)
    text = seen.decode()
    assert "Site name [Asked]:" in text
    assert "Language the masters leave untranslated (source language) [en]:" in text
    assert "Site languages (the first master's language is the site's default) [en]:" in text
    assert tomllib.loads((root / "relnotes.toml").read_text(encoding="utf-8"))["languages"] == ["de", "en"]
    assert 'site_name: "Our Manual"' in (root / "mkdocs.yml").read_text(encoding="utf-8")


# --- serve leaves nothing behind ------------------------------------------------------------------


def test_serve_stopped_by_sigterm_leaves_no_temporary_folder(site_project, tmp_path):
    assert subprocess.run([sys.executable, "-m", "relnotes.cli", "update", "-C", str(site_project)]).returncode == 0
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server, port = relnotes_serve(site_project, tmp)
    try:
        assert wait_for(lambda: fetch(f"http://127.0.0.1:{port}/x86/")[0] == 200, 60)
        assert [p.name.startswith("relnotes-serve-") for p in tmp.iterdir()] == [True]  # it was there
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 143
    said = "relnotes: interrupted by SIGTERM; nothing was half-written, no temporary folder left"
    assert err.splitlines()[-1] == said
    assert list(tmp.iterdir()) == []


def test_serve_whose_first_build_fails_says_why_in_one_line_and_leaves_nothing(site_project, tmp_path):
    assert subprocess.run([sys.executable, "-m", "relnotes.cli", "update", "-C", str(site_project)]).returncode == 0
    path = po_path(site_project, "pt_BR")
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines) if line.startswith("msgstr") and n > 20)
    lines[number] = 'msgstr "sem fim'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server, _port = relnotes_serve(site_project, tmp)
    _, err = server.communicate(timeout=60)
    assert server.returncode == 2
    assert err.strip().splitlines()[-1] == f"{path}:{number + 1}: string not closed; end it with a double quote"
    assert "Traceback" not in err
    assert list(tmp.iterdir()) == []
