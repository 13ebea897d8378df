"""``/api/v1/changes`` over HTTP: the public feed and the preview's, each its own."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from tests.support.sites import page, write_site

TOKEN = "editor-token-0123456789"
BEARER = {"authorization": f"Bearer {TOKEN}"}
CONFIG = "collections:\n  notes:\n    output: true\n    sort_by: order\n"


def note(title: str, order: int, extra: str = "", body: str = "Text.\n") -> str:
    return page(f"title: {title}\norder: {order}\n{extra}", body)


def make(tmp_path: Path) -> tuple[TestClient, Path]:
    root = write_site(
        tmp_path / "site",
        {
            "_config.yml": CONFIG,
            "_notes/a.md": note("A", 1),
            "_notes/b.md": note("B", 5),
            "_notes/z.md": note("Z", 9),
        },
    )
    app = create_app(Settings(content_dir=root, preview_tokens=TOKEN), start=False)
    app.state.runtime.load()
    return TestClient(app, raise_server_exceptions=False), root


def version(client: TestClient, headers: dict[str, str] | None = None) -> str:
    return str(client.get("/readyz", headers=headers).json()["content_version"])


def reload(client: TestClient) -> None:
    client.app.state.runtime.load()  # type: ignore[attr-defined]


def test_an_edit_is_listed_since_the_version_before(tmp_path: Path) -> None:
    client, root = make(tmp_path)
    old = version(client)
    write_site(root, {"_notes/b.md": note("B", 5, body="New text.\n")})
    reload(client)
    response = client.get(f"/api/v1/changes?since={old}")
    assert response.status_code == 200
    assert response.json() == {
        "from": old,
        "to": version(client),
        "added": [],
        "changed": ["notes/b"],
        "removed": [],
    }
    assert "etag" in response.headers
    current = client.get(f"/api/v1/changes?since={version(client)}").json()
    assert current["added"] == current["changed"] == current["removed"] == []
    assert current["from"] == current["to"] == version(client)


def test_an_unknown_version_is_a_410_that_says_to_refetch(tmp_path: Path) -> None:
    client, _ = make(tmp_path)
    response = client.get("/api/v1/changes?since=0123456789abcdef0123456789abcdef")
    assert response.status_code == 410
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["type"].endswith("/version-gone")
    assert "refetch everything" in body["detail"]
    assert version(client) in body["detail"]
    assert body["content_version"] == version(client)


def test_since_is_required(tmp_path: Path) -> None:
    client, _ = make(tmp_path)
    response = client.get("/api/v1/changes")
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "since"
    # Something that cannot be a version at all is a bad request, not a version gone.
    for bad in ("nope", "ABCDEF", "0" * 65, "%00"):
        response = client.get(f"/api/v1/changes?since={bad}")
        assert response.status_code == 422, bad
        assert response.json()["errors"][0]["param"] == "since"


def test_the_preview_has_its_own_feed_where_hidden_pages_appear(tmp_path: Path) -> None:
    client, root = make(tmp_path)
    public_old = version(client)
    preview_old = version(client, BEARER)  # the first preview request builds the preview
    # With nothing hidden, both views are the same content: the same version.
    assert public_old == preview_old
    write_site(root, {"_notes/draft.md": note("Draft", 7, "published: false")})
    reload(client)
    public = client.get(f"/api/v1/changes?since={public_old}").json()
    preview = client.get(f"/api/v1/changes?since={preview_old}", headers=BEARER).json()
    # Publicly nothing changed at all: the same version, no step.
    assert public == {**public, "to": public_old, "added": [], "changed": [], "removed": []}
    assert preview["added"] == ["notes/draft"]
    assert preview["changed"] == ["notes/b", "notes/z"]  # its neighbours
    hidden_version = preview["to"]
    assert hidden_version != public_old
    # The public feed never heard of the preview's version.
    assert client.get(f"/api/v1/changes?since={hidden_version}").status_code == 410
    # Publishing it is a public change (and, for the preview, only a change of the page).
    write_site(root, {"_notes/draft.md": note("Draft", 7)})
    reload(client)
    public = client.get(f"/api/v1/changes?since={public_old}").json()
    assert public["added"] == ["notes/draft"]
    assert public["changed"] == ["notes/b", "notes/z"]
    preview = client.get(f"/api/v1/changes?since={hidden_version}", headers=BEARER).json()
    assert preview["added"] == [] and preview["changed"] == ["notes/draft"]
