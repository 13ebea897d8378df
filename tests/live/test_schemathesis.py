"""schemathesis at its current release, every default phase (examples, coverage, fuzzing and
stateful, which follows the schema's links) and every check, against the OpenAPI schema a
real server serves over the aba-icc corpus: 0 failures. The one departure from
schemathesis' defaults is in ``schemathesis.toml``, with its reason."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.live.conftest import StartServer

pytestmark = [pytest.mark.live, pytest.mark.corpus, pytest.mark.xdist_group("live")]

CONFIG = Path(__file__).with_name("schemathesis.toml")
#: Fixed, so that a failure in CI replays exactly (`--seed` in the printed command).
SEED = 1
EXAMPLES = 100  # per operation and phase: about 2,100 cases in one to two minutes
PHASES = {"examples", "coverage", "fuzzing", "stateful"}


def test_schemathesis_finds_nothing(
    corpus_dir: Path, start_server: StartServer, tmp_path: Path
) -> None:
    server = start_server(corpus_dir, "--unpublished", "--future")
    cli = Path(sys.executable).with_name("schemathesis")
    command = [
        str(cli),
        "--config-file",
        str(CONFIG),
        "run",
        f"{server.url}/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        str(SEED),
        "--generation-database",
        "none",
        "--continue-on-failure",
        "--no-color",
        "--report",
        "json",
        "--report-dir",
        str(tmp_path),
    ]
    # Bounded, not timed: a hung run fails instead of hanging CI.
    run = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    (report_path,) = tmp_path.glob("json-*.json")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    cases, operations = report["test_cases"], report["operations"]
    print(
        f"\nschemathesis {report['schemathesis_version']}: {cases['generated']} cases over "
        f"{operations['tested']} operations, {cases['unique_failures']} failures, "
        f"{cases['errored']} errors in {report['running_time']:.0f}s (seed {SEED})"
    )
    assert run.returncode == 0 and not report["failures"], run.stdout[-20_000:]
    # Every operation but the event stream (disabled in schemathesis.toml: it never ends).
    assert operations["tested"] == operations["selected"] == operations["total"] - 1
    phases = {name: phase["status"] for name, phase in report["phases"].items()}
    assert set(phases) == PHASES and set(phases.values()) == {"success"}, phases
    # Every pattern of the schema was understood, so values were generated from it.
    assert not report["warnings"]["unsupported_regex"], report["warnings"]
    assert cases["generated"] >= 1000
    assert server.process.poll() is None  # and the server is still up
