"""Apps over small content trees, driven in-process (Starlette's TestClient is an httpx client)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from tests.support.sites import SEED, page, write_site

Client = TestClient


SITE = {
    "_config.yml": (
        "url: https://example.org\n"
        "collections:\n"
        "  about-the-icc:\n    output: true\n    permalink: /:collection/:path/\n"
        "  cases:\n    output: true\n    permalink: /:collection/case/:path/\n"
    ),
    "_about-the-icc/the-us-icc-relationship.md": SEED.read_text(encoding="utf-8"),
    "_about-the-icc/about.md": page("title: About the ICC\norder: 1", "About *the* court.\n"),
    "_cases/lubanga.md": page("title: Lubanga\ncountry: DRC\norder: 2", "## Trial\n\nText.\n"),
    "_cases/broken.md": "---\ntitle: [oops\n---\n",
    "index.md": page("title: Home"),
}


def build_app(root: Path, **settings: object) -> FastAPI:
    app = create_app(Settings(content_dir=root, **settings), start=False)  # type: ignore[arg-type]
    served = app.state.runtime.load()
    served.store.warm(lambda: False)
    return app


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[Callable[..., Client]]:
    clients: list[Client] = []

    def make(files: dict[str, str | bytes] | None = None, **settings: object) -> Client:
        root = write_site(tmp_path / f"site{len(clients)}", files if files is not None else SITE)
        # raise_server_exceptions=False: a 500 must show up as a response, as in production.
        client = TestClient(build_app(root, **settings), raise_server_exceptions=False)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., Client]) -> Client:
    return make_client()
