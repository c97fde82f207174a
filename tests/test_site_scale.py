"""Many languages: right to left, parallel builds, one language per machine, then assembly.

The project is the embedded chapter with Arabic added (``languages = ["pt_BR", "en", "ar"]``,
its catalog made by ``relnotes update``), built once whole, one language at a time, and
two languages at a time: the three sites must be the same file for file.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import shutil
from pathlib import Path

import pytest

from relnotes.locales import LocaleId
from relnotes.site.plugin import material_language, search_language
from relnotes.site.publish import LanguageBuild, build_all
from tests.conftest import ROOT, run_cli, soup, translate
from tests.test_catalogs import XM

LANGUAGES = ["pt_BR", "en", "ar"]


def make_project(target: Path, languages: list[str]) -> Path:
    """A copy of the embedded chapter's project with these site languages, catalogs updated."""
    from relnotes.cli import main

    for folder in ("sources", "locales"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns(".lock"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "relnotes.toml").write_text(f"languages = {json.dumps(languages)}\n", encoding="utf-8")
    assert main(["update", "-C", str(target)]) == 0
    return target


@pytest.fixture(scope="module")
def rtl_project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("rtl") / "proj", LANGUAGES)


@pytest.fixture(scope="module")
def whole(rtl_project, tmp_path_factory):
    site = tmp_path_factory.mktemp("whole") / "site"
    build_all(rtl_project / "mkdocs.yml", site)
    return site


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a site, by relative path, with its content.

    A ``.gz`` file is compared by what it holds: MkDocs stamps the gzip header of
    ``sitemap.xml.gz`` with the build time (the generated pages have no file date), the
    one legitimately different byte range between two builds of the same inputs.
    """
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def assert_same_site(expected: Path, actual: Path) -> None:
    want, got = tree(expected), tree(actual)
    assert sorted(got) == sorted(want)
    assert [name for name in want if want[name] != got[name]] == []
    assert len(want) > 100  # three languages' pages, assets, search indexes, sitemaps


def test_right_to_left_language_gets_dir_rtl_and_bcp47_lang(whole):
    arabic = soup(whole / "ar" / "x86" / "index.html")
    assert (arabic.html["lang"], arabic.html["dir"], arabic.body["dir"]) == ("ar", "rtl", "rtl")
    portuguese = soup(whole / "x86" / "index.html")
    assert (portuguese.html["lang"], portuguese.html["dir"], portuguese.body["dir"]) == ("pt-BR", "ltr", "ltr")
    # The language list names each language in its own script and direction.
    selector = {a["lang"]: a["dir"] for a in portuguese.select(".md-select__link")}
    assert selector == {"pt-BR": "ltr", "en": "ltr", "ar": "rtl"}
    # Blocks left in English or Portuguese say so; their markers are in Arabic (relnotes' own
    # strings have an Arabic catalog), as they are in Portuguese on a Portuguese page.
    assert {tag["lang"] for tag in arabic.select(".md-content [lang]:not(.relnotes-marker)")} == {"en", "pt-BR"}
    assert {tag["lang"] for tag in arabic.select(".relnotes-marker")} == {"ar"}
    assert {tag["lang"] for tag in portuguese.select(".relnotes-marker")} == {"pt-BR"}


def test_each_language_searches_with_the_lunr_language_material_ships(whole):
    configs = {
        prefix: json.loads((whole / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
        for prefix in ("", "en", "ar")
    }
    assert {prefix: config["lang"] for prefix, config in configs.items()} == {"": ["pt"], "en": ["en"], "ar": ["ar"]}
    # Which pipeline steps run stays Material's choice for the language (none for Arabic).
    assert configs["ar"]["pipeline"] == [" "] and configs[""]["pipeline"] == ["stopWordFilter"]


@pytest.mark.parametrize(
    ("locale", "interface", "search"),
    [("ar", "ar", "ar"), ("he", "he", "he"), ("nb_NO", "nb", "no"), ("zh_TW", "zh-TW", None), ("sw", "en", None)],
)
def test_material_interface_and_search_language_fall_back_to_english_where_material_has_none(locale, interface, search):
    loc = LocaleId.parse(locale)
    assert (material_language(loc), search_language(loc)) == (interface, search)


def test_build_line_says_where_material_falls_back_to_english():
    assert LanguageBuild("sw", 0.25, "en", None, "ltr").describe() == (
        "sw 0.25 s: interface en (Material has no translation), search en (no lunr language from Material)"
    )
    assert LanguageBuild("ar", 0.5, "ar", "ar", "rtl").describe() == (
        "ar 0.50 s: interface ar, search ar, right to left"
    )


def test_locale_direction_comes_from_babel():
    assert [LocaleId.parse(x).direction for x in ("ar_MA", "fa_IR", "he", "pt_BR", "zh_TW")] == [
        "rtl",
        "rtl",
        "rtl",
        "ltr",
        "ltr",
    ]


def test_one_language_per_build_in_any_order_then_assembly_equals_one_whole_build(rtl_project, whole, tmp_path, capsys):
    site = tmp_path / "site"
    config = rtl_project / "mkdocs.yml"
    # The default language (the root) neither wipes nor is wiped by the others.
    for language in ("ar", "pt_BR", "en"):
        code, out, err = run_cli(capsys, "site", "build", "-f", config, "-d", site, "--language", language)
        assert code == 0, err
        assert err.startswith(f"[1/1] {language} ") and "run relnotes site assemble" in out
    assert not (site / "sitemap-index.xml").exists()
    code, out, err = run_cli(capsys, "site", "assemble", "-f", config, "-d", site)
    assert (code, err) == (0, "")
    assert_same_site(whole, site)


def test_two_jobs_build_the_same_site_as_one(rtl_project, whole, tmp_path, capsys):
    site = tmp_path / "site"
    code, out, err = run_cli(capsys, "site", "build", "-f", rtl_project / "mkdocs.yml", "-d", site, "--jobs", "2")
    assert code == 0, err
    assert sorted(line.split()[1] for line in err.splitlines()) == sorted(LANGUAGES)  # one progress line each
    assert "[3/3]" in err and "ar " in err and "right to left" in err
    assert out.startswith("built 3 languages in ") and "2 at a time" in out
    assert multiprocessing.active_children() == []  # the pool is gone when the command returns
    assert_same_site(whole, site)


def test_assembly_names_a_missing_language_and_one_built_from_other_catalogs(rtl_project, tmp_path, capsys):
    project = tmp_path / "proj"
    shutil.copytree(rtl_project, project)
    config, site = project / "mkdocs.yml", tmp_path / "site"
    for language in ("pt_BR", "en"):
        assert run_cli(capsys, "site", "build", "-f", config, "-d", site, "--language", language)[0] == 0
    code, out, err = run_cli(capsys, "site", "assemble", "-f", config, "-d", site)
    assert (code, out) == (2, "")
    assert err.strip() == f"{site}: cannot assemble: ar is missing (relnotes site build --language ar)"

    translate(project, "ar", XM, "ترحيل الضيوف عبر xm migrate [domain] [dom0 IP address] لا يعمل.")
    assert run_cli(capsys, "site", "build", "-f", config, "-d", site, "--language", "ar")[0] == 0
    code, out, err = run_cli(capsys, "site", "assemble", "-f", config, "-d", site)
    assert (code, out) == (2, "")
    stale = "was built from other sources, catalogs, theme or site_url; build it again"
    assert err.strip() == f"{site}: cannot assemble: pt_BR {stale}; en {stale}"


def test_language_not_in_the_site_is_refused_before_anything_is_built(rtl_project, tmp_path, capsys):
    site = tmp_path / "site"
    code, out, err = run_cli(capsys, "site", "build", "-f", rtl_project / "mkdocs.yml", "-d", site, "--language", "de")
    assert (code, out) == (2, "") and "de is not a site language (pt_BR, en, ar)" in err
    assert not site.exists()


def test_input_digest_is_the_same_in_any_checkout_and_follows_linked_folders(rtl_project, tmp_path):
    """CI machines check the project out at different paths; a book may be a linked folder."""
    from relnotes.site.assemble import inputs_digest, mkdocs_config

    def digest(project: Path) -> str:
        return inputs_digest(project / "mkdocs.yml", mkdocs_config(project / "mkdocs.yml", None))

    elsewhere = tmp_path / "somewhere" / "else"
    shutil.copytree(rtl_project, elsewhere)
    assert digest(elsewhere) == digest(rtl_project)
    book = tmp_path / "book"
    book.mkdir()
    (book / "notes.txt").write_text("one\n", encoding="utf-8")
    (elsewhere / "sources" / "linked").symlink_to(book)
    linked = digest(elsewhere)
    (book / "notes.txt").write_text("two\n", encoding="utf-8")
    assert digest(elsewhere) != linked
