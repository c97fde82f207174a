"""Talking to a server a test started on loopback: a free port, `relnotes site serve`, a page's
status and text, waiting."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    """The page's status and text; (0, "") while nothing answers there yet."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except OSError:
        return 0, ""


def wait_for(condition: Callable[[], object], seconds: float = 30.0) -> bool:
    """Whether ``condition`` came true within ``seconds`` (checked every 0.1 s)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def relnotes_serve(project: Path, tmp: Path) -> tuple[subprocess.Popen, int]:
    """``relnotes site serve`` of ``project`` on a free port, its temporary folders in ``tmp``
    (to check it leaves none); stderr piped, as the tests read what it says."""
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmp), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "relnotes.cli", "site", "serve", "-a", f"127.0.0.1:{port}", "-C", str(project)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env), port
