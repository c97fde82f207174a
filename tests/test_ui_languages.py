"""relnotes' own strings in the readers' languages: each site labels untranslated paragraphs in
its language; a team adds or rewords a language with a .po of its own; the build log names the
languages left in English."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from relnotes.errors import CatalogError
from relnotes.locales import LocaleId
from relnotes.site.content import SiteContent
from relnotes.site.pages import ARCHITECTURES, NOT_TRANSLATED
from relnotes.site.ui import TEAM_FOLDER, translations
from tests.conftest import ROOT

# "Not translated yet", as each catalog in the package says it
MARKERS = {
    "pt_BR": "Ainda não traduzido",
    "de": "Noch nicht übersetzt",
    "es": "Aún sin traducir",
    "fr": "Pas encore traduit",
    "it": "Non ancora tradotto",
    "ja": "未翻訳です",
    "ko": "아직 번역되지 않음",
    "ru": "Ещё не переведено",
    "zh_CN": "尚未翻译",
    "ar": "لم يُترجم بعد",
}
LANGUAGES = [*MARKERS, "en", "nl"]  # nl: no catalog in relnotes, so its markers are in English


@pytest.fixture(scope="module")
def languages_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("ui") / "proj"
    for folder in ("sources", "locales"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    listed = ", ".join(f'"{x}"' for x in LANGUAGES)
    (root / "relnotes.toml").write_text(f"languages = [{listed}]\n", encoding="utf-8")
    relnotes = [sys.executable, "-m", "relnotes.cli"]
    assert subprocess.run([*relnotes, "update", "-C", str(root)], capture_output=True).returncode == 0
    build = subprocess.run([*relnotes, "site", "build", "-C", str(root)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    return root, build.stderr


def _markers(root, locale: str) -> list[tuple[str, str]]:
    loc = LocaleId.parse(locale)
    prefix = "" if locale == "pt_BR" else f"{loc.bcp47.lower()}/"
    page = BeautifulSoup((root / "site" / prefix / "x86" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == loc.bcp47
    return [(m.get_text(), m["lang"]) for m in page.select(".relnotes-marker--untranslated")]


@pytest.mark.parametrize("locale", list(MARKERS))
def test_each_site_labels_untranslated_paragraphs_in_its_language(languages_site, locale):
    root, _ = languages_site
    markers = _markers(root, locale)
    assert markers  # the x86 page has paragraphs this language's catalog leaves untranslated
    assert set(markers) == {(MARKERS[locale], LocaleId.parse(locale).bcp47)}


def test_the_build_log_names_the_languages_shown_in_english(languages_site):
    root, log = languages_site
    assert set(_markers(root, "nl")) == {("Not translated yet", "en")}  # said in English, and marked so
    lines = [line for line in log.splitlines() if "falls back to English" in line]
    team = root / "locales" / TEAM_FOLDER
    assert lines == [f"relnotes' interface falls back to English for nl (add {team}/<ll>.po to translate it)"]


def _team_po(path, language: str, pairs: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f'\nmsgid "{k}"\nmsgstr "{v}"\n' for k, v in pairs.items())
    header = f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    path.write_text(header + body, encoding="utf-8")


def test_a_team_po_adds_a_language_and_rewords_one_the_rest_from_relnotes(project_dir):
    team = project_dir / "locales" / TEAM_FOLDER
    _team_po(team / "de.po", "de", {NOT_TRANSLATED: "Noch offen"})
    _team_po(team / "nl.po", "nl", {NOT_TRANSLATED: "Nog niet vertaald"})
    content = SiteContent.load(project_dir)
    german = content.ui(LocaleId.parse("de"))
    assert german.gettext(NOT_TRANSLATED) == "Noch offen"  # the team's word
    assert german.gettext(ARCHITECTURES) == "Architekturen"  # what the team left out: relnotes' catalog
    dutch = content.ui(LocaleId.parse("nl_NL"))  # a territory falls back to the team's language file
    assert dutch.gettext(NOT_TRANSLATED) == "Nog niet vertaald"
    assert dutch.gettext(ARCHITECTURES) == "Architectures"  # then English
    _team_po(team / "de.po", "de", {NOT_TRANSLATED: "Jetzt anders"})  # an edit, seen by a running preview
    assert content.ui(LocaleId.parse("de")).gettext(NOT_TRANSLATED) == "Jetzt anders"


def test_a_broken_team_po_names_its_file(tmp_path):
    team = tmp_path / TEAM_FOLDER
    team.mkdir()
    (team / "de.po").write_text('msgid "x"\nmsgstr "unclosed\n', encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        translations(LocaleId.parse("de"), team)
    assert str(raised.value) == f"{team / 'de.po'}:2: string not closed; end it with a double quote"


@pytest.mark.parametrize("locale", list(MARKERS))
def test_each_package_catalog_translates_every_string_and_msgfmt_accepts_it(locale):
    from babel.messages.pofile import read_po

    from tests.test_ui_strings import LOCALE, _extracted

    path = LOCALE / locale / "LC_MESSAGES" / "relnotes.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    assert {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id} == _extracted()
    assert [m.id for m in catalog if m.id and (not m.string or m.fuzzy)] == []
    plural = next(m for m in catalog if isinstance(m.id, tuple))
    assert len(plural.string) == catalog.num_plurals  # every plural form written
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")
