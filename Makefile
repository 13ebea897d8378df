# The verbs people reach for. `make run` and `make test` work on a machine with only python3 and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
HOST   ?= 127.0.0.1
CONTENT_DIR ?= content

.PHONY: install assets run test lint fmt typecheck bench profile openapi check check-live clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	@touch $@ $(VENV)/.installed

# Installing also fetches the TimelineJS assets of the hosted embeds (npm, integrity-checked;
# nothing is downloaded once they are there). Offline, the rest of the API still runs.
install: $(VENV)/.installed
	@$(BIN)/content-api assets fetch || echo "warning: no TimelineJS assets, so /embed/timelines \
	answers 503 until \`make assets\` succeeds; everything else is served" >&2

assets: $(VENV)/.installed
	$(BIN)/content-api assets fetch

run: install
	$(BIN)/content-api serve --content-dir $(CONTENT_DIR) --host $(HOST) --port $(PORT)

# The browser tests need the assets, so here a failed fetch fails the build.
test: $(VENV)/.installed-dev assets
	$(BIN)/ruff check api tests bench
	$(BIN)/ruff format --check api tests bench
	$(BIN)/mypy
	$(BIN)/pytest -n 2 --dist loadgroup -m "not live"
	$(MAKE) check-live

# Real servers: watch and reload under load, SIGTERM, schemathesis, nginx, Chromium. One at a
# time, so that "served within a second" is not shared with other tests; -s shows the figures.
check-live: $(VENV)/.installed-dev assets
	$(BIN)/pytest -m live -s -q

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

# The benchmarks compare with Hugo and load with wrk (Debian packages), installed if missing.
bench: $(VENV)/.installed-dev
	@command -v hugo >/dev/null && command -v wrk >/dev/null || { \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -q && $$sudo apt-get install -y -q --no-install-recommends hugo wrk; }
	$(BIN)/python -m bench

# Flame graphs of a loaded server (py-spy), in bench/results/.
profile: $(VENV)/.installed-dev
	$(BIN)/python -m bench.profile

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
