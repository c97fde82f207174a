"""Stretches of the two documents that pair one for one: where position and length may decide a pair.

Where the edition added, dropped or moved a block, the neighbours of the change could be
any of several blocks, and a pair that only position and length placed there is not
sure. Between two fixed points, where both sides hold as many blocks and the best
alignment pairs the k-th of the original with the k-th of the edition, nothing was added
or dropped, and position is strong evidence. Two kinds of fixed points bound such a
stretch: pairs that name themselves (an authored id, the original's text kept, every
token found again) and the boundaries of two sections.

A block the alignment left out on both sides at the same offset (a hole) does not break
a stretch: the edition has a block at that very place, but one too unlike the original
to pair (a paragraph translated from an older version of the original, a footnote
renumbered). Both sides still hold as many blocks, so the blocks around the hole are not
shifted. A block the edition has elsewhere (paired as moved) is no hole: something moved.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from relnotes.catalog.align.evidence import TOKEN, Evidence, Scorer
from relnotes.catalog.align.path import Step
from relnotes.model import BlockKind

LENGTH_OFF = -12.0  # Gale-Church: a length this improbable (4.9 standard deviations) is no sure pair


def own_evidence(a: Evidence, b: Evidence, scorer: Scorer) -> bool:
    """The pair names itself: the same authored id, the original's text kept, or every token found again."""
    return bool(a.ident and a.ident == b.ident) or a.text == b.text or scorer.tokens(a, b)[0] >= TOKEN


def sized(length: int, latin: bool = True) -> Evidence:
    """A stand-in block of a length, to test a stretch's total length as one pair."""
    return Evidence(BlockKind.PARAGRAPH, 0, length, frozenset(), frozenset(), None, "", "", latin)


class Stretches:
    """Which originals stand in a stretch that pairs one for one, given the pairs kept and those moved."""

    def __init__(
        self, kept: Sequence[Step], moved: Sequence[Step], mine: list[Evidence], theirs: list[Evidence], scorer: Scorer
    ) -> None:
        self.kept, self.mine, self.theirs, self.scorer = kept, mine, theirs, scorer
        self.edition_of = {s.original: s.edition for s in kept}
        self.moved_a = {s.original for s in moved}
        self.used_b = {s.edition for s in kept} | {s.edition for s in moved}

    def diagonal(self, span_a: range, span_b: range) -> bool:
        """Both spans hold as many blocks, paired k-th to k-th or left out on both sides, and fit in length.

        The total length is a strong test (Gale-Church over many blocks): two sections
        swapped whole, of equal block counts, differ there. Holes are left out of it.
        """
        if len(span_a) != len(span_b):
            return False
        paired = []
        for i, j in zip(span_a, span_b, strict=True):
            if self.edition_of.get(i) == j:
                paired.append((i, j))
            elif i in self.edition_of or i in self.moved_a or j in self.used_b:
                return False
        if not paired:
            return True
        mine = sum(self.mine[i].length for i, _ in paired)
        theirs = sum(self.theirs[j].length for _, j in paired)
        latin = sum(self.theirs[j].latin for _, j in paired) * 2 >= len(paired)
        return self.scorer.length(sized(mine), sized(theirs, latin)) >= LENGTH_OFF

    def in_sections(self, section_a: list[int], section_b: list[int]) -> set[int]:
        """Originals in a section whose blocks pair one for one with one section of the edition."""
        spans_a, spans_b = _spans(section_a), _spans(section_b)
        result: set[int] = set()
        for span_a in spans_a.values():
            first = next((self.edition_of[i] for i in span_a if i in self.edition_of), None)
            span_b = spans_b.get(section_b[first]) if first is not None else None
            if span_b is not None and self.diagonal(span_a, span_b):
                result.update(span_a)
        return result

    def between_fixed_points(self) -> set[int]:
        """Originals between two pairs that name themselves (or the documents' ends), one for one."""
        fixed = [Step(-1, -1, 0.0, 0.0)]
        fixed += [s for s in self.kept if own_evidence(self.mine[s.original], self.theirs[s.edition], self.scorer)]
        fixed.append(Step(len(self.mine), len(self.theirs), 0.0, 0.0))
        result: set[int] = set()
        for start, end in itertools.pairwise(fixed):
            span_a = range(start.original + 1, end.original)
            if self.diagonal(span_a, range(start.edition + 1, end.edition)):
                result.update(span_a)
        return result


def _spans(sections: list[int]) -> dict[int, range]:
    """Each section's blocks as a range of indices (a section's translatable blocks follow each other)."""
    spans: dict[int, range] = {}
    for section, group in itertools.groupby(range(len(sections)), key=sections.__getitem__):
        indices = list(group)
        if section in spans:  # never split in reading order; if it were, no span is sure
            spans[section] = range(0)
            continue
        spans[section] = range(indices[0], indices[-1] + 1)
    return spans
