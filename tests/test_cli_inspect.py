"""``relnotes inspect``: its JSON contract, its tree, and one clear line for every bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from relnotes.cli import main
from tests.conftest import CHAPTER, HTML, ROOT


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_documented_shape_in_document_order(capsys):
    code, out, err = run(capsys, "inspect", str(CHAPTER), "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["source", "locale", "blocks"]
    assert data["locale"] == "pt_BR"
    assert data["source"].endswith("sources/virtualization.pt_BR.txt")
    blocks = data["blocks"]
    assert len(blocks) == 84
    assert all(
        list(b) == ["section", "group", "arch", "item", "kind", "lang", "confidence", "text", "page"] for b in blocks
    )
    assert blocks[0] == {
        "section": None,
        "group": None,
        "arch": None,
        "item": None,
        "kind": "heading",
        "lang": "en",
        "confidence": 1.0,
        "text": "Virtualization",
        "page": None,
    }
    assert blocks[1]["kind"] == "paragraph" and blocks[1]["item"] is None
    item47 = [b for b in blocks if b["item"] == 47]
    assert item47[0] == {
        "section": "6.3",
        "group": "6.3.4",
        "arch": "ia64",
        "item": 47,
        "kind": "paragraph",
        "lang": "en",
        "confidence": 1.0,
        "text": "Virtualization does not work on some architectures that use Non-Uniform Memory Access "
        "(NUMA). As such, installing the virtualized kernel on systems that use NUMA will result "
        "in a boot failure.",
        "page": None,
    }
    feature = [b for b in blocks if b["section"] == "6.1" and b["kind"] == "paragraph"]
    assert {(b["group"], b["arch"]) for b in feature} == {(None, None)}
    code_blocks = [b for b in blocks if b["kind"] == "code"]
    assert [(b["item"], b["lang"], b["confidence"]) for b in code_blocks] == [
        (9, None, None),
        (36, None, None),
        (37, None, None),
        (46, None, None),
    ]
    assert "sources/virtualization.pt_BR.txt:27: warning: paragraph ends without punctuation ('…em')" in err


def test_json_names_the_page_of_each_block_of_a_book(capsys):
    code, out, _ = run(capsys, "inspect", str(ROOT / "tests" / "fixtures" / "read" / "book-chain.en"), "--json")
    assert code == 0
    assert [(b["kind"], b["section"], b["page"]) for b in json.loads(out)["blocks"]] == [
        ("heading", None, "index.html"),
        ("heading", None, "intro.html"),
        ("paragraph", None, "intro.html"),
        ("heading", None, "usage.html"),
        ("heading", "2.1", "usage.html"),
        ("paragraph", "2.1", "usage.html"),
    ]


def test_tree_of_a_book_numbers_each_chapter_and_names_pages_in_warnings(capsys, tmp_path):
    folder = tmp_path / "guide.en"
    shutil.copytree(ROOT / "tests" / "fixtures" / "read" / "book-chain.en", folder)
    usage = folder / "usage.html"
    usage.write_text(
        usage.read_text(encoding="utf-8").replace(
            "Run the tool from a terminal.", "Run the tool from a terminal and then"
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "inspect", str(folder))
    assert code == 0
    assert out.splitlines() == [
        f"{folder} (en)",
        "Guide  [en 1.00]",
        "1 Introduction  [en 1.00]",
        "  intro  [en 1.00]  This guide explains the tool; its usage comes next.",
        "2 Usage  [en 1.00]",
        "  2.1 Starting  [en 1.00]",
        "  intro  [en 1.00]  Run the tool from a terminal and then",
        "",
        "6 blocks: en 6; 0 decided with context, 0 low-confidence",
        f"{folder}/usage.html:4: warning: paragraph ends without punctuation ('…then'): cut off?",
    ]


def test_html_fixture_gives_the_same_blocks_as_the_text(capsys):
    _, text_out, _ = run(capsys, "inspect", str(CHAPTER), "--json")
    _, html_out, _ = run(capsys, "inspect", str(HTML), "--json")
    assert json.loads(text_out)["blocks"] == json.loads(html_out)["blocks"]


def test_tree_shows_structure_languages_and_warnings(capsys):
    code, out, _ = run(capsys, "inspect", str(CHAPTER))
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "6 Virtualization  [en 1.00 words]"
    assert "    6.3.4 ia64 Architecture (ia64)  [en 1.00 words]" in lines
    assert "        list_item [pt 1.00 words]  Paridade" in lines
    assert "84 blocks: code 4, en 33, pt 47; 0 decided with context, 0 low-confidence" in lines
    assert lines[-1] == (f"{CHAPTER}:27: warning: paragraph ends without punctuation ('…em'): cut off?")


def test_override_file_changes_a_decision(capsys, tmp_path):
    overrides = tmp_path / "overrides.toml"
    assert run(capsys, "override", "Paridade", "en", "--file", str(overrides))[0] == 0
    assert 'text = "Paridade"\nlang = "en"' in overrides.read_text(encoding="utf-8")
    _, out, _ = run(capsys, "inspect", str(CHAPTER), "--json", "--overrides", str(overrides))
    paridade = next(b for b in json.loads(out)["blocks"] if b["text"] == "Paridade")
    assert paridade["lang"] == "en"


def _bad(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


HEADING_ONLY_SECTION = b"<html><body><p>Hello.</p><p>World.</p></body></html>"
DEEP = "markup nested more than 200 elements deep; is this a generated or broken page?"
HEAD = b"<html><body><h1>1. Deep</h1>"
CHROME_ONLY = (
    b'<html><body><div id="banner"><a href="https://example.org/get/">Download the ebook</a></div>'
    b'<ul class="docnav"><li class="next"><a href="next.html"><strong>Next</strong></a></li></ul></body></html>'
)


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.pt_BR.txt", b"", "empty.pt_BR.txt: empty file; expected a release-notes chapter as text or HTML"),
        (
            "blank.pt_BR.txt",
            b"  \n\n\t\n",
            "blank.pt_BR.txt: empty file; expected a release-notes chapter as text or HTML",
        ),
        (
            "image.pt_BR.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "image.pt_BR.txt: binary file; expected a release-notes chapter as text or HTML",
        ),
        (
            "prose.pt_BR.txt",
            "Só um parágrafo.\nE outro.\n".encode(),
            "prose.pt_BR.txt: no heading found; start the document with a heading like '1. Title'",
        ),
        (
            "page.pt_BR.html",
            HEADING_ONLY_SECTION,
            "page.pt_BR.html: no heading found; start the document with a heading like '1. Title'",
        ),
        (
            "latin1.pt_BR.txt",
            "6. Virtualização\n\n6.1. Novidades\n\n  \u2022 Atualização.\n".encode("cp1252"),
            "latin1.pt_BR.txt:1: not valid UTF-8 (byte 0xe7); convert the file to UTF-8 or pass --encoding "
            "(e.g. --encoding latin-1)",
        ),
        ("divs.en.html", HEAD + b"<div>" * 10_000 + b"<p>Text.</p>" + b"</div>" * 10_000, f"divs.en.html:1: {DEEP}"),
        (
            "spans.en.html",
            HEAD + b"<p>" + b"<span>" * 10_000 + b"Text." + b"</span>" * 10_000 + b"</p>",
            f"spans.en.html:1: {DEEP}",
        ),
        ("lists.en.html", HEAD + b"<ul><li>Entry" * 10_000 + b"</li></ul>" * 10_000, f"lists.en.html:1: {DEEP}"),
        (
            "blank.en.html",
            b"<html><head><title>Blank</title></head><body></body></html>",
            "blank.en.html: no heading, paragraph or list found; is this a documentation page?",
        ),
        (
            "chrome.en.html",
            CHROME_ONLY,
            "chrome.en.html: no heading and no paragraph found; is this a document with text?",
        ),
        (
            "chapter.txt",
            b"6. T\n\n6.1. S\n\n  \xe2\x80\xa2 Item.\n",
            "chapter.txt: cannot tell the locale; name it like chapter.pt_BR.txt or handbook.pt_BR/, or pass --locale",
        ),
        (
            "chapter.xx_QQ.txt",
            b"6. T\n\n6.1. S\n\n  \xe2\x80\xa2 Item.\n",
            "chapter.xx_QQ.txt: unknown locale 'xx_QQ'; use one Babel knows, like pt_BR or en",
        ),
    ],
)
def test_bad_input_is_one_line_naming_the_file_and_exit_2(capsys, tmp_path, name, data, message):
    path = _bad(tmp_path, name, data)
    code, out, err = run(capsys, "inspect", str(path))
    assert code == 2
    assert out == ""
    assert err == f"{tmp_path}/{message}\n"


def test_book_with_a_missing_page_is_refused_naming_it(capsys):
    """index.html's table of contents and intro.html's next link name usage.html, which is not there."""
    folder = ROOT / "tests" / "fixtures" / "read" / "book-missing.en"
    code, out, err = run(capsys, "inspect", str(folder), "--json")
    assert (code, out) == (2, "")
    assert err == (
        f"{folder}/usage.html: page named by the book's next link or table of contents is missing; "
        "restore it or rebuild the book\n"
    )


def test_missing_file_and_bad_locale_option(capsys, tmp_path):
    code, _, err = run(capsys, "inspect", str(tmp_path / "nope.pt_BR.txt"))
    assert (code, err) == (2, f"{tmp_path}/nope.pt_BR.txt: cannot read: No such file or directory\n")
    code, _, err = run(capsys, "inspect", str(CHAPTER), "--locale", "../x")
    assert code == 2
    assert err.endswith("'../x' is not a locale identifier; use a form like pt_BR or en\n")


@pytest.mark.parametrize(
    "name, data",
    [
        ("empty.pt_BR.txt", b""),
        ("lists.en.html", HEAD + b"<ul><li>Entry" * 10_000 + b"</li></ul>" * 10_000),  # was a RecursionError
    ],
)
def test_console_script_prints_no_traceback(tmp_path, name, data):
    path = _bad(tmp_path, name, data)
    result = subprocess.run(
        [sys.executable, "-m", "relnotes.cli", "inspect", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_low_confidence_decisions_are_reported_not_hidden(capsys, tmp_path):
    path = tmp_path / "tiny.pt_BR.txt"
    path.write_text("1. Upgradable\n\n1.1. Upgradable\n\n  \u2022 Upgradable\n", encoding="utf-8")
    code, out, _ = run(capsys, "inspect", str(path))
    assert code == 0
    assert "1 Upgradable  [pt 0.71 LOW]" in out.splitlines()  # no word list knows it, nor wordfreq
    # A one-word entry is a noun phrase, not a sentence cut off: no source warning.
    assert out.splitlines()[-4:] == [
        "3 blocks: pt 3; 0 decided with context, 3 low-confidence",
        f"{path}:1: note: low-confidence language pt (0.71)",
        f"{path}:3: note: low-confidence language pt (0.71)",
        f"{path}:5: note: low-confidence language pt (0.71)",
    ]


def test_inspect_masks_the_glossary_as_update_does(capsys, tmp_path):
    """A product name the writers list is no language for inspect either (it was English before)."""
    master = tmp_path / "notes.pt_BR.txt"
    master.write_text("1. Notas\n\n1.1. Novidades\n\n  • Cockpit Console\n", encoding="utf-8")
    glossary = tmp_path / "glossary.txt"
    glossary.write_text("# produtos\nCockpit Console\n", encoding="utf-8")
    code, out, _err = run(capsys, "inspect", str(master), "--json", "--glossary", str(glossary))
    assert code == 0
    blocks = {b["text"]: b["lang"] for b in json.loads(out)["blocks"]}
    assert blocks["Cockpit Console"] == "zxx"
