"""Property: random edits of the master and repeated updates never drop a translation."""

from __future__ import annotations

import shutil

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relnotes.catalog.update import update
from relnotes.project import Project
from tests.conftest import ROOT

LINES = (ROOT / "sources" / "virtualization.pt_BR.txt").read_text(encoding="utf-8").splitlines()
BODY = [n for n, line in enumerate(LINES) if line.startswith("  ") and line.strip() and n < 110]

operation = st.one_of(
    st.tuples(st.just("delete"), st.sampled_from(BODY)),
    st.tuples(st.just("edit"), st.sampled_from(BODY)),
    st.tuples(st.just("restore"), st.sampled_from(BODY)),
)


def _msgstrs(root) -> set[str]:
    found = set()
    for path in (root / "locales").rglob("*.po"):
        found |= {e.msgstr for e in polib.pofile(str(path)) if e.msgstr}
    return found


def _translate_everything(root, round_number: int) -> set[str]:
    """A translator clears the whole queue, so that every later edit hits a translation."""
    written = set()
    for path in sorted((root / "locales").rglob("*.po")):
        catalog = polib.pofile(str(path))
        for entry in catalog:
            if not entry.obsolete and not entry.msgstr:
                entry.msgstr = f"T{round_number}: {entry.msgid[:30]}"
                written.add(entry.msgstr)
        catalog.save(str(path))
    return written


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(operation, min_size=1, max_size=4), min_size=1, max_size=3))
def test_no_translation_ever_disappears(tmp_path_factory, rounds):
    root = tmp_path_factory.mktemp("p")
    shutil.copytree(ROOT / "sources", root / "sources")
    shutil.copytree(ROOT / "locales", root / "locales")
    lines = list(LINES)
    written: set[str] = set()
    project = Project.load(root)
    for round_number, ops in enumerate(rounds):
        written |= _translate_everything(root, round_number)
        for op, arg in ops:
            if op == "delete":
                lines[arg] = ""
            elif op == "edit" and lines[arg]:
                lines[arg] = lines[arg].rstrip() + " revisado"
            elif op == "restore":
                lines[arg] = LINES[arg]
        (root / "sources" / "virtualization.pt_BR.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        update(project, say=lambda _m: None)
        assert written <= _msgstrs(root)
    assert update(project, say=lambda _m: None) == []  # and a settled project stays settled
