"""Warnings about the master document as published; they never change its text.

A source defect (a paragraph cut off mid-sentence) stays as published: a translator
should know it is the source, not the catalog, that is broken.

A warning has to be worth reading, so "cut off?" is asked only of a block that reads like
a sentence yet ends like none: several words, starting like a sentence (a capital, or a
script without case), not ending in closing punctuation, an address, a command or a
``label: value``, and not introducing what follows it (a list, a screen, the items of its
section), which is how DocBook writes "we cite" before a list. Only paragraphs are asked:
list entries, table cells, terms and titles are mostly noun phrases ("Version 12.1", a
package name), and so are short paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from relnotes.model import Block, BlockKind, Document, Placement

_CLOSING = ".!?:;…)]\"'”»」』）。！？：；؛؟۔"
_INTRODUCED = {BlockKind.CODE, BlockKind.LIST_ITEM, BlockKind.TERM, BlockKind.CELL, BlockKind.IMAGE}
_WORD = re.compile(r"[^\W\d_]{2,}")
_IDEOGRAPH = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")  # kana and CJK: no spaces between words
MIN_WORDS = 6  # "Suporte a discos NVMe em servidores" is still a noun phrase
# An address (also as mistyped: "https//planet…"), a mail address.
_ADDRESS = re.compile(r"(\b[a-z]+:?//|\bwww\.)\S*$|\S@\S+\.\w+$", re.IGNORECASE)
# A command, path, option or identifier: /etc/ufw/, --purge, debuginfo-common, io_base, AllowFromWeb.
_CODE = re.compile(r"[/\\_=~$<>{}\[\]#%@|*]|::|^-|^[a-z0-9]+(-[a-z0-9]+)+$|[a-z][A-Z]|\w\.\w")


@dataclass(frozen=True, slots=True)
class SourceWarning:
    line: int
    message: str
    page: str | None = None  # the book page the line is on; None for a single file

    def path(self, source: str) -> str:
        """The file the line is in: a book's page, else the document itself."""
        return f"{source.rstrip('/')}/{self.page}" if self.page else source

    def where(self, source: str) -> str:
        """``path:line`` as compilers print it (the path alone for what is about no line)."""
        return f"{self.path(source)}:{self.line}" if self.line else self.path(source)


def _words(text: str) -> int:
    """Words of letters: a sentence has several, and they are most of it ("Copyright © 2003,
    2004, … Raphaël Hertzog" has three among twenty numbers). Kana and ideographs count
    two to a word."""
    tokens = text.split()
    lettered = sum(1 for token in tokens if any(c.isalpha() for c in token))
    if lettered * 2 < len(tokens):
        return 0
    return len(_WORD.findall(_IDEOGRAPH.sub(" ", text))) + len(_IDEOGRAPH.findall(text)) // 2


def _starts_like_a_sentence(text: str) -> bool:
    first = text.lstrip("\"'“«¿¡(")[:1]
    return first.isalpha() and not first.islower()


def _ends_as_a_reference(text: str) -> bool:
    """Ends in an address, a command or a ``label: value``: complete, just unpunctuated."""
    tail = text.rsplit(None, 1)[-1]
    if _ADDRESS.search(text) or _CODE.search(tail.rstrip(",")):
        return True
    _label, colon, value = text.rpartition(": ")
    return bool(colon) and len(value.split()) <= 3


def looks_cut_off(block: Block, following: Block | None) -> bool:
    """A sentence-like block that ends without closing and introduces nothing."""
    text = block.text
    if block.kind is not BlockKind.PARAGRAPH or not text or text[-1] in _CLOSING:
        return False
    if _words(text) < MIN_WORDS or not _starts_like_a_sentence(text) or _ends_as_a_reference(text):
        return False
    return not _introduces(following)


def _introduces(following: Block | None) -> bool:
    """Whether the paragraph leads into what follows: a screen, a list, a term, a nested list."""
    if following is None:
        return False
    return following.kind in _INTRODUCED or (following.box is not None and following.box.kind == "para")


def _following(placements: list[Placement], index: int) -> Block | None:
    """The block a paragraph could introduce: the next one in the same item or section.

    A section's own last paragraph followed by the section's items introduces them; the
    last block of an item introduces nothing (the next item is another entry).
    """
    here = placements[index]
    if index + 1 >= len(placements):
        return None
    after = placements[index + 1]
    if after.chapter != here.chapter or after.block.kind is BlockKind.HEADING:
        return None
    if here.item is not None and after.item != here.item:
        return None
    if here.item is None and after.item is not None:
        return Block(BlockKind.LIST_ITEM, after.block.text, after.block.line)  # the items it introduces
    return after.block


def source_warnings(document: Document) -> list[SourceWarning]:
    placements = list(document.placements())
    found = [SourceWarning(line, message, page) for page, line, message in document.problems]
    for index, placement in enumerate(placements):
        block = placement.block
        if looks_cut_off(block, _following(placements, index)):
            tail = block.text.rsplit(" ", 1)[-1]
            message = f"paragraph ends without punctuation ('…{tail}'): cut off?"
            found.append(SourceWarning(block.line, message, block.page))
    return found
