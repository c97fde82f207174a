"""relnotes site serve: rebuilds on a .po save; a broken .po keeps the last good pages served."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from tests.conftest import po_path, translate
from tests.test_catalogs import XM


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except OSError:
        return 0, ""


def _wait(condition, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("module", ["relnotes.cli site", "mkdocs"])
def test_broken_po_keeps_the_last_good_pages_and_a_fix_is_served(site_project, module):
    port = _free_port()
    url = f"http://127.0.0.1:{port}/x86/"
    if module == "mkdocs":  # MkDocs itself refuses a missing docs_dir before the plugin runs
        (site_project / "docs").mkdir()
    command = [
        sys.executable,
        "-m",
        *module.split(),
        "serve",
        "-a",
        f"127.0.0.1:{port}",
        "-f",
        str(site_project / "mkdocs.yml"),
    ]
    server = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=site_project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    log: list[str] = []
    reader = threading.Thread(target=lambda: log.extend(iter(server.stderr.readline, "")), daemon=True)
    reader.start()
    try:
        assert _wait(lambda: _get(url)[0] == 200), log
        assert XM in _get(url)[1]
        if module != "mkdocs":  # plain mkdocs serve makes the default language only
            assert _get(f"http://127.0.0.1:{port}/en/x86/")[0] == 200
            # built for where it is served, so Material maps a language switch to the same page
            assert f'<link rel="canonical" href="http://127.0.0.1:{port}/x86/">' in _get(url)[1]

        path = po_path(site_project, "pt_BR")
        good = path.read_text(encoding="utf-8")
        lines = good.splitlines()
        number = next(n for n, line in enumerate(lines) if line.startswith("msgstr") and n > 20)
        lines[number] = 'msgstr "quebrado'
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        shown = path.relative_to(site_project)  # paths are shown relative to where the user stands
        message = f"{shown}:{number + 1}: string not closed; end it with a double quote"
        assert _wait(lambda: any(message in line for line in log)), log
        status, body = _get(url)
        assert status == 200 and XM in body  # the last good pages stay served

        path.write_text(good, encoding="utf-8")
        translate(site_project, "pt_BR", XM, "Migrar com xm migrate [domain] [dom0 IP address] não funciona.")
        assert _wait(lambda: "Migrar com xm migrate" in _get(url)[1]), log
    finally:
        server.terminate()
        server.wait(timeout=10)
