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

from relnotes.detect.decision import ENGLISH
from relnotes.detect.frequency import zipf

PROSE_WORDS = 8  # a block of at least this many words, decided in the page's language, is its prose
NAME_WORDS = 3  # a heading, a cell or a term of at most this many words may be names alone
ENGLISH_WORD = 3.0  # Zipf: a word English writes at least this often (once per million words)…
FOREIGN = 1.0  # …and this much more often than the page's language does: English, kept as a name
_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE = re.compile(r"[.!?]\s*$")


def kept_in(text: str, page: str) -> frozenset[str]:
    """Capitalised English words a sentence of the page's language keeps as they are (none
    in a text shorter than ``PROSE_WORDS``: a heading is not prose)."""
    words = _WORD.findall(text)
    if len(words) < PROSE_WORDS:
        return frozenset()
    return frozenset(w for w in words if w[0].isupper() and w[1:].islower() and _english_only(w, page))


def _english_only(word: str, page: str) -> bool:
    english = zipf(word, ENGLISH)
    return english >= ENGLISH_WORD and english - zipf(word, page) >= FOREIGN


def page_own(word: str, page: str) -> bool:
    """A word the page's language writes more often than English (``Champ``; not ``Public``)."""
    return zipf(word, page) > zipf(word, ENGLISH)


def word_set(text: str) -> frozenset[str]:
    """The words of a text as written, to find a name in it before masking it."""
    return frozenset(_WORD.findall(text))


def is_sentence(text: str) -> bool:
    """A block ending as a sentence ends (``None.``) says something: it is not a name."""
    return _SENTENCE.search(text) is not None
