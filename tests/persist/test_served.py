"""A server with a cache directory answers exactly what one without it answers: on a cold
start, a warm restart and after an edit; ``cache build`` fills it ahead of time."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app as cli
from api.http.inprocess import get
from api.persist.db import FILE_NAME
from tests.http.conftest import SITE, build_app
from tests.support.sites import page, write_site

PATHS = [
    "/api/v1/pages",
    "/api/v1/pages/about-the-icc/the-us-icc-relationship",
    "/api/v1/pages/about-the-icc/the-us-icc-relationship/html",
    "/api/v1/pages/cases/lubanga/html",
    "/api/v1/search",
    "/api/v1/collections",
    "/api/v1/diagnostics",
    "/feed.json",
]


def answers(root: Path, **settings: object) -> dict[str, tuple[int, str, bytes]]:
    import asyncio

    app = build_app(root, **settings)
    found = {}
    for path in PATHS:
        query = "q=court" if path.endswith("search") else ""
        answer = asyncio.run(get(app, path, query))
        found[path] = (answer.status, answer.headers.get("etag", ""), answer.body)
    runtime = app.state.runtime
    if runtime.cache is not None:
        assert runtime.cache.flush(30)
    runtime.stop()
    return found


def test_cold_warm_and_edited_answers_are_those_without_a_cache(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", SITE)
    cache = tmp_path / "cache"
    expected = answers(root)
    assert answers(root, cache_dir=cache) == expected  # cold
    assert (cache / FILE_NAME).is_file()
    assert answers(root, cache_dir=cache) == expected  # warm
    (root / "_cases" / "lubanga.md").write_text(
        page("title: Lubanga, edited\ncountry: DRC\norder: 2", "## Trial\n\nNew text.\n")
    )
    edited = answers(root, cache_dir=cache)
    assert edited == answers(root)
    assert edited != expected and b"New text." in edited["/api/v1/pages/cases/lubanga/html"][2]


def test_cache_build_fills_the_directory_for_serve(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", SITE)
    cache = tmp_path / "cache"
    runner = CliRunner()
    built = runner.invoke(cli, ["cache", "build", "-c", str(root), "--cache-dir", str(cache)])
    assert built.exit_code == 0, built.output
    assert "cached 4 pages" in built.output  # the broken one is not a page
    again = runner.invoke(cli, ["cache", "build", "-c", str(root), "--cache-dir", str(cache)])
    assert "(0 files parsed)" in again.output  # the first build's image is current
    assert sorted(p.name for p in cache.iterdir() if p.suffix != ".lock") == [FILE_NAME]
    app = build_app(root, cache_dir=cache)
    assert app.state.runtime.from_image  # nothing parsed again
    cleared = runner.invoke(cli, ["cache", "clear", "--cache-dir", str(cache)])
    assert cleared.exit_code == 0 and not (cache / FILE_NAME).exists()


def test_a_cache_directory_that_cannot_be_used_changes_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write_site(tmp_path / "site", SITE)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert answers(root, cache_dir=blocker) == answers(root)
    assert "not using a cache" in caplog.text
