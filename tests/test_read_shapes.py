"""One hand-written fixture per shape of chapter the readers meet, each with its exact tree.

The fixtures (``tests/fixtures/read/``) are small and written for these tests: Publican
and DocBook XSL markup as those tools write it, the text rendering, Asciidoctor, a book
folder, and the broken markup real sites serve.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from relnotes.read import read_document
from tests.outline import outline

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "read"


def tree(name: str) -> list[str]:
    return outline(read_document(FIXTURES / name))


def test_article_style_chapter_is_a_top_level_section_and_its_footer_is_chrome():
    """Publican articles have no div.chapter: the top div.section is the chapter."""
    assert tree("article.en.html") == [
        "§2 Kernel #sect-kernel",
        "  paragraph 'The kernel of this release differs from the previous one in these ways:'",
        "  group - -",
        "    item 1",
        "      paragraph 'Version 5.14 is the default kernel.'",
        "    item 2",
        "      paragraph 'The kdump service starts earlier; see the kdump guide.' -> https://example.org/kdump",
        "  §2.1 Drivers #sect-kernel-drivers",
        "    paragraph 'Drivers added in this release:'",
        "    group - -",
        "      item 3",
        "        paragraph 'A driver for Example network cards.'",
    ]


PROSE = [
    "§3 Installing the System{}",
    "  paragraph 'This chapter describes the installer of this release.'",
    "  §3.1 Before You Begin{}",
    "    paragraph 'Back up your data before you install.'",
    "    paragraph 'Check that the machine has at least 2 GB of memory.'",
    "  §3.2 Partitioning{}",
    "    paragraph 'The installer suggests a layout; you can change it.'",
]


def test_prose_chapter_as_text_has_sections_of_paragraphs_and_no_items():
    assert tree("prose.en.txt") == [line.format("") for line in PROSE]


def test_prose_chapter_as_publican_html_reads_the_same_with_anchors():
    anchors = iter([" #install", " #install-before", " #install-parts"])
    assert tree("prose.en.html") == [line.format(next(anchors)) if "§" in line else line for line in PROSE]


def test_bullets_straight_under_the_chapter_heading_are_its_items():
    assert tree("bullets.en.txt") == [
        "§4 Known Issues",
        "  group - -",
        "    item 1",
        "      paragraph 'The installer cannot read some USB keys.'",
        "    item 2",
        "      paragraph 'Suspend does not work on some laptops.'",
        "      paragraph 'Resume from disk instead.'",
    ]


def test_admonitions_tables_and_variable_lists_are_framed_blocks():
    assert tree("frames.en.html") == [
        "§5 Frames #frames",
        "  paragraph 'Admonitions as DocBook XSL writes them.'",
        "  title/note1 'Note'",
        "  paragraph/note1 'Back up first.'",
        "  title/important2 'Important'",
        "  paragraph/important2 'Read this.'",
        "  paragraph/important2 'Then this.'",
        "  title/warning3 'Warning' #warn-disk",
        "  paragraph/warning3 'Data will be lost.'",
        "  title/sidebar4 'TIP Incremental updates' #sidebar.tip",
        "  paragraph/sidebar4 'Only the differences are downloaded.'",
        "  title/note5 'Note'",
        "  paragraph/note5 'Publican writes its admonitions like this.'",
        "  §5.1 Sizes #frames-table",
        "    title/table6 'Minimum sizes' #tab-sizes",  # the label is the toolchain's, not text
        "    cell/table6 'Architecture'",
        "    cell/table6 'Memory'",
        "    cell/table6r1 'amd64'",
        "    cell/table6r1 '2 GB'",
        "    cell/table6r2 'arm64'",
        "    cell/table6r2 '4 GB'",
        "  §5.2 Priorities #frames-varlist",
        "    term/varlist7 '< 0'",
        "    paragraph/varlist7 'The package is never installed.'",
        "    term/varlist7 '1000 and more' #prio-high",
        "    paragraph/varlist7 'The package is always installed.'",
        "    paragraph/varlist7 'Even a downgrade.'",
    ]


def test_a_list_or_screen_inside_a_paragraph_follows_it_and_a_url_stays_in_it():
    """Publican's div.para may hold a div.itemizedlist or a pre: they continue the paragraph."""
    assert tree("para-lists.en.html") == [
        "§7 Nested content #nested",
        "  paragraph 'A DocBook paragraph may hold a list and go on after it.'",
        "  list_item/para1 'first entry,'",
        "  list_item/para1 'second entry,'",
        "  paragraph 'An address stays in its paragraph: → https://example.org/' -> https://example.org/",
        "  paragraph 'Run this:'",
        "  code/para2 '# apt update'",
    ]


def test_tag_soup_is_read_as_a_browser_would_close_it():
    """Unclosed <p> and <li>, a stray </div>: each paragraph and entry stays its own block."""
    assert tree("soup.en.html") == [
        "§1 Tag soup",
        "  paragraph 'First paragraph, never closed.'",
        "  paragraph 'Second paragraph.'",
        "  group - -",
        "    item 1",
        "      paragraph 'Entry one.'",
        "    item 2",
        "      paragraph 'Entry two, bold to the end.'",
        "  §1.1 After the list",
        "    paragraph 'Third paragraph.'",
    ]


def test_asciidoctor_page_reads_with_the_same_reader():
    assert tree("asciidoctor.en.html") == [
        "§- Upgrading",
        "  §1 Before upgrading #_before",
        "    paragraph 'Read these notes first.'",
        "    group - -",
        "      item 1",
        "        paragraph 'Back up /etc.'",
        "      item 2",
        "        paragraph 'Free some disk space.'",
        "    §1.1 Steps #_steps",
        "      paragraph 'Upgrade in this order:'",
        "      list_item 'Update the package lists.'",
        "      list_item 'Upgrade the packages.'",
        "      code 'apt update\\napt full-upgrade'",
        "      title/warning1 'Warning'",
        "      paragraph/warning1 'Do not reboot during the upgrade.'",
        "      paragraph 'Then reboot.'",
    ]


def test_book_with_a_broken_next_chain_is_read_whole_via_the_index_toc():
    """intro.html has no rel=next; usage.html is reached through index.html's table of contents."""
    document = read_document(FIXTURES / "book-chain.en")
    assert document.pages == ("index.html", "intro.html", "usage.html")
    assert outline(document) == [
        "§- Guide #guide",
        "§1 Introduction #intro",
        "  paragraph 'This guide explains the tool; its usage comes next.' -> usage.html#usage-start",
        "§2 Usage #usage",
        "  §2.1 Starting #usage-start",
        "    paragraph 'Run the tool from a terminal.'",
    ]
    assert [p.block.page for p in document.placements()] == [
        "index.html",
        "intro.html",
        "intro.html",
        "usage.html",
        "usage.html",
        "usage.html",
    ]


@pytest.mark.parametrize(
    "name, locale",
    [("xml-lang.html", "pt_BR"), ("lang.html", "de_DE")],
)
def test_locale_comes_from_the_content_division_when_the_name_has_none(name, locale):
    assert read_document(FIXTURES / "lang" / name).locale == locale


def test_book_folder_without_a_locale_in_its_name_takes_its_pages_language(tmp_path):
    folder = tmp_path / "guide"
    shutil.copytree(FIXTURES / "book-chain.en", folder)
    assert read_document(folder).locale == "en_US"
