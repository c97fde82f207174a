"""The CI gate a team configures in relnotes.toml: which checks run, and how severe each is."""

from __future__ import annotations

import json

import polib
import pytest

from tests.conftest import po_path, run_cli
from tests.test_import import PARAS, PT, _edition, original_html

GATE = '[check]\nseverity = { fuzzy = "warning" }\n'


@pytest.fixture
def imported(tmp_path, capsys):
    """A clean import that holds two reordered paragraphs for review (fuzzy)."""
    project = tmp_path / "proj"
    (project / "sources").mkdir(parents=True)
    (project / "sources" / "guide.en.html").write_text(original_html(), encoding="utf-8")
    (project / "relnotes.toml").write_text('languages = ["pt_BR", "en"]\nsource_language = "en"\n', encoding="utf-8")
    code, _, _ = run_cli(
        capsys, "import", _edition(tmp_path, [PT[0], PT[2], PT[1], PT[3]]), "--locale", "pt_BR", "-C", project
    )
    assert code == 0
    return project


def _settings(root, text: str) -> None:
    path = root / "relnotes.toml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_by_default_fuzzy_entries_fail_the_gate(imported, capsys):
    code, out, _ = run_cli(capsys, "check", "-C", imported)
    assert code == 1
    assert [line.split(": ", 2)[1] for line in out.splitlines() if "[fuzzy]" in line] == ["error"] * 3
    assert out.splitlines()[-1] == "3 error(s), 0 warning(s)"


def test_fuzzy_as_warning_passes_right_after_a_clean_import_and_json_says_the_same(imported, capsys):
    _settings(imported, GATE)
    code, out, _ = run_cli(capsys, "check", "-C", imported)
    assert code == 0, out
    assert out.splitlines()[-1] == "0 error(s), 3 warning(s)"
    assert "warning: [fuzzy] fuzzy: 'The cache of downloaded files" in out
    code, out, _ = run_cli(capsys, "check", "--json", "-C", imported)
    summary = json.loads(out)
    assert code == 0 and (summary["errors"], summary["warnings"]) == (0, 3)
    assert [(p["check"], p["severity"]) for p in summary["problems"]] == [("fuzzy", "warning")] * 3


def test_a_planted_error_still_fails_the_gate(imported, capsys):
    _settings(imported, GATE)
    path = po_path(imported, "pt_BR")
    catalog = polib.pofile(str(path))
    catalog.find(PARAS[0][0]).msgstr = "Execute apt-get install com a opção para manter o sistema pequeno."
    catalog.save(str(path))
    code, out, _ = run_cli(capsys, "check", "-C", imported)
    assert code == 1
    assert "error: [tokens] missing from msgstr: --no-install-recommends" in out
    assert out.splitlines()[-1] == "1 error(s), 3 warning(s)"


def test_an_ignored_check_does_not_run(imported, capsys):
    _settings(imported, '[check]\nignore = ["fuzzy"]\n')
    code, out, _ = run_cli(capsys, "check", "-C", imported)
    assert code == 0 and "[fuzzy]" not in out


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ('[check]\nignore = ["fuzy"]\n', "[check] ignore: no check named 'fuzy'; relnotes check --list names them"),
        ('[check]\nseverity = { fuzzy = "fatal" }\n', '[check] severity maps check names to "error" or "warning"'),
        ('[check]\nignore = "fuzzy"\n', '[check] ignore must be a list of check names, like ["added-number"]'),
        ("[check]\nlevel = 1\n", "[check] has no setting 'level'; known: ignore, severity"),
        ('[site]\nimported_for_review = "both"\n', '[site] imported_for_review must be "edition" or "original"'),
    ],
)
def test_a_bad_setting_is_one_line_exit_2(imported, capsys, settings, message):
    _settings(imported, settings)
    code, out, err = run_cli(capsys, "check", "-C", imported)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and "relnotes.toml" in err and message in err


def test_check_list_shows_the_projects_choices_marked(imported, capsys):
    _settings(imported, '[check]\nignore = ["doublespacing"]\nseverity = { fuzzy = "warning", endpunc = "error" }\n')
    code, out, _ = run_cli(capsys, "check", "--list", "-C", imported)
    assert code == 0
    lines = {line.split()[0]: line.split()[1] for line in out.splitlines()[:-1]}
    assert (lines["fuzzy"], lines["endpunc"], lines["doublespacing"]) == ("warning*", "error*", "ignored*")
    assert (lines["catalog"], lines["startpunc"]) == ("error", "warning")  # not chosen: the default
    assert out.splitlines()[-1] == f"* as {imported / 'relnotes.toml'} chooses ([check])"
