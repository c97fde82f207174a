"""relnotes.toml is checked when it is read: each bad key is one line naming it and what it may be.

Before: ``detector = "evil"`` raised a KeyError, ``glossary = "locales"`` an IsADirectoryError,
and ``glossary = "/etc/passwd"`` was read as the project's glossary.
"""

from __future__ import annotations

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize(
    "toml, message",
    [
        ('detector = "evil"', "detector 'evil' is not one of: langdetect, lingua"),
        ('glossary = "locales"', "glossary = 'locales' is a folder; give a file, like locales/glossary.txt"),
        (
            'glossary = "/etc/passwd"',
            "glossary = '/etc/passwd' is outside the project; give a file in it, like locales/glossary.txt",
        ),
        (
            'glossary = "../../../../../../etc/hostname"',
            "glossary = '../../../../../../etc/hostname' is outside the project; give a file in it, "
            "like locales/glossary.txt",
        ),
        ('glossary = ""', "glossary is empty; give a file inside the project, like locales/glossary.txt"),
        ("detector = 3", "detector must be a string (in quotes), not a number"),
        ('languages = "pt_BR"', 'languages must be a list of locales in quotes, like ["pt_BR", "en"]'),
        (
            'source_language = "klingon"',
            "source_language: 'klingon' is not a locale identifier; use a form like pt_BR or en",
        ),
        ('domain = "../x"', "domain '../x' must be a plain file name (letters, digits, . _ -): release-notes"),
        (
            'detectr = "lingua"',
            "unknown setting 'detectr'; the settings are: domain, source_language, languages, detector, glossary",
        ),
        ("languages = [", "not valid TOML (Invalid value (at end of document))"),
    ],
)
def test_each_bad_setting_is_one_line_naming_the_key(project_dir, capsys, toml, message):
    (project_dir / "relnotes.toml").write_text(toml + "\n", encoding="utf-8")
    before = sorted(p.relative_to(project_dir) for p in project_dir.rglob("*"))
    code, out, err = run_cli(capsys, "update", "-C", project_dir)
    assert (code, out, err) == (2, "", f"{project_dir}/relnotes.toml: {message}\n")
    assert sorted(p.relative_to(project_dir) for p in project_dir.rglob("*")) == before  # nothing written


def test_a_glossary_linked_out_of_the_project_is_refused(project_dir, capsys):
    (project_dir / "locales" / "glossary.txt").symlink_to("/etc/passwd")
    code, _out, err = run_cli(capsys, "status", "-C", project_dir)
    assert (code, err) == (
        2,
        f"{project_dir}/relnotes.toml: glossary = 'locales/glossary.txt' is outside the project; "
        "give a file in it, like locales/glossary.txt\n",
    )


def test_settings_that_are_not_text_are_one_line(project_dir, capsys):
    (project_dir / "relnotes.toml").write_bytes(b'languages = ["pt_BR", "en"] # \xff\n')
    assert run_cli(capsys, "status", "-C", project_dir)[2] == (
        f"{project_dir}/relnotes.toml: not valid UTF-8; save the file as UTF-8\n"
    )
    (project_dir / "relnotes.toml").unlink()
    (project_dir / "relnotes.toml").mkdir()
    assert run_cli(capsys, "status", "-C", project_dir)[2] == (
        f"{project_dir}/relnotes.toml: cannot be read (Is a directory); it must be a text file\n"
    )


def test_good_settings_are_kept(project_dir, capsys):
    (project_dir / "relnotes.toml").write_text(
        'languages = ["pt_BR", "en"]\ndetector = "langdetect"\nglossary = "locales/terms.txt"\n', encoding="utf-8"
    )
    (project_dir / "locales" / "terms.txt").write_text("Red Hat\n", encoding="utf-8")
    from relnotes.project import Project

    project = Project.load(project_dir)
    assert (project.glossary_path, project.detector, project.configured_languages) == (
        project_dir / "locales" / "terms.txt",
        "langdetect",
        ["pt_BR", "en"],
    )


@pytest.mark.parametrize("lang", ['en" onmouseover="alert(1)', "EN", 3])
def test_a_pinned_language_that_is_no_language_code_is_one_line(project_dir, capsys, lang):
    """It would reach the site's lang attributes through the template; refused where it is read."""
    import json

    text = "The hypervisor now saves the address correctly, which resolves this issue."
    (project_dir / "locales" / "overrides.toml").write_text(
        f"[[override]]\ntext = {json.dumps(text)}\nlang = {json.dumps(lang)}\n", encoding="utf-8"
    )
    code, _out, err = run_cli(capsys, "update", "-C", project_dir)
    assert (code, err) == (
        2,
        f"{project_dir}/locales/overrides.toml: override #1: lang {lang!r} must be a language code like en or pt, "
        "or zxx\n",
    )
