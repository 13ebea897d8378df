"""Lists, pagination headers and search over HTTP, on the aba-icc corpus."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.http.conftest import build_app

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def client(corpus_dir: Path) -> Iterator[TestClient]:
    yield TestClient(build_app(corpus_dir, unpublished=True, future=True))


def links(header: str) -> dict[str, str]:
    return {rel: url for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', header)}


def test_following_next_links_visits_every_page_once(client: TestClient) -> None:
    url: str | None = "/api/v1/pages?collection=cases-events&limit=50"
    seen: list[str] = []
    pages = 0
    while url is not None:
        response = client.get(url)
        assert response.status_code == 200
        total = int(response.headers["x-total-count"])
        assert response.json()["meta"]["total"] == total == 232
        found = links(response.headers["link"])
        assert found["first"].endswith("offset=0")
        assert found["last"].endswith("offset=200")
        assert ("prev" in found) == (pages > 0)
        seen += [item["id"] for item in response.json()["data"]]
        url = found.get("next")
        pages += 1
    assert pages == 5
    assert len(seen) == len(set(seen)) == 232


def test_filters_are_typed_against_the_data(client: TestClient) -> None:
    body = client.get(
        "/api/v1/pages", params={"filter[order][gte]": "20", "fields": "id,order", "limit": 100}
    ).json()
    assert body["data"] and all(item["order"] >= 20 for item in body["data"])
    dated = client.get(
        "/api/v1/pages",
        params={"filter[date][gte]": "2019", "filter[date][lt]": "2020", "fields": "id,date"},
    ).json()
    assert dated["data"] and all(item["date"].startswith("2019") for item in dated["data"])


def test_sort_ties_keep_the_collection_order(client: TestClient) -> None:
    default = client.get("/api/v1/pages", params={"collection": "countries", "limit": 100}).json()
    tied = client.get(
        "/api/v1/pages", params={"collection": "countries", "sort": "layout", "limit": 100}
    ).json()
    # Every country has the same layout, so sorting by it keeps the default order.
    assert [p["id"] for p in tied["data"]] == [p["id"] for p in default["data"]]


def test_search_ranks_and_marks(client: TestClient) -> None:
    body: dict[str, Any] = client.get(
        "/api/v1/search", params={"q": "crimes against humanity"}
    ).json()
    assert body["meta"]["total"] > 0
    top = body["data"][0]
    assert "Crimes Against Humanity" in top["title"]
    assert "<mark>" in top["snippet"]
    scores = [hit["score"] for hit in body["data"]]
    assert scores == sorted(scores, reverse=True)
