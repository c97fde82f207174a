"""Script evidence: Hangul, kana, Han and Cyrillic cannot be English.

When the page's language is written in a script the source language does not use, the
share of that script among a block's letters is stronger evidence than any n-gram model:
a Korean sentence full of Latin identifiers is still Korean, and a block with no Hangul at
all cannot be Korean, however its Latin words look to a detector.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

# Unicode blocks of the scripts that tell languages apart; anything else is "other".
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x1E00, 0x1EFF, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0E00, 0x0E7F, "thai"),
    (0x1100, 0x11FF, "hangul"),
    (0x3040, 0x30FF, "kana"),
    (0x3130, 0x318F, "hangul"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xF900, 0xFAFF, "han"),
    (0xFF66, 0xFF9F, "kana"),
    (0x3000, 0x303F, "cjk punctuation"),  # 、。「」: written only in Chinese and Japanese text
)

# The scripts each language is written in (Japanese mixes kana and Han; Korean may use Han).
SCRIPTS: dict[str, frozenset[str]] = {
    "ja": frozenset({"kana", "han", "cjk punctuation"}),
    "zh": frozenset({"han", "cjk punctuation"}),
    "ko": frozenset({"hangul"}),
    "ru": frozenset({"cyrillic"}),
    "uk": frozenset({"cyrillic"}),
    "bg": frozenset({"cyrillic"}),
    "el": frozenset({"greek"}),
    "he": frozenset({"hebrew"}),
    "ar": frozenset({"arabic"}),
    "fa": frozenset({"arabic"}),
    "th": frozenset({"thai"}),
}
LATIN = frozenset({"latin"})
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
# Capitalised Latin words; a Hangul or kana suffix glued to one ("IDLE과") is not part of the name.
_NAMES = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-zÀ-ÖØ-öø-ɏ'’-]*")
# Any letter of the page's own script decides a heading or a label ("IDLE と idlelib", "locate
# と updatedb": English left in has none); a sentence takes a tenth of its letters, a paragraph
# three tenths, since English left in may quote a localised title ("… (see 9.10절. “Backup”)",
# "… as you have learned in Раздел 5.2.3, «…»").
TINY = 25  # letters
STRONG = 0.1
STRONG_LONG = 0.3
LONG = 60  # letters


def script_of(char: str) -> str:
    code = ord(char)
    for low, high, name in _RANGES:
        if low <= code <= high:
            return name
    return "other"


def scripts_of(language: str) -> frozenset[str]:
    return SCRIPTS.get(language, LATIN)


def letter_scripts(text: str) -> Counter[str]:
    """How many letters of the text are in each script."""
    counts: Counter[str] = Counter()
    latin = len(_ASCII_LETTERS.findall(text))
    if latin:
        counts["latin"] = latin
    counts.update(script_of(c) for c in _ASCII_LETTERS.sub("", text) if c.isalpha() or "\u3000" <= c <= "\u303f")
    return counts


def by_script(text: str, languages: Sequence[str]) -> tuple[str | None, list[str]]:
    """The language the script alone proves, and the languages the script still allows.

    A language whose scripts are its own among the candidates (Korean beside English) is
    proven by any of its letters in a block under ``TINY`` letters, by a share of ``STRONG``
    under ``LONG`` and of ``STRONG_LONG`` above, and ruled out by none. CJK punctuation counts
    as a letter of Chinese and Japanese; where no candidate writes it, it rules out nothing
    (the caller keeps them all).
    Latin letters prove nothing: names and identifiers are Latin in every language.
    Languages sharing one script (Portuguese and English) are left to other evidence.
    Capitalised Latin words (people and products in a credit) are not counted.
    """
    if all(scripts_of(language) == LATIN for language in languages):
        return None, list(languages)  # Portuguese beside English: the script cannot tell them apart
    counts = letter_scripts(_NAMES.sub(" ", text)) or letter_scripts(text)
    total = sum(counts.values())
    if not total:
        return None, list(languages)
    allowed = []
    for language in languages:
        own = scripts_of(language) - frozenset().union(*(scripts_of(o) for o in languages if o != language))
        share = sum(counts[s] for s in own) / total
        needed = 0.0 if total < TINY else STRONG if total < LONG else STRONG_LONG
        if own and own.isdisjoint(LATIN) and share > 0 and share >= needed:
            return language, [language]
        if not own or share > 0 or any(counts[s] for s in scripts_of(language)):
            allowed.append(language)
    return None, allowed
