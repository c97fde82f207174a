"""The readers: the embedded chapter's exact shape, and the HTML reader agreeing with it."""

from __future__ import annotations

from collections import Counter

import pytest

from relnotes.model import BlockKind
from relnotes.read import read_document
from tests.conftest import CHAPTER


def shape(document):
    return [
        (section.number, group.number, group.arch, len(group.items))
        for section in document.sections
        for group in section.groups
    ]


EXPECTED_SHAPE = [
    ("6.1", None, None, 7),
    ("6.2", "6.2.1", "all", 12),
    ("6.2", "6.2.2", "x86", 2),
    ("6.2", "6.2.3", "ia64", 4),
    ("6.2", "6.2.4", "x86_64", 2),
    ("6.3", "6.3.1", "all", 10),
    ("6.3", "6.3.2", "x86", 2),
    ("6.3", "6.3.3", "x86_64", 4),
    ("6.3", "6.3.4", "ia64", 5),
]


def test_chapter_has_the_published_sections_groups_and_items(chapter):
    assert chapter.number == "6"
    assert chapter.heading.text == "Virtualization"
    assert [(s.number, s.heading.text) for s in chapter.sections] == [
        ("6.1", "Feature Updates"),
        ("6.2", "Resolved Issues"),
        ("6.3", "Known Issues"),
    ]
    assert shape(chapter) == EXPECTED_SHAPE
    assert [item.number for _, _, item in chapter.items()] == list(range(1, 49))


def test_block_kinds_are_counted_exactly(chapter):
    kinds = Counter(p.block.kind for p in chapter.placements())
    assert kinds == {
        BlockKind.HEADING: 12,
        BlockKind.PARAGRAPH: 64,
        BlockKind.LIST_ITEM: 4,
        BlockKind.CODE: 4,
    }


def test_code_blocks_are_the_quoted_lines_after_a_colon(chapter):
    code = [(p.item, p.block.text) for p in chapter.placements() if p.block.kind is BlockKind.CODE]
    assert code == [
        (9, 'crash: cannot resolve "idle_pg_table_4"'),
        (36, "(network-script network-bridge-bonding netdev=bond0)"),
        (37, "Memory squeeze in netback driver"),
        (46, 'append="com1=19200,8n1,0x3f8 -- quiet rhgb console=tty0 console=ttyS0,19200n8"'),
    ]


def test_nested_list_and_the_paragraphs_around_it_stay_in_order(chapter):
    item = next(item for _, _, item in chapter.items() if item.number == 46)
    assert [b.kind for b in item.blocks] == [
        BlockKind.PARAGRAPH,
        *[BlockKind.LIST_ITEM] * 4,
        BlockKind.PARAGRAPH,
        BlockKind.CODE,
        BlockKind.PARAGRAPH,
    ]
    assert [b.text for b in item.blocks[1:5]] == [
        "Velocidade em bits/segundos.",
        "Número de bits de dados",
        "Paridade",
        "endereço io_base",
    ]


def test_heading_numbers_are_structure_not_text(chapter):
    headings = [p.block.text for p in chapter.placements() if p.block.kind is BlockKind.HEADING]
    assert headings[:5] == [
        "Virtualization",
        "Feature Updates",
        "Resolved Issues",
        "All Architectures",
        "x86 Architectures",
    ]
    assert not any(text[0].isdigit() for text in headings)


def test_site_chrome_after_the_last_item_is_not_content(chapter):
    texts = " ".join(p.block.text for p in chapter.placements())
    assert "Red Hat logo" not in texts
    assert "2024 Red Hat, Inc." not in texts
    last = list(chapter.items())[-1][2]
    assert last.blocks[-1].text.endswith("not supported for virtualization on this architecture.")


def test_source_defects_stay_as_published(chapter):
    item = next(item for _, _, item in chapter.items() if item.number == 11)
    assert item.blocks[0].text == "A memória reservado para o kernel do kdump estava incorreta, resultando em"


def test_html_reader_agrees_with_the_text_reader_on_every_block(chapter, html_chapter):
    def flat(document):
        return [
            (p.section, p.group, p.arch, p.item, p.index, p.block.kind, p.block.text) for p in document.placements()
        ]

    assert flat(html_chapter) == flat(chapter)
    assert html_chapter.locale == "pt_BR"


def test_html_locale_comes_from_html_lang_when_the_name_has_none(tmp_path):
    html = tmp_path / "chapter.html"
    html.write_text(
        '<html lang="de-DE"><body><div class="chapter"><h2 class="title">1. Titel</h2>'
        '<div class="section"><h2 class="title">1.1. Teil</h2><div class="itemizedlist">'
        "<ul><li><p>Ein Eintrag.</p></li></ul></div></div></div></body></html>",
        encoding="utf-8",
    )
    document = read_document(html)
    assert document.locale == "de_DE"
    assert [p.block.text for p in document.placements()] == ["Titel", "Teil", "Ein Eintrag."]


def test_locale_option_wins_over_the_file_name():
    document = read_document(CHAPTER, locale="es")
    assert document.locale == "es"


def test_html_section_introduction_is_read_before_its_items(tmp_path):
    html = tmp_path / "c.en.html"
    html.write_text(
        '<div class="chapter"><h2 class="title">1. T</h2><div class="section">'
        '<h2 class="title">1.1. S</h2><p>Loose.</p><ul><li><p>Item.</p></li></ul></div></div>',
        encoding="utf-8",
    )
    document = read_document(html)
    assert [b.text for b in document.sections[0].blocks] == ["Loose."]
    assert [item.blocks[0].text for _, _, item in document.items()] == ["Item."]


def test_windows_1252_copy_reads_identically_when_told_its_encoding(tmp_path, chapter):
    copy = tmp_path / "virtualization.pt_BR.txt"
    copy.write_bytes(CHAPTER.read_text(encoding="utf-8").encode("cp1252"))
    document = read_document(copy, encoding="cp1252")
    assert [p.block for p in document.placements()] == [p.block for p in chapter.placements()]


@pytest.mark.parametrize(
    "arch_title, arch",
    [
        ("6.2.4. x86_64 Architectures", "x86_64"),
        ("6.2.2. Arquiteturas x86", "x86"),
        ("6.2.1. Todas as arquiteturas", "all"),
        ("6.3.4. Arquitetura IA64", "ia64"),
    ],
)
def test_architecture_comes_from_the_group_heading_in_any_language(arch_title, arch):
    from relnotes.read.assemble import arch_of, split_number

    assert arch_of(split_number(arch_title)[1]) == arch


def test_publican_table_of_contents_inside_the_chapter_is_not_read_as_items(tmp_path):
    html = tmp_path / "c.en.html"
    html.write_text(
        '<div class="chapter"><div class="titlepage"><h2 class="title">6. Virtualization</h2></div>'
        '<div class="toc"><ul><li><a href="#s1">6.1. Feature Updates</a></li></ul></div>'
        '<div class="section"><h2 class="title">6.1. Feature Updates</h2>'
        '<div class="itemizedlist"><ul><li><p>Real item.</p></li></ul></div></div>'
        '<div class="navfooter"><ul><li><a href="next.html">Next</a></li></ul></div></div>',
        encoding="utf-8",
    )
    document = read_document(html)
    assert [item.blocks[0].text for _, _, item in document.items()] == ["Real item."]
    assert [p.block.text for p in document.placements()] == ["Virtualization", "Feature Updates", "Real item."]


def test_utf16_copy_is_named_and_read_when_told(tmp_path, chapter):
    from relnotes.errors import SourceError

    copy = tmp_path / "virtualization.pt_BR.txt"
    copy.write_bytes(CHAPTER.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(SourceError) as refused:
        read_document(copy)
    assert str(refused.value) == f"{copy}: UTF-16 file; convert it to UTF-8 or pass --encoding utf-16"
    document = read_document(copy, encoding="utf-16")
    assert [p.block for p in document.placements()] == [p.block for p in chapter.placements()]
