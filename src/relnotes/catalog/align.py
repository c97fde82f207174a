"""Pair a translated edition with its original, block by block (values in, values out).

Structure first, because editions built from one source keep it: sections are matched
by their published id or number (Publican keeps ``sect.apt-get`` in every language), in
order, page by page. Inside two matched sections whose block kinds line up one for one,
blocks pair by position. Technical tokens (paths, options, URLs, identifiers: see
:func:`relnotes.detect.mask.technical_tokens`) confirm: translators rename placeholders
(``package1`` becomes ``pacote1``) and glue numbers to words, so tokens are compared by
their ASCII runs and loosely; a pair whose tokens share nothing even so is unsure, and
when another block of the section does share them, the edition reordered the blocks.
Wherever the structure is unsure (counts or kinds that differ, a section without id,
tokens that disagree) the pair carries a reason and the importer makes it fuzzy: a wrong
suggestion is acceptable, a confident wrong translation is not. Where counts differ,
difflib aligns kind+token signatures and every pair of that section is fuzzy; blocks
left over on either side are reported, never forced into a pair. Code and images are
never paired (they are not translated).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from relnotes.detect.mask import technical_tokens
from relnotes.model import Block, Document, Placement, Section

SURE = 1.0
UNSURE = 0.5  # paired, but a person must look (fuzzy)
TOKEN_LIKE = 0.6  # difflib ratio at which two tokens count as one renamed (package1 ~ pacote1)
_ASCII = re.compile(r"[A-Za-z0-9_./:+=~-]*[A-Za-z_/=~][A-Za-z0-9_./:+=~-]*")


@dataclass(frozen=True, slots=True)
class Pair:
    """An original block and the edition block found for it (``None``: none found)."""

    original: Placement
    edition: Block | None
    confidence: float
    reason: str  # why the pair is unsure; empty when it is sure

    @property
    def sure(self) -> bool:
        return self.edition is not None and not self.reason


@dataclass(frozen=True, slots=True)
class Segment:
    """A section's translatable blocks (its heading first), with what identifies it."""

    page: str | None
    ident: str | None  # published id, else number; None: only order can place it
    placements: tuple[Placement, ...]

    @property
    def signature(self) -> str:
        return f"{self.page or ''}#{self.ident or '?'}"

    @property
    def name(self) -> str:
        return f"{self.page + ' ' if self.page else ''}{self.ident or self.placements[0].block.text[:30]!r}"


@dataclass(frozen=True, slots=True)
class Alignment:
    pairs: tuple[Pair, ...]  # one per translatable block of the original, in document order
    extra: tuple[Block, ...]  # edition blocks paired with nothing


def _section_size(section: Section) -> int:
    """How many placements ``Document.placements`` gives a section (not its subsections)."""
    grouped = sum(
        (group.heading is not None) + sum(len(item.blocks) for item in group.items) for group in section.groups
    )
    return 1 + len(section.blocks) + grouped


def segments(document: Document) -> list[Segment]:
    """The document cut into sections, in reading order, translatable blocks only."""
    placements = list(document.placements())
    result, start = [], 0
    for chapter in document.chapters:
        for _depth, section in chapter.walk():
            end = start + _section_size(section)
            chosen = tuple(p for p in placements[start:end] if p.block.kind.translatable)
            result.append(Segment(section.heading.page, section.heading.anchor or section.number, chosen))
            start = end
    if start != len(placements):  # the model's walk and placements disagree: never guess
        raise ValueError(f"{document.source}: {len(placements)} placements, sections account for {start}")
    return result


def strong_tokens(text: str) -> set[str]:
    """Tokens that identify a block across languages: not bare numbers, URLs by their host."""
    found = set()
    for token in technical_tokens(text):
        if "://" in token:
            found.add(urlsplit(token).netloc.lower().removeprefix("www."))
            continue
        for part in _ASCII.findall(token):  # "15ist", "バージョン11": keep the ASCII runs
            part = part.strip(".:-/").lower()
            if len(part) >= 3 and not part.isdigit():
                found.add(part)
    return found


def tokens_agree(original: str, edition: str) -> bool | None:
    """None: no evidence either way; False: both sides have tokens and share none, even renamed."""
    mine, theirs = strong_tokens(original), strong_tokens(edition)
    if not mine or not theirs:
        return None
    if mine & theirs or any(t in edition.lower() for t in mine) or any(t in original.lower() for t in theirs):
        return True
    return any(difflib.SequenceMatcher(None, a, b).ratio() >= TOKEN_LIKE for a in mine for b in theirs)


def _by_position(a: Segment, b: Segment, note: str) -> Iterator[Pair]:
    """Same kinds one for one: pair by position; tokens that disagree make the pair fuzzy."""
    texts = [p.block.text for p in b.placements]
    for index, (orig, ed) in enumerate(zip(a.placements, b.placements, strict=True)):
        reason = note
        if tokens_agree(orig.block.text, ed.block.text) is False:
            moved = [
                k
                for k, text in enumerate(texts)
                if k != index and b.placements[k].block.kind == orig.block.kind and tokens_agree(orig.block.text, text)
            ]
            if len(moved) == 1:
                yield Pair(orig, b.placements[moved[0]].block, UNSURE, f"reordered in the edition ({a.name})")
                continue
            reason = reason or f"technical tokens disagree with the edition's block ({a.name})"
        yield Pair(orig, ed.block, UNSURE if reason else SURE, reason)


def _signature(placement: Placement) -> str:
    return f"{placement.block.kind}|{','.join(sorted(strong_tokens(placement.block.text)))}"


def _by_sequence(a: Segment, b: Segment, extra: list[Block]) -> Iterator[Pair]:
    """Counts or kinds differ: align kind+token signatures; every pair is fuzzy, with why."""
    note = (
        f"the section {a.name} has {len(a.placements)} blocks in the original and "
        f"{len(b.placements)} in the edition; paired by alignment"
    )
    left = [_signature(p) for p in a.placements]
    right = [_signature(p) for p in b.placements]
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for orig, ed in zip(a.placements[i1:i2], b.placements[j1:j2], strict=True):
                why = (
                    note if orig.block.kind == ed.block.kind else f"kinds differ ({orig.block.kind} ≠ {ed.block.kind})"
                )
                yield Pair(orig, ed.block, UNSURE, why)
            continue
        if tag == "replace":  # different lengths: fall back to kinds alone
            yield from _kinds_only(a, b, (i1, i2, j1, j2), note, extra)
            continue
        for orig in a.placements[i1:i2]:
            yield Pair(orig, None, 0.0, f"no counterpart in the edition ({a.name})")
        extra.extend(p.block for p in b.placements[j1:j2])


def _kinds_only(
    a: Segment, b: Segment, span: tuple[int, int, int, int], note: str, extra: list[Block]
) -> Iterator[Pair]:
    """A stretch whose tokens did not line up: pair what the kinds alone line up, fuzzy."""
    i1, i2, j1, j2 = span
    left = [str(p.block.kind) for p in a.placements[i1:i2]]
    right = [str(p.block.kind) for p in b.placements[j1:j2]]
    matched_right: set[int] = set()
    paired: dict[int, Block] = {}
    for block in difflib.SequenceMatcher(None, left, right, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            paired[i1 + block.a + k] = b.placements[j1 + block.b + k].block
            matched_right.add(j1 + block.b + k)
    for index in range(i1, i2):
        edition = paired.get(index)
        if edition is None:
            yield Pair(a.placements[index], None, 0.0, f"no counterpart in the edition ({a.name})")
        else:
            yield Pair(a.placements[index], edition, UNSURE, note)
    extra.extend(b.placements[j].block for j in range(j1, j2) if j not in matched_right)


def _pair_segments(a: Segment, b: Segment, note: str, extra: list[Block]) -> Iterator[Pair]:
    kinds_a = [p.block.kind for p in a.placements]
    kinds_b = [p.block.kind for p in b.placements]
    if kinds_a == kinds_b:
        yield from _by_position(a, b, note)
    else:
        yield from _by_sequence(a, b, extra)


def align(original: Document, edition: Document, progress: Callable[[int, int], None] | None = None) -> Alignment:
    """One pair per translatable block of the original, in its order; ``progress(done, total)`` per section."""
    mine, theirs = segments(original), segments(edition)
    matcher = difflib.SequenceMatcher(None, [s.signature for s in mine], [s.signature for s in theirs], autojunk=False)
    pairs: list[Pair] = []
    extra: list[Block] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for done, a, b in zip(range(i1 + 1, i2 + 1), mine[i1:i2], theirs[j1:j2], strict=True):
                note = "" if tag == "equal" and a.ident else f"section {a.name} matched by order only"
                pairs.extend(_pair_segments(a, b, note, extra))
                if progress is not None and (done % 50 == 0 or done == len(mine)):
                    progress(done, len(mine))
        else:
            for a in mine[i1:i2]:
                pairs.extend(Pair(p, None, 0.0, f"section {a.name} not found in the edition") for p in a.placements)
            extra.extend(p.block for b in theirs[j1:j2] for p in b.placements)
            if progress is not None:
                progress(i2, len(mine))
    return Alignment(tuple(pairs), tuple(extra))
