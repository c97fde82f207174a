"""Render a detected document for people (a tree) and for programs (JSON).

Pure functions from values to strings: the CLI prints them, tests compare them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from relnotes.detect import Decision
from relnotes.model import Block, BlockKind, Document, Placement
from relnotes.read.lint import SourceWarning


def inspect_json(document: Document, decisions: Sequence[Decision]) -> str:
    blocks = [
        {
            "section": p.section,
            "group": p.group,
            "arch": p.arch,
            "item": p.item,
            "kind": str(p.block.kind),
            "lang": d.lang,
            "confidence": d.confidence if d.lang is not None else None,
            "text": p.block.text,
            "page": p.block.page,  # the book page the block is published on; null for a single file
        }
        for p, d in zip(document.placements(), decisions, strict=True)
    ]
    return json.dumps(
        {"source": document.source, "locale": document.locale, "blocks": blocks}, ensure_ascii=False, indent=2
    )


def clip(text: str, width: int) -> str:
    """Shorten a text for one line of a report, marking the cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _tag(decision: Decision) -> str:
    if decision.lang is None:
        return "code"
    tag = f"{decision.lang} {decision.confidence:.2f}"
    if decision.basis not in {"text", "single"}:
        tag += f" {decision.basis}"
    if decision.low:
        tag += " LOW"
    return tag


def inspect_tree(
    document: Document,
    decisions: Sequence[Decision],
    warnings: Sequence[SourceWarning],
    *,
    width: int = 100,
) -> str:
    """An indented outline: chapter, sections, groups, items, one line a block."""
    lines = [f"{document.source} ({document.locale})"]
    item_seen: int | None = None
    for placement, decision in zip(document.placements(), decisions, strict=True):
        block = placement.block
        if block.kind is BlockKind.HEADING:
            number = _number_of(placement, document)
            depth = 0 if placement.section is None else (1 if placement.group is None else 2)
            arch = f" ({placement.arch})" if placement.arch else ""
            lines.append(f"{'  ' * depth}{number}{' ' if number else ''}{block.text}{arch}  [{_tag(decision)}]")
            continue
        if placement.item is None:
            lines.append(f"  intro  [{_tag(decision)}]  {clip(block.text, width - 30)}")
            continue
        indent = "    " if placement.group is None else "      "
        if placement.item != item_seen:
            item_seen = placement.item
            lines.append(f"{indent}item {placement.item} (line {block.line})")
        lines.append(f"{indent}  {block.kind:<9} [{_tag(decision)}]  {clip(block.text, width - 40)}")
    counts = _summary(decisions)
    lines.append("")
    lines.append(counts)
    lows = [
        f"{_where(document, p.block)}: note: low-confidence language {d.lang} ({d.confidence:.2f})"
        for p, d in zip(document.placements(), decisions, strict=True)
        if d.lang is not None and d.low
    ]
    lines.extend(lows)
    lines.extend(f"{w.where(document.source)}: warning: {w.message}" for w in warnings)
    return "\n".join(lines)


def _where(document: Document, block: Block) -> str:
    """``path:line``; in a book the path names the page the line is on."""
    path = f"{document.source.rstrip('/')}/{block.page}" if block.page else document.source
    return f"{path}:{block.line}"


def _number_of(placement: Placement, document: Document) -> str:
    """A group's or section's number; for a chapter heading, that chapter's own number."""
    return placement.group or placement.section or document.parts[placement.chapter].number or ""


def _summary(decisions: Sequence[Decision]) -> str:
    by_lang: dict[str, int] = {}
    context = low = 0
    for d in decisions:
        key = d.lang or "code"
        by_lang[key] = by_lang.get(key, 0) + 1
        context += d.basis == "context"
        low += d.lang is not None and d.low
    langs = ", ".join(f"{k} {v}" for k, v in sorted(by_lang.items()))
    return f"{len(decisions)} blocks: {langs}; {context} decided with context, {low} low-confidence"
