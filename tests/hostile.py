"""A project an attacker wrote: script payloads in every place a text can come from.

Each payload is unique (its number tells where it was planted) and, if it ever ran,
records itself in ``window.__pwned`` and opens a dialog. The security tests build this
project's site and assert that none of them runs and that each shows as text.
"""

from __future__ import annotations

import html
import json
import shutil
from importlib import resources
from pathlib import Path

import polib

from tests.conftest import ROOT

# Named exactly as Material's script bundle, which every page loads from the site root.
THEME_ASSET = next(
    f"assets/javascripts/{p.name}"
    for p in resources.files("material").joinpath("templates/assets/javascripts").iterdir()
    if p.name.startswith("bundle.") and p.name.endswith(".min.js")
)


def payload(place: str) -> str:
    """Markup that runs script wherever it is parsed as HTML (an attribute handler and a tag)."""
    run = f"(window.__pwned=window.__pwned||[]).push('{place}');alert('{place}')"
    return f'{place} <img src=x onerror="{run}"> <svg onload="{run}"></svg> </title><script>{run}</script> end'


def with_markdown(text: str, place: str) -> str:
    """A msgstr may hold line breaks: after a blank line, Markdown of its own would begin."""
    return f"{text}\n\n[{place}-link](javascript:alert('{place}'))\n\n# <b>{place}</b>\n\n    {place} code"


PLACES = {
    "heading": payload("master-heading"),
    "paragraph": payload("master-paragraph"),
    "section": payload("master-section"),
    "book_title": payload("book-title"),
    "caption": payload("figure-caption"),
    "book_para": payload("book-paragraph"),
    "msgstr": with_markdown(payload("msgstr"), "msgstr-md"),
    "glossary": payload("glossary"),
    "override": payload("override"),
}
# The msgstr of the first master's heading: a document title in the navigation.
TITLE = with_markdown(payload("msgstr-title"), "msgstr-title-md")
# A published id that would end Markdown's attribute list early and leave markup in the heading.
ANCHOR = "x } <img src=x onerror=\"(window.__pwned=window.__pwned||[]).push('anchor');alert('anchor')\"> {"


def _master(heading: str, paragraph: str, section: str, override: str) -> str:
    return (
        f"6. {heading}\n\n\nEste capítulo descreve as atualizações do sistema e dos pacotes.\n\n"
        f"6.1. {section}\n\n"
        "  • O kit de ferramentas do espaço do usuário foi atualizado nesta versão do sistema.\n"
        f"  • {paragraph}\n"
        "  • The hypervisor now saves the address correctly, which resolves this issue.\n"
        f"  • {override}\n"
        f"  • O pacote {PLACES['glossary']} foi atualizado para a versão mais recente do sistema.\n"
    )


def _book(folder: Path, title: str, caption: str, paragraph: str) -> None:
    """A two-page Publican book whose texts hold markup (as text, entity-escaped in its HTML)."""
    folder.mkdir(parents=True)
    e = html.escape
    (folder / "index.html").write_text(
        '<html><head><title>t</title><link rel="next" href="intro.html" /></head><body>\n'
        '<div xml:lang="pt-BR" class="book" lang="pt-BR"><div class="titlepage"><div><div>'
        f'<h1 class="title"><a id="guide"></a>{e(title)}</h1></div></div></div>\n'
        '<div class="toc"><dl class="toc"><dt><span class="chapter">'
        '<a href="intro.html">1. Introdução</a></span></dt></dl></div>\n</div></body></html>\n',
        encoding="utf-8",
    )
    (folder / "intro.html").write_text(
        '<html><head><title>c</title><link rel="prev" href="index.html" /></head><body>\n'
        '<div xml:lang="pt-BR" class="chapter" lang="pt-BR"><div class="titlepage"><div><div>'
        '<h1 class="title"><a id="intro"></a>Capítulo 1. Introdução</h1></div></div></div>\n'
        f'<div class="para">{e(paragraph)}</div>\n'
        '<div class="para">Este guia explica a ferramenta e o seu uso no sistema.</div>\n'
        '<div class="section"><div class="titlepage"><div><div><h2 class="title">'
        f'<a id="{e(ANCHOR)}"></a>1.1. Uma seção</h2></div></div></div>\n'
        '<div class="para">O sistema de arquivos foi atualizado nesta versão.</div></div>\n'
        '<div class="figure" id="fig-one"><div class="figure-contents"><div class="mediaobject">'
        f'<img src="{THEME_ASSET}" alt="x" /></div></div>'
        f'<h6>Figura 1.1. {e(caption)}</h6></div><br class="figure-break" />\n'
        '<div class="mediaobject"><img src="/etc/passwd" alt="x" /></div>\n'
        '<div class="mediaobject"><img src="escape/hostname" alt="x" /></div>\n'
        '<div class="mediaobject"><img src="images/missing.png" alt="x" /></div>\n'
        "</div></body></html>\n",
        encoding="utf-8",
    )
    asset = folder / THEME_ASSET
    asset.parent.mkdir(parents=True)
    asset.write_text("(window.__pwned=window.__pwned||[]).push('theme-asset');alert('theme-asset');\n")
    (folder / "escape").symlink_to("/etc")  # an images folder that is a link out of the book


def hostile_project(root: Path) -> Path:
    """Write the project, update its catalogs and plant the catalog, glossary and override payloads."""
    from relnotes.catalog.update import update
    from relnotes.project import Project

    (root / "sources").mkdir(parents=True)
    # The book first: its pages are the site root's, where Material's own bundle is.
    (root / "sources" / "b-notes.pt_BR.txt").write_text(
        _master(PLACES["heading"], PLACES["paragraph"], PLACES["section"], PLACES["override"]), encoding="utf-8"
    )
    _book(root / "sources" / "a-guide.pt_BR", PLACES["book_title"], PLACES["caption"], PLACES["book_para"])
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")  # the plugin brings its templates
    (root / "locales").mkdir()
    (root / "locales" / "glossary.txt").write_text(PLACES["glossary"] + "\n", encoding="utf-8")
    (root / "locales" / "overrides.toml").write_text(
        f'[[override]]\ntext = {json.dumps(PLACES["override"])}\nlang = "en"\n', encoding="utf-8"
    )
    update(Project.load(root))
    for lang, msgid, msgstr in (
        ("en", "O kit de ferramentas do espaço do usuário foi atualizado nesta versão do sistema.", PLACES["msgstr"]),
        ("pt_BR", PLACES["heading"], TITLE),
    ):
        path = root / "locales" / lang / "LC_MESSAGES" / "release-notes.po"
        catalog = polib.pofile(str(path))
        entry = catalog.find(msgid)
        assert entry is not None, (lang, msgid)
        entry.msgstr = msgstr
        catalog.save(str(path))
    return root
