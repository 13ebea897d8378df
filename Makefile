# The verbs people reach for. `make run` and `make test` work on a machine with only python3 and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
HOST   ?= 127.0.0.1
CONTENT_DIR ?= content

.PHONY: run test lint fmt typecheck bench openapi check check-live clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	@touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/content-api serve --content-dir $(CONTENT_DIR) --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-dev
	$(BIN)/ruff check api tests bench
	$(BIN)/ruff format --check api tests bench
	$(BIN)/mypy
	$(BIN)/pytest -n 2 --dist loadgroup

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check api tests bench
	$(BIN)/ruff format --check api tests bench
	$(BIN)/mypy

fmt: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix api tests bench
	$(BIN)/ruff format api tests bench

check: $(VENV)/.installed
	$(BIN)/content-api check --content-dir $(CONTENT_DIR)

openapi: $(VENV)/.installed
	$(BIN)/content-api openapi --out openapi/openapi.json

bench: $(VENV)/.installed-dev
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
