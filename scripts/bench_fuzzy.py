"""`update`'s fuzzy matching against GNU `msgmerge --previous`, side by side on the same files.

A fully translated catalog of N texts, a new template in which 20% of
the texts changed as releases change them (a word replaced, inserted or dropped, a number
bumped), each changed text's translation gone from the new template. Both tools merge the
same old catalog with the same template: msgmerge in its own process (its figure is its
wall time, and its CPU time apart), relnotes in this one (reading the catalog with polib, merging, rendering the
new catalog). For every changed text: does relnotes suggest the msgstr msgmerge suggests?

Two corpora: ``synthetic`` is the master of ``scripts/make_synthetic.py`` (as the catalog
benchmark uses), whose items repeat the embedded chapter's paragraphs made distinct by a
number, so every changed text has thousands of near-equal candidates (the hard case:
msgmerge's trigram index prunes nothing); ``books`` is the distinct English sentences of
the Debian books installed here (the installation guide and the handbook).

    python scripts/bench_fuzzy.py [--corpus synthetic books] [--blocks 4000 10000] [--share 0.2]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_synthetic import synthetic
from relnotes.catalog.merge import merge
from relnotes.catalog.pofile import read_catalog, render
from relnotes.catalog.template import TemplateEntry

BOOKS = [Path("/usr/share/doc/installation-guide-amd64/en"), Path("/usr/share/doc/debian-handbook/html/en-US")]
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
WORDS = [
    "system",
    "package",
    "network",
    "disk",
    "kernel",
    "user",
    "file",
    "service",
    "release",
    "option",
    "driver",
    "archive",
    "server",
]


def sentences() -> list[str]:
    """Distinct English sentences of 40 to 300 characters, in reading order."""
    found: dict[str, None] = {}
    for folder in BOOKS:
        if not folder.is_dir():
            sys.exit(f"{folder}: not installed; apt-get install installation-guide-amd64 debian-handbook")
        for page in sorted(folder.glob("*.html")):
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            for para in soup.find_all(["p", "div"], class_=lambda c: c in (None, "para")):
                for text in _SENTENCE.split(" ".join(para.get_text().split())):
                    if 40 <= len(text) <= 300:
                        found[text] = None
    return list(found)


def synthetic_texts(size: int) -> list[str]:
    """The synthetic master's item texts, ``size`` of them (each distinct by its number)."""
    lines = synthetic(size + size // 50).splitlines()
    return list(dict.fromkeys(line[4:] for line in lines if line.startswith("  \u2022 ")))[:size]


def changed(text: str, rng: random.Random) -> str:
    """A text as a new release rewrites it: one small edit."""
    words = text.split()
    where = rng.randrange(len(words))
    edit = rng.choice(["replace", "insert", "drop", "number"])
    if edit == "replace":
        words[where] = rng.choice(WORDS)
    elif edit == "insert":
        words.insert(where, rng.choice(WORDS))
    elif edit == "drop" and len(words) > 4:
        del words[where]
    else:
        words.append(f"(version {rng.randint(2, 99)})")
    return " ".join(words)


def catalogs(texts: list[str], share: float, folder: Path) -> tuple[Path, Path, dict[str, str], list[TemplateEntry]]:
    """old.po (every text translated) and new.pot (``share`` of the texts changed)."""
    rng = random.Random(20261201)
    old = polib.POFile()
    old.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "pt_BR"}
    for n, text in enumerate(texts):
        old.append(polib.POEntry(msgid=text, msgstr=f"[pt {n}] {text[::-1]}", occurrences=[(f"doc:{n}", "")]))
    edits: dict[str, str] = {}
    for index in rng.sample(range(len(texts)), int(share * len(texts))):
        new = changed(texts[index], rng)
        if new not in texts and new not in edits:
            edits[new] = texts[index]
    replaced = {old_text: new for new, old_text in edits.items()}
    template = [TemplateEntry(replaced.get(t, t), (f"doc:{n}",), "en", 1.0, "text") for n, t in enumerate(texts)]
    pot = polib.POFile()
    pot.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for entry in template:
        pot.append(polib.POEntry(msgid=entry.msgid, msgstr="", occurrences=[(entry.refs[0], "")]))
    old_path, pot_path = folder / "old.po", folder / "new.pot"
    old.save(str(old_path))
    pot.save(str(pot_path))
    return old_path, pot_path, edits, template


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, nargs="+", default=[4000, 10000])
    parser.add_argument("--share", type=float, default=0.2)
    parser.add_argument("--corpus", nargs="+", default=["synthetic", "books"], choices=["synthetic", "books"])
    args = parser.parse_args()
    for corpus in args.corpus:
        pool = sentences() if corpus == "books" else synthetic_texts(max(args.blocks))
        for size in args.blocks:
            if size > len(pool):
                sys.exit(f"only {len(pool)} distinct {corpus} texts; ask for at most that many")
            bench(corpus, pool[:size], args.share)


def bench(corpus: str, texts: list[str], share: float) -> None:
    """One side-by-side run, printed as one line: both wall times, and how often the suggestions agree."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        old_path, pot_path, edits, template = catalogs(texts, share, folder)
        out = folder / "msgmerge.po"
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(["msgmerge", "--previous", "-q", "-o", str(out), str(old_path), str(pot_path)], check=True)
        theirs_time = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        theirs_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
        cpu = time.process_time()
        start = time.perf_counter()
        old = read_catalog(old_path)
        read = time.perf_counter()
        entries = merge(template, old, "pt")
        merged = time.perf_counter()
        new = polib.POFile()
        for entry in entries:
            new.append(entry)
        render(new)
        ours_time = time.perf_counter() - start
        ours_cpu = time.process_time() - cpu
        theirs = {e.msgid: e.msgstr for e in polib.pofile(str(out)) if not e.obsolete}
        ours = {e.msgid: e.msgstr for e in entries if not e.obsolete}
        same = sum(ours.get(text) == theirs.get(text) for text in edits)
        print(
            f"{corpus:9} {len(texts):6} texts, {len(edits)} changed: msgmerge --previous {theirs_time:7.2f} s; "
            f"relnotes {ours_time:6.2f} s = {100 * ours_time / theirs_time:5.1f}% of it "
            f"(read {read - start:.2f} s, merge {merged - read:.2f} s, render {ours_time - (merged - start):.2f} s); "
            f"same suggestion for {same}/{len(edits)} changed texts ({100 * same / len(edits):.2f}%); "
            f"CPU msgmerge {theirs_cpu:.2f} s, relnotes {ours_cpu:.2f} s = {100 * ours_cpu / theirs_cpu:.1f}% of it",
            flush=True,
        )


if __name__ == "__main__":
    main()
