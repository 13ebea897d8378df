"""Browser and nginx tests skip where their program is absent, and fail under CI=true."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.tools import require_program


def test_absent_program_skips_outside_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium"):
        require_program(tmp_path / "chromium", "chromium")


def test_absent_program_fails_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true requires it"):
        require_program("no-such-nginx-here", "nginx")


def test_present_program_is_found(tmp_path: Path) -> None:
    program = tmp_path / "tool"
    program.write_text("#!/bin/sh\n")
    assert require_program(program, "tool") == program
