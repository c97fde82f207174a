"""The issue's detection bar on hand-labelled samples of five installed dev books.

Issue 15 asks that detection hold on these books as on the handbook: at least 99% of blocks
right on each book's labelled sample, native blocks flagged as untranslated at or under 1%.
The samples (tests/fixtures/book_labels) are about 150 blocks per book, drawn at random with a
fixed seed and labelled by reading them. Where a book does not reach the bar yet, its floor is
the level reached, so that a change can only keep it or raise it; notes/labels.md says which
kinds of block are still wrong. Slow: each test reads three editions of an installed book.
"""

from __future__ import annotations

import pytest

from tests.book_labels import EDITIONS, load_labels, score
from tests.detection import BACKENDS

BAR = (0.99, 0.01)  # the issue's: accuracy at least, native blocks flagged untranslated at most
FLOORS = {  # (accuracy, native flagged) where the bar is not reached yet: the level reached
    ("installation-guide", "langdetect"): (141 / 150, 2 / 122),
    ("installation-guide", "lingua"): (143 / 150, 0.01),
    ("developers-reference", "langdetect"): (148 / 150, 0.01),
    ("developers-reference", "lingua"): (148 / 150, 0.01),
    ("maint-guide", "langdetect"): (148 / 150, 0.01),
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
def test_each_books_labelled_sample_meets_the_issues_bar_or_stays_where_it_reached(book, backend):
    result = score(book, backend)
    assert result.missing == [], f"{book}: labelled blocks the reader no longer gives"
    accuracy, flagged = FLOORS.get((book, backend), BAR)
    tally = result.tally
    assert tally.total == 150
    assert tally.accuracy >= accuracy, (book, tally.accuracy, result.wrong)
    assert tally.false_alarm_rate <= flagged, (book, tally.false_alarm_rate, result.wrong)
