"""Names, commands and words: the kinds of short block the held-out pages showed the layers misread.

Each case is a kind of text, not a file's line: a lone product or person name (zxx, in a
Latin-script page and in a page whose script rules the page's language out), an English
heading of common words (English), a page-language label (the page's language), a lone
module or command (zxx), and words of a script written without spaces against a token.
"""

from __future__ import annotations

import pytest

from relnotes.detect import NEUTRAL
from relnotes.detect.mask import technical_tokens
from relnotes.detect.words import by_words
from tests.detection import BACKENDS, decide, decided


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text",
    [
        ("pt", "Cockpit"),
        ("de", "Podman"),
        ("es", "Brandt Bucher"),
        ("it", "Raymond Hettinger"),
        ("zh", "Serhiy Storchaka"),  # a surname English writes as a word ("Brett Cannon") is taken for one
        ("ja", "Mark Shannon"),
        ("ru", "Cockpit"),
    ],
)
def test_a_lone_name_without_version_or_common_word_has_no_language(lang, text, backend):
    # Only where the backend reads it as English (or the script leaves only English): a name
    # that looks like the page's language ("Pablo Galindo Salgado" in Spanish) stays native.
    assert decided(lang, text, backend) == (NEUTRAL, "neutral")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "Technology Previews"),
        ("ja", "Faster Startup"),
        ("ko", "Contributor(s)"),
        ("de", "Deprecated Functionality"),
    ],
)
def test_an_english_heading_of_common_words_stays_english(lang, text, backend):
    assert decide(lang, text, backend).lang == "en"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text",
    [("pt", "Módulos"), ("es", "Advertencia"), ("fr", "Remarque"), ("fr", "Important"), ("id", "Unduhan")],
)
def test_a_lone_page_language_word_is_not_taken_for_a_name(lang, text, backend):
    assert decide(lang, text, backend).lang == lang


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("lang, text", [("pt", "os"), ("fr", "asyncio:"), ("ja", "typing:"), ("de", "tkinter.ttk")])
def test_a_lone_lowercase_module_or_command_has_no_language_even_when_it_spells_a_word(lang, text, backend):
    assert decide(lang, text, backend).lang == NEUTRAL


@pytest.mark.parametrize("backend", BACKENDS)
def test_after_a_lone_module_name_the_parentheses_carry_the_language(backend):
    decision = decide("pt", "aifc. (Contribuição de Victor Stinner em gh-104773.)", backend)
    assert (decision.lang, decision.basis) == ("pt", "words")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text",
    [
        ("ja", "Python 3.11.4での重要な変更点"),
        ("ko", "unittest.TestCase.addCleanup의 function."),
        ("ko", "IDLE과 idlelib"),
        ("ko", "팁"),
    ],
)
def test_ideographs_and_hangul_written_against_a_token_are_the_page_language(lang, text, backend):
    assert decided(lang, text, backend) == (lang, "script")


def test_a_token_stops_where_ideographs_or_hangul_start():
    assert technical_tokens("Python 3.11.4での変更 unittest.TestCase.addCleanup의") == [
        "3.11.4",
        "unittest.TestCase.addCleanup",
    ]


def test_an_english_word_french_writes_too_is_evidence_of_neither():
    assert by_words("configuration options", ["fr", "en"]) == (None, 0.0)
    assert by_words("les options de configuration", ["fr", "en"]) == ("fr", 0.95)


def test_home_paths_and_hyphenated_file_names_are_tokens_whole():
    # "~/kicad/template/" left a "~" behind, and "second-example.kicad_sch" a "second" that a
    # detector read as an English word in a list of file names on a Japanese page.
    text = "Kopieren Sie ~/.gnupg/ nach ~jane/backup und öffnen Sie second-example.kicad_sch oder my-board.kicad_pcb."
    assert technical_tokens(text) == ["~/.gnupg/", "~jane/backup", "second-example.kicad_sch", "my-board.kicad_pcb"]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("de", "Unix: ~/kicad/template/", NEUTRAL),  # a system naming its path, as manuals list them per system
        ("pt", "Linux: /usr/share/kicad/template/", NEUTRAL),
        ("ja", "example.kicad_sch second-example.kicad_sch second-example.kicad_pcb", NEUTRAL),
        ("de", "Note: /etc/default/grub", "en"),  # an English word labelling a path is English left in
        ("de", "Hinweis: /etc/default/grub", "de"),
    ],
)
def test_a_name_labelling_a_path_has_no_language_but_a_word_labelling_one_has(lang, text, expected, backend):
    assert decided(lang, text, backend)[0] == expected


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("de", "a", NEUTRAL),  # a table's package "a" beside "b": a name, not the English article
        ("pt", "e", NEUTRAL),
        ("pt", "RAID e LVM", "pt"),  # between two names a lone letter is the page's conjunction
        ("es", "DHCP y DNS", "es"),
    ],
)
def test_a_lone_letter_is_a_name_and_a_letter_between_names_a_conjunction(lang, text, expected, backend):
    assert decided(lang, text, backend)[0] == expected
