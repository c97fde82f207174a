"""What the dev books taught detection: dates, glosses, pairs of names, and what a page tells.

Each rule is for a kind of text, not for one book: a date in English words, an identifier
glossed in parentheses, two names joined by a conjunction, a table of answer words, the
names a translated page keeps in its own sentences, and words every language writes alike.
Their effect on every labelled sample is in manual/docs/design/accuracy.md.
"""

from __future__ import annotations

import pytest

from relnotes.detect import NEUTRAL, LanguageDetector
from relnotes.model import Block, BlockKind, Box, Document, Section
from tests.detection import BACKENDS, decided


def _page(lang: str, *blocks: Block, heading: str = "Abschnitt") -> dict[str, tuple[str | None, str]]:
    """Decide one section holding ``blocks`` as a page in ``lang``: text -> (language, layer)."""
    chapter = Section(number="1", heading=Block(BlockKind.HEADING, heading, 1), blocks=blocks)
    document = Document(f"page.{lang}", lang, (chapter,))
    detector = LanguageDetector([lang, "en"])
    placements = list(document.placements())
    return {p.block.text: (d.lang, d.basis) for p, d in zip(placements, detector.decide(document), strict=True)}


def _cells(*texts: str) -> tuple[Block, ...]:
    table = Box("table", 1)
    return tuple(Block(BlockKind.CELL, text, n, box=table) for n, text in enumerate(texts, 2))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("ja", "Version 2, June 1991", ("en", "script")),  # the GPL's header left in English
        ("pt", "Version 2, June 1991", ("en", "words")),
        ("ja", "Python 3.13", (NEUTRAL, "neutral")),  # a product and its version still has no language
        ("pt", "Red Hat Enterprise Linux 8", (NEUTRAL, "neutral")),
    ],
)
def test_a_date_in_english_words_is_english_not_a_version(lang, text, expected, backend):
    assert decided(lang, text, backend) == expected


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("pt", "Marvell Kirkwood e Orion", "pt"),  # the translator wrote "e"
        ("de", "Jonas Becker und Paul Krüger", "de"),
        ("pt", "Marvell Kirkwood and Orion", NEUTRAL),  # an English "and" joins names on any page
        ("pt", "Ana Souza, Bruno Lima e Carla Dias", NEUTRAL),  # a list of people is a credit
        ("it", "Giulia Rossi, Marco Bianchi e Sara Conti", NEUTRAL),
    ],
)
def test_two_names_joined_by_the_pages_conjunction_are_its_language(lang, text, expected, backend):
    assert decided(lang, text, backend)[0] == expected


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("de", "ssh-server (SSH-Server)", "de"),
        ("da", "cinnamon-desktop (Cinnamonskrivebord)", "da"),
        ("de", "standard (standard system utilities)", "en"),  # the original's gloss, left in
        ("pt", "anna/choose_modules (modules)", NEUTRAL),  # an identifier glossed by another
        ("pt", "Compilador AOT (ahead-of-time)", "pt"),  # prose before the parentheses: not a gloss
        ("ro", "netcfg - «configurare rețea»", "ro"),  # quotes gloss as parentheses do
        ("it", "FONDAMENTALI «Denial of service»", "it"),  # a label in capitals is no identifier
    ],
)
def test_an_identifier_glossed_in_parentheses_is_in_the_language_of_its_gloss(lang, text, expected, backend):
    assert decided(lang, text, backend)[0] == expected


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("de", "[33] Lesen Sie Debian Policy Manual, Kapitel 7 »Declaring relationships between packages«.", "de"),
        ("de", "Debian Policy Manual, Kapitel 8.6.3 »The symbols system«", "de"),
        ("de", "The first upload of a package (see „Neue Pakete“) must be checked by hand.", "en"),
        ("de", "»Using Git for Debian Packaging«", "en"),  # nothing outside the quotes: the title is the block
    ],
)
def test_a_quoted_title_is_not_what_the_sentence_around_it_is_written_in(lang, text, expected, backend):
    assert decided(lang, text, backend)[0] == expected


def test_answer_words_in_a_table_are_the_pages_language_beside_one_written_in_it():
    found = _page("de", *_cells("RAID0", "nein", "RAID1", "ja", "optional", "RAID5", "optional", "ja"))
    assert [found[t] for t in ("nein", "ja", "optional")] == [("de", "words"), ("de", "context"), ("de", "context")]
    # Alone, or among identifiers, the same words are taken for commands.
    alone = _page("de", *_cells("RAID1", "ja", "optional"))
    assert [alone[t][0] for t in ("ja", "optional")] == [NEUTRAL, NEUTRAL]
    modules = _page("pt", *_cells("sys", "os", "json", "sim", "asyncio"), heading="Módulos")
    assert [modules[t][0] for t in ("os", "sim")] == [NEUTRAL, NEUTRAL]


def test_module_names_that_spell_words_of_the_page_do_not_vouch_for_each_other():
    headings = [Block(BlockKind.HEADING, t, n) for n, t in enumerate(("fractions", "dis", "os"), 2)]
    found = _page("fr", *headings, heading="Modules améliorés")
    assert {found[t][0] for t in ("fractions", "dis", "os")} == {NEUTRAL}


def test_a_field_name_the_pages_prose_keeps_in_english_is_a_name_there():
    prose = Block(
        BlockKind.PARAGRAPH,
        'Die Auswahlmöglichkeiten müssen in einem "Choices" benannten Feld angegeben werden, '
        "getrennt durch Komma und Leerzeichen.",
        2,
    )
    heading = Block(BlockKind.HEADING, "Choices", 3)
    found = _page("de", prose, heading)
    assert found["Choices"] == (NEUTRAL, "names")
    assert _page("de", heading)["Choices"][0] == "en"  # without the page's sentence it is English left in
    french = Block(BlockKind.PARAGRAPH, "Les choix doivent être indiqués dans un champ appelé « Choices » ici.", 2)
    found = _page("fr", french, Block(BlockKind.HEADING, "Champ Choices", 3), heading="Modèles")
    assert found["Champ Choices"] == ("fr", "names")


def test_names_kept_in_the_prose_leave_a_sentence_and_an_english_title_english():
    prose = Block(BlockKind.PARAGRAPH, "Der Wert None bedeutet hier, dass kein Eintrag gesetzt wurde.", 2)
    found = _page("de", prose, Block(BlockKind.PARAGRAPH, "None.", 3))
    assert found["None."][0] == "en"  # a sentence, not a name
    # "General" and "License" are kept names of this page; "Public" is no word French writes
    # more than English, so what is left is not French.
    licence = Block(BlockKind.PARAGRAPH, "Ce programme est distribué sous la « GNU General Public License ».", 2)
    found = _page("fr", licence, Block(BlockKind.HEADING, "General Public License", 3), heading="Licence")
    assert found["General Public License"][0] == "en"


def test_words_every_language_writes_alike_take_the_pages_language_from_around_them():
    headings = [
        Block(BlockKind.HEADING, t, n)
        for n, t in enumerate(
            ("Wo bekomme ich Hilfe?", "Feedback", "Wie kann ich dieses Dokument verbessern?", "Danksagungen"), 2
        )
    ]
    assert _page("de", *headings, heading="Allgemeine Informationen")["Feedback"][0] == "de"
    assert LanguageDetector(["de", "en"]).decide_text("Feedback").lang == "en"  # alone, the backend's reading
