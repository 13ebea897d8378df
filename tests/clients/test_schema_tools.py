"""The committed clients are what their generators make of openapi/openapi.json now, and the
linters that frontend teams run (Redocly's recommended rules, Spectral's spectral:oas) find
nothing in it. ``make clients`` regenerates; ``make lint-openapi`` runs the linters."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.clients.conftest import GENERATOR, ROOT, TYPESCRIPT, node_tool, require_file

pytestmark = pytest.mark.xdist_group("clients")

SCHEMA = ROOT / "openapi" / "openapi.json"
QUIET = {
    **os.environ,
    "REDOCLY_TELEMETRY": "off",
    "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
    "NO_UPDATE_NOTIFIER": "1",
}


def test_the_typescript_types_are_current(tmp_path: Path) -> None:
    generator = node_tool("openapi-typescript")
    out = tmp_path / "schema.ts"
    run = subprocess.run(
        [str(generator), str(SCHEMA), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    committed = (TYPESCRIPT / "src" / "schema.ts").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, "stale: run make clients"


def test_the_python_client_is_current_and_generated_without_warnings() -> None:
    generator = require_file(GENERATOR, "make clients makes its virtualenv")
    script = ROOT / "clients" / "python" / "generate.py"
    run = subprocess.run(
        [sys.executable, str(script), "--generator", str(generator), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_redocly_recommended_finds_nothing() -> None:
    redocly = node_tool("redocly")
    run = subprocess.run(
        [str(redocly), "lint", "--extends", "recommended", "--format", "json", str(SCHEMA)],
        capture_output=True,
        text=True,
        timeout=300,
        env=QUIET,
        cwd=ROOT,
    )
    report = json.loads(run.stdout)
    assert report["totals"] == {"errors": 0, "warnings": 0, "ignored": 0}, report["problems"]
    assert run.returncode == 0


def test_spectral_oas_finds_nothing(tmp_path: Path) -> None:
    spectral = node_tool("spectral")
    report = tmp_path / "spectral.json"
    command = [str(spectral), "lint", "--format", "json", "--output", str(report)]
    run = subprocess.run(
        [*command, "--fail-severity", "hint", str(SCHEMA)],
        capture_output=True,
        text=True,
        timeout=300,
        env=QUIET,
        cwd=ROOT,  # where .spectral.yaml says: extends spectral:oas
    )
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr[-2000:]
    assert json.loads(report.read_text(encoding="utf-8")) == []


def test_a_generator_warning_fails_the_generation(tmp_path: Path) -> None:
    """The check above can fail: a response the generator cannot parse (XML only, as the
    feeds once were) is a warning, and a warning fails."""
    generator = require_file(GENERATOR, "make clients makes its virtualenv")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    feed = schema["paths"]["/feed.xml"]["get"]["responses"]["200"]
    feed["content"] = {"application/atom+xml": feed["content"]["application/atom+xml"]}
    broken = tmp_path / "openapi.json"
    broken.write_text(json.dumps(schema), encoding="utf-8")
    script = ROOT / "clients" / "python" / "generate.py"
    command = [sys.executable, str(script), "--generator", str(generator), "--check"]
    run = subprocess.run(
        [*command, "--schema", str(broken)], capture_output=True, text=True, timeout=300
    )
    assert run.returncode != 0
    assert "failed or warned" in run.stderr and "warning" in run.stderr.lower()
