"""The stored tree is served only while nothing it was read from has changed."""

from __future__ import annotations

import os
import shutil

from relnotes.cache import cached, reader_code
from relnotes.read import read_document
from tests.conftest import CHAPTER, ROOT

BOOK = ROOT / "tests" / "fixtures" / "read" / "book-chain.en"


def test_tree_is_read_once_then_served_until_the_master_changes(tmp_path):
    master = tmp_path / "virtualization.pt_BR.txt"
    shutil.copy(CHAPTER, master)
    calls = []

    def reader(path):
        calls.append(path)
        return read_document(path)

    first = cached(master, tmp_path / "cache", "document", reader_code(), reader)
    again = cached(master, tmp_path / "cache", "document", reader_code(), reader)
    assert again == first and calls == [master]
    assert len(list((tmp_path / "cache").glob("document.*.pickle"))) == 1

    master.write_text(master.read_text(encoding="utf-8").replace("Virtualization", "Virtualização", 1), "utf-8")
    os.utime(master, ns=(1, 1))  # even with an old time stamp, the size changed
    changed = cached(master, tmp_path / "cache", "document", reader_code(), reader)
    assert changed.heading.text == "Virtualização" and len(calls) == 2
    assert len(list((tmp_path / "cache").glob("document.*.pickle"))) == 1  # the old tree is gone


def test_a_damaged_cache_is_only_a_cache(tmp_path):
    master = tmp_path / "virtualization.pt_BR.txt"
    shutil.copy(CHAPTER, master)
    cached(master, tmp_path / "cache", "document", reader_code(), read_document)
    for stored in (tmp_path / "cache").glob("*.pickle"):
        stored.write_bytes(b"not a pickle")
    assert cached(master, tmp_path / "cache", "document", reader_code(), read_document) == read_document(master)


def test_a_tree_stored_from_another_folder_names_its_source_as_this_command_does(tmp_path, monkeypatch):
    """Stored by a command run inside the project, read by one run outside it (``-C``)."""
    from relnotes.project import Project

    (tmp_path / "proj" / "sources").mkdir(parents=True)
    shutil.copytree(BOOK, tmp_path / "proj" / "sources" / BOOK.name)
    monkeypatch.chdir(tmp_path / "proj")
    assert Project.load(".").documents()[0].source == f"sources/{BOOK.name}"
    monkeypatch.chdir(tmp_path)
    assert Project.load("proj").documents()[0].source == f"proj/sources/{BOOK.name}"
