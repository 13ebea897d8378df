"""A real server over the aba-icc site, shared by the client tests, and the tools they run.

The Node tools come from ``npm ci`` (package-lock.json) into ``node_modules``, the Python
client's generator from its own virtualenv (``make clients`` or ``make test`` make both).
Absent, a test skips with the reason; under ``CI=true`` it fails instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.servers import api_server
from tests.support.tools import require_program

ROOT = Path(__file__).resolve().parents[2]
NODE_BIN = ROOT / "node_modules" / ".bin"
GENERATOR = ROOT / ".venv" / "opc" / "bin" / "openapi-python-client"
TYPESCRIPT = ROOT / "clients" / "typescript"


def require_file(path: Path, how: str) -> Path:
    if path.exists():
        return path
    message = f"{path.relative_to(ROOT)} is absent ({how})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}, and CI=true requires it")
    pytest.skip(message)


def node_tool(name: str) -> Path:
    """A program of ``node_modules/.bin`` (and node itself, which runs it)."""
    require_program("node", "nodejs")
    return require_file(NODE_BIN / name, "npm ci installs it: make node_modules")


@pytest.fixture(scope="session")
def aba_server(corpus_dir: Path) -> Iterator[str]:
    """The base URL of ``content-api serve`` over the aba-icc site."""
    with api_server(corpus_dir) as url:
        yield url
