"""Wall time and peak RSS of `relnotes import` of one Debian Administrator's Handbook edition.

A temporary project has the en-US edition as its master (a symlink to the
``debian-handbook`` package's folder, never a copy) and 5 site languages. The initial
`relnotes update` is timed apart; then one edition is imported into a fresh copy of the
catalogs, several times (the median is the figure), each in its own process, start-up
included, with its CPU time (which a busy machine does not inflate); "again" re-imports
into the filled catalog and writes no byte.

    python scripts/bench_import.py [--edition pt-BR] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HANDBOOK = Path("/usr/share/doc/debian-handbook/html")
RELNOTES = [sys.executable, "-m", "relnotes.cli"]


def run(*args: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one relnotes process.

    ``wait4`` gives that child's own usage (``RUSAGE_CHILDREN`` would mix in the update's).
    """
    start = time.perf_counter()
    child = subprocess.Popen([*RELNOTES, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        sys.exit(f"relnotes {' '.join(args)}: exit {child.returncode}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", default="pt-BR", help="a folder of the handbook (default pt-BR)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not (HANDBOOK / "en-US").is_dir():
        sys.exit(f"{HANDBOOK}: not installed; apt-get install debian-handbook")
    locale = args.edition.replace("-", "_")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "handbook"
        (root / "sources").mkdir(parents=True)
        (root / "sources" / "handbook.en").symlink_to(HANDBOOK / "en-US")
        languages = ", ".join(f'"{x}"' for x in dict.fromkeys(["en", "pt_BR", "de_DE", "ja_JP", "ar_MA", locale]))
        (root / "relnotes.toml").write_text(f'languages = [{languages}]\nsource_language = "en"\n', encoding="utf-8")
        seconds, _, _ = run("update", "-C", str(root))
        print(f"initial update (not counted): {seconds:.2f} s")
        fresh = Path(tmp) / "fresh-locales"
        shutil.copytree(root / "locales", fresh)
        times, cpus = [], []
        for _ in range(args.runs):
            shutil.rmtree(root / "locales")
            shutil.copytree(fresh, root / "locales")
            seconds, cpu, peak = run("import", str(HANDBOOK / args.edition), "--locale", locale, "-C", str(root))
            times.append(seconds)
            cpus.append(cpu)
        again, _, _ = run("import", str(HANDBOOK / args.edition), "--locale", locale, "-C", str(root))
        runs = ", ".join(f"{t:.2f}" for t in times)
        print(
            f"import {args.edition}: median {statistics.median(times):.2f} s wall ({runs}), "
            f"{statistics.median(cpus):.2f} s CPU; "
            f"again {again:.2f} s; peak RSS {peak:.0f} MB"
        )


if __name__ == "__main__":
    main()
