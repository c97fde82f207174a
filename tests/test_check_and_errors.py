"""check: every problem it must catch; bad catalogs, locales, concurrent and interrupted writes."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import polib
from filelock import FileLock

from tests.conftest import po_path, run_cli, translate
from tests.test_catalogs import APIC, FILES, XM


def _check(capsys, root, *extra):
    code, out, _ = run_cli(capsys, "check", "--json", "-C", root, *extra)
    data = json.loads(out)
    return code, [(p["check"], p["severity"], p["message"]) for p in data["problems"]]


def test_committed_catalogs_pass_check_with_source_warnings_only(project_dir, capsys):
    code, problems = _check(capsys, project_dir)
    assert code == 0
    assert [p[:2] for p in problems] == [("source", "warning")]  # item 11, cut off after "resultando em"


def test_pasted_english_source_and_wrong_language_are_caught(project_dir, capsys):
    translate(project_dir, "pt_BR", XM, XM)
    translate(
        project_dir,
        "pt_BR",
        APIC,
        "On newer systems the APIC ID is not the CPU ID, so frequency "
        "scaling failed; the kernel now asks the hypervisor.",
    )
    code, problems = _check(capsys, project_dir)
    assert code == 1
    language = [p for p in problems if p[0] == "language"]
    assert language == [
        (
            "language",
            "error",
            "msgstr reads as en (1.00), not pt: 'On newer systems the APIC ID is not the CPU ID, s…'",
        ),
        (
            "language",
            "error",
            "msgstr is the untranslated source: 'Migrating paravirtualized guests through xm migra…'",
        ),
    ]


def test_missing_technical_tokens_are_caught(project_dir, capsys):
    text = (
        "To work around this, raise the amount of memory available to the dom0 with the dom0_mem hypervisor "
        "command line option."
    )
    translate(
        project_dir,
        "pt_BR",
        text,
        "Para contornar isto, aumente a memória disponível ao dom0 com a opção de linha de comando do hypervisor.",
    )
    code, problems = _check(capsys, project_dir)
    assert code == 1
    assert ("tokens", "error", "missing from msgstr: dom0_mem") in problems


def test_fuzzy_left_stale_catalog_and_coverage_are_errors(project_dir, capsys):
    translate(project_dir, "pt_BR", "Known Issues", "Problemas conhecidos", fuzzy=True)
    source = project_dir / "sources" / "virtualization.pt_BR.txt"
    source.write_text(
        source.read_text(encoding="utf-8").replace("6.1. Feature Updates", "6.1. New Features"), encoding="utf-8"
    )
    code, problems = _check(capsys, project_dir, "--min-coverage", "pt_BR=90", "--min-coverage", "en=10")
    assert code == 1
    kinds = [(p[0], p[2]) for p in problems if p[1] == "error"]
    assert kinds == [
        ("fuzzy", "fuzzy: 'Known Issues'"),
        ("stale", "out of date with sources/; run relnotes update"),  # the template
        ("stale", "out of date with sources/; run relnotes update"),  # pt_BR; en holds no English text
        ("coverage", "pt_BR coverage 58.8% is under 90%"),
    ]


def test_human_check_output_names_file_and_line(project_dir, capsys):
    translate(project_dir, "pt_BR", XM, XM)
    code, out, _ = run_cli(capsys, "check", "-C", project_dir)
    assert code == 1
    line = next(line for line in out.splitlines() if "[language]" in line)
    assert line.startswith(f"{po_path(project_dir, 'pt_BR')}:")
    number = int(line.split(":")[1])
    entry = po_path(project_dir, "pt_BR").read_text(encoding="utf-8").split("\n")[number - 1 :]
    entry = "\n".join(entry).split("\n\n")[0]  # the entry starts at the reported line
    assert entry.startswith("#. lang: en 0.95\n#: virtualization:6.3/x86/38")
    assert out.splitlines()[-1] == "1 error(s), 1 warning(s)"


def test_po_syntax_error_is_one_line_with_file_and_line_and_nothing_is_written(project_dir, capsys):
    path = po_path(project_dir, "en")
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines) if line.startswith('msgstr ""') and n > 20)
    lines[number] = 'msgstr "Parity'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    source = project_dir / "sources" / "virtualization.pt_BR.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("Known Issues", "Known issues"), encoding="utf-8")
    before = {name: (project_dir / name).read_bytes() for name in FILES}
    code, out, err = run_cli(capsys, "update", "-C", project_dir)
    assert (code, out) == (2, "")
    assert err == f"{path}:{number + 1}: string not closed; end it with a double quote\n"
    assert {name: (project_dir / name).read_bytes() for name in FILES} == before


def test_other_po_syntax_errors(project_dir, capsys):
    path = po_path(project_dir, "en")
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgtsr "b"\n', encoding="utf-8")
    assert run_cli(capsys, "status", "-C", project_dir)[2] == (
        f"{path}:5: syntax error near 'msgtsr \"b\"'; expected msgid, msgstr or a quoted string\n"
    )
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "a"\n\nmsgid "b"\nmsgstr ""\n', encoding="utf-8")
    assert run_cli(capsys, "status", "-C", project_dir)[2] == f'{path}:5: msgid without msgstr; add msgstr ""\n'


def test_bad_locales_are_refused_before_any_path_is_built(project_dir, capsys):
    code, _, err = run_cli(capsys, "queue", "../x", "-C", project_dir)
    assert (code, err) == (2, "relnotes: '../x' is not a locale identifier; use a form like pt_BR or en\n")
    code, _, err = run_cli(capsys, "status", "fr_FR", "-C", project_dir)
    assert (code, err) == (2, f"{project_dir}/relnotes.toml: fr_FR is not a site language (pt_BR, en)\n")
    (project_dir / "relnotes.toml").write_text('languages = ["pt_BR", "xx_QQ"]\n', encoding="utf-8")
    code, _, err = run_cli(capsys, "update", "-C", project_dir)
    assert (code, err) == (
        2,
        f"{project_dir}/relnotes.toml: languages: unknown locale 'xx_QQ'; use one Babel knows, like pt_BR or en\n",
    )
    assert not (project_dir / "locales" / "xx_QQ").exists()


def test_second_update_waits_for_the_lock_then_says_why_it_stops(project_dir):
    lock = project_dir / "build" / "relnotes" / "update.lock"  # under build/, never committed
    lock.parent.mkdir(parents=True)
    with FileLock(str(lock)):
        result = subprocess.run(
            [sys.executable, "-m", "relnotes.cli", "update", "--wait", "1", "-C", str(project_dir)],
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{lock}: another relnotes process is writing the catalogs; waiting up to 1 s",
        f"{lock}: still locked by another relnotes process; try again when it has finished",
    ]


WRITER = """
import sys
from relnotes.atomic import write_atomic
data = b"B" * 300_000_000  # about 0.8 s to write and sync here: a kill at 0.1 s lands mid-write
print("ready", flush=True)
write_atomic(sys.argv[1], data)
"""


def test_killed_writer_never_leaves_a_half_written_file(tmp_path):
    target = tmp_path / "catalog.po"
    target.write_bytes(b'msgid ""\nmsgstr ""\n')
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE)
    assert process.stdout.readline() == b"ready\n"
    time.sleep(0.1)
    process.kill()
    process.wait()
    assert target.read_bytes() == b'msgid ""\nmsgstr ""\n'  # the catalog is whole, the old one
    (partial,) = tmp_path.glob(".catalog.po.*.tmp")  # proof the kill interrupted the write
    assert 0 < partial.stat().st_size < 300_000_000


def test_obsolete_and_fuzzy_entries_are_not_counted_as_catalog_entries(project_dir, capsys):
    path = po_path(project_dir, "pt_BR")
    catalog = polib.pofile(str(path))
    catalog.append(polib.POEntry(msgid="Gone", msgstr="Ido", obsolete=True))
    catalog.save(str(path))
    code, out, _ = run_cli(capsys, "status", "pt_BR", "--json", "-C", project_dir)
    assert code == 0
    assert json.loads(out)["languages"][0]["entries"]["total"] == 73


def test_check_list_names_every_check_with_its_title(capsys):
    code, out, _ = run_cli(capsys, "check", "--list")
    assert code == 0
    assert out.splitlines() == [
        "catalog          error    Catalog no command can read (syntax error, duplicate msgid, not UTF-8).",
        "header           error    Header msgfmt --check-header rejects (missing, bad Plural-Forms).",
        "format           error    Format directives msgfmt --check-format rejects (c-format and the like).",
        "language         error    Translation not written in its catalog's language (a pasted source is caught).",
        "tokens           error    Technical token of the source missing from the translation.",
        "glossary         error    Glossary term of the source missing from the translation (terms never translated).",
        "added-number     warning  Number in the translation that its source does not have.",
        "endpunc          warning  pofilter: Checks whether punctuation at the end of the strings match.",
        "startpunc        warning  pofilter: Checks whether punctuation at the beginning of the strings match.",
        "endwhitespace    warning  pofilter: Checks whether whitespace at the end of the strings matches.",
        "startwhitespace  warning  pofilter: Checks whether whitespace at the beginning of the strings matches.",
        "doublespacing    warning  pofilter: Checks for bad double-spaces by comparing to original.",
        "brackets         warning  pofilter: Checks that the number of brackets in both strings match.",
        "startcaps        warning  pofilter: Checks that the message starts with the correct capitalisation.",
        "blank            error    pofilter: Checks whether a translation is totally blank.",
        "escapes          error    pofilter: Checks whether escaping is consistent between the two strings.",
        "newlines         error    pofilter: Checks whether newlines are consistent between the two strings.",
        "tabs             error    pofilter: Checks whether tabs are consistent between the two strings.",
        "xmltags          error    pofilter: Checks that XML/HTML tags have not been translated.",
        "emails           error    pofilter: Checks that emails are not translated.",
        "fuzzy            error    Fuzzy translation waiting for review (only an imported one is shown, marked).",
        "stale            error    Catalog out of date with sources/ (run relnotes update).",
        "coverage         error    Coverage under the threshold asked for with --min-coverage.",
        "source           warning  Defect in a master document as published (reported, never rewritten).",
        "override         warning  Pinned language for a text that no master contains any more.",
    ]
