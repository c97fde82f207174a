"""The manual's CI example, run here: its relnotes commands, one fresh copy per machine.

``examples/ci/github-workflow.yml`` is what a team copies into its repository, so its commands
are run as written: every ``run:`` step that calls relnotes, in the shell GitHub uses, in a
fresh copy of the project per job (a job is a machine). The artifact actions in between are
played by copying folders the way actions/upload-artifact@v4 and download-artifact@v4 do
(hidden files only when asked for), since the assembly needs each language's hidden marker.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / "examples" / "ci" / "github-workflow.yml"
BIN = Path(sys.executable).parent  # the environment running the tests has relnotes installed
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def jobs() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]


def relnotes_steps(job: dict) -> list[str]:
    """The job's shell steps that run relnotes (installing it and the actions are GitHub's part)."""
    return [step["run"] for step in job["steps"] if step.get("run", "").lstrip().startswith("relnotes ")]


def run_job(job: dict, machine: Path, variables: dict[str, str]) -> dict[str, str]:
    """Run a job's relnotes steps on one machine (a copy of the project); return its outputs."""
    outputs = machine / "github-output"
    outputs.write_text("")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "GITHUB_OUTPUT": str(outputs)}

    def value(match: re.Match[str]) -> str:
        assert match.group(1) in variables, f"the test does not know {match.group(0)} in the job's steps"
        return variables[match.group(1)]

    for script in relnotes_steps(job):
        command = EXPRESSION.sub(value, script)
        # GitHub's default shell on Linux runners: bash --noprofile --norc -eo pipefail
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command],
            cwd=machine,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    lines = outputs.read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line)


def step_using(job: dict, action: str) -> dict:
    [step] = [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]
    return step.get("with", {})


def upload(machine: Path, settings: dict, store: Path, name: str) -> None:
    """actions/upload-artifact@v4: the path's content, hidden files only with include-hidden-files."""
    hidden = settings.get("include-hidden-files") is True
    ignore = None if hidden else shutil.ignore_patterns(".*")
    shutil.copytree(machine / settings["path"], store / name, ignore=ignore)


def download(machine: Path, settings: dict, store: Path) -> None:
    """actions/download-artifact@v4 with a pattern and merge-multiple: every match into one folder."""
    assert settings["merge-multiple"] is True
    prefix = settings["pattern"].removesuffix("*")
    for artifact in sorted(store.iterdir()):
        if artifact.name.startswith(prefix):
            shutil.copytree(artifact, machine / settings["path"], dirs_exist_ok=True)


@pytest.fixture
def committed(site_project: Path) -> Path:
    """The project as a team commits it: catalogs current with sources/."""
    done = subprocess.run([BIN / "relnotes", "update"], cwd=site_project, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return site_project


def machine(project: Path, name: str) -> Path:
    """A fresh runner with the repository checked out."""
    target = project.parent / "machines" / name
    shutil.copytree(project, target)
    return target


def test_the_workflow_builds_each_language_on_its_own_machine_and_assembles_them(committed):
    workflow = jobs()
    assert relnotes_steps(workflow["check"]) == ["relnotes update --check", "relnotes check"]
    run_job(workflow["check"], machine(committed, "check"), {})

    listed = run_job(workflow["languages"], machine(committed, "languages"), {})
    languages = json.loads(listed["languages"])
    assert languages == ["pt_BR", "en"]  # the embedded chapter's site, default first
    matrix = workflow["build"]["strategy"]["matrix"]["language"]
    assert matrix == "${{ fromJSON(needs.languages.outputs.languages) }}"

    store = machine(committed, "artifacts").parent / "store"
    build = workflow["build"]
    assert relnotes_steps(build) == ["relnotes site build --language ${{ matrix.language }} -d site"]
    uploaded = step_using(build, "actions/upload-artifact")
    for language in languages:
        runner = machine(committed, f"build-{language}")
        run_job(build, runner, {"matrix.language": language})
        upload(runner, uploaded, store, uploaded["name"].replace("${{ matrix.language }}", language))
    # each machine built its own language only (the default at the root, English in en/), in
    # a folder marked as relnotes' own site
    assert sorted(p.name for p in store.iterdir()) == ["site-en", "site-pt_BR"]
    assert sorted(p.name for p in (store / "site-en").iterdir()) == [".relnotes-site", "en"]
    assert not (store / "site-pt_BR" / "en").exists()

    runner = machine(committed, "assemble")
    download(runner, step_using(workflow["assemble"], "actions/download-artifact"), store)
    assert relnotes_steps(workflow["assemble"]) == ["relnotes site assemble -d site"]
    run_job(workflow["assemble"], runner, {})

    site = runner / "site"
    assert '<html lang="pt-BR"' in (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (site / "en" / "index.html").read_text(encoding="utf-8")
    markers = [json.loads((site / where / ".relnotes-build.json").read_text()) for where in (".", "en")]
    assert [m["language"] for m in markers] == ["pt_BR", "en"] and markers[0]["inputs"] == markers[1]["inputs"]
    index = (site / "sitemap-index.xml").read_text(encoding="utf-8")
    assert re.findall(r"<loc>(.*?)</loc>", index) == [
        "https://relnotes.example.org/sitemap.xml",
        "https://relnotes.example.org/en/sitemap.xml",
    ]
    status = json.loads((site / "status.json").read_text(encoding="utf-8"))
    assert [s["locale"] for s in status["languages"]] == ["pt_BR", "en"]


def test_the_assembly_refuses_languages_whose_machine_or_marker_is_missing(committed):
    workflow = jobs()
    build, uploaded = workflow["build"], step_using(workflow["build"], "actions/upload-artifact")
    store = committed.parent / "store"
    runner = machine(committed, "build-en")  # pt_BR's machine never uploaded anything
    run_job(build, runner, {"matrix.language": "en"})
    # uploaded without hidden files, as upload-artifact@v4 does unless include-hidden-files is set
    upload(runner, {**uploaded, "include-hidden-files": False}, store, "site-en")
    assert (runner / "site" / "en" / ".relnotes-build.json").is_file()

    runner = machine(committed, "assemble")
    download(runner, step_using(workflow["assemble"], "actions/download-artifact"), store)
    assert (runner / "site" / "en" / "index.html").is_file()
    done = subprocess.run(
        [BIN / "relnotes", "site", "assemble", "-d", "site"], cwd=runner, capture_output=True, text=True, timeout=300
    )
    assert (done.returncode, done.stdout) == (2, "")
    # without its hidden markers the folder is no site relnotes built: refused before anything is read
    assert done.stderr == (
        "site: holds files relnotes did not build (no .relnotes-site); refusing to replace it: "
        "choose a new or empty folder (-d DIR), or empty it yourself\n"
    )
    assert not (runner / "site" / "sitemap-index.xml").exists()
