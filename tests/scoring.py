"""Accuracy of a detector on the labelled corpus, per language and per kind of block.

Shared by ``scripts/accuracy.py`` (which prints it) and ``tests/test_accuracy.py`` (which
asserts the issue's thresholds on it), so that what is printed is what is tested.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from relnotes.detect import NEUTRAL, Decision, LanguageDetector
from tests.corpus import UNTITLED, Page, Sample, page_document


@dataclass
class Tally:
    """Counts for one slice of the corpus (a language, a kind, or everything)."""

    total: int = 0
    right: int = 0
    native: int = 0
    false_alarms: int = 0  # native blocks decided English: they would be queued for translation
    english: int = 0
    misses: int = 0  # English blocks decided native: untranslated text shown as translated
    neutral: int = 0
    neutral_right: int = 0

    def add(self, sample: Sample, lang: str | None) -> None:
        self.total += 1
        self.right += lang == sample.expected
        if sample.expected == sample.lang:
            self.native += 1
            self.false_alarms += lang == "en"
        elif sample.expected == "en":
            self.english += 1
            self.misses += lang == sample.lang
        else:
            self.neutral += 1
            self.neutral_right += lang == NEUTRAL

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.native if self.native else 0.0

    @property
    def neutral_rate(self) -> float:
        return self.neutral_right / self.neutral if self.neutral else 1.0


@dataclass
class Scores:
    overall: Tally = field(default_factory=Tally)
    by_language: dict[str, Tally] = field(default_factory=dict)
    by_kind: dict[str, Tally] = field(default_factory=dict)
    by_source: dict[str, Tally] = field(default_factory=dict)
    wrong: list[tuple[Sample, str | None, str]] = field(default_factory=list)
    bases: Counter[str] = field(default_factory=Counter)


def decided(detector: LanguageDetector, page: Page) -> list[tuple[Sample, Decision]]:
    """Each sample of the page with the detector's decision for it, the page decided as a whole."""
    document = page_document(page)
    pairs = [
        (p.block, d)
        for p, d in zip(document.placements(), detector.decide(document), strict=True)
        if p.block.text != UNTITLED
    ]
    assert [b.text for b, _ in pairs] == [s.text for s in page.samples], page.name
    return [(s, d) for s, (_, d) in zip(page.samples, pairs, strict=True)]


def measure(pages: list[Page], backend: str) -> Scores:
    """Decide every page as one chapter with the languages ``[page, "en"]`` and count."""
    scores = Scores()
    detectors: dict[str, LanguageDetector] = {}
    for page in pages:
        detector = detectors.get(page.lang)
        if detector is None:
            detector = detectors[page.lang] = LanguageDetector([page.lang, "en"], backend=backend)
        for sample, decision in decided(detector, page):
            source = page.name.split("/", 1)[0]
            for tally in (
                scores.overall,
                scores.by_language.setdefault(sample.lang, Tally()),
                scores.by_kind.setdefault(sample.kind, Tally()),
                scores.by_source.setdefault(source, Tally()),
            ):
                tally.add(sample, decision.lang)
            scores.bases[decision.basis] += 1
            if decision.lang != sample.expected:
                scores.wrong.append((sample, decision.lang, decision.basis))
    return scores
