"""relnotes update: the committed catalogs, their format, and never losing a translation."""

from __future__ import annotations

import os
import subprocess

import polib
import pytest

from relnotes.catalog.update import stale
from relnotes.detect import RULES
from relnotes.project import Project
from tests.conftest import ROOT, po_path, run_cli, translate

XM = "Migrating paravirtualized guests through xm migrate [domain] [dom0 IP address] does not work."
APIC = (
    "On systems with newer CPU's, the CPU APIC ID differs from the CPU ID. Consequently, the virtualized kernel "
    "was unable to initialize CPU frequency scaling. In this update, the virtualized kernel now retrieves CPU "
    "APIC ID from the hypervisor, allowing CPU frequency scaling to be initialized properly."
)
FILES = [
    "locales/release-notes.pot",
    "locales/pt_BR/LC_MESSAGES/release-notes.po",
    "locales/en/LC_MESSAGES/release-notes.po",
]


def test_committed_locales_are_what_update_produces():
    assert stale(Project.load(ROOT)) == []


@pytest.mark.parametrize("name", FILES)
def test_msgfmt_accepts_every_catalog_and_msgcat_changes_nothing(name):
    path = ROOT / name
    checked = subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert "error" not in checked.stderr
    cat = subprocess.run(["msgcat", str(path)], capture_output=True, check=True)
    assert cat.stdout == path.read_bytes()


def test_template_has_one_entry_per_distinct_text_with_every_place():
    template = {e.msgid: e for e in polib.pofile(str(ROOT / FILES[0]))}
    assert len(template) == 73
    assert template[XM].occurrences == [
        ("virtualization:6.3/x86/38", ""),
        ("virtualization:6.3/x86_64/40", ""),
        ("virtualization:6.3/ia64/44", ""),
    ]
    assert template["All Architectures"].occurrences == [
        ("virtualization:6.2.1/all", ""),
        ("virtualization:6.3.1/all", ""),
    ]
    assert template[APIC].occurrences == [("virtualization:6.2/x86/20", ""), ("virtualization:6.2/x86_64/27", "")]
    assert template["Virtualization"].comment == "lang: en 1.00"
    assert template["Paridade"].comment == "lang: pt 1.00"
    assert not any("idle_pg_table_4" in msgid for msgid in template)  # code is never translatable


def test_each_catalog_holds_exactly_the_blocks_not_in_its_language():
    template = {e.msgid: e.comment.split()[1] for e in polib.pofile(str(ROOT / FILES[0])) if e.msgid}
    pt = polib.pofile(str(ROOT / FILES[1]))
    en = polib.pofile(str(ROOT / FILES[2]))
    assert [e.msgid for e in pt] == [m for m, lang in template.items() if lang == "en"]
    assert [e.msgid for e in en] == [m for m, lang in template.items() if lang == "pt"]
    assert (len(pt), len(en)) == (26, 47)
    assert pt.metadata["Language"] == "pt_BR"
    assert pt.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert en.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


def test_second_update_rewrites_no_byte_even_on_another_day(project_dir, capsys, monkeypatch):
    before = {name: ((project_dir / name).read_bytes(), (project_dir / name).stat().st_mtime_ns) for name in FILES}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    code, out, _ = run_cli(capsys, "update", "-C", project_dir)
    assert (code, out) == (0, "catalogs up to date\n")
    after = {name: ((project_dir / name).read_bytes(), (project_dir / name).stat().st_mtime_ns) for name in FILES}
    assert after == before


def test_changed_master_makes_the_old_translation_fuzzy_with_its_previous_msgid(project_dir, capsys):
    translate(project_dir, "pt_BR", APIC, "Em sistemas com CPUs mais novas, o APIC ID da CPU difere do ID da CPU.")
    source = project_dir / "sources" / "virtualization.pt_BR.txt"
    edited = APIC.replace("newer CPU's", "newer CPUs")
    source.write_text(source.read_text(encoding="utf-8").replace(APIC, edited), encoding="utf-8")
    code, out, _ = run_cli(capsys, "update", "-C", project_dir)
    assert code == 0
    assert "wrote locales/release-notes.pot" in out.replace(str(project_dir) + "/", "")
    entry = polib.pofile(str(po_path(project_dir, "pt_BR"))).find(edited)
    assert entry.flags == ["fuzzy"]
    assert entry.previous_msgid == APIC
    assert entry.msgstr.startswith("Em sistemas com CPUs mais novas")
    text = po_path(project_dir, "pt_BR").read_text(encoding="utf-8")
    assert '#| msgid ""\n#| "On systems with newer CPU\'s, the CPU APIC ID' in text


def test_vanished_text_turns_obsolete_and_is_revived_when_it_returns(project_dir, capsys):
    translate(
        project_dir,
        "pt_BR",
        XM,
        "Migrar convidados paravirtualizados com xm migrate [domain] [dom0 IP address] não funciona.",
    )
    source = project_dir / "sources" / "virtualization.pt_BR.txt"
    original = source.read_text(encoding="utf-8")
    source.write_text(original.replace(f"  \u2022 {XM}\n", ""), encoding="utf-8")
    assert run_cli(capsys, "update", "-C", project_dir)[0] == 0
    catalog = polib.pofile(str(po_path(project_dir, "pt_BR")))
    assert [e.msgid for e in catalog.obsolete_entries()] == [XM]
    assert f'#~ msgid ""\n#~ "{XM[:70]}' in po_path(project_dir, "pt_BR").read_text(encoding="utf-8")
    source.write_text(original, encoding="utf-8")
    assert run_cli(capsys, "update", "-C", project_dir)[0] == 0
    revived = polib.pofile(str(po_path(project_dir, "pt_BR"))).find(XM)
    assert revived.msgstr.startswith("Migrar convidados") and not revived.obsolete and revived.flags == []


def test_language_override_moves_a_text_between_catalogs_keeping_its_translation(project_dir, capsys):
    translate(project_dir, "en", "Paridade", "Parity")
    overrides = project_dir / "locales" / "overrides.toml"
    assert run_cli(capsys, "override", "Paridade", "en", "--file", overrides)[0] == 0
    assert run_cli(capsys, "update", "-C", project_dir)[0] == 0
    en = polib.pofile(str(po_path(project_dir, "en")))
    pt = polib.pofile(str(po_path(project_dir, "pt_BR")))
    assert [(e.msgid, e.msgstr) for e in en.obsolete_entries()] == [("Paridade", "Parity")]
    assert pt.find("Paridade").msgstr == ""
    template = polib.pofile(str(project_dir / FILES[0]))
    assert template.find("Paridade").comment == "lang: en override"
    assert run_cli(capsys, "override", "Paridade", "auto", "--file", overrides)[0] == 0
    assert run_cli(capsys, "update", "-C", project_dir)[0] == 0
    assert polib.pofile(str(po_path(project_dir, "en"))).find("Paridade").msgstr == "Parity"
    assert polib.pofile(str(po_path(project_dir, "pt_BR"))).find("Paridade") is None


def _retitle_known_issues(project_dir):
    """A writer's edit of the master that changes one heading: update rewrites every catalog."""
    master = project_dir / "sources" / "virtualization.pt_BR.txt"
    master.write_text(master.read_text(encoding="utf-8").replace("Known Issues", "Known issues"), encoding="utf-8")


def test_translator_comments_and_header_fields_survive_update(project_dir, capsys):
    path = po_path(project_dir, "pt_BR")
    catalog = polib.pofile(str(path))
    catalog.metadata["Last-Translator"] = "Ana Souza <ana@example.org>"
    catalog.find(XM).tcomment = "keep [domain] in English"
    catalog.save(str(path))
    _retitle_known_issues(project_dir)
    assert run_cli(capsys, "update", "-C", project_dir)[0] == 0
    catalog = polib.pofile(str(path))
    assert catalog.metadata["Last-Translator"] == "Ana Souza <ana@example.org>"
    assert catalog.find(XM).tcomment == "keep [domain] in English"


def test_update_keeps_the_language_teams_plural_forms(project_dir, capsys):
    """msgmerge never touches an existing header's Plural-Forms; neither does update."""
    path = po_path(project_dir, "pt_BR")
    team = "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"
    catalog = polib.pofile(str(path))
    catalog.metadata["Plural-Forms"] = team
    catalog.metadata["Language-Team"] = "Brazilian Portuguese <ldp-br@example.org>"
    catalog.save(str(path))
    _retitle_known_issues(project_dir)
    assert run_cli(capsys, "update", "-C", project_dir)[0] == 0
    catalog = polib.pofile(str(path))
    assert catalog.find("Known issues") is not None  # the update did rewrite this catalog
    assert catalog.metadata["Plural-Forms"] == team
    assert catalog.metadata["Language-Team"] == "Brazilian Portuguese <ldp-br@example.org>"


@pytest.mark.parametrize(
    ("locale", "forms"),
    [
        ("pt_BR", "nplurals=2; plural=(n > 1);"),
        ("pt", "nplurals=2; plural=(n != 1);"),
        ("fr", "nplurals=2; plural=(n > 1);"),
        ("ja", "nplurals=1; plural=0;"),
    ],
)
def test_a_new_catalog_gets_the_plural_forms_msginit_writes(project_dir, capsys, locale, forms):
    """Checked against the real msginit too, so the packaged table cannot drift from GNU gettext."""
    (project_dir / "relnotes.toml").write_text(f'languages = ["{locale}", "en"]\n', encoding="utf-8")
    assert run_cli(capsys, "update", "-C", project_dir)[0] == 0
    assert polib.pofile(str(po_path(project_dir, locale))).metadata["Plural-Forms"] == forms
    made = subprocess.run(
        ["msginit", "--no-translator", "-l", locale, "-i", str(project_dir / FILES[0]), "-o", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f'"Plural-Forms: {forms}\\n"' in made


def test_update_reuses_recorded_languages_only_under_the_same_detector(project_dir, capsys):
    pot = project_dir / FILES[0]
    text = pot.read_text(encoding="utf-8")
    marker = "#. lang: pt 1.00\n#: virtualization:6.1/-/1\n"
    assert marker in text
    pot.write_text(text.replace(marker, "#. lang: en 1.00\n#: virtualization:6.1/-/1\n"), encoding="utf-8")
    assert run_cli(capsys, "update", "-C", project_dir)[0] == 0
    assert marker not in pot.read_text(encoding="utf-8")  # the recorded decision was reused, not re-detected
    signature = f'"X-Relnotes-Detector: langdetect en,pt {RULES} glossary:none\\n"\n'
    pot.write_text(pot.read_text(encoding="utf-8").replace(signature, ""), encoding="utf-8")
    assert run_cli(capsys, "update", "-C", project_dir)[0] == 0
    assert marker in pot.read_text(encoding="utf-8")  # another detector: every text detected again


def test_header_fields_of_other_tools_survive_update(project_dir, capsys):
    path = po_path(project_dir, "en")
    catalog = polib.pofile(str(path))
    catalog.metadata["X-Generator"] = "Poedit 3.4"
    catalog.save(str(path))
    assert run_cli(capsys, "update", "-C", project_dir)[0] == 0
    assert polib.pofile(str(path)).metadata["X-Generator"] == "Poedit 3.4"
    assert run_cli(capsys, "check", "-C", project_dir)[0] == 0


def test_an_empty_catalog_keeps_its_header_and_is_still_checked(tmp_path, capsys):
    root = tmp_path / "p"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "notes.en.txt").write_text(
        "1. Notes\n\n1.1. Known Issues\n\n  \u2022 The installer may stop when the disk is full.\n", encoding="utf-8"
    )
    (root / "relnotes.toml").write_text('languages = ["en", "de"]\n', encoding="utf-8")
    assert run_cli(capsys, "update", "-C", root)[0] == 0
    english = root / "locales" / "en" / "LC_MESSAGES" / "release-notes.po"
    catalog = polib.pofile(str(english))
    assert len(catalog) == 0  # every block is already English
    catalog.metadata["Last-Translator"] = "Ana Souza <ana@example.org>"
    catalog.save(str(english))
    (root / "sources" / "notes.en.txt").write_text(
        "1. Notes\n\n1.1. Known Issues\n\n  \u2022 The installer may stop when the disk is nearly full.\n",
        encoding="utf-8",
    )
    assert run_cli(capsys, "update", "-C", root)[0] == 0
    assert polib.pofile(str(english)).metadata["Last-Translator"] == "Ana Souza <ana@example.org>"
    code, out, _ = run_cli(capsys, "check", "--min-coverage", "en=100", "--min-coverage", "de=50", "-C", root)
    assert code == 1
    assert out.splitlines()[-2:] == [
        f"{root}/locales/de/LC_MESSAGES/release-notes.po: error: [coverage] de coverage 0.0% is under 50%",
        "1 error(s), 0 warning(s)",
    ]


def test_written_catalogs_get_the_mode_a_plain_open_gives(project_dir):
    import os

    from relnotes.atomic import write_atomic

    target = project_dir / "locales" / "new.po"
    old = os.umask(0o022)
    try:
        write_atomic(target, b"x")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o664)
    write_atomic(target, b"y")
    assert target.stat().st_mode & 0o777 == 0o664
