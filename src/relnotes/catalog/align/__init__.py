"""Pair a translated edition with its original, block by block (values in, values out).

The whole document is aligned at once, as sentence aligners align a text: both sides
become one sequence of translatable blocks (code and images are never translated), and
dynamic programming (:mod:`.path`) finds the best monotone alignment under the evidence
of :mod:`.evidence` (kind, heading level, tokens, link targets, authored ids, length).
Blocks whose signature (kind, level and tokens) is unique on both sides and in order
centre the band the search runs in, so a long book costs time linear in its length.

Then each pair is decided (precision first: a wrong final translation is a defect, a
missing one only a loss):

- **final** where the alignment is sure of it (a large margin over every other way of
  placing either block), the kinds and levels agree, no tokens contradict, the lengths
  fit; a pair that position alone placed only inside a stretch that pairs one for one
  (:mod:`.stretch`), where a pair with nothing against it needs no margin;
- **fuzzy** with the reason where the pair is the best there is but not sure of it;
- **left out** where even the best pair has evidence against it.

Blocks that the alignment left out on both sides (a section the edition moved) are
aligned with each other again; those pairs are at best fuzzy ("moved"). What is still
left is reported: a block only the edition has (a translator's credit) is never forced
onto an original.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from relnotes.catalog.align.evidence import Evidence, Scorer, length_ratios, length_variances
from relnotes.catalog.align.path import Step, align_band, diagonal_band
from relnotes.catalog.align.stretch import LENGTH_OFF, Stretches, own_evidence
from relnotes.model import Block, BlockKind, Document, Placement

SURE = 3.0  # margin (log-odds) from which a pair is final
SKIP = -5.0  # leaving a block out: two skips cost more than any pair with no evidence against it
FLOOR = -8.0  # a best pair scoring under this has evidence against it: left out, not suggested
# A block in the place of the original's but too unlike it to pair (a paragraph translated from an
# older version) costs the path this much, a little less than leaving out one block on each side at
# different places: one change at one place is likelier than two unrelated ones.
HOLE = 2 * SKIP + 1.5
MOVED = 1.0  # a pair of blocks both left out becomes a fuzzy "moved" pair from this score (a token found again)
NEAR = -2.0  # Gale-Church: a length within two standard deviations of the expected one
CLOSE = "placed by position and length"
WIDTH = 8  # band half-width around the anchors' line, in blocks
FULL = 250_000  # cells under which a second pass searches everything, no band


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
class Alignment:
    pairs: tuple[Pair, ...]  # one per translatable block of the original, in document order
    extra: tuple[Block, ...]  # edition blocks paired with nothing
    paired_share: float = 0.0  # of the shorter side's blocks, the share in final pairs
    token_share: float = 0.0  # of both sides' distinct tokens, the share the other side has too


def _levels(document: Document) -> list[tuple[Placement, int, int]]:
    """Translatable placements in reading order, each with its heading depth or list nesting, and section number."""
    depths: list[tuple[int, int]] = []
    number = 0
    for chapter in document.chapters:
        for depth, section in chapter.walk():
            size = 1 + len(section.blocks)
            size += sum((g.heading is not None) + sum(len(i.blocks) for i in g.items) for g in section.groups)
            depths.extend([(depth, number)] * size)
            number += 1
    placements = list(document.placements())
    if len(depths) != len(placements):  # the model's walk and placements disagree: never guess
        raise ValueError(f"{document.source}: {len(placements)} placements, sections account for {len(depths)}")
    return [
        (p, depth if p.block.kind == BlockKind.HEADING else p.block.level, number)
        for p, (depth, number) in zip(placements, depths, strict=True)
        if p.block.kind.translatable
    ]


def _signature(e: Evidence) -> tuple | None:
    """What names a block alone: its authored id, or its kind, level and tokens (with a word token)."""
    if e.ident:
        return ("id", e.ident)
    if not e.tokens or (all(t.isdigit() for t in e.tokens) and len(e.tokens) < 2):
        return None
    return (e.kind, e.level, e.tokens)


def _anchors(mine: list[Evidence], theirs: list[Evidence]) -> list[tuple[int, int]]:
    """Blocks unique by signature on both sides, kept in order (longest increasing run)."""
    left = Counter(s for e in mine if (s := _signature(e)))
    right = Counter(s for e in theirs if (s := _signature(e)))
    where = {_signature(e): j for j, e in enumerate(theirs) if right.get(_signature(e)) == 1}
    candidates = [(i, where[s]) for i, e in enumerate(mine) if (s := _signature(e)) and left[s] == 1 and s in where]
    return _increasing(candidates)


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs increasing in both coordinates (patience sorting)."""
    tails: list[int] = []
    tail_at: list[int] = []
    before: list[int] = []
    for k, (_, j) in enumerate(pairs):
        slot = bisect.bisect_left(tails, j)
        if slot == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[slot] = j
            tail_at[slot] = k
        before.append(tail_at[slot - 1] if slot else -1)
    run, k = [], tail_at[-1] if tail_at else -1
    while k >= 0:
        run.append(pairs[k])
        k = before[k]
    return run[::-1]


def confidence(margin: float) -> float:
    """A margin in log-odds as the odds' probability (6 -> 0.998, 1 -> 0.73)."""
    return 1.0 / (1.0 + math.exp(-max(min(margin, 30.0), -30.0)))


def _decide(a: Evidence, b: Evidence, step: Step, scorer: Scorer) -> str:
    """Empty for a final pair, else why a person must look."""
    if a.kind != b.kind:
        return f"kinds differ ({a.kind} in the original, {b.kind} in the edition)"
    if a.level != b.level:
        return f"levels differ ({a.level} in the original, {b.level} in the edition)"
    _, shared, _lost = scorer.tokens(a, b)
    if a.tokens and b.tokens and not shared:
        return "technical tokens disagree"
    if a.text != b.text and scorer.length(a, b) < LENGTH_OFF:
        return "lengths disagree"
    if step.margin < SURE:
        return f"{CLOSE}; a neighbour fits almost as well (margin {step.margin:.1f})"
    return ""


def _nothing_against(a: Evidence, b: Evidence, scorer: Scorer) -> bool:
    """No evidence against the pair: every token found again, no link elsewhere, a length within two deviations.

    Inside a stretch that pairs one for one, such a pair is final even where a neighbour fits
    almost as well: the alternatives the margin weighs shift blocks by one, which needs a block
    added and another dropped inside the stretch. Two neighbours swapped in the edition are
    caught only where tokens or length tell them apart; two of like length and without tokens
    pair in order, wrongly (a limit the manual names: editions built from one master do not
    reorder paragraphs).
    """
    fits = a.text == b.text or scorer.length(a, b) >= NEAR
    return fits and scorer.tokens(a, b)[2] == 0 and scorer.structure(a, b) >= 0


def _second_pass(
    mine: list[Evidence], theirs: list[Evidence], left_a: list[int], left_b: list[int], scorer: Scorer
) -> list[Step]:
    """Align what the first pass left out on both sides: a moved section pairs here."""
    if not left_a or not left_b:
        return []
    n, m = len(left_a), len(left_b)
    band = [(0, m)] * (n + 1) if n * m <= FULL else diagonal_band(n, m, [], WIDTH)
    steps, _, _ = align_band(n, m, lambda i, j: scorer.score(mine[left_a[i]], theirs[left_b[j]]), band, SKIP)
    return [Step(left_a[s.original], left_b[s.edition], s.score, s.margin) for s in steps if s.score >= MOVED]


def align(original: Document, edition: Document, progress: Callable[[int, int], None] | None = None) -> Alignment:
    """One pair per translatable block of the original, in its order; ``progress(done, total)`` by steps."""
    tell = progress or (lambda _done, _total: None)
    placed, published = _levels(original), _levels(edition)
    blocks = [p.block for p, _, _ in published]
    mine = [Evidence.of(p.block, level) for p, level, _ in placed]
    theirs = [Evidence.of(p.block, level) for p, level, _ in published]
    tell(0, 3)
    anchors = _anchors(mine, theirs)
    ratios = length_ratios(mine, theirs, anchors)
    scorer = Scorer(ratios, length_variances(mine, theirs, anchors, ratios))
    band = diagonal_band(len(mine), len(theirs), anchors, WIDTH)
    steps, left_a, left_b = align_band(
        len(mine), len(theirs), lambda i, j: max(scorer.score(mine[i], theirs[j]), HOLE), band, SKIP
    )
    steps = [replace(s, score=scorer.score(mine[s.original], theirs[s.edition])) for s in steps]
    holes = [s for s in steps if s.score < FLOOR]
    left_a = sorted([*left_a, *(s.original for s in holes)])
    left_b = sorted([*left_b, *(s.edition for s in holes)])
    tell(1, 3)
    moved = _second_pass(mine, theirs, left_a, left_b, scorer)
    tell(2, 3)
    kept = [step for step in steps if step.score >= FLOOR]
    stretches = Stretches(kept, moved, mine, theirs, scorer)
    clean = stretches.in_sections([s for _, _, s in placed], [s for _, _, s in published])
    clean |= stretches.between_fixed_points()
    chosen: dict[int, Pair] = {}
    for step in kept:
        a, b = mine[step.original], theirs[step.edition]
        reason = _decide(a, b, step, scorer)
        if reason.startswith(CLOSE) and step.original in clean and _nothing_against(a, b, scorer):
            reason = ""  # a stretch that pairs one for one places it, and it fits there
        if not reason and not own_evidence(a, b, scorer) and step.original not in clean:
            reason = "its section does not pair one for one with the edition's (a block more or less, or moved)"
        chosen[step.original] = Pair(placed[step.original][0], blocks[step.edition], confidence(step.margin), reason)
    for step in moved:
        why = "the edition has it elsewhere (moved)"
        sure = confidence(min(step.margin, step.score))  # its own evidence only: its place says nothing
        chosen[step.original] = Pair(placed[step.original][0], blocks[step.edition], sure, why)
    pairs = tuple(
        chosen.get(i) or Pair(p, None, 0.0, "no counterpart in the edition") for i, (p, _, _) in enumerate(placed)
    )
    used = {id(p.edition) for p in pairs if p.edition is not None}
    extra = tuple(b for b in blocks if id(b) not in used)
    sure = sum(p.sure for p in pairs)
    all_mine = set().union(*(e.tokens for e in mine)) if mine else set()
    all_theirs = set().union(*(e.tokens for e in theirs)) if theirs else set()
    union = all_mine | all_theirs
    tell(3, 3)
    return Alignment(
        pairs,
        extra,
        sure / max(min(len(mine), len(theirs)), 1),
        len(all_mine & all_theirs) / len(union) if union else 0.0,
    )
