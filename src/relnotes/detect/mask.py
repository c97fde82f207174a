"""Find the technical tokens of a text: paths, options, ``key=value``, identifiers, numbers.

They matter twice. The detector must not see them (``dom0_mem`` and ``/etc/xen`` say
nothing about the language and tilt short blocks), and the translation check must find
every one of them again in the msgstr (a translator may not drop ``--vcpus=1``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relnotes.detect.glossary import Glossary

# A word character of a token: ideographs, kana and Hangul are written against tokens with no
# space ("3.11.4での", "addCleanup의") and are words of the page's language, never part of a token.
CJK = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
W = rf"[^\W{CJK}]"
_TOKEN = re.compile(
    rf"""
      \b(?:PEP|RFC|CVE|bpo|gh|GH)[- ]?\d[\d-]*          # issues, PEPs, RFCs: gh-51234, PEP 563
    | \b[a-z][a-z0-9+.-]*://\S+                       # URLs
    | (?<![\w/~])(?:~{W}*)?/(?:{W}|[.+-])+(?:/(?:{W}|[.+-])*)*  # absolute and home paths: /etc/xen, ~/.gnupg
    | (?<!{W}|-)--?[A-Za-z](?:{W}|-)*(?:=\S+)?        # options: --vcpus=1, -v
    | \b(?:{W}|[.-])+=(?:"[^"]*"|\S*)                 # key=value: maxcpus=126, append=
    | \b{W}*(?:_{W}+)+(?!{W})                         # snake_case identifiers: dom0_mem, x86_64
    | (?<!{W})(?!\d+(?:st|nd|rd|th)\b)[^\W\d_{CJK}]*\d(?:{W}|\.)*  # with digits: dom0, e1000, 12GB, 5.3
                                                      # (not an ordinal: "14th" is written "14º")
    | \b(?![A-Za-z]\.[A-Za-z]\b)[A-Za-z_]{W}*(?:-{W}+)*(?:\.[A-Za-z_]{W}*)+(?:\(\))?  # dotted: os.path()
                                                      # my-board.kicad_pcb (not "i.e" or "e.g": abbreviations)
    | \b[A-Za-z_]{W}*(?:::[\w*-]+)+                    # scoped names: APT::Periodic::Enable, std::vector
    | \b[A-Za-z_]{W}*\(\)                             # calls: len()
    | \b[a-z]+[A-Z]{W}*|\b[A-Z][a-z]+[A-Z]{W}*        # camelCase, CamelCase: ModuleSpec, getLogger
    """,
    re.VERBOSE,
)
# Masked for the detector but not required in a translation: REPL lines and acronyms.
_MASK_ONLY = re.compile(r"^>>>.*$|^\.\.\..*$", re.MULTILINE)
# Acronyms (DNS, SMTP, RTFM): but an uppercase label of the page's language (HINWEIS, CULTURA,
# NOTE) is a word, which the caller's ``is_word`` recognises.
_UPPER = "A-ZÀ-ÖØ-Þ"
_OPENING = re.compile(rf"(?:[{_UPPER}][{_UPPER}0-9_.-]*\s+)+")  # the uppercase words a block opens with
_CAPITALS = re.compile(rf"(?<!{W})[{_UPPER}][{_UPPER}0-9_]+s?(?!{W})")
# A hyphen left at the edge of a word by a masked token ("LILO-Konfigurationsdatei"): not an option.
_DANGLING = re.compile(r"(?<!\S)-+(?=\w)|(?<=\w)-+(?!\S)")
CAPITAL_WORD = 4  # an uppercase word shorter than this is an acronym (OS, TIP, LOS): "OS X" is no Portuguese
# Masked before the tokens inside them are: calls with their arguments (``bool(NotImplemented)``;
# not ``Contributor(s)``).
_CALL = re.compile(r"\b[A-Za-z_]\w*\((?![a-z]{1,3}\))[^()\s]{2,}\)")  # not "Architektur(en)"
# What a publishing tool writes before a caption or a chapter title in every language, "Figura
# 4.11. ", "그림 6.1. ", "Capítulo 4. ": the title after it says whether it was translated.
_CAPTION = re.compile(r"\A[^\W\d_]+\s+[A-Z]?\d+(?:\.\d+)*\.\s+(?=\S)")
# The lowercase identifier a block of tokens opens with as its label: ``utcnow: use datetime.now()``.
_LABEL = re.compile(r"\A[a-z][a-z0-9_]*:(?=\s)")
_TRAILING = ".,;:)"
# A natural word: two letters, or one ideograph or Hangul syllable ("팁", tip, is a word).
WORD = re.compile(rf"[^\W\d_]{{2,}}|[{CJK}]")
_WORD = WORD


def technical_tokens(text: str) -> list[str]:
    """The tokens a translation must carry over unchanged, in order of appearance."""
    return [_trim(match.group(0)) for match in _TOKEN.finditer(text)]


def _trim(token: str) -> str:
    """Sentence punctuation glued to a token is not part of it; a call's own ``()`` is."""
    while token and token[-1] in _TRAILING and not (token[-1] == ")" and token.count("(") >= token.count(")")):
        token = token[:-1]
    return token


def mask(text: str, glossary: Glossary | None = None, is_word: Callable[[str, bool], bool] | None = None) -> str:
    """The text with every technical token (and glossary term) blanked out, for the language detector.

    ``is_word(word, label)`` tells an uppercase word of a language (``HINWEIS``) from an
    acronym, ``label`` saying the word opens the block before other text (``CULTURE RTFM``,
    not ``SWAP``); without it every uppercase word is an acronym.
    """
    if glossary is not None:
        text = glossary.blank(text)
    caption = _CAPTION.match(text)
    if caption and len(WORD.findall(text[caption.end() :])) >= 2:  # "Chapitre 4. Installation": keep
        text = text[caption.end() :]
    if _LABEL.match(text) and _TOKEN.search(text):  # a masked text has no token left: its label stays
        text = _LABEL.sub(" ", text)
    # The uppercase words the block opens with, before other text: a label ("ALTERNATIVE GnuTLS").
    opening = _OPENING.match(text)
    labels = (
        {w for w in opening.group(0).split() if w.isalpha()} if opening and text[opening.end() :].strip() else set()
    )
    text = _MASK_ONLY.sub(" ", _TOKEN.sub(" ", _CALL.sub(" ", text)))

    def acronym(match: re.Match[str]) -> str:
        word = match.group(0)
        keep = is_word is not None and len(word) >= CAPITAL_WORD and word.isalpha()
        return word if keep and is_word(word, word in labels) else " "

    text = _CAPITALS.sub(acronym, text)
    return " ".join(_DANGLING.sub("", text).split())


@lru_cache(maxsize=4096)  # asked of the same block by several layers
def has_tokens(text: str) -> bool:
    """Whether the text holds a technical token or a number (a version, a path, an identifier)."""
    return _TOKEN.search(text) is not None


def words(text: str) -> list[str]:
    """Natural-language words left once tokens are masked; none means no language (zxx)."""
    return _WORD.findall(mask(text))
