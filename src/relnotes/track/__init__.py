"""Translation state per language: what ``status`` counts and what the status page shows.

A translatable text is, for a language L: native (written in L), neutral (no language in
it), translated (non-fuzzy msgstr in L's catalog), fuzzy, or untranslated. Coverage counts
native + neutral + translated. Everything is counted twice: by placement (a text shown
three times counts three) and by catalog entry (what ``msgfmt --statistics`` counts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import polib

from relnotes.catalog.template import TemplateEntry
from relnotes.detect import NEUTRAL
from relnotes.track.places import parse_ref

STATES = ("native", "neutral", "translated", "fuzzy", "untranslated")


@dataclass
class Counts:
    native: int = 0
    neutral: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    def add(self, state: str, n: int = 1) -> None:
        setattr(self, state, getattr(self, state) + n)

    @property
    def total(self) -> int:
        return self.native + self.neutral + self.translated + self.fuzzy + self.untranslated

    @property
    def done(self) -> int:
        return self.native + self.neutral + self.translated

    @property
    def coverage(self) -> float:
        return round(100.0 * self.done / self.total, 1) if self.total else 100.0

    def as_dict(self) -> dict[str, float | int]:
        return {**{s: getattr(self, s) for s in STATES}, "total": self.total, "coverage": self.coverage}


@dataclass
class LanguageStatus:
    locale: str
    placements: Counts = field(default_factory=Counts)
    entries: Counts = field(default_factory=Counts)
    by_place: dict[tuple[str, str], Counts] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "locale": self.locale,
            "placements": self.placements.as_dict(),
            "entries": self.entries.as_dict(),
            "by_section": [
                {"section": section, "arch": arch, **counts.as_dict()}
                for (section, arch), counts in self.by_place.items()
            ],
        }


def index(catalog: polib.POFile | None) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in catalog or [] if not e.obsolete}


def state(entry: TemplateEntry, language: str, entries: dict[str, polib.POEntry]) -> str:
    if entry.lang == NEUTRAL:
        return "neutral"
    if entry.lang == language:
        return "native"
    po = entries.get(entry.msgid)
    if po is None or not po.msgstr:
        return "untranslated"
    return "fuzzy" if "fuzzy" in po.flags else "translated"


def language_status(
    template: Sequence[TemplateEntry], catalog: polib.POFile | None, locale: str, language: str
) -> LanguageStatus:
    entries = index(catalog)
    status = LanguageStatus(locale)
    for entry in template:
        current = state(entry, language, entries)
        status.entries.add(current)
        status.placements.add(current, len(entry.refs))
        for ref in entry.refs:
            place = parse_ref(ref)
            key = (place.section or "-", place.arch or "-")
            status.by_place.setdefault(key, Counts()).add(current)
    status.by_place = dict(sorted(status.by_place.items()))
    return status


def status_table(statuses: Sequence[LanguageStatus]) -> str:
    """The terminal report: totals per language, then section (a book: chapter) × architecture."""
    lines = []
    for status in statuses:
        p, e = status.placements, status.entries
        lines.append(
            f"{status.locale}: {p.coverage:.1f}% covered "
            f"({p.done} of {p.total} placements; {e.done} of {e.total} entries)"
        )
        rows = [("placements", p), ("entries", e)]
        for (section, arch), counts in status.by_place.items():
            rows.append(("chapter" if section == "-" else f"{section} {'' if arch == '-' else arch}".strip(), counts))
        width = max(14, *(len(label) + 2 for label, _ in rows))
        header = f"{'native':>8}{'neutral':>8}{'transl.':>8}{'fuzzy':>8}{'untransl.':>10}{'cov.':>8}"
        lines.append(f"  {'':<{width}}{header}")
        lines.extend(_row(label, counts, width) for label, counts in rows)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _row(label: str, c: Counts, width: int) -> str:
    return (
        f"  {label:<{width}}{c.native:>8}{c.neutral:>8}{c.translated:>8}{c.fuzzy:>8}{c.untranslated:>10}"
        f"{c.coverage:>7.1f}%"
    )
