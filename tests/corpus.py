"""The labelled development corpus: real text whose language is known without asking a detector.

Three sources, each with a truth that comes from the material itself, never from a detector:

- Python "What's New" catalogs (``/work/shared/corpus/python-whatsnew``): a translated, not
  fuzzy entry shows its msgstr in the page's language; an untranslated or fuzzy one shows the
  English msgid; an entry whose msgstr equals its msgid, or whose text is only reStructuredText
  roles and literals, has no language (``zxx``). This is the corpus README's rule as written:
  an untranslated credit or name is English, as a reader of the page sees it.
- The Debian handbook's editions (Debian package ``debian-handbook``): the same page has the
  same ``div.para`` positions in every edition; a paragraph equal to the en-US one is English
  left in, a different one is in the edition's language.
- Hand-labelled short blocks (``tests/fixtures/short_blocks/*.tsv``, read by
  ``tests/corpus_pages.py``): headings, list entries, notices, credits, names, written in the
  style of real localized pages.

Each page becomes a ``Document`` (``corpus_pages.page_document``) so that the detector decides
it as it decides a chapter, context included.
"""

from __future__ import annotations

import re
import zlib
from functools import cache
from pathlib import Path

from tests.corpus_pages import PARTS, UNTITLED, Page, Sample, page_document, samples, short_block_pages

__all__ = ["LANGUAGES", "PARTS", "UNTITLED", "Page", "Sample", "all_pages", "page_document", "samples"]

WHATSNEW = Path("/work/shared/corpus/python-whatsnew")
HANDBOOK = Path("/usr/share/doc/debian-handbook/html")
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


# --- reStructuredText as a reader sees it -------------------------------------------------

_ROLE = re.compile(r":(?P<role>[\w:+-]+):`(?P<body>[^`]*)`")
_LINK = re.compile(r"`(?P<body>[^`<]*?)\s*(?:<[^>]*>)?`__?")
_LITERAL = re.compile(r"``(?P<body>.+?)``")
_EMPHASIS = re.compile(r"\*{1,2}(?P<body>[^*\s][^*]*?)\*{1,2}")
# A natural word: two letters, or one lowercase letter standing alone ("e" in "cgi e cgitb.").
_WORD = re.compile(r"[^\W\d_]{2,}|(?<!\S)[^\W\d_A-Z](?![^\s.,;:!?])")
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
            kept = translated and render_rst(entry.msgstr) == render_rst(entry.msgid)
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


def handbook_pages(held_out: bool = False, names: tuple[str, ...] | None = None) -> list[Page]:
    """The paragraphs of the development pages, the held-out ones, or of ``names``."""
    if not (HANDBOOK / "en-US").is_dir():
        raise RuntimeError(
            f"{HANDBOOK} is missing: install the Debian package debian-handbook (`apt-get install debian-handbook`)"
        )
    pages = []
    for name in names or (HANDBOOK_HELD_OUT if held_out else HANDBOOK_DEV):
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


# --- The handbook's short blocks ------------------------------------------------------------

# Headings, sidebar titles (NOTE, TIP …), terms, list entries, table cells and captions.
_SHORT = (
    "h1.title, h2.title, h3.title, h4.title, h5.title, h6.title, div.sidebar p.title, dt span.term, "
    "div.itemizedlist li p, div.orderedlist li p, table td, table th, div.table p.title, div.figure p.title"
)
_SHORT_KINDS = {"h": "heading", "p": "title", "s": "term", "t": "cell"}
_NUMBER = re.compile(r"^(?:[A-Z]|\d+)(?:\.\d+)*\.\s+")  # "6.3.1. ", "A.9. ": the section number
SHORT_LABELS = Path(__file__).parent / "fixtures" / "handbook_short_labels.tsv"
SHORT_MAX_WORDS = 6


TITLE_LABELS = Path(__file__).parent / "fixtures" / "handbook_title_labels.tsv"
_CAPTION = re.compile(r"^\S+\s+[A-Z]?\d+(?:\.\d+)*\.\s+")  # "Figura 4.11. ", "표 6.1. "


def _rest(element, text: str) -> str | None:
    """A title without what Publican writes for every edition: a sidebar's label, a caption's number."""
    label = element.select_one("span.emphasis") if element.find_parent("div", class_="sidebar") else None
    if label is not None:
        prefix = " ".join(label.get_text(" ").split())
        return text[len(prefix) :].strip() if text.startswith(prefix) else None
    caption = _CAPTION.match(text) if element.find_parent("div", class_=("figure", "table")) else None
    return text[caption.end() :] if caption else None


def _short_blocks(path: Path) -> list[tuple[str, str, str | None]]:
    """(kind, text, rest of a title) of every short-block element, in order, section numbers dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    found = []
    for element in soup.select(_SHORT):
        text = _NUMBER.sub("", " ".join(element.get_text(" ").split()))
        if element.name.startswith("h"):
            kind = "heading"
        elif element.name == "p" and element.find_parent("li"):
            kind = "list"
        else:
            kind = _SHORT_KINDS.get(element.name[0], "cell")
        found.append((kind, text, _rest(element, text)))
    return found


def _labels(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """en-US text -> (en or zxx, languages in which the same text is also native)."""
    labels = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line:
            continue
        label, native, text = line.split("\t")
        if label not in ("en", "zxx"):
            raise ValueError(f"{path}:{number}: label {label!r} is not en or zxx")
        labels[text] = (label, frozenset() if native == "-" else frozenset(native.split(",")))
    return labels


def _short_truth(lang: str, edition: str, source: tuple[str, str, str | None], text: str, rest: str | None) -> str:
    """Translated: the edition's language; left identical: as labelled by hand (``SHORT_LABELS``).

    A title whose label or caption number alone was translated ("KOSAKATA Freeze: the home
    straight", "Figura 4.11. Editing/creating a partition") is what its rest is, as labelled
    by hand (``TITLE_LABELS``): English left in, or the edition's language around a name.
    """
    if not _WORD.search(text):
        return "zxx"
    if text != source[1]:
        if rest is None or rest != source[2]:
            return lang
        label, native = _title_labels().get(rest) or _missing(TITLE_LABELS, rest, edition)
        return "en" if label == "en" and lang not in native else lang
    label, native = _short_labels().get(text) or _missing(SHORT_LABELS, text, edition)
    return lang if lang in native else label


def _missing(path: Path, text: str, edition: str):
    raise RuntimeError(f"{path}: no label for {text!r} (left identical in {edition})")


@cache
def _short_labels() -> dict[str, tuple[str, frozenset[str]]]:
    return _labels(SHORT_LABELS)


@cache
def _title_labels() -> dict[str, tuple[str, frozenset[str]]]:
    return _labels(TITLE_LABELS)


def _held_out(name: str) -> bool:
    """A third of the handbook's pages, chosen by name, not by content."""
    return zlib.crc32(name.encode()) % 3 == 0


def handbook_short_pages(held_out: bool = False) -> list[Page]:
    """Every page's short blocks, in each edition: translated ones are the edition's language;
    one left identical to en-US is labelled by hand (``SHORT_LABELS``): English, no language,
    or native where the edition's language writes the same text."""
    pages = []
    for path in sorted((HANDBOOK / "en-US").glob("*.html")):
        if _held_out(path.name) != held_out or path.name in HANDBOOK_DEV + HANDBOOK_HELD_OUT:
            continue
        english = _short_blocks(path)
        for lang, edition in HANDBOOK_EDITIONS.items():
            translated = _short_blocks(HANDBOOK / edition / path.name)
            if len(translated) != len(english):
                raise RuntimeError(f"{edition}/{path.name}: {len(translated)} short blocks, en-US has {len(english)}")
            samples = []
            for source, (_, text, rest) in zip(english, translated, strict=True):
                if not text or len(source[1].split()) > SHORT_MAX_WORDS:
                    continue
                expected = _short_truth(lang, edition, source, text, rest)
                name = f"handbook-short/{edition}/{path.name}"
                samples.append(Sample(name, lang, expected, source[0], text, source[0] == "heading"))
            pages.append(Page(f"handbook-short/{edition}/{path.name}", lang, tuple(samples)))
    return pages


def book_pages() -> list[Page]:
    """The paragraphs of every other handbook page in the ten editions (27,420): the book as a
    reader meets it, measured apart (``scripts/accuracy.py --book``), never tuned on."""
    if not (HANDBOOK / "en-US").is_dir():
        handbook_pages()  # says what to install
    names = tuple(
        sorted(p.name for p in (HANDBOOK / "en-US").glob("*.html") if p.name not in HANDBOOK_DEV + HANDBOOK_HELD_OUT)
    )
    return handbook_pages(names=names)


def all_pages(part: str = "development", held_out: bool = False) -> list[Page]:
    """Every page of a part; the fresh part is hand-written short blocks only, the book part
    the handbook's paragraphs."""
    part = "held-out" if held_out else part
    if part == "fresh":
        return short_block_pages("fresh")
    if part == "book":
        return book_pages()
    held = part == "held-out"
    return whatsnew_pages(held) + handbook_pages(held) + handbook_short_pages(held) + short_block_pages(part)
