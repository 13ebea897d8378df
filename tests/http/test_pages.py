from __future__ import annotations

from tests.http.conftest import Client

SEED_ID = "about-the-icc/the-us-icc-relationship"


def test_seed_page_detail(client: Client) -> None:
    response = client.get(f"/api/v1/pages/{SEED_ID}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    page = response.json()
    assert page["id"] == SEED_ID
    assert page["url"] == "/about-the-icc/the-us-icc-relationship/"
    assert page["title"] == "The US-ICC Relationship"
    assert page["order"] == 30
    assert page["published"] is True
    assert page["description"] is None and page["featured_image_path"] is None
    assert page["html"].startswith("<p>The United States (US) historically")
    assert "<strong>The following timeline chronicles" in page["html"]
    assert page["timeline"]["source"]["key"] == "0AtZ5yV_Pso2idDZQRXNfUzQxd3JTQzhhMXg5UEpVYmc"
    assert page["data"]["featured_image_path"] is None
    assert page["previous"]["id"] == "about-the-icc/about"
    assert page["next"] is None


def test_html_endpoint_is_the_fragment(client: Client) -> None:
    response = client.get(f"/api/v1/pages/{SEED_ID}/html")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.text == client.get(f"/api/v1/pages/{SEED_ID}").json()["html"]


def test_timeline_endpoint(client: Client) -> None:
    timeline = client.get(f"/api/v1/pages/{SEED_ID}/timeline").json()
    assert timeline["options"]["height"] == 900
    assert client.get("/api/v1/pages/cases/lubanga/timeline").status_code == 404


def test_unknown_page_is_a_404_problem(client: Client) -> None:
    response = client.get("/api/v1/pages/about-the-icc/nope")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404 and body["title"] == "Not Found"
    assert "about-the-icc/nope" in body["detail"]


def test_list_pages(client: Client) -> None:
    response = client.get("/api/v1/pages", params={"limit": 2})
    assert response.status_code == 200
    body = response.json()
    assert body["meta"] == {"total": 4, "limit": 2, "offset": 0}
    assert [p["id"] for p in body["data"]] == ["about-the-icc/about", SEED_ID]
    assert "html" not in body["data"][0]
    assert response.headers["x-total-count"] == "4"
    assert 'rel="next"' in response.headers["link"]


def test_list_by_collection(client: Client) -> None:
    body = client.get("/api/v1/pages", params={"collection": "cases"}).json()
    assert [p["id"] for p in body["data"]] == ["cases/lubanga"]


def test_limit_out_of_range_is_a_422_problem(client: Client) -> None:
    for value in ("0", "101", "ten"):
        response = client.get("/api/v1/pages", params={"limit": value})
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["errors"][0]["param"] == "limit"


def test_find_by_url_and_source_path(client: Client) -> None:
    for params in (
        {"url": "/about-the-icc/the-us-icc-relationship/"},
        {"url": "https://example.org/about-the-icc/the-us-icc-relationship"},
        {"source_path": "_about-the-icc/the-us-icc-relationship.md"},
    ):
        response = client.get("/api/v1/find", params=params, follow_redirects=False)
        assert response.status_code == 307, params
        assert response.headers["location"] == f"/api/v1/pages/{SEED_ID}"
    assert client.get("/api/v1/find", params={"url": "/nope/"}).status_code == 404
    assert client.get("/api/v1/find", params={"source_path": "../../etc/passwd"}).status_code == 404
    assert client.get("/api/v1/find").status_code == 404


def test_find_with_both_params_answers_the_page_that_matches_both(client: Client) -> None:
    seed = {
        "url": "/about-the-icc/the-us-icc-relationship/",
        "source_path": "_about-the-icc/the-us-icc-relationship.md",
    }
    both = client.get("/api/v1/find", params=seed, follow_redirects=False)
    assert both.status_code == 307
    assert both.headers["location"] == f"/api/v1/pages/{SEED_ID}"
    other_page = {**seed, "source_path": "_cases/lubanga.md"}
    assert client.get("/api/v1/find", params=other_page).status_code == 404
    no_page = {**seed, "url": "/nope/"}
    missing = client.get("/api/v1/find", params=no_page)
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


def test_collections(client: Client) -> None:
    body = client.get("/api/v1/collections").json()
    assert body["data"][0] == {
        "name": "about-the-icc",
        "label": "About The Icc",
        "count": 2,
        "output": True,
        "permalink": "/:collection/:path/",
    }


def test_diagnostics_name_the_broken_file(client: Client) -> None:
    body = client.get("/api/v1/diagnostics").json()
    broken = [d for d in body["data"] if d["source_path"] == "_cases/broken.md"]
    assert broken and broken[0]["severity"] == "error"
    assert broken[0]["code"] == "front-matter-invalid-yaml"
    assert broken[0]["line"] == 2


def test_health_and_readiness(client: Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready" and ready["pages"] == 4
    assert ready["diagnostics"]["errors"] >= 1
    assert len(ready["content_version"]) == 32
