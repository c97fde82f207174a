"""The one boundary where text from a master, a book or a catalog becomes site markup.

Everything such a text holds is the author's words, never markup: ``<img onerror=…>`` in a
heading or a msgstr must read as those characters. Each place a text lands is parsed by
something different, so each has its function here, and every renderer goes through them:

- :func:`text` for HTML element content (page bodies, the status page, badges);
- :func:`attribute` for an HTML attribute value (``lang``, ``href``, ``aria-label``);
- :func:`anchor` for an id in Markdown's attribute list (a published id, a key from a title);
- :func:`heading` for a Markdown heading (Python-Markdown turns it into the page title,
  the table of contents and the search index, and unescapes what it is given once);
- :func:`nav_title` for a title in MkDocs' navigation, which Material writes into every
  page *without* escaping it.

Markup relnotes generates is the only markup on the site.
"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")
_NOT_IN_ID = re.compile(r"[^\w.:-]")
_LANG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def text(value: str) -> str:
    """Element content: ``<``, ``>``, ``&`` and both quotes escaped."""
    return html.escape(value, quote=True)


def attribute(value: str) -> str:
    """An attribute value, written between double quotes."""
    return html.escape(value, quote=True)


def lang(value: str) -> str:
    """A ``lang`` attribute's value: a BCP 47 tag, or nothing (a value that is no tag says nothing)."""
    return value if _LANG.match(value) else ""


def anchor(value: str) -> str:
    """An id given in Markdown's attribute list (``{ #id }``): a published id or a key from a title.

    Whitespace, braces, quotes or ``<`` would end the list early and leave the rest of the
    line, markup included, in the heading; they become ``-``. Ids that publishers generate
    (``sect.apt-get``, ``id-1.2.3``, ``_usage``) are kept as they are.
    """
    return _NOT_IN_ID.sub("-", value)


def heading(value: str) -> str:
    """A Markdown heading's text: on one line (a line break would end the heading and start
    Markdown of its own), HTML-escaped, then every Markdown character backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(value.split()), quote=False))


def nav_title(value: str) -> str:
    """A navigation title: Material writes it as markup into every page, so it is escaped here."""
    return html.escape(value, quote=True)
