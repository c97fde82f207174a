"""English words a translated page keeps in its own sentences are names there, not English.

A German page writes ``Dieses Feld sollte für "Choices" …`` and ``Neben Depends (hängt ab
von) gibt es noch … Provides``: the translator kept ``Choices`` and ``Provides`` because they
are field names, a program's keywords, not words to translate. A heading or a table cell made
of them (``Choices``, ``Provides``) is then a name, and one made of them and words of the page
(``Champ Choices``, field Choices) is the page's language. Only the page's translated prose
tells: the same word alone, anywhere else, is English left in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from relnotes.detect.decision import ENGLISH
from relnotes.detect.frequency import zipf

PROSE_WORDS = 8  # a block of at least this many words, decided in the page's language, is its prose
NAME_WORDS = 3  # a heading, a cell or a term of at most this many words may be names alone
ENGLISH_WORD = 3.0  # Zipf: a word English writes at least this often (once per million words)…
FOREIGN = 1.0  # …and this much more often than the page's language does: English, kept as a name
_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE = re.compile(r"[.!?]\s*$")


def kept_names(prose: Iterable[str], page: str) -> frozenset[str]:
    """Capitalised English words the page's translated prose (``prose``) keeps as they are."""
    found: set[str] = set()
    for text in prose:
        words = _WORD.findall(text)
        if len(words) < PROSE_WORDS:
            continue
        for word in words:
            if word[0].isupper() and word[1:].islower() and word not in found and _english_only(word, page):
                found.add(word)
    return frozenset(found)


def _english_only(word: str, page: str) -> bool:
    english = zipf(word, ENGLISH)
    return english >= ENGLISH_WORD and english - zipf(word, page) >= FOREIGN


def page_own(word: str, page: str) -> bool:
    """A word the page's language writes more often than English (``Champ``; not ``Public``)."""
    return zipf(word, page) > zipf(word, ENGLISH)


def without_names(text: str, words: list[str], names: frozenset[str]) -> list[str] | None:
    """The words of a heading, a term or a cell left once the page's kept names are taken
    out, or None when none was one, or when the text is a sentence (``None.``)."""
    if _SENTENCE.search(text):
        return None
    left = [word for word in words if word not in names]
    return left if len(left) < len(words) else None
