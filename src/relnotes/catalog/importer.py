"""``relnotes import``: a published edition's translations into its language's catalog.

The alignment (:mod:`relnotes.catalog.align`) says which edition block stands for which
original block; this module decides what each pair may write and writes it. An edition
of another book, or in another language than ``--locale``, is refused before anything is
written (:mod:`relnotes.catalog.edition`). A translation already in the catalog is never
overwritten: the first import of an edition lists it as a conflict (exit code 1) and
records the edition (its digest in the ``X-Relnotes-Imported`` header field); importing
that edition again keeps such translations without a word of conflict, as it keeps a
translator's correction of an imported suggestion: a person's text wins, and a second
import of the same edition writes nothing. A block the edition left in the source language (identical to
the original, or detected as the source language) stays untranslated: an English msgstr
in the pt_BR catalog would pass for a translation. Unsure pairs become fuzzy with a
translator comment (``# relnotes import: …``) saying why; a translator comment, unlike an
extracted one, survives ``relnotes update`` and is the translator's to delete once the
suggestion is checked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polib

from relnotes.atomic import write_atomic
from relnotes.catalog.align import Pair, align
from relnotes.catalog.edition import refuse_other_book, refuse_other_language
from relnotes.catalog.left_in import judge
from relnotes.catalog.pofile import now_stamp, read_catalog, render, write_catalog
from relnotes.catalog.update import locked, plan
from relnotes.detect import Decision, LanguageDetector
from relnotes.detect.overrides import load_overrides
from relnotes.errors import CatalogError, SourceError
from relnotes.locales import LocaleId
from relnotes.model import Document
from relnotes.project import Project
from relnotes.read import locale_from_name, read_document
from relnotes.show import clip

COMMENT = "relnotes import: "
IMPORTED = "X-Relnotes-Imported"  # digests of the editions imported into a catalog, newest last
REMEMBERED = 20


@dataclass(frozen=True, slots=True)
class Proposal:
    msgstr: str
    reason: str  # empty: a sure translation; else the entry is fuzzy and says why
    confidence: float = 1.0


@dataclass
class Proposals:
    """What an edition offers the catalog, per msgid, and what it left untranslated."""

    chosen: dict[str, Proposal] = field(default_factory=dict)
    left: set[str] = field(default_factory=set)  # the edition shows the source text here
    missing: int = 0  # original blocks with no counterpart in the edition
    variants: int = 0  # places whose edition text differs from the translation kept


def propose(pairs: Iterable[Pair], decide: Callable[[str], Decision], source: str) -> Proposals:
    """Per msgid, the first sure translation, else the first unsure one (pure)."""
    result = Proposals()
    for pair in pairs:
        msgid = pair.original.block.text
        if pair.edition is None:
            result.missing += 1
            continue
        text = pair.edition.text
        verdict = judge(msgid, text, decide, source)
        if verdict == "left":
            result.left.add(msgid)
            continue
        reason = pair.reason or verdict or ""
        current = result.chosen.get(msgid)
        if current is None or (current.reason and not reason):
            result.chosen[msgid] = Proposal(text, reason, pair.confidence)
        if current is not None and current.msgstr != text:
            result.variants += 1
    result.left -= set(result.chosen)
    return result


def digest(proposals: Proposals) -> str:
    """What an edition offers, in 16 hex digits: the same edition imported again has the same."""
    text = "\0".join(f"{msgid}\1{p.msgstr}\1{p.reason}" for msgid, p in sorted(proposals.chosen.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class ImportReport:
    catalog: Path
    imported: int = 0
    fuzzy: int = 0
    unchanged: int = 0
    left: int = 0
    outside: int = 0  # translated in the edition, but the catalog holds no such entry
    missing: int = 0
    extra: int = 0
    variants: int = 0
    kept: int = 0  # a person's translation where the edition, imported before, says otherwise
    conflicts: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"{self.catalog}: imported {self.imported} translations ({self.fuzzy} of them fuzzy), "
            f"{self.unchanged} already there, kept {self.kept} a person wrote or changed since, "
            f"{self.left} left untranslated (the edition shows the original), "
            f"{len(self.conflicts)} conflicts; {self.outside} not in this catalog, "
            f"{self.missing} original blocks and {self.extra} edition blocks without counterpart, "
            f"{self.variants} other renderings of a text already taken",
            *self.conflicts,
        ]


def apply_proposals(catalog: polib.POFile, proposals: Proposals, path: Path) -> ImportReport:
    """Fill empty msgstr in place; a msgstr already there is kept.

    A different one is a conflict the first time this edition is imported (the edition is
    then recorded in the header); after that it is a person's choice, kept and counted.
    """
    report = ImportReport(path, missing=proposals.missing, variants=proposals.variants)
    seen = catalog.metadata.get(IMPORTED, "").split()
    mine = digest(proposals)
    known = mine in seen
    entries = {e.msgid: e for e in catalog if not e.obsolete and not e.msgid_plural}
    report.left = sum(1 for msgid in proposals.left if msgid in entries and not entries[msgid].msgstr)
    for msgid, proposal in proposals.chosen.items():
        entry = entries.get(msgid)
        if entry is None:
            report.outside += 1
        elif entry.msgstr == proposal.msgstr:
            report.unchanged += 1
        elif entry.msgstr and known:
            report.kept += 1
        elif entry.msgstr:
            report.conflicts.append(
                f"{path}:{entry.linenum}: conflict: the catalog already translates "
                f"{clip(msgid, 50)!r} differently; kept it (edition: {clip(proposal.msgstr, 50)!r})"
            )
        else:
            entry.msgstr = proposal.msgstr
            entry.previous_msgid = None
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
            if proposal.reason:
                entry.flags.insert(0, "fuzzy")
                note = f"{COMMENT}{proposal.reason} (confidence {proposal.confidence:.2f})"
                entry.tcomment = f"{entry.tcomment}\n{note}" if entry.tcomment else note
                report.fuzzy += 1
            report.imported += 1
    if not known and (report.imported or report.conflicts):
        catalog.metadata[IMPORTED] = " ".join([*seen, mine][-REMEMBERED:])
    return report


def _original_masters(project: Project) -> list[tuple[Path, Document | None]]:
    """The masters written in the source language (read now only if the name does not say)."""
    source = LocaleId.parse(project.source_language).language
    found = []
    for path in project.source_paths():
        named = locale_from_name(path)
        document = None if named else project.document(path)
        language = LocaleId.parse(named).language if named else LocaleId.parse(document.locale).language
        if language == source:
            found.append((path, document))
    return found


def choose_master(project: Project, edition: Path, name: str | None) -> tuple[Path, Document | None]:
    """The original this edition translates: ``--master``, else the same name, else the only one."""
    originals = _original_masters(project)
    if not originals:
        raise CatalogError(
            str(project.sources_dir),
            f"no master in the source language ({project.source_language}); put the original edition in sources/",
        )
    names = ", ".join(path.name for path, _ in originals)
    if name is not None:
        chosen = [item for item in originals if name in {item[0].name, item[0].name.split(".")[0]}]
        if not chosen:
            raise CatalogError(str(project.sources_dir), f"no original master named {name!r}; choose one of: {names}")
        return chosen[0]
    stem = edition.name.split(".")[0]
    same = [item for item in originals if item[0].name.split(".")[0] == stem]
    if len(same) == 1:
        return same[0]
    if len(originals) == 1:
        return originals[0]
    raise CatalogError(str(edition), f"cannot tell which master it translates ({names}); pass --master NAME")


def _ensure_catalogs(project: Project, locale: LocaleId, say: Callable[[str], None]) -> None:
    """Create the template and catalogs as ``update`` does, if this language's is missing."""
    if project.template_path.exists() and project.catalog_path(locale).exists():
        return
    say(f"{project.catalog_path(locale)}: no catalog yet; running relnotes update first")
    for item in plan(project):
        write_catalog(item.path, item.catalog)


def import_edition(
    project: Project,
    edition_path: str | Path,
    locale_name: str,
    master: str | None = None,
    say: Callable[[str], None] = print,
    progress: Callable[[str, int, int], None] | None = None,
) -> ImportReport:
    """Read, align and decide in memory; then, under the lock, fill the catalog and write it once."""
    path = Path(edition_path)
    if not path.exists():
        raise SourceError(str(path), "no such file or folder; give the path of a published edition")
    locale = project.locale(locale_name)
    source = LocaleId.parse(project.source_language)
    if locale.language == source.language:
        raise CatalogError(str(path), f"{locale} is the source language; import a translated edition")
    master_path, original = choose_master(project, path, master)
    tell = progress or (lambda _label, _done, _total: None)
    tell(f"reading {master_path.name} and {path.name}", 0, 2)
    original = original or project.document(master_path)  # update read it: from the cache
    tell(f"reading {master_path.name} and {path.name}", 1, 2)
    edition = read_document(path, locale=locale.posix)
    tell(f"reading {master_path.name} and {path.name}", 2, 2)
    alignment = align(original, edition, lambda done, total: tell("aligning", done, total))
    refuse_other_book(alignment, path, master_path)
    detector = LanguageDetector(
        [locale.language, source.language], backend=project.detector, overrides=load_overrides(project.overrides_path)
    )
    pages = {page: number for number, page in enumerate(dict.fromkeys(p.original.block.page for p in alignment.pairs))}

    def counted(pairs: tuple[Pair, ...]) -> Iterable[Pair]:
        """The pairs, saying on which page the language checks are (the slow part after reading)."""
        shown = -1
        for pair in pairs:
            if pages[pair.original.block.page] != shown:
                shown = pages[pair.original.block.page]
                tell("checking languages, page", shown, len(pages))
            yield pair
        tell("checking languages, page", len(pages), len(pages))

    proposals = propose(counted(alignment.pairs), detector.decide_text, source.language)
    languages = [loc.language for loc in project.languages]
    refuse_other_language([p.msgstr for p in proposals.chosen.values()], path, locale, languages)
    with locked(project, say=say):
        _ensure_catalogs(project, locale, say)
        catalog_path = project.catalog_path(locale)
        catalog = read_catalog(catalog_path)
        before = catalog.metadata.get(IMPORTED)
        report = apply_proposals(catalog, proposals, catalog_path)
        report.extra = len(alignment.extra)
        if report.imported or (report.conflicts and catalog.metadata.get(IMPORTED) != before):
            catalog.metadata["PO-Revision-Date"] = now_stamp()
            write_atomic(catalog_path, render(catalog))
    return report
