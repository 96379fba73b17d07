# Build, lint and test the RunRL SDK toolchain.
#
# Needs only python3.11, node/npm and GNU make: every Python tool runs from the repository's own
# .venv (created here, pinned by requirements/dev.txt) and every node tool from node_modules
# (pinned by package-lock.json). Nothing uses the system's Python packages.

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
VBIN := $(VENV)/bin
PIP_VERSION := 26.3
STAMP_DEV := $(VENV)/.stamp-dev
STAMP_NODE := node_modules/.stamp
SPECTRAL := node_modules/.bin/spectral
PYTEST_ARGS ?=
# Flags for `python -m build`. Default --no-isolation: the build backend is the hatchling pinned in
# requirements/dev.txt, already in .venv, so `make build` needs no network and every build uses the
# same backend version. BUILD_FLAGS= (empty) builds in an isolated env instead, which downloads
# hatchling (`hatchling>=1.21,<2` of generated/*/pyproject.toml, the newest) from the package
# index: what pip does when a user installs an sdist.
BUILD_FLAGS ?= --no-isolation

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

.PHONY: help venv node generate check lint lint-python lint-generated lint-spec test build release-check clean distclean corpus-prism

help:
	@echo "make generate   regenerate generated/<api-version>/ from spec/*.yaml"
	@echo "make check      fail if generated/ is stale (regenerates into a temp dir and diffs)"
	@echo "make lint       ruff + mypy (generator, tests, each generated package) + Spectral (spec/*.yaml)"
	@echo "make test       pytest (tests/)"
	@echo "make build      wheel + sdist of every generated package into dist/, then twine check;"
	@echo "                offline, with the pinned hatchling (BUILD_FLAGS= : isolated, fetches it from the index)"
	@echo "make fuzz       the generator's fuzzers, longer (FUZZ_EXAMPLES=300, HYPOTHESIS_SPEC_EXAMPLES=1000)"
	@echo "make bench      timings vs the peers, one table (bench/RESULTS.md); BENCH_QUICK=1 smaller"
	@echo "make release-check  version numbers agree with the API diffs (wire + Python surface);"
	@echo "                released versions (spec/released.toml) unchanged; packages have CHANGELOG.md"
	@echo "make corpus     every spec in ../shared/corpus/specs, more-specs: table (install, import, ruff, mypy) + diff vs openapi-python-client"
	@echo "make corpus-prism  every corpus document's generated client against Prism (auth, pages, errors)"
	@echo "make clean      remove build output and caches;  make distclean  also .venv and node_modules"

# ---- environments ---------------------------------------------------------------------------

venv: $(STAMP_DEV)
node: $(STAMP_NODE)

$(STAMP_DEV): requirements/dev.txt
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	@$(VPY) -c 'import sys; v = sys.version_info; sys.exit(0 if v >= (3, 11) else "need Python >= 3.11 for .venv, got %d.%d (set PYTHON=...)" % v[:2])'
	$(VPY) -m pip install --disable-pip-version-check --quiet --upgrade pip==$(PIP_VERSION)
	$(VPY) -m pip install --disable-pip-version-check --quiet -r requirements/dev.txt
	@touch $@

$(STAMP_NODE): package-lock.json package.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

# ---- generator -------------------------------------------------------------------------------

generate: $(STAMP_DEV)
	$(VPY) -m generator generate

check: $(STAMP_DEV)
	$(VPY) -m generator check

# ---- docs ------------------------------------------------------------------------------------

# A browsable reference per API version: site/<api-version>/index.html (mkdocs + mkdocstrings,
# from generated/<api-version>/src; docs/build.py, docs/mkdocs.yml).
.PHONY: docs
docs: $(STAMP_DEV)
	$(VPY) docs/build.py

# ---- lint -------------------------------------------------------------------------------------

lint: lint-python lint-generated lint-spec

lint-python: $(STAMP_DEV)
	$(VBIN)/ruff check generator tests
	$(VBIN)/ruff format --check generator tests
	$(VBIN)/mypy

# Each generated package is linted with its own configuration (generated/<v>/pyproject.toml).
lint-generated: $(STAMP_DEV)
	@found=0; \
	for d in generated/*/; do \
	  [ -f "$$d/pyproject.toml" ] || continue; found=1; \
	  echo "== $$d"; \
	  ( cd "$$d" && \
	    ../../$(VBIN)/ruff check . && \
	    ../../$(VBIN)/ruff format --check . && \
	    ../../$(VBIN)/mypy --strict src ); \
	done; \
	if [ $$found = 0 ]; then echo "lint: no generated/*/pyproject.toml (run make generate)"; fi

lint-spec: $(STAMP_NODE)
	@if compgen -G 'spec/*.yaml' > /dev/null; then \
	  echo "$(SPECTRAL) lint --fail-severity=warn -r .spectral.yaml spec/*.yaml"; \
	  $(SPECTRAL) lint --fail-severity=warn -r .spectral.yaml spec/*.yaml; \
	else \
	  echo "lint: no spec/*.yaml, Spectral skipped"; \
	fi

# ---- test -------------------------------------------------------------------------------------

# pytest exits 5 when it collects no tests: that is a failure here, and said so.
test: $(STAMP_DEV) $(STAMP_NODE)
	@echo "$(VPY) -m pytest -q $(PYTEST_ARGS)"
	@$(VPY) -m pytest -q $(PYTEST_ARGS) || { rc=$$?; \
	  if [ $$rc = 5 ]; then echo "make test: pytest collected no tests (exit 5)" >&2; fi; \
	  exit $$rc; }

# Only the contract tests (tests/contract: Spectral, Prism, schemathesis; see its README.md).
.PHONY: test-contract
test-contract: $(STAMP_DEV) $(STAMP_NODE)
	$(VPY) -m pytest -q tests/contract $(PYTEST_ARGS)

# The generator's own fuzzer (tests/hostile/test_fuzz_extensions.py: every x-sdk-* extension and
# every place spec text reaches the output, generated under an audit hook, imported with a
# tripwire) for longer than the fixed-seed subset of `make test`: FUZZ_EXAMPLES (default 300),
# and the random-spec property test with HYPOTHESIS_SPEC_EXAMPLES (default 1000).
FUZZ_EXAMPLES ?= 300
HYPOTHESIS_SPEC_EXAMPLES ?= 1000
.PHONY: fuzz
fuzz: $(STAMP_DEV)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) HYPOTHESIS_SPEC_EXAMPLES=$(HYPOTHESIS_SPEC_EXAMPLES) \
	  $(VPY) -m pytest -q tests/hostile/test_fuzz_extensions.py tests/hostile/test_hypothesis_specs.py $(PYTEST_ARGS)

# ---- benchmarks -------------------------------------------------------------------------------

# One table of medians and ratios (printed, and written to bench/RESULTS.md); no timing is a
# test. runrl 0.2.2 goes into a temporary venv (requirements/bench.txt). BENCH_QUICK=1: smaller.
.PHONY: bench
bench: $(STAMP_DEV)
	$(VPY) -m bench

# ---- corpus -----------------------------------------------------------------------------------

# Every public spec in ../shared/corpus/specs and more-specs (or CORPUS_DIR) through the
# generator, one table with openapi-python-client's operation counts beside ours
# (tests/corpus/corpus.py: generate --skip-unsupported, ruff, compile, pip install, import, mypy
# --strict under 2 MB), then the differential check against openapi-python-client's parser.
# `make test` runs a fast subset of both (tests/corpus/test_*.py).
.PHONY: corpus
corpus: $(STAMP_DEV)
	GENERATOR_CACHE_DIR=off $(VPY) -m tests.corpus.corpus --details --opc
	$(VPY) -m tests.corpus.differential

# Every corpus document (specs/ and more-specs/) that generates, against `prism mock --errors`:
# every operation called with the generated client (auth, pages, Prism's errors read), one table
# (tests/corpus/prism.py). `make test` runs the small documents (tests/corpus/test_prism_corpus.py).
.PHONY: corpus-prism
corpus-prism: $(STAMP_DEV) $(STAMP_NODE)
	GENERATOR_CACHE_DIR=off $(VPY) -m tests.corpus.prism --every

# ---- packaging ----------------------------------------------------------------------------------

# One wheel and one sdist per API version (generated/<api-version>/) in $(DIST), then
# `twine check --strict`. DIST=<dir> builds elsewhere (tests/release does, to a temp dir).
# Offline by default (BUILD_FLAGS above). Publishing: README, "Publishing and installing".
DIST ?= dist

build: $(STAMP_DEV)
	@test -n "$(DIST)" || { echo 'make build: DIST is empty' >&2; exit 1; }
	rm -rf $(DIST)
	@found=0; \
	for d in generated/*/; do \
	  [ -f "$$d/pyproject.toml" ] || continue; found=$$((found + 1)); \
	  echo "$(VPY) -m build $(BUILD_FLAGS) --outdir $(DIST) $$d"; \
	  $(VPY) -m build $(BUILD_FLAGS) --outdir $(DIST) "$$d"; \
	done; \
	if [ $$found = 0 ]; then echo "make build: no generated/*/pyproject.toml (run make generate)" >&2; exit 1; fi; \
	wheels=$$(ls $(DIST)/*.whl | wc -l); sdists=$$(ls $(DIST)/*.tar.gz | wc -l); \
	if [ $$wheels != $$found ] || [ $$sdists != $$found ]; then \
	  echo "make build: $$found API versions but $$wheels wheels and $$sdists sdists in $(DIST)/" >&2; exit 1; fi
	$(VBIN)/twine check --strict $(DIST)/*

# The release gate: for each pair of consecutive API versions in spec/, a breaking
# `python -m generator diff` (wire or Python surface) needs a major bump in spec/versions.toml;
# released versions (spec/released.toml, `python -m generator release`) are unchanged unless
# bumped; every generated package carries its version and the CHANGELOG.md the specs produce
# (README: "Versions and releases").
release-check: $(STAMP_DEV)
	$(VPY) -m generator release-check

# ---- housekeeping -------------------------------------------------------------------------------

clean:
	rm -rf dist build .pytest_cache .mypy_cache .ruff_cache
	find . -path ./.venv -prune -o -path ./node_modules -prune -o \
	  \( -name __pycache__ -o -name '*.egg-info' -o -name .mypy_cache -o -name .ruff_cache \) -type d -print0 \
	  | xargs -0 rm -rf

distclean: clean
	rm -rf $(VENV) node_modules
