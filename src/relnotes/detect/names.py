"""Blocks with no language: names, versions and lists of people, shown everywhere and never queued.

``sshd``, ``Red Hat Enterprise Linux 8``, ``IBM POWER (ppc64le)``, ``trixie 13.2`` and
``Jane Doe, John Smith`` have letters but no language: a detector forced to choose calls
them English or Portuguese, and a translator is then asked to translate a product name.
They are recognised by shape, once technical tokens and glossary terms are masked, and
only when none of their words is a known word of a candidate language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from relnotes.detect.frequency import KNOWN, source_specific, zipf
from relnotes.detect.mask import has_tokens
from relnotes.detect.words import DOCUMENTATION_NOUNS

COMMON = 3.5  # Zipf: a long word with a common-word ending this frequent in English is a word, not a name
LONG_WORD = 7
KNOWN_ENGLISH = 3.0  # Zipf: a lone lowercase word English writes this often is a module named in English
PAGE_COMMAND = 4  # a lone lowercase word this long may be a word of the page ("tipos"); shorter, a module ("os")

_SEPARATORS = re.compile(r"\s*(?:[,;/&·]|\s(?:and|e|y|et|und|dan|ed|и|та)\s)\s*")
_CONJOINED = re.compile(r"\s(?:and|e|y|et|und|dan|ed|и|та)\s")
_LIST_SEPARATORS = re.compile(r"\s*[,;/·]\s*")  # not "、": a list a Japanese writer punctuated is Japanese
_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*")
_WORD = re.compile(r"[^\W\d_]{2,}")
# A version: dotted anywhere (13.2, 3.13.1), or a bare number closing the name (Linux 8).
_VERSION = re.compile(r"(?<![\w.])\d+(?:[./-]\d+)+(?![\w.])|(?<![\w.])\d+\W*$")  # also Windows 95/98, 7-8-10
_SENTENCE = re.compile(r"[.!?:]\s|[.!?:]$")
# A date written with the source language's month names ("June 1991", "August 2019", "May 3,
# 2024"): a translator writes dates the page's way (Juni 1991, junho de 1991, 1991年6月), so
# one left in is English, never part of a product's name and version.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?\d{{4}}\b|\b\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}\b")
# A whole block that is one lowercase ASCII identifier, maybe introducing a list: "asyncio:".
_COMMAND = re.compile(r"[a-z][a-z0-9_.+-]*:?")
_PARTICLES = frozenset(("van", "von", "der", "den", "da", "di", "du", "le", "bin"))  # Guido van Rossum
# Endings of common nouns, adjectives and verbs in the project's Latin-script languages: a
# capitalised word built with one is a word (Virtualization, Instalação, Sicherheit,
# Networking), one without is more likely a name (Cockpit, Podman, Mark Shannon).
_WORDLIKE = re.compile(
    r"(?:tions?|sions?|ments?|ness|ity|ities|ings?|ances?|ences?|ures?|isms?|ics|ogy|ary|ory|ive|ous|ables?|"
    r"ibles?|ical|[^e]ed|ships?|ful|less|ages?|als?|"
    r"ção|ções|são|sões|dade|dades|ción|ciones|sión|siones|dad|dades|zione|zioni|sione|sioni|tà|ità|"
    r"té|tés|ité|ités|eur|eurs|eux|euse|aire|aires|oire|ique|iques|mento|mentos|menti|miento|mientos|"
    r"ismo|ista|ável|ível|ico|ica|icos|icas|ologia|ología|ologie|[^aeiou]os|[^aeiou]as|"
    r"ung|ungen|heit|heiten|keit|keiten|schaft|lich|isch|tät|nis)$"
    r"|^(?:pe|ke|per)[a-z]+an$|[a-z]kan$"  # Indonesian: Perubahan, Keamanan, Diperbarukan
)


def _is_name(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 4 and all(_NAME.fullmatch(w) for w in words)


def is_name_list(text: str, page_word: Callable[[str], bool] | None = None) -> bool:
    """People or products separated by commas or a conjunction: ``Jane Doe, John Smith e Ana Lima``.

    Title case makes headings look alike (``Pesquisar e Identificar Serviços``, ``HINWEIS
    Platten und Clustergrößen``): a part in capitals, a common word, or a lone word of the
    page's language (``page_word``) makes it a heading.
    """
    parts = [p for p in _SEPARATORS.split(text.strip().rstrip(".")) if p]
    if len(parts) < 2 or not all(_is_name(p) for p in parts):
        return False
    if _CONJOINED.search(text) and all(len(p.split()) == 1 for p in parts):
        return False  # "PyMember_GetOne and PyMember_SetOne": the conjunction is a word of a language
    for part in parts:
        words = part.split()
        if any(w.isupper() and len(w) > 1 for w in words) or any(_ending_word(w) for w in words):
            return False
        # A lone word may be a product ("Solaris, SunOS") but not a common word ("Demos and
        # Tools", "Sicherheit, Leistung"); a person's surname may be one ("Jane Doe").
        if len(words) == 1 and (_wordlike(words[0]) or (page_word is not None and page_word(words[0]))):
            return False
    return True


def pair_conjunction(text: str) -> str | None:
    """The word joining two names and nothing else, ``e`` in ``Marvell Kirkwood e Orion``.

    A pair is written like a title ("RAID e LVM"): its conjunction is a word of the language
    it was written in. A list of people (``Ana Souza, Bruno Lima e Carla Dias``) has list
    punctuation and stays a credit, with no language.
    """
    found = _CONJOINED.findall(text)
    if len(found) != 1 or _LIST_SEPARATORS.search(text) or "&" in text:
        return None
    return found[0].strip()


def is_command(text: str, page_word: Callable[[str], bool] | None = None) -> bool:
    """A block that is one lowercase ASCII word: a command, a module, a package (``os``, ``asyncio:``).

    Headings and labels of every Latin-script language start with a capital, so a lone
    lowercase word is a literal even when it spells a function word (``os`` in Portuguese);
    but a longer one that is a common word of the page's language (``plataforma``,
    ``avisos``, ``nein`` in a table) was written in it (``page_word``).
    """
    word = text.strip()
    if _COMMAND.fullmatch(word) is None:
        return False
    bare = word.rstrip(":")
    if page_word is None or len(bare) < PAGE_COMMAND or not bare.isalpha() or zipf(bare, "en") >= KNOWN_ENGLISH:
        return True  # "os", "site", "types", "fractions": modules English names with its words
    return not page_word(bare)


def is_command_list(text: str) -> bool:
    """Lowercase identifiers joined by commas: ``asynchat, asyncore, smtpd``.

    Joined by a conjunction (``locate et updatedb``), the conjunction is a word of a language.
    """
    parts = [p for p in _LIST_SEPARATORS.split(text.strip().rstrip(".")) if p]
    return len(parts) >= 2 and all(_COMMAND.fullmatch(p) and not p.endswith(":") for p in parts)


def _wordlike(word: str) -> bool:
    """A common word, not a name: an English one (``Upgrade``, ``Virtualization``), or one with
    the ending of a common word that English does not write (``Instalação``, ``Sicherheit``).

    A word English writes about as often as the languages that borrow it is everyone's: a
    product or a person (``Ansible``, ``Shannon``), whatever its ending; so is a word with
    capitals inside (``SunOS``).
    """
    if not word[1:].islower():
        return False
    return word.lower() in DOCUMENTATION_NOUNS or source_specific(word) or _ending_word(word)


def _ending_word(word: str) -> bool:
    """A word with the ending of a common word, English or not a word of English (``Serviços``)."""
    if len(word) <= 4 or not word[1:].islower() or _WORDLIKE.search(word.lower()) is None:
        return False
    frequency = zipf(word, "en")
    # "Installation" is everyone's word; "Ansible" a name; "Jonas", "Claire" only end like words.
    return frequency < KNOWN or (frequency >= COMMON and len(word) >= LONG_WORD)


def is_bare_name(original: str, masked: str) -> bool:
    """One to three capitalised words, no token, none a common word.

    ``Cockpit``, ``Mark Shannon``, ``Guido van Rossum``; not ``Virtualization``, ``Upgrade
    Guide`` or ``Technology Previews``. The shape alone does not tell ``Cockpit`` from
    ``Módulos`` or ``Remarque``: the caller asks it only of a block the backend reads as
    English (or that can only be English), or whose words every language writes alike.
    """
    if _SENTENCE.search(original.strip()) or has_tokens(original) or "(s)" in original:
        return False  # "Contributor(s)": a plural marker is grammar
    words = _WORD.findall(masked)
    named = [w for w in words if w not in _PARTICLES]
    if not (
        1 <= len(named) <= 3 and len(words) - len(named) <= 1 and all(w[0].isupper() and not w.isupper() for w in named)
    ):
        return False
    # "Bug Fixes" is English although "Bug" is everyone's word: a word English writes much
    # more than others is never a name's part, even where it is one ("Brett Cannon").
    return not any(_wordlike(w) for w in named)


def is_name_only(original: str, masked: str, tokens: bool, page_word: Callable[[str], bool] | None = None) -> bool:
    """A name, a version or a command, judged on the masked words (none of them a known word).

    ``tokens`` says the original held a technical token or a number. Three shapes: a
    product name of capitalised words with a version, or of several with an identifier
    (``Red Hat Enterprise Linux 8``, ``Python 3.13``, ``IBM POWER (ppc64le)``); a code
    name with its version (``trixie 13.2``); a lone lowercase command (``sshd``); a name labelling
    the tokens after it (``Unix: ~/kicad/template/``).
    ``x86 Architectures`` (one capitalised word) and ``endereço io_base`` (a word beside
    an identifier, not a version) are left to the other layers.
    """
    if page_word is not None and any(page_word(w) for w in _WORD.findall(original)):
        return False  # "Konfigurasi GRUB 2", "Migración a UTF-8", "CULTURA RTFM": a word of the page's language
    if _DATE.search(original):
        return False  # "Version 2, June 1991": a date in words is language
    words = _WORD.findall(masked)
    if not words:
        return True
    if tokens and len(words) == 1 and original.lstrip().startswith(words[0] + ": ") and words[0][0].isupper():
        return not _wordlike(words[0])  # "Unix: ~/kicad/template/", a system naming its path; not "Note: /etc"
    if _SENTENCE.search(original.strip()):
        return False
    if len(words) <= 5 and all(w[0].isupper() for w in words):
        # Red Hat Enterprise Linux 8, Python 3.13.1, IBM POWER (ppc64le); not x86 Architectures
        return _VERSION.search(original) is not None or (tokens and len(words) >= 2)
    if len(words) == 1 and words[0].islower() and words[0].isascii():  # commands are ASCII; "formación" is not
        alone = len(original.split()) == 1
        return alone or (len(original.split()) == 2 and _VERSION.search(original) is not None)
    return False
