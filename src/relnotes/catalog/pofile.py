"""Read and write gettext files: the one module that touches polib and PO syntax.

polib is the in-memory catalog model everywhere else. Its parser is lenient (an
unterminated string passes), and so is Babel's; a writer's typo must instead be caught
with ``file:line`` before anything is merged or written, so a strict line-level check runs
first, and a msgid defined twice (which ``msgfmt`` rejects and polib silently keeps) is
refused at its second definition. Writes are GNU-formatted (``msgcat`` leaves them unchanged, a test checks),
atomic, and skipped when only the date would change.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import polib

from relnotes import __version__
from relnotes.atomic import write_if_changed
from relnotes.catalog.plurals import plural_forms
from relnotes.errors import CatalogError
from relnotes.locales import LocaleId
from relnotes.show import clip

_STRING = r'"(?:[^"\\]|\\[abfnrtv"\\?]|\\[0-7]{1,3}|\\x[0-9A-Fa-f]+)*"'
_KEYWORD_LINE = re.compile(rf"^(?:#~\s*)?(?:#\|\s*)?(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{_STRING}\s*$")
_CONTINUATION = re.compile(rf"^(?:#~\s*)?(?:#\|\s*)?{_STRING}\s*$")


def check_syntax(path: str, text: str) -> None:
    """Raise CatalogError at the first line msgfmt would reject as a syntax error."""
    expect_msgstr = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            if expect_msgstr:
                raise CatalogError(path, 'msgid without msgstr; add msgstr ""', number)
            continue
        if stripped.startswith("#") and not stripped.startswith(("#~", "#|")):
            continue
        if stripped.startswith("#|") and not stripped[2:].strip():
            continue
        keyword = _KEYWORD_LINE.match(stripped)
        if keyword:
            if not stripped.startswith(("#~", "#|")):
                name = keyword.group(1)
                if name.startswith("msgid") and name != "msgid_plural":
                    expect_msgstr = True
                elif name.startswith("msgstr"):
                    expect_msgstr = False
            continue
        if _CONTINUATION.match(stripped):
            continue
        if stripped.startswith(("msgid", "msgstr", "msgctxt", '"')) and stripped.count('"') % 2:
            raise CatalogError(path, "string not closed; end it with a double quote", number)
        raise CatalogError(
            path, f"syntax error near {stripped[:30]!r}; expected msgid, msgstr or a quoted string", number
        )
    if expect_msgstr:
        raise CatalogError(path, 'msgid without msgstr at end of file; add msgstr ""')


def read_catalog(path: str | Path) -> polib.POFile:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise CatalogError(str(path), "not valid UTF-8; save the file as UTF-8", line) from exc
    except OSError as exc:
        raise CatalogError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    check_syntax(str(path), text)
    try:
        catalog = polib.pofile(text)
    except (OSError, ValueError) as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise CatalogError(
            str(path),
            "syntax error; fix the entry or restore the file from git",
            int(match.group(1)) if match else None,
        ) from exc
    check_duplicates(str(path), catalog)
    return catalog


def check_duplicates(path: str, catalog: polib.POFile) -> None:
    """Raise CatalogError at a msgid defined twice, as ``msgfmt`` does (obsolete entries too).

    polib keeps both entries and ``find`` returns the first, so without this a pasted
    duplicate would silently hide one translation from every command.
    """
    first: dict[tuple[str | None, str], int | None] = {}
    for entry in catalog:
        key = (entry.msgctxt, entry.msgid)
        if key in first:
            raise CatalogError(
                path,
                f"msgid {clip(entry.msgid, 40)!r} is already defined at line {first[key]}; keep one of the two entries",
                entry.linenum,
            )
        first[key] = entry.linenum


def now_stamp() -> str:
    """The date written into headers: SOURCE_DATE_EPOCH when set, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    seconds = int(epoch) if epoch and epoch.isdigit() else int(time.time())
    return time.strftime("%Y-%m-%d %H:%M+0000", time.gmtime(seconds))


def template_header(project: str, created: str) -> dict[str, str]:
    return {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": created,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Generated-By": f"relnotes {__version__}",
    }


def catalog_header(project: str, locale: LocaleId, created: str, old: dict[str, str] | None) -> dict[str, str]:
    """The language team's fields (revision date, translator, team, plural forms) survive every update.

    Like msgmerge, which never touches an existing catalog's header: only a new catalog
    gets relnotes' values, and its plural forms are GNU msginit's for the language.
    """
    old = old or {}
    team = f"{locale.display_name(LocaleId('en', None))} <{locale.posix}@relnotes.invalid>"
    header = template_header(project, created)
    header.update(
        {
            "Generated-By": f"relnotes {__version__}",
            "PO-Revision-Date": old.get("PO-Revision-Date", created),
            "Last-Translator": old.get("Last-Translator", "relnotes update <relnotes@relnotes.invalid>"),
            "Language-Team": old.get("Language-Team", team),
            "Language": locale.posix,
            "Plural-Forms": old.get("Plural-Forms") or plural_forms(locale),
        }
    )
    ordered = {key: header[key] for key in [*list(template_header("", "")), "Language", "Plural-Forms"]}
    # Fields other tools add (X-Generator, X-Poedit-*) are theirs to keep.
    ordered.update({key: value for key, value in old.items() if key not in ordered})
    return ordered


def new_catalog(header: dict[str, str], comment: str, entries: Iterable[polib.POEntry]) -> polib.POFile:
    catalog = polib.POFile()
    catalog.header = comment
    catalog.metadata = dict(header)
    catalog.metadata_is_fuzzy = False
    for entry in entries:
        catalog.append(entry)
    return catalog


WIDTH = 79  # GNU gettext's page width, in characters
_BREAK_AFTER = frozenset(",;:!?|.-/")  # msgcat breaks after these when a letter follows
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


_TABLE = str.maketrans(_ESCAPES)
# Characters after which a line may break; whether it does depends on their neighbours.
_CANDIDATE = re.compile(r"[\n ,;:!?|./-]")
_NEEDS_ESCAPE = re.compile(r'[\\"\n\t\r]')


def _escape(text: str) -> str:
    return text.translate(_TABLE)


def _pieces(text: str) -> list[str]:
    """Escaped chunks between line-break opportunities, as GNU's line breaker finds them.

    Only the candidate characters are examined (a regex finds them), not every character:
    rendering 10,000-entry catalogs spent most of ``update`` in a per-character loop here.
    """
    escape = _escape if _NEEDS_ESCAPE.search(text) else str
    pieces, start, end = [], 0, len(text)
    for match in _CANDIDATE.finditer(text):
        index = match.start()
        char = text[index]
        after = text[index + 1] if index + 1 < end else ""
        if (
            char == "\n"
            or (char == " " and after != " ")
            or (char in _BREAK_AFTER and after.isalpha() and index > 0 and text[index - 1].isalnum())
        ):
            pieces.append(escape(text[start : index + 1]))
            start = index + 1
    if start < end:
        pieces.append(escape(text[start:]))
    return pieces


@lru_cache(maxsize=1 << 16)
def _field(prefix: str, keyword: str, text: str) -> tuple[str, ...]:
    """``msgid "…"`` lines wrapped the way msgcat wraps them.

    Cached: ``update`` writes every msgid into the template and into each language's
    catalog, and compares each catalog with the file it replaces, so most fields repeat.
    """
    escaped = _escape(text)
    head = f"{prefix}{keyword} "
    if "\n" not in text.rstrip("\n") and len(head) + len(escaped) + 2 <= WIDTH:
        return (f'{head}"{escaped}"',)
    room = WIDTH - len(prefix) - 2
    lines, current = [], ""
    for piece in _pieces(text):
        if current and (len(current) + len(piece) > room or current.endswith("\\n")):
            lines.append(current)
            current = ""
        current += piece
    if current:
        lines.append(current)
    return (f'{head}""', *(f'{prefix}"{line}"' for line in lines))


def format_entry(entry: polib.POEntry) -> str:
    out = [f"# {line}".rstrip() for line in entry.tcomment.splitlines()] if entry.tcomment else []
    out += [f"#. {line}".rstrip() for line in entry.comment.splitlines()] if entry.comment else []
    if entry.occurrences and not entry.obsolete:
        line = "#:"
        for ref, number in entry.occurrences:
            piece = f" {ref}:{number}" if number else f" {ref}"
            if line != "#:" and len(line) + len(piece) > WIDTH:
                out.append(line)
                line = "#:"
            line += piece
        out.append(line)
    if entry.flags:
        out.append("#, " + ", ".join(entry.flags))
    mark = "#~ " if entry.obsolete else ""
    if entry.previous_msgid:
        out += _field(f"{mark}#| ", "msgid", entry.previous_msgid)
    if entry.msgctxt is not None:
        out += _field(mark, "msgctxt", entry.msgctxt)
    out += _field(mark, "msgid", entry.msgid)
    out += _field(mark, "msgstr", entry.msgstr)
    return "\n".join(out) + "\n"


def render(catalog: polib.POFile) -> bytes:
    """The whole file in GNU gettext's layout: header, active entries, obsolete ones last."""
    parts = []
    head = [f"# {line}".rstrip() for line in catalog.header.splitlines()] if catalog.header else []
    if catalog.metadata_is_fuzzy:
        head.append("#, fuzzy")
    head += ['msgid ""', 'msgstr ""']
    head += [f'"{_escape(f"{key}: {value}")}\\n"' for key, value in catalog.ordered_metadata()]
    parts.append("\n".join(head) + "\n")
    parts += [format_entry(e) for e in catalog if not e.obsolete]
    parts += [format_entry(e) for e in catalog if e.obsolete]
    return "\n".join(parts).encode("utf-8")


def write_catalog(path: str | Path, catalog: polib.POFile, date_field: str = "POT-Creation-Date") -> bool:
    """Write unless nothing but the date would change; return whether the file changed.

    Rendered once: the file on disk is compared with its own date line put in place of
    the new one (a 10,000-entry catalog takes a second to render).
    """
    path = Path(path)
    fresh = render(catalog)
    if path.exists():
        current = path.read_bytes()
        line = re.compile(rb'^"' + re.escape(date_field.encode()) + rb': [^"\\]*\\n"$', re.MULTILINE)
        found = line.search(current)
        if found and line.sub(lambda _: found.group(0), fresh, count=1) == current:
            return False
    return write_if_changed(path, fresh)
