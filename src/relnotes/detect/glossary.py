"""The project's glossary: terms never translated (product names, commands, people a writer lists).

Writers keep it in ``locales/glossary.txt``, one term per line, ``#`` starting a comment.
It serves twice: the detector never sees a glossary term (``Red Hat Enterprise Linux`` is
not English, ``Ansible`` not Portuguese), and ``check`` reports a term of the source that a
translation dropped, as it does for a technical token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from relnotes.errors import CatalogError


class Glossary:
    """Terms matched whole-word, case-sensitively, longest first (``Red Hat`` inside ``Red Hat Linux``)."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        self.terms = sorted({t.strip() for t in terms if t.strip()}, key=lambda t: (-len(t), t))
        alternatives = "|".join(re.escape(t) for t in self.terms)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if self.terms else None

    def __bool__(self) -> bool:
        return bool(self.terms)

    def found(self, text: str) -> list[str]:
        """The glossary terms in a text, in order of appearance."""
        return [m.group(0) for m in self._pattern.finditer(text)] if self._pattern else []

    def blank(self, text: str) -> str:
        return self._pattern.sub(" ", text) if self._pattern else text


def parse_glossary(text: str) -> list[str]:
    """One term per line; blank lines and ``#`` comments (whole line or after the term) are skipped."""
    terms = []
    for line in text.splitlines():
        term = line.split(" #", 1)[0].strip()
        if term and not term.startswith("#"):
            terms.append(term)
    return terms


def load_glossary(path: str | Path) -> Glossary:
    """The glossary file, or an empty glossary when the project has none."""
    path = Path(path)
    if not path.exists():
        return Glossary()
    try:
        return Glossary(parse_glossary(path.read_text(encoding="utf-8")))
    except UnicodeDecodeError as exc:
        raise CatalogError(str(path), "not valid UTF-8; save the file as UTF-8") from exc
