"""The stored tree is served only while nothing it was read from has changed."""

from __future__ import annotations

import os
import shutil

from relnotes.read import read_document
from relnotes.read.cache import read_cached
from tests.conftest import CHAPTER


def test_tree_is_read_once_then_served_until_the_master_changes(tmp_path):
    master = tmp_path / "virtualization.pt_BR.txt"
    shutil.copy(CHAPTER, master)
    calls = []

    def reader(path):
        calls.append(path)
        return read_document(path)

    first = read_cached(master, tmp_path / "cache", reader)
    again = read_cached(master, tmp_path / "cache", reader)
    assert again == first and calls == [master]
    assert len(list((tmp_path / "cache").glob("virtualization.*.pickle"))) == 1

    master.write_text(master.read_text(encoding="utf-8").replace("Virtualization", "Virtualização", 1), "utf-8")
    os.utime(master, ns=(1, 1))  # even with an old time stamp, the size changed
    changed = read_cached(master, tmp_path / "cache", reader)
    assert changed.heading.text == "Virtualização" and len(calls) == 2
    assert len(list((tmp_path / "cache").glob("virtualization.*.pickle"))) == 1  # the old tree is gone


def test_a_damaged_cache_is_only_a_cache(tmp_path):
    master = tmp_path / "virtualization.pt_BR.txt"
    shutil.copy(CHAPTER, master)
    read_cached(master, tmp_path / "cache", read_document)
    for stored in (tmp_path / "cache").glob("*.pickle"):
        stored.write_bytes(b"not a pickle")
    assert read_cached(master, tmp_path / "cache", read_document) == read_document(master)
