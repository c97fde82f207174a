"""Hand-labelled samples of the installed dev books, and how the detector scores on them.

Each book (installation guide, maint-guide, Debian FAQ, developers-reference, KiCad) has a
fixture ``tests/fixtures/book_labels/BOOK.tsv``: a fixed-seed random sample of the blocks
that ``relnotes inspect`` decides (code blocks excluded), spread evenly over three editions
(two for KiCad), each labelled by a person reading it: the page language, ``en`` for English
left in, ``zxx`` for no language. Shared by ``scripts/book_accuracy.py`` (which draws the
sample and prints the figures) and ``tests/test_book_labels.py`` (which asserts the bar), so
that what is printed is what is tested. The blocks are decided as ``inspect`` decides them:
the whole edition read and decided at once, so each block has its page around it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from relnotes.detect import LanguageDetector
from relnotes.read import read_document
from tests.scoring import Sample, Tally

FIXTURES = Path(__file__).parent / "fixtures" / "book_labels"
KICAD_PAGES = ("getting_started_in_kicad.html", "kicad.html", "gerbview.html", "pl_editor.html")
SEED = 15  # the number: the sample is drawn once and kept


@dataclass(frozen=True)
class Edition:
    book: str
    lang: str
    path: Path  # a book folder, or one page for a single-page book


def _editions() -> dict[str, list[Edition]]:
    guide = Path("/usr/share/doc/installation-guide-amd64")
    kicad = Path("/usr/share/doc/kicad/help")
    return {
        "installation-guide": [Edition("installation-guide", ll, guide / ll) for ll in ("de", "ja", "pt")],
        "maint-guide": [
            Edition("maint-guide", ll, Path(f"/usr/share/doc/maint-guide-{ll}/html")) for ll in ("de", "fr", "ja")
        ],
        "debian-faq": [Edition("debian-faq", ll, Path(f"/usr/share/doc/debian/FAQ/{ll}")) for ll in ("de", "fr", "pt")],
        "developers-reference": [
            Edition("developers-reference", ll, Path("/usr/share/developers-reference") / ll)
            for ll in ("de", "fr", "ja")
        ],
        "kicad": [Edition("kicad", ll, kicad / ll / page) for ll in ("de", "ja") for page in KICAD_PAGES],
    }


EDITIONS = _editions()


@dataclass(frozen=True)
class Decided:
    """One decided block of an edition: where it is, its text, and the detector's answer."""

    edition: str  # LL, or LL/page.html for a single-page book
    page: str
    nth: int  # the how-manieth block with this text on this page (0 for the first)
    text: str
    lang: str
    basis: str  # which layer decided (see relnotes.detect.Decision)


def decide_edition(edition: Edition, backend: str = "langdetect") -> list[Decided]:
    """Every translatable block of the edition with its decision, as ``relnotes inspect`` gives it."""
    document = read_document(edition.path, locale=edition.lang)
    detector = LanguageDetector([edition.lang, "en"], backend=backend)
    name = edition.lang if edition.path.is_dir() else f"{edition.lang}/{edition.path.name}"
    seen: dict[tuple[str, str], int] = {}
    out = []
    for placement, decision in zip(document.placements(), detector.decide(document), strict=True):
        if decision.lang is None:  # code: never translated, never labelled
            continue
        page = placement.block.page or edition.path.name
        key = (page, placement.block.text)
        nth = seen[key] = seen.get(key, -1) + 1
        out.append(Decided(name, page, nth, placement.block.text, decision.lang, decision.basis))
    return out


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def unescape(text: str) -> str:
    out, chars = [], iter(text)
    for ch in chars:
        if ch == "\\":
            ch = {"t": "\t", "n": "\n", "\\": "\\"}[next(chars)]
        out.append(ch)
    return "".join(out)


def draw(book: str, size: int = 150, backend: str = "langdetect") -> list[Decided]:
    """A fixed-seed random sample of the book's blocks, the same number from each edition."""
    editions = EDITIONS[book]
    langs = sorted({e.lang for e in editions})
    rng = random.Random(f"{SEED}:{book}")
    sample = []
    for lang in langs:
        blocks = [b for e in editions if e.lang == lang for b in decide_edition(e, backend)]
        sample += rng.sample(blocks, size // len(langs))
    return sample


@dataclass(frozen=True)
class Label:
    edition: str
    page: str
    nth: int
    label: str
    text: str


def load_labels(book: str) -> list[Label]:
    """The book's fixture: EDITION, PAGE, NTH, LABEL, TEXT per line; '#' lines are comments."""
    labels = []
    for line in (FIXTURES / f"{book}.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        edition, page, nth, label, text = line.split("\t")
        labels.append(Label(edition, page, int(nth), label, unescape(text)))
    return labels


@dataclass
class BookScore:
    tally: Tally
    wrong: list[tuple[Label, str, str]]  # the label, the language decided, the layer that decided it
    missing: list[Label]  # labelled blocks the reader no longer gives


def score(book: str, backend: str = "langdetect") -> BookScore:
    """Decide every edition of the book and count the labelled blocks it got right."""
    labels = load_labels(book)
    decided: dict[tuple[str, str, int, str], Decided] = {}
    for edition in EDITIONS[book]:
        for b in decide_edition(edition, backend):
            decided[(b.edition, b.page, b.nth, b.text)] = b
    result = BookScore(Tally(), [], [])
    for label in labels:
        found = decided.get((label.edition, label.page, label.nth, label.text))
        if found is None:
            result.missing.append(label)
            continue
        page_lang = label.edition.split("/", 1)[0]
        result.tally.add(
            Sample(f"{label.edition}/{label.page}", page_lang, label.label, "book", label.text), found.lang
        )
        if found.lang != label.label:
            result.wrong.append((label, found.lang, found.basis))
    return result
