"""Build the site's languages, in parallel processes or one per machine, and assemble them.

One Material build per language from the one ``mkdocs.yml`` (the plugin's ``language``
option set for each): each language gets Material's interface strings and a search index
of its own, and the cost grows linearly with the languages.

Every language is built into a staging folder of its own (MkDocs cleans its ``site_dir``,
so building the default language at the site root would wipe the others) and then moved
into its place: the default language at the root, the others below it (``en/``), all in a
new site folder beside the old one that then replaces it in one exchange
(:mod:`relnotes.site.output`: the site folder always holds a whole site). So the
order of the builds does not matter, and a CI fan-out (``relnotes site build --language LL``
on one machine per language, the folders merged) followed by ``relnotes site assemble``
gives the very site one ``relnotes site build`` gives. Each language leaves a small marker
(``.relnotes-build.json``: language and a digest of every input) that the assembly checks,
so a language built from other catalogs, another theme or another address is refused
rather than published next to the others.
"""

from __future__ import annotations

import concurrent.futures
import gc
import json
import logging
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.exceptions import Abort, PluginError

from relnotes import errors
from relnotes.errors import RelnotesError
from relnotes.locales import LocaleId
from relnotes.site import output
from relnotes.site.assemble import MARKER, assemble, configure, inputs_digest, mkdocs_config, site_content
from relnotes.site.content import SiteContent
from relnotes.site.plugin import material_language, search_language

log = logging.getLogger("relnotes.site.publish")


class BuildFailed(RelnotesError):
    """Raised when MkDocs aborts a language's build (the reason was logged by MkDocs)."""


@dataclass(frozen=True, slots=True)
class LanguageBuild:
    """One language's build, as the progress line and the summary report it."""

    locale: str  # POSIX
    seconds: float
    interface: str  # Material's interface language ("en" where Material has none)
    search: str | None  # the lunr language of its search index (None: Material's English setup)
    direction: str

    def describe(self) -> str:
        locale = LocaleId.parse(self.locale)
        interface = self.interface
        if interface == "en" and locale.language != "en":
            interface = "en (Material has no translation)"
        search = self.search or "en (no lunr language from Material)"
        rtl = ", right to left" if self.direction == "rtl" else ""
        return f"{self.locale} {self.seconds:.2f} s: interface {interface}, search {search}{rtl}"


Progress = Callable[[LanguageBuild, int, int], None]


def build_all(
    config_file: str | Path = "mkdocs.yml",
    site_dir: str | Path | None = None,
    site_url: str | None = None,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[LanguageBuild]:
    """Build every language (``jobs`` at a time, in separate processes), then assemble.

    ``site_url`` replaces the configured one when the site is served elsewhere (a preview):
    Material maps a page to its other-language twin through the sitemaps' URLs, and sends
    the reader to the language's home page when they do not match where it is served.
    """
    config_file, config = configure(config_file, site_dir, site_url)
    site = Path(config.site_dir)
    content = site_content(config_file, config)
    digest = inputs_digest(config_file, config)
    languages = [loc.posix for loc in content.locales]
    with output.writing(site):
        new = output.new_site(site)  # beside the site: the previous one stays served until the swap
        try:
            builds = _build(config_file, content, languages, new / ".stage", site_url, jobs, progress, digest)
            for locale in content.locales:
                _place(new / ".stage" / locale.posix, new, content.prefix(locale), _prefixes(content))
            shutil.rmtree(new / ".stage")
            assemble(config_file, new, site_url, content=content, digest=digest)
            output.swap_in(new, site)
        except BaseException:
            output.discard(new)
            raise
    return builds


def build_languages(
    config_file: str | Path,
    languages: Iterable[str],
    site_dir: str | Path | None = None,
    site_url: str | None = None,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[LanguageBuild]:
    """Build some languages into their places in the site, leaving the others as they are.

    Nothing shared is written: run :func:`assemble` once every language is in place.
    """
    config_file, config = configure(config_file, site_dir, site_url)
    site = Path(config.site_dir)
    content = site_content(config_file, config)
    wanted = [content.project.locale(value) for value in languages]  # refuses one not configured
    digest = inputs_digest(config_file, config)
    with output.writing(site):
        new = output.new_site(site)  # the languages are built beside the site, then moved into it
        try:
            stage = new / ".stage"
            languages = [loc.posix for loc in wanted]
            builds = _build(config_file, content, languages, stage, site_url, jobs, progress, digest)
            site.mkdir(parents=True, exist_ok=True)
            output.mark(site)
            for locale in wanted:
                _place(stage / locale.posix, site, content.prefix(locale), _prefixes(content))
        finally:
            output.discard(new)
    return builds


# Set by _build for the builds it starts: they are forked with it, so no child reads the
# master and catalogs again. None outside a build, so a later build reads them afresh.
_PRELOADED: tuple[Path, SiteContent] | None = None


def _prefixes(content: SiteContent) -> set[str]:
    """The top-level folders the non-default languages own."""
    return {content.prefix(loc).split("/")[0] for loc in content.locales if content.prefix(loc)}


def _build(
    config_file: Path,
    content: SiteContent,
    languages: list[str],
    stage: Path,
    site_url: str | None,
    jobs: int,
    progress: Progress | None,
    digest: str,
) -> list[LanguageBuild]:
    """Build languages into ``stage/<posix>/``, in this process or ``jobs`` child processes.

    Children are forked after the master and catalogs were read, so they start with them;
    the pool is shut down before this returns (or raises), so no process outlives the command.
    """
    global _PRELOADED
    if stage.exists():
        shutil.rmtree(stage)  # left by an interrupted build
    stage.mkdir(parents=True)
    _ = content.statuses  # every language's figures, computed here once rather than in each child
    for document in content.documents:  # the books' files checked (and warned about) once, not per language
        content.book_files(document)
    _PRELOADED = (config_file.resolve(), content)
    tasks = [(str(config_file), posix, str(stage / posix), site_url, digest) for posix in languages]
    builds: list[LanguageBuild] = []

    def done(result: LanguageBuild | _Failure) -> None:
        if isinstance(result, _Failure):
            raise result.error()
        builds.append(result)
        if progress is not None:
            progress(result, len(builds), len(tasks))

    try:
        if jobs <= 1 or len(tasks) == 1:
            for task in tasks:
                done(_build_one(*task))
        else:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            # What the children inherit (master, catalogs) stays shared: the cyclic collector
            # would otherwise write to every inherited object and copy each page of it.
            gc.freeze()
            with concurrent.futures.ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context) as pool:
                futures = [pool.submit(_build_one, *task) for task in tasks]
                try:
                    for future in concurrent.futures.as_completed(futures):
                        done(future.result())
                except BaseException:
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    finally:
        _PRELOADED = None
        gc.unfreeze()
    order = {posix: n for n, posix in enumerate(languages)}
    return sorted(builds, key=lambda b: order[b.locale])


@dataclass(frozen=True, slots=True)
class _Failure:
    """A RelnotesError crossing back from a child process (its constructor takes no pickling)."""

    kind: str
    path: str | None
    message: str
    line: int | None

    def error(self) -> RelnotesError:
        cls = BuildFailed if self.kind == "BuildFailed" else getattr(errors, self.kind, RelnotesError)
        return cls(self.path, self.message, self.line)


def _build_one(config_file: str, posix: str, stage: str, site_url: str | None, digest: str) -> LanguageBuild | _Failure:
    """One language's MkDocs build into its own folder (run in this process or a child)."""
    start = time.perf_counter()
    path = Path(config_file)
    try:
        config = mkdocs_config(path, stage, site_url)
        preloaded = _PRELOADED
        content = preloaded[1] if preloaded and preloaded[0] == path.resolve() else site_content(path, config)
        locale = content.project.locale(posix)
        plugin = config.plugins["relnotes"]
        plugin.config.language = posix
        plugin.preloaded = content
        try:
            build(config)
        except Abort as exc:
            cause = exc.__context__
            if isinstance(cause, PluginError) and isinstance(cause.__cause__, RelnotesError):
                raise cause.__cause__ from None  # the bad input itself, with its file:line
            # MkDocs logged the reason as an error (not shown twice): say it here, in one line.
            detail = " ".join(str(cause).split()) if isinstance(cause, Exception) else str(exc)
            raise BuildFailed(str(config_file), f"the {posix} build failed: {detail}") from exc
        except Exception as exc:  # MkDocs' and the theme's own (a template of overrides/, a file it writes)
            log.debug("the %s build failed", posix, exc_info=True)
            detail = " ".join(f"{type(exc).__name__}: {exc}".split())
            raise BuildFailed(
                str(config_file), f"the {posix} build failed: {detail}; check mkdocs.yml and overrides/"
            ) from exc
    except RelnotesError as exc:
        return _Failure(type(exc).__name__, exc.path, exc.message, exc.line)
    marker = {"language": posix, "inputs": digest}
    Path(stage, MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    return LanguageBuild(
        posix, time.perf_counter() - start, material_language(locale), search_language(locale), locale.direction
    )


def _place(stage: Path, site: Path, prefix: str, language_folders: set[str]) -> None:
    """Move one language's build into its place, replacing that language's previous build.

    The default language owns the root but not the other languages' folders: they stay.
    """
    if prefix:
        target = site / prefix.rstrip("/")
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(stage, target)
        return
    clash = sorted(child.name for child in stage.iterdir() if child.name in language_folders)
    if clash:
        raise RelnotesError(str(site), f"a page of the default language is named like a language folder: {clash}")
    for child in site.iterdir():
        if child.name in language_folders or child.name in (output.SITE_MARKER, stage.parent.name):
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    for child in stage.iterdir():
        os.replace(child, site / child.name)
    stage.rmdir()
