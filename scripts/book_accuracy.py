"""Accuracy of language detection on the hand-labelled samples of the installed dev books.

``--draw BOOK`` prints a new fixed-seed sample of a book's blocks to label (EDITION, PAGE,
NTH, then a blank LABEL column, then TEXT), never the detector's answer, so that the person
labelling is not led by it. Without it, each book's labelled sample (tests/fixtures/book_labels)
is decided the way ``relnotes inspect`` decides it and scored: accuracy, native blocks flagged
as untranslated, English missed, and with ``--wrong`` each mistake.

    python scripts/book_accuracy.py [--book installation-guide ...] [--backend lingua] [--wrong]
    python scripts/book_accuracy.py --draw kicad > tests/fixtures/book_labels/kicad.tsv
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.book_labels import EDITIONS, draw, escape, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", nargs="+", choices=sorted(EDITIONS), default=sorted(EDITIONS))
    parser.add_argument("--backend", default="langdetect", choices=["langdetect", "lingua"])
    parser.add_argument("--draw", choices=sorted(EDITIONS), help="print a new sample of this book to label")
    parser.add_argument("--size", type=int, default=150, help="blocks drawn per book")
    parser.add_argument("--wrong", action="store_true", help="list every mistake")
    args = parser.parse_args()
    if args.draw:
        for b in draw(args.draw, args.size, args.backend):
            print(f"{b.edition}\t{b.page}\t{b.nth}\t\t{escape(b.text)}")
        return
    print(f"{args.backend}: book       labelled  accuracy  native flagged en      English missed  zxx right")
    for book in args.book:
        start = time.perf_counter()
        result = score(book, args.backend)
        t = result.tally
        print(
            f"  {book:<22} {t.total:4d}  {t.accuracy:7.2%}  "
            f"{t.false_alarms:3d} of {t.native:3d} ({t.false_alarm_rate:4.1%})"
            f"  {t.misses:3d} of {t.english:3d}  {t.neutral_right:3d} of {t.neutral:3d}"
            f"  ({time.perf_counter() - start:.1f} s)"
        )
        if result.missing:
            print(f"    {len(result.missing)} labelled block(s) no longer read: {result.missing[0].text[:80]!r} ...")
        if args.wrong:
            for label, lang, basis in result.wrong:
                print(
                    f"  {label.edition}/{label.page} expected {label.label} got {lang} ({basis}): {label.text[:90]!r}"
                )


if __name__ == "__main__":
    main()
