"""Update one language's catalog from the template without ever losing a translation.

The rules are msgmerge's, so translators meet what their tools expect: an unchanged text
keeps its msgstr; a changed text gets the closest old translation as ``fuzzy`` with the
previous source in ``#| msgid``; a vanished translated text becomes obsolete (``#~``) and
is revived when it returns; a text whose language moved away from this catalog is kept
obsolete here, and comes back if the language moves back.

"Closest" is msgmerge's too: among every old entry with a translation (still used or
not), the one whose msgid is most similar by ``fstrcmp`` (insertions and deletions over
the two lengths, which rapidfuzz computes as ``fuzz.ratio``, in C), above 0.6, the first
of equals in file order. How similar it was is said in an extracted comment, recomputed
from ``#| msgid`` at every update (so it never goes stale).
"""

from __future__ import annotations

from collections.abc import Sequence

import polib
from rapidfuzz import fuzz, process

from relnotes.catalog.template import TemplateEntry, to_po_entry
from relnotes.detect import NEUTRAL

FUZZY_THRESHOLD = 60.0  # msgmerge's FUZZY_THRESHOLD (0.6), in rapidfuzz's percent: a suggestion must exceed it
SIMILAR = "fuzzy match: {:.0f}% similar to the previous source"


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
    # Translations whose source is gone: kept as #~.
    orphans = {msgid: e for msgid, e in {**obsolete, **active}.items() if msgid not in wanted_ids and e.msgstr}
    # Every old translation is a candidate for a changed text, as in msgmerge.
    candidates = [e for e in old_entries if e.msgstr and not e.msgid_plural and e.msgid]
    texts = [e.msgid for e in candidates]
    result = []
    for entry in wanted:
        fresh = to_po_entry(entry)
        previous = active.get(entry.msgid) or obsolete.get(entry.msgid)
        if previous is not None:
            _carry(previous, fresh)
        else:
            match = _closest(entry.msgid, texts, candidates)
            if match is not None:
                fresh.msgstr = match.msgstr
                fresh.flags = ["fuzzy"]
                fresh.previous_msgid = match.msgid
                fresh.tcomment = match.tcomment
        if fresh.previous_msgid and "fuzzy" in fresh.flags:
            similar = SIMILAR.format(fuzz.ratio(fresh.msgid, fresh.previous_msgid))
            fresh.comment = f"{fresh.comment}\n{similar}" if fresh.comment else similar
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


def _closest(msgid: str, texts: list[str], entries: list[polib.POEntry]) -> polib.POEntry | None:
    """msgmerge's suggestion: the most similar old msgid above the threshold, the first of equals."""
    if not texts:
        return None
    found = process.extractOne(msgid, texts, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_THRESHOLD)
    return entries[found[2]] if found is not None and found[1] > FUZZY_THRESHOLD else None
