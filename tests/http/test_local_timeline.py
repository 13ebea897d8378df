"""The shipped example page keeps its timeline data with the content and embeds it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient

from api.timeline import EMBED_PREFIX, validate_timeline_json
from tests.http.conftest import build_app

CONTENT = Path(__file__).resolve().parents[2] / "content"
PAGE = "about-the-icc/icc-milestones"


def test_local_data_is_served_as_valid_timelinejs_json() -> None:
    client = TestClient(build_app(CONTENT))
    response = client.get(f"/api/v1/pages/{PAGE}/timeline/data")
    assert response.status_code == 200
    data = response.json()
    assert validate_timeline_json(data) == ()
    assert data["title"]["text"]["headline"]
    assert len(data["events"]) >= 10
    assert data["eras"]


def test_embed_reads_the_local_json_when_the_public_url_is_known() -> None:
    client = TestClient(build_app(CONTENT, public_url="https://api.example.org"))
    timeline = client.get(f"/api/v1/pages/{PAGE}/timeline").json()
    assert timeline["source"]["kind"] == "local"
    assert timeline["embed_url"].startswith(EMBED_PREFIX)
    source = parse_qs(urlsplit(timeline["embed_url"]).query)["source"]
    assert source == [f"https://api.example.org/api/v1/pages/{PAGE}/timeline/data"]
    assert "https%3A%2F%2Fapi.example.org" in timeline["iframe_html"]
    # TimelineJS fetches the data from Knight Lab's page: it needs CORS.
    cors = client.get(
        f"/api/v1/pages/{PAGE}/timeline/data", headers={"Origin": "https://cdn.knightlab.com"}
    )
    assert cors.headers["access-control-allow-origin"] in ("*", "https://cdn.knightlab.com")


def test_without_a_public_url_the_embed_says_what_is_missing() -> None:
    client = TestClient(build_app(CONTENT))
    timeline = client.get(f"/api/v1/pages/{PAGE}/timeline").json()
    assert timeline["embed_url"] is None and timeline["iframe_html"] is None
    assert [w["code"] for w in timeline["warnings"]] == ["public-url-missing"]


def test_shipped_seed_is_byte_identical(seed_path: Path, shared_seed: Path) -> None:
    assert seed_path.read_bytes() == shared_seed.read_bytes()


def test_shipped_config_declares_the_collection() -> None:
    config = (CONTENT / "_config.yml").read_text(encoding="utf-8")
    assert "about-the-icc:" in config and "permalink: /:collection/:path/" in config
