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
import concurrent.futures
import functools
import multiprocessing
import os
import resource
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
from mkdocs.commands.build import build
from mkdocs.config import load_config

from relnotes.site.content import SiteContent
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
PLAIN = """site_name: Release Notes
site_url: https://relnotes.example.org/
theme:
  name: material
  language: {language}
  font: false
plugins:
  - search
markdown_extensions:
  - attr_list
  - toc:
      permalink: true
"""


def project_copy(tmp: Path, name: str) -> Path:
    target = tmp / name
    for item in ("sources", "locales", "overrides", "docs"):
        shutil.copytree(ROOT / item, target / item)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def plain_project(tmp: Path, project: Path = ROOT) -> list[tuple[Path, Path]]:
    """The generated pages of every language as static Markdown, one plain config each."""
    from relnotes.site.plugin import material_language

    content = SiteContent.load(project)
    configs = []
    for locale in content.locales:
        folder = tmp / "plain" / locale.posix
        files, _missing = content.files(locale)
        for uri, body in files.items():
            (folder / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
            (folder / "docs" / uri).write_text(body, encoding="utf-8")
        (folder / "mkdocs.yml").write_text(PLAIN.format(language=material_language(locale)), encoding="utf-8")
        # Side by side, not nested: built at the same time, the root's build would clean away
        # the others' folders (relnotes stages each language, then moves it into place).
        configs.append((folder / "mkdocs.yml", tmp / "plain-site" / locale.posix))
    return configs


def wall_and_cpu(action) -> tuple[float, float]:
    """Wall seconds, and CPU seconds of this process and its (reaped) child processes."""
    before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    start = time.perf_counter()
    action()
    wall = time.perf_counter() - start
    after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, before, strict=True))
    return wall, cpu


def paired(mine, theirs, runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median (wall, CPU) of each, run in turn so that a busy machine slows both alike."""
    ours, plain = [], []
    for _ in range(runs):
        ours.append(wall_and_cpu(mine))
        plain.append(wall_and_cpu(theirs))

    def median(pairs: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)

    return median(ours), median(plain)


def plain_build(configs: list[tuple[Path, Path]], jobs: int = 1) -> None:
    if jobs == 1:
        for config_file, site_dir in configs:
            _plain_one(config_file, site_dir)
        return
    context = multiprocessing.get_context("fork")  # as relnotes does: children start with the imports
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        list(pool.map(_plain_one, *zip(*configs, strict=True)))


def _plain_one(config_file: Path, site_dir: Path) -> None:
    build(load_config(str(config_file), site_dir=str(site_dir)))


def tree_rss_mb(pid: int) -> float:
    """The RSS of a process and all its descendants, in MB (Linux /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text().split()
        except OSError:
            continue  # ended while we looked
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        rss[int(entry.name)] = int(statm[1]) * os.sysconf("SC_PAGE_SIZE")
    tree, todo = set(), [pid]
    while todo:
        current = todo.pop()
        tree.add(current)
        todo += [child for child, parent in parents.items() if parent == current and child not in tree]
    return sum(rss.get(p, 0) for p in tree) / 2**20


def peak_rss_mb(argv: list[str]) -> tuple[float, float]:
    """Run a command; return its wall time and the peak RSS of its process tree."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, tree_rss_mb(process.pid))
        time.sleep(0.01)
    if process.returncode:
        raise SystemExit(f"{' '.join(argv)} failed ({process.returncode})")
    return time.perf_counter() - start, peak


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
        configs = plain_project(tmp)
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
            project = languages_project(tmp, count)
            site = tmp / f"site{count}"
            shutil.rmtree(tmp / "plain", ignore_errors=True)
            shutil.rmtree(tmp / "plain-site", ignore_errors=True)
            configs = plain_project(tmp, project)
            (wall, cpu), (plain_wall, plain_cpu) = paired(
                functools.partial(build_all, project / "mkdocs.yml", site, jobs=args.jobs),
                functools.partial(plain_build, configs, args.jobs),
                args.runs,
            )
            argv = [*RELNOTES, "site", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
            _wall, peak = peak_rss_mb([*argv, "--jobs", str(args.jobs)])
            print(
                f"{count:>2} language(s): wall {wall:.2f} s / {plain_wall:.2f} s ({wall / plain_wall:.2f}x), "
                f"CPU {cpu:.2f} s / {plain_cpu:.2f} s ({cpu / plain_cpu:.2f}x), {wall / count:.3f} s per language; "
                f"peak RSS {peak:.0f} MB"
            )
        print(f"load average while measuring: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

        rebuilds = serve_rebuild(tmp, args.runs)
        print(
            "serve, one-entry .po edit to page served: "
            + ", ".join(f"{t:.2f} s" for t in rebuilds)
            + f" (median {statistics.median(rebuilds):.2f} s)"
        )


if __name__ == "__main__":
    main()
