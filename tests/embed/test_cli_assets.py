"""``content-api assets fetch``: installs the pinned package, or says why it cannot."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from api.cli import app
from api.embed.pins import TIMELINEJS
from tests.support.embedassets import fake_install, tarball
from tests.support.servers import free_port


def _text(output: str) -> str:
    return " ".join(output.split())


def test_fetch_refuses_a_tarball_that_is_not_the_pinned_one(tmp_path: Path) -> None:
    path = tmp_path / "other.tgz"
    path.write_bytes(tarball())
    result = CliRunner().invoke(
        app, ["assets", "fetch", "--into", str(tmp_path / "a"), "--tarball", str(path)]
    )
    assert result.exit_code == 1
    assert "does not match its pinned integrity" in _text(result.output)
    assert not (tmp_path / "a" / "timelinejs").exists()


def test_fetch_downloads_nothing_when_installed(tmp_path: Path) -> None:
    root = fake_install(tmp_path / "a")
    nowhere = f"http://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(
        app, ["assets", "fetch", "--into", str(root), "--registry", nowhere]
    )
    assert result.exit_code == 0, result.output
    assert f"{TIMELINEJS.name} {TIMELINEJS.version} already installed" in _text(result.output)


def test_fetch_offline_fails_with_the_reason(tmp_path: Path) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    result = CliRunner(env={"CONTENT_API_TIMELINEJS_DIR": str(tmp_path)}).invoke(
        app, ["assets", "fetch", "--registry", nowhere]
    )
    assert result.exit_code == 1
    assert f"cannot download {nowhere}/@knight-lab/timelinejs/-/" in _text(result.output)
