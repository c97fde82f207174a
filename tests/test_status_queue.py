"""status and queue: exact counts, agreement with pocount and msgfmt, export/import round trip."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import polib

from tests.conftest import po_path, run_cli, translate
from tests.test_catalogs import XM

PT_XM = "Migrar convidados paravirtualizados com xm migrate [domain] [dom0 IP address] não funciona."


def _status(capsys, root, lang):
    code, out, _ = run_cli(capsys, "status", lang, "--json", "-C", root)
    assert code == 0
    (language,) = json.loads(out)["languages"]
    return language


def test_status_counts_placements_and_entries_exactly(project_dir, capsys):
    pt = _status(capsys, project_dir, "pt_BR")
    assert pt["placements"] == {
        "native": 47,
        "neutral": 0,
        "translated": 0,
        "fuzzy": 0,
        "untranslated": 33,
        "total": 80,
        "coverage": 58.8,
    }
    assert pt["entries"] == {
        "native": 47,
        "neutral": 0,
        "translated": 0,
        "fuzzy": 0,
        "untranslated": 26,
        "total": 73,
        "coverage": 64.4,
    }
    rows = {(r["section"], r["arch"]): (r["native"], r["untranslated"]) for r in pt["by_section"]}
    assert rows[("6.3", "x86")] == (1, 3)  # heading, item 38, item 39 first paragraph
    assert rows[("6.3", "ia64")] == (8, 6)
    assert rows[("-", "-")] == (0, 2)
    assert sum(n + u for n, u in rows.values()) == 80


def test_translating_one_entry_moves_status_and_queue_by_its_placements(project_dir, capsys):
    before = _status(capsys, project_dir, "pt_BR")["placements"]
    queue_before = json.loads(run_cli(capsys, "queue", "pt_BR", "--json", "-C", project_dir)[1])["queue"]
    assert queue_before[0]["msgid"] == XM and queue_before[0]["placements"] == 3
    translate(project_dir, "pt_BR", XM, PT_XM)
    after = _status(capsys, project_dir, "pt_BR")["placements"]
    assert after["translated"] - before["translated"] == 3
    assert before["untranslated"] - after["untranslated"] == 3
    assert after["coverage"] == 62.5
    queue_after = json.loads(run_cli(capsys, "queue", "pt_BR", "--json", "-C", project_dir)[1])["queue"]
    assert [t["msgid"] for t in queue_after] == [t["msgid"] for t in queue_before[1:]]


def test_queue_order_is_impact_then_later_sections_first(project_dir, capsys):
    queue = json.loads(run_cli(capsys, "queue", "pt_BR", "--json", "-C", project_dir)[1])["queue"]
    assert [t["placements"] for t in queue][:7] == [3, 2, 2, 2, 2, 2, 1]
    singles = [t for t in queue if t["placements"] == 1]
    sections = [t["places"][0]["section"] for t in singles]
    assert sections == sorted(sections, key=lambda s: (s is None, [-int(x) for x in (s or "0").split(".")]))
    assert queue[0]["places"] == [
        {"section": "6.3", "arch": "x86", "item": 38, "link": "x86/#item-38"},
        {"section": "6.3", "arch": "x86_64", "item": 40, "link": "x86_64/#item-40"},
        {"section": "6.3", "arch": "ia64", "item": 44, "link": "ia64/#item-44"},
    ]
    assert [t["msgid"] for t in queue[-2:]] == [
        "Virtualization",
        "This section contains information about updates "
        "made to Red Hat Enterprise Linux suite of Virtualization tools.",
    ]


def _pocount(path: Path) -> dict[str, int]:
    out = subprocess.run(
        [sys.executable, "-m", "translate.tools.pocount", "--csv", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    row = dict(zip(out[0].split(","), out[1].split(","), strict=True))
    return {
        "translated": int(row["Translated Messages"]),
        "fuzzy": int(row["Fuzzy Messages"]),
        "untranslated": int(row["Untranslated Messages"]),
    }


def _msgfmt(path: Path) -> dict[str, int]:
    err = subprocess.run(
        ["msgfmt", "--statistics", "-o", os.devnull, str(path)], capture_output=True, text=True, check=True
    ).stderr
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", err):
        counts[kind] = int(number)
    return counts


def test_entry_counts_agree_with_pocount_and_msgfmt(project_dir, capsys):
    translate(project_dir, "pt_BR", XM, PT_XM)
    translate(project_dir, "pt_BR", "Known Issues", "Problemas conhecidos", fuzzy=True)
    translate(project_dir, "en", "Paridade", "Parity")
    for lang in ("pt_BR", "en"):
        ours = _status(capsys, project_dir, lang)["entries"]
        mine = {k: ours[k] for k in ("translated", "fuzzy", "untranslated")}
        assert mine == _pocount(po_path(project_dir, lang)) == _msgfmt(po_path(project_dir, lang))
    assert mine == {"translated": 1, "fuzzy": 0, "untranslated": 46}


def test_queue_export_is_a_valid_work_file_and_imports_back(project_dir, capsys, tmp_path):
    work = tmp_path / "work.pt_BR.po"
    code, out, _ = run_cli(capsys, "queue", "pt_BR", "--export", work, "-C", project_dir)
    assert (code, out) == (0, f"wrote {work}: 26 entries (33 placements)\n")
    checked = subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", os.devnull, str(work)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    worked = polib.pofile(str(work))
    first = worked[0]
    assert first.msgid == XM
    assert first.comment.splitlines()[0] == (
        "Appears 3 time(s): 6.3 x86 (x86/#item-38); 6.3 x86_64 (x86_64/#item-40); 6.3 ia64 (ia64/#item-44)"
    )
    first.msgstr = PT_XM
    worked.find("Known Issues").msgstr = "Problemas conhecidos"
    worked.save(str(work))
    code, out, _ = run_cli(capsys, "queue", "import", work, "-C", project_dir)
    assert code == 0
    assert out.splitlines()[0] == (f"{work}: applied 2, unchanged 0, skipped 24 (empty or fuzzy), stale 0, conflicts 0")
    catalog = polib.pofile(str(po_path(project_dir, "pt_BR")))
    assert catalog.find(XM).msgstr == PT_XM
    assert _status(capsys, project_dir, "pt_BR")["placements"]["translated"] == 4
    code, out, _ = run_cli(capsys, "queue", "import", work, "-C", project_dir)
    assert out.splitlines()[0].startswith(f"{work}: applied 0, unchanged 2,")


def test_import_reports_stale_and_never_overwrites_a_concurrent_change(project_dir, capsys, tmp_path):
    work = tmp_path / "work.pt_BR.po"
    run_cli(capsys, "queue", "pt_BR", "--export", work, "-C", project_dir)
    translate(project_dir, "pt_BR", XM, "Tradução feita por outra pessoa, xm migrate [domain] [dom0 IP address].")
    worked = polib.pofile(str(work))
    worked.find(XM).msgstr = PT_XM
    worked.append(
        polib.POEntry(
            msgid="A text that is no longer in the master.",
            msgstr="Um texto antigo.",
            comment="relnotes-base: 000000000000",
        )
    )
    worked.save(str(work))
    code, out, _ = run_cli(capsys, "queue", "import", work, "-C", project_dir)
    assert code == 1
    assert out.splitlines() == [
        f"{work}: applied 0, unchanged 0, skipped 25 (empty or fuzzy), stale 1, conflicts 1",
        f"{work}: stale (source changed or gone; re-export): A text that is no longer in the master.",
        f"{work}: conflict (translation changed in the catalog since export; not applied): "
        "Migrating paravirtualized guests through xm migrate [domain…",
    ]
    assert polib.pofile(str(po_path(project_dir, "pt_BR"))).find(XM).msgstr.startswith("Tradução feita por outra")
