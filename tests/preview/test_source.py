"""Tokens from the environment and from a file that is rotated as a Kubernetes Secret is."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from api.preview.source import TokenSource
from api.preview.tokens import Verdict

OLD = "old-token-0123456789abcdef"
NEW = "new-token-0123456789abcdef"
INLINE = "inline-token-0123456789"


def secret_volume(root: Path, token: str, generation: int) -> Path:
    """A Secret as the kubelet mounts it: ``token -> ..data/token``, ``..data`` a symlink to
    a timestamped folder, swapped atomically on rotation."""
    folder = root / f"..2026_12_01_{generation}"
    folder.mkdir()
    (folder / "token").write_text(f"{token}\n", encoding="utf-8")
    link = root / "..data"
    staging = root / "..data_tmp"
    staging.symlink_to(folder.name)
    staging.replace(link)
    if not (root / "token").exists():
        (root / "token").symlink_to("..data/token")
    return root / "token"


def test_off_without_tokens() -> None:
    source = TokenSource(None, None)
    assert not source.enabled
    assert source.current.check(INLINE) is Verdict.INVALID


def test_inline_tokens() -> None:
    source = TokenSource(f"{INLINE}, {OLD}", None)
    assert source.enabled
    assert source.current.check(INLINE) is Verdict.VALID
    assert source.current.check(OLD) is Verdict.VALID


def test_a_rotated_secret_replaces_the_tokens(tmp_path: Path) -> None:
    path = secret_volume(tmp_path, OLD, 1)
    source = TokenSource(INLINE, path)
    assert source.current.check(OLD) is Verdict.VALID
    assert source.current.check(INLINE) is Verdict.VALID
    assert not source.refresh()  # nothing changed: nothing read
    secret_volume(tmp_path, NEW, 2)
    assert source.refresh()
    assert source.current.check(NEW) is Verdict.VALID
    assert source.current.check(OLD) is Verdict.INVALID
    assert source.current.check(INLINE) is Verdict.VALID  # the environment's stay


def test_a_file_rewritten_in_place_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "tokens"
    path.write_text(OLD, encoding="utf-8")
    source = TokenSource(None, path)
    path.write_text(f"{OLD}\n{NEW}\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different stamp, whatever the clock's resolution
    assert source.refresh()
    assert source.current.check(NEW) is Verdict.VALID


def test_a_missing_file_revokes_its_tokens_until_it_is_back(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "tokens"
    path.write_text(OLD, encoding="utf-8")
    source = TokenSource(INLINE, path)
    path.unlink()
    with caplog.at_level(logging.WARNING, "content_api"):
        assert source.refresh()
        assert not source.refresh()  # said once, not at every poll
    assert source.current.check(OLD) is Verdict.INVALID
    assert source.current.check(INLINE) is Verdict.VALID
    assert sum("missing or unreadable" in r.message for r in caplog.records) == 1
    path.write_text(OLD, encoding="utf-8")
    assert source.refresh()
    assert source.current.check(OLD) is Verdict.VALID


def test_a_file_that_is_there_but_empty_keeps_preview_on(tmp_path: Path) -> None:
    path = tmp_path / "tokens"
    path.write_text("", encoding="utf-8")
    source = TokenSource(None, path)
    assert source.enabled  # on, with no token accepted yet
    assert source.current.check(OLD) is Verdict.INVALID


def test_bad_lines_are_logged_without_the_token(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "tokens"
    path.write_text(f"{OLD}\nsecretbutshort\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, "content_api"):
        source = TokenSource(None, path)
    assert source.current.check(OLD) is Verdict.VALID
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "line 2" in text and "1 accepted" in text
    assert "secretbutshort" not in text and OLD not in text


def test_the_poller_notices_a_rotation(tmp_path: Path) -> None:
    from tests.live.server import poll

    path = secret_volume(tmp_path, OLD, 1)
    source = TokenSource(None, path)
    source.start()
    try:
        secret_volume(tmp_path, NEW, 2)
        poll(lambda: source.current.check(NEW) is Verdict.VALID, 10, "the new token accepted")
    finally:
        source.stop()
    assert source.current.check(OLD) is Verdict.INVALID
