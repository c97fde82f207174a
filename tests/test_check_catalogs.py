"""Catalogs GNU msgfmt rejects: check lists them, the commands that need them refuse them."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import po_path, run_cli

KNOWN = "Known Issues"


def _problems(capsys, root) -> tuple[int, list[tuple[str, str, int | None, str]]]:
    code, out, _ = run_cli(capsys, "check", "--json", "-C", root)
    return code, [(p["check"], p["severity"], p["line"], p["message"]) for p in json.loads(out)["problems"]]


def _line_of(path, text: str) -> int:
    """1-based number of the first line equal to ``text``."""
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


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


def test_duplicate_msgid_is_a_catalog_error_for_check(project_dir, capsys):
    path, first, second = _duplicate_known(project_dir)
    code, problems = _problems(capsys, project_dir)
    assert code == 1
    assert [p for p in problems if p[1] == "error"] == [
        (
            "catalog",
            "error",
            second,
            f"msgid 'Known Issues' is already defined at line {first}; keep one of the two entries",
        )
    ]
    code, out, _ = run_cli(capsys, "check", "-C", project_dir)
    assert out.splitlines()[0] == (
        f"{path}:{second}: error: [catalog] msgid 'Known Issues' is already "
        f"defined at line {first}; keep one of the two entries"
    )


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


def _msgfmt(path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def _without_header(text: str) -> str:
    start = text.index('msgid ""\nmsgstr ""\n')
    end = text.index("\n\n", start)
    return text[:start] + text[end + 2 :]


def _with_format_entry(msgid: str, msgstr: str, flag: str):
    def edit(text: str) -> str:
        return text + f'\n#, {flag}\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'

    return edit


# update keeps a team's Plural-Forms, so a broken one is mended by hand, with GNU's value
GNU_PT_BR = "write GNU gettext's 'nplurals=2; plural=(n > 1);' for pt_BR"

BROKEN = {
    # name: (edit of the pt_BR catalog, what msgfmt says, relnotes check, relnotes message)
    "no header": (
        _without_header,
        "PO file header missing or invalid",
        "header",
        'no header entry; run relnotes update, or restore the msgid "" entry from git',
    ),
    "bad plural expression": (
        lambda text: text.replace("plural=(n > 1);", "plural=(n >;"),
        "invalid plural expression",
        "header",
        "Plural-Forms: invalid plural expression '(n >'; " + GNU_PT_BR,
    ),
    "plural divides by zero": (
        lambda text: text.replace("plural=(n > 1);", "plural=(n % 0);"),
        "division by zero",
        "header",
        "Plural-Forms: invalid plural expression '(n % 0)'; " + GNU_PT_BR,
    ),
    "bad nplurals": (
        lambda text: text.replace("nplurals=2;", "nplurals=x;"),
        "invalid nplurals value",
        "header",
        "Plural-Forms: invalid nplurals value 'x'; " + GNU_PT_BR,
    ),
    "plural beyond nplurals": (
        lambda text: text.replace("nplurals=2;", "nplurals=1;"),
        "plural expression can produce values as large as 1",
        "header",
        "Plural-Forms: nplurals=1 but the expression gives 1; " + GNU_PT_BR,
    ),
    "c-format %s vs %d": (
        _with_format_entry("%s guests", "%d convidados", "c-format"),
        "format specifications in 'msgid' and 'msgstr' for argument 1 are not the same",
        "format",
        "c-format: Different printf variable: %d; use the source's directives",
    ),
    "c-format directive dropped": (
        _with_format_entry("%s guests on %s", "convidados em %s", "c-format"),
        "number of format specifications in 'msgid' and 'msgstr' does not match",
        "format",
        "c-format: Different number of printf variables; use the source's directives",
    ),
    "python-format renamed": (
        _with_format_entry("%(count)s guests", "%(total)s convidados", "python-format"),
        "a format specification for argument 'count' doesn't exist in 'msgstr'",
        "format",
        "python-format: Added printf variable: %(total)s; use the source's directives",
    ),
    "python-brace-format renamed": (
        _with_format_entry("{count} guests", "{total} convidados", "python-brace-format"),
        "a format specification for argument 'count' doesn't exist in 'msgstr'",
        "format",
        "python-brace-format: Unknown named placeholders in translation: {total}, Named placeholders absent in "
        "translation: {count}; use the source's directives",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_what_msgfmt_rejects_check_reports_too(project_dir, capsys, case):
    edit, msgfmt_says, check, message = BROKEN[case]
    path = po_path(project_dir, "pt_BR")
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = _msgfmt(path)
    assert result.returncode == 1
    assert msgfmt_says in result.stderr
    code, problems = _problems(capsys, project_dir)
    assert code == 1
    if check == "header":
        line = _line_of(path, 'msgid ""') if case != "no header" else None
    else:
        line = len(path.read_text(encoding="utf-8").splitlines()) - 2  # the appended entry's flag line
    assert [p for p in problems if p[0] == check] == [(check, "error", line, message)]


def test_msgfmt_and_check_both_accept_the_committed_catalogs(project_dir, capsys):
    for lang in ("pt_BR", "en"):
        assert _msgfmt(po_path(project_dir, lang)).returncode == 0
    code, problems = _problems(capsys, project_dir)
    assert code == 0
    assert {p[0] for p in problems} == {"source"}
