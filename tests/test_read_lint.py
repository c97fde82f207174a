"""Source warnings worth reading: "cut off?" only for a sentence that ends like none."""

from __future__ import annotations

import pytest

from relnotes.model import Block, BlockKind, Box
from relnotes.read.lint import SourceWarning, looks_cut_off, source_warnings

P, LI, CODE = BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.CODE


def block(text: str, kind: BlockKind = P, box: Box | None = None) -> Block:
    return Block(kind, text, 1, box=box)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("A memória reservado para o kernel do kdump estava incorreta, resultando em", P),
        ("This tool is often used for simple setups and to block", P),
        ("Estes detalhes devem ser especificados na linha do", P),
        ("Die Pakete werden nur dann installiert, wenn", P),
        ("このツールは簡単な設定に使われることが多く、そして", P),
    ],
)
def test_a_sentence_that_stops_mid_way_is_a_warning(text, kind):
    assert looks_cut_off(block(text, kind), None)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Version 12.1", P),  # a noun phrase
        ("kernel-xen-debuginfo", P),  # a package name
        ("6.1. Preenchendo no arquivo sources.list Arquivo", P),  # a table of contents line
        ("Paridade", LI),
        ("Número de bits de dados", LI),  # a list entry that is a noun phrase
        ("Suporte a discos NVMe em servidores", P),  # so is a short paragraph
        ("This tool is often used for simple setups and to block", LI),  # list entries are not asked
        ("nunca será instalado,", P),  # starts lower case: continues the sentence before it
        ("Copyright © 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015 Roland Mas", P),
        ("Veja a documentação completa em https://www.debian.org/doc/", P),  # ends in an address
        ("The project also publishes news at https//planet.debian.org/", P),  # even a mistyped one
        ("Write to the maintainers at debian-devel@lists.debian.org", P),
        ("Os usuários podem agora fazê-lo sem instalar os pacotes debuginfo ou debuginfo-common", P),  # a package
        ("A lista precisa ser definida no parâmetro AllowAccessFromWebToFollowingIPAddresses", P),  # an identifier
        ("The configuration lives in the file /etc/apt/sources.list.d/", P),  # a path
        ("Neste exemplo o 0x3f8 é o io_base", LI),  # an identifier
        ("CNAME (canonical name record): alias", P),  # label: value
        ("To update the lists of packages, run: apt update", P),  # colon-introduced code
        ("This sentence ends properly.", P),
        ("¿Es esta una pregunta completa?", P),
        ("下面是标准的稳定版 Debian sources.list 文件：", P),
        ("A memória reservado para o kernel do kdump estava incorreta, resultando em", BlockKind.CELL),
        ("A memória reservado para o kernel do kdump estava incorreta, resultando em", BlockKind.TITLE),
        ("A memória reservado para o kernel do kdump estava incorreta, resultando em", BlockKind.TERM),
    ],
)
def test_noun_phrases_references_and_finished_sentences_are_not(text, kind):
    assert not looks_cut_off(block(text, kind), None)


@pytest.mark.parametrize(
    "following",
    [
        block("apt install spamassassin/unstable", CODE),
        block("--listfiles package (or -L), which lists the files", LI),
        block("< 0", BlockKind.TERM),
        block("nunca será instalado,", P, Box("para", 3)),  # a list nested in the paragraph
    ],
)
def test_a_sentence_that_introduces_a_list_or_screen_is_not(following):
    text = "Giving first the long options and then corresponding short options we cite"
    assert not looks_cut_off(block(text), following)
    assert looks_cut_off(block(text), block("The next paragraph starts here.", P))


def test_the_embedded_chapter_warns_about_item_11_only(chapter):
    assert source_warnings(chapter) == [
        SourceWarning(27, "paragraph ends without punctuation ('…em'): cut off?"),
    ]


def test_a_warning_in_a_book_names_its_page():
    warning = SourceWarning(18, "paragraph ends without punctuation ('…block'): cut off?", "sect.firewall.html")
    assert warning.where("sources/handbook.pt_BR/") == "sources/handbook.pt_BR/sect.firewall.html:18"
    assert SourceWarning(27, "m").where("sources/virtualization.pt_BR.txt") == "sources/virtualization.pt_BR.txt:27"
