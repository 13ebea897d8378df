"""The docs pages and their assets come from this server; the browser tests render them."""

from __future__ import annotations

import re

import pytest

from api.http.routes.docs import ASSETS
from tests.http.conftest import Client


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_pages_load_nothing_from_elsewhere(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    html = response.text
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", html), html
    assert "fonts.googleapis" not in html and "cdn.jsdelivr" not in html
    assert 'rel="shortcut icon" href="/docs/assets/favicon.png"' in html
    assert "'openapi.json'" in html or '"/openapi.json"' in html or "/openapi.json" in html
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp


@pytest.mark.parametrize(("name", "media_type"), sorted(ASSETS.items()))
def test_assets_are_served_with_etags(client: Client, name: str, media_type: str) -> None:
    response = client.get(f"/docs/assets/{name}", headers={"accept-encoding": "identity"})
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert len(response.content) > 1000
    etag = response.headers["etag"]
    assert client.get(f"/docs/assets/{name}", headers={"if-none-match": etag}).status_code == 304


def test_the_big_scripts_are_compressed(client: Client) -> None:
    plain = client.get("/docs/assets/swagger-ui-bundle.js", headers={"accept-encoding": "identity"})
    packed = client.get("/docs/assets/swagger-ui-bundle.js", headers={"accept-encoding": "br"})
    assert packed.headers["content-encoding"] == "br"
    assert int(packed.headers["content-length"]) < len(plain.content) / 3


def test_redoc_is_patched_not_to_fetch_its_logo(client: Client) -> None:
    script = client.get("/docs/assets/redoc.standalone.js").text
    assert "cdn.redoc.ly" not in script


@pytest.mark.parametrize("name", ["nope.js", "..%2Fcore.py", "%2e%2e/%2e%2e/settings.py"])
def test_unknown_assets_are_404_problems(client: Client, name: str) -> None:
    response = client.get(f"/docs/assets/{name}")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_docs_routes_are_not_operations(client: Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert not [p for p in paths if p.startswith(("/docs", "/redoc"))]
