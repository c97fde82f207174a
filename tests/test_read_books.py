"""Every installed edition of every real book the readers are built for, read whole (slow).

What the toolchain wrote is counted independently (:mod:`tests.paragraphs`: BeautifulSoup
over the pages, chrome excluded by landmarks): at least 99.5% of its content paragraphs
(p, li, dd, td, captions outside chrome) must stand in the reader's blocks, and no block
may be text that only chrome holds. Reading time is measured by ``scripts/bench_read.py
--books``, not asserted here.

The Debian handbook has 26 editions of one build; two are read here, a Latin and a CJK one
(every one is measured by the benchmark, and its reading is asserted exactly in
test_read_handbook.py).
"""

from __future__ import annotations

import pytest

from tests.paragraphs import measure
from tests.shelf import PACKAGES, editions

HANDBOOK_HERE = {"en-US", "ja-JP"}
SHELF = [e for e in editions() if e.book != "handbook" or e.path.name in HANDBOOK_HERE]
KINDS = {e.book.split("-")[0] for e in SHELF}


@pytest.mark.slow
def test_every_kind_of_book_is_installed():
    """A clear failure, not a skip, when a package is missing: .ci/run installs them."""
    assert {"handbook", "install", "maint", "faq", "devref", "kicad"} == KINDS, f"apt-get install {' '.join(PACKAGES)}"


@pytest.mark.slow
@pytest.mark.parametrize("edition", SHELF, ids=[e.name for e in SHELF])
def test_edition_is_read_whole_and_without_chrome(edition):
    result = measure(edition.name, edition.path, edition.locale)
    assert result.content > 40
    assert result.read_share >= 0.995, result.missed[:10]
    assert result.chrome == []
