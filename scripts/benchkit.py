"""What the site benchmarks share: the plain-Material control and the measuring.

The control is relnotes' generated files for every language (pages, status, badges, CSS,
copied images) written as static Markdown, each language in a folder of its own with a
plain ``mkdocs.yml`` (Material, search, its language selector, the same Markdown extensions
and navigation, no relnotes plugin), built side by side: a multilingual Material site as
Material documents it. The difference in build time is what the plugin and
relnotes' reading cost.
"""

from __future__ import annotations

import concurrent.futures
import functools
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from relnotes.site.content import SiteContent
from relnotes.site.plugin import material_language
from relnotes.site.publish import build_all

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
nav: {nav}
extra:
  alternate: {alternate}
"""


def plain_project(tmp: Path, project: Path) -> list[tuple[Path, Path]]:
    """(plain mkdocs.yml, where its site goes) for every language of the project."""
    content = SiteContent.load(project)
    shutil.rmtree(tmp / "plain", ignore_errors=True)
    shutil.rmtree(tmp / "plain-site", ignore_errors=True)
    configs = []
    for locale in content.locales:
        folder = tmp / "plain" / locale.posix
        files, _missing = content.files(locale)
        for uri, body in files.items():
            target = folder / "docs" / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(body, Path):
                shutil.copyfile(body, target)
            else:
                target.write_text(body, encoding="utf-8")
        nav = json.dumps(content.nav(locale), ensure_ascii=False)
        # Material's own language selector, as a multilingual Material site has it.
        selector = [
            {"name": loc.display_name(), "link": "/" + content.prefix(loc), "lang": loc.bcp47}
            for loc in content.locales
        ]
        alternate = json.dumps(selector, ensure_ascii=False)
        config = PLAIN.format(language=material_language(locale), nav=nav, alternate=alternate)
        (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
        # Side by side, not nested: built at the same time, the root's build would clean away
        # the others' folders (relnotes stages each language, then moves it into place).
        configs.append((folder / "mkdocs.yml", tmp / "plain-site" / locale.posix))
    return configs


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


def languages_line(project: Path, tmp: Path, count: int, jobs: int, runs: int, relnotes: list[str]) -> str:
    """One line: relnotes against plain Material for ``project``'s languages, ``jobs`` at a time.

    Wall and CPU time (median of ``runs``, taken in turn), and the peak RSS of
    `relnotes site build --jobs` run as a command (``relnotes`` is how to call it).
    """
    site = tmp / f"site{count}"
    configs = plain_project(tmp, project)
    (wall, cpu), (plain_wall, plain_cpu) = paired(
        functools.partial(build_all, project / "mkdocs.yml", site, jobs=jobs),
        functools.partial(plain_build, configs, jobs),
        runs,
    )
    argv = [*relnotes, "site", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site), "--jobs", str(jobs)]
    _wall, peak = peak_rss_mb(argv)
    shutil.rmtree(site, ignore_errors=True)
    return (
        f"{count:>2} language(s), --jobs {jobs}: wall {wall:.2f} s / {plain_wall:.2f} s ({wall / plain_wall:.2f}x), "
        f"CPU {cpu:.2f} s / {plain_cpu:.2f} s ({cpu / plain_cpu:.2f}x), {wall / count:.2f} s per language; "
        f"peak RSS {peak:.0f} MB"
    )
