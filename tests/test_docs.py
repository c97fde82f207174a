"""The documentation a user navigates: the README as a front page, the manual as a site.

The manual is built as ``make docs`` builds it (the Makefile's own recipe, into a temporary
folder): strict, with MkDocs' link and anchor validation set to warn, so a broken link,
a missing anchor or a page left out of the navigation fails it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from relnotes.track.check import REGISTRY
from tests.conftest import ROOT

README = ROOT / "README.md"
MANUAL = ROOT / "manual"
BIN = Path(sys.executable).parent
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
CODE = re.compile(r"`[^`\n]*`")


ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": f"{BIN}:/usr/bin:/bin"}


def make_docs(out: Path, manual: Path = MANUAL) -> subprocess.CompletedProcess[str]:
    """The Makefile's docs recipe as written, into ``out`` (the test's environment, no setup)."""
    command = ["make", "--no-print-directory", "-C", ROOT, "-o", "setup", "docs", f"BIN={BIN}", f"MANUAL={out}"]
    command.append(f"MANUAL_CONFIG={manual / 'mkdocs.yml'}")
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=ENV)


def built_page(page: str) -> str:
    """Where MkDocs writes a page (directory URLs): ``a/b.md`` -> ``a/b/index.html``."""
    stem = page.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def pages(manual: Path) -> list[str]:
    return sorted(str(p.relative_to(manual / "docs")) for p in (manual / "docs").rglob("*.md"))


def test_make_docs_builds_every_page_of_the_manual_with_no_warning(tmp_path):
    built = tmp_path / "manual"
    done = make_docs(built)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stderr
    for page in pages(MANUAL):
        assert (built / built_page(page)).is_file(), page
    # the CI page shows the example workflow itself, not a copy that could drift from it
    ci_page = (built / "ci" / "index.html").read_text(encoding="utf-8")
    assert "include-hidden-files" in ci_page and "relnotes site assemble -d site" in ci_page
    # the screenshots the pages show are in the built manual
    assert (built / "screenshots" / "overview.pt_BR.jpg").is_file()
    assert (built / "screenshots" / "handbook-apt.pt_BR.jpg").is_file()


def test_a_broken_link_a_missing_anchor_or_a_page_left_out_fails_the_manual_build(tmp_path):
    copy = tmp_path / "manual"
    shutil.copytree(MANUAL, copy, symlinks=True)
    (copy / "docs" / "screenshots").unlink()
    (copy / "docs" / "screenshots").symlink_to(ROOT / "screenshots")
    with (copy / "docs" / "limits.md").open("a", encoding="utf-8") as page:
        page.write("\n[gone](gone.md) [anchor](cli.md#no-such-anchor) [here](#nowhere)\n")
    (copy / "docs" / "orphan.md").write_text("# Not in the navigation\n", encoding="utf-8")
    done = make_docs(tmp_path / "out", copy)
    assert done.returncode != 0  # make docs itself fails: nothing hides the warnings from strict mode
    warnings = [line for line in done.stderr.splitlines() if line.startswith("WARNING")]
    expected = [
        "'gone.md', but the target is not found among documentation files",
        "'#nowhere', but there is no such anchor on this page",
        "'cli.md#no-such-anchor', but the doc 'cli.md' does not contain an anchor '#no-such-anchor'",
        'not included in the "nav" configuration:\n  - orphan.md',
    ]
    assert len(warnings) == len(expected), done.stderr
    for message in expected:
        assert message in done.stderr, message


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading (the README is read there)."""
    text = CODE.sub(lambda m: m.group(0).strip("`"), heading).strip().lower()
    text = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LN")
    return text.replace(" ", "-")


def anchors(markdown: Path) -> set[str]:
    text = FENCE.sub("", markdown.read_text(encoding="utf-8"))
    return {github_anchor(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.*?)\s*#*$", text, re.MULTILINE)}


def links(markdown: Path) -> list[str]:
    text = CODE.sub("", FENCE.sub("", markdown.read_text(encoding="utf-8")))
    return LINK.findall(text)


def test_the_readme_is_a_front_page_of_at_most_12000_characters():
    text = README.read_text(encoding="utf-8")
    assert len(text) <= 12_000, f"README.md has {len(text)} characters; move detail into manual/docs/"


def test_every_relative_link_of_the_readme_resolves():
    targets = [t for t in links(README) if not re.match(r"[a-z][a-z0-9+.-]*:", t)]
    manual_pages = [t for t in targets if t.startswith("manual/docs/")]
    assert len(manual_pages) >= 8, "the front page links into the manual"
    for target in targets:
        path, _, anchor = target.partition("#")
        file = (ROOT / path) if path else README
        assert file.exists(), f"README.md links to {target}, which does not exist"
        if anchor:
            assert file.suffix == ".md", target
            assert anchor in anchors(file), f"README.md links to {target}: no such heading"


def test_the_anchor_rule_is_githubs():
    assert github_anchor("Five minutes in your own repository") == "five-minutes-in-your-own-repository"
    assert github_anchor("The two commands: `make site`, `make test`") == "the-two-commands-make-site-make-test"
    assert github_anchor("Limits, known (today)") == "limits-known-today"


def test_every_check_relnotes_runs_is_in_the_checks_reference():
    page = (MANUAL / "docs" / "checks.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning) \|", page, re.MULTILINE))
    assert documented == {name: severity for name, severity, _check in REGISTRY}
