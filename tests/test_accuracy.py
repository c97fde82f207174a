"""The issue's acceptance thresholds, measured on the labelled corpus, both backends.

The corpus is real material read where it lies (``tests/corpus.py``): the Python What's New
catalogs in ../shared, the Debian handbook's editions (Debian package ``debian-handbook``,
installed by ``.ci/run``), and hand-labelled short blocks in ``tests/fixtures``. A missing
source fails with what to install; nothing is skipped. ``scripts/accuracy.py`` prints the
same figures per language, kind and source.

The issue's corpus is its three sources (What's New, the handbook's paragraphs, hand-written
short blocks): its development part must meet the issue's bar. The handbook's short blocks
(headings, sidebar titles, table cells, terms in ten editions, hand-labelled where left
identical to en-US) came later and are harder: they, the held-out part and the fresh blocks
are asserted at the level they reached, so that none can get worse unnoticed. Everything held
out of the issue's kinds of source, with the paragraphs of every other handbook page (the
"book" part), must meet the issue's bar too (slow: it reads the whole book in ten editions).
"""

from __future__ import annotations

from functools import cache

import pytest

from tests.corpus import LANGUAGES, all_pages, samples
from tests.scoring import Scores, measure

ISSUE_SOURCES = frozenset({"whatsnew", "handbook", "short"})
BACKENDS = ["langdetect", "lingua"]


@cache
def _pages(part: str = "development"):
    try:
        return all_pages(part)
    except RuntimeError as exc:  # a corpus source is missing: say what to install, never skip
        pytest.fail(str(exc))


@cache
def _scores(part: str, sources: frozenset[str], backend: str) -> Scores:
    return measure([p for p in _pages(part) if p.name.split("/", 1)[0] in sources], backend)


def _assert_at_least(scores: Scores, overall: float, per_language: float, false_alarms: float, neutral: float):
    report = {lang: round(t.accuracy, 4) for lang, t in sorted(scores.by_language.items())}
    assert scores.overall.accuracy >= overall, report
    assert {lang: a for lang, a in report.items() if a < per_language} == {}
    assert scores.overall.false_alarm_rate <= false_alarms
    assert scores.overall.neutral_rate >= neutral


def test_the_corpus_covers_ten_languages_four_sources_and_every_truth_and_holds_a_part_out():
    found = list(samples(_pages()))
    assert {s.lang for s in found} == set(LANGUAGES)
    assert {s.page.split("/", 1)[0] for s in found} == ISSUE_SOURCES | {"handbook-short"}
    for lang in LANGUAGES:
        truths = {s.expected for s in found if s.lang == lang}
        assert truths == {lang, "en", "zxx"}, lang
    assert len(found) > 12000
    held_out = list(samples(_pages("held-out")))  # measured, never tuned on
    assert {s.lang for s in held_out} == set(LANGUAGES)
    assert not {(s.lang, s.text) for s in held_out if s.page.startswith("short/")} & {(s.lang, s.text) for s in found}
    assert not {s.page for s in held_out} & {s.page for s in found}


def test_the_fresh_part_is_new_short_blocks_thirty_per_language_with_every_truth():
    fresh = list(samples(_pages("fresh")))
    for lang in LANGUAGES:
        mine = [s for s in fresh if s.lang == lang]
        assert len(mine) >= 30, lang
        assert {s.expected for s in mine} == {lang, "en", "zxx"}, lang
    written = [*samples(_pages()), *samples(_pages("held-out"))]
    seen = {(s.lang, s.text) for s in written if s.page.startswith("short/")}  # the other hand-written parts
    assert not {(s.lang, s.text) for s in fresh} & seen


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_issues_corpus_meets_the_issues_thresholds(backend):
    """At least 99 % overall and 97 % per language, false alarms at most 1 %, zxx at least 90 %."""
    _assert_at_least(_scores("development", ISSUE_SOURCES, backend), 0.99, 0.97, 0.01, 0.90)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_issues_corpus_held_out_stays_where_it_reached(backend):
    # langdetect 99.03 %, lingua 99.01 % (lowest language fr 97.87 %); false alarms 0.0 / 0.2 %
    _assert_at_least(_scores("held-out", ISSUE_SOURCES, backend), 0.985, 0.975, 0.01, 0.98)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_handbooks_short_blocks_stay_where_they_reached(backend):
    # development: langdetect 98.03 %, lingua 98.11 % (lowest id 95.6 %); false alarms 0.95 / 0.73 %
    _assert_at_least(_scores("development", frozenset({"handbook-short"}), backend), 0.98, 0.955, 0.01, 0.93)
    # held out: langdetect 95.94 %, lingua 96.06 % (lowest id / fr 93.7 %); false alarms 1.22 / 0.95 %
    _assert_at_least(_scores("held-out", frozenset({"handbook-short"}), backend), 0.955, 0.935, 0.0125, 0.85)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_fresh_short_blocks_stay_where_they_reached(backend):
    # langdetect and lingua 99.38 % (two blocks wrong of 320), false alarms 0, zxx 98.6 %
    _assert_at_least(measure(list(_pages("fresh")), backend), 0.99, 0.96, 0.01, 0.95)


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_the_handbooks_paragraphs_of_every_other_page_meet_the_issues_thresholds(backend):
    """The book as a reader meets it: 26,370 paragraphs in ten editions, never tuned on.

    langdetect 99.75 %, lingua 99.76 % (lowest language 99.62 / 99.54 %), false alarms 0.1 %."""
    scores = measure(_pages("book"), backend)
    _assert_at_least(scores, 0.995, 0.993, 0.005, 0.0)
    assert scores.overall.total == 26370


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_everything_held_out_of_the_issues_kinds_of_source_meets_the_issues_thresholds(backend):
    """The held-out catalogs, handbook pages and short blocks with the book's other paragraphs.

    langdetect 99.65 %, lingua 99.66 % (lowest fr 99.24 %), false alarms 0.1 %, zxx 99.1 %."""
    pages = [p for p in _pages("held-out") if p.name.split("/", 1)[0] in ISSUE_SOURCES] + _pages("book")
    _assert_at_least(measure(pages, backend), 0.99, 0.97, 0.01, 0.90)
