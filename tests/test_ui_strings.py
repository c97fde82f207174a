"""The site's interface strings: extracted with Babel, translated, and used."""

from __future__ import annotations

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from relnotes.locales import LocaleId
from relnotes.site.pages import NOT_TRANSLATED
from relnotes.site.ui import translations
from tests.conftest import ROOT

LOCALE = ROOT / "src" / "relnotes" / "locale"


def _extracted() -> set[str | tuple[str, str]]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "src" / "relnotes"), keywords={"N_": None, "NP_": (1, 2)}
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def _ids(path) -> set[str | tuple[str, str]]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}


def test_committed_template_matches_what_babel_extracts_now():
    assert _ids(LOCALE / "relnotes.pot") == _extracted()


def test_portuguese_interface_catalog_translates_every_string():
    with (LOCALE / "pt_BR" / "LC_MESSAGES" / "relnotes.po").open("rb") as handle:
        catalog = read_po(handle)
    assert {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id} == _extracted()
    assert [m.id for m in catalog if m.id and (not m.string or m.fuzzy)] == []


def test_translations_fall_back_by_language_then_to_english():
    assert translations(LocaleId.parse("pt_BR")).gettext(NOT_TRANSLATED) == "Ainda não traduzido"
    assert translations(LocaleId.parse("pt_PT")).gettext(NOT_TRANSLATED) == "Not translated yet"
    assert translations(LocaleId.parse("pt_BR")).ngettext("%(count)d item", "%(count)d items", 2) == "%(count)d itens"
