"""The lock `make` and CI install from: exact, hashed, and inside pyproject.toml's ranges."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\$", re.MULTILINE)


def _locked() -> dict[str, tuple[str, int]]:
    """Each locked package: its exact version and how many hashes vouch for it."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        pin = _PIN.match(block)
        if pin:
            pins[canonicalize_name(pin.group(1))] = (pin.group(2), block.count("--hash=sha256:"))
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]]


def test_every_declared_dependency_is_locked_to_a_version_its_range_allows():
    locked = _locked()
    assert len(locked) >= len(_declared())
    for requirement in _declared():
        version, hashes = locked[canonicalize_name(requirement.name)]
        assert requirement.specifier.contains(version, prereleases=True), (requirement, version)
        assert hashes >= 1, requirement.name


def test_every_locked_package_is_exact_and_hashed():
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    requirement_lines = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert requirement_lines, "the lock is empty"
    assert all(_PIN.match(line) for line in requirement_lines), [r for r in requirement_lines if not _PIN.match(r)]
    assert all(hashes >= 1 for _, hashes in _locked().values())
