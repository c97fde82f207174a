"""Blocks with no language: names, versions and lists of people, shown everywhere and never queued.

``sshd``, ``Red Hat Enterprise Linux 8``, ``IBM POWER (ppc64le)``, ``trixie 13.2`` and
``Jane Doe, John Smith`` have letters but no language: a detector forced to choose calls
them English or Portuguese, and a translator is then asked to translate a product name.
They are recognised by shape, once technical tokens and glossary terms are masked, and
only when none of their words is a known word of a candidate language.
"""

from __future__ import annotations

import re

from relnotes.detect.english import WORDS as ENGLISH_WORDS
from relnotes.detect.mask import has_tokens

_SEPARATORS = re.compile(r"\s*(?:[,;/&·]|\s(?:and|e|y|et|und|dan|ed|и|та)\s)\s*")
_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*")
_WORD = re.compile(r"[^\W\d_]{2,}")
# A version: dotted anywhere (13.2, 3.13.1), or a bare number closing the name (Linux 8).
_VERSION = re.compile(r"(?<![\w.])\d+(?:\.\d+)+(?![\w.])|(?<![\w.])\d+\W*$")
_SENTENCE = re.compile(r"[.!?:]\s|[.!?:]$")
# A whole block that is one lowercase ASCII identifier, maybe introducing a list: "asyncio:".
_COMMAND = re.compile(r"[a-z][a-z0-9_.+-]*:?")
_PARTICLES = frozenset(("van", "von", "der", "den", "da", "di", "du", "le", "bin"))  # Guido van Rossum
# Endings of common nouns, adjectives and verbs in the project's Latin-script languages: a
# capitalised word built with one is a word (Virtualization, Instalação, Sicherheit,
# Networking), one without is more likely a name (Cockpit, Podman, Mark Shannon).
_WORDLIKE = re.compile(
    r"(?:tions?|sions?|ments?|ness|ity|ities|ings?|ances?|ences?|ures?|isms?|ics|ogy|ary|ory|ive|ous|ables?|"
    r"ibles?|ical|[^e]ed|ships?|ful|less|ages?|als?|ers|"
    r"ção|ções|são|sões|dade|dades|ción|ciones|sión|siones|dad|dades|zione|zioni|sione|sioni|tà|ità|"
    r"té|tés|ité|ités|eur|eurs|eux|euse|aire|aires|oire|ique|iques|mento|mentos|menti|miento|mientos|"
    r"ismo|ista|ável|ível|ico|ica|icos|icas|ologia|ología|ologie|[^aeiou]os|[^aeiou]as|"
    r"ung|ungen|heit|heiten|keit|keiten|schaft|lich|isch|tät|nis)$"
    r"|^(?:pe|ke|per)[a-z]+an$|[a-z]kan$"  # Indonesian: Perubahan, Keamanan, Diperbarukan
)


def _is_name(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 4 and all(_NAME.fullmatch(w) for w in words)


def is_name_list(text: str) -> bool:
    """People or products separated by commas or a conjunction: ``Jane Doe, John Smith e Ana Lima``."""
    parts = [p for p in _SEPARATORS.split(text.strip().rstrip(".")) if p]
    if len(parts) < 2 or not all(_is_name(p) for p in parts):
        return False
    return 2 * sum(len(p.split()) >= 2 for p in parts) >= len(parts)  # people, not "Demos and Tools"


def is_command(text: str) -> bool:
    """A block that is one lowercase ASCII word: a command, a module, a package (``os``, ``asyncio:``).

    Headings and labels of every Latin-script language start with a capital, so a lone
    lowercase word is a literal even when it spells a function word (``os`` in Portuguese).
    """
    return _COMMAND.fullmatch(text.strip()) is not None


def is_command_list(text: str) -> bool:
    """Lowercase identifiers joined by commas or a conjunction: ``cgi e cgitb.``, ``asynchat, asyncore, smtpd``."""
    parts = [p for p in _SEPARATORS.split(text.strip().rstrip(".")) if p]
    return len(parts) >= 2 and all(_COMMAND.fullmatch(p) and not p.endswith(":") for p in parts)


def _common(word: str) -> bool:
    """English prose writes the word in lowercase: it is a word (Startup), not a name."""
    return word.lower() in ENGLISH_WORDS


def _word_ending(word: str) -> bool:
    """The word has the ending of a common word (Virtualization, Instalação, Sicherheit)."""
    return len(word) > 4 and _WORDLIKE.search(word.lower()) is not None


def is_bare_name(original: str, masked: str) -> bool:
    """One to three capitalised words, no token, none with the ending of a common word.

    ``Cockpit``, ``Mark Shannon``, ``Guido van Rossum``; not ``Virtualization`` or
    ``Technology Previews``. The shape alone does not tell ``Cockpit`` from ``Módulos`` or
    ``Remarque``: the caller asks it only of a block the backend reads as English (or that
    can only be English), where a word without an English ending is more likely a name.
    """
    if _SENTENCE.search(original.strip()) or has_tokens(original) or "(s)" in original:
        return False  # "Contributor(s)": a plural marker is grammar
    words = _WORD.findall(masked)
    named = [w for w in words if w not in _PARTICLES]
    return (
        1 <= len(named) <= 3
        and len(words) - len(named) <= 1
        and all(w[0].isupper() and not w.isupper() for w in named)
        and not any(_word_ending(w) for w in named)
        and not _common(named[-1])  # the head of a title, the surname of a person: "Mark Shannon"
    )


def is_name_only(original: str, masked: str, tokens: bool) -> bool:
    """A name, a version or a command, judged on the masked words (none of them a known word).

    ``tokens`` says the original held a technical token or a number. Three shapes: a
    product name of capitalised words with a version, or of several with an identifier
    (``Red Hat Enterprise Linux 8``, ``Python 3.13``, ``IBM POWER (ppc64le)``); a code
    name with its version (``trixie 13.2``); a lone lowercase command (``sshd``).
    ``x86 Architectures`` (one capitalised word) and ``endereço io_base`` (a word beside
    an identifier, not a version) are left to the other layers.
    """
    words = _WORD.findall(masked)
    if not words:
        return True
    if _SENTENCE.search(original.strip()):
        return False
    if len(words) <= 5 and all(w[0].isupper() for w in words):
        # Red Hat Enterprise Linux 8, Python 3.13.1, IBM POWER (ppc64le); not x86 Architectures
        return _VERSION.search(original) is not None or (tokens and len(words) >= 2)
    if len(words) == 1 and words[0].islower() and words[0].isascii():  # commands are ASCII; "formación" is not
        alone = len(original.split()) == 1
        return alone or (len(original.split()) == 2 and _VERSION.search(original) is not None)
    return False
