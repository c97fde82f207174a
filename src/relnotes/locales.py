"""One locale value in the three spellings the project needs.

Catalog folders and the PO ``Language`` header want POSIX (``pt_BR``), HTML ``lang`` and
``hreflang`` want BCP 47 (``pt-BR``), the detector and the search index want ISO 639-1
(``pt``). Babel validates the identifier first, so a typo or ``../x`` is refused before
any path is built from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError

from relnotes.errors import LocaleError

_SHAPE = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True, slots=True)
class LocaleId:
    language: str  # ISO 639-1 (or 639-3 where there is no two-letter code)
    territory: str | None

    @classmethod
    def parse(cls, value: str, *, path: str | None = None) -> LocaleId:
        """Accept ``pt_BR``, ``pt-BR`` or ``pt``; refuse what Babel does not know."""
        if not _SHAPE.match(value or ""):
            raise LocaleError(path, f"{value!r} is not a locale identifier; use a form like pt_BR or en")
        try:
            locale = Locale.parse(value.replace("-", "_"))
        except (UnknownLocaleError, ValueError) as exc:
            raise LocaleError(path, f"unknown locale {value!r}; use one Babel knows, like pt_BR or en") from exc
        return cls(locale.language, locale.territory)

    @property
    def posix(self) -> str:
        return f"{self.language}_{self.territory}" if self.territory else self.language

    @property
    def bcp47(self) -> str:
        return f"{self.language}-{self.territory}" if self.territory else self.language

    @property
    def babel(self) -> Locale:
        """Parsed, not constructed: ``zh_CN`` is Babel's ``zh_Hans_CN`` (the script is implied)."""
        return _babel(self.posix)

    @property
    def rtl(self) -> bool:
        """Written right to left (ar, fa, he, ur…), from Babel's CLDR data, not a hand-kept list."""
        return self.babel.text_direction == "rtl"

    @property
    def direction(self) -> str:
        """The HTML ``dir`` value for text in this locale."""
        return "rtl" if self.rtl else "ltr"

    def display_name(self, in_locale: LocaleId | None = None) -> str:
        """The language's own name (``português (Brasil)``), for selectors and reports."""
        name = self.babel.get_display_name((in_locale or self).babel) or self.posix
        return name[:1].upper() + name[1:]

    def __str__(self) -> str:
        return self.posix


@cache
def _babel(posix: str) -> Locale:
    """Babel's locale, parsed once: every page of every language names every language."""
    return Locale.parse(posix)
