"""A lone identifier glossed in parentheses or quotes is written in the language of its gloss.

Task lists, option tables and menus name a thing by its identifier and say what it is in
parentheses or quotes: ``ssh-server (SSH server)`` in the original, ``ssh-server
(SSH-Server)`` where a German translator rendered the gloss, ``netcfg - «configurare rețea»``
in Romanian, ``anna/choose_modules (modules)`` where the gloss is another identifier. The
identifier is the same in every edition, so the gloss alone tells whether the block was
translated.
"""

from __future__ import annotations

import re

from relnotes.detect.mask import CAPITAL_WORD, WORD, has_tokens
from relnotes.detect.names import is_command

# The identifier, maybe a dash or a colon, then the gloss in parentheses or quotes.
_GLOSSED = re.compile(
    r"\s*(\S+?)[\s:–—-]*\s(?:\(([^()]+)\)|«([^«»]+)»|„([^„“”]+)[“”]|“([^“”]+)”|\"([^\"]+)\")[\s.,:;]*"
)


def gloss_of(text: str) -> str | None:
    """The gloss of ``identifier (gloss)`` or ``identifier - «gloss»``, or None for any other shape.

    The identifier is one whitespace-free word that is a command (``ssh-server``,
    ``standard``), holds a technical token (``anna/choose_modules``) or is an acronym
    (``LVM``); a word of prose (``Compilador AOT (ahead-of-time)``) or a label in capitals is
    not one.
    """
    match = _GLOSSED.fullmatch(text)
    if match is None:
        return None
    head = match.group(1).rstrip(".:")
    gloss = next(group for group in match.groups()[1:] if group is not None).strip()
    if not WORD.search(gloss):
        return None
    # An acronym is short; a label in capitals is a word ("FONDAMENTALI «Denial of service»").
    if is_command(head) or has_tokens(head) or (head.isupper() and len(head) < CAPITAL_WORD):
        return gloss
    return None
