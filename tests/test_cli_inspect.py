"""``relnotes inspect``: its JSON contract, its tree, and one clear line for every bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from relnotes.cli import main
from tests.conftest import CHAPTER, HTML


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
    assert all(list(b) == ["section", "group", "arch", "item", "kind", "lang", "confidence", "text"] for b in blocks)
    assert blocks[0] == {
        "section": None,
        "group": None,
        "arch": None,
        "item": None,
        "kind": "heading",
        "lang": "en",
        "confidence": 1.0,
        "text": "Virtualization",
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


def test_html_fixture_gives_the_same_blocks_as_the_text(capsys):
    _, text_out, _ = run(capsys, "inspect", str(CHAPTER), "--json")
    _, html_out, _ = run(capsys, "inspect", str(HTML), "--json")
    assert json.loads(text_out)["blocks"] == json.loads(html_out)["blocks"]


def test_tree_shows_structure_languages_and_warnings(capsys):
    code, out, _ = run(capsys, "inspect", str(CHAPTER))
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "6 Virtualization  [en 1.00 context]"
    assert "    6.3.4 ia64 Architecture (ia64)  [en 1.00 context]" in lines
    assert "        list_item [pt 1.00 context]  Paridade" in lines
    assert "84 blocks: code 4, en 33, pt 47; 9 decided with context, 0 low-confidence" in lines
    assert lines[-2] == (f"{CHAPTER}:27: warning: paragraph ends without punctuation ('…em'): cut off?")


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


def test_missing_file_and_bad_locale_option(capsys, tmp_path):
    code, _, err = run(capsys, "inspect", str(tmp_path / "nope.pt_BR.txt"))
    assert (code, err) == (2, f"{tmp_path}/nope.pt_BR.txt: cannot read: No such file or directory\n")
    code, _, err = run(capsys, "inspect", str(CHAPTER), "--locale", "../x")
    assert code == 2
    assert err.endswith("'../x' is not a locale identifier; use a form like pt_BR or en\n")


def test_console_script_prints_no_traceback(tmp_path):
    path = _bad(tmp_path, "empty.pt_BR.txt", b"")
    result = subprocess.run(
        [sys.executable, "-m", "relnotes.cli", "inspect", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_low_confidence_decisions_are_reported_not_hidden(capsys, tmp_path):
    path = tmp_path / "tiny.pt_BR.txt"
    path.write_text("1. Virtualization\n\n1.1. Virtualization\n\n  \u2022 Virtualization\n", encoding="utf-8")
    code, out, _ = run(capsys, "inspect", str(path))
    assert code == 0
    assert "1 Virtualization  [pt 0.86 LOW]" in out.splitlines()
    assert out.splitlines()[-4:] == [
        f"{path}:1: note: low-confidence language pt (0.86)",
        f"{path}:3: note: low-confidence language pt (0.86)",
        f"{path}:5: note: low-confidence language pt (0.86)",
        f"{path}:5: warning: paragraph ends without punctuation ('…Virtualization'): cut off?",
    ]
