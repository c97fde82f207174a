"""Decide, for every translatable block, which of the project's languages it is written in.

The question is binary (the page's language, or the source language still left in), so
the backend only knows the project's languages, is seeded, and never sees technical
tokens. Long blocks are decided on their own text. Short or uncertain ones (headings,
one-word list items) are where detectors fail: their own probabilities are combined
with those of their context (sibling headings, the rest of their item, every other
place the same text appears), and the decision says so (``basis="context"``) instead of
passing for a confident one. Overrides pinned by a person win over everything.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from relnotes.detect.mask import mask, words
from relnotes.model import BlockKind, Document, Placement

NEUTRAL = "zxx"  # ISO 639-2 "no linguistic content": a lone command, a path
CONFIDENT = 0.95  # below this, a block's own reading is not trusted alone
SHORT_WORDS = 3  # fewer natural words than this is a short block
LOW = 0.9  # decisions under this confidence are reported to the user


class Backend(Protocol):
    """A language identifier restricted to the project's languages."""

    name: str

    def probabilities(self, text: str) -> dict[str, float]:
        """ISO 639-1 code -> probability, over the project's languages only."""
        ...


class LangdetectBackend:
    """langdetect with only the needed profiles loaded and a fixed seed (deterministic)."""

    name = "langdetect"

    def __init__(self, languages: Sequence[str], seed: int = 0) -> None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        self._factory = DetectorFactory()
        self._to_iso: dict[str, str] = {}
        profiles = []
        for language in languages:
            profile = {"zh": "zh-cn"}.get(language, language)
            path = os.path.join(PROFILES_DIRECTORY, profile)
            if not os.path.exists(path):
                raise ValueError(f"langdetect has no profile for {language!r}")
            with open(path, encoding="utf-8") as handle:
                profiles.append(handle.read())
            self._to_iso[profile] = language
        self._factory.load_json_profile(profiles)
        self._factory.set_seed(seed)

    def probabilities(self, text: str) -> dict[str, float]:
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._factory.create()
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except LangDetectException:
            return {}
        return {self._to_iso[p.lang]: p.prob for p in found}


class LinguaBackend:
    """lingua-language-detector, the optional extra: better on short text, a larger install."""

    name = "lingua"

    def __init__(self, languages: Sequence[str]) -> None:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        chosen = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in languages]
        self._detector = LanguageDetectorBuilder.from_languages(*chosen).build()

    def probabilities(self, text: str) -> dict[str, float]:
        values = self._detector.compute_language_confidence_values(text)
        return {v.language.iso_code_639_1.name.lower(): v.value for v in values if v.value > 0}


BACKENDS = {"langdetect": LangdetectBackend, "lingua": LinguaBackend}


@dataclass(frozen=True, slots=True)
class Decision:
    lang: str | None  # ISO 639-1, "zxx" for no language, None for code
    confidence: float
    basis: str  # text | context | override | neutral | code | single

    @property
    def low(self) -> bool:
        return self.confidence < LOW


CODE = Decision(None, 1.0, "code")


def _normalised(probs: Mapping[str, float]) -> dict[str, float]:
    total = sum(probs.values())
    return {k: v / total for k, v in probs.items()} if total else {}


def _top(probs: Mapping[str, float]) -> tuple[str | None, float]:
    if not probs:
        return None, 0.0
    lang = max(sorted(probs), key=lambda k: probs[k])
    return lang, probs[lang]


class LanguageDetector:
    """Decisions for whole documents, cached: backend answers by text, decisions by text and context."""

    def __init__(
        self,
        languages: Sequence[str],
        backend: str | Backend = "langdetect",
        overrides: Mapping[str, str] | None = None,
    ) -> None:
        self.languages = list(dict.fromkeys(languages))
        if isinstance(backend, str):
            backend = BACKENDS[backend](self.languages) if len(self.languages) > 1 else None
        self.backend = backend
        self.overrides = dict(overrides or {})
        self.cache: dict[str, dict[str, float]] = {}
        self._own: dict[str, Decision] = {}
        self._shortness: dict[str, bool] = {}
        self._in_context: dict[tuple[str, str], Decision] = {}
        self.hits = self.misses = 0

    def probabilities(self, text: str) -> dict[str, float]:
        """Backend answer for a text, cached by the raw text (masking is not free either)."""
        cached = self.cache.get(text)
        if cached is not None:
            self.hits += 1
            return cached
        self.misses += 1
        masked = mask(text)
        found = self.backend.probabilities(masked) if self.backend else {self.languages[0]: 1.0}
        result = _normalised({k: v for k, v in found.items() if k in self.languages})
        self.cache[text] = result
        return result

    def remember(self, decisions: Iterable[tuple[str, Decision]]) -> None:
        """Seed the cache with decisions recorded earlier (the template's extracted comments)."""
        self._own.update(decisions)

    def decide_text(self, text: str) -> Decision:
        """A decision from the text alone (for a msgstr, which has no context)."""
        if text in self.overrides:
            return Decision(self.overrides[text], 1.0, "override")
        if len(self.languages) == 1:
            return Decision(self.languages[0], 1.0, "single")
        decision = self._own.get(text)
        if decision is None:
            if not words(text):
                decision = Decision(NEUTRAL, 1.0, "neutral")
            else:
                lang, confidence = _top(self.probabilities(text))
                decision = Decision(lang, round(confidence, 4), "text")
            self._own[text] = decision
        return decision

    def decide(self, document: Document) -> list[Decision]:
        """One decision per placement, in document order (code blocks get ``CODE``)."""
        placements = list(document.placements())
        contexts = _contexts(document, placements)
        by_text: dict[str, Decision] = {}
        decisions = []
        for placement in placements:
            block = placement.block
            if not block.kind.translatable:
                decisions.append(CODE)
                continue
            decision = by_text.get(block.text)
            if decision is None:
                decision = by_text[block.text] = self._decide_with_context(block.text, contexts[block.text])
            decisions.append(decision)
        return decisions

    def _decide_with_context(self, text: str, context: list[str]) -> Decision:
        own = self.decide_text(text)
        if own.basis != "text" or not context:
            return own
        if own.confidence >= CONFIDENT and not self._short(text):
            return own
        key = (text, "\n".join(context))
        decision = self._in_context.get(key)
        if decision is None:
            decision = self._in_context[key] = self._combine(own, text, key[1])
        return decision

    def _short(self, text: str) -> bool:
        short = self._shortness.get(text)
        if short is None:
            short = self._shortness[text] = len(words(text)) < SHORT_WORDS
        return short

    def _combine(self, own: Decision, text: str, context: str) -> Decision:
        mine = self.probabilities(text)
        around = self.probabilities(context)
        combined = _normalised({lang: mine.get(lang, 0.0) * around.get(lang, 0.0) for lang in self.languages})
        if own.confidence >= CONFIDENT:
            # The block is sure of itself; context only tells how sure we may be.
            return Decision(own.lang, round(combined.get(own.lang or "", 0.0), 4), "context")
        lang, confidence = _top(combined)
        return Decision(lang, round(confidence, 4), "context")


def _contexts(document: Document, placements: list[Placement]) -> dict[str, list[str]]:
    """The texts around each distinct block text, over every place it appears."""
    headings = [p.block.text for p in placements if p.block.kind is BlockKind.HEADING]
    item_texts: dict[int, list[str]] = defaultdict(list)
    for p in placements:
        if p.item is not None and p.block.kind.translatable:
            item_texts[p.item].append(p.block.text)
    intro = [b.text for b in document.intro]
    contexts: dict[str, list[str]] = defaultdict(list)
    for p in placements:
        text = p.block.text
        if p.block.kind is BlockKind.HEADING:
            around = headings
        elif p.item is not None:
            around = item_texts[p.item]
        else:
            around = intro
        contexts[text].extend(t for t in around if t != text and t not in contexts[text])
    return contexts
