"""Fixtures of the live suite: real servers, stopped (SIGTERM) when the test ends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.live.server import LiveServer

StartServer = Callable[..., LiveServer]


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator[StartServer]:
    """``start_server(content_dir, *cli_args, env=..., ready=True)``: a running server."""
    servers: list[LiveServer] = []

    def start(
        content_dir: Path, *args: str, env: dict[str, str] | None = None, ready: bool = True
    ) -> LiveServer:
        server = LiveServer(content_dir, *args, log=tmp_path / f"server{len(servers)}.log", env=env)
        servers.append(server)
        if ready:
            server.wait_ready()
        return server

    yield start
    for server in servers:
        server.terminate()
