"""Import quality on the Debian dev books with editions, against a truth relnotes never sees.

po4a builds every edition of these books from one master, so on each page the k-th
paragraph element (``<p>``) of an edition is the translation of the k-th of the original
(or the original itself, where the edition left it untranslated). That truth is read here
with BeautifulSoup, independently of relnotes' reader and importer; a page whose
paragraph counts differ gives no truth and is counted apart.

- **recall**: of the original paragraphs an edition translated (some k-th text differs
  from the original), the share whose catalog entry holds one of those translations as
  its final (non-fuzzy) msgstr;
- **precision**: of the final msgstrs of paragraphs with a truth, the share that are a
  translation of their msgid.

A book the reader reads as a whole (a folder, or a first page that leads to the others)
is imported whole; a book of pages side by side with a language suffix
(``first.de.html``), which the reader does not read as one book yet, is imported page by
page, each page with its own original. Once it does (``read_document`` of the first page
gives several pages), the same measurement imports the whole book.
"""

from __future__ import annotations

import re
import shutil
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polib
from bs4 import BeautifulSoup

from relnotes.catalog.importer import import_edition
from relnotes.catalog.update import update
from relnotes.project import Project
from relnotes.read import read_document

INSTALL = Path("/usr/share/doc/installation-guide-amd64")
MAINT = Path("/usr/share/doc")
FAQ = Path("/usr/share/doc/debian/FAQ")
DEVREF = Path("/usr/share/developers-reference")
_SUFFIX = re.compile(r"\.([a-z]{2}(?:[-_][A-Za-z]{2,4})?)\.html$")


@dataclass(frozen=True)
class Book:
    name: str
    package: str  # what .ci/run installs
    master: Path  # the folder or first page of the original
    editions: dict[str, Path]  # POSIX locale -> folder or first page of the edition
    source_language: str = "en"

    def pages(self, first: Path) -> list[Path]:
        """Every page of one edition: the folder's pages, or the pages with the first page's suffix."""
        if first.is_dir():
            return sorted(p for p in first.glob("*.html") if p.name not in {"search.html", "genindex.html"})
        suffix = _SUFFIX.search(first.name)
        return sorted(first.parent.glob(f"*.{suffix.group(1)}.html")) if suffix else [first]


def _installation_guide() -> Book:
    folders = sorted(p for p in INSTALL.iterdir() if p.is_dir() and p.name != "en") if INSTALL.is_dir() else []
    return Book("installation-guide", "installation-guide-amd64", INSTALL / "en", {p.name: p for p in folders})


BOOKS = [
    _installation_guide(),
    Book(
        "maint-guide",
        "maint-guide maint-guide-de maint-guide-fr maint-guide-ja",
        MAINT / "maint-guide/html/index.en.html",
        {ll: MAINT / f"maint-guide-{ll}/html/index.{ll}.html" for ll in ("de", "fr", "ja")},
    ),
    Book(
        "debian-faq",
        "debian-faq debian-faq-de debian-faq-fr debian-faq-pt",
        FAQ / "index.en.html",
        {ll: FAQ / ll / f"index.{ll}.html" for ll in ("de", "fr", "pt")},
    ),
    Book(
        "developers-reference",
        "developers-reference developers-reference-de developers-reference-fr developers-reference-ja",
        DEVREF,
        {ll: DEVREF / ll for ll in ("de", "fr", "ja")},
    ),
]


def _key(page: Path) -> str:
    """A page's name without its language suffix: the same page in every edition."""
    return _SUFFIX.sub(".html", page.name)


def paragraphs(pages: list[Path]) -> dict[str, list[str]]:
    """Every page's ``<p>`` texts, whitespace collapsed as any reader would."""
    found = {}
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8", errors="replace"), "html.parser")
        found[_key(page)] = [" ".join(p.get_text().split()) for p in soup.find_all("p")]
    return found


_WORDS = re.compile(r"[^\W\d_]{2,}")
_NOT_LATIN = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")


def english_reader(language: str) -> Callable[[str, str], bool]:
    """Whether an edition's text is English left in (perhaps an older English version of the paragraph).

    Lingua, a detector relnotes' import does not use, with the edition's language as the
    only other choice: mostly Latin letters that read as English with 0.99, half of its
    words the original's, and the words it does not share with the original not reading
    as the edition's language.
    """
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    other = Language.from_iso_code_639_1(IsoCode639_1.from_str(language.split("_")[0]))
    detector = LanguageDetectorBuilder.from_languages(Language.ENGLISH, other).build()

    def english(text: str, source: str) -> bool:
        latin = _NOT_LATIN.sub("", text)
        words = [w.lower() for w in _WORDS.findall(text)]
        known = {w.lower() for w in _WORDS.findall(source)}
        if words and sum(w in known for w in words) < 0.5 * len(words):
            return False  # a translation quoting English output ("Bus 001 Device 001: ID 1d6b:0002 …")
        own = [w for w in words if w not in known]  # what the edition wrote itself
        mostly = len(own) >= max(4, 0.35 * len(words))  # not a translated cross-reference in English prose
        if mostly and detector.compute_language_confidence(" ".join(own), other) >= 0.9:
            return False  # a translation naming many of the original's names ("Buzz für Release 1.1, Rex …")
        letters = sum(char.isalpha() for char in text)
        return (
            sum(char.isalpha() for char in latin) >= 0.95 * letters
            and len(latin.split()) >= 4
            and detector.compute_language_confidence(latin, Language.ENGLISH) >= 0.99
        )

    return english


@dataclass
class Truth:
    """Per original paragraph, the texts an edition shows at its places, and which of them are English."""

    shown: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    english: set[str] = field(default_factory=set)
    pages: int = 0
    unmatched_pages: list[str] = field(default_factory=list)  # counts differ: no truth there

    @property
    def translated(self) -> dict[str, set[str]]:
        """Per original, its translations: what the edition shows that is neither it nor English."""
        result = {source: texts - {source} - self.english for source, texts in self.shown.items()}
        return {source: texts for source, texts in result.items() if texts}


def truth(book: Book, edition: Path, language: str) -> Truth:
    result = Truth()
    english = english_reader(language)
    original = paragraphs(book.pages(book.master))
    published = paragraphs(book.pages(edition))
    for page, texts in original.items():
        theirs = published.get(page)
        if theirs is None or len(theirs) != len(texts):
            result.unmatched_pages.append(page)
            continue
        result.pages += 1
        for source, text in zip(texts, theirs, strict=True):
            if source:
                result.shown[source].add(text)
                if text != source and english(text, source):
                    result.english.add(text)
    return result


@dataclass(frozen=True)
class Quality:
    locale: str
    translated: int  # original paragraphs the edition translated (with a truth)
    recalled: int  # of them, final msgstr is one of their translations
    final: int  # final msgstrs of paragraphs with a truth
    right: int  # of them, a translation of their msgid
    fuzzy: int  # msgstrs imported fuzzy
    fuzzy_judged: int  # of them, paragraphs with a truth
    fuzzy_right: int  # of those, a translation of their msgid (a useful suggestion)
    pages: int
    unmatched: int
    seconds: float  # wall time of the import(s)
    cpu: float  # CPU time of the import(s), which a busy machine does not inflate

    @property
    def recall(self) -> float:
        return self.recalled / self.translated if self.translated else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.final if self.final else 1.0

    def line(self, book: str) -> str:
        return (
            f"{book:22} {self.locale:6} recall {100 * self.recall:6.2f}% ({self.recalled}/{self.translated})  "
            f"precision {100 * self.precision:6.2f}% ({self.right}/{self.final})  "
            f"fuzzy {self.fuzzy:4} ({self.fuzzy_right}/{self.fuzzy_judged} right)  "
            f"pages {self.pages} (+{self.unmatched} without truth)  import {self.seconds:.2f} s ({self.cpu:.2f} s CPU)"
        )


def whole(book: Book) -> bool:
    """Whether the reader reads the original as one book (else it is imported page by page)."""
    return book.master.is_dir() or bool(read_document(book.master).pages)


def project_for(book: Book, root: Path, locales: list[str]) -> Project:
    """A project whose sources link to the original (the book, or each page), never copies."""
    (root / "sources").mkdir(parents=True)
    if whole(book):
        link = f"{book.name}.{book.source_language}" if book.master.is_dir() else book.master.name
        (root / "sources" / link).symlink_to(book.master)
    else:
        for page in book.pages(book.master):
            (root / "sources" / page.name).symlink_to(page)
    languages = ", ".join(f'"{x}"' for x in [book.source_language, *locales])
    (root / "relnotes.toml").write_text(
        f'languages = [{languages}]\nsource_language = "{book.source_language}"\n', encoding="utf-8"
    )
    project = Project.load(root)
    update(project, say=lambda _: None)
    return project


def measure(book: Book, project: Project, locale: str, clock: Callable[[], float]) -> Quality:
    """Import one edition (whole or page by page) and score its catalog against the truth."""
    edition = book.editions[locale]
    start, cpu = clock(), time.process_time()
    reports = []
    if whole(book):
        reports.append(import_edition(project, edition, locale, say=lambda _: None))
    else:
        masters = {_key(p): p.name for p in book.pages(book.master)}
        for page in book.pages(edition):
            if _key(page) in masters:
                reports.append(import_edition(project, page, locale, masters[_key(page)], say=lambda _: None))
    seconds, cpu = clock() - start, time.process_time() - cpu
    known = truth(book, edition, locale)
    catalog = polib.pofile(str(project.catalog_path(project.locale(locale))))
    final = {e.msgid: e.msgstr for e in catalog if e.msgstr and "fuzzy" not in e.flags and not e.obsolete}
    fuzzy = [(e.msgid, e.msgstr) for e in catalog if "fuzzy" in e.flags and not e.obsolete and e.msgid in known.shown]
    fuzzy_right = sum(1 for msgid, msgstr in fuzzy if msgstr in known.translated.get(msgid, ()))
    msgids = {e.msgid for e in catalog if not e.obsolete}
    translated = {source: texts for source, texts in known.translated.items() if source in msgids}
    recalled = sum(1 for source, texts in translated.items() if final.get(source) in texts)
    judged = [(msgid, msgstr) for msgid, msgstr in final.items() if msgid in known.shown]
    right = sum(1 for msgid, msgstr in judged if msgstr in known.translated.get(msgid, ()))
    return Quality(
        locale,
        len(translated),
        recalled,
        len(judged),
        right,
        sum(r.fuzzy for r in reports),
        len(fuzzy),
        fuzzy_right,
        known.pages,
        len(known.unmatched_pages),
        seconds,
        cpu,
    )


def fresh(root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
