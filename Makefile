# The two commands of the README: `make site` (set up, then build the embedded chapter's
# site) and `make test` (lint and every test). Everything else here serves those two.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: setup site serve test lint bench clean ui-strings axe lock test-latest docs

# axe-core, the accessibility engine the browser test runs in Chromium. From the npm
# registry, not the repository. 4.14.x: a minor release adds rules (a new rule could fail
# a page that passed), a patch release only fixes them.
AXE_VERSION := 4.14
AXE := build/axe/node_modules/axe-core/axe.min.js

setup: $(VENV)/.installed

# Exact versions, with hashes, from requirements.lock: a dependency's new release cannot
# change what a fresh clone installs. relnotes itself goes in editable, without resolving again.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# Re-resolve the lock from pyproject.toml's ranges (pip-tools, in a throwaway venv: it is a
# maintainer's tool, not a dependency). Upgrades are a choice: run `make test-latest` first.
lock:
	rm -rf build/piptools && $(PYTHON) -m venv build/piptools
	build/piptools/bin/python -m pip install --quiet pip-tools
	build/piptools/bin/pip-compile --quiet --upgrade --extra test --generate-hashes --strip-extras \
	  --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# The newest versions pyproject.toml allows, in their own venv, through the whole suite: what
# `make lock` would move to. CI runs the lock; this says whether an upgrade is safe.
test-latest: axe
	rm -rf build/venv-latest && $(PYTHON) -m venv build/venv-latest
	build/venv-latest/bin/python -m pip install --quiet --upgrade -e '.[test]'
	build/venv-latest/bin/python -m pytest $(PYTEST_PARALLEL)

site: setup
	$(BIN)/relnotes update
	$(BIN)/relnotes site build

lint: setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

axe: $(AXE)

$(AXE):
	npm install --silent --no-audit --no-fund --no-save --prefix build/axe axe-core@$(AXE_VERSION)

# Test files spread over the cores (at most 4; a CI machine has 2), each file's tests on one
# worker, so a module's fixtures are built once: 6.5 min on 2 cores where one process takes 11.5.
PYTEST_PARALLEL ?= -n auto --maxprocesses 4 --dist loadfile
test: lint axe
	$(BIN)/python -m pytest $(PYTEST_PARALLEL)

bench: setup
	$(BIN)/python scripts/bench_detect.py
	$(BIN)/python scripts/bench_read.py
	$(BIN)/python scripts/bench_catalog.py
	$(BIN)/python scripts/bench_site.py

serve: setup
	$(BIN)/relnotes site serve

# The manual (manual/docs/*.md) with MkDocs + Material into build/manual/. Strict, with link
# and anchor validation set to warn in manual/mkdocs.yml: a broken link fails the build.
MANUAL ?= $(CURDIR)/build/manual
MANUAL_CONFIG ?= manual/mkdocs.yml
docs: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict -f $(MANUAL_CONFIG) -d $(MANUAL)

clean:
	rm -rf $(VENV) site build *.egg-info src/*.egg-info .pytest_cache .ruff_cache

# Re-extract the site's own interface strings with Babel and merge them into each catalog.
ui-strings: setup
	$(BIN)/pybabel extract --no-location --sort-output --project relnotes --version 0.1.0 \
	  --copyright-holder "relnotes developers" -k N_ -k NP_:1,2 -o src/relnotes/locale/relnotes.pot src/relnotes
	sed -i '/^"POT-Creation-Date/d' src/relnotes/locale/relnotes.pot
	$(BIN)/pybabel update --no-fuzzy-matching -i src/relnotes/locale/relnotes.pot -d src/relnotes/locale -D relnotes
