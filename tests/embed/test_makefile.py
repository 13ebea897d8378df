"""``make run`` installs the assets when it can and serves without them when it cannot;
``make test`` insists on them. Driven with an unreachable registry and an empty folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.executable).parent.parent


def _make(target: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    make = shutil.which("make")
    if make is None:
        pytest.fail("make is required (the quick start needs it)")
    env = {
        **os.environ,
        "CONTENT_API_TIMELINEJS_DIR": str(tmp_path / "assets"),
        "NPM_CONFIG_REGISTRY": f"http://127.0.0.1:{free_port()}",  # nothing listens
    }
    # -o: the virtualenv this test runs in is taken as installed, never rebuilt here.
    stamp = f"{VENV}/.installed"
    command = [make, "-s", "-C", str(ROOT), f"VENV={VENV}", "-o", stamp, target]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_install_without_the_registry_warns_and_goes_on(tmp_path: Path) -> None:
    done = _make("install", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "warning: no TimelineJS assets, so /embed/timelines answers 503" in done.stderr
    assert "everything else is served" in done.stderr


def test_assets_without_the_registry_fail(tmp_path: Path) -> None:
    done = _make("assets", tmp_path)
    assert done.returncode != 0
    assert "cannot download" in done.stderr
    assert not (tmp_path / "assets" / "timelinejs").exists()
