"""Site build cost: relnotes against plain Material, per language count, and serve rebuilds.

1. The embedded site built by `relnotes site build` (its 2 languages, one at a time),
   against a plain Material build (no relnotes plugin) of the very same pages written as
   static Markdown, one build per language too. Median of --runs, in one process.
2. The same with 1, 2, 4, 8 and 26 site languages (the 26 locales of the Debian handbook;
   a language without a catalog shows every block as not translated yet, as an empty
   catalog would), `--jobs 2` against plain Material built 2 languages at a time in 2
   processes too, run in turn: the cost should grow linearly and stay within 1.3x plain
   Material. Wall time and CPU time (this process and its children; less swayed by other
   work on a shared machine) are both printed. Peak memory is the largest sum of RSS over
   the process tree of `relnotes site build --jobs 2` run as a command, sampled every 10 ms.
3. Under `relnotes site serve`: seconds from saving a one-entry .po edit to the new text
   being served.

    python scripts/bench_site.py [--runs 3] [--counts 1,2,4,8,26]
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import polib

from benchkit import languages_line, paired, plain_build, plain_project
from relnotes.site.publish import build_all

# The Debian Administrator's Handbook's 26 editions, master's locale (pt_BR) first.
DEBIAN = [
    *("pt_BR", "en_US", "ar_MA", "ca_ES", "cs_CZ", "da_DK", "de_DE", "el_GR", "es_ES", "fa_IR", "fr_FR", "hr_HR"),
    *("id_ID", "it_IT", "ja_JP", "ko_KR", "nb_NO", "nl_NL", "pl_PL", "ro_RO", "ru_RU", "sv_SE", "tr_TR", "vi_VN"),
    *("zh_CN", "zh_TW"),
]

ROOT = Path(__file__).resolve().parent.parent
RELNOTES = [sys.executable, "-m", "relnotes.cli"]
XM = "Migrating paravirtualized guests through xm migrate [domain] [dom0 IP address] does not work."


def project_copy(tmp: Path, name: str) -> Path:
    target = tmp / name
    for item in ("sources", "locales"):
        shutil.copytree(ROOT / item, target / item)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def languages_project(tmp: Path, count: int) -> Path:
    project = project_copy(tmp, f"langs{count}")
    (project / "relnotes.toml").write_text(f"languages = {DEBIAN[:count]!r}\n".replace("'", '"'), encoding="utf-8")
    return project


def serve_rebuild(tmp: Path, runs: int) -> list[float]:
    project = project_copy(tmp, "serve")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "relnotes.cli",
            "site",
            "serve",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(project / "mkdocs.yml"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/x86/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 60
        while not page() and time.monotonic() < deadline:
            time.sleep(0.1)
        times = []
        po = project / "locales" / "pt_BR" / "LC_MESSAGES" / "release-notes.po"
        for run in range(runs):
            catalog = polib.pofile(str(po))
            catalog.find(XM).msgstr = f"Tradução {run}: migrar com xm migrate [domain] [dom0 IP address]."
            start = time.perf_counter()
            catalog.save(str(po))
            while f"Tradução {run}:" not in page() and time.perf_counter() - start < 30:
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
        return times
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--counts", type=lambda v: [int(x) for x in v.split(",")], default=[1, 2, 4, 8, 26])
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        configs = plain_project(tmp, ROOT)
        (relnotes, _cpu), (plain, _plain_cpu) = paired(
            functools.partial(build_all, ROOT / "mkdocs.yml", tmp / "site"),
            functools.partial(plain_build, configs),
            args.runs,
        )
        print(
            f"embedded site, 2 languages, one at a time: relnotes {relnotes:.2f} s, plain Material {plain:.2f} s "
            f"({relnotes / plain:.2f}x), median of {args.runs}"
        )

        print(
            f"languages, --jobs {args.jobs}, relnotes against plain Material, median of {args.runs} taken in turn: "
            "wall s (ratio), CPU s of the process tree (ratio), wall s per language; peak RSS of the tree"
        )
        for count in args.counts:
            print(languages_line(languages_project(tmp, count), tmp, count, args.jobs, args.runs, RELNOTES))
        print(f"load average while measuring: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

        rebuilds = serve_rebuild(tmp, args.runs)
        print(
            "serve, one-entry .po edit to page served: "
            + ", ".join(f"{t:.2f} s" for t in rebuilds)
            + f" (median {statistics.median(rebuilds):.2f} s)"
        )


if __name__ == "__main__":
    main()
