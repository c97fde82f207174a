"""The labelled development corpus: real text whose language is known without asking a detector.

Three sources, each with a truth that comes from the material itself, never from a detector:

- Python "What's New" catalogs (``/work/shared/corpus/python-whatsnew``): a translated, not
  fuzzy entry shows its msgstr in the page's language; an untranslated or fuzzy one shows the
  English msgid; an entry whose msgstr equals its msgid (when untranslated: in any catalog), or whose text is only
  reStructuredText roles and literals, has no language (``zxx``).
- The Debian handbook's editions (Debian package ``debian-handbook``): the same page has the
  same ``div.para`` positions in every edition; a paragraph equal to the en-US one is English
  left in, a different one is in the edition's language.
- Hand-labelled short blocks (``tests/fixtures/short_blocks/*.tsv``): headings, list entries,
  notices, credits, names, written in the style of real localized pages.

Each page becomes a ``Document`` so that the detector decides it as it decides a chapter,
context included; ``page_document`` is the only place that knows the model's constructors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from relnotes.model import Block, BlockKind, Document, Group, Item, Section

WHATSNEW = Path("/work/shared/corpus/python-whatsnew")
HANDBOOK = Path("/usr/share/doc/debian-handbook/html")
SHORT_BLOCKS = Path(__file__).parent / "fixtures" / "short_blocks"
LANGUAGES = ("pt", "es", "fr", "de", "it", "ja", "ko", "zh", "ru", "id")
HANDBOOK_EDITIONS = {
    "pt": "pt-BR",
    "es": "es-ES",
    "fr": "fr-FR",
    "de": "de-DE",
    "it": "it-IT",
    "ja": "ja-JP",
    "ko": "ko-KR",
    "zh": "zh-CN",
    "ru": "ru-RU",
    "id": "id-ID",
}
# Pages sampled from the handbook: prose, lists of commands, a page full of names.
HANDBOOK_DEV = (
    "sect.apt-get.html",
    "sect.debian-internals.html",
    "sect.package-meta-information.html",
    "sect.acknowledgments.html",
    "sect.why-debian.html",
)
HANDBOOK_HELD_OUT = ("sect.remote-login.html", "sect.nfs-file-server.html", "sect.foundation-documents.html")
WHATSNEW_HELD_OUT = ("pt_BR/whatsnew-3.13.po", "ja/whatsnew-3.11.po", "ko/whatsnew-3.8.po", "fr/whatsnew-3.12.po")


@dataclass(frozen=True, slots=True)
class Sample:
    """One block with its true language, the kind of block it is and where it comes from."""

    page: str  # source/page/language: the unit decided together, like one chapter
    lang: str  # the page's language
    expected: str  # the page's language, "en", or "zxx"
    kind: str
    text: str
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    lang: str
    samples: tuple[Sample, ...]


# --- reStructuredText as a reader sees it -------------------------------------------------

_ROLE = re.compile(r":(?P<role>[\w:+-]+):`(?P<body>[^`]*)`")
_LINK = re.compile(r"`(?P<body>[^`<]*?)\s*(?:<[^>]*>)?`__?")
_LITERAL = re.compile(r"``(?P<body>.+?)``")
_EMPHASIS = re.compile(r"\*{1,2}(?P<body>[^*\s][^*]*?)\*{1,2}")
_WORD = re.compile(r"[^\W\d_]{2,}")
_FOOTNOTE = re.compile(r"\[#[\w-]*\]_")  # rendered as a superscript number


def _role(match: re.Match[str]) -> str:
    role, body = match["role"], match["body"]
    label = re.match(r"(?s)(.*?)\s*<[^>]*>$", body)
    body = (label[1] if label else body).lstrip("~!")
    if role == "pep":
        return f"PEP {body}"
    if role in ("issue", "gh"):
        return f"{'bpo' if role == 'issue' else 'gh'}-{body}"
    if label is None and role not in ("ref", "term", "doc"):
        body = body.rsplit(".", 1)[-1] if match["body"].startswith("~") else body
    return body


def render_rst(text: str) -> str:
    """Inline reStructuredText as rendered: roles, literals, links and emphasis become their text."""
    text = _ROLE.sub(_role, text)
    text = _LITERAL.sub(lambda m: m["body"], text)
    text = _LINK.sub(lambda m: m["body"], text)
    text = _EMPHASIS.sub(lambda m: m["body"], text)
    text = _FOOTNOTE.sub("", text).replace("\\ ", "").replace("\\", "")
    return " ".join(text.split())


_PROSE_ROLES = ("ref", "doc", "term")  # their label is prose: :ref:`APIs were removed <anchor>`


def _prose(text: str) -> str:
    """The text without what rST marks as code or reference: what is left to carry a language."""
    text = _ROLE.sub(lambda m: _role(m) if m["role"] in _PROSE_ROLES else " ", text)
    text = _LITERAL.sub(" ", text)
    return text


def _is_code(entry) -> bool:
    text = entry.msgid
    lines = text.splitlines()
    return any(line.lstrip().startswith((">>>", "$ ", "...", "#if", "#define")) for line in lines) or (
        "\n" in text and any(line.startswith("  ") for line in text.splitlines()[1:])
    )


# --- What's New ----------------------------------------------------------------------------


@cache
def _identity_msgids() -> frozenset[str]:
    """msgids some translator kept unchanged: names, credits, code; no language to find."""
    import polib

    same = set()
    for path in WHATSNEW.glob("*/*.po"):
        same.update(e.msgid for e in polib.pofile(str(path)) if e.msgstr and e.msgstr == e.msgid)
    return frozenset(same)


def _kind(text: str, expected: str) -> str:
    if expected == "zxx":
        return "no-language"
    count = len(text.split()) if expected in ("en", "pt", "es", "fr", "de", "it", "ru", "id") else len(text) // 3
    if count <= 4:
        return "short"
    if "(Contributed by" in text or "Contributed by" in text or "Contribution de" in text:
        return "credit"
    return "sentence" if count <= 30 else "paragraph"


def whatsnew_pages(held_out: bool = False) -> list[Page]:
    import polib

    if not WHATSNEW.is_dir():
        raise RuntimeError(f"{WHATSNEW} is missing: the What's New corpus is part of the shared material")
    identity = _identity_msgids()
    pages = []
    for path in sorted(WHATSNEW.glob("*/*.po")):
        relative = f"{path.parent.name}/{path.name}"
        if (relative in WHATSNEW_HELD_OUT) != held_out:
            continue
        lang = path.parent.name.split("_")[0]
        samples = []
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgid or _is_code(entry):
                continue
            translated = bool(entry.msgstr) and "fuzzy" not in entry.flags
            raw = entry.msgstr if translated else entry.msgid
            text = render_rst(raw)
            if not text:
                continue
            kept = render_rst(entry.msgstr) == render_rst(entry.msgid) if translated else entry.msgid in identity
            expected = "zxx" if kept or not _WORD.search(_prose(raw)) else lang if translated else "en"
            samples.append(Sample(f"whatsnew/{relative}", lang, expected, _kind(text, expected), text))
        pages.append(Page(f"whatsnew/{relative}", lang, tuple(samples)))
    return pages


# --- The Debian handbook ------------------------------------------------------------------


def _paragraphs(path: Path) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return [" ".join(div.get_text(" ").split()) for div in soup.select("div.para")]


_IDEOGRAPHIC = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
# Lowercase words (names and URLs say nothing of a language); CJK and Hangul count per character.
_TOKENS = re.compile(rf"[{_IDEOGRAPHIC}]|\b[^\W\d_A-Z{_IDEOGRAPHIC}][^\W\d_{_IDEOGRAPHIC}]+")
_URL = re.compile(r"\S*[/:_=]\S*")  # URLs, paths, options: the same in every edition


def _left_in(text: str, source: str) -> bool:
    """English left in: the en-US paragraph, or its words with only a cross-reference title localised.

    Editions localise the titles of cross-references ("Section 5.2.3, « Sommes de contrôle »")
    even in paragraphs nobody translated, so equality alone would call those translated.
    """
    if text == source:
        return True
    mine = _TOKENS.findall(_URL.sub(" ", text))
    theirs = set(_TOKENS.findall(_URL.sub(" ", source)))
    return bool(mine) and sum(w in theirs for w in mine) / len(mine) >= 0.6


def handbook_pages(held_out: bool = False) -> list[Page]:
    if not (HANDBOOK / "en-US").is_dir():
        raise RuntimeError(
            f"{HANDBOOK} is missing: install the Debian package debian-handbook (`apt-get install debian-handbook`)"
        )
    pages = []
    for name in HANDBOOK_HELD_OUT if held_out else HANDBOOK_DEV:
        english = _paragraphs(HANDBOOK / "en-US" / name)
        for lang, edition in HANDBOOK_EDITIONS.items():
            translated = _paragraphs(HANDBOOK / edition / name)
            if len(translated) != len(english):
                raise RuntimeError(f"{edition}/{name}: {len(translated)} paragraphs, en-US has {len(english)}")
            samples = []
            for source, text in zip(english, translated, strict=True):
                if not text:
                    continue
                expected = "zxx" if not _WORD.search(text) else "en" if _left_in(text, source) else lang
                samples.append(Sample(f"handbook/{edition}/{name}", lang, expected, _kind(text, expected), text))
            pages.append(Page(f"handbook/{edition}/{name}", lang, tuple(samples)))
    return pages


# --- Hand-labelled short blocks -----------------------------------------------------------


def short_block_pages(held_out: bool = False) -> list[Page]:
    """``<lang>.tsv`` (development) and ``<lang>.held-out.tsv``: ``expected<TAB>kind<TAB>text``.

    One file is one page in reading order; ``heading`` rows are section headings, a run of
    ``list`` rows is one list, every other row is a block of its own.
    """
    pages = []
    suffix = ".held-out.tsv" if held_out else ".tsv"
    for path in sorted(SHORT_BLOCKS.glob(f"*{suffix}")):
        if not held_out and path.name.endswith(".held-out.tsv"):
            continue
        lang = path.name.split(".")[0]
        samples = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            expected, kind, text = line.split("\t")
            if expected not in (lang, "en", "zxx"):
                raise ValueError(f"{path}:{number}: expected {expected!r} is not {lang}, en or zxx")
            samples.append(Sample(f"short/{path.name}", lang, expected, kind, text, heading=kind == "heading"))
        pages.append(Page(f"short/{path.name}", lang, tuple(samples)))
    return pages


def all_pages(held_out: bool = False) -> list[Page]:
    return whatsnew_pages(held_out) + handbook_pages(held_out) + short_block_pages(held_out)


# --- Pages as documents ---------------------------------------------------------------------

UNTITLED = "\u2063"  # the title of a section a page opens without heading; not a sample


def page_document(page: Page) -> Document:
    """The page as a chapter, its samples in placement order (``UNTITLED`` headings aside).

    Prose pages (What's New, the handbook) are paragraphs outside any item, as a book's are;
    in hand-labelled pages headings start sections, a run of ``list`` rows is one item and
    every other row is an item of its own.
    """
    if page.name.startswith(("whatsnew/", "handbook/")):
        intro = tuple(Block(BlockKind.PARAGRAPH, s.text, n) for n, s in enumerate(page.samples, 1))
        return Document(page.name, page.lang, (Section(None, Block(BlockKind.HEADING, UNTITLED, 0), blocks=intro),))
    sections: list[Section] = []
    items: list[Item] = []
    heading = Block(BlockKind.HEADING, UNTITLED, 0)
    run: list[Block] = []

    def close_run() -> None:
        if run:
            items.append(Item(len(items) + 1, run[0].line, tuple(run)))
            run.clear()

    def close_section() -> None:
        close_run()
        if heading.text != UNTITLED or items:
            sections.append(Section(str(len(sections) + 1), heading, (Group(None, None, None, tuple(items)),)))
        items.clear()

    for line, sample in enumerate(page.samples, 1):
        if sample.heading:
            close_section()
            heading = Block(BlockKind.HEADING, sample.text, line)
            continue
        listed = sample.kind == "list"
        if run and not (listed and run[0].kind is BlockKind.LIST_ITEM):
            close_run()
        run.append(Block(BlockKind.LIST_ITEM if listed else BlockKind.PARAGRAPH, sample.text, line))
        if not listed:
            close_run()
    close_section()
    chapter = Section(None, Block(BlockKind.HEADING, UNTITLED, 0), sections=tuple(sections))
    return Document(page.name, page.lang, (chapter,))


def samples(pages: list[Page]) -> Iterator[Sample]:
    for page in pages:
        yield from page.samples
