"""relnotes import on every Debian dev book with editions: recall and precision per edition.

The truth is read independently of relnotes (tests/editions.py: po4a's editions line up
paragraph for paragraph). Each edition is imported into a fresh project of its book;
its figures are printed and must meet the issue's bar: recall at least 95% (translated
paragraphs held as the final msgstr of exactly their original), precision at least
99.5% (final msgstrs that are a translation of their msgid). The Debian handbook has its
own test (test_import_handbook.py).

Of the installation guide's 18 editions, ``scripts/import_quality.py`` measures all; this
test imports four that span the scripts and the lowest recall (cs: sections where the edition
has a footnote or paragraph less or translated from an older version), to keep the suite's
time (each import of the whole guide costs about 4 s of CPU).
"""

from __future__ import annotations

import time

import pytest

from tests.editions import BOOKS, measure, project_for

pytestmark = pytest.mark.slow

ASSERTED = BOOKS
SOME = {"installation-guide": ["cs", "de", "ja", "zh_CN"]}
CASES = [
    pytest.param(book, locale, id=f"{book.name}-{locale}")
    for book in ASSERTED
    for locale in SOME.get(book.name, book.editions)
]


@pytest.fixture(scope="module")
def projects(tmp_path_factory):
    """One project per book, its catalogs made once for all of its editions."""
    made = {}

    def project(book):
        if book.name not in made:
            if not book.master.exists():
                raise AssertionError(f"{book.master} not found: apt-get install {book.package} (.ci/run installs it)")
            locales = SOME.get(book.name, list(book.editions))
            made[book.name] = project_for(book, tmp_path_factory.mktemp(book.name), locales)
        return made[book.name]

    return project


@pytest.mark.parametrize(("book", "locale"), CASES)
def test_edition_lands_on_its_own_original(projects, book, locale):
    quality = measure(book, projects(book), locale, time.perf_counter)
    print(quality.line(book.name))
    assert quality.translated >= 300  # the truth reached the catalog: the measure says something
    assert quality.precision >= 0.995
    assert quality.recall >= 0.95
