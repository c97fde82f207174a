"""What ``msgfmt --check-format --check-header`` rejects in a catalog that parses.

Syntax errors and duplicate msgids are refused earlier, by ``read_catalog``, since no
command can trust such a file. What is left here is what GNU msgfmt calls fatal in a
well-formed file: a missing header, a ``Plural-Forms`` it cannot evaluate, and a
translation whose format directives differ from its source in an entry flagged
``c-format``, ``python-format`` or ``python-brace-format``. The directive comparison is
Translate Toolkit's (``printf``, ``pythonbraceformat``), which agrees with msgfmt on the
cases the tests run through both; relnotes only decides when it applies, as msgfmt does.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from pathlib import Path

import polib
from translate.filters.checks import CheckerConfig, FilterFailure, StandardChecker

from relnotes.catalog.plurals import plural_forms
from relnotes.errors import RelnotesError
from relnotes.locales import LocaleId

_NPLURALS = re.compile(r"\bnplurals\s*=\s*([^;]*)")
_PLURAL = re.compile(r"\bplural\s*=\s*([^;]*)")
# msgfmt checks an entry's format only when a tool flagged it; these are the flags relnotes
# may meet in a catalog a translator's tool touched, and the Translate Toolkit check for each.
_FORMAT_CHECKS = {"c-format": "printf", "python-format": "printf", "python-brace-format": "pythonbraceformat"}
_CHECKER = StandardChecker(CheckerConfig(), limitfilters=sorted(set(_FORMAT_CHECKS.values())))


def header_line(path: str | Path) -> int | None:
    """The line of the header's ``msgid ""``, where a header problem is reported."""
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith('msgid ""'):
            return number
    return None


def _remedy(catalog: polib.POFile) -> str:
    """What to write instead: ``update`` keeps a team's Plural-Forms, so it cannot mend one."""
    try:
        locale = LocaleId.parse(catalog.metadata.get("Language", ""))
    except RelnotesError:
        return "write the Plural-Forms GNU msginit gives for the catalog's language"
    return f"write GNU gettext's {plural_forms(locale)!r} for {locale.posix}"


def header_problems(catalog: polib.POFile) -> Iterator[str]:
    """What msgfmt refuses in a header: none at all, or Plural-Forms it cannot evaluate."""
    if not catalog.metadata:
        yield 'no header entry; run relnotes update, or restore the msgid "" entry from git'
        return
    forms = catalog.metadata.get("Plural-Forms")
    if forms is None:
        return  # msgfmt only warns; relnotes catalogs have no plural entries
    count = _NPLURALS.search(forms)
    expression = _PLURAL.search(forms)
    if count and not (count.group(1).strip().isdigit() and int(count.group(1)) > 0):
        yield f"Plural-Forms: invalid nplurals value {count.group(1).strip()!r}; {_remedy(catalog)}"
        return
    if not expression:
        return
    try:
        plural = gettext.c2py(expression.group(1).strip())
        largest = max(plural(n) for n in range(1000))
    except (ValueError, RecursionError, ArithmeticError):  # n % 0 divides by zero, as msgfmt finds
        yield f"Plural-Forms: invalid plural expression {expression.group(1).strip()!r}; {_remedy(catalog)}"
        return
    if count and largest >= int(count.group(1)):
        yield (f"Plural-Forms: nplurals={int(count.group(1))} but the expression gives {largest}; {_remedy(catalog)}")


def format_problem(entry: polib.POEntry) -> str | None:
    """Why msgfmt --check-format rejects this translated entry's directives, if it does."""
    for flag, check in _FORMAT_CHECKS.items():
        if flag in entry.flags:
            try:
                if getattr(_CHECKER, check)(entry.msgid, entry.msgstr):
                    continue
                reason = "directives differ from the source's"
            except FilterFailure as failure:
                reason = str(failure)
            return f"{flag}: {reason}; use the source's directives"
    return None
