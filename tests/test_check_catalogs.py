"""Catalogs GNU msgfmt rejects: the commands that need them refuse them."""

from __future__ import annotations

import pytest

from tests.conftest import po_path, run_cli

KNOWN = "Known Issues"


def _duplicate_known(project_dir):
    """Paste the Known Issues entry a second time at the end, as a careless merge would."""
    path = po_path(project_dir, "pt_BR")
    path.write_text(
        path.read_text(encoding="utf-8") + f'\nmsgid "{KNOWN}"\nmsgstr "Problemas conhecidos"\n',
        encoding="utf-8",
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    msgid = lines.index(f'msgid "{KNOWN}"')  # 0-based; the entry starts two comment lines above
    assert lines[msgid - 2].startswith("#. lang: en") and lines[msgid - 1].startswith("#: ")
    assert lines[-2] == f'msgid "{KNOWN}"'
    return path, msgid - 1, len(lines) - 1  # 1-based lines of both entries' first line


@pytest.mark.parametrize("command", [["status"], ["status", "pt_BR"], ["update"], ["queue", "pt_BR"]])
def test_duplicate_msgid_is_refused_with_one_line_and_exit_2(project_dir, capsys, command):
    path, first, second = _duplicate_known(project_dir)
    before = path.read_bytes()
    code, out, err = run_cli(capsys, *command, "-C", project_dir)
    assert (code, out) == (2, "")
    assert err == (
        f"{path}:{second}: msgid 'Known Issues' is already defined at line {first}; keep one of the two entries\n"
    )
    assert path.read_bytes() == before


def test_site_build_refuses_a_duplicate_msgid(site_project, capsys, monkeypatch):
    _path, first, second = _duplicate_known(site_project)
    monkeypatch.chdir(site_project)
    code, out, err = run_cli(capsys, "site", "build", "-d", site_project / "built")
    assert (code, out) == (2, "")
    assert err == (
        f"locales/pt_BR/LC_MESSAGES/release-notes.po:{second}: msgid 'Known Issues' is already defined at line "
        f"{first}; keep one of the two entries\n"
    )
    assert not (site_project / "built").exists()
