"""The site folder is relnotes' own: marked, never emptied unless marked, swapped in whole.

``site build -d DIR`` replaces what DIR holds. Before this module it emptied any folder it
was given (``..``, ``/``, a folder of someone's files). Now a folder relnotes built carries
a marker (:data:`SITE_MARKER`), and a folder that holds anything without it is refused in
one line.

The new site is built beside the old one, in a hidden sibling folder that is marked too,
and exchanged with it in one ``renameat2(RENAME_EXCHANGE)``: whenever the build is
interrupted, the site folder holds the previous site or the new one, never neither and
never a half. (Where the system has no exchange, two renames with the previous site kept
aside until the new one is in place; a build interrupted between the two puts the
previous site back when it starts.) A sibling left by a killed build is removed by the next.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from relnotes.errors import RelnotesError

SITE_MARKER = ".relnotes-site"  # in the site folder's root: relnotes built it, and may empty it
_OLD_MARKER = ".relnotes-build.json"  # the default language's build marker: a site of an earlier relnotes
_MARKER_TEXT = "This folder is a site built by relnotes; `relnotes site build` replaces it whole.\n"


def is_ours(folder: Path) -> bool:
    return (folder / SITE_MARKER).is_file() or (folder / _OLD_MARKER).is_file()


def check_site_folder(site: Path, project: Path) -> None:
    """Refuse, in one line, a site folder relnotes may not replace."""
    resolved = site.resolve()
    where = str(site)
    if resolved == Path(resolved.anchor):
        raise RelnotesError(where, "the site folder is the file system's root; choose a folder of its own (-d DIR)")
    if project.resolve().is_relative_to(resolved):
        raise RelnotesError(where, "the site folder holds the project itself; choose another (-d DIR)")
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        raise RelnotesError(where, "the site folder is a file or a link; choose a folder of its own (-d DIR)")
    if site.is_dir() and not is_ours(site) and any(site.iterdir()):
        raise RelnotesError(
            where,
            f"holds files relnotes did not build (no {SITE_MARKER}); refusing to replace it: "
            "choose a new or empty folder (-d DIR), or empty it yourself",
        )


def sibling(site: Path, what: str) -> Path:
    """A hidden folder next to the site, on the same file system (a rename cannot cross one)."""
    return site.parent / f".{site.name}.relnotes-{what}"


def recover(site: Path) -> None:
    """Undo what an interrupted build left: the previous site put back, stale staging removed."""
    aside = sibling(site, "previous")
    if aside.is_dir() and is_ours(aside):
        if not site.exists():
            os.replace(aside, site)
        else:
            shutil.rmtree(aside)
    new = sibling(site, "new")
    if new.is_dir() and is_ours(new):
        shutil.rmtree(new)
    elif new.is_dir() and not any(new.iterdir()):  # killed between making it and marking it
        new.rmdir()


def new_site(site: Path) -> Path:
    """An empty, marked folder to build the next site in (beside the site, see :func:`sibling`)."""
    recover(site)
    new = sibling(site, "new")
    if new.exists():
        raise RelnotesError(str(new), "is in the way of the site build and was not made by relnotes; remove it")
    new.mkdir(parents=True)
    mark(new)
    return new


def mark(folder: Path) -> None:
    (folder / SITE_MARKER).write_text(_MARKER_TEXT, encoding="utf-8")


def swap_in(new: Path, site: Path) -> None:
    """Put the built site in place of the previous one at once, then remove the previous one."""
    if not site.exists():
        os.replace(new, site)
        return
    if _exchange(new, site):
        shutil.rmtree(new)  # now the previous site
        return
    aside = sibling(site, "previous")
    os.replace(site, aside)
    os.replace(new, site)
    shutil.rmtree(aside)


@contextmanager
def writing(site: Path) -> Iterator[None]:
    """Where the site cannot be written (a read-only place, a file in the path), one line says so."""
    try:
        yield
    except OSError as exc:
        what = f" ({exc.filename})" if exc.filename else ""
        raise RelnotesError(
            str(site), f"cannot write the site: {exc.strerror or exc}{what}; choose a folder you can write (-d DIR)"
        ) from None


def discard(new: Path) -> None:
    """Remove a failed or interrupted build's folder (the site itself is untouched)."""
    if new.is_dir() and is_ours(new):
        shutil.rmtree(new, ignore_errors=True)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Linux's atomic exchange of two paths; False where the system or file system has none."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))
