"""relnotes import on every Debian dev book with editions: recall and precision per edition.

The truth is read independently of relnotes (tests/editions.py: po4a's editions line up
paragraph for paragraph). Each edition is imported into a fresh project of its book;
its figures are printed and must meet the issue's bar: recall at least 95% (translated
paragraphs held as the final msgstr of exactly their original), precision at least
99.5% (final msgstrs that are a translation of their msgid). The Debian handbook has its
own test (test_import_handbook.py).

developers-reference (Sphinx) is measured by ``scripts/import_quality.py`` but not
asserted here: the reader does not yet read Sphinx's pages as their content (its
paragraphs are not the blocks relnotes reads), so no truth reaches its catalog.
"""

from __future__ import annotations

import time

import pytest

from tests.editions import BOOKS, measure, project_for

pytestmark = pytest.mark.slow

ASSERTED = [book for book in BOOKS if book.name != "developers-reference"]
CASES = [(book, locale) for book in ASSERTED for locale in book.editions]


@pytest.fixture(scope="module")
def projects(tmp_path_factory):
    """One project per book, its catalogs made once for all of its editions."""
    made = {}

    def project(book):
        if book.name not in made:
            if not book.master.exists():
                raise AssertionError(f"{book.master} not found: apt-get install {book.package} (.ci/run installs it)")
            made[book.name] = project_for(book, tmp_path_factory.mktemp(book.name), list(book.editions))
        return made[book.name]

    return project


@pytest.mark.parametrize(("book", "locale"), CASES, ids=[f"{b.name}-{ll}" for b, ll in CASES])
def test_edition_lands_on_its_own_original(projects, book, locale):
    quality = measure(book, projects(book), locale, time.perf_counter)
    print(quality.line(book.name))
    assert quality.translated >= 300  # the truth reached the catalog: the measure says something
    assert quality.precision >= 0.995
    assert quality.recall >= 0.95
