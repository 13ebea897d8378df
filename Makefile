# The verbs people reach for. `make run` and `make test` work on a machine with only python3 and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
HOST   ?= 127.0.0.1
CONTENT_DIR ?= content

.PHONY: install assets run test lint fmt typecheck bench profile openapi check check-live clean \
	clients lint-openapi node-tools

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml clients/python/pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev,bench]' -e clients/python
	@touch $@ $(VENV)/.installed

# The Node tools (the OpenAPI linters, the TypeScript client's compiler and generator),
# pinned by package-lock.json; installed again only when it changes. No install scripts run.
NPM_FLAGS := --ignore-scripts --no-audit --no-fund
node_modules/.package-lock.json: package.json package-lock.json clients/typescript/package.json
	npm ci $(NPM_FLAGS)
	@touch $@

# The Python client's generator has a virtualenv of its own: its typer range excludes ours.
OPC := $(VENV)/opc/bin/openapi-python-client
$(OPC): clients/python/generator-requirements.txt | $(BIN)/python
	$(PYTHON) -m venv $(VENV)/opc
	$(VENV)/opc/bin/pip install --quiet -r clients/python/generator-requirements.txt
	@touch $@

# For `make test`: without npm (a machine with only python3 and make) the client and linter
# tests skip, saying so; CI installs Node first (.ci/run), where they must run.
node-tools:
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory node_modules/.package-lock.json; \
	else echo "warning: no npm, so the TypeScript client and OpenAPI linter tests skip" >&2; fi

# Installing also fetches the TimelineJS assets of the hosted embeds (npm, integrity-checked;
# nothing is downloaded once they are there). Offline, the rest of the API still runs.
install: $(VENV)/.installed
	@$(BIN)/content-api assets fetch || echo "warning: no TimelineJS assets, so /embed/timelines \
	answers 503 until \`make assets\` succeeds; everything else is served" >&2

assets: $(VENV)/.installed
	$(BIN)/content-api assets fetch

# Bytecode is written here, as pip writes it for an installed package: an editable install
# leaves it to each start (and to none where PYTHONDONTWRITEBYTECODE is set).
BYTECODE := $(BIN)/python -m compileall -q api

run: install
	@$(BYTECODE)
	$(BIN)/content-api serve --content-dir $(CONTENT_DIR) --host $(HOST) --port $(PORT)

# The browser tests need the assets, so here a failed fetch fails the build.
test: $(VENV)/.installed-dev assets node-tools $(OPC)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	$(BIN)/pytest -n 2 --dist loadgroup -m "not live"
	$(MAKE) check-live

# Real servers: watch and reload under load, SIGTERM, schemathesis, nginx, Chromium. One at a
# time, so that "served within a second" is not shared with other tests; -s shows the figures.
check-live: $(VENV)/.installed-dev assets
	$(BIN)/pytest -m live -s -q

# Ours: the generated client is left as openapi-python-client writes it.
LINTED := api tests bench clients/python/generate.py clients/python/content_api_client/helpers.py

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy

fmt: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix $(LINTED)
	$(BIN)/ruff format $(LINTED)

check: $(VENV)/.installed
	$(BIN)/content-api check --content-dir $(CONTENT_DIR)

# The schema, its examples first (what the API serves for content/).
openapi: $(VENV)/.installed
	$(BIN)/python -m api.http.examplegen
	$(BIN)/content-api openapi --out openapi/openapi.json

# One step after any change to the API (or a merge): the schema, then both clients from it.
clients: openapi node_modules/.package-lock.json $(OPC)
	node_modules/.bin/openapi-typescript openapi/openapi.json --output clients/typescript/src/schema.ts
	$(BIN)/python clients/python/generate.py --generator $(OPC)
	npm run --silent --workspace clients/typescript build

# Redocly CLI (recommended rules) and Spectral (spectral:oas): nothing to report.
lint-openapi: node_modules/.package-lock.json
	REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly lint \
	  --extends recommended openapi/openapi.json
	node_modules/.bin/spectral lint --fail-severity hint openapi/openapi.json

# The benchmarks compare with Hugo and load with wrk (Debian packages), installed if missing.
bench: $(VENV)/.installed-dev
	@command -v hugo >/dev/null && command -v wrk >/dev/null || { \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -q && $$sudo apt-get install -y -q --no-install-recommends hugo wrk; }
	@$(BYTECODE)
	$(BIN)/python -m bench

# Flame graphs of a loaded server (py-spy), in bench/results/.
profile: $(VENV)/.installed-dev
	$(BIN)/python -m bench.profile

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis node_modules \
	  clients/typescript/dist clients/typescript/build
