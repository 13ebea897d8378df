"""Browser tests: Debian's headless Chromium, offline, against real servers on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.cdp import Browser
from tests.http.conftest import SITE
from tests.support.servers import api_server
from tests.support.sites import write_site
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
