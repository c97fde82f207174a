"""Language detection: every block of the embedded chapter right, with either backend."""

from __future__ import annotations

import pytest

from relnotes.detect import NEUTRAL, Decision, LanguageDetector
from relnotes.detect.mask import mask, technical_tokens
from relnotes.model import Block, BlockKind, Document, Group, Item, Section
from tests.conftest import labels, run_cli


def _labelled(document, decisions):
    rows = []
    for placement, decision in zip(document.placements(), decisions, strict=True):
        if placement.block.kind is BlockKind.CODE:
            assert decision.lang is None
            continue
        place = (
            f"{placement.item}/{placement.index}"
            if placement.item is not None
            else "heading"
            if placement.block.kind is BlockKind.HEADING
            else "intro"
        )
        rows.append((decision.lang, place, placement.block.text[:60]))
    return rows


@pytest.mark.parametrize("backend", ["langdetect", "lingua"])
def test_every_block_of_the_chapter_gets_the_language_a_reader_gives_it(chapter, backend):
    decisions = LanguageDetector(["pt", "en"], backend=backend).decide(chapter)
    assert _labelled(chapter, decisions) == labels()


def test_html_fixture_is_detected_exactly_like_the_text(chapter, html_chapter):
    detector = LanguageDetector(["pt", "en"])
    assert detector.decide(html_chapter) == detector.decide(chapter)


def test_detection_is_deterministic_across_fresh_detectors(chapter):
    first = LanguageDetector(["pt", "en"]).decide(chapter)
    second = LanguageDetector(["en", "pt"]).decide(chapter)
    assert first == second


def _headings(*texts: str) -> Document:
    sections = tuple(Section(str(n), Block(BlockKind.HEADING, t, n)) for n, t in enumerate(texts, 1))
    return Document("page", "pt", (Section(None, Block(BlockKind.HEADING, "\u2063", 0), sections=sections),))


def test_one_word_title_is_decided_by_how_often_each_language_writes_it(chapter):
    detector = LanguageDetector(["pt", "en"])
    assert detector.decide_text("Virtualization") == Decision("en", 1.0, "words")  # langdetect alone: pt
    assert detector.decide_text("Paridade") == Decision("pt", 1.0, "words")
    decided = {p.block.text: d for p, d in zip(chapter.placements(), detector.decide(chapter), strict=True)}
    assert (decided["Virtualization"].lang, decided["Paridade"].lang) == ("en", "pt")


def test_a_one_word_title_no_word_list_knows_is_decided_by_its_sibling_headings():
    detector = LanguageDetector(["pt", "en"])
    alone = detector.decide_text("Upgradable")
    assert (alone.lang, alone.basis) == ("pt", "text")  # langdetect alone gets this one wrong
    assert alone.low
    document = _headings("Upgradable", "Known Issues", "Resolved Issues", "Feature Updates")
    decided = {p.block.text: d for p, d in zip(document.placements(), detector.decide(document), strict=True)}
    assert (decided["Upgradable"].lang, decided["Upgradable"].basis) == ("en", "context")


def test_a_one_word_list_item_no_word_list_knows_follows_its_siblings():
    detector = LanguageDetector(["pt", "en"])
    texts = ("Sidebars", "Notes printed in the margin of a page.", "They are not part of the running text.")
    item = Item(1, 1, tuple(Block(BlockKind.LIST_ITEM, t, n) for n, t in enumerate(texts, 1)))
    heading = Block(BlockKind.HEADING, "Layout", 0)
    document = Document("page", "pt", (Section("1", heading, (Group(None, None, None, (item,)),)),))
    assert detector.decide_text("Sidebars").lang == "pt"  # alone, wrong
    decisions = detector.decide(document)
    assert (decisions[1].lang, decisions[1].basis) == ("en", "context")


def test_override_wins_and_says_so(chapter):
    detector = LanguageDetector(["pt", "en"], overrides={"Paridade": "en"})
    decided = {p.block.text: d for p, d in zip(chapter.placements(), detector.decide(chapter), strict=True)}
    assert (decided["Paridade"].lang, decided["Paridade"].basis, decided["Paridade"].confidence) == (
        "en",
        "override",
        1.0,
    )


def test_block_without_natural_language_is_neutral():
    detector = LanguageDetector(["pt", "en"])
    assert detector.decide_text("/etc/xen/xend-config.sxp").lang == NEUTRAL
    assert detector.decide_text("maxcpus=126 --vcpus=1 dom0_mem").lang == NEUTRAL


def test_cache_answers_repeated_text_without_the_backend():
    detector = LanguageDetector(["pt", "en"])
    document = _headings("Upgradable", "Sidebars", "Fluxbox", "Known Issues")
    detector.decide(document)
    misses = detector.misses
    assert misses > 0  # the backend was asked
    detector.decide(document)
    assert detector.misses == misses
    assert detector.hits > 0


def test_technical_tokens_are_found_and_masked():
    text = "Use maxcpus=126 e --vcpus=1 em /etc/xen/xend-config.sxp, com dom0_mem, 12GB, x86_64 e o driver e1000."
    assert technical_tokens(text) == [
        "maxcpus=126",
        "--vcpus=1",
        "/etc/xen/xend-config.sxp",
        "dom0_mem",
        "12GB",
        "x86_64",
        "e1000",
    ]
    assert mask(text) == "Use e em , com , , e o driver"


def _chapter(locale, title, paragraphs):
    items = tuple(Item(n, n, (Block(BlockKind.PARAGRAPH, text, n),)) for n, text in enumerate(paragraphs, 1))
    section = Section("1.1", Block(BlockKind.HEADING, title, 1), (Group(None, None, None, items),))
    return Document("x", locale, (Section("1", Block(BlockKind.HEADING, title, 1), sections=(section,)),))


@pytest.mark.parametrize(
    "locale, native",
    [
        ("de", "Beim Starten eines paravirtualisierten Gastes kann das System für einige Sekunden nicht reagieren."),
        ("es", "Al iniciar un huésped paravirtualizado, el sistema puede dejar de responder durante unos segundos."),
        ("ja", "準仮想化ゲストを起動すると、システムが数秒間応答しなくなることがあります。"),
    ],
)
def test_other_languages_with_english_left_in_work_the_same_way(locale, native):
    english = "Starting a paravirtualized guest may cause the system to stop responding for a few seconds."
    document = _chapter(locale, "Known Issues", [native, english])
    decisions = LanguageDetector([locale, "en"]).decide(document)
    assert [d.lang for d in decisions] == ["en", "en", locale, "en"]


def test_norwegian_bokmal_and_nynorsk_use_langdetects_one_norwegian_profile():
    detector = LanguageDetector(["nb", "nn", "en"])
    text = "Denne versjonen har mange nye funksjoner for brukere av systemet."  # "for" is English too
    assert detector.probabilities(text).keys() <= {"nb", "en"}
    assert detector.decide_text(text).lang == "nb"


def test_a_language_langdetect_has_no_profile_for_is_one_line_saying_what_to_do(tmp_path, capsys):
    notes = tmp_path / "notes.eu.txt"
    notes.write_text("1. Bertsio berriak\n\nAldaketa garrantzitsuak daude sisteman.\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "inspect", notes)
    assert (code, err) == (
        2,
        "relnotes.toml: langdetect has no profile for 'eu': "
        'set detector = "lingua" in relnotes.toml or remove the language\n',
    )


@pytest.mark.parametrize(
    "text",
    [
        "Koexistenz in gemischten Umgebungen",
        "KULTUR Warum in mehrere Pakete aufteilen",
        "Fehlersuche in anderen Sprachen",
    ],
)
def test_german_headings_with_words_english_writes_too_stay_german(text):
    """ "in" is German as much as English: it was read as English evidence (handbook de-DE headings)."""
    from relnotes.detect import LanguageDetector

    assert LanguageDetector(["de", "en"]).decide_text(text).lang == "de"


def test_abbreviations_and_ordinals_are_words_not_tokens_a_translation_must_keep():
    """Real editions write "isto é" for "i.e." and "14º" for "14th"; check called them dropped tokens."""
    from relnotes.detect.mask import technical_tokens

    text = "The 14th release, i.e. the last; e.g. os.path.join() with dom0_mem=512M on 5.3."
    assert technical_tokens(text) == ["os.path.join()", "dom0_mem=512M", "5.3"]


@pytest.mark.parametrize(
    "text, lang",
    [("sshd", "zxx"), ("trixie 13.2", "zxx"), ("Raphaël Hertzog, Roland Mas", "zxx"), ("The system boots.", "en")],
)
def test_an_original_in_one_language_still_has_blocks_with_no_language(text, lang):
    """An en-US original is all English, but a command or a name and version is in no catalog's queue."""
    from relnotes.detect import LanguageDetector

    assert LanguageDetector(["en"]).decide_text(text).lang == lang
