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

import bisect
import math
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
    suggest = Suggestions([e for e in old_entries if e.msgstr and not e.msgid_plural and e.msgid])
    result = []
    for entry in wanted:
        fresh = to_po_entry(entry)
        previous = active.get(entry.msgid) or obsolete.get(entry.msgid)
        if previous is not None:
            _carry(previous, fresh)
        else:
            match = suggest.closest(entry.msgid, entry.refs)
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


class Suggestions:
    """msgmerge's suggestion for a changed text: the most similar old msgid above 0.6, the first of equals.

    Exact, and fast at scale: the text that stood at the same place before is usually the
    best, and its similarity a score the best must reach; ``fuzz.ratio`` cannot exceed
    ``200 * shorter / (sum of lengths)``, so only candidates of a length within that
    bound are compared at all (sorted by length, a slice), each bounded by the score.
    """

    def __init__(self, entries: list[polib.POEntry]) -> None:
        self.entries = entries
        # Where each text stood (polib reads ``#: doc:12`` as the file "doc" and the line "12").
        self.at = {f"{ref}:{line}" if line else ref: e for e in reversed(entries) for ref, line in e.occurrences}
        self.msgids = [e.msgid for e in entries]
        self.order = sorted(range(len(entries)), key=lambda k: len(self.msgids[k]))
        self.lengths = [len(self.msgids[k]) for k in self.order]

    def closest(self, msgid: str, refs: Sequence[str] = ()) -> polib.POEntry | None:
        if not self.entries:
            return None
        seeds = [self.at[ref].msgid for ref in refs[:1] if ref in self.at]
        # Whole percents under the seed's score: rapidfuzz turns a fractional cutoff into a
        # whole distance and can then miss a candidate that scores exactly the cutoff.
        cutoff = max([FUZZY_THRESHOLD, *(math.floor(fuzz.ratio(msgid, seed)) - 1.0 for seed in seeds)])
        size = len(msgid)
        low = bisect.bisect_left(self.lengths, math.floor(size * cutoff / (200 - cutoff)))
        high = bisect.bisect_right(self.lengths, math.ceil(size * (200 - cutoff) / cutoff))
        window = sorted(self.order[low:high])  # in file order: the first of equals comes first
        choices = list(map(self.msgids.__getitem__, window))  # in C: this ran 2,000 times over 8,000 texts
        top = process.extractOne(msgid, choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff)
        return self.entries[window[top[2]]] if top is not None and top[1] > FUZZY_THRESHOLD else None
