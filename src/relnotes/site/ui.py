"""The site's own interface strings ("Not translated yet", …), translated through gettext.

Strings are marked with ``_``/``N_`` in the page renderers, extracted with Babel
(``make ui-strings``) into ``src/relnotes/locale/relnotes.pot``, and translated in
``locale/<ll_CC>/LC_MESSAGES/relnotes.po``. The ``.po`` is compiled in memory with Babel
when a site is built, so no generated ``.mo`` is committed.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from relnotes.locales import LocaleId

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "relnotes"


def N_(message: str) -> str:
    """Mark a string for extraction where it is defined; translate where it is shown."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction (Babel keyword ``NP_:1,2``)."""
    return singular, plural


@cache
def translations(locale: LocaleId) -> gettext.NullTranslations:
    """The UI catalog for a locale, falling back from ``pt_BR`` to ``pt`` to English."""
    for name in (locale.posix, locale.language):
        path = LOCALE_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=name)
            buffer = io.BytesIO()
            write_mo(buffer, catalog)
            buffer.seek(0)
            return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()
