"""What a block says about where it stands, in a form two languages can compare.

A translation changes the words and keeps the rest: the block's kind and heading level,
its technical tokens (paths, options, URLs, identifiers, numbers: see
:func:`relnotes.detect.mask.technical_tokens`), the targets of its links and the ids the
author gave it, and, within a factor the two languages fix, its length (Gale and Church,
1993). Ids that a toolchain generated (``idm20``, ``id-1.4.5``, ``d0e123``) and the page
names built from them (``ld-idm1389.html``) differ between two builds of one source and
are not evidence at all.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from relnotes.detect.mask import technical_tokens
from relnotes.model import Block, BlockKind

# idm20, id2345, id-1.4.5, d0e123, ld-idm1389, ftn.idm40 (a footnote), N10A3F, _idp1234, id1 (Sphinx), autoid-3
_GENERATED = re.compile(r"^(?:ld-|ftn\.)?(?:idm?|idp|_idp?|d\d+e|autoid|footnote|fn)[-_.]?\d[\d.-]*$", re.IGNORECASE)
_HEX = re.compile(r"^(?=[^\d]*\d)(?:[0-9a-f]{8,}|N[0-9A-F]{3,})$")  # hashes (Asciidoctor, Sphinx), N10A3F
_ASCII = re.compile(r"[A-Za-z0-9_./:+=~-]*[A-Za-z_/=~][A-Za-z0-9_./:+=~-]*")
_NUMBER = re.compile(r"\d+")
# What every kind of technical token needs (mask.py's patterns): a digit, a path, option,
# assignment, identifier, call or scope sign, a dot inside a word, or an inner capital.
# Plain prose has none, and this scan costs a fraction of the full patterns.
_ISSUES = {"PEP", "RFC", "CVE", "bpo", "gh", "GH"}
_MAY_HOLD_TOKENS = re.compile(r"[\d/_=(:]|[A-Za-z]\.[A-Za-z]|-\w|[a-z][A-Z]")
_MARK = re.compile(r"\[\d{1,3}\]|\d{1,3}")  # a footnote mark's words
_FOOTNOTE = re.compile(r"^\[\d+\]\s*|\[\d+\](?=\s|$)")  # footnote marks the toolchain numbered
_LETTER = re.compile(r"[^\W\d_]")
_OTHER_LETTER = re.compile(r"[^\W\d_\x00-\u024f]")  # a letter of another script than Latin
VARIANCE = 6.8  # Gale and Church's variance of a translated length per character of the original
KIND = 8.0  # a paragraph for a list item: the structure disagrees
LEVEL = 3.0  # a section heading for a subsection heading
SAME_ID = 8.0  # both blocks carry the id the author gave them, the same one
OTHER_ID = 3.0
SAME_TEXT = 4.0  # the edition left the block in the original's words
TOKEN = 2.0  # per token found on both sides
LOST_TOKEN = 1.2  # per token found on one side only (translators rename some placeholders)
TOKEN_CAP = 10.0
RENAMED = 60.0  # two tokens this alike (fuzz.ratio) are one, renamed by the translator
CONTRADICTION = 6.0  # both blocks have tokens and share none: nearly as bad as leaving both out
LENGTH_CAP = 12.5


def generated(ident: str | None) -> bool:
    """Whether an id (or a page name) is one a toolchain numbered, not one an author chose."""
    if not ident:
        return True
    stem = ident.rsplit("/", 1)[-1].split("#")[-1]
    stem = stem.removesuffix(".html").removesuffix(".htm")
    return bool(_GENERATED.match(stem) or _HEX.match(stem))


def _fragment_or_url(target: str) -> str | None:
    """A link's evidence: an external address (host and path), else an authored fragment id."""
    if "://" in target or target.startswith("mailto:"):
        parts = urlsplit(target)
        return (parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/")) or None
    fragment = target.partition("#")[2]
    return None if generated(fragment) else fragment.lower()


def _footnote_marks(block: Block) -> tuple[str, frozenset[str]]:
    """The block's text without its footnote marks, and the marks: links to a generated id whose words are a number.

    A toolchain numbers the footnotes (``mice[21]``, Sphinx's ``[1]``): an edition with a
    footnote less or more numbers every later one differently, so a number that differs
    says nothing, while the same number says as much as any token found again.
    """
    text, marks = block.text, set()
    for link in block.links:
        mark = link.text.strip()
        if _MARK.fullmatch(mark) and generated(link.target.partition("#")[2]):
            # The mark follows the words it annotates: the last "[1]" or lone 1 (not the 1 of 12).
            found = [m.start() for m in re.finditer(rf"(?<!\d){re.escape(mark)}(?!\d)", text)]
            if found:
                text = f"{text[: found[-1]]} {text[found[-1] + len(mark) :]}"
            marks.add(mark.strip("[]"))
    return text, frozenset(marks)


def tokens(text: str) -> frozenset[str]:
    """Invariant tokens: technical tokens by their ASCII runs, URLs by host, and numbers."""
    found = set()
    # Tokens hold no space ("PEP 563" aside): the patterns run on the words that may hold one.
    words = [w for w in text.split() if _MAY_HOLD_TOKENS.search(w) or w in _ISSUES]
    for token in technical_tokens(" ".join(words)) if words else ():
        if "://" in token:
            found.add(urlsplit(token).netloc.lower().removeprefix("www."))
            continue
        for part in _ASCII.findall(token):  # "15ist", "バージョン11": keep the ASCII runs
            part = part.strip(".:-/").lower()
            if len(part) >= 3 and not part.isdigit():
                found.add(part)
    numbered = _FOOTNOTE.sub("", text)  # "[15] Under the SysV init…": a generated footnote number
    found.update(number for number in _NUMBER.findall(numbered) if number != "0")
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The comparable facts of one block."""

    kind: BlockKind
    level: int  # section depth for a heading, nesting for a list entry
    length: int
    tokens: frozenset[str]
    targets: frozenset[str]  # external addresses and authored fragment ids it links to
    ident: str | None  # the id its author gave it (a heading's section id), None if generated
    text: str
    lower: str
    latin: bool  # written in Latin letters: an edition's text left in English is as long as English
    marks: frozenset[str] = frozenset()  # its footnote marks' numbers, which are not among its tokens

    @classmethod
    def of(cls, block: Block, level: int) -> Evidence:
        targets = frozenset(t for link in block.links if (t := _fragment_or_url(link.target)))
        ident = None if generated(block.anchor) else block.anchor
        text = block.text
        latin = len(_OTHER_LETTER.findall(text)) <= 0.1 * len(_LETTER.findall(text))
        unmarked, marks = _footnote_marks(block) if block.links else (text, frozenset())
        return cls(block.kind, level, len(text), tokens(unmarked), targets, ident, text, text.lower(), latin, marks)


def _found(mine: frozenset[str], theirs: frozenset[str], text: str) -> int:
    """How many of ``mine`` the other side carries: as a token, inside its text (``package1`` in prose),
    around one of its tokens (``master.debian.org.este``: a translation glued a word to it), or
    renamed (``sources.list.d/filename.list`` as ``sources.list.d/nome-do-arquivo.list``: 60%
    alike by msgmerge's measure)."""
    return sum(
        1
        for token in mine
        if token in theirs
        or token in text
        or any(other in token or fuzz.ratio(token, other, score_cutoff=RENAMED) for other in theirs)
    )


@dataclass(frozen=True, slots=True)
class Scorer:
    """Scores a pair in log-odds units: positive is evidence for, negative against.

    ``ratios`` is the edition's length per character of the original, for edition
    blocks in Latin letters and for the others (a Japanese edition is about half as long
    in characters as its English, except where it left the English in).
    """

    ratios: tuple[float, float]
    variances: tuple[float, float] | None = None  # per character of the original; None: Gale and Church's

    def length(self, a: Evidence, b: Evidence) -> float:
        """Gale and Church: the edition's length is normal around the original's times the ratio."""
        expected = max(a.length, 1)
        ratio = self.ratios[b.latin]
        variance = self.variances[b.latin] if self.variances else VARIANCE * ratio * ratio
        delta = (b.length - ratio * expected) / math.sqrt(variance * expected)
        return -min(delta * delta / 2, LENGTH_CAP)

    def tokens(self, a: Evidence, b: Evidence) -> tuple[float, int, int]:
        """Score, tokens shared (footnote marks numbered alike among them), tokens on one side only."""
        marks = len(a.marks & b.marks)
        unmarked = abs(len(a.marks) - len(b.marks))  # a footnote on one side only; renumbered ones are neutral
        if not a.tokens and not b.tokens:
            return min(TOKEN * marks, TOKEN_CAP) - min(LOST_TOKEN * unmarked, TOKEN_CAP), marks, unmarked
        mine = _found(a.tokens, b.tokens, b.lower)
        theirs = _found(b.tokens, a.tokens, a.lower)
        shared = max(mine, theirs) if a.tokens and b.tokens else 0
        lost = (len(a.tokens) - mine) + (len(b.tokens) - theirs) + unmarked
        if a.tokens and b.tokens and not shared and not marks:
            return -CONTRADICTION, 0, lost
        shared += marks
        return max(min(TOKEN * shared, TOKEN_CAP) - min(LOST_TOKEN * lost, TOKEN_CAP), -TOKEN_CAP), shared, lost

    def structure(self, a: Evidence, b: Evidence) -> float:
        score = 0.0
        if a.kind != b.kind:
            score -= KIND
        elif a.level != b.level:
            score -= LEVEL
        if a.ident and b.ident:
            score += SAME_ID if a.ident == b.ident else -OTHER_ID
        if a.targets and b.targets:
            shared = len(a.targets & b.targets)
            score += min(TOKEN * shared, TOKEN_CAP) if shared else -TOKEN
        if a.text == b.text:
            score += SAME_TEXT
        return score

    def score(self, a: Evidence, b: Evidence) -> float:
        """The sum of the evidence; a text left in the original's words is not measured against the ratio."""
        length = 0.0 if a.text == b.text else self.length(a, b)
        return self.structure(a, b) + self.tokens(a, b)[0] + length


MEDIAN_CHI2 = 0.455  # the median of a squared standard normal: a robust variance from a median


def length_variances(
    original: list[Evidence], edition: list[Evidence], pairs: list[tuple[int, int]], ratios: tuple[float, float]
) -> tuple[float, float]:
    """How much the edition's lengths vary around the ratio, per character of the original, from the anchors.

    Translators of some languages vary more than Gale and Church's French and German
    (a Japanese sentence may say in 30 characters or in 60 what English says in 100);
    never less than theirs, scaled by the ratio.
    """
    variances = []
    for latin in (False, True):
        ratio = ratios[latin]
        floor = VARIANCE * ratio * ratio
        spread = sorted(
            (edition[j].length - ratio * original[i].length) ** 2 / max(original[i].length, 1)
            for i, j in pairs
            if edition[j].latin is latin and original[i].text != edition[j].text
        )
        variances.append(max(spread[len(spread) // 2] / MEDIAN_CHI2, floor) if len(spread) >= 20 else floor)
    return variances[0], variances[1]


def length_ratios(
    original: list[Evidence], edition: list[Evidence], pairs: list[tuple[int, int]]
) -> tuple[float, float]:
    """The edition's characters per character of the original, for other scripts and for Latin.

    Measured on the given pairs (the anchors) where there are enough, else over the whole
    documents; 1.0 when nothing can be measured.
    """
    whole = sum(e.length for e in edition) / max(sum(e.length for e in original), 1) or 1.0
    ratios = []
    for latin in (False, True):
        chosen = [(original[i].length, edition[j].length) for i, j in pairs if edition[j].latin is latin]
        mine, theirs = sum(a for a, _ in chosen), sum(b for _, b in chosen)
        ratios.append(theirs / mine if len(chosen) >= 10 and mine and theirs else whole)
    return ratios[0], ratios[1]
