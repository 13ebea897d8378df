"""The TypeScript client (clients/typescript: openapi-typescript's types, a thin wrapper over
openapi-fetch) compiles under ``tsc --strict`` and passes its node tests against a real
server over the aba-icc site."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.clients.conftest import TYPESCRIPT, node_tool

pytestmark = [pytest.mark.corpus, pytest.mark.xdist_group("clients")]


def test_it_compiles_strictly() -> None:
    tsc = node_tool("tsc")
    for config in ("tsconfig.json", "tsconfig.test.json"):
        run = subprocess.run(
            [str(tsc), "-p", config, "--strict", "--noEmit"],
            cwd=TYPESCRIPT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_it_works_against_a_real_server(aba_server: str) -> None:
    tsc = node_tool("tsc")
    build = subprocess.run(
        [str(tsc), "-p", "tsconfig.test.json"], cwd=TYPESCRIPT, capture_output=True, text=True
    )
    assert build.returncode == 0, build.stdout + build.stderr
    run = subprocess.run(
        ["node", "--test", "--test-reporter=tap", "build/test/client.test.js"],
        cwd=TYPESCRIPT,
        env={**os.environ, "CONTENT_API_URL": aba_server},
        capture_output=True,
        text=True,
        timeout=300,
    )
    print(run.stdout[-600:])
    assert run.returncode == 0, run.stdout[-20_000:] + run.stderr[-5_000:]
    assert "# fail 0" in run.stdout and "# pass 8" in run.stdout
