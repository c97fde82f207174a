"""The control for site benchmarks: relnotes' pages as static Markdown, built by plain Material.

Every language's generated files (pages, status, badges, CSS, copied images) are written
into a folder of their own with a plain ``mkdocs.yml`` (Material, search, the same
Markdown extensions, no relnotes plugin), so the difference in build time is what the
plugin and relnotes' reading cost.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from relnotes.site.content import SiteContent
from relnotes.site.plugin import material_language

PLAIN = """site_name: Release Notes
site_url: https://relnotes.example.org/
theme:
  name: material
  language: {language}
  font: false
plugins:
  - search
markdown_extensions:
  - attr_list
  - toc:
      permalink: true
nav: {nav}
"""


def plain_configs(root: Path, tmp: Path) -> list[tuple[Path, Path]]:
    """(plain mkdocs.yml, where its site goes) for every language of the project at ``root``."""
    import json

    content = SiteContent.load(root)
    configs = []
    for locale in content.locales:
        folder = tmp / "plain" / locale.posix
        files, _missing = content.files(locale)
        for uri, body in files.items():
            target = folder / "docs" / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(body, Path):
                shutil.copyfile(body, target)
            else:
                target.write_text(body, encoding="utf-8")
        nav = json.dumps(content.nav(locale), ensure_ascii=False)
        config = PLAIN.format(language=material_language(locale), nav=nav)
        (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
        configs.append((folder / "mkdocs.yml", tmp / "plain-site" / content.prefix(locale)))
    return configs


def plain_build(configs: list[tuple[Path, Path]]) -> None:
    for config_file, site_dir in configs:
        build(load_config(str(config_file), site_dir=str(site_dir)))
