"""Browser tests: Debian's headless Chromium, offline, against real servers on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.cdp import Browser
from tests.http.conftest import SITE
from tests.support.embedassets import require_real_assets
from tests.support.servers import api_server, free_port
from tests.support.sites import CONTENT, write_site
from tests.support.tools import CHROMIUM, require_program


@pytest.fixture(scope="session")
def chromium() -> Path:
    return require_program(CHROMIUM, "chromium")


@pytest.fixture(scope="session")
def browser(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    home = tmp_path_factory.mktemp("chromium")
    with Browser(chromium, home / "profile") as running:
        yield running


@pytest.fixture(scope="session")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API (real uvicorn) over the small test site; its base URL."""
    root = write_site(tmp_path_factory.mktemp("site"), SITE)
    with api_server(root) as base:
        yield base


@pytest.fixture(scope="session")
def hosted_api() -> Iterator[str]:
    """The API over the shipped content, knowing its own public URL (so timelines carry
    ``hosted_embed_url``), with the TimelineJS assets ``make`` fetched; its base URL."""
    require_real_assets()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with api_server(CONTENT, env={"CONTENT_API_PUBLIC_URL": base}, port=port) as running:
        assert running == base
        yield base
