"""A mutation loop over the readers' inputs: text masters, HTML pages, book folders, catalogs.

Each input is a real seed (a fixture of the project) cut, repeated, spliced with tokens
that readers treat specially (tags, bullets, numbering, PO keywords, entities, invalid
bytes, charsets) or with bytes flipped. A reader may refuse an input (one line: a
:class:`~relnotes.errors.RelnotesError`); any other exception is a traceback, a bug.
Inputs are small and read in this process, so tens of thousands fit in seconds.
"""

from __future__ import annotations

import random
import shutil
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from relnotes.errors import RelnotesError

TOKENS = [
    # markup a page reader handles specially
    b"<h1>",
    b"</h1>",
    b"<h2 class='title'>",
    b"<h6>",
    b"<li>",
    b"</li>",
    b"<ul>",
    b"</ul>",
    b"<ol>",
    b"<dl>",
    b"<dt>",
    b"<dd>",
    b"<table><tr><td>",
    b"</td></tr></table>",
    b"<pre>",
    b"</pre>",
    b"<p>",
    b"</p>",
    b'<div class="para">',
    b'<div class="note">',
    b'<div class="figure">',
    b"</div>",
    b"<img src=x>",
    b'<img src="../../etc/passwd">',
    b'<a href="images%2F..%2F..%2Fx.html">',
    b'<a href="#x">',
    b"</a>",
    b'<link rel="next" href="../x.html" />',
    b'<link rel="next" href="index.html" />',
    b"<br>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"<script>",
    b"</script>",
    b'<meta charset="latin-1">',
    b'<meta charset="utf-8">',
    b'<html lang="">',
    b'<div lang="xx-QQ">',
    b"&amp;",
    b"&#0;",
    b"&#x110000;",
    b"&nbsp;",
    # text masters: numbering, bullets, indentation, architectures
    b"6.",
    b"6.1. ",
    b"6.1.1. All Architectures\n",
    b"\n  \xe2\x80\xa2 ",
    b"\n    ",
    b"\n\n\n",
    b"\t",
    # catalogs
    b'msgid "',
    b'msgstr "',
    b'msgid_plural "',
    b'msgstr[0] "',
    b'msgctxt "',
    b"#, fuzzy\n",
    b"#~ ",
    b"#: ",
    b'"\n"',
    b'\\"',
    b"\\",
    b'""',
    b"\n#. lang: en 1.00\n",
    # bytes
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xe2\x80",
    b"\r",
    b"\r\n",
    b"\xef\xbb\xbf",
    b"\x1b",
    b"\xed\xa0\x80",
]


def mutate(data: bytes, chance: random.Random, rounds: int = 3) -> bytes:
    """A few edits of ``data``: a span cut, repeated or moved, a token spliced in, a byte changed."""
    for _ in range(chance.randint(1, rounds)):
        size = len(data)
        at = chance.randint(0, size)
        end = min(size, at + chance.choice((1, 2, 8, 32, 200)))
        action = chance.randrange(7)
        if action == 0:
            data = data[:at] + data[end:]
        elif action == 1:
            data = data[:at] + data[at:end] * chance.randint(2, 6) + data[end:]
        elif action in (2, 3):
            data = data[:at] + chance.choice(TOKENS) + data[at:]
        elif action == 4 and size:
            data = data[:at] + bytes([chance.randrange(256)]) + data[at + 1 :]
        elif action == 5:
            other = chance.randint(0, size)
            data = data[:other] + data[at:end] + data[other:]
        else:
            data = data[:at]  # truncated
    return data


@dataclass
class Outcome:
    """What one reader made of its inputs."""

    reader: str
    inputs: int = 0
    refused: int = 0  # one-line errors (RelnotesError)
    tracebacks: list[tuple[int, str]] = field(default_factory=list)  # (input number, last frames)
    seconds: float = 0.0


def run(
    reader: str,
    make: Callable[[random.Random, int], Path],
    read: Callable[[Path], object],
    *,
    seed: int,
    at_least: int,
    budget: float,
) -> Outcome:
    """Read mutated inputs until ``at_least`` were read and ``budget`` seconds have passed
    (whichever comes later); record every traceback with the input number that reproduces it."""
    chance = random.Random(seed)
    outcome = Outcome(reader)
    start = time.perf_counter()
    while outcome.inputs < at_least or time.perf_counter() - start < budget:
        path = make(chance, outcome.inputs)
        outcome.inputs += 1
        try:
            read(path)
        except RelnotesError:
            outcome.refused += 1
        except Exception:  # a traceback: the bug this loop looks for
            frames = traceback.format_exc().strip().splitlines()
            outcome.tracebacks.append((outcome.inputs, " | ".join(frames[-3:])))
    outcome.seconds = time.perf_counter() - start
    return outcome


def write(path: Path, data: bytes) -> Path:
    """Replace a file (or a link left by an earlier input) with ``data``."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    path.write_bytes(data)
    return path


def book(folder: Path, pages: dict[str, bytes], chance: random.Random, outside: Path) -> Path:
    """A book folder made from mutated pages, with links, missing pages, loops and a huge page."""
    folder.mkdir(exist_ok=True)
    for entry in folder.iterdir():  # what the last input's shape left (rmtree per input costs more)
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        elif entry.name not in pages or entry.is_symlink():
            entry.unlink()
    names = list(pages)
    for name, data in pages.items():
        (folder / name).write_bytes(mutate(data, chance) if chance.random() < 0.7 else data)
    shape = chance.randrange(10)
    victim = folder / chance.choice(names[1:] or names)
    if shape == 0:
        victim.unlink()  # a page the chain names is missing
    elif shape == 1:
        victim.unlink()
        victim.symlink_to(outside)  # a page that is a link out of the book
    elif shape == 2:
        victim.unlink()
        victim.symlink_to(victim.name)  # a link to itself
    elif shape == 3:
        (folder / "images").symlink_to(".")  # a folder link loop
        (folder / "loop").symlink_to("loop")
    elif shape == 4:
        victim.unlink()
        victim.mkdir()  # a page that is a folder
    elif shape == 5 and chance.random() < 0.01:
        victim.write_bytes(victim.read_bytes() + b"<p>" + b"word " * 200_000 + b"</p>")  # a 1 MB page
    return folder


def limit(data: bytes, size: int) -> bytes:
    """Inputs are kept small: the loop's strength is their number."""
    return data[:size]
