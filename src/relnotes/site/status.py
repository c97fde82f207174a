"""The translation-status page, ``status.json`` and one SVG badge per language.

Pure renderers over :mod:`relnotes.track` and :mod:`relnotes.track.worklist` values: the same
numbers as ``relnotes status`` and the same order as ``relnotes queue``, so the page, the
JSON and the terminal never disagree.
"""

from __future__ import annotations

import gettext
import html
import json
from collections.abc import Callable, Sequence

from relnotes import __version__
from relnotes.locales import LocaleId
from relnotes.show import clip
from relnotes.site.progress import BookProgress, ChapterProgress
from relnotes.site.ui import N_
from relnotes.track import Counts, LanguageStatus
from relnotes.track.worklist import Task

TITLE = N_("Translation status")
COVERAGE = N_("Coverage per language")
BY_PLACE = N_("By section and architecture")
PENDING = N_("Blocks waiting for translation")
SECTION = N_("Section")
CHAPTER = N_("Chapter title and introduction")
NONE_PENDING = N_("Nothing is waiting: every block is in this language.")
BLOCKS_DONE = N_("%(done)d of %(total)d blocks in this language")
FUZZY = N_("under review")
UNTRANSLATED = N_("not translated")
GENERAL = N_("general")
GRID = N_("Chapters by language")
BY_CHAPTER = N_("By chapter and section")
CHAPTER_HEAD = N_("Chapter")
COVERAGE_HEAD = N_("Coverage")
TRANSLATED = N_("translated")


def _bar(counts: Counts, label: str) -> str:
    pct = counts.coverage
    return (
        f'<span class="relnotes-bar" role="img" aria-label="{html.escape(label)}: {pct:.1f}%">'
        f'<span class="relnotes-bar__fill" style="width: {pct:.1f}%"></span></span> '
        f'<span class="relnotes-pct">{pct:.1f}%</span>'
    )


def status_page(
    statuses: Sequence[LanguageStatus],
    current: LocaleId,
    tasks: Sequence[Task],
    ui: gettext.NullTranslations,
    status_links: dict[str, str],
    section_titles: dict[str, str],
    source_lang: Callable[[str], str],
    badges: str = "../badges/",
    books: Sequence[BookProgress] = (),
    places: bool = True,
) -> str:
    """``status_links`` maps each locale to the URL of its status page, from this page;
    ``badges`` is the folder of the badges, from this page. ``books`` are the site's books,
    shown by chapter and section (and chapter × language); ``places`` asks for the section ×
    architecture table of release notes."""
    _ = ui.gettext
    lines = [f"# {html.escape(_(TITLE))}", "", f"## {html.escape(_(COVERAGE))} {{ #coverage }}", ""]
    lines.append(_scroll_box(_(COVERAGE)))
    lines.append('<table class="relnotes-coverage">')
    for status in statuses:
        locale = LocaleId.parse(status.locale)
        name = html.escape(locale.display_name(current))
        p = status.placements
        done = _(BLOCKS_DONE) % {"done": p.done, "total": p.total}
        lines.append(
            f'<tr><th><a href="{status_links[status.locale]}" hreflang="{locale.bcp47}">{name}</a></th>'
            f"<td>{_bar(p, name)}</td><td>{html.escape(done)}</td>"
            f'<td><img src="{badges}{locale.posix}.svg" alt="{p.coverage:.1f}%" '
            f'height="20"></td></tr>'
        )
    lines += ["</table>", "</div>", ""]
    mine = next(s for s in statuses if s.locale == current.posix)
    labels = _book_labels(books)
    if books:
        roots = {locale: link.removesuffix("status/") for locale, link in status_links.items()}
        lines += _book_grid(books, statuses, current, ui, roots)
        lines += _book_sections(books, current.posix, ui)
    if places:
        place_table = _place_table(mine, ui, section_titles)
        lines += [
            f"## {html.escape(_(BY_PLACE))} {{ #by-place }}",
            "",
            _scroll_box(_(BY_PLACE)),
            place_table,
            "</div>",
            "",
        ]
    lines += [f"## {html.escape(_(PENDING))} {{ #pending }}", ""]
    if not tasks:
        lines.append(f"<p>{html.escape(_(NONE_PENDING))}</p>")
    else:
        lines.append('<ol class="relnotes-pending">')
        for task in tasks:
            state = _(FUZZY) if task.state == "fuzzy" else _(UNTRANSLATED)
            links = ", ".join(_place_link(place, labels) for place in task.places)
            lines.append(
                f'<li><span class="relnotes-marker relnotes-marker--{task.state}">{html.escape(state)}</span> '
                f'<q lang="{source_lang(task.msgid)}">{html.escape(clip(task.msgid, 140))}</q> — {links}</li>'
            )
        lines.append("</ol>")
    return "\n".join(lines) + "\n"


def _scroll_box(label: str) -> str:
    """A table wider than a phone scrolls inside this box, not the whole page.

    Focusable and named, so a keyboard can scroll it and a screen reader can tell it apart.
    """
    return f'<div class="relnotes-scroll" role="region" tabindex="0" aria-label="{html.escape(label)}">'


def _chapter_label(chapter: ChapterProgress) -> str:
    return f"{chapter.number}. {chapter.title}" if chapter.number else chapter.title


def _cell_state(counts: Counts) -> str:
    """A chapter in a language, as one word: Lunaria's view, here counted by paragraph."""
    if counts.untranslated:
        return "untranslated"
    return "fuzzy" if counts.fuzzy else "translated"


def _book_grid(
    books: Sequence[BookProgress],
    statuses: Sequence[LanguageStatus],
    current: LocaleId,
    ui: gettext.NullTranslations,
    roots: dict[str, str],
) -> list[str]:
    """Chapter × language: each cell says how far that chapter is and links to it in that language."""
    _ = ui.gettext
    words = {"translated": _(TRANSLATED), "fuzzy": _(FUZZY), "untranslated": _(UNTRANSLATED)}
    locales = [LocaleId.parse(status.locale) for status in statuses]
    head = "".join(
        f'<th scope="col" lang="{loc.bcp47}">{html.escape(loc.display_name(loc))}</th>'
        if loc != current
        else f'<th scope="col">{html.escape(loc.display_name(current))}</th>'
        for loc in locales
    )
    lines = [f"## {html.escape(_(GRID))} {{ #chapters-by-language }}", "", _scroll_box(_(GRID))]
    first = f'<th scope="col">{html.escape(_(CHAPTER_HEAD))}</th>'
    lines.append(f'<table class="relnotes-grid"><thead><tr>{first}{head}</tr></thead><tbody>')
    for book in books:
        if len(books) > 1:
            lines.append(f'<tr><th scope="rowgroup" colspan="{len(locales) + 1}">{html.escape(book.title)}</th></tr>')
        for chapter in book.chapters:
            cells = []
            for loc in locales:
                counts = chapter.counts[loc.posix]
                if not counts.total:
                    cells.append("<td></td>")
                    continue
                word = _cell_state(counts)
                done = _(BLOCKS_DONE) % {"done": counts.done, "total": counts.total}
                cells.append(
                    f'<td class="relnotes-grid__{word}"><a href="{html.escape(roots[loc.posix] + chapter.link)}" '
                    f'hreflang="{loc.bcp47}" title="{html.escape(done)}">{html.escape(words[word])}</a> '
                    f'<span class="relnotes-pct">{counts.coverage:.0f}%</span></td>'
                )
            lines.append(f'<tr><th scope="row">{html.escape(_chapter_label(chapter))}</th>{"".join(cells)}</tr>')
    return [*lines, "</tbody></table>", "</div>", ""]


def _book_sections(books: Sequence[BookProgress], locale: str, ui: gettext.NullTranslations) -> list[str]:
    """Each chapter folds open onto its sections, by title and in reading order."""
    _ = ui.gettext
    lines = [f"## {html.escape(_(BY_CHAPTER))} {{ #by-chapter }}", ""]
    head = (
        f'<thead><tr><th scope="col">{html.escape(_(SECTION))}</th><th scope="col">{html.escape(_(COVERAGE_HEAD))}</th>'
        f'<th scope="col">{html.escape(_(FUZZY))}</th><th scope="col">{html.escape(_(UNTRANSLATED))}</th></tr></thead>'
    )
    for book in books:
        if len(books) > 1:
            lines += [f"### {html.escape(book.title)}", ""]
        for chapter in book.chapters:
            label = _chapter_label(chapter)
            total = chapter.counts[locale]
            pending = total.fuzzy + total.untranslated
            lines.append(
                f'<details class="relnotes-chapter"{" open" if pending and len(book.chapters) <= 3 else ""}>'
                f'<summary><span class="relnotes-chapter__title">{html.escape(label)}</span> {_bar(total, label)}'
                "</summary>"
            )
            rows = [("", _(CHAPTER), chapter.link, chapter.own[locale])]
            rows += [(s.number or "", s.title, s.link, s.counts[locale]) for s in chapter.sections]
            body = []
            for number, title, link, counts in rows:
                if not counts.total:
                    continue
                name = f"{number}. {title}" if number else title
                body.append(
                    f'<tr><th scope="row"><a href="../{html.escape(link)}">{html.escape(name)}</a></th>'
                    f"<td>{_bar(counts, name)}</td><td>{counts.fuzzy}</td><td>{counts.untranslated}</td></tr>"
                )
            lines += [
                _scroll_box(label),
                f'<table class="relnotes-sections">{head}<tbody>',
                *body,
                "</tbody></table></div>",
                "</details>",
            ]
        lines.append("")
    return lines


def _book_labels(books: Sequence[BookProgress]) -> dict[str, str]:
    """A book's places by the title a reader knows them by: link -> ``3.1. Basic concepts``."""
    labels = {}
    for book in books:
        for chapter in book.chapters:
            labels[chapter.link] = _chapter_label(chapter)
            for section in chapter.sections:
                labels[section.link] = f"{section.number}. {section.title}" if section.number else section.title
    return labels


def _place_link(place: dict, labels: dict[str, str]) -> str:
    """A place of a pending text: a book's by chapter or section title, release notes' by number."""
    link = place["link"]
    label = labels.get(link) or labels.get(link.partition("#")[0])
    if label is None:
        label = " ".join(str(place[x]) for x in ("section", "arch") if place[x]) or "—"
    return f'<a href="../{html.escape(link)}">{html.escape(label)}</a>'


def _place_table(status: LanguageStatus, ui: gettext.NullTranslations, titles: dict[str, str]) -> str:
    _ = ui.gettext
    arches = sorted({arch for _s, arch in status.by_place if arch != "-"})
    sections = sorted({section for section, _a in status.by_place})
    general = _(GENERAL) if arches else _(COVERAGE_HEAD)  # architecture columns only where there are groups
    head = "".join(f"<th>{html.escape(general if a == '-' else a)}</th>" for a in ["-", *arches])
    rows = [f'<table class="relnotes-places"><thead><tr><th>{html.escape(_(SECTION))}</th>{head}</tr></thead><tbody>']
    for section in sections:
        title = _(CHAPTER) if section == "-" else f"{section} {titles.get(section, '')}".strip()
        cells = []
        for arch in ["-", *arches]:
            counts = status.by_place.get((section, arch))
            label = general if arch == "-" else arch
            cells.append(f"<td>{_bar(counts, f'{title} {label}')}</td>" if counts else "<td></td>")
        rows.append(f"<tr><th>{html.escape(title)}</th>{''.join(cells)}</tr>")
    rows.append("</tbody></table>")
    return "\n".join(rows)


def status_json(statuses: Sequence[LanguageStatus]) -> str:
    data = {"generator": f"relnotes {__version__}", "languages": [s.as_dict() for s in statuses]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def badge_svg(label: str, coverage: float) -> str:
    """A shields-style badge; the colour steps at 50% and 90%."""
    value = f"{coverage:.1f}%"
    colour = "#4c1" if coverage >= 90 else "#dfb317" if coverage >= 50 else "#e05d44"
    left, right = 7 * len(label) + 10, 7 * len(value) + 10
    width = left + right
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
        f'aria-label="{html.escape(label)}: {value}"><title>{html.escape(label)}: {value}</title>'
        f'<rect width="{left}" height="20" fill="#555"/><rect x="{left}" width="{right}" height="20" '
        f'fill="{colour}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">'
        f'<text x="5" y="14">{html.escape(label)}</text><text x="{left + 5}" y="14">{value}</text></g></svg>\n'
    )
