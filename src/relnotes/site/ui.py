"""The site's own interface strings ("Not translated yet", …), translated through gettext.

Strings are marked with ``_``/``N_`` in the page renderers, extracted with Babel
(``make ui-strings``) into ``src/relnotes/locale/relnotes.pot``, and translated in
``locale/<ll_CC>/LC_MESSAGES/relnotes.po``. The ``.po`` is compiled in memory with Babel
when a site is built, so no generated ``.mo`` is committed.

A team adds a language relnotes lacks, or rewords one it has, with a catalog of its own in
its repository: ``locales/relnotes-ui/<ll_CC>.po`` (or ``<ll>.po``). Its strings come first;
what it leaves untranslated comes from relnotes' catalog, then English.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

from relnotes.catalog.pofile import check_syntax
from relnotes.errors import CatalogError
from relnotes.locales import LocaleId

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "relnotes"
TEAM_FOLDER = "relnotes-ui"  # below a project's locales/: the team's own interface catalogs


def N_(message: str) -> str:
    """Mark a string for extraction where it is defined; translate where it is shown."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction (Babel keyword ``NP_:1,2``)."""
    return singular, plural


def _candidates(locale: LocaleId, team_dir: Path | None) -> list[Path]:
    """Every catalog that may hold this locale's strings, the most specific and the team's first."""
    names = list(dict.fromkeys((locale.posix, locale.language)))
    found = [team_dir / f"{name}.po" for name in names] if team_dir is not None else []
    found += [LOCALE_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.po" for name in names]
    return [path for path in found if path.is_file()]


def sources(locale: LocaleId, team_dir: Path | None = None) -> list[Path]:
    """The catalogs a locale's interface strings come from; empty when it is shown in English."""
    return _candidates(locale, team_dir)


def translations(locale: LocaleId, team_dir: Path | None = None) -> gettext.NullTranslations:
    """The UI catalogs for a locale chained: team's ``pt_BR``, team's ``pt``, relnotes' ones, English.

    Keyed on each file's modification time, so a preview picks up a team's edit.
    """
    stamped = tuple((path, path.stat().st_mtime_ns) for path in _candidates(locale, team_dir))
    return _chain(stamped)


@cache
def _chain(stamped: tuple[tuple[Path, int], ...]) -> gettext.NullTranslations:
    chain: gettext.NullTranslations | None = None
    for path, _mtime in stamped:
        compiled = _compile(path)
        if chain is None:
            chain = compiled
        else:
            chain.add_fallback(compiled)
    return chain or gettext.NullTranslations()


def _compile(path: Path) -> gettext.GNUTranslations:
    """A ``.po`` compiled in memory; a broken one (a team's) is refused at its line, as msgfmt would."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(str(path), f"cannot read it as UTF-8 ({exc}); fix it or remove it") from exc
    check_syntax(str(path), text)
    try:
        catalog = read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:
        raise CatalogError(str(path), f"not a readable PO file ({exc}); fix it or remove it") from exc
    catalog.fuzzy = False  # a header marked fuzzy still holds translations a team meant
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
