"""A run of blocks as HTML, each in its frame: admonitions, tables, figures, examples,
definition lists and nested lists.

Pure: the caller gives how one block becomes an element (:data:`Element`, which escapes
and marks untranslated text) and how a published image path becomes a site URL; this
module only puts the elements back into the shape the document had. Frames use
Material's own classes (``admonition note``) so they look native in the theme.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby

from relnotes.model import Block, BlockKind, Box

# (start tag with content, end tag) for one block rendered as the given tag, with a class of
# its frame's (``admonition-title``): the element merges it with its own marker classes.
Element = Callable[[Block, str, str], tuple[str, str]]

# An image drawn as an <img>, its source and alternative text resolved for the page.
Picture = Callable[[Block], str]

# DocBook's admonitions, as Material names its admonition styles.
ADMONITIONS = {
    "note": "note",
    "tip": "tip",
    "important": "warning",
    "caution": "warning",
    "warning": "danger",
    "sidebar": "abstract",
}


def _frame_key(block: Block) -> tuple[str, int] | None:
    return (block.box.kind, block.box.number) if block.box is not None else None


def render_blocks(
    blocks: Sequence[Block],
    element: Element,
    image: Callable[[str], str],
    alt: Callable[[Block], tuple[str, str, str]] | None = None,
) -> str:
    """Consecutive blocks that share a frame are drawn inside it; others flow as prose.

    An image's alternative text is the ALT block right after it: ``alt`` gives the text a
    page shows for it, that text's language (``""``: the page's), drawn as the image's
    ``alt`` and ``lang``, and the marker to show after the image when that text is not
    translated (an attribute cannot hold one). An image without one is decorative (``alt=""``).
    """
    alts: dict[int, Block] = {}
    kept: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.ALT:
            if kept and kept[-1].kind is BlockKind.IMAGE:
                alts[id(kept[-1])] = block
            continue
        kept.append(block)

    def picture(block: Block) -> str:
        text, lang, marker = alt(alts[id(block)]) if alt is not None and id(block) in alts else ("", "", "")
        language = f' lang="{html.escape(lang)}"' if lang else ""
        drawn = f'<img src="{html.escape(image(block.text))}" alt="{html.escape(text)}"{language} loading="lazy">'
        return drawn + marker

    parts: list[str] = []
    for key, run in groupby(kept, key=_frame_key):
        run_blocks = list(run)
        if key is None:
            parts.extend(_flow(run_blocks, element, picture))
        else:
            parts.append(_frame(run_blocks[0].box, run_blocks, element, picture))
    return "\n".join(parts)


def _flow(blocks: Iterable[Block], element: Element, picture: Picture) -> Iterator[str]:
    """Prose with nested lists: a list entry at level L, then blocks continuing it at L + 1."""
    open_levels: list[int] = []  # levels of the <ul> still open, each with an <li> open
    for block in blocks:
        if block.kind is BlockKind.LIST_ITEM:
            while open_levels and open_levels[-1] > block.level:
                open_levels.pop()
                yield "</li></ul>"
            if open_levels and open_levels[-1] == block.level:
                yield "</li>"
            else:
                open_levels.append(block.level)
                yield "<ul>"
            start, _end = element(block, "li", "")
            yield start
            continue
        while open_levels and open_levels[-1] >= block.level:
            open_levels.pop()
            yield "</li></ul>"
        yield _one(block, element, picture)
    while open_levels:
        open_levels.pop()
        yield "</li></ul>"


def _one(block: Block, element: Element, picture: Picture) -> str:
    if block.kind is BlockKind.IMAGE:
        return f"<p>{picture(block)}</p>"
    tag = "pre" if block.kind is BlockKind.CODE else "p"
    start, end = element(block, tag, "relnotes-title" if block.kind is BlockKind.TITLE else "")
    return start + end


def _frame(box: Box, blocks: list[Block], element: Element, picture: Picture) -> str:
    title = [b for b in blocks if b.kind is BlockKind.TITLE][:1]
    body = [b for b in blocks if b not in title]
    if box.kind in ADMONITIONS:
        head = ""
        if title:
            start, end = element(title[0], "p", "admonition-title")
            head = start + end
        inner = "\n".join(_flow(body, element, picture))
        return f'<div class="admonition {ADMONITIONS[box.kind]}">\n{head}\n{inner}\n</div>'
    if box.kind == "table":
        return _table(title, body, element, picture)
    if box.kind == "varlist":
        return _definitions(blocks, element, picture)
    if box.kind == "figure":
        images = "\n".join(_one(b, element, picture) for b in body)
        caption = ""
        if title:
            start, end = element(title[0], "figcaption", "")
            caption = start + end
        return f'<figure class="relnotes-figure">\n{images}\n{caption}\n</figure>'
    inner = "\n".join(_flow(blocks, element, picture))
    return f'<div class="relnotes-{html.escape(box.kind)}">\n{inner}\n</div>'


def _table(title: list[Block], cells: list[Block], element: Element, picture: Picture) -> str:
    rows = []
    for _row, run in groupby(cells, key=lambda b: b.box.row if b.box else 0):
        rendered = []
        for cell in run:
            if cell.kind is BlockKind.IMAGE:  # a figure in a cell (DocBook draws admonition icons so)
                rendered.append(f"<td>{_one(cell, element, picture)}</td>")
                continue
            start, end = element(cell, "td", "")
            rendered.append(start + end)
        rows.append("<tr>" + "".join(rendered) + "</tr>")
    caption = ""
    if title:
        start, end = element(title[0], "caption", "")
        caption = start + end
    body = "\n".join(rows)
    return f'<div class="relnotes-table" tabindex="0">\n<table>\n{caption}\n{body}\n</table>\n</div>'


def _definitions(blocks: list[Block], element: Element, picture: Picture) -> str:
    """Terms and their descriptions; what comes before the first term (a title) stands above the list,
    since a description without a term is no definition list (WCAG: dl holds dt and dd groups)."""
    first_term = next((n for n, b in enumerate(blocks) if b.kind is BlockKind.TERM), len(blocks))
    parts = [_one(b, element, picture) for b in blocks[:first_term]]
    if first_term == len(blocks):
        return "\n".join(parts)
    parts.append("<dl>")
    for is_term, run in groupby(blocks[first_term:], key=lambda b: b.kind is BlockKind.TERM):
        if is_term:
            for term in run:
                start, end = element(term, "dt", "")
                parts.append(start + end)
        else:
            parts.append("<dd>\n" + "\n".join(_flow(list(run), element, picture)) + "\n</dd>")
    parts.append("</dl>")
    return "\n".join(parts)
