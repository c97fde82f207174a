"""Fuzzing every reader: at least 10,000 mutated inputs each, and not one traceback.

Text masters, HTML pages, book folders (mutated pages, links out of the book, pages that
are links or folders, link loops, missing and 2 MB pages) and catalogs, each read in this
process as ``relnotes`` reads them. Refusing an input in one line is fine; a traceback is
not. Each reader reads at least ``AT_LEAST`` inputs and goes on until its time budget is
spent; the seed is fixed, so a failure names the input number that reproduces it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from relnotes.catalog.pofile import read_catalog
from relnotes.read import read_document
from tests.conftest import ROOT
from tests.fuzz import book, limit, mutate, run, write

pytestmark = pytest.mark.slow

AT_LEAST = 10_000
BUDGET = 3.0  # seconds: a reader faster than AT_LEAST in this time reads on until it is spent
FIXTURES = ROOT / "tests" / "fixtures" / "read"
SEEDS = {
    "text": [FIXTURES / "bullets.en.txt", FIXTURES / "prose.en.txt", ROOT / "sources" / "virtualization.pt_BR.txt"],
    "html": sorted(FIXTURES.glob("*.html")),
    "catalog": [ROOT / "locales" / "pt_BR" / "LC_MESSAGES" / "release-notes.po"],
}


def _text_input(folder: Path, seeds: list[bytes], name: str, size: int):
    def make(chance: random.Random, _n: int) -> Path:
        return write(folder / name, mutate(limit(chance.choice(seeds), size), chance))

    return make


def _report(outcome) -> str:
    rate = outcome.inputs / outcome.seconds
    return (
        f"{outcome.reader}: {outcome.inputs} inputs in {outcome.seconds:.1f} s ({rate:.0f}/s), "
        f"{outcome.refused} refused in one line, {len(outcome.tracebacks)} tracebacks"
    )


@pytest.mark.parametrize(
    "reader, name, size, read",
    [
        ("text", "master.en.txt", 1500, read_document),
        ("html", "page.en.html", 1200, read_document),
        ("catalog", "release-notes.po", 1800, read_catalog),
    ],
)
def test_no_traceback_from_mutated_files(tmp_path, reader, name, size, read, record_property):
    seeds = [path.read_bytes() for path in SEEDS[reader]]
    outcome = run(reader, _text_input(tmp_path, seeds, name, size), read, seed=13, at_least=AT_LEAST, budget=BUDGET)
    record_property("fuzz", _report(outcome))
    print(_report(outcome))
    assert outcome.inputs >= AT_LEAST
    assert outcome.tracebacks == []


def test_no_traceback_from_mutated_book_folders(tmp_path, record_property):
    pages = {p.name: p.read_bytes() for p in sorted((FIXTURES / "book-chain.en").iterdir())}
    pages = {"index.html": pages.pop("index.html"), **pages}
    secret = tmp_path / "secret.html"
    secret.write_text("<html><body><h1>Secret</h1><p>Not the book's.</p></body></html>", encoding="utf-8")

    def make(chance: random.Random, _n: int) -> Path:
        return book(tmp_path / "guide.en", pages, chance, secret)

    outcome = run("book", make, read_document, seed=13, at_least=AT_LEAST, budget=BUDGET)
    record_property("fuzz", _report(outcome))
    print(_report(outcome))
    assert outcome.inputs >= AT_LEAST
    assert outcome.tracebacks == []
