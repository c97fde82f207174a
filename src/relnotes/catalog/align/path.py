"""The best monotone alignment of two sequences, and how much better it is than any other.

Dynamic programming as sentence aligners do it (Gale and Church; hunalign; bleualign):
each step pairs one block of each side, or leaves one block of either side out at a
fixed cost. The forward pass gives the best score of every prefix pair, the backward pass
of every suffix pair; their sum over one step is the best alignment that takes that step.
Every alignment consumes each block exactly once, so the margin of a pair (the best
alignment with it minus the best one that consumes either block differently) says how
sure the pair is, in the same log-odds units as the scores: a pair that only position
and length decided, next to blocks alike, has a small margin; one that tokens or ids
pinned down, a large one. Cells outside the band (``band[i]`` gives the first and last
column of row ``i``) are not computed, which keeps a long book linear in its length.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

NEVER = float("-inf")


@dataclass(frozen=True, slots=True)
class Step:
    original: int
    edition: int
    score: float
    margin: float


class _Table:
    """Band-shaped rows of scores: row ``i`` holds columns ``band[i][0]..band[i][1]``."""

    def __init__(self, band: Sequence[tuple[int, int]]) -> None:
        self.band = band
        self.rows = [[NEVER] * (hi - lo + 1) for lo, hi in band]

    def get(self, i: int, j: int) -> float:
        if i < 0 or i >= len(self.band):
            return NEVER
        lo, hi = self.band[i]
        return self.rows[i][j - lo] if lo <= j <= hi else NEVER

    def put(self, i: int, j: int, value: float) -> None:
        self.rows[i][j - self.band[i][0]] = value


def align_band(
    n: int, m: int, score: Callable[[int, int], float], band: Sequence[tuple[int, int]], skip: float
) -> tuple[list[Step], list[int], list[int]]:
    """Pairs on the best path with their margins; originals and edition blocks left out."""
    cache: dict[tuple[int, int], float] = {}

    def pair(i: int, j: int) -> float:
        value = cache.get((i, j))
        if value is None:
            value = cache[(i, j)] = score(i, j)
        return value

    forward, backward = _Table(band), _Table(band)
    forward.put(0, 0, 0.0)
    for i, (lo, hi) in enumerate(band):
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best = forward.get(i, j - 1) + skip
            best = max(best, forward.get(i - 1, j) + skip)
            if i and j and forward.get(i - 1, j - 1) > NEVER:
                best = max(best, forward.get(i - 1, j - 1) + pair(i - 1, j - 1))
            forward.put(i, j, best)
    backward.put(n, m, 0.0)
    for i in range(n, -1, -1):
        lo, hi = band[i]
        for j in range(hi, lo - 1, -1):
            if i == n and j == m:
                continue
            best = backward.get(i, j + 1) + skip
            best = max(best, backward.get(i + 1, j) + skip)
            if i < n and j < m and backward.get(i + 1, j + 1) > NEVER:
                best = max(best, backward.get(i + 1, j + 1) + pair(i, j))
            backward.put(i, j, best)
    total = backward.get(0, 0)
    # The best and second-best alignment through each way of consuming a row's or a column's block.
    rows: list[list[float]] = [[NEVER, NEVER] for _ in range(n)]
    cols: list[list[float]] = [[NEVER, NEVER] for _ in range(m)]

    def offer(slot: list[float], value: float) -> None:
        if value > slot[0]:
            slot[0], slot[1] = value, slot[0]
        elif value > slot[1]:
            slot[1] = value

    for i, (lo, hi) in enumerate(band):
        for j in range(lo, hi + 1):
            here = forward.get(i, j)
            if here == NEVER:
                continue
            if i < n and j < m:
                through = here + pair(i, j) + backward.get(i + 1, j + 1)
                offer(rows[i], through)
                offer(cols[j], through)
            if i < n:
                offer(rows[i], here + skip + backward.get(i + 1, j))
            if j < m:
                offer(cols[j], here + skip + backward.get(i, j + 1))
    steps: list[Step] = []
    left_a: list[int] = []
    left_b: list[int] = []
    i = j = 0
    while (i, j) != (n, m):
        diagonal = pair(i, j) + backward.get(i + 1, j + 1) if i < n and j < m else NEVER
        down = skip + backward.get(i + 1, j) if i < n else NEVER
        right = skip + backward.get(i, j + 1) if j < m else NEVER
        if diagonal >= down and diagonal >= right:
            margin = total - max(rows[i][1], cols[j][1])
            steps.append(Step(i, j, pair(i, j), margin))
            i, j = i + 1, j + 1
        elif down >= right:
            left_a.append(i)
            i += 1
        else:
            left_b.append(j)
            j += 1
    return steps, left_a, left_b


def diagonal_band(n: int, m: int, anchors: Sequence[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """Rows 0..n of columns around the line through the anchors (strictly increasing pairs).

    Between two anchors the band widens by the difference of the gaps' lengths, so that
    blocks missing or added there still fit; it always connects (0, 0) to (n, m).
    """
    points = [(0, 0), *anchors, (n, m)]
    band: list[tuple[int, int]] = []
    for (i0, j0), (i1, j1) in itertools.pairwise(points):
        spread = width + abs((i1 - i0) - (j1 - j0))
        for i in range(i0, i1 + (i1 == n)):
            centre = j0 + (i - i0) * (j1 - j0) / (i1 - i0) if i1 > i0 else j0
            band.append((max(0, int(centre - spread)), min(m, int(centre + spread) + 1)))
    if not band:
        band = [(0, m)]
    fixed: list[tuple[int, int]] = []
    for i, (lo, hi) in enumerate(band):
        if fixed:
            lo = min(max(lo, fixed[-1][0]), fixed[-1][1])  # never back, always reachable from above
            hi = max(hi, fixed[-1][1], lo)
        fixed.append((lo if i else 0, hi))
    fixed[-1] = (fixed[-1][0], m)
    return fixed
