"""Warnings about the master document as published; they never change its text.

A source defect (a paragraph cut off mid-sentence) stays as published: a translator
should know it is the source, not the catalog, that is broken.
"""

from __future__ import annotations

from dataclasses import dataclass

from relnotes.model import BlockKind, Document

_CLOSING = ".!?:;…)]\"'”»。！？"


@dataclass(frozen=True, slots=True)
class SourceWarning:
    line: int
    message: str


def source_warnings(document: Document) -> list[SourceWarning]:
    found = []
    for placement in document.placements():
        block = placement.block
        if block.kind is BlockKind.PARAGRAPH and block.text[-1:] not in _CLOSING:
            tail = block.text.rsplit(" ", 1)[-1]
            found.append(SourceWarning(block.line, f"paragraph ends without punctuation ('…{tail}'): cut off?"))
    return found
