"""The translators' queue: what to translate next, as a list or as a PO work file.

Ordered by impact (placements: a text shown under three architectures first), then by
section (later sections first: Known Issues, Resolved Issues, Feature Updates, then the
chapter's own title and intro), then document order. The exported work file is an
ordinary PO file for Poedit or Lokalize; each entry carries where it appears and a
fingerprint of the catalog's msgstr at export time, so that an import can tell a
translation someone else changed meanwhile from one that is simply new.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import polib

from relnotes.catalog.template import TemplateEntry
from relnotes.show import clip
from relnotes.track import index, state
from relnotes.track.places import parse_ref

_BASE = re.compile(r"^relnotes-base: ([0-9a-f]{12})$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Task:
    msgid: str
    state: str  # untranslated | fuzzy
    refs: tuple[str, ...]
    suggestion: str  # the fuzzy msgstr, "" when untranslated
    previous_msgid: str | None
    order: int
    primary: str | None = None  # the site's first document, for links when it publishes several

    @property
    def placements(self) -> int:
        return len(self.refs)

    def as_dict(self) -> dict:
        return {
            "msgid": self.msgid,
            "state": self.state,
            "placements": self.placements,
            "places": self.places,
            "suggestion": self.suggestion or None,
            "previous_msgid": self.previous_msgid,
        }

    @property
    def places(self) -> list[dict[str, str | int | None]]:
        result = []
        for ref in self.refs:
            place = parse_ref(ref)
            link = place.link(self.primary)
            result.append({"section": place.section, "arch": place.arch, "item": place.item, "link": link})
        return result


def _section_rank(refs: Sequence[str]) -> tuple[int, ...]:
    """Later numbered sections first (Known Issues before Feature Updates); others keep their order."""
    sections = [parse_ref(ref).section for ref in refs]
    numbers = [s.split(".") for s in sections if s and all(x.isdigit() for x in s.split("."))]
    best = max((tuple(int(x) for x in n) for n in numbers), default=())
    return tuple(-n for n in best) if best else (1,)


def build_queue(
    template: Sequence[TemplateEntry], catalog: polib.POFile | None, language: str, primary: str | None = None
) -> list[Task]:
    entries = index(catalog)
    tasks = []
    for order, entry in enumerate(template):
        current = state(entry, language, entries)
        if current not in {"untranslated", "fuzzy"}:
            continue
        po = entries.get(entry.msgid)
        tasks.append(
            Task(
                entry.msgid,
                current,
                entry.refs,
                po.msgstr if po and current == "fuzzy" else "",
                po.previous_msgid if po else None,
                order,
                primary,
            )
        )
    return sorted(tasks, key=lambda t: (-t.placements, _section_rank(t.refs), t.order))


def fingerprint(entry: polib.POEntry | None) -> str:
    """The catalog-side state a translator started from (msgstr and fuzziness)."""
    if entry is None:
        return "0" * 12
    seed = ("fuzzy:" if "fuzzy" in entry.flags else "") + entry.msgstr
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:12]


def export_entries(tasks: Sequence[Task], catalog: polib.POFile | None) -> list[polib.POEntry]:
    entries = index(catalog)
    exported = []
    for task in tasks:
        where = "; ".join(
            f"{p['section'] or 'chapter'} {p['arch'] or ''}".strip() + f" ({p['link']})" for p in task.places
        )
        comment = f"Appears {task.placements} time(s): {where}\nrelnotes-base: {fingerprint(entries.get(task.msgid))}"
        exported.append(
            polib.POEntry(
                msgid=task.msgid,
                msgstr=task.suggestion,
                comment=comment,
                occurrences=[(ref, "") for ref in task.refs],
                flags=["fuzzy"] if task.state == "fuzzy" else [],
                previous_msgid=task.previous_msgid if task.state == "fuzzy" else None,
            )
        )
    return exported


@dataclass
class ImportReport:
    applied: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # left empty or still fuzzy in the work file
    stale: list[str] = field(default_factory=list)  # source text no longer in the catalog
    conflicts: list[str] = field(default_factory=list)  # catalog changed since the export

    def lines(self, path: str) -> list[str]:
        out = [
            f"{path}: applied {len(self.applied)}, unchanged {len(self.unchanged)}, "
            f"skipped {len(self.skipped)} (empty or fuzzy), stale {len(self.stale)}, "
            f"conflicts {len(self.conflicts)}"
        ]
        out += [f"{path}: stale (source changed or gone; re-export): {clip(m, 60)}" for m in self.stale]
        out += [
            f"{path}: conflict (translation changed in the catalog since export; not applied): {clip(m, 60)}"
            for m in self.conflicts
        ]
        return out


def apply_work(worked: polib.POFile, catalog: polib.POFile) -> ImportReport:
    """Merge a worked file into the catalog in place; never overwrite a concurrent change."""
    report = ImportReport()
    targets = index(catalog)
    for entry in worked:
        if entry.obsolete or not entry.msgid:
            continue
        if not entry.msgstr or "fuzzy" in entry.flags:
            report.skipped.append(entry.msgid)
            continue
        target = targets.get(entry.msgid)
        if target is None:
            report.stale.append(entry.msgid)
            continue
        if target.msgstr == entry.msgstr and "fuzzy" not in target.flags:
            report.unchanged.append(entry.msgid)
            continue
        base = _BASE.search(entry.comment or "")
        if base is None or base.group(1) != fingerprint(target):
            report.conflicts.append(entry.msgid)
            continue
        target.msgstr = entry.msgstr
        target.flags = [flag for flag in target.flags if flag != "fuzzy"]
        target.previous_msgid = None
        if entry.tcomment:
            target.tcomment = entry.tcomment
        report.applied.append(entry.msgid)
    return report
