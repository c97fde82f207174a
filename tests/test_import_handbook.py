"""relnotes import on the Debian Administrator's Handbook (the ``debian-handbook`` package).

The en-US edition is the master (``sources/handbook.en`` is a symlink, never a copy) and
four editions are imported. The truth is read here with BeautifulSoup, independently of
relnotes' reader: the editions come from one source, so on every page the k-th
``div.para`` of an edition is the translation of the k-th ``div.para`` of en-US. A
paragraph the edition left in English is identical to the original, or (an older English
version of it) Latin-only text that lingua, a detector relnotes' import does not use,
reads as English with 0.99 (a cross-reference inside may be translated). A msgstr is
English text when it is an en-US paragraph, or English that takes 80% of its words from
its msgid (an English version of it).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

from relnotes.catalog.importer import import_edition
from relnotes.project import Project
from tests.handbook import EDITIONS, edition

_WORD = re.compile(r"[^\W\d_]{2,}")
_NOT_LATIN = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")

pytestmark = pytest.mark.slow


def paragraphs(folder: Path) -> dict[str, list[str]]:
    """Every page's div.para texts, whitespace collapsed as any reader would."""
    pages = {}
    for page in sorted(folder.glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        pages[page.name] = [" ".join(div.get_text().split()) for div in soup.select("div.para")]
    return pages


@pytest.fixture(scope="session")
def original() -> dict[str, list[str]]:
    return paragraphs(edition("en-US"))


def _english(language: str):
    from lingua import Language, LanguageDetectorBuilder

    other = {"pt": Language.PORTUGUESE, "de": Language.GERMAN, "ja": Language.JAPANESE, "ar": Language.ARABIC}
    detector = LanguageDetectorBuilder.from_languages(Language.ENGLISH, other[language]).build()

    def english(text: str) -> bool:
        """Mostly Latin letters (a translated cross-reference may sit inside) that lingua reads as English."""
        latin = _NOT_LATIN.sub("", text)
        letters = sum(char.isalpha() for char in text)
        return (
            sum(char.isalpha() for char in latin) >= 0.8 * letters
            and len(latin.split()) >= 5
            and detector.compute_language_confidence(latin, Language.ENGLISH) >= 0.99
        )

    return english


def _shared(a: str, b: str) -> float:
    mine = {w.lower() for w in _WORD.findall(a)}
    theirs = [w.lower() for w in _WORD.findall(b)]
    return sum(w in mine for w in theirs) / len(theirs) if theirs else 1.0


@pytest.mark.parametrize("locale", list(EDITIONS))
def test_edition_paragraphs_land_on_exactly_their_original(handbook, original, locale):
    catalog = {e.msgid: e for e in polib.pofile(str(handbook.root / f"locales/{locale}/LC_MESSAGES/release-notes.po"))}
    english = _english(locale[:2])
    published = paragraphs(edition(EDITIONS[locale]))
    shown: dict[str, list[str]] = defaultdict(list)  # original paragraph -> the edition's texts for it
    for page, texts in original.items():
        assert len(published[page]) == len(texts), page
        for source, text in zip(texts, published[page], strict=True):
            if source:
                shown[source].append(text)
    translated = right = left = left_right = outside = 0
    for source, texts in shown.items():
        entry = catalog.get(source)
        if entry is None or entry.obsolete:
            outside += 1  # recorded in the template as this language or no language: not in this catalog
            continue
        translations = [t for t in texts if t != source and not english(t)]
        if translations:
            translated += 1
            right += entry.msgstr in translations and "fuzzy" not in entry.flags
        else:
            left += 1
            left_right += entry.msgstr == ""
    originals = {text for texts in original.values() for text in texts}
    english_msgstr = [
        e.msgid
        for e in catalog.values()
        if e.msgstr and (e.msgstr in originals or (english(e.msgstr) and _shared(e.msgid, e.msgstr) >= 0.8))
    ]
    report = handbook.reports[locale]
    print(
        f"{locale}: {right}/{translated} translated paragraphs are the non-fuzzy msgstr of their original "
        f"({100 * right / translated:.2f}%), {left_right}/{left} left in English untranslated, "
        f"{len(english_msgstr)} English msgstr; catalog: {report.imported} imported ({report.fuzzy} fuzzy), "
        f"{report.left} left untranslated, {report.outside} not in it"
    )
    assert translated > 1700 and left > 600 and outside < 10
    assert right / translated >= 0.99
    assert left_right == left
    assert english_msgstr == []
    assert report.fuzzy <= 0.01 * report.imported
    # A few blocks an edition merged, split or dropped are left out on both sides, never forced.
    assert report.conflicts == [] and report.missing <= 10 and report.extra <= 10


def test_a_second_import_of_an_edition_changes_no_byte(handbook):
    path = handbook.root / "locales/pt_BR/LC_MESSAGES/release-notes.po"
    before = path.read_bytes()
    report = import_edition(Project.load(handbook.root), edition("pt-BR"), "pt_BR", say=lambda _: None)
    assert report.imported == 0 and report.unchanged == handbook.reports["pt_BR"].imported
    assert path.read_bytes() == before
