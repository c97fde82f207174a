"""A docs team's own repository, end to end, with relnotes installed from its wheel.

The wheel is built from this checkout, installed into a fresh virtual environment in a
temporary folder outside it (pip takes the dependencies from its cache), and used as a
team would: init, a master and a published edition, update, import, status, queue, check,
site build and serve. Chromium then reads the served site: the page language, the language
switch to the same page, and the markers.
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import switch_language
from tests.conftest import ROOT
from tests.loopback import fetch, free_port, wait_for
from tests.test_import import PARAS, PT, edition_html, original_html

pytestmark = pytest.mark.slow

UNTRANSLATED = PARAS[3][0]  # the edition leaves this paragraph in English


def _run(*argv: str, cwd: Path, env: dict[str, str], ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode in ok, f"{argv}: {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """relnotes' wheel, installed into a virtual environment of its own; its bin/ folder."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    _run(
        sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(source), cwd=tmp, env=env
    )
    (wheel,) = (tmp / "dist").glob("relnotes-*.whl")
    venv = tmp / "venv"
    _run(getattr(sys, "_base_executable", sys.executable), "-m", "venv", str(venv), cwd=tmp, env=env)
    # the versions CI tests, as a team would pin them: the lock's exact versions as constraints
    pins = re.findall(r"^([A-Za-z0-9][\w.-]*==\S+) \\$", (ROOT / "requirements.lock").read_text(), re.MULTILINE)
    (tmp / "constraints.txt").write_text("\n".join(pins) + "\n", encoding="utf-8")
    _run(
        str(venv / "bin" / "python"),
        "-m",
        "pip",
        "install",
        "-q",
        "-c",
        str(tmp / "constraints.txt"),
        str(wheel),
        cwd=tmp,
        env=env,
    )
    return venv / "bin"


def test_a_fresh_docs_repository_from_init_to_the_served_site(installed, tmp_path, browser):
    relnotes = str(installed / "relnotes")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"PATH": f"{installed}:{env['PATH']}", "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    repo = tmp_path / "manual"
    repo.mkdir()
    # the installed relnotes, not this checkout's
    where = _run(str(installed / "python"), "-c", "import relnotes; print(relnotes.__file__)", cwd=repo, env=env)
    assert not where.stdout.startswith(str(ROOT))

    out = _run(relnotes, "init", "--languages", "en,pt_BR", "--site-name", "Manual", cwd=repo, env=env).stdout
    assert "wrote mkdocs.yml" in out and "wrote relnotes.toml" in out
    (repo / "sources" / "guide.en.html").write_text(original_html(), encoding="utf-8")
    published = tmp_path / "published"
    published.mkdir()
    (published / "guide.pt_BR.html").write_text(edition_html([*PT[:3], UNTRANSLATED]), encoding="utf-8")

    _run(relnotes, "update", cwd=repo, env=env)
    imported = _run(relnotes, "import", str(published / "guide.pt_BR.html"), "--locale", "pt_BR", cwd=repo, env=env)
    assert imported.stdout
    status = _run(relnotes, "status", "pt_BR", "--json", cwd=repo, env=env).stdout
    assert '"locale": "pt_BR"' in status
    queue = _run(relnotes, "queue", "pt_BR", cwd=repo, env=env).stdout
    assert UNTRANSLATED[:40] in queue  # the one paragraph the edition left in English is waiting
    check = _run(relnotes, "check", cwd=repo, env=env, ok=(0, 1))
    assert check.stdout.splitlines()[-1].endswith("warning(s)")
    built = _run(relnotes, "site", "build", cwd=repo, env=env)
    assert built.stdout.startswith("built 2 languages")
    assert not (repo / "locales" / ".lock").exists()
    assert sorted(p.name for p in repo.iterdir()) == [
        ".gitignore",
        "build",
        "locales",
        "mkdocs.yml",
        "relnotes.toml",
        "site",
        "sources",
    ]  # no overrides/, no docs/

    # the same site as this checkout's code builds from the same repository
    from relnotes.site.publish import build_all

    build_all(repo / "mkdocs.yml", tmp_path / "here")
    compared = filecmp.dircmp(repo / "site", tmp_path / "here")
    assert (compared.left_only, compared.right_only) == ([], [])
    for page in ("index.html", "pt-br/index.html", "status/index.html", "pt-br/status/index.html"):
        assert (repo / "site" / page).read_bytes() == (tmp_path / "here" / page).read_bytes(), page

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [relnotes, "site", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=repo,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert wait_for(lambda: fetch(f"{base}/pt-br/")[0] == 200, 120)
        page = browser.new_page()
        page.goto(f"{base}/pt-br/", wait_until="load")
        assert page.locator("html").get_attribute("lang") == "pt-BR"
        marker = page.locator(".relnotes-marker--untranslated").first
        expect(marker).to_have_text("Ainda não traduzido")
        assert page.locator("p", has_text=UNTRANSLATED[:40]).count() >= 1
        expect(page.locator("h1")).to_contain_text("Ferramentas de pacotes")
        page.goto(f"{base}/pt-br/status/", wait_until="load")  # livereload keeps a request open: never "networkidle"
        expect(page.locator("h1")).to_contain_text("Situação da tradução")
        switch_language(page, "en", f"{base}/status/")  # the same page in English, not the English home page
        assert page.locator("html").get_attribute("lang") == "en"
        expect(page.locator("h1")).to_contain_text("Translation status")
        page.close()
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=60)
    assert server.returncode == 143, err
    assert list((tmp_path / "tmp").iterdir()) == []  # serve left no temporary folder
