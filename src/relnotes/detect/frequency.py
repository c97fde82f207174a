"""Word frequencies across languages (wordfreq): whose word a short block's word is.

A heading of one or two words (``Retraits``, ``Points forts``, ``Upgrade Guide``,
``Praxistipp``) has too few letters for a character n-gram model, and no function word. How
often each language writes the word tells what its letters cannot: a word of the page's
language is frequent there and rare in English (``retraits``), an English word the other way
round (``upgrade``), and a product or a person's name is written about as often everywhere
(``Thunderbird``, ``Shannon``). wordfreq's frequencies come from many real sources (subtitles,
Wikipedia, news, web text), not from this project's corpus.

Frequencies are Zipf values (log10 of occurrences per billion words): 3 is a word seen once
per million words, 0 a word never seen.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache

KNOWN = 2.0  # Zipf: a word below this in every language says nothing (Grafana, Katriel)
LARGE = 100_000  # words: a table this large lacks only rare words and names
LEANING = 3.0  # Zipf: a lowercase word rarer than this in both languages is taken for a command
SPECIFIC_KNOWN = 3.0  # an uppercase word is a word only when this frequent (once per million words)
SPECIFIC = 0.8  # a word this much more frequent in one language than the other belongs to it
DECISIVE = 1.0  # a block leaning this far, over its words, is in that language
CLIP = 3.0  # one word weighs at most this much: "Praxistipp" is German, not overwhelmingly so
# English words the other Latin-script languages borrow (server, proxy, startup) are written
# about as often there: the reference for "is this word English, or everyone's?".
_REFERENCE = ("fr", "de", "es")
_WORD = re.compile(r"[^\W\d_]{2,}")


@cache
def _table(language: str) -> dict[str, float] | None:
    """The language's word -> frequency table, loaded once per process; None without data."""
    import wordfreq

    if language not in wordfreq.available_languages():
        return None
    return wordfreq.get_frequency_dict(language)


def load(languages: Sequence[str]) -> None:
    """Load now the tables a detector of these languages may consult (its languages, English
    and the reference languages), which otherwise load at their first use: for a benchmark
    to time them apart, as the backends' profiles are."""
    for language in dict.fromkeys((*languages, "en", *_REFERENCE)):
        _table(language)


def has_data(language: str) -> bool:
    return _table(language) is not None


def zipf(word: str, language: str) -> float:
    table = _table(language)
    frequency = table.get(word.lower(), 0.0) if table else 0.0
    return math.log10(frequency) + 9 if frequency else 0.0


# Languages that write compounds as one word: "Installationsmethoden" is "methoden" at its end.
COMPOUNDING = frozenset({"de", "nl", "sv", "da", "nb", "nn", "no", "is", "fi"})
_TAIL = 4  # letters: the shortest word a compound may end with ("tipp" in "Praxistipp")


def _known(word: str, language: str, source: str) -> tuple[float, float] | None:
    """(Zipf in language, Zipf in source) of a known word, or of a compound's known last word."""
    mine, theirs = zipf(word, language), zipf(word, source)
    if max(mine, theirs) >= LEANING:
        return mine, theirs
    if word.islower() and word.isascii():
        return None  # a rare lowercase word is a command more often than a word (init, systemd)
    if max(mine, theirs) >= KNOWN:
        return mine, theirs
    if language in COMPOUNDING:
        lower = word.lower()
        for start in range(3, len(lower) - _TAIL + 1):
            tail = zipf(lower[start:], language)
            if tail >= KNOWN:
                return tail, zipf(lower[start:], source)
    return None


def lean(text: str, language: str, source: str) -> tuple[float, int, int]:
    """How far the words lean to ``language`` (> 0) or ``source`` (< 0), how many are known, and of how many.

    Each known word counts its Zipf difference, clipped to ``CLIP``; an unknown one nothing.
    """
    total, known, found = 0.0, 0, 0
    for word in _WORD.findall(text):
        frequencies = _known(word, language, source)
        if frequencies is not None:
            known += 1
            total += max(-CLIP, min(CLIP, frequencies[0] - frequencies[1]))
        if frequencies is not None or not (word.islower() and word.isascii()):
            found += 1  # an unknown lowercase ASCII word is a command ("fakeroot"), not a word
    return total, known, found


def by_frequency(text: str, languages: Sequence[str], source: str) -> str | None:
    """The language a short block's words lean to decisively, among ``source`` and one other.

    With several candidates besides the source, or one without frequency data, it says
    nothing: the other layers decide.
    """
    others = [language for language in languages if language != source]
    if len(others) != 1 or source not in languages or not (has_data(others[0]) and has_data(source)):
        return None
    total, known, found = lean(text, others[0], source)
    # An unknown word may be the page's ("Mengkonfigurasi bind"): the backend knows more,
    # unless three known words outvote it ("Aplicar Netiquette" after a label of two).
    if known < found and (known < 3 or found - known > 1):
        return None
    if known and total >= DECISIVE:
        return others[0]
    if known and total <= -DECISIVE and any(source_specific(word, source) for word in _WORD.findall(text)):
        return source  # not for "Cockpit": a product every language writes, English word or not
    return None


def international(text: str, languages: Sequence[str], source: str) -> bool:
    """Every word is known and none belongs to one candidate: a name (``Thunderbird``, ``Mark Shannon``)."""
    others = [language for language in languages if language != source and has_data(language)]
    found = _WORD.findall(text)
    if not found or not others or not has_data(source):
        return False
    for word in found:
        theirs = zipf(word, source)
        for language in others:
            mine = zipf(word, language)
            if max(mine, theirs) < KNOWN or abs(mine - theirs) >= SPECIFIC:
                return False
    return True


def source_specific(word: str, source: str = "en") -> bool:
    """Whether the source language writes the word much more than the languages that borrow from it.

    For a page whose script the source does not use (Japanese, Russian), a Latin word is the
    source's or a name: ``Upgrade``, ``Faster`` are English; ``Shannon``, ``Jenkins`` are not.
    """
    mine = zipf(word, source)
    if mine < KNOWN:
        return False
    reference = [zipf(word, language) for language in _REFERENCE if language != source]
    return mine - sum(reference) / len(reference) >= SPECIFIC


def specific_to_any(word: str, languages: Sequence[str]) -> bool:
    """Whether one of the languages writes the word much more than the others do: a word of
    that language (``cultura``, ``hinweis``, ``note``), not an acronym every language writes
    (``dns``, ``gnome``, ``api``)."""
    pool = tuple(dict.fromkeys((*_REFERENCE, "en", *languages)))
    for language in languages:
        mine = zipf(word, language)
        if mine < SPECIFIC_KNOWN:
            continue
        others = [zipf(word, other) for other in pool if other != language and has_data(other)]
        if others and mine - sum(others) / len(others) >= SPECIFIC:
            return True
    return False


def unknown(text: str, languages: Sequence[str]) -> bool:
    """Whether no candidate writes any of the words, not even as a compound's end: a name (``Devuan``).

    Only where every candidate's table is large: wordfreq knows 31,000 Indonesian words, so
    an Indonesian word it lacks is not rare ("Mengkonfigurasi").
    """
    found = _WORD.findall(text)
    if not found or not languages:
        return False
    if not all(has_data(language) and len(_table(language) or ()) >= LARGE for language in languages):
        return False
    for word in found:
        if any(_known(word, language, language) is not None for language in languages):
            return False
        rare = [zipf(word, language) for language in languages]
        if max(rare) - min(rare) >= SPECIFIC:  # seen, rarely, in one language only: its word ("sidebars")
            return False
    return True
