"""Shared fixtures: the embedded chapter, read once per session (reading is pure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from relnotes.read import read_document

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = ROOT / "sources" / "virtualization.pt_BR.txt"
HTML = ROOT / "tests" / "fixtures" / "virtualization.pt_BR.html"
LABELS = ROOT / "tests" / "fixtures" / "virtualization.pt_BR.labels"


@pytest.fixture(scope="session")
def chapter():
    document, stray = read_document(CHAPTER)
    assert stray == []
    return document


@pytest.fixture(scope="session")
def html_chapter():
    document, stray = read_document(HTML)
    assert stray == []
    return document


def labels() -> list[tuple[str, str, str]]:
    rows = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, place, start = line.split("\t")
            rows.append((lang, place, start))
    return rows
