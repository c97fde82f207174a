"""Wall time of `relnotes update` and `relnotes status`, start-up included, one process each.

On the embedded chapter (2 languages), then on a synthetic master of 10,000 blocks with
3 site languages (pt_BR, en, es). "first" writes every catalog; "again" finds nothing
changed and writes no byte.

    python scripts/bench_catalog.py [--blocks 10000]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_synthetic import synthetic

ROOT = Path(__file__).resolve().parent.parent
RELNOTES = [sys.executable, "-m", "relnotes.cli"]


def timed(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([*RELNOTES, *args], check=True, capture_output=True)
    return time.perf_counter() - start


def bench(label: str, root: Path) -> None:
    first = timed("update", "-C", str(root))
    again = timed("update", "-C", str(root))
    status = timed("status", "-C", str(root))
    print(f"{label:<34} update first {first:6.2f} s   update again {again:6.2f} s   status {status:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=10_000)
    args = parser.parse_args()
    print(f"start-up alone: {timed('--help'):.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        chapter = Path(tmp) / "chapter"
        shutil.copytree(ROOT / "sources", chapter / "sources")
        bench("embedded chapter, 2 languages", chapter)
        big = Path(tmp) / "big"
        (big / "sources").mkdir(parents=True)
        (big / "sources" / "synthetic.pt_BR.txt").write_text(synthetic(args.blocks), encoding="utf-8")
        (big / "relnotes.toml").write_text('languages = ["pt_BR", "en", "es"]\n', encoding="utf-8")
        bench(f"synthetic {args.blocks} blocks, 3 languages", big)


if __name__ == "__main__":
    main()
