"""Preview latency: seconds from saving one .po edit to the served page showing it.

A 3-language site (pt_BR master, en, de) of a synthetic chapter of --blocks blocks (made
by make_synthetic.py from the embedded chapter's paragraphs), its catalogs written by
`relnotes update`. Served, in turn, by:

- the code of --before (a git revision, default the commit this work started from; its
  src/, mkdocs.yml, overrides/ and docs/ taken with `git archive`, put first on PYTHONPATH):
  every language rebuilt on every save, today's figure;
- the code here with ``partial=False``: every language rebuilt (what a master edit costs);
- the code here: the saved catalog's language alone.

Each run edits one pt_BR entry shown on the x86 page and polls that page until it shows
the edit; the time from the save to then is printed. Saves are PAUSE seconds apart, as a
writer's are: a save that comes while the other languages' status pages are still being
refreshed (about 0.5 s each, after the page is served) waits for the one being built.

    python scripts/bench_serve.py [--blocks 1200] [--runs 5] [--before 7d5e861]
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

from make_synthetic import synthetic

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.loopback import fetch, free_port

ROOT = Path(__file__).resolve().parent.parent
PAUSE = 3.0  # seconds between a page showing one save and the next save
SERVE = "import sys; from relnotes.site.serve import serve; serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]){})"


def make_project(tmp: Path, blocks: int, code: Path | None = None) -> Path:
    """The project; with ``code`` (an older checkout), with its mkdocs.yml, overrides/ and docs/."""
    project = tmp / ("before" if code else "now")
    (project / "sources").mkdir(parents=True)
    (project / "sources" / "synthetic.pt_BR.txt").write_text(synthetic(blocks), encoding="utf-8")
    (project / "relnotes.toml").write_text('languages = ["pt_BR", "en", "de"]\n', encoding="utf-8")
    shutil.copy((code or ROOT) / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("overrides", "docs"):
        if code and (code / folder).is_dir():
            shutil.copytree(code / folder, project / folder)
    update = [sys.executable, "-m", "relnotes.cli", "update", "-C", str(project)]
    subprocess.run(update, check=True, capture_output=True)
    return project


def old_code(tmp: Path, revision: str) -> Path:
    code = tmp / "code"
    code.mkdir()
    names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", revision], capture_output=True, text=True)
    wanted = [n for n in ("src", "mkdocs.yml", "overrides", "docs") if n in names.stdout.split()]
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, *wanted], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(code)], input=archive.stdout, check=True)
    return code


def measure(project: Path, runs: int, *, partial: bool | None, code: Path | None = None) -> list[float]:
    """``partial`` None: the old code's serve(), which takes no such argument."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if code:
        env["PYTHONPATH"] = str(code / "src")
    argument = "" if partial is None else f", partial={partial}"
    server = subprocess.Popen(
        [sys.executable, "-c", SERVE.format(argument), str(project / "mkdocs.yml"), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    url = f"http://127.0.0.1:{port}/x86/"
    po = project / "locales" / "pt_BR" / "LC_MESSAGES" / "release-notes.po"
    try:
        deadline = time.monotonic() + 120
        while not fetch(url)[1] and time.monotonic() < deadline:
            time.sleep(0.2)
        page = fetch(url)[1]
        catalog = polib.pofile(str(po))
        # an English block of the x86 page: its translation will appear there
        entry = next(e for e in catalog if html.escape(e.msgid, quote=False) in page and not e.msgstr)
        times = []
        for run in range(runs):
            time.sleep(PAUSE)  # a writer's pace: the previous save's status pages are done
            catalog = polib.pofile(str(po))
            marker = f"Tradução {run} {time.time_ns()}"
            catalog.find(entry.msgid).msgstr = marker
            start = time.perf_counter()
            catalog.save(str(po))
            while marker not in fetch(url)[1] and time.perf_counter() - start < 60:
                time.sleep(0.02)
            times.append(time.perf_counter() - start)
        return times
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: serve() removes its temporary folder
        server.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=1200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", default="7d5e861", help="the git revision to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        code = old_code(Path(tmp), args.before)
        before = make_project(Path(tmp), args.blocks, code)
        now = make_project(Path(tmp), args.blocks)
        blocks = len(polib.pofile(str(now / "locales" / "release-notes.pot")))
        print(f"3 languages (pt_BR, en, de), {args.blocks} blocks written, {blocks} entries; {args.runs} saves")
        rows = [
            (f"{args.before}: every language", before, None, code),
            ("now, every language (partial=False)", now, False, None),
            ("now: the saved language alone", now, True, None),
        ]
        for label, project, partial, source in rows:
            times = measure(project, args.runs, partial=partial, code=source)
            shown = " ".join(f"{t:.2f}" for t in times)
            load = os.getloadavg()[0]
            print(f"{label:<38} median {statistics.median(times):.2f} s  (runs: {shown}; load {load:.1f})")


if __name__ == "__main__":
    main()
