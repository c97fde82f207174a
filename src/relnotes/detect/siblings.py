"""A lone word is a word of the page when the lone words around it are: a table of answers.

A lone lowercase word is taken for a command or a module (``os``, ``site``, ``netboot``),
even where it spells a common word of the page's language: What's New pages head sections
with module names, and Portuguese writes ``os`` too. But a table of answers and options
(``ja``/``nein``/``optional``, ``sim``/``não``/``opcional``) is built of such words, and its
other cells show it: where the lone words around a block were written in the page's
language, the block was too; where they are identifiers (``sys``, ``json``, ``asyncio``),
it is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from relnotes.detect.decision import ENGLISH
from relnotes.detect.frequency import zipf
from relnotes.detect.names import KNOWN_ENGLISH

_LONE = re.compile(r"[^\W\d_]+")  # one word, nothing else: "ja", "sim", "optional", "não"


def is_lone_word(text: str) -> bool:
    """One lowercase word and nothing else: a cell's answer, a module's name."""
    word = text.strip()
    return _LONE.fullmatch(word) is not None and word[:1].islower()


def among_words(candidates: Mapping[str, Iterable[str]], native: set[str]) -> set[str]:
    """The candidates (lone words of the page taken for commands, each with the texts around
    it) that sit among words of the page.

    Each lone word around votes: for the page when it was decided in the page's language
    (``native``: "nein", "não", "ficheiro"), or is a candidate found so (``ja`` beside
    ``nein`` makes ``optional`` beside ``ja`` one); against when it is an identifier no
    language writes (``netboot``, ``sys``, ``asyncio``). Another candidate not found yet
    (``dis`` beside ``fractions``, two modules of a French page) and a common English word
    (``file``, a cell left untranslated, or ``random``, a module) say nothing. A candidate
    is the page's language when the votes for outnumber the votes against.
    """
    found: set[str] = set()
    contexts = {text: [other for other in around if is_lone_word(other)] for text, around in candidates.items()}
    changed = True
    while changed:
        changed = False
        for text, around in contexts.items():
            if text in found:
                continue
            votes = 0
            for other in around:
                if other in native or other in found:
                    votes += 1
                elif other not in candidates and zipf(other.strip(), ENGLISH) < KNOWN_ENGLISH:
                    votes -= 1
            if votes > 0:
                found.add(text)
                changed = True
    return found
