"""Detection throughput on the embedded chapter repeated to 10,000 blocks, per backend.

cold: every copy of the chapter is decided by a fresh detector (empty cache), so each
distinct block is decided afresh, as the first time a chapter is seen. Wall time depends on
what else the machine runs; the CPU-time figure printed beside it does much less. warm: the same
detector decides the same copies again, answering from its cache. One core, one process.

    python scripts/bench_detect.py [--blocks 10000] [--backend langdetect lingua]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from relnotes.detect import LanguageDetector, frequency
from relnotes.read import read_document

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=10_000)
    parser.add_argument("--backend", nargs="+", default=["langdetect", "lingua"])
    args = parser.parse_args()
    document = read_document(ROOT / "sources" / "virtualization.pt_BR.txt")
    per_copy = sum(1 for p in document.placements() if p.block.kind.translatable)
    copies = -(-args.blocks // per_copy)
    blocks = copies * per_copy
    start = time.perf_counter()
    frequency.load(["pt", "en"])  # once per process, like the imports: timed apart, not part of cold
    print(
        f"word-frequency tables (wordfreq: pt, en, fr, de, es): {time.perf_counter() - start:.2f} s, once per process"
    )
    for backend in args.backend:
        LanguageDetector(["pt", "en"], backend=backend)  # imports happen once; not part of any run
        loads = []
        for _ in range(5):  # profile/model loading, reported apart and taken out of cold
            start = time.perf_counter()
            LanguageDetector(["pt", "en"], backend=backend)
            loads.append(time.perf_counter() - start)
        load = statistics.median(loads)
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(copies):
            LanguageDetector(["pt", "en"], backend=backend).decide(document)
        cold = time.perf_counter() - start - load * copies
        cold_cpu = time.process_time() - cpu
        detector = LanguageDetector(["pt", "en"], backend=backend)
        detector.decide(document)
        start = time.perf_counter()
        for _ in range(copies):
            detector.decide(document)
        warm = time.perf_counter() - start
        print(
            f"{backend:<10} {blocks} blocks  load {load * 1000:6.0f} ms  cold {blocks / cold:9.0f} blocks/s  "
            f"warm {blocks / warm:9.0f} blocks/s  warm/cold {cold / warm:5.1f}x  "
            f"(cold on CPU time, load included: {blocks / cold_cpu:.0f} blocks/s)"
        )


if __name__ == "__main__":
    main()
