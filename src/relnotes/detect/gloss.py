"""A lone identifier glossed in parentheses is written in the language of its gloss.

Task lists, option tables and menus name a thing by its identifier and say what it is in
parentheses: ``ssh-server (SSH server)`` in the original, ``ssh-server (SSH-Server)`` where a
German translator rendered the gloss, ``anna/choose_modules (modules)`` where the gloss is
another identifier. The identifier is the same in every edition, so the gloss alone tells
whether the block was translated.
"""

from __future__ import annotations

import re

from relnotes.detect.mask import WORD, has_tokens, mask
from relnotes.detect.names import is_command

_GLOSSED = re.compile(r"\s*(\S+)\s+\(([^()]+)\)[\s.,:;]*")


def gloss_of(text: str) -> str | None:
    """The gloss of ``identifier (gloss)``, or None for any other shape.

    The identifier is one whitespace-free word that is a command (``ssh-server``,
    ``standard``), holds a technical token (``anna/choose_modules``) or has no natural word
    once tokens are masked; a word of prose before parentheses (``Compilador AOT
    (ahead-of-time)``) is not one.
    """
    match = _GLOSSED.fullmatch(text)
    if match is None:
        return None
    head, gloss = match.group(1).rstrip(".:"), match.group(2).strip()
    if not WORD.search(gloss):
        return None
    if is_command(head) or has_tokens(head) or not WORD.search(mask(head)):
        return gloss
    return None
