"""Blocks with no language: names, versions and lists of people, shown everywhere and never queued.

``sshd``, ``Red Hat Enterprise Linux 8``, ``IBM POWER (ppc64le)``, ``trixie 13.2`` and
``Jane Doe, John Smith`` have letters but no language: a detector forced to choose calls
them English or Portuguese, and a translator is then asked to translate a product name.
They are recognised by shape, once technical tokens and glossary terms are masked, and
only when none of their words is a known word of a candidate language.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"\s*(?:[,;/&·]|\s(?:and|e|y|et|und|dan|ed|и|та)\s)\s*")
_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*")
_WORD = re.compile(r"[^\W\d_]{2,}")
# A version: dotted anywhere (13.2, 3.13.1), or a bare number closing the name (Linux 8).
_VERSION = re.compile(r"(?<![\w.])\d+(?:\.\d+)+(?![\w.])|(?<![\w.])\d+\W*$")
_SENTENCE = re.compile(r"[.!?:]\s|[.!?:]$")


def _is_name(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 4 and all(_NAME.fullmatch(w) for w in words)


def is_name_list(text: str) -> bool:
    """People or products separated by commas or a conjunction: ``Jane Doe, John Smith e Ana Lima``."""
    parts = [p for p in _SEPARATORS.split(text.strip().rstrip(".")) if p]
    if len(parts) < 2 or not all(_is_name(p) for p in parts):
        return False
    return 2 * sum(len(p.split()) >= 2 for p in parts) >= len(parts)  # people, not "Demos and Tools"


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
