"""The ``Plural-Forms`` a new catalog starts with: GNU gettext's, as ``msginit`` writes them.

Translators' tools (msgfmt, Poedit, Weblate) and the team's other catalogs follow GNU
gettext's table, and a header written once belongs to the language team afterwards. Babel
follows CLDR instead, whose forms move between releases (Babel 2.19 gave ``pt_BR`` three
forms), so it is only the fallback for a language msginit has no forms for. The table is
measured from the real msginit by ``scripts/plural_table.py``.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from babel.messages.plurals import get_plural

from relnotes.locales import LocaleId


@cache
def _gnu_table() -> dict[str, str]:
    text = files("relnotes.catalog").joinpath("plural_forms.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))
    return {locale: forms for locale, forms in rows}


def plural_forms(locale: LocaleId) -> str:
    """GNU msginit's forms for ``ll_CC``, else for ``ll``, else Babel's (CLDR)."""
    table = _gnu_table()
    for key in (locale.posix, locale.language):
        if key in table:
            return table[key]
    return get_plural(locale.posix).plural_forms.strip().rstrip(";") + ";"
