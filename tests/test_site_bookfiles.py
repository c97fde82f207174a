"""A book's files on the site: only its own, in their own namespace, a missing one a warning.

Before: ``<img src="/etc/passwd">`` was copied to ``site/etc/passwd``, an images folder
linked to ``/etc`` published ``site/etc/hostname``, a book file named like Material's
bundle replaced it, and a missing image stopped the build with a FileNotFoundError.
"""

from __future__ import annotations

import contextlib
import io
import re
from importlib import resources
from pathlib import Path

import pytest

from relnotes.model import Block, BlockKind, Document, Section
from relnotes.site import escape
from relnotes.site.bookfiles import NAMESPACE, book_files, book_uri
from tests.conftest import run_cli
from tests.hostile import ANCHOR, THEME_ASSET, hostile_project


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return hostile_project(tmp_path_factory.mktemp("hostile") / "proj")


@pytest.fixture(scope="module")
def built(hostile):
    """The hostile project's site, and what the build printed on stderr."""
    from relnotes.cli import main

    with contextlib.redirect_stderr(io.StringIO()) as err, contextlib.redirect_stdout(io.StringIO()):
        code = main(["site", "build", "-f", str(hostile / "mkdocs.yml"), "-d", str(hostile / "site")])
    return code, err.getvalue(), hostile / "site"


@pytest.mark.parametrize(
    "src, uri",
    [
        ("images/fig.png", "book-files/images/fig.png"),
        ("./images/fig.png", "book-files/images/fig.png"),
        ("/etc/passwd", "book-files/etc/passwd"),
        ("../../etc/passwd", "book-files/etc/passwd"),
        ("images/../../../x.png", "book-files/x.png"),
        ("images%2F..%2F..%2Fx.png", "book-files/x.png"),
        ("assets\\javascripts\\bundle.js", "book-files/assets/javascripts/bundle.js"),
    ],
)
def test_a_published_file_never_leaves_its_namespace(src, uri):
    assert book_uri(src) == uri


def _book_naming(folder: Path, sources: list[str]) -> Document:
    """A one-page book whose page names these images (made here: the reader may drop some itself)."""
    images = tuple(Block(BlockKind.IMAGE, src, 10 + n, page="intro.html") for n, src in enumerate(sources))
    chapter = Section("1", Block(BlockKind.HEADING, "Introdução", 1, page="intro.html"), blocks=images)
    return Document(str(folder), "pt_BR", (chapter,), pages=("intro.html",))


def test_only_files_inside_the_book_are_published(tmp_path):
    book = tmp_path / "guide.pt_BR"
    (book / "images").mkdir(parents=True)
    (book / "images" / "fig.png").write_bytes(b"png")
    (book / "escape").symlink_to("/etc")
    (book / "images" / "loop.png").symlink_to("loop.png")
    asset = book / THEME_ASSET
    asset.parent.mkdir(parents=True)
    asset.write_text("alert(1)")
    (tmp_path / "secret.png").write_bytes(b"secret")
    sources = [
        "images/fig.png",
        THEME_ASSET,
        "/etc/passwd",
        "escape/hostname",
        "../secret.png",
        "images/../../secret.png",
        "images%2F..%2F..%2Fsecret.png",
        "images/missing.png",
        "images/loop.png",
        "images/fig.png",  # named twice: published once
    ]
    files, refused = book_files(_book_naming(book, sources))
    assert files == {
        f"{NAMESPACE}/images/fig.png": (book / "images" / "fig.png").resolve(),
        f"{NAMESPACE}/{THEME_ASSET}": asset.resolve(),
    }
    page = f"{book}/intro.html"
    outside = f"leaves the document's folder {book}; it is not published"
    assert [str(problem) for problem in refused] == [
        f"{page}:12: image '/etc/passwd' {outside}",
        f"{page}:13: image 'escape/hostname' {outside}",
        f"{page}:14: image '../secret.png' {outside}",
        f"{page}:15: image 'images/../../secret.png' {outside}",
        f"{page}:16: image 'images%2F..%2F..%2Fsecret.png' {outside}",
        f"{page}:17: image 'images/missing.png' is missing; it is not published",
        f"{page}:18: image 'images/loop.png' cannot be resolved (a link loop?); it is not published",
    ]


def test_the_site_holds_no_outside_file_and_the_themes_own_script(hostile, built):
    code, err, site = built
    assert code == 0
    book = hostile / "sources" / "a-guide.pt_BR"
    warnings = [line for line in err.splitlines() if line.startswith("WARNING")]
    missing = f"WARNING -  {book}/intro.html:10: image 'images/missing.png' is missing; it is not published"
    assert warnings.count(missing) == 1  # once, not once per language; a warning, not a FileNotFoundError
    names = {p.name for p in site.rglob("*")}
    assert "passwd" not in names and "hostname" not in names
    assert (site / NAMESPACE / THEME_ASSET).is_file()
    assert (site / "en" / NAMESPACE / THEME_ASSET).is_file()
    material = resources.files("material").joinpath("templates/assets/javascripts")
    for prefix in ("", "en/"):
        shipped = sorted(p.name for p in Path(site, prefix, "assets", "javascripts").glob("bundle.*.min.js"))
        assert shipped == sorted(
            p.name for p in material.iterdir() if p.name.endswith(".min.js") and "bundle" in p.name
        )
        for name in shipped:
            assert Path(site, prefix, "assets/javascripts", name).read_bytes() == material.joinpath(name).read_bytes()


def test_a_docs_file_named_like_a_generated_page_is_refused_in_one_line(site_project, capsys):
    (site_project / "docs").mkdir()  # a team's own docs/ (none is needed), holding a page of its own
    (site_project / "docs" / "status.md").write_text("# Mine\n", encoding="utf-8")
    code, _out, err = run_cli(capsys, "site", "build", "-f", site_project / "mkdocs.yml")
    assert code == 2
    assert err.strip().splitlines() == [
        f"{site_project / 'mkdocs.yml'}: the pt_BR build failed: status.md: a generated page or book file "
        "would replace the theme's or docs/' file"
    ]


def test_a_published_id_cannot_end_the_headings_attribute_list(built):
    """``<a id="x } <img onerror=…> {">``: Markdown's ``{ #id }`` ended early, the rest was markup."""
    _code, _err, site = built
    page = (site / "intro" / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page
    # (with or without its published number before the title)
    heading = re.search(r'<h2 id="([^"]+)">(?:1\.1\. )?Uma seção<a class="headerlink" href="#([^"]+)"', page)
    assert heading is not None and heading.group(1) == heading.group(2) == escape.anchor(ANCHOR)


@pytest.mark.parametrize(
    "value, shown",
    [
        ("sect.apt-get", "sect.apt-get"),
        ("id-1.2.3", "id-1.2.3"),
        ("_usage", "_usage"),
        ("déploiement", "déploiement"),
        ("x } <b> {", "x----b---"),
        ('a"b', "a-b"),
    ],
)
def test_ids_publishers_generate_are_kept_and_others_made_safe(value, shown):
    assert escape.anchor(value) == shown


@pytest.mark.parametrize("target", ["https://[x", "http://[::1/", "//[bad"])
def test_a_link_no_browser_could_follow_stays_text(target):
    """urlsplit raises on these: the site build stopped with a ValueError traceback."""
    from relnotes.site.links import LinkMap

    assert LinkMap().href(target, "index") is None
