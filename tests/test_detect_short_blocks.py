"""Short blocks of real localized pages: headings, sidebar titles, captions, table cells.

Each case is a kind the handbook's editions showed the detector getting wrong (headings a
character model cannot read, uppercase labels taken for acronyms, captions whose number
was translated and whose title was not, title-case headings taken for lists of people),
written here in the style of those pages; each asserts the language and the layer.
"""

from __future__ import annotations

import pytest

from relnotes.detect import NEUTRAL, Decision, LanguageDetector
from relnotes.detect.frequency import by_frequency, lean
from relnotes.detect.mask import mask, technical_tokens
from relnotes.model import Block, BlockKind, Document, Section
from tests.detection import BACKENDS, decided


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("fr", "Retraits", "fr"),  # no function word, too few letters for an n-gram model
        ("fr", "Points forts", "fr"),
        ("pt", "Threads livres", "pt"),
        ("de", "Praxistipp", "de"),  # a compound: its last word, "Tipp", is German
        ("de", "Installationsmethoden", "de"),
        ("fr", "Upgrade Guide", "en"),
        ("it", "Upgrade Guide", "en"),
        ("id", "Menggunakan Perintah at", "id"),  # "at" is a command here, not English
    ],
)
def test_a_short_block_is_decided_by_how_often_each_language_writes_its_words(lang, text, expected, backend):
    assert decided(lang, text, backend) == (expected, "words")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("lang", ["ja", "ko", "ru"])
def test_an_english_label_of_common_words_in_a_non_latin_page_is_english_not_a_name(lang, backend):
    assert decided(lang, "Upgrade Guide", backend)[0] == "en"
    assert decided(lang, "Bug Fixes", backend)[0] == "en"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("lang, text", [("de", "Thunderbird"), ("id", "Jenkins"), ("es", "Ansible"), ("zh", "Ansible")])
def test_a_product_every_language_writes_alike_has_no_language(lang, text, backend):
    assert decided(lang, text, backend) == (NEUTRAL, "neutral")


def test_frequencies_lean_to_the_language_that_writes_the_words():
    assert lean("Retraits", "fr", "en")[0] == 3.0  # clipped: one word weighs at most 3
    assert lean("Podman", "fr", "en") == (0.0, 0, 1)  # unknown everywhere: says nothing
    assert by_frequency("Mengkonfigurasi bind", ["id", "en"], "en") is None  # an unknown word: abstain
    assert by_frequency("Cockpit", ["es", "en"], "en") is None  # English word, but everyone's product


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "CULTURA RTFM"),
        ("it", "FONDAMENTALI TCP/UDP"),
        ("de", "HINWEIS Platten und Clustergrößen"),
        ("pt", "INDO ALÉM IPv6"),
        ("id", "KOSAKATA ISP"),
    ],
)
def test_an_uppercase_label_of_the_page_language_is_a_word_not_an_acronym(lang, text, backend):
    assert decided(lang, text, backend)[0] == lang


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("lang", ["ja", "ko"])
def test_an_english_uppercase_label_left_in_is_english(lang, backend):
    assert decided(lang, "BACK TO BASICS SMTP", backend)[0] == "en"
    assert decided(lang, "CULTURE RTFM", backend)[0] == "en"


def test_uppercase_words_are_acronyms_unless_a_candidate_writes_them():
    detector = LanguageDetector(["pt", "en"])
    assert mask("IBM POWER (ppc64le)") == "( )"
    assert mask("CULTURA RTFM DNS", None, detector._is_word) == "CULTURA"
    assert mask("OS X", None, lambda word: True) == "X"  # under four letters: an acronym
    assert decided("pt", "IBM POWER (ppc64le)", "langdetect") == (NEUTRAL, "neutral")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("ko", "그림 4.1. Boot screen", "en"),  # the caption number is translated, the title is not
        ("pt", "Figura 4.11. Editing/creating a partition", "en"),
        ("pt", "Figura 4.11. Editando uma partição", "pt"),
        ("fr", "Chapitre 4. Installation", "fr"),  # one word after it: the label still counts
    ],
)
def test_a_caption_is_what_its_title_is(lang, text, expected, backend):
    assert decided(lang, text, backend)[0] == expected


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text",
    [
        ("pt", "RAID e LVM"),
        ("es", "DHCP y DNS"),
        ("fr", "locate et updatedb"),
        ("de", "NSS und DNS"),
        ("ru", "locate и updatedb"),
        ("ja", "locate と updatedb"),  # one kana: no English left in has any
        ("ja", "amd64、powerpc、i386"),  # a list a Japanese writer punctuated
    ],
)
def test_a_conjunction_or_punctuation_between_names_is_the_page_language(lang, text, backend):
    assert decided(lang, text, backend)[0] == lang


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text",
    [
        ("pt", "Pesquisar e Identificar Serviços"),
        ("id", "Mendeteksi dan Melihat Intrusi Penyusup"),
        ("de", "KULTUR Zeichensalat und Interpretationsfehler"),
        ("id", "Konfigurasi GRUB 2"),  # a word of the page and a version: not a product name
        ("es", "Migración a UTF-8"),
    ],
)
def test_a_title_case_heading_is_not_a_list_of_people_nor_a_product(lang, text, backend):
    assert decided(lang, text, backend)[0] == lang


@pytest.mark.parametrize("backend", BACKENDS)
def test_people_in_a_list_still_have_no_language(backend):
    assert decided("de", "Jonas Becker, Lena Wolf und Paul Krüger", backend) == (NEUTRAL, "neutral")
    assert decided("pt", "Ana Souza, Bruno Lima, Carla Mendes e Diego Rocha", backend) == (NEUTRAL, "neutral")


def test_scoped_names_are_technical_tokens():
    assert technical_tokens("Set APT::Periodic::Unattended-Upgrade to 1.") == ["APT::Periodic::Unattended-Upgrade", "1"]


def test_a_block_whose_context_says_nothing_keeps_its_own_decision():
    """Context of names only used to leave no language at all (``None`` is code, never shown as text)."""
    texts = ("Software Comunicazioni Real-Time", "Devuan", "Grml")
    sections = tuple(Section(str(n), Block(BlockKind.HEADING, t, n)) for n, t in enumerate(texts, 1))
    document = Document("page", "it", (Section(None, Block(BlockKind.HEADING, "\u2063", 0), sections=sections),))
    decisions = LanguageDetector(["it", "en"]).decide(document)
    assert [d.lang for d in decisions[1:]] == ["it", NEUTRAL, NEUTRAL]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("es", "plataforma", "es"),  # a lone lowercase word of the page's language, not English
        ("de", "nein", "de"),  # a table cell
        ("fr", "fractions", NEUTRAL),  # a module English names with its word
        ("pt", "os", NEUTRAL),  # short: a module, though Portuguese spells it
        ("pt", "SWAP", NEUTRAL),  # an uppercase English word alone is an opcode, not a label
        ("pt", "Solaris, SunOS", NEUTRAL),  # products, one word each
        ("fr", "PyMember_GetOne and PyMember_SetOne", "en"),  # the conjunction is English
    ],
)
def test_lone_words_and_lists_of_names(lang, text, expected, backend):
    assert decided(lang, text, backend)[0] == expected


def test_the_letters_of_an_abbreviation_are_not_a_conjunction():
    assert decided("fr", "B.A.-BA SMTP", "langdetect")[0] != "en"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("id", "Sistem init systemd", ("id", "words")),  # rare lowercase words are commands, not English
        ("ja", "ALTERNATIVE GnuTLS", ("en", "script")),  # an English label opening the block
        ("de", "Devuan", (NEUTRAL, "neutral")),  # no language writes it: a name
        ("it", "Knoppix", (NEUTRAL, "neutral")),  # every language writes it, rarely: a name
    ],
)
def test_rare_words_commands_labels_and_names(lang, text, expected, backend):
    assert decided(lang, text, backend) == expected


def test_a_word_only_english_writes_even_rarely_is_not_taken_for_a_name():
    assert decided("pt", "Sidebars", "langdetect")[0] != NEUTRAL  # wordfreq: en 1.95, nowhere else


@pytest.mark.parametrize("langs", [["ko", "en"], ["ru", "en"]])
def test_cjk_brackets_no_candidate_writes_rule_out_nothing(langs):
    assert LanguageDetector(langs).decide_text("「Mark Shannon」") == Decision(NEUTRAL, 1.0, "neutral")


def test_a_decision_does_not_depend_on_what_was_asked_before():
    """Masking is not idempotent ("CULTURE RTFM" → "CULTURE" → nothing): raw and masked texts
    are cached apart, so asking about "CULTURE" first changes nothing."""
    fresh = LanguageDetector(["pt", "es", "en"]).decide_text("CULTURE RTFM")
    detector = LanguageDetector(["pt", "es", "en"])
    detector.probabilities("CULTURE")
    assert detector.decide_text("CULTURE RTFM") == fresh
    assert fresh.lang == "en"


def test_a_product_name_in_an_english_original_is_not_queued():
    assert LanguageDetector(["en"]).decide_text("IBM POWER (ppc64le)").lang == NEUTRAL
    assert LanguageDetector(["en"]).decide_text("ARM NEON (aarch64)").lang == NEUTRAL


def test_a_sentence_is_not_a_credit_for_saying_by():
    assert LanguageDetector(["pt", "en"]).decide_text("Fixed by upgrading to OpenSSL 3.0.").basis != "credit"
    assert decided("ru", "DHCP и DNS", "langdetect") == ("ru", "script")
    assert decided("pt", "Table A.1. Opções de instalação", "langdetect")[0] == "pt"  # an appendix caption


def test_credits_a_page_keeps_stay_kept_when_their_decisions_were_recorded():
    translated = [f"창 크기 조절 옵션이 추가되었습니다. (Contributed by Jane Doe in bpo-{n}.)" for n in (1, 2, 3)]
    credits = [f"(Contributed by Jane Doe in gh-{n}.)" for n in (101, 102, 103)]
    blocks = tuple(Block(BlockKind.PARAGRAPH, t, n) for n, t in enumerate([*translated, *credits], 1))
    document = Document("page", "ko", (Section(None, Block(BlockKind.HEADING, "새 기능", 0), blocks=blocks),))
    detector = LanguageDetector(["ko", "en"])
    detector.remember((credit, Decision("en", 1.0, "text")) for credit in credits)  # as update reads them back
    assert detector.decide(document)[4:] == [Decision(NEUTRAL, 1.0, "convention")] * 3


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_indonesian_word_built_with_affixes_is_no_name_though_wordfreq_lacks_it(backend):
    assert decided("id", "Mengkonfigurasi Server OpenVPN", backend)[0] == "id"
    assert decided("id", "Bernadette Peters, Dieter Rams", backend) == (NEUTRAL, "neutral")  # people still


def test_an_english_sentence_quoting_a_localised_cross_reference_is_english():
    """Any letter of the page's script proves a heading; a sentence needs a tenth of its letters."""
    text = "In case of a misfortune you better also have a backup of your system (see 9.10절. “Backup” )."
    assert decided("ko", text, "langdetect")[0] == "en"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_surname_ending_like_an_english_plural_is_still_a_name(backend):
    assert decided("pt", "Thomas Wouters", backend) == (NEUTRAL, "neutral")
    assert decided("pt", "Containers", backend)[0] == "en"  # an English word: wordfreq knows it


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("it", "Server XMPP", "it"),  # a noun before what names it: not how English writes it
        ("id", "Server TURN", "id"),
        ("pt", "Proxy HTTP/FTP", "pt"),
        ("de", "XMPP-Server", "de"),  # German joins the name to its noun
        ("ko", "Samba Server", "en"),  # English order
        ("pt", "Web Server (HTTP)", "en"),  # documentation nouns are words to translate, not a name
        ("pt", "Ethernet Interface", "en"),
        ("fr", "Release Highlights", "en"),  # "Highlights" is English, not a name
    ],
)
def test_how_a_language_names_a_thing_tells_it(lang, text, expected, backend):
    assert decided(lang, text, backend)[0] == expected


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("fr", "Installation d'Apache", "fr"),  # an elided preposition is a function word
        ("it", "Configurazione dell'interfaccia", "it"),
        ("fr", "Don't panic", "en"),  # English contractions are not elisions
        ("it", "Browser web", "it"),  # a lowercase noun after its head: not English
    ],
)
def test_elisions_and_lowercase_modifiers(lang, text, expected, backend):
    assert decided(lang, text, backend)[0] == expected
