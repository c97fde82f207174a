"""The issue's acceptance thresholds, measured on the labelled development corpus, both backends.

The corpus is real material read where it lies (``tests/corpus.py``): the Python What's New
catalogs in ../shared, the Debian handbook's editions (Debian package ``debian-handbook``,
installed by ``.ci/run``), and the hand-labelled short blocks in ``tests/fixtures``. A
missing source fails with what to install; nothing is skipped. ``scripts/accuracy.py``
prints the same figures per language and kind, and those of the held-out and fresh parts.
"""

from __future__ import annotations

from functools import cache

import pytest

from tests.corpus import LANGUAGES, all_pages, samples
from tests.scoring import Scores, measure

OVERALL = 0.99
PER_LANGUAGE = 0.97
FALSE_ALARMS = 0.01  # of the native blocks
NEUTRAL = 0.90  # of the blocks with no language
# The fresh short blocks (written after tuning, never tuned on) at the level they reached when
# first measured (langdetect and lingua both 96.25 % overall, 90.62 % the lowest language,
# 0.5 % false alarms, 92.9 % zxx): BELOW the issue's bar, asserted so it cannot get worse.
FRESH_OVERALL = 0.96
FRESH_PER_LANGUAGE = 0.90
FRESH_FALSE_ALARMS = 0.01
FRESH_NEUTRAL = 0.92
FRESH_PER_FILE = 30


@cache
def _pages():
    try:
        return all_pages()
    except RuntimeError as exc:  # a corpus source is missing: say what to install, never skip
        pytest.fail(str(exc))


@cache
def _scores(backend: str) -> Scores:
    return measure(_pages(), backend)


def test_the_corpus_covers_ten_languages_three_sources_and_every_truth_and_holds_a_part_out():
    found = list(samples(_pages()))
    assert {s.lang for s in found} == set(LANGUAGES)
    assert {s.page.split("/", 1)[0] for s in found} == {"whatsnew", "handbook", "short"}
    for lang in LANGUAGES:
        truths = {s.expected for s in found if s.lang == lang}
        assert truths == {lang, "en", "zxx"}, lang
    assert len(found) > 5000
    held_out = list(samples(all_pages(held_out=True)))  # measured by scripts/accuracy.py, never tuned on
    assert {s.lang for s in held_out} == set(LANGUAGES)
    assert not {(s.lang, s.text) for s in held_out if s.page.startswith("short/")} & {(s.lang, s.text) for s in found}


def test_the_fresh_part_is_new_short_blocks_thirty_per_language_with_every_truth():
    fresh = list(samples(all_pages("fresh")))
    for lang in LANGUAGES:
        mine = [s for s in fresh if s.lang == lang]
        assert len(mine) >= FRESH_PER_FILE, lang
        assert {s.expected for s in mine} == {lang, "en", "zxx"}, lang
    seen = {(s.lang, s.text) for s in [*samples(_pages()), *samples(all_pages(held_out=True))]}
    assert not {(s.lang, s.text) for s in fresh} & seen


@pytest.mark.parametrize("backend", ["langdetect", "lingua"])
def test_accuracy_on_the_development_corpus_meets_the_issue_thresholds(backend):
    scores = _scores(backend)
    report = {lang: round(t.accuracy, 4) for lang, t in sorted(scores.by_language.items())}
    assert scores.overall.accuracy >= OVERALL, report
    assert {lang: a for lang, a in report.items() if a < PER_LANGUAGE} == {}
    assert scores.overall.false_alarm_rate <= FALSE_ALARMS
    assert scores.overall.neutral_rate >= NEUTRAL


@pytest.mark.parametrize("backend", ["langdetect", "lingua"])
def test_accuracy_on_the_fresh_short_blocks_does_not_fall_below_what_it_reached(backend):
    scores = measure(all_pages("fresh"), backend)
    report = {lang: round(t.accuracy, 4) for lang, t in sorted(scores.by_language.items())}
    assert scores.overall.accuracy >= FRESH_OVERALL, report
    assert {lang: a for lang, a in report.items() if a < FRESH_PER_LANGUAGE} == {}
    assert scores.overall.false_alarm_rate <= FRESH_FALSE_ALARMS
    assert scores.overall.neutral_rate >= FRESH_NEUTRAL
