"""Accuracy of language detection on the labelled corpus, per language and kind, for each backend.

The corpus is real material (Python What's New catalogs, the Debian handbook's editions) and
hand-labelled short blocks; see ``tests/corpus.py`` for how each block's truth is known.
``--held-out`` measures the part held out while tuning (looked at once, to find kinds of
error); ``--fresh`` the short blocks written after tuning and never tuned on; ``--book`` the
paragraphs of every other handbook page in ten editions; ``--wrong N`` lists mistakes.

    python scripts/accuracy.py [--backend langdetect lingua] [--held-out | --fresh | --book] [--wrong 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus import all_pages
from tests.scoring import Tally, measure


def _row(name: str, tally: Tally) -> str:
    neutral = f"{tally.neutral_rate:7.1%}" if tally.neutral else "      -"
    return (
        f"  {name:<12} {tally.total:6d}  {tally.accuracy:7.2%}  "
        f"{tally.false_alarms:4d} ({tally.false_alarm_rate:5.1%} of {tally.native:5d} native)  "
        f"{tally.misses:4d} of {tally.english:5d} English  zxx {neutral} of {tally.neutral:4d}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", nargs="+", default=["langdetect", "lingua"])
    part = parser.add_mutually_exclusive_group()
    part.add_argument("--held-out", action="store_true")
    part.add_argument("--fresh", action="store_true", help="the short blocks written after tuning")
    part.add_argument("--book", action="store_true", help="the paragraphs of every other handbook page")
    parser.add_argument("--wrong", type=int, default=0, help="list this many mistakes")
    args = parser.parse_args()
    part = "held-out" if args.held_out else "fresh" if args.fresh else "book" if args.book else "development"
    pages = all_pages(part)
    for backend in args.backend:
        start = time.perf_counter()
        scores = measure(pages, backend)
        took = time.perf_counter() - start
        print(f"{backend}, {part} corpus, {scores.overall.total} blocks in {took:.1f} s")
        print("  slice         blocks  accuracy  false alarms                 misses             no language")
        print(_row("all", scores.overall))
        for title, table in (("language", scores.by_language), ("kind", scores.by_kind), ("source", scores.by_source)):
            print(f" by {title}")
            for name in sorted(table):
                print(_row(name, table[name]))
        print("  bases: " + ", ".join(f"{b} {n}" for b, n in scores.bases.most_common()))
        for sample, lang, basis in scores.wrong[: args.wrong]:
            print(f"    {sample.page} expected {sample.expected} got {lang} ({basis}): {sample.text[:110]!r}")
        print()


if __name__ == "__main__":
    main()
