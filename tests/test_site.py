"""The built site: pages, languages, markers, links, escaping, and build failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from relnotes.site.publish import build_all
from tests.conftest import ROOT, po_path, run_cli, soup, translate
from tests.crawl import broken_links
from tests.test_catalogs import XM

PAGES = ["index.html", "all/index.html", "x86/index.html", "x86_64/index.html", "ia64/index.html", "status/index.html"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_language_has_every_page_and_the_root_badges(built_site, prefix):
    for page in PAGES:
        assert (built_site / prefix / page).is_file(), prefix + page
    status_page = built_site / prefix / "status" / "index.html"
    badges = [img["src"] for img in soup(status_page).select(".relnotes-coverage img")]
    assert badges == ["../" * (prefix.count("/") + 1) + f"badges/{lang}.svg" for lang in ("pt_BR", "en")]
    assert all((status_page.parent / src).resolve().is_file() for src in badges)


def test_status_json_and_badges_cover_every_language_once_at_the_root(built_site):
    data = json.loads((built_site / "status.json").read_text(encoding="utf-8"))
    assert [(lang["locale"], lang["placements"]["coverage"]) for lang in data["languages"]] == [
        ("pt_BR", 58.8),
        ("en", 41.2),
    ]
    badge = (built_site / "badges" / "pt_BR.svg").read_text(encoding="utf-8")
    assert badge.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and ">58.8%</text>" in badge
    assert not (built_site / "en" / "status.json").exists() and not (built_site / "en" / "badges").exists()


def test_page_language_is_bcp47_and_foreign_blocks_carry_their_own(built_site):
    page = soup(built_site / "x86_64" / "index.html")
    assert page.html["lang"] == "pt-BR"
    foreign = page.select("li.relnotes-item p.relnotes-untranslated")
    assert [f.select_one("span[lang]:not(.relnotes-marker)")["lang"] for f in foreign] == ["en"] * 5
    markers = {m.get_text() for m in page.select("li.relnotes-item .relnotes-marker")}
    assert markers == {"Ainda não traduzido"}
    native = page.select_one("#item-26 p")
    assert native.get("lang") is None and native.get_text().startswith("Quando o IRQs Dinâmico")
    english = soup(built_site / "en" / "x86_64" / "index.html")
    assert english.html["lang"] == "en"
    assert english.select_one("#item-26 p.relnotes-untranslated > span[lang]:not(.relnotes-marker)")["lang"] == "pt-BR"
    assert english.select_one("#item-26 .relnotes-marker").get_text() == "Not translated yet"


def test_untranslated_headings_are_marked_too(built_site):
    page = soup(built_site / "x86_64" / "index.html")
    heading = page.select_one("h2#section-6-3")
    assert heading["lang"] == "en"
    assert heading["data-marker"] == "Ainda não traduzido"
    assert "relnotes-foreign" in heading["class"]


def test_twins_link_each_other_and_arch_pages_reach_the_all_items(built_site):
    page = soup(built_site / "x86_64" / "index.html")
    twins = [(a.get_text(), a["href"]) for a in page.select("#item-40 .relnotes-twins a")]
    assert twins == [("x86", "../x86/#item-38"), ("ia64", "../ia64/#item-44")]
    also = [a["href"] for a in page.select(".relnotes-also-all a")]
    assert also == ["../all/#section-6-2", "../all/#section-6-3"]
    assert soup(built_site / "all" / "index.html").select(".relnotes-also-all") == []


def test_language_selector_hreflang_and_sitemap_name_the_same_page(built_site):
    page = soup(built_site / "x86_64" / "index.html")
    selector = [(a["hreflang"], a["href"]) for a in page.select(".md-select__link")]
    assert selector == [("pt-BR", "../x86_64/"), ("en", "../en/x86_64/")]
    # In the head, Material's convention: each language's root (its script fetches their sitemaps);
    # the page-level alternates are in sitemap.xml, which Material and search engines both read.
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert alternates == {"pt-BR": "/", "en": "/en/"}
    back = soup(built_site / "en" / "x86_64" / "index.html")
    assert [a["href"] for a in back.select(".md-select__link")] == ["../../x86_64/", "../../en/x86_64/"]
    urls = _sitemap(built_site / "sitemap.xml")
    assert len(urls) == 6
    assert urls["https://relnotes.example.org/x86_64/"] == [
        ("pt-BR", "https://relnotes.example.org/x86_64/"),
        ("en", "https://relnotes.example.org/en/x86_64/"),
    ]
    assert next(iter(_sitemap(built_site / "en" / "sitemap.xml"))) == "https://relnotes.example.org/en/"
    canonical = soup(built_site / "en" / "x86_64" / "index.html").select_one('link[rel="canonical"]')["href"]
    assert canonical == "https://relnotes.example.org/en/x86_64/"


def _sitemap(path: Path) -> dict[str, list[tuple[str, str]]]:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(path).getroot()
    return {
        url.findtext("s:loc", namespaces=ns): [(a.get("hreflang"), a.get("href")) for a in url.findall("x:link", ns)]
        for url in root.findall("s:url", ns)
    }


def test_each_language_has_its_own_search_index(built_site):
    pt = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert pt["config"]["lang"] == ["pt"]
    assert en["config"]["lang"] == ["en"]
    assert not any(doc["location"].startswith("en/") for doc in pt["docs"])
    pt_text = " ".join(doc["text"] for doc in pt["docs"])
    assert "Ainda não traduzido" not in pt_text  # markers are excluded from the index
    assert "Paridade" in pt_text


def test_interface_strings_are_translated_through_gettext(built_site):
    page = soup(built_site / "status" / "index.html")
    assert page.h1.get_text().strip().rstrip("¶") == "Situação da tradução"
    assert [h.get_text().strip().rstrip("¶") for h in page.select("h2")][:3] == [
        "Cobertura por idioma",
        "Por seção e arquitetura",
        "Blocos aguardando tradução",
    ]
    overview = soup(built_site / "en" / "index.html")
    assert overview.select_one("#architectures + ul").get_text().split("\n")[1:-1] == [
        "All Architectures (22 items)",
        "x86 Architectures (4 items)",
        "ia64 Architecture (9 items)",
        "x86_64 Architectures (6 items)",
    ]
    portuguese = soup(built_site / "index.html").select_one("#architectures + ul").get_text()
    assert "All Architectures (22 itens)" in portuguese


def test_status_page_lists_pending_blocks_with_links_to_where_they_appear(built_site):
    page = soup(built_site / "status" / "index.html")
    pending = page.select("ol.relnotes-pending > li")
    assert len(pending) == 26
    first = pending[0]
    assert first.q.get_text() == XM and first.q["lang"] == "en"
    assert [a["href"] for a in first.select("a")] == ["../x86/#item-38", "../x86_64/#item-40", "../ia64/#item-44"]
    bars = page.select(".relnotes-places .relnotes-bar")
    assert bars[0]["aria-label"].endswith(": 0.0%")


def test_crawl_finds_no_broken_internal_link_or_anchor(built_site):
    broken, checked = broken_links(built_site)
    assert broken == []
    assert checked > 300


def test_fuzzy_translation_is_never_shown(site_project, capsys, tmp_path):
    translate(site_project, "pt_BR", XM, "TRADUÇÃO DIFUSA de xm migrate [domain] [dom0 IP address].", fuzzy=True)
    build_all(site_project / "mkdocs.yml", tmp_path / "site")
    html = (tmp_path / "site" / "x86" / "index.html").read_text(encoding="utf-8")
    assert "TRADUÇÃO DIFUSA" not in html
    item = soup(tmp_path / "site" / "x86" / "index.html").select_one("#item-38")
    assert item.select_one(".relnotes-marker").get_text() == "Tradução em revisão"
    assert item.select_one("p.relnotes-fuzzy > span[lang='en']").get_text() == XM


def test_translated_block_is_shown_in_the_page_language_without_marker(site_project, tmp_path):
    translate(site_project, "pt_BR", XM, "Migrar convidados com xm migrate [domain] [dom0 IP address] não funciona.")
    build_all(site_project / "mkdocs.yml", tmp_path / "site")
    item = soup(tmp_path / "site" / "ia64" / "index.html").select_one("#item-44")
    assert item.p.get_text() == "Migrar convidados com xm migrate [domain] [dom0 IP address] não funciona."
    assert item.select(".relnotes-marker") == [] and item.p.get("lang") is None


HOSTILE = ["<script>alert('po')</script>", "<img src=x onerror=alert(1)>", "[clique](javascript:alert(1))"]


def test_markup_in_catalogs_renders_as_inert_text(site_project, tmp_path):
    translate(site_project, "pt_BR", XM, " ".join(HOSTILE) + " xm migrate [domain] [dom0 IP address]")
    translate(site_project, "pt_BR", "Known Issues", "<b>Problemas</b> [x](javascript:alert(2))")
    build_all(site_project / "mkdocs.yml", tmp_path / "site")
    for page in ["x86/index.html", "ia64/index.html", "index.html", "status/index.html"]:
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>Problemas" not in html
        assert 'href="javascript:' not in html
    item = soup(tmp_path / "site" / "x86" / "index.html").select_one("#item-38")
    assert item.p.get_text().startswith(" ".join(HOSTILE))
    assert item.select("script, img, a[href^=javascript]") == []
    heading = soup(tmp_path / "site" / "x86" / "index.html").select_one("#section-6-3")
    assert heading.get_text().startswith("6.3. <b>Problemas</b> [x](javascript:alert(2))")  # its number, then the text


def test_mkdocs_build_strict_passes_without_warnings(site_project, tmp_path):
    (site_project / "docs").mkdir()  # MkDocs itself refuses a missing docs_dir; relnotes' commands do not
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")],
        cwd=site_project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def test_broken_po_fails_the_build_with_file_and_line(site_project, capsys, tmp_path):
    path = po_path(site_project, "pt_BR")
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines) if line.startswith("msgstr") and n > 20)
    lines[number] = 'msgstr "sem fim'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "site", "build", "-f", site_project / "mkdocs.yml", "-d", tmp_path / "s")
    assert (code, out) == (2, "")
    assert err == f"{path}:{number + 1}: string not closed; end it with a double quote\n"
    (site_project / "docs").mkdir()  # plain MkDocs needs one
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "m")],
        cwd=site_project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1
    relative = path.relative_to(site_project)
    assert f"ERROR   -  {relative}:{number + 1}: string not closed; end it with a double quote" in result.stderr


def test_material_interface_speaks_each_page_language(built_site):
    pt = soup(built_site / "x86" / "index.html")
    en = soup(built_site / "en" / "x86" / "index.html")
    assert pt.select_one("input.md-search__input")["placeholder"] == "Buscar"
    assert en.select_one("input.md-search__input")["placeholder"] == "Search"


def test_block_without_language_is_neither_flagged_nor_queued(tmp_path, capsys):
    import shutil

    root = tmp_path / "p"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "notes.pt_BR.txt").write_text(
        "1. Notas\n\n1.1. Problemas conhecidos\n\n"
        "  \u2022 O instalador pode parar quando o disco estiver cheio. Edite o arquivo:\n"
        "    /etc/xen/xend-config.sxp\n"
        "  \u2022 The installer may stop when the disk is full.\n",
        encoding="utf-8",
    )
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    assert run_cli(capsys, "update", "-C", root)[0] == 0
    data = json.loads(run_cli(capsys, "status", "pt_BR", "--json", "-C", root)[1])["languages"][0]
    assert (data["placements"]["neutral"], data["placements"]["untranslated"]) == (0, 1)  # the path is code here
    pot = (root / "locales" / "release-notes.pot").read_text(encoding="utf-8")
    assert "xend-config" not in pot
    translate(
        root,
        "pt_BR",
        "The installer may stop when the disk is full.",
        "O instalador pode parar quando o disco estiver cheio.",
    )
    (root / "sources" / "notes.pt_BR.txt").write_text(
        "1. Notas\n\n1.1. Problemas conhecidos\n\n  \u2022 /etc/xen/xend-config.sxp --vcpus=1\n"
        "  \u2022 The installer may stop when the disk is full.\n",
        encoding="utf-8",
    )
    assert run_cli(capsys, "update", "-C", root)[0] == 0
    assert "#. lang: zxx neutral" in (root / "locales" / "release-notes.pot").read_text(encoding="utf-8")
    assert json.loads(run_cli(capsys, "queue", "pt_BR", "--json", "-C", root)[1])["queue"] == []
    english_queue = json.loads(run_cli(capsys, "queue", "en", "--json", "-C", root)[1])["queue"]
    assert [t["msgid"] for t in english_queue] == ["Problemas conhecidos", "Notas"]  # the title comes last
    data = json.loads(run_cli(capsys, "status", "en", "--json", "-C", root)[1])["languages"][0]
    assert data["placements"]["neutral"] == 1
    build_all(root / "mkdocs.yml", tmp_path / "site")
    for prefix in ("", "en/"):
        item = soup(tmp_path / "site" / prefix / "index.html").select_one("#item-1")
        assert item.p.get_text() == "/etc/xen/xend-config.sxp --vcpus=1"
        assert item.select(".relnotes-marker") == []


def test_a_page_named_by_its_language_publishes_under_its_plain_name():
    from relnotes.model import page_stem

    assert page_stem("ch01.de.html", "de") == "ch01"
    assert page_stem("index.pt.html", "pt_BR") == "index"  # the home page, as index.html
    assert page_stem("intro.pt-br.html", "pt_BR") == "intro"
    assert page_stem("ch01.fr.html", "de") == "ch01.fr"  # another language's suffix is part of the name
    assert page_stem("sect.firewall.html", "de") == "sect.firewall"
