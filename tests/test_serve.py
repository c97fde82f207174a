"""relnotes site serve: rebuilds on a .po save; a broken .po keeps the last good pages served."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from tests.conftest import po_path, translate
from tests.loopback import fetch, free_port, wait_for
from tests.test_catalogs import XM


@pytest.mark.parametrize("module", ["relnotes.cli site", "mkdocs"])
def test_broken_po_keeps_the_last_good_pages_and_a_fix_is_served(site_project, module):
    port = free_port()
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
        assert wait_for(lambda: fetch(url)[0] == 200), log
        assert XM in fetch(url)[1]
        if module != "mkdocs":  # plain mkdocs serve makes the default language only
            assert fetch(f"http://127.0.0.1:{port}/en/x86/")[0] == 200
            # built for where it is served, so Material maps a language switch to the same page
            assert f'<link rel="canonical" href="http://127.0.0.1:{port}/x86/">' in fetch(url)[1]

        path = po_path(site_project, "pt_BR")
        good = path.read_text(encoding="utf-8")
        lines = good.splitlines()
        number = next(n for n, line in enumerate(lines) if line.startswith("msgstr") and n > 20)
        lines[number] = 'msgstr "quebrado'
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        shown = path.relative_to(site_project)  # paths are shown relative to where the user stands
        message = f"{shown}:{number + 1}: string not closed; end it with a double quote"
        assert wait_for(lambda: any(message in line for line in log)), log
        status, body = fetch(url)
        assert status == 200 and XM in body  # the last good pages stay served

        path.write_text(good, encoding="utf-8")
        translate(site_project, "pt_BR", XM, "Migrar com xm migrate [domain] [dom0 IP address] não funciona.")
        assert wait_for(lambda: "Migrar com xm migrate" in fetch(url)[1]), log
    finally:
        server.terminate()
        server.wait(timeout=10)
