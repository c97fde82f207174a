"""The translation template: one entry per distinct translatable text, po4a-style.

The master documents are the source of truth; the template lists every text they
publish once, with ``#:`` references to every place it stands and its language as an
extracted comment (``#. lang: en 1.00 context``). Builds and reports read the language
from here and never re-detect.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import polib

from relnotes.detect import NEUTRAL, Decision
from relnotes.model import Document

_LANG_COMMENT = re.compile(r"^lang: (?P<lang>[a-z]{2,3})(?: (?P<confidence>[\d.]+))?(?: (?P<basis>\w+))?$")


@dataclass(frozen=True, slots=True)
class TemplateEntry:
    msgid: str
    refs: tuple[str, ...]  # "virtualization:6.3/ia64/47", in document order
    lang: str
    confidence: float
    basis: str

    @property
    def comment(self) -> str:
        if self.basis in {"override", "neutral"}:
            return f"lang: {self.lang} {self.basis}"
        suffix = f" {self.basis}" if self.basis in {"context", "convention"} else ""
        return f"lang: {self.lang} {self.confidence:.2f}{suffix}"


def build_template(detected: Iterable[tuple[Document, Sequence[Decision]]]) -> list[TemplateEntry]:
    """Distinct texts in order of first appearance, each with every place it appears."""
    refs: dict[str, list[str]] = {}
    first: dict[str, Decision] = {}
    for document, decisions in detected:
        for placement, decision in zip(document.placements(), decisions, strict=True):
            if not placement.block.kind.translatable:
                continue  # code and images are published verbatim, never translated
            text = placement.block.text
            refs.setdefault(text, []).append(f"{document.name}:{placement.ref}")
            first.setdefault(text, decision)
    return [
        TemplateEntry(
            text, tuple(dict.fromkeys(places)), first[text].lang or NEUTRAL, first[text].confidence, first[text].basis
        )
        for text, places in refs.items()
    ]


def to_po_entry(entry: TemplateEntry) -> polib.POEntry:
    return polib.POEntry(
        msgid=entry.msgid, msgstr="", comment=entry.comment, occurrences=[(ref, "") for ref in entry.refs]
    )


def parse_lang(comment: str) -> tuple[str, float, str] | None:
    """Read back ``lang: en 0.99 context`` from an extracted comment (any of its lines)."""
    for line in comment.splitlines():
        match = _LANG_COMMENT.match(line.strip())
        if match:
            basis = match.group("basis") or "text"
            confidence = float(match.group("confidence")) if match.group("confidence") else 1.0
            return match.group("lang"), confidence, basis
    return None


def from_template(catalog: polib.POFile) -> list[TemplateEntry]:
    """The template's entries back as values (for status, queue, check and the site)."""
    entries = []
    for po in catalog:
        if po.obsolete:
            continue
        lang, confidence, basis = parse_lang(po.comment) or (NEUTRAL, 0.0, "missing")
        entries.append(TemplateEntry(po.msgid, tuple(ref for ref, _ in po.occurrences), lang, confidence, basis))
    return entries
