"""Preview with a token: hidden pages for the token's holder only, never in a shared cache."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from tests.support.sites import page, write_site

TOKEN = "editor-token-0123456789"
FUTURE = (datetime.now(UTC) + timedelta(days=30)).date().isoformat()
SITE = {
    "_config.yml": "url: https://example.org\ncollections:\n  notes:\n    output: true\n",
    "_notes/public.md": page("title: Public note\norder: 1", "Everyone reads the court.\n"),
    "_notes/secret.md": page(
        "title: Unpublished note\npublished: false\norder: 2", "An unpublished verdict.\n"
    ),
    "_notes/later.md": page(f"title: Future note\ndate: {FUTURE}\norder: 3", "Soon.\n"),
    "_drafts/idea.md": page("title: Draft idea", "A draft verdict.\n"),
}
HIDDEN = ("notes/secret", "notes/later", "drafts/idea")
BEARER = {"authorization": f"Bearer {TOKEN}"}


def client_for(root: Path, **settings: Any) -> TestClient:
    app = create_app(Settings(content_dir=root, **settings), start=False)
    # Not started, so no background warming: previews are warmed as they are built.
    app.state.runtime.views.warm = lambda served: served.store.warm(lambda: False)
    served = app.state.runtime.load()
    served.store.warm(lambda: False)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", SITE)


@pytest.fixture
def client(site: Path) -> TestClient:
    return client_for(site, preview_tokens=TOKEN)


def state(client: TestClient) -> Any:
    app: FastAPI = client.app  # type: ignore[assignment]
    return app.state


def preview_slot(client: TestClient) -> Any:
    return state(client).runtime.served.preview


@pytest.mark.parametrize("doc_id", HIDDEN)
def test_a_hidden_page_is_404_without_the_token_and_200_with_it(
    client: TestClient, doc_id: str
) -> None:
    public = client.get(f"/api/v1/pages/{doc_id}")
    assert public.status_code == 404
    assert public.json()["detail"] == f"No page has the id {doc_id!r}."
    shown = client.get(f"/api/v1/pages/{doc_id}", headers=BEARER)
    assert shown.status_code == 200
    assert shown.json()["id"] == doc_id
    assert shown.headers["cache-control"] == "private, no-store"
    assert "Authorization" in shown.headers["vary"]
    assert "public" not in shown.headers["cache-control"]


def test_every_preview_response_is_private(client: TestClient) -> None:
    paths = [
        "/api/v1/pages",
        "/api/v1/pages/notes/public",
        "/api/v1/pages/notes/secret/html",
        "/api/v1/search?q=verdict",
        "/api/v1/timelines",
        "/api/v1/collections",
        "/api/v1/diagnostics",
        "/readyz",
        "/feed.json",
        "/api/v1/pages/notes/nope",  # a 404 too
    ]
    for path in paths:
        response = client.get(path, headers=BEARER)
        assert response.headers["cache-control"] == "private, no-store", path
        assert "Authorization" in response.headers["vary"], path
        assert response.status_code in (200, 404), (path, response.text)


def test_lists_search_and_find_with_the_token_show_the_hidden_pages(client: TestClient) -> None:
    public = client.get("/api/v1/pages?fields=id").json()
    shown = client.get("/api/v1/pages?fields=id", headers=BEARER).json()
    assert public["meta"]["total"] == 1
    assert shown["meta"]["total"] == 4
    assert {item["id"] for item in shown["data"]} == {"notes/public", *HIDDEN}

    assert client.get("/api/v1/search?q=verdict").json()["meta"]["total"] == 0
    hits = client.get("/api/v1/search?q=verdict", headers=BEARER).json()
    assert {hit["id"] for hit in hits["data"]} == {"notes/secret", "drafts/idea"}

    found = client.get("/api/v1/find?url=/notes/secret/", headers=BEARER, follow_redirects=False)
    assert found.status_code == 307 and found.headers["cache-control"] == "private, no-store"
    assert client.get("/api/v1/find?url=/notes/secret/").status_code == 404

    collections = client.get("/api/v1/collections", headers=BEARER).json()["data"]
    assert {c["name"]: c["count"] for c in collections}["notes"] == 3
    ready = client.get("/readyz", headers=BEARER).json()
    assert ready["pages"] == 4
    assert ready["content_version"] != client.get("/readyz").json()["content_version"]


def test_preview_bytes_never_reach_the_public_cache(client: TestClient) -> None:
    runtime = state(client).runtime
    # The public page is in the fast path's cache, then asked for with the token:
    assert client.get("/api/v1/pages/notes/public").headers["cache-control"].startswith("public")
    assert "notes/public" in runtime.served.store.by_path
    shown = client.get("/api/v1/pages/notes/public", headers=BEARER)
    assert shown.headers["cache-control"] == "private, no-store"
    client.get("/api/v1/pages/notes/secret", headers=BEARER)
    client.get("/api/v1/pages?fields=id", headers=BEARER)
    assert "notes/secret" not in runtime.served.store.by_path
    assert client.get("/api/v1/pages/notes/secret").status_code == 404
    assert client.get("/api/v1/pages?fields=id").json()["meta"]["total"] == 1
    # Public responses name Authorization in Vary, for caches in front.
    assert "Authorization" in client.get("/api/v1/pages/notes/public").headers["vary"]


def test_etags_revalidate_with_the_token(client: TestClient) -> None:
    first = client.get("/api/v1/pages/notes/secret", headers=BEARER)
    etag = first.headers["etag"]
    again = client.get("/api/v1/pages/notes/secret", headers={**BEARER, "if-none-match": etag})
    assert again.status_code == 304
    assert again.headers["cache-control"] == "private, no-store"


def test_the_preview_is_built_on_first_use_only(client: TestClient) -> None:
    slot = preview_slot(client)
    client.get("/api/v1/pages")
    assert slot.built is None  # public requests pay nothing
    client.get("/api/v1/pages", headers=BEARER)
    assert slot.built is not None
    # From then on every version's preview is built with it.
    runtime = state(client).runtime
    served = runtime.load()
    assert served.preview.built is not None


@pytest.mark.parametrize(
    ("authorization", "error"),
    [
        ("Bearer wrong-token-0123456789", "the token is not valid"),
        ("Bearer " + TOKEN[:-1], "the token is not valid"),
        ("Bearer", "the token is not valid"),
        ("bearer " + TOKEN + "x", "the token is not valid"),
    ],
)
def test_a_wrong_token_is_a_401_problem(client: TestClient, authorization: str, error: str) -> None:
    response = client.get("/api/v1/pages/notes/public", headers={"authorization": authorization})
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["cache-control"] == "no-store"
    challenge = response.headers["www-authenticate"]
    assert challenge.startswith("Bearer ")
    assert 'error="invalid_token"' in challenge and error in challenge
    body = response.json()
    assert body["status"] == 401 and body["type"].endswith("/invalid-token")
    presented = authorization.partition(" ")[2]
    assert not presented or presented not in response.text


def test_the_scheme_is_case_insensitive(client: TestClient) -> None:
    response = client.get(
        "/api/v1/pages/notes/secret", headers={"authorization": f"bearer {TOKEN}"}
    )
    assert response.status_code == 200


def test_an_expired_token_is_a_401_that_says_so(site: Path) -> None:
    client = client_for(site, preview_tokens=f"{TOKEN} expires=2020-01-01")
    response = client.get("/api/v1/pages/notes/secret", headers=BEARER)
    assert response.status_code == 401
    assert 'error_description="the token has expired"' in response.headers["www-authenticate"]
    assert response.json()["type"].endswith("/token-expired")


def test_without_tokens_preview_is_off_and_a_bearer_token_is_told_so(site: Path) -> None:
    client = client_for(site)
    assert state(client).runtime.served.preview is None
    response = client.get("/api/v1/pages/notes/public", headers=BEARER)
    assert response.status_code == 401
    assert response.json()["type"].endswith("/preview-off")
    assert "no preview tokens are configured" in response.json()["detail"]
    assert "www-authenticate" in response.headers
    assert client.get("/api/v1/pages/notes/public").status_code == 200


def test_other_schemes_are_not_ours(client: TestClient) -> None:
    # A proxy's basic auth passes through: the request is public.
    response = client.get("/api/v1/pages/notes/secret", headers={"authorization": "Basic dTpw"})
    assert response.status_code == 404
    assert client.get("/api/v1/pages/notes/public", headers={"authorization": "Basic dTpw"}).json()


def test_two_authorization_headers_are_a_400(client: TestClient) -> None:
    response = client.get(
        "/api/v1/pages", headers=[("authorization", f"Bearer {TOKEN}"), ("authorization", "x")]
    )
    assert response.status_code == 400
    assert 'error="invalid_request"' in response.headers["www-authenticate"]


@pytest.mark.parametrize(
    "query",
    [
        f"access_token={TOKEN}",
        f"token={TOKEN}",
        f"Access_Token={TOKEN}",
        f"preview_token={TOKEN}&limit=5",
        "limit=5&token=",
    ],
)
@pytest.mark.parametrize("path", ["/api/v1/pages", "/api/v1/pages/notes/public", "/readyz"])
def test_a_token_in_the_url_is_refused_and_never_echoed(
    client: TestClient, path: str, query: str
) -> None:
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["type"].endswith("/token-in-url")
    assert "Authorization: Bearer" in body["detail"]
    assert TOKEN not in response.text
    assert all(TOKEN not in value for value in response.headers.values())


def test_a_refusal_carries_cors_headers(client: TestClient) -> None:
    response = client.get(
        "/api/v1/pages",
        headers={"authorization": "Bearer nope-nope-nope-nope", "origin": "https://x"},
    )
    assert response.status_code == 401
    assert response.headers["access-control-allow-origin"] == "*"


def test_the_preflight_of_a_preview_request_allows_authorization(client: TestClient) -> None:
    response = client.options(
        "/api/v1/pages",
        headers={
            "origin": "https://frontend.example",
            "access-control-request-method": "GET",
            "access-control-request-headers": "authorization",
        },
    )
    assert response.status_code == 200
    assert "authorization" in response.headers["access-control-allow-headers"].lower()


def test_the_schema_declares_the_optional_bearer_scheme_everywhere(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    scheme = schema["components"]["securitySchemes"]["previewToken"]
    assert scheme["type"] == "http" and scheme["scheme"] == "bearer"
    operations = [op for item in schema["paths"].values() for op in item.values()]
    assert operations
    for operation in operations:
        # Its own, or the document's that it inherits.
        security = operation.get("security", schema["security"])
        assert security == [{}, {"previewToken": []}], operation["operationId"]
        assert "401" in operation["responses"], operation["operationId"]


def test_a_rotated_token_file_is_followed(site: Path, tmp_path: Path) -> None:
    path = tmp_path / "tokens"
    path.write_text(f"{TOKEN}\n", encoding="utf-8")
    client = client_for(site, preview_tokens_file=path)
    assert client.get("/api/v1/pages/notes/secret", headers=BEARER).status_code == 200
    path.write_text("other-token-0123456789\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert state(client).tokens.refresh()  # what the poller does every second
    assert client.get("/api/v1/pages/notes/secret", headers=BEARER).status_code == 401
    other = {"authorization": "Bearer other-token-0123456789"}
    assert client.get("/api/v1/pages/notes/secret", headers=other).status_code == 200


def test_references_to_hidden_pages_resolve_in_the_preview_only(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "refs",
        {
            "_config.yml": "collections:\n  cases: {output: true}\n  countries: {output: true}\n",
            "_cases/one.md": page("title: One\ncountry: sudan"),
            "_cases/two.md": page("title: Two\ncountry: kenya"),
            "_cases/three.md": page("title: Three\ncountry: kenya"),
            "_countries/sudan.md": page("title: Sudan\npublished: false"),
            "_countries/kenya.md": page("title: Kenya"),
        },
    )
    client = client_for(site, preview_tokens=TOKEN)
    public = client.get("/api/v1/pages/cases/one").json()
    shown = client.get("/api/v1/pages/cases/one", headers=BEARER).json()
    assert "country" not in public["references"]
    assert [ref["id"] for ref in shown["references"]["country"]] == ["countries/sudan"]
    backlinks = client.get("/api/v1/pages/countries/sudan", headers=BEARER).json()
    assert [ref["id"] for ref in backlinks["referenced_by"]["cases.country"]] == ["cases/one"]
    codes = {d["code"] for d in client.get("/api/v1/diagnostics").json()["data"]}
    assert "dangling-reference" in codes
    preview_codes = {
        d["code"] for d in client.get("/api/v1/diagnostics", headers=BEARER).json()["data"]
    }
    assert "dangling-reference" not in preview_codes


def test_browser_head_and_revalidation_requests_with_the_token_get_the_preview(
    client: TestClient,
) -> None:
    # The fast path answers these forms for everyone else: with a token it must not.
    public = client.get("/api/v1/pages/notes/public")
    origin = {"origin": "https://app.example", "accept-encoding": "gzip, br"}
    for headers in (
        {**BEARER, **origin},
        {**BEARER, "if-none-match": public.headers["etag"]},
    ):
        shown = client.get("/api/v1/pages/notes/public", headers=headers)
        assert shown.status_code == 200
        assert shown.headers["cache-control"] == "private, no-store"
    head = client.head("/api/v1/pages/notes/secret", headers={**BEARER, **origin})
    assert head.status_code == 200 and head.headers["cache-control"] == "private, no-store"
    assert head.headers["access-control-allow-origin"] == "*"
    assert client.head("/api/v1/pages/notes/secret", headers=origin).status_code == 404
