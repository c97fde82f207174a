"""Build the site's languages, in parallel processes or one per machine, and assemble them.

One Material build per language from the one ``mkdocs.yml`` (the plugin's ``language``
option set for each): each language gets Material's interface strings and a search index
of its own, and the cost grows linearly with the languages.

Every language is built into a staging folder of its own (MkDocs cleans its ``site_dir``,
so building the default language at the site root would wipe the others) and then moved
into its place: the default language at the root, the others below it (``en/``). So the
order of the builds does not matter, and a CI fan-out (``relnotes site build --language LL``
on one machine per language, the folders merged) followed by ``relnotes site assemble``
gives the very site one ``relnotes site build`` gives. Each language leaves a small marker
(``.relnotes-build.json``: language and a digest of every input) that the assembly checks,
so a language built from other catalogs, another theme or another address is refused
rather than published next to the others.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from xml.sax.saxutils import escape

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from relnotes import errors
from relnotes.errors import RelnotesError
from relnotes.locales import LocaleId
from relnotes.site.content import SiteContent
from relnotes.site.plugin import material_language, search_language

log = logging.getLogger("relnotes.site.publish")

MARKER = ".relnotes-build.json"  # in each language's folder: which inputs it was built from
SITEMAP_INDEX = "sitemap-index.xml"  # written by the assembly: every language's sitemap


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
    config_file, config = _configure(config_file, site_dir, site_url)
    content = _content(config_file, config)
    site = Path(config.site_dir)
    builds = _build(config_file, content, [loc.posix for loc in content.locales], site, site_url, jobs, progress)
    _clear(site)  # a language no longer configured leaves no folder behind
    for locale in content.locales:
        _place(site / ".stage" / locale.posix, site, content.prefix(locale), _prefixes(content))
    shutil.rmtree(site / ".stage")
    assemble(config_file, site, site_url)
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
    config_file, config = _configure(config_file, site_dir, site_url)
    content = _content(config_file, config)
    wanted = [content.project.locale(value) for value in languages]  # refuses one not configured
    site = Path(config.site_dir)
    builds = _build(config_file, content, [loc.posix for loc in wanted], site, site_url, jobs, progress)
    for locale in wanted:
        _place(site / ".stage" / locale.posix, site, content.prefix(locale), _prefixes(content))
    shutil.rmtree(site / ".stage")
    return builds


def assemble(
    config_file: str | Path = "mkdocs.yml", site_dir: str | Path | None = None, site_url: str | None = None
) -> Path:
    """Check that every language is in place and built from these inputs; add the shared files.

    Shared: the sitemap index naming every language's sitemap. (``status.json`` and the
    badges cover every language and are built once, with the default language at the root.)
    """
    config_file, config = _configure(config_file, site_dir, site_url)
    content = _content(config_file, config)
    site = Path(config.site_dir)
    digest = inputs_digest(config_file, config)
    problems = []
    for locale in content.locales:
        marker = site / content.prefix(locale) / MARKER
        if not marker.is_file():
            problems.append(f"{locale.posix} is missing (relnotes site build --language {locale.posix})")
        elif json.loads(marker.read_text(encoding="utf-8")).get("inputs") != digest:
            problems.append(f"{locale.posix} was built from other sources, catalogs, theme or site_url; build it again")
    if problems:
        raise RelnotesError(str(site), "cannot assemble: " + "; ".join(problems))
    if config.site_url:
        root = config.site_url.rstrip("/") + "/"
        entries = "".join(
            f"  <sitemap><loc>{escape(root + content.prefix(loc))}sitemap.xml</loc></sitemap>\n"
            for loc in content.locales
        )
        index = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n'
        )
        (site / SITEMAP_INDEX).write_text(index, encoding="utf-8")
    return site


def inputs_digest(config_file: Path, config: MkDocsConfig) -> str:
    """A digest of everything a language's pages are made from, and of where they are served.

    Languages built on different machines are assembled only when these agree: each status
    page shows every language's figures, so a language built from older catalogs would
    contradict the others.
    """
    root = config_file.parent / config.plugins["relnotes"].config.project
    paths = [config_file, root / "relnotes.toml"]
    for folder in (root / "sources", root / "locales", Path(config.theme.custom_dir or root / "overrides")):
        # os.walk, not rglob: a book in sources/ may be a link to its folder, and its files count.
        for where, _folders, names in os.walk(folder, followlinks=True):
            paths += [Path(where, name) for name in names if name != ".lock"]
    versions = " ".join(f"{name} {metadata.version(name)}" for name in ("relnotes", "mkdocs", "mkdocs-material"))
    digest = hashlib.sha256(f"{versions}\0{config.site_url or ''}\0".encode())
    here = config_file.absolute().parent
    named = {os.path.relpath(path.absolute(), here): path for path in paths if path.is_file()}
    for name in sorted(named):  # named as in the checkout: the same on every machine
        digest.update(name.encode() + b"\0" + named[name].read_bytes() + b"\0")
    return digest.hexdigest()


def _configure(config_file: str | Path, site_dir: str | Path | None, site_url: str | None) -> tuple[Path, MkDocsConfig]:
    config_file = Path(config_file)
    if not config_file.exists():
        raise RelnotesError(str(config_file), "no such MkDocs configuration; run from the project folder")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner says nothing about this build
    config = _load(config_file, site_dir, site_url)
    site = Path(config.site_dir).resolve()
    if config_file.resolve().parent.is_relative_to(site):
        raise RelnotesError(str(site), "the site folder holds the project itself; choose another (-d DIR)")
    return config_file, config


def _content(config_file: Path, config: MkDocsConfig) -> SiteContent:
    """The master and catalogs as they are now (read once per command, shared by its builds)."""
    return SiteContent.load(config_file.parent / config.plugins["relnotes"].config.project)


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
    site: Path,
    site_url: str | None,
    jobs: int,
    progress: Progress | None,
) -> list[LanguageBuild]:
    """Build languages into ``site/.stage/<posix>/``, in this process or ``jobs`` child processes.

    Children are forked after the master and catalogs were read, so they start with them;
    the pool is shut down before this returns (or raises), so no process outlives the command.
    """
    global _PRELOADED
    stage = site / ".stage"
    if stage.exists():
        shutil.rmtree(stage)  # left by an interrupted build
    stage.mkdir(parents=True)
    digest = inputs_digest(config_file, _load(config_file, None, site_url))
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
        config = _load(path, stage, site_url)
        preloaded = _PRELOADED
        content = preloaded[1] if preloaded and preloaded[0] == path.resolve() else _content(path, config)
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
            raise BuildFailed(str(config_file), f"the {posix} build failed: {exc}") from exc
    except RelnotesError as exc:
        return _Failure(type(exc).__name__, exc.path, exc.message, exc.line)
    marker = {"language": posix, "inputs": digest}
    Path(stage, MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    return LanguageBuild(
        posix, time.perf_counter() - start, material_language(locale), search_language(locale), locale.direction
    )


def _clear(site: Path) -> None:
    """Empty the site folder, as MkDocs does with its ``site_dir`` (the staging folder stays)."""
    for child in site.iterdir():
        if child.name == ".stage":
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


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
        if child.name in language_folders or child.name == ".stage":
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    for child in stage.iterdir():
        os.replace(child, site / child.name)
    stage.rmdir()


def _load(config_file: Path, site_dir: str | Path | None, site_url: str | None = None) -> MkDocsConfig:
    try:
        options = {"site_dir": str(site_dir)} if site_dir else {}
        if site_url:
            options["site_url"] = site_url
        return load_config(str(config_file), **options)
    except (ConfigurationError, PluginError) as exc:
        raise RelnotesError(str(config_file), str(exc)) from exc


def serve(config_file: str | Path = "mkdocs.yml", host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve every language; rebuild all when a master, a catalog or the theme changes.

    Each rebuild goes to a fresh folder and replaces the served one only when it succeeded,
    so a broken ``.po`` is reported (``file:line``) while the last good pages stay served.
    """
    from mkdocs.livereload import LiveReloadServer

    config_file = Path(config_file).resolve()
    work = Path(tempfile.mkdtemp(prefix="relnotes-serve-"))
    live = work / "live"

    def rebuild() -> None:
        stage = Path(tempfile.mkdtemp(prefix="build-", dir=work))
        try:
            build_all(config_file, stage, site_url=f"http://{host}:{port}/")
        except RelnotesError as exc:
            log.error("%s (the last good pages stay served)", exc)
            shutil.rmtree(stage, ignore_errors=True)
            return
        previous = live.resolve() if live.is_symlink() else None
        link = work / "live.new"
        link.unlink(missing_ok=True)
        link.symlink_to(stage)
        os.replace(link, live)  # atomic: a reader sees the old site or the new one
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)

    rebuild()
    if not live.exists():
        raise RelnotesError(str(config_file), "the first build failed; fix the error above and run again")
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(live))
    project = config_file.parent
    for path in ("mkdocs.yml", "overrides", "sources", "locales", "relnotes.toml"):
        if (project / path).exists():
            server.watch(str(project / path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down")
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
