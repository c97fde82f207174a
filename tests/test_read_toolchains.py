"""Each documentation toolchain's shape, as a small hand-written fixture with its exact tree.

The fixtures (``tests/fixtures/read/toolchains/``) are written for these tests in the markup
each generator writes: DocBook XSL as one page, chunked, and with the language in the file
name; Sphinx ``html``, ``dirhtml`` and ``singlehtml``; AsciiDoc; Asciidoctor's footnotes. Chrome (navigation, tables
of contents, permalinks, sidebars, search boxes, footers, generated labels) must never
become a block, and published numbers must stay on the sections.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from relnotes.errors import SourceError
from relnotes.read import locale_from_name, read_document
from tests.outline import outline

SHAPES = Path(__file__).resolve().parent / "fixtures" / "read" / "toolchains"


def tree(name: str, locale: str | None = None) -> list[str]:
    return outline(read_document(SHAPES / name, locale=locale))


def test_docbook_single_page_reads_every_kind_of_block_at_any_depth_in_its_markup_language():
    document = read_document(SHAPES / "docbook-single.html")
    assert document.locale == "pt_BR"  # no locale in the name: <html lang="pt-BR">
    assert document.pages == ()
    assert outline(document) == [
        "§- Guia do Sistema #guide",
        "§1 Introdução #ch-intro",
        "  paragraph 'Este guia descreve a instalação do sistema[1].' -> #ftn.f1",
        "  §1.1 Sobre este guia #s-about",
        "    paragraph 'Veja a Tabela 1.1, “Tamanhos mínimos” antes de começar.' -> #tab-sizes",
        "    §1.1.1 Um nível abaixo #s-deep",
        "      list_item 'Primeiro passo.'",
        "      list_item 'Segundo passo.'",
        "      title/table1 'Tamanhos mínimos' #tab-sizes",
        "      cell/table1 'Arquitetura'",
        "      cell/table1 'Memória'",
        "      cell/table1r1 'amd64'",  # paragraphs in div.table-contents cells are read
        "      cell/table1r1 '2 GB de memória'",
        "      image/figure2 'images/start.png'",
        "      alt/figure2 'Tela inicial do instalador'",
        "      title/figure2 'A tela inicial' #fig-start",
        "      title/note3 'Nota'",
        "      paragraph/note3 'Guarde uma cópia dos seus dados.'",
        "      title/example4 'Um comando' #ex-cmd",
        "      code/example4 'apt update'",
        "      term/varlist5 '--quiet'",
        "      paragraph/varlist5 'Mostra menos mensagens.'",
        # The footnote DocBook wrote at the end of the book, back at the end of the chapter citing it.
        "      paragraph '[1] Em computadores pessoais.' #ftn.f1 -> #f1",  # the footnote link's target
        "§A Dados técnicos #ap-data",
        "  §A.1 Discos #ap-data-disk",
        "    paragraph 'Discos de 20 GB bastam.' #p-disks",  # an xref can point at a paragraph
    ]


def test_docbook_chunked_book_follows_next_links_and_drops_previous_next_navigation():
    document = read_document(SHAPES / "docbook-chunked")
    assert document.pages == ("index.html", "ch01.html", "ch01s02.html", "apa.html")
    assert document.locale == "pt"  # lang on the content element
    assert outline(document) == [
        "§- Manual de Instalação #idm1",
        "  paragraph 'Este documento explica como instalar o sistema.'",
        "§1 Bem-vindo #welcome",
        "  §1.1 Primeiros passos #welcome-first",
        "    paragraph 'Leia este capítulo primeiro.'",
        "  §1.2 O que é #what",
        "    paragraph 'Um sistema operacional livre.'",
        "    §1.2.1 Mais detalhes #what-more",
        "      cell/table1 'Núcleo'",
        "      cell/table1 'Linux'",
        "§A Referência #ref",
        "  paragraph 'Tabelas de referência.'",
    ]
    texts = {p.block.text for p in document.placements()}
    assert not texts & {"Anterior", "Próximo", "Início", "Anterior Próximo", "Sumário"}


@pytest.mark.parametrize(
    ("locale", "title", "text"), [("pt", "Início", "Mais um parágrafo."), ("de", "Anfang", "Noch ein Absatz.")]
)
def test_language_suffix_folder_reads_the_pages_of_the_language_asked_for_in_order(locale, title, text):
    document = read_document(SHAPES / "suffix", locale=locale)
    assert document.pages == (f"index.{locale}.html", f"ch01.{locale}.html", f"ch02.{locale}.html")
    assert document.locale == locale
    assert [c.heading.text for c in document.chapters][1] == title
    assert document.chapters[2].sections[0].blocks[0].text == text


def test_language_suffix_folder_without_a_plain_index_reads_its_one_language():
    document = read_document(SHAPES / "suffix-only")
    assert document.locale == "de"  # from index.de.html
    assert document.pages == ("index.de.html", "ch01.de.html", "ch02.de.html")


def test_language_suffix_folder_asks_which_language_in_one_line():
    with pytest.raises(SourceError) as no_locale:
        read_document(SHAPES / "suffix")
    assert (
        str(no_locale.value)
        == f"{SHAPES / 'suffix'}: this folder holds a book in several languages (de, pt); pass --locale"
    )
    with pytest.raises(SourceError) as absent:
        read_document(SHAPES / "suffix", locale="fr")
    assert str(absent.value) == f"{SHAPES / 'suffix'}: no index page for fr in this folder (it holds de, pt)"


SPHINX = [
    "§- Guide #guide",
    "  paragraph 'This guide explains how to install the system.'",
    "§1 Installing #installing",
    "  paragraph 'Installing takes ten minutes.'",
    "  title/note1 'Note'",
    "  paragraph/note1 'Back up your data first.'",
    "  §1.1 Disks #disks",
    "    list_item 'Use a disk of 20 GB.'",
    "    list_item 'Keep one partition free.'",
    "    image/figure2 '_images/parts.png'",
    "    alt/figure2 'The partitioning screen'",
    "    title/figure2 'Partitioning' #id1",
    "    term/varlist3 'swap' #disks",
    "    paragraph/varlist3 'Space for memory pages.'",
    "    title/table4 'Sizes' #id2",
    "    cell/table4 'Part'",
    "    cell/table4 'Size'",
    "    cell/table4r1 'root'",
    "    cell/table4r1 '10 GB'",
    "§2 Upgrading #upgrading",
    "  paragraph 'Read the notes[1] first.' -> #f1",
    "  code 'apt full-upgrade'",
    "  paragraph 'The release notes.' #f1",
]


@pytest.mark.parametrize(
    ("name", "pages"),
    [
        ("sphinx-html", ("index.html", "install.html", "upgrade.html")),
        ("sphinx-dirhtml", ("index.html", "install/index.html", "upgrade/index.html")),
        ("sphinx-singlehtml.html", ()),
    ],
)
def test_sphinx_builders_read_the_same_tree_without_sidebar_permalinks_or_labels(name, pages):
    """The chunked pages are read, never the singlehtml copy beside them (guide.html) nor search.html."""
    document = read_document(SHAPES / name)
    assert document.pages == pages
    assert outline(document) == SPHINX
    if name == "sphinx-html":  # which copy was read is said
        message = "guide.html is a single-page copy of this book; the chunked pages are read, it is left aside"
        assert document.problems == ((None, 0, message),)
    else:
        assert document.problems == ()


def test_asciidoc_page_reads_sections_and_frames_without_toc_or_footer():
    document = read_document(SHAPES / "asciidoc.html")
    assert document.locale == "de"  # xml:lang on <html>
    assert outline(document) == [
        "§- Benutzerhandbuch",
        "  paragraph 'Erika Mustermann'",
        "  paragraph 'Dieses Handbuch beschreibt das Programm.'",
        "  §1 Erste Schritte #_erste_schritte",
        "    paragraph 'Starten Sie das Programm aus dem Menü.'",
        "    §1.1 Optionen #_optionen",
        "      cell/table1 '--hilfe'",
        "      cell/table1 'Zeigt die Hilfe an.'",
        "      title/note2 'Tipp'",
        "      paragraph/note2 'Die Hilfe ist kurz.'",
        "      image/figure3 'images/menu.png'",
        "      alt/figure3 'Das Menü des Programms'",
        "      title/figure3 'Das Menü'",
        "      §1.1.1 Mehr #_mehr",
        "        group - -",
        "          item 1",
        "            paragraph 'Eins.'",
        "          item 2",
        "            paragraph 'Zwei.'",
    ]


def test_footnotes_a_single_page_gathers_at_its_end_go_to_the_chapter_citing_them():
    """Asciidoctor writes them after the last section, each a ``div.footnote`` holding its text."""
    assert tree("asciidoctor-footnotes.html") == [
        "§- Guide",
        "  paragraph 'This guide explains the program.'",
        "  §1 Start #_start",
        "    paragraph 'Start the program from the menu.[1]' -> #_footnotedef_1",
        "    paragraph 'Another paragraph of the start.'",
        "    paragraph '1. The menu is called Applications in some desktops.' #_footnotedef_1 -> #_footnoteref_1",
        "  §2 End #_end",
        "    paragraph 'Quit the program when done.[2]' -> #_footnotedef_2",
        "    paragraph '2. Quitting saves nothing.' #_footnotedef_2 -> #_footnoteref_2",
        "  §3 More #_more",
        "    paragraph 'More to read here.[3]' -> #_footnotedef_3",
        "    paragraph '3. The last chapter keeps its own.' #_footnotedef_3 -> #_footnoteref_3",
    ]


def test_a_reference_list_cited_like_footnotes_stays_where_it_is(tmp_path):
    """Its entries are cited with "[1]" too, but never link back to the citation: not footnotes."""
    page = tmp_path / "paper.en.html"
    page.write_text(
        '<html><body><h1>Paper</h1><section id="intro"><h2>1. Introduction</h2>'
        '<p>Sorting was studied early <a href="#ref1">[1]</a>.</p></section>'
        '<section id="refs"><h2>2. References</h2><p id="ref1">[1] Knuth, The Art of Computer Programming.</p>'
        "</section></body></html>",
        encoding="utf-8",
    )
    assert outline(read_document(page)) == [
        "§- Paper",
        "  §1 Introduction #intro",
        "    paragraph 'Sorting was studied early [1].' -> #ref1",
        "  §2 References #refs",
        "    paragraph '[1] Knuth, The Art of Computer Programming.' #ref1",
    ]


def test_a_folder_named_as_a_locale_says_its_language_and_other_names_say_none(tmp_path):
    for name, expected in [("pt_BR", "pt_BR"), ("de", "de"), ("zh-CN", "zh-CN"), ("html", None), ("doc", None)]:
        (tmp_path / name).mkdir()
        assert locale_from_name(tmp_path / name) == expected
    assert locale_from_name(tmp_path / "ch01.pt.html") == "pt"
    assert locale_from_name(tmp_path / "relnotes.1.html") is None
    assert locale_from_name(tmp_path / "de" / "pcbnew.html") == "de"  # one page of a per-language install
    assert locale_from_name(tmp_path / "html" / "pcbnew.html") is None


def test_a_heading_inside_a_nested_list_entry_leads_the_entry(tmp_path):
    page = tmp_path / "nested.en.html"
    page.write_text(
        "<html><body><h1>1. Title</h1><p>Intro text.</p><ul><li>Entry one<ul><li><h3>Inner heading</h3>"
        "<p>Inner para.</p></li></ul></li></ul><p>After the list.</p></body></html>",
        encoding="utf-8",
    )
    assert outline(read_document(page)) == [
        "§1 Title",
        "  paragraph 'Intro text.'",
        "  list_item 'Entry one'",
        "  list_item L1 'Inner heading'",
        "  paragraph L2 'Inner para.'",
        "  paragraph 'After the list.'",
    ]


def test_an_invalid_byte_in_a_utf8_page_is_reported_with_line_and_byte_and_replaced(tmp_path):
    page = tmp_path / "page.pt_BR.html"
    page.write_bytes(
        b'<html><head><meta charset="utf-8"></head><body><h1>1. Virtualiza\xc3\xa7\xc3\xa3o</h1>\n'
        b"<p>Servi\xe7o de m\xc3\xa1quinas.</p></body></html>"
    )
    document = read_document(page)
    assert document.heading.text == "Virtualização"  # never the whole page in another charset
    assert document.intro[0].text == "Servi\ufffdo de máquinas."
    assert document.problems == ((None, 2, "invalid UTF-8 byte 0xe7 in a page declaring UTF-8; read as U+FFFD"),)


def test_a_hostile_book_reads_nothing_outside_it_and_says_so_once_per_problem(tmp_path):
    (tmp_path / "secret.html").write_text("<h1>1. Secret</h1><p>Secret words.</p>", encoding="utf-8")
    book = tmp_path / "book.en"
    (book / "images").mkdir(parents=True)
    (book / "index.html").write_text(
        '<html><head><link rel="next" href="images%2F..%2F..%2Fsecret.html"></head><body>\n'
        '<div class="toc"><a href="outside.html">x</a> <a href="loop.html">y</a> <a href="two.html">z</a></div>\n'
        '<h1>1. Start</h1><p>Start page.</p><div class="figure"><img src="../../../etc/passwd" alt="Password file">'
        '<img src="images/ok.png" alt="A good image"></div></body></html>',
        encoding="utf-8",
    )
    (book / "two.html").write_text("<h1>2. Two</h1><p>Second page.</p>", encoding="utf-8")
    (book / "images" / "ok.png").write_bytes(b"png")
    os.symlink("../secret.html", book / "outside.html")
    os.symlink("loop.html", book / "loop.html")
    document = read_document(book)
    assert document.pages == ("index.html", "two.html")
    assert [p.block.text for p in document.placements()] == [
        "Start",
        "Start page.",
        "images/ok.png",
        "A good image",
        "Two",
        "Second page.",
    ]
    assert document.problems == (
        ("index.html", 2, "link 'outside.html' leads outside the book; not read"),
        ("index.html", 2, "link 'loop.html' is a symlink loop; not followed"),
        ("index.html", 1, "link 'images%2F..%2F..%2Fsecret.html' leads outside the book; not read"),
        ("index.html", 3, "file '../../../etc/passwd' is outside the book; left out"),
    )


def test_a_page_ten_thousand_elements_deep_is_refused_in_one_line(tmp_path):
    page = tmp_path / "deep.en.html"
    page.write_text("<h1>1. T</h1>" + "<div>" * 10_000 + "<p>x</p>" + "</div>" * 10_000, encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        read_document(page)
    assert str(refused.value) == (
        f"{page}:1: markup nested more than 200 elements deep; is this a generated or broken page?"
    )


def _project(root: Path, master: Path, name: str) -> Path:
    """A project whose only master is ``master`` put in ``sources/`` as installed (a link)."""
    import shutil

    from tests.conftest import ROOT

    (root / "sources").mkdir(parents=True)
    (root / "sources" / name).symlink_to(master)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")  # the plugin brings its templates
    return root


def test_single_page_installed_without_a_locale_builds_in_the_language_its_markup_says(tmp_path, capsys):
    from tests.conftest import run_cli

    root = _project(tmp_path / "proj", SHAPES / "docbook-single.html", "guide.html")
    (root / "sources" / "images").mkdir()
    (root / "sources" / "images" / "start.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    here = Path.cwd()
    os.chdir(root)
    try:
        code, _out, err = run_cli(capsys, "update")
        assert code == 0, err
        assert sorted(p.name for p in (root / "locales").iterdir() if p.is_dir()) == ["en", "pt_BR"]
        code, _out, err = run_cli(capsys, "site", "build")
        assert code == 0, err
    finally:
        os.chdir(here)
    assert "pt_BR" in err.splitlines()[0] and (root / "site" / "en").is_dir()  # pt_BR first: the default


def test_language_suffix_folder_in_sources_is_a_master_in_the_language_of_its_name(tmp_path):
    from relnotes.locales import LocaleId
    from relnotes.project import Project

    root = tmp_path / "proj"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "handbook.de").symlink_to(SHAPES / "suffix-only")
    project = Project.load(root)
    assert [p.name for p in project.source_paths()] == ["handbook.de"]
    assert project.languages == [LocaleId.parse("de"), LocaleId.parse("en")]
    assert project.documents()[0].pages == ("index.de.html", "ch01.de.html", "ch02.de.html")


def test_update_on_a_book_with_a_symlink_loop_warns_once_per_problem_and_writes_catalogs(tmp_path, capsys):
    from tests.conftest import run_cli

    book = tmp_path / "proj" / "sources" / "book.en"
    book.mkdir(parents=True)
    (book / "index.html").write_text(
        '<html><body><div class="toc"><a href="loop.html">x</a></div><h1>1. Start</h1><p>Start page.</p></body></html>',
        encoding="utf-8",
    )
    os.symlink("loop.html", book / "loop.html")
    here = Path.cwd()
    os.chdir(tmp_path / "proj")
    try:
        code, out, err = run_cli(capsys, "update")
    finally:
        os.chdir(here)
    assert code == 0
    assert "wrote locales/release-notes.pot" in out
    assert err == "sources/book.en/index.html:1: warning: link 'loop.html' is a symlink loop; not followed\n"


def test_an_english_caption_under_a_translated_label_is_read_and_detected_as_english(tmp_path):
    from relnotes.detect import LanguageDetector

    page = tmp_path / "desktop.ja.html"
    page.write_text(
        '<html lang="ja"><body><div class="chapter"><h1 class="title">第7章 デスクトップ</h1>'
        "<p>デスクトップ環境は多くの選択肢があり、好みに合わせて選ぶことができます。</p>"
        '<div class="table"><p class="title"><b>表7.1 List of desktop environments</b></p><div class="table-contents">'
        "<table><tr><td><p>GNOME</p></td><td><p>標準のデスクトップ環境です。</p></td></tr></table></div></div>"
        "</div></body></html>",
        encoding="utf-8",
    )
    document = read_document(page)
    captions = [p for p in document.placements() if p.block.kind.value == "title"]
    assert [p.block.text for p in captions] == ["List of desktop environments"]  # the label is structure
    texts = [p.block.text for p in document.placements()]
    decisions = dict(zip(texts, LanguageDetector(["ja", "en"]).decide(document), strict=True))
    assert decisions["List of desktop environments"].lang == "en"
    assert decisions["標準のデスクトップ環境です。"].lang == "ja"


def test_a_page_of_bare_headings_nests_its_sections_by_heading_level(tmp_path):
    """Any well-formed HTML book whose sections are headings, with no section elements."""
    page = tmp_path / "flat.en.html"
    page.write_text(
        "<html><body><h1>Guide</h1><p>About the guide.</p><h2>1. Install</h2><p>Install it.</p>"
        "<h3>1.1. Disks</h3><p>Use disks.</p><h2>2. Use</h2><p>Use it.</p></body></html>",
        encoding="utf-8",
    )
    assert outline(read_document(page)) == [
        "§- Guide",
        "  paragraph 'About the guide.'",
        "  §1 Install",
        "    paragraph 'Install it.'",
        "    §1.1 Disks",
        "      paragraph 'Use disks.'",
        "  §2 Use",
        "    paragraph 'Use it.'",
    ]


def test_inspect_with_locale_reads_that_language_of_a_suffix_folder(capsys):
    from tests.conftest import run_cli

    code, out, err = run_cli(capsys, "inspect", SHAPES / "suffix", "--locale", "de")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"{SHAPES / 'suffix'} (de)"
    assert [line.split("  [")[0] for line in lines[1:4]] == ["Handbuch", "1 Anfang", "  intro"]
    assert "Dieses Kapitel beginnt das Buch." in out and "Este capítulo" not in out


def test_a_language_the_suffix_folder_lacks_is_refused_even_where_index_html_is_one_of_its_pages(tmp_path):
    """index.html -> index.en.html (debian-faq): asking for German must not read English as German."""
    folder = tmp_path / "FAQ"
    shutil.copytree(SHAPES / "suffix-only", folder)
    for page in folder.iterdir():
        page.rename(folder / page.name.replace(".de.", ".en."))
    for page in folder.iterdir():
        page.write_text(page.read_text(encoding="utf-8").replace(".de.html", ".en.html"), encoding="utf-8")
    (folder / "index.html").symlink_to("index.en.html")
    assert read_document(folder).locale == "en"  # the page index.html stands for says it
    with pytest.raises(SourceError) as refused:
        read_document(folder, locale="de")
    assert str(refused.value) == f"{folder}: no index page for de in this folder (it holds en)"
