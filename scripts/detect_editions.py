"""Language detection on the dev books' editions, with the truth po4a and gettext give for free.

An edition built from the English original by po4a or Sphinx gettext keeps an untranslated
block identical to the original's. So a block of the edition whose text is not in the
English edition is taken as native, and one of at least four words that is identical as
English; the detector is asked for each. The truth is noisy one way: English left in with a
translated cross-reference or localised quotes inside ("The first upload … (see Neue
Pakete) must …") counts as native, so "flagged English" is an upper bound of false alarms;
``--wrong`` lists them to look at.

    python scripts/detect_editions.py [NAME …] [--wrong 10]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.shelf import Edition, editions

from relnotes.detect import LanguageDetector
from relnotes.locales import LocaleId
from relnotes.read import read_document

_WORDS = re.compile(r"[^\W\d_]{2,}")


def _original(edition: Edition, found: list[Edition]) -> Edition | None:
    """The English edition of the same book."""
    for other in found:
        english = other.locale == "en" or other.path.name in {"en", "developers-reference"}
        english = english or (other.path.is_file() and other.path.parent.name == "en")
        if other.book == edition.book and english:
            return other
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="editions whose name holds one of these")
    parser.add_argument("--wrong", type=int, default=0)
    args = parser.parse_args()
    found = editions()
    for edition in found:
        original = _original(edition, found)
        if original is None or original is edition or edition.book == "handbook":
            continue
        if args.only and not any(o in edition.name for o in args.only):
            continue
        english = {p.block.text for p in read_document(original.path, locale=original.locale).placements()}
        document = read_document(edition.path, locale=edition.locale)
        page = LocaleId.parse(document.locale).language
        decisions = LanguageDetector([page, "en"]).decide(document)
        native = flagged = left = missed = 0
        wrong = []
        for placement, decision in zip(document.placements(), decisions, strict=True):
            text = placement.block.text
            if decision.lang is None:
                continue
            if text not in english:
                native += 1
                if decision.lang == "en":
                    flagged += 1
                    wrong.append(("native flagged en", text))
            elif len(_WORDS.findall(text)) >= 4:
                left += 1
                if decision.lang == page:
                    missed += 1
                    wrong.append(("English read as native", text))
        print(
            f"{edition.name:34} native {native:5}  flagged en {flagged:3} ({100 * flagged / max(native, 1):5.2f}%)"
            f"  English left {left:5}  missed {missed:3} ({100 * missed / max(left, 1):5.2f}%)"
        )
        for what, text in wrong[: args.wrong]:
            print(f"    {what}: {text[:110]!r}")


if __name__ == "__main__":
    main()
