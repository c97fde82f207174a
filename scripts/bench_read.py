"""Reading time and peak memory against input size: is the reader linear?

Writes synthetic chapters (the embedded chapter's sections repeated under new numbers)
of the given sizes, reads each in a fresh process, prints wall time and peak RSS.

    python scripts/bench_read.py [--mb 5 50]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import resource, sys, time
from relnotes.read import read_document
start = time.perf_counter()
document = read_document(sys.argv[1])
elapsed = time.perf_counter() - start
items = sum(1 for _ in document.items())
print(f"{elapsed:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} {items}")
"""


def synthetic(target_bytes: int) -> str:
    text = (ROOT / "sources" / "virtualization.pt_BR.txt").read_text(encoding="utf-8")
    head, rest = text.split("\n6.1. ", 1)
    body = "6.1. " + rest.split("Red Hat logo", 1)[0]
    parts, size, copy = [head, "\n"], len(head.encode()), 0
    while size < target_bytes:
        copy += 1
        chunk = re.sub(r"^6\.(\d)", lambda m, base=copy * 10: f"6.{base + int(m.group(1))}", body, flags=re.MULTILINE)
        parts.append(chunk)
        size += len(chunk.encode())
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[5, 50])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.mb:
            path = Path(tmp) / "big.pt_BR.txt"
            path.write_text(synthetic(int(mb * 1024 * 1024)), encoding="utf-8")
            out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
            seconds, rss, items = out.stdout.split()
            size = path.stat().st_size / 1024 / 1024
            print(f"{size:6.1f} MB  {items:>7} items  read {seconds} s  peak RSS {rss} MB")


if __name__ == "__main__":
    main()
