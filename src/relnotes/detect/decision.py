"""A decision on one block's language, and the probabilities it is taken from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ENGLISH = "en"  # the source language whose word endings tell its words from names
NEUTRAL = "zxx"  # ISO 639-2 "no linguistic content": a lone command, a path
CONFIDENT = 0.95  # below this, a block's own reading is not trusted alone
LOW = 0.9  # decisions under this confidence are reported to the user


@dataclass(frozen=True, slots=True)
class Decision:
    lang: str | None  # ISO 639-1, "zxx" for no language, None for code
    confidence: float
    # override | neutral | script | words | credit | text | context | names | convention | recorded | code | single
    basis: str

    @property
    def low(self) -> bool:
        return self.confidence < LOW


CODE = Decision(None, 1.0, "code")


def normalised(probs: Mapping[str, float]) -> dict[str, float]:
    total = sum(probs.values())
    return {k: v / total for k, v in probs.items()} if total else {}


def top(probs: Mapping[str, float]) -> tuple[str | None, float]:
    """The most probable language (the first by name among equals) and its probability."""
    if not probs:
        return None, 0.0
    lang = max(sorted(probs), key=lambda k: probs[k])
    return lang, probs[lang]
