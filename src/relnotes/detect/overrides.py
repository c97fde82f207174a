"""Languages pinned by a person, kept in a small TOML file that reviews well in a diff.

The detector is right almost always; where it is not, a writer pins the block's language
here (``relnotes override``). Entries are keyed by the block's text as published, so a
pin follows the text wherever it appears and lapses when the text itself changes (``check``
reports such stale pins).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

from relnotes.atomic import write_if_changed
from relnotes.errors import CatalogError

_LANG = re.compile(r"^[a-z]{2,3}$")  # what `relnotes override` writes: ISO 639-1, or zxx
HEADER = (
    "# Languages pinned by hand: the detector's decision is replaced by `lang` for every\n"
    "# block whose text is exactly `text`. Written by `relnotes override`; edit freely.\n"
)


def load_overrides(path: str | Path) -> dict[str, str]:
    path = Path(path)
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(str(path), f"not valid TOML ({exc}); fix or delete the file") from exc
    except UnicodeDecodeError as exc:
        raise CatalogError(str(path), "not valid UTF-8; save the file as UTF-8") from exc
    result: dict[str, str] = {}
    for number, entry in enumerate(data.get("override", []), start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or not entry.get("lang"):
            raise CatalogError(str(path), f"override #{number} needs a text and a lang")
        lang = entry["lang"]
        if not isinstance(lang, str) or not _LANG.match(lang):
            raise CatalogError(
                str(path), f"override #{number}: lang {lang!r} must be a language code like en or pt, or zxx"
            )
        result[entry["text"]] = lang
    return result


def dump_overrides(overrides: Mapping[str, str]) -> str:
    # json.dumps writes a valid TOML basic string (same escapes), so no TOML writer is needed.
    parts = [HEADER]
    for text in sorted(overrides):
        parts.append(f"\n[[override]]\ntext = {json.dumps(text, ensure_ascii=False)}\n")
        parts.append(f"lang = {json.dumps(overrides[text])}\n")
    return "".join(parts)


def save_overrides(path: str | Path, overrides: Mapping[str, str]) -> bool:
    return write_if_changed(path, dump_overrides(overrides).encode("utf-8"))
