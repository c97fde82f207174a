"""Whether an edition's text translates its original, or leaves the source text in.

An English msgstr in the pt_BR catalog would pass for a translation, so import asks this of
every pair before it writes: the answer is "left" (the source text left in: the entry stays
untranslated), a reason to doubt (imported fuzzy), or nothing against it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from relnotes.detect import CONFIDENT, Decision
from relnotes.detect.mask import words

COPIED = 0.5  # share of the edition's words taken from the original above which English is left in
_WORD = re.compile(r"[^\W\d_]{2,}")
MOSTLY = 0.75  # above this share, the original's text with a word or a label translated is left in
FOREIGN = 0.3  # under this share the edition's text is a translation, whatever a detector says
OTHER_SCRIPT = 0.2  # share of letters in a script the original does not use: a translation
DOUBT_WORDS = 6  # langdetect reads short titles as English ("A Biblioteca de Software": en 1.00)


def _copied(original: str, edition: str) -> float:
    """Share of the edition's words found in the original: high for English left in or an older English version.

    Every word counts here, acronyms and labels too (``BACK TO BASICS``), unlike the
    detector's view of a text, which leaves them out as saying nothing about the language.
    """
    mine = {word.lower() for word in _WORD.findall(original)}
    theirs = [word.lower() for word in _WORD.findall(edition)]
    return sum(word in mine for word in theirs) / len(theirs) if theirs else 1.0


def _script(char: str) -> str:
    """The script a letter belongs to, as Unicode names it (LATIN, CJK, HIRAGANA, ARABIC…)."""
    return unicodedata.name(char, "?").split(" ", 1)[0]


def _other_script(original: str, edition: str) -> float:
    """Share of the edition's letters in scripts the original does not use at all."""
    scripts = {_script(char) for char in original if char.isalpha()}
    letters = [char for char in edition if char.isalpha()]
    return sum(_script(char) not in scripts for char in letters) / len(letters) if letters else 0.0


def judge(original: str, edition: str, decide: Callable[[str], Decision], source: str) -> str | None:
    """``left`` for the source text left in, a reason for a doubtful translation, None for a sure one.

    The detector alone is not trusted: on short or mixed blocks langdetect reads Japanese
    as English (``最初に、pvcreate を使って PV を作成します。``: en 0.57) and Portuguese
    titles too (``DE VOLTA AO BÁSICO Copyleft``: en 1.00). English left in, or an older
    English version of the paragraph, takes most of its words from the original; a text
    that takes under ``FOREIGN`` of them, or is written in good part in another script
    (``編集後の debian/falcot-data.install は…`` takes 4 of its 6 words from the original),
    is a translation without asking the detector (which also makes import fast); a text
    made almost wholly of the original's words (``MOSTLY``) is the source left in, with a
    label or a word translated (the script evidence would otherwise call it translated);
    in between, "left in" needs both the detector and ``COPIED``.
    A text between the two that reads confidently as English is imported fuzzy.
    """
    if edition == original:
        return "left"
    copied = _copied(original, edition)
    if copied < FOREIGN or _other_script(original, edition) >= OTHER_SCRIPT:
        return None
    if copied >= MOSTLY:  # "BACK TO BASICS Linux それとも GNU/Linux?": one word translated, the rest left
        return "left"
    decision = decide(edition)
    if decision.lang != source:
        return None
    if copied >= COPIED:
        return "left"
    if decision.confidence >= CONFIDENT and len(words(edition)) >= DOUBT_WORDS:
        return f"the edition's text reads as {source} ({decision.confidence:.2f}) yet differs from the original"
    return None
