"""The real books of every kind the readers must handle, as Debian packages install them.

Read where the packages put them, never copied. Each entry is one edition of one book: the
path ``read_document`` is given and the locale to ask for (None: the book must tell it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DOC = Path("/usr/share/doc")
# Package -> what it installs; .ci/run apt-gets every one of them.
PACKAGES = {
    "debian-handbook": "Publican, per-language folders",
    "installation-guide-amd64": "DocBook XSL chunked, per-language folders",
    "maint-guide maint-guide-de maint-guide-fr maint-guide-ja": "DocBook XSL chunked, language suffix",
    "debian-faq debian-faq-de debian-faq-fr debian-faq-pt": "DocBook XSL chunked, language suffix",
    "developers-reference developers-reference-de developers-reference-fr developers-reference-ja": "Sphinx html",
    "kicad-doc-en kicad-doc-de kicad-doc-ja": "Asciidoctor, one page per manual",
}


@dataclass(frozen=True)
class Edition:
    book: str  # kind of book: handbook, install, maint, faq, devref, kicad-<manual>
    path: Path
    locale: str | None  # asked for on the command line; None: from name or markup

    @property
    def name(self) -> str:
        """``install:de``, ``maint:ja``, ``kicad-pcbnew:de``."""
        where = self.path.parent.name if self.path.is_file() else self.path.name
        return f"{self.book}:{self.locale or where}"


def _folders(root: Path, marker: str) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / marker).exists()) if root.is_dir() else []


def editions() -> list[Edition]:
    """Every installed edition of every dev book; empty when no package is installed."""
    found: list[Edition] = []
    found += [Edition("handbook", p, None) for p in _folders(DOC / "debian-handbook" / "html", "index.html")]
    found += [Edition("install", p, None) for p in _folders(DOC / "installation-guide-amd64", "index.html")]
    for suffix in ("", "-de", "-fr", "-ja"):
        folder = DOC / f"maint-guide{suffix}" / "html"
        if folder.is_dir():
            found.append(Edition("maint", folder, suffix.lstrip("-") or "en"))
    faq = DOC / "debian" / "FAQ"
    if faq.is_dir():
        found.append(Edition("faq", faq, "en"))
        found += [Edition("faq", p, p.name) for p in sorted(faq.iterdir()) if (p / f"index.{p.name}.html").exists()]
    devref = Path("/usr/share/developers-reference")
    if (devref / "index.html").is_file():
        found.append(Edition("devref", devref, None))
        found += [Edition("devref", p, None) for p in _folders(devref, "index.html") if not p.name.startswith("_")]
    kicad = DOC / "kicad" / "help"
    for language in _folders(kicad, "kicad.html"):
        found += [Edition(f"kicad-{page.stem}", page, None) for page in sorted(language.glob("*.html"))]
    return found
