"""The issue's detection bar on hand-labelled samples of five installed dev books.

Issue 15 asks that detection hold on these books as on the handbook: at least 99% of blocks
right on each book's labelled sample, native blocks flagged as untranslated at or under 1%.
The samples (tests/fixtures/book_labels) are about 150 blocks per book, drawn at random with a
fixed seed and labelled by reading them. Every book meets the bar with both backends; each is
also held to the level it reached (REACHED), so that a change can only keep it or raise it.
manual/docs/design/accuracy.md lists the blocks still wrong. Slow: each test reads three
editions of an installed book.
"""

from __future__ import annotations

import pytest

from tests.book_labels import EDITIONS, load_labels, score
from tests.detection import BACKENDS

BAR = (0.99, 0.01)  # the issue's: accuracy at least, native blocks flagged untranslated at most
# The level reached, per book and backend: blocks right of 150, native blocks flagged English.
REACHED = {
    ("debian-faq", "langdetect"): (150, 0),
    ("debian-faq", "lingua"): (150, 0),
    ("developers-reference", "langdetect"): (150, 0),
    ("developers-reference", "lingua"): (150, 0),
    ("installation-guide", "langdetect"): (149, 0),  # standard (Standard-Programme) is zxx
    ("installation-guide", "lingua"): (149, 0),
    ("kicad", "langdetect"): (150, 0),
    ("kicad", "lingua"): (150, 0),
    ("maint-guide", "langdetect"): (149, 1),  # a German footnote citing an English title is English
    ("maint-guide", "lingua"): (150, 0),
}


def test_every_book_has_a_labelled_sample_of_150_blocks_spread_over_its_editions_with_every_truth():
    for book, editions in EDITIONS.items():
        labels = load_labels(book)
        assert len(labels) == 150, book
        langs = {e.lang for e in editions}
        per_lang = {ll: sum(label.edition.split("/")[0] == ll for label in labels) for ll in langs}
        assert set(per_lang.values()) == {150 // len(langs)}, (book, per_lang)
        truths = {label.label for label in labels}
        assert truths <= langs | {"en", "zxx"} and "zxx" in truths, (book, truths)


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("book", sorted(EDITIONS))
def test_each_books_labelled_sample_meets_the_issues_bar_and_stays_where_it_reached(book, backend):
    result = score(book, backend)
    assert result.missing == [], f"{book}: labelled blocks the reader no longer gives"
    right, flagged = REACHED[(book, backend)]
    tally = result.tally
    assert tally.total == 150
    assert tally.accuracy >= BAR[0] and tally.false_alarm_rate <= BAR[1], (book, result.wrong)
    assert tally.right >= right, (book, tally.right, result.wrong)
    assert tally.false_alarms <= flagged, (book, tally.false_alarms, result.wrong)


def test_every_book_and_backend_has_a_level_reached():
    assert set(REACHED) == {(book, backend) for book in EDITIONS for backend in BACKENDS}
