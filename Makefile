# Transcript archive: developer and CI entry points.
# Run `make` (or `make help`) for the list of targets.

PY       ?= python3
VENV     ?= .venv
VENV_PY  := $(VENV)/bin/python
STAMP    := $(VENV)/.stamp
NODE_STAMP := node_modules/.package-lock.json

# Reproducible builds: default to the last commit's time unless the caller set it.
# (Empty when there is no commit yet; then it is not passed on.)
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
WITH_EPOCH = $(if $(strip $(SOURCE_DATE_EPOCH)),SOURCE_DATE_EPOCH=$(strip $(SOURCE_DATE_EPOCH)) )

PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help venv node site test offline serve bench clean

help: ## Show this help
	@echo "Usage: make <target>"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-9s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo
	@echo "Variables: PY=$(PY) (creates the venv), PYTEST_ARGS, SITE_URL, SOURCE_DATE_EPOCH"

venv: $(STAMP) ## Create .venv and install requirements-dev.txt (reruns only when pins change)

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(VENV_PY) || { echo "Creating $(VENV) with $(PY)"; $(PY) -m venv $(VENV); }
	$(VENV_PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	@touch $@

node: $(NODE_STAMP) ## Install pinned npm assets (axe-core, iframe-worker) with npm ci

$(NODE_STAMP): package-lock.json package.json
	npm ci --no-audit --no-fund
	@touch $@

site: venv node ## Build seeds/ -> site/
	$(WITH_EPOCH)$(VENV_PY) -m generator build

test: venv node ## Run the test suite (pytest, config in pyproject.toml)
	@echo "$(VENV_PY) -m pytest -q $(PYTEST_ARGS)"
	@$(VENV_PY) -m pytest -q $(PYTEST_ARGS) || { rc=$$?; echo "pytest exited with status $$rc" >&2; exit $$rc; }

offline: venv node ## Build the file:// edition into site-offline/ and pack archive-offline.zip
	$(WITH_EPOCH)$(VENV_PY) -m generator build --offline --site-dir site-offline
	$(WITH_EPOCH)$(VENV_PY) -m generator pack --site-dir site-offline --out archive-offline.zip

serve: venv node ## Preview loop: rebuild on change and serve
	$(VENV_PY) -m generator watch

bench: venv node ## Benchmark builds at 1,000 and 10,000 transcripts -> bench.json
	$(VENV_PY) -m generator bench --n 1000 --n 10000 --json bench.json

clean: ## Remove built sites, the offline zip and generated pages
	rm -rf site site-offline archive-offline.zip
	@if [ -x $(VENV_PY) ]; then \
		echo "$(VENV_PY) -m generator clean"; $(VENV_PY) -m generator clean; \
	else \
		echo "No $(VENV); skipping 'generator clean' (run 'make venv' first to remove generated pages)"; \
	fi
