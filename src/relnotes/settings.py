"""``relnotes.toml``, validated when it is read: every key a one-line error naming the key.

A setting is checked where it is loaded, not where it is first used: ``detector = "evil"``
used to be a ``KeyError`` deep in detection, ``glossary = "locales"`` an ``IsADirectoryError``,
and ``glossary = "/etc/passwd"`` was read. Paths in settings are the project's files:
they resolve, symlinks included, inside the project folder, or the setting is refused.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from relnotes.detect.backends import BACKENDS
from relnotes.errors import CatalogError, LocaleError
from relnotes.locales import LocaleId

SETTINGS = "relnotes.toml"
DEFAULTS: dict[str, Any] = {
    "domain": "release-notes",
    "source_language": "en",
    "languages": [],
    "detector": "langdetect",
    "glossary": "locales/glossary.txt",
}
_DOMAIN = re.compile(r"^[A-Za-z0-9][\w.-]*$")


def read_settings(root: Path) -> dict[str, Any]:
    """The project's settings, every key checked (defaults for those not set)."""
    path = root / SETTINGS
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(where, f"not valid TOML ({exc})") from exc
    except UnicodeDecodeError:
        raise CatalogError(where, "not valid UTF-8; save the file as UTF-8") from None
    except OSError as exc:
        raise CatalogError(where, f"cannot be read ({exc.strerror}); it must be a text file") from None
    unknown = sorted(set(data) - set(DEFAULTS))
    if unknown:
        raise CatalogError(where, f"unknown setting {unknown[0]!r}; the settings are: {', '.join(DEFAULTS)}")
    settings = {**DEFAULTS, **data}
    for key in ("domain", "source_language", "detector", "glossary"):
        if not isinstance(settings[key], str):
            raise CatalogError(where, f"{key} must be a string (in quotes), not {_toml_type(settings[key])}")
    if not _DOMAIN.match(settings["domain"]):
        raise CatalogError(
            where, f"domain {settings['domain']!r} must be a plain file name (letters, digits, . _ -): release-notes"
        )
    if settings["detector"] not in BACKENDS:
        raise CatalogError(where, f"detector {settings['detector']!r} is not one of: {', '.join(sorted(BACKENDS))}")
    languages = settings["languages"]
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise CatalogError(where, 'languages must be a list of locales in quotes, like ["pt_BR", "en"]')
    for key, values in (("source_language", [settings["source_language"]]), ("languages", languages)):
        for value in values:
            try:
                LocaleId.parse(value, path=where)
            except LocaleError as exc:  # said with the key that holds it
                raise CatalogError(where, f"{key}: {exc.message}") from None
    settings["glossary"] = project_path(root, settings["glossary"], "glossary", where)
    return settings


def project_path(root: Path, value: str, key: str, where: str) -> str:
    """A path setting, kept when it names a file inside the project (or nothing yet)."""
    if not value.strip():
        raise CatalogError(where, f"{key} is empty; give a file inside the project, like {DEFAULTS[key]}")
    path = root / value
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        inside = False
    if not inside:
        raise CatalogError(where, f"{key} = {value!r} is outside the project; give a file in it, like {DEFAULTS[key]}")
    if path.exists() and not path.is_file():
        raise CatalogError(where, f"{key} = {value!r} is a folder; give a file, like {DEFAULTS[key]}")
    return value


def _toml_type(value: object) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )
