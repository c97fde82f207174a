"""Update one language's catalog from the template without ever losing a translation.

The rules are msgmerge's, so translators meet what their tools expect: an unchanged text
keeps its msgstr; a changed text gets the closest old translation as ``fuzzy`` with the
previous source in ``#| msgid``; a vanished translated text becomes obsolete (``#~``) and
is revived when it returns; a text whose language moved away from this catalog is kept
obsolete here, and comes back if the language moves back.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import polib

from relnotes.catalog.template import TemplateEntry, to_po_entry
from relnotes.detect import NEUTRAL

FUZZY_CUTOFF = 0.6  # difflib ratio under which an old translation is no useful suggestion


def belongs(entry: TemplateEntry, language: str) -> bool:
    """A catalog holds exactly the texts not already in its language, and never neutral ones."""
    return entry.lang not in {language, NEUTRAL}


def merge(template: Sequence[TemplateEntry], old: polib.POFile | None, language: str) -> list[polib.POEntry]:
    """The new entries (active in template order, then obsolete) for one language."""
    wanted = [entry for entry in template if belongs(entry, language)]
    wanted_ids = {entry.msgid for entry in wanted}
    old_entries = list(old) if old is not None else []
    active = {e.msgid: e for e in old_entries if not e.obsolete and not e.msgid_plural}
    obsolete = {e.msgid: e for e in old_entries if e.obsolete}
    # Translations whose source is gone: candidates for fuzzy matching, then for #~.
    orphans = {msgid: e for msgid, e in {**obsolete, **active}.items() if msgid not in wanted_ids and e.msgstr}
    result = []
    for entry in wanted:
        fresh = to_po_entry(entry)
        previous = active.get(entry.msgid) or obsolete.get(entry.msgid)
        if previous is not None:
            _carry(previous, fresh)
        else:
            match = _closest(entry.msgid, orphans)
            if match is not None:
                fresh.msgstr = match.msgstr
                fresh.flags = ["fuzzy"]
                fresh.previous_msgid = match.msgid
                fresh.tcomment = match.tcomment
        result.append(fresh)
    for msgid, entry in orphans.items():
        result.append(
            polib.POEntry(
                msgid=msgid, msgstr=entry.msgstr, tcomment=entry.tcomment, flags=list(entry.flags), obsolete=True
            )
        )
    return result


def _carry(previous: polib.POEntry, fresh: polib.POEntry) -> None:
    """What a person wrote on an entry survives: msgstr, translator comments, fuzzy state."""
    fresh.msgstr = previous.msgstr
    fresh.tcomment = previous.tcomment
    if "fuzzy" in previous.flags and previous.msgstr:
        fresh.flags = ["fuzzy"]
        fresh.previous_msgid = previous.previous_msgid
    fresh.flags += [flag for flag in previous.flags if flag not in {"fuzzy", *fresh.flags}]


def _closest(msgid: str, orphans: dict[str, polib.POEntry]) -> polib.POEntry | None:
    if not orphans:
        return None
    found = difflib.get_close_matches(msgid, list(orphans), n=1, cutoff=FUZZY_CUTOFF)
    return orphans[found[0]] if found else None
