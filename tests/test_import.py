"""relnotes import on small hand-made editions: alignment, conflicts, idempotence, bad input."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from tests.conftest import po_path, run_cli

TITLE = ("Package Tools", "Ferramentas de pacotes")
INTRO = (
    "APT reads the list of sources from /etc/apt/sources.list before anything else.",
    "O APT lê a lista de fontes em /etc/apt/sources.list antes de qualquer outra coisa.",
)
SECTION = ("Installing packages", "Instalando pacotes")
PARAS = [
    (
        "Run apt-get install with the --no-install-recommends option to keep the system small.",
        "Execute apt-get install com a opção --no-install-recommends para manter o sistema pequeno.",
    ),
    (
        "The cache of downloaded files lives in /var/cache/apt/archives until it is cleaned.",
        "O cache dos arquivos baixados fica em /var/cache/apt/archives até ser limpo.",
    ),
    (
        "Logs are written to /var/log/apt/history.log for every single operation the tool performs.",
        "Os registros são escritos em /var/log/apt/history.log para cada operação que a ferramenta faz.",
    ),
    (
        "Every package manager in this chapter keeps its own records of what it installed and why.",
        "Cada gerenciador de pacotes deste capítulo mantém seus próprios registros do que instalou e por quê.",
    ),
]
EXTRA = "Este parágrafo só existe na edição brasileira e não tem original em inglês."
TRANSLATION = dict([TITLE, INTRO, SECTION, *PARAS])


def page(lang: str, intro: str, title: str, section: str, paras: list[str]) -> str:
    body = "\n".join(f'<div class="para">{text}</div>' for text in paras)
    return f"""<html><body><div xml:lang="{lang}" class="chapter" id="chap-apt">
<div class="titlepage"><h2 class="title">1. {title}</h2></div>
<div class="para">{intro}</div>
<div class="section" id="sect.apt-get"><div class="titlepage"><h2 class="title">1.1. {section}</h2></div>
{body}
<pre class="screen">apt-get install foo</pre>
</div></div></body></html>
"""


def original_html() -> str:
    return page("en-US", INTRO[0], TITLE[0], SECTION[0], [en for en, _ in PARAS])


def edition_html(paras: list[str], intro: str = INTRO[1]) -> str:
    return page("pt-BR", intro, TITLE[1], SECTION[1], paras)


PT = [pt for _, pt in PARAS]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "guide.en.html").write_text(original_html(), encoding="utf-8")
    (root / "relnotes.toml").write_text('languages = ["pt_BR", "en"]\nsource_language = "en"\n', encoding="utf-8")
    return root


def _edition(tmp_path: Path, paras: list[str], name: str = "guide.pt_BR.html", intro: str = INTRO[1]) -> Path:
    path = tmp_path / name
    path.write_text(edition_html(paras, intro), encoding="utf-8")
    return path


def _catalog(root: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in polib.pofile(str(po_path(root, "pt_BR"))) if not e.obsolete}


def test_import_creates_the_catalog_fills_it_and_a_second_import_changes_no_byte(project, tmp_path, capsys):
    left_in = PARAS[3][0]  # the edition left this paragraph in English
    edition = _edition(tmp_path, [PT[0], PT[1], PT[2], left_in])
    code, out, err = run_cli(capsys, "import", edition, "--locale", "pt_BR", "-C", project)
    assert code == 0, err
    assert "no catalog yet; running relnotes update first" in err
    assert "imported 6 translations (0 of them fuzzy)" in out and "1 left untranslated" in out
    catalog = _catalog(project)
    for en, pt in [TITLE, INTRO, SECTION, *PARAS[:3]]:
        assert (catalog[en].msgstr, catalog[en].flags) == (pt, [])
    assert catalog[left_in].msgstr == ""
    assert "apt-get install foo" not in catalog  # code is never translated
    before = po_path(project, "pt_BR").read_bytes()
    stamp = po_path(project, "pt_BR").stat().st_mtime_ns
    code, out, _ = run_cli(capsys, "import", edition, "--locale", "pt_BR", "-C", project)
    assert code == 0 and "imported 0 translations" in out and "6 already there" in out
    assert po_path(project, "pt_BR").read_bytes() == before
    assert po_path(project, "pt_BR").stat().st_mtime_ns == stamp
    assert run_cli(capsys, "update", "--check", "-C", project)[0] == 0  # import leaves nothing stale


def test_unsure_pairs_are_fuzzy_with_a_reason_that_survives_update(project, tmp_path, capsys):
    edition = _edition(tmp_path, [PT[0], PT[2], PT[1], PT[3]])
    assert run_cli(capsys, "import", edition, "--locale", "pt_BR", "-C", project)[0] == 0
    assert run_cli(capsys, "update", "-C", project)[0] == 0
    entry = _catalog(project)[PARAS[1][0]]
    assert entry.msgstr == PT[1] and entry.flags == ["fuzzy"]
    assert entry.tcomment == "relnotes import: the edition has it elsewhere (moved) (confidence 0.87)"


def test_a_translation_already_in_the_catalog_is_kept_and_the_conflict_listed(project, tmp_path, capsys):
    assert run_cli(capsys, "update", "-C", project)[0] == 0
    path = po_path(project, "pt_BR")
    catalog = polib.pofile(str(path))
    catalog.find(INTRO[0]).msgstr = "Tradução de outra pessoa."
    catalog.save(str(path))
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("#: guide:intro"))
    code, out, _ = run_cli(capsys, "import", _edition(tmp_path, PT), "--locale", "pt_BR", "-C", project)
    assert code == 1
    conflicts = [text for text in out.splitlines() if "conflict:" in text]
    assert len(conflicts) == 1
    assert conflicts[0].startswith(f"{path}:{line - 1}: conflict: the catalog already translates 'APT reads the")
    assert conflicts[0].endswith("differently; kept it (edition: 'O APT lê a lista de fontes em /etc/apt/sources.li…')")
    entries = _catalog(project)
    assert entries[INTRO[0]].msgstr == "Tradução de outra pessoa."
    assert entries[PARAS[0][0]].msgstr == PT[0]  # the rest is applied
    before = path.read_bytes()
    code, out, _ = run_cli(capsys, "import", _edition(tmp_path, PT), "--locale", "pt_BR", "-C", project)
    assert code == 0 and "conflict" not in out.replace("0 conflicts", "")  # reported once, then kept
    assert "kept 1 a person wrote or changed since" in out
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["missing.pt_BR.html", "--locale", "pt_BR"], "missing.pt_BR.html: no such file or folder"),
        (["EDITION", "--locale", "xx_YY"], "unknown locale 'xx_YY'"),
        (["EDITION", "--locale", "de_DE"], "de_DE is not a site language (pt_BR, en)"),
        (["EDITION", "--locale", "en"], "en is the source language; import a translated edition"),
        (["EDITION", "--locale", "pt_BR", "--master", "other"], "no original master named 'other'"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(project, tmp_path, capsys, argv, message):
    edition = _edition(tmp_path, PT)
    argv = [
        str(edition) if arg == "EDITION" else str(tmp_path / arg) if arg.startswith("missing") else arg for arg in argv
    ]
    code, out, err = run_cli(capsys, "import", *argv, "-C", project)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err
    assert not (project / "locales").exists()


def test_which_master_is_asked_for_when_the_name_does_not_say(project, tmp_path, capsys):
    (project / "sources" / "manual.en.html").write_text(original_html(), encoding="utf-8")
    edition = _edition(tmp_path, PT, name="edicao.pt_BR.html")
    code, _, err = run_cli(capsys, "import", edition, "--locale", "pt_BR", "-C", project)
    assert code == 2
    assert (
        err
        == f"{edition}: cannot tell which master it translates (guide.en.html, manual.en.html); pass --master NAME\n"
    )
    code, out, _ = run_cli(capsys, "import", edition, "--locale", "pt_BR", "--master", "manual", "-C", project)
    assert code == 0 and "imported 7 translations" in out
    same_name = _edition(tmp_path, PT, name="guide.pt_BR.html")
    assert run_cli(capsys, "import", same_name, "--locale", "pt_BR", "-C", project)[0] == 0


def test_no_original_in_sources_is_refused(tmp_path, capsys):
    root = tmp_path / "mixed"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "guide.pt_BR.html").write_text(edition_html(PT), encoding="utf-8")
    code, _, err = run_cli(capsys, "import", _edition(tmp_path, PT), "--locale", "pt_BR", "-C", root)
    assert code == 2
    assert err.endswith("no master in the source language (en); put the original edition in sources/\n")


def test_progress_is_reported_to_a_caller_that_asks_and_the_cli_stays_quiet_off_a_terminal(project, tmp_path, capsys):
    from relnotes.catalog.importer import import_edition
    from relnotes.project import Project

    seen: list[tuple[str, int, int]] = []
    edition = _edition(tmp_path, PT)
    import_edition(Project.load(project), edition, "pt_BR", say=lambda _: None, progress=lambda *a: seen.append(a))
    assert seen[:3] == [(f"reading guide.en.html and {edition.name}", n, 2) for n in range(3)]
    assert ("aligning", 3, 3) in seen and seen[-1] == ("checking languages, page", 1, 1)
    code, _, err = run_cli(
        capsys, "import", _edition(tmp_path, PT, name="again.pt_BR.html"), "--locale", "pt_BR", "-C", project
    )
    assert code == 0 and err == ""  # pytest's stderr is no terminal: no progress lines


GERMAN = [
    "Führen Sie apt-get install mit der Option --no-install-recommends aus, damit das System klein bleibt.",
    "Der Zwischenspeicher heruntergeladener Dateien liegt in /var/cache/apt/archives, bis er geleert wird.",
    "Bei jeder einzelnen Aktion des Werkzeugs wird ein Protokoll in /var/log/apt/history.log geschrieben.",
    "Jede Paketverwaltung in diesem Kapitel führt eigene Aufzeichnungen darüber, was sie installiert hat und warum.",
]


def test_an_edition_in_another_language_than_asked_is_refused_and_nothing_written(project, tmp_path, capsys):
    german = tmp_path / "guide.de.html"
    intro = "APT liest die Liste der Quellen aus /etc/apt/sources.list, bevor es irgendetwas anderes tut."
    german.write_text(
        page("de-DE", intro, "Paketwerkzeuge", "Pakete installieren", GERMAN).replace('lang="de-DE"', 'lang="de"'),
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "import", german, "--locale", "pt_BR", "-C", project)
    assert (code, out) == (2, "")
    assert err == (
        f"{german}: its translated blocks read as German (de: 5 of 5 sampled), not as pt_BR; "
        "pass the --locale of its language\n"
    )
    assert not (project / "locales").exists()


def test_an_edition_of_another_book_is_refused_saying_how_little_it_shares(project, tmp_path, capsys):
    from tests.conftest import HTML

    code, out, err = run_cli(capsys, "import", HTML, "--locale", "pt_BR", "--master", "guide", "-C", project)
    assert (code, out) == (2, "")
    assert err.startswith(f"{HTML}: not an edition of guide.en.html: only 0% of its blocks pair with the original's")
    assert err.endswith("of their technical tokens are shared; pass --master NAME to choose its original\n")
    assert len(err.splitlines()) == 1
    assert not (project / "locales").exists()


def test_a_translator_edit_of_an_imported_translation_wins_and_nothing_else_is_written(project, tmp_path, capsys):
    edition = _edition(tmp_path, PT)
    assert run_cli(capsys, "import", edition, "--locale", "pt_BR", "-C", project)[0] == 0
    path = po_path(project, "pt_BR")
    catalog = polib.pofile(str(path))
    catalog.find(PARAS[0][0]).msgstr = "Rode apt-get install com --no-install-recommends para um sistema enxuto."
    catalog.save(str(path))
    edited = path.read_bytes()
    code, out, _ = run_cli(capsys, "import", edition, "--locale", "pt_BR", "-C", project)
    assert code == 0 and "conflict:" not in out
    assert "imported 0 translations" in out and "6 already there, kept 1 a person wrote or changed since" in out
    assert path.read_bytes() == edited
