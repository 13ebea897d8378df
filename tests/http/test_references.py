"""References over HTTP: the page resource, ``expand``, ``fields``, filters, backlink order,
caching (the fast path too) and reloads."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.http import fastpath
from api.query.expand import MAX_EXPANDED
from tests.http.conftest import Client, build_app
from tests.site.test_references import CONFIG, SITE
from tests.support.sites import page, write_site

CASE = "/api/v1/pages/cases/one"
REF_KEYS = {"id", "collection", "title", "url"}


@pytest.fixture
def refs(make_client: Callable[..., Client]) -> Client:
    return make_client(SITE)


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def test_a_page_shows_its_references_and_backlinks(refs: Client) -> None:
    case = refs.get(CASE).json()
    assert case["references"] == {
        "country": [
            {
                "id": "countries/sudan",
                "collection": "countries",
                "title": "Sudan",
                "url": "/countries/sudan.html",
            }
        ],
        "accuseds": [
            {
                "id": "accuseds/omar",
                "collection": "accuseds",
                "title": "Omar",
                "url": "/accuseds/omar.html",
            },
            {
                "id": "accuseds/ali",
                "collection": "accuseds",
                "title": "Ali",
                "url": "/accuseds/ali.html",
            },
        ],
    }
    assert case["data"]["accuseds"] == ["omar", "ali"]  # raw values kept
    assert ids(case["referenced_by"]["cases-events.case"]) == ["cases-events/e1"]
    ali = refs.get("/api/v1/pages/accuseds/ali").json()
    assert list(ali["referenced_by"]) == ["cases.accuseds", "cases-events.accused"]
    assert refs.get("/api/v1/pages/people/p2").json()["references"] == {}  # nothing to show
    assert refs.get("/api/v1/pages/cases-events/e1").json()["referenced_by"] == {}


def test_list_items_carry_references_and_backlinks_on_request(refs: Client) -> None:
    items = refs.get("/api/v1/pages?collection=cases").json()["data"]
    assert ids(items[0]["references"]["accuseds"]) == ["accuseds/omar", "accuseds/ali"]
    assert all("referenced_by" not in item for item in items)
    included = refs.get("/api/v1/pages?collection=cases&include=referenced_by").json()["data"]
    assert ids(included[0]["referenced_by"]["cases-events.case"]) == ["cases-events/e1"]


def test_expand_on_the_detail(refs: Client) -> None:
    case = refs.get(f"{CASE}?expand=country,accuseds,referenced_by").json()
    [country] = case["references"]["country"]
    assert country["data"] == {"title": "Sudan"} and country["slug"] == "sudan"
    assert ids(case["references"]["accuseds"]) == ["accuseds/omar", "accuseds/ali"]
    assert all("data" in item for item in case["references"]["accuseds"])
    [event] = case["referenced_by"]["cases-events.case"]
    assert event["data"]["event_date"].startswith("2021-01-02")
    # An expanded page shows its own references as page references.
    assert set(event["references"]["accused"][0]) == REF_KEYS
    assert "html" in case and "referenced_by" not in event


def test_only_the_asked_backlinks_are_expanded(refs: Client) -> None:
    ali = refs.get("/api/v1/pages/accuseds/ali?expand=referenced_by.cases-events").json()
    assert all(set(item) == REF_KEYS for item in ali["referenced_by"]["cases.accuseds"])
    assert all("data" in item for item in ali["referenced_by"]["cases-events.accused"])


def test_nested_expansion_and_fields(refs: Client) -> None:
    body = refs.get(
        "/api/v1/pages",
        params={
            "collection": "cases",
            "expand": "accuseds.country",
            "fields": "title,references.accuseds.title,"
            "references.accuseds.references.country.title",
        },
    ).json()
    assert body["data"][0] == {
        "id": "cases/one",
        "title": "Case One",
        "references": {
            "accuseds": [
                {
                    "id": "accuseds/omar",
                    "title": "Omar",
                    "references": {"country": [{"id": "countries/sudan", "title": "Sudan"}]},
                },
                {
                    "id": "accuseds/ali",
                    "title": "Ali",
                    "references": {"country": [{"id": "countries/sudan", "title": "Sudan"}]},
                },
            ]
        },
    }


def test_expanded_backlinks_in_lists(refs: Client) -> None:
    body = refs.get(
        "/api/v1/pages?collection=countries&expand=referenced_by.cases.country"
        "&fields=referenced_by.cases.country.title"
    ).json()
    sudan = next(item for item in body["data"] if item["id"] == "countries/sudan")
    assert sudan["referenced_by"] == {"cases.country": [{"id": "cases/one", "title": "Case One"}]}


def test_expand_on_search(refs: Client) -> None:
    hits = refs.get("/api/v1/search?q=case&expand=country").json()["data"]
    one = next(hit for hit in hits if hit["id"] == "cases/one")
    assert list(one["references"]) == ["country"] and "data" in one["references"]["country"][0]
    assert "snippet" in one and "referenced_by" not in one
    plain = refs.get("/api/v1/search?q=case").json()["data"]
    assert all("references" not in hit for hit in plain)


def test_cycles_stop_at_a_page_already_expanded(refs: Client) -> None:
    case = refs.get(f"{CASE}?expand=referenced_by.cases-events.case.case").json()
    [event] = case["referenced_by"]["cases-events.case"]
    [back] = event["references"]["case"]
    assert set(back) == REF_KEYS and back["id"] == "cases/one"


def test_mutual_references_expand_to_the_depth_asked(make_client: Callable[..., Client]) -> None:
    files = {
        "_config.yml": "collections:\n  notes: {output: true}\n"
        "content_api:\n  references:\n    keys:\n      see: notes\n",
        "_notes/a.md": page("title: A\nsee: b"),
        "_notes/b.md": page("title: B\nsee: [a, c]"),
        "_notes/c.md": page("title: C\nsee: a"),
    }
    client = make_client(files)
    body = client.get("/api/v1/pages/notes/a?expand=see.see.see").json()
    [b] = body["references"]["see"]
    a_again, c = b["references"]["see"]
    assert set(a_again) == REF_KEYS  # a is being expanded: a reference
    [a_third] = c["references"]["see"]
    assert set(a_third) == REF_KEYS


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("expand=bogus", "'bogus'"),
        ("expand=country.accuseds", "'accuseds'"),
        ("expand=referenced_by.cases-events.case.accused.country.x", "deeper than 3 levels"),
        ("expand=referenced_by.nowhere", "'nowhere'"),
        ("sort=title", "orders its backlinks"),
    ],
)
def test_bad_expansions_are_422_problems_naming_them(refs: Client, query: str, named: str) -> None:
    for url in (f"{CASE}?{query}", f"/api/v1/pages?{query}", f"/api/v1/search?q=case&{query}"):
        if url.startswith("/api/v1/pages?") and query.startswith("sort="):
            continue  # a list sorts by any field
        if url.startswith("/api/v1/search") and query.startswith("sort="):
            continue
        response = refs.get(url)
        assert response.status_code == 422, url
        assert response.headers["content-type"] == "application/problem+json"
        assert named in response.json()["detail"]


def test_too_large_an_expansion_is_refused(tmp_path: Path) -> None:
    files = {"_config.yml": CONFIG, "_countries/x.md": page("title: X")}
    files |= {f"_cases/c{i}.md": page(f"title: C{i}\ncountry: x") for i in range(MAX_EXPANDED + 1)}
    client = TestClient(build_app(write_site(tmp_path, files)))
    response = client.get("/api/v1/pages/countries/x?expand=referenced_by")
    assert response.status_code == 422 and "more than" in response.json()["detail"]
    assert client.get("/api/v1/pages/countries/x").status_code == 200


def test_filter_by_what_a_page_points_at_or_is_pointed_at_by(refs: Client) -> None:
    def found(query: str) -> list[str]:
        return ids(refs.get(f"/api/v1/pages?{query}&fields=id&limit=100").json()["data"])

    assert found("filter[references]=countries/sudan") == [
        "accuseds/ali",
        "accuseds/omar",
        "cases/one",
    ]
    assert found("filter[references]=accuseds/ali") == [
        "cases/one",
        "cases/two",
        "cases-events/e1",
        "cases-events/e2",
        "cases-events/e3",
    ]
    assert found("filter[references.accuseds]=accuseds/ali") == ["cases/one", "cases/two"]
    assert found("filter[referenced_by]=cases/one") == [
        "countries/sudan",
        "accuseds/ali",
        "accuseds/omar",
    ]
    assert found("filter[references][exists]=false&collection=cases-events") == []
    assert found("filter[country]=sudan&collection=accuseds") == ["accuseds/ali"]  # raw values


def test_backlinks_sorted_by_a_field_of_theirs(refs: Client) -> None:
    default = refs.get("/api/v1/pages/accuseds/ali").json()["referenced_by"]
    assert ids(default["cases-events.accused"]) == [
        "cases-events/e1",
        "cases-events/e2",
        "cases-events/e3",
    ]
    newest = refs.get(
        "/api/v1/pages/accuseds/ali?sort=-referenced_by.cases-events.event_date"
    ).json()
    # Descending by date, the event without one last; other groups keep their order.
    assert ids(newest["referenced_by"]["cases-events.accused"]) == [
        "cases-events/e1",
        "cases-events/e3",
        "cases-events/e2",
    ]
    assert newest["referenced_by"]["cases.accuseds"] == default["cases.accuseds"]
    listed = refs.get(
        "/api/v1/pages?collection=accuseds&include=referenced_by"
        "&sort=title,referenced_by.cases-events.title"
    ).json()["data"]
    assert ids(listed) == ["accuseds/ali", "accuseds/omar"]


def test_expanded_responses_are_cached_and_served_by_the_fast_path(tmp_path: Path) -> None:
    app = build_app(write_site(tmp_path, SITE))
    client = TestClient(app)
    served = app.state.runtime.served
    query = b"expand=country,accuseds"
    # Not rendered yet: the fast path leaves it to the route, which renders.
    assert fastpath._page_with_query(served, "cases/one", query) is None
    first = client.get(f"{CASE}?{query.decode()}", headers={"accept-encoding": "identity"})
    again = fastpath._page_with_query(served, "cases/one", query)
    assert again is not None and again.body == first.content
    assert again.etag == first.headers["etag"]
    # Once the page itself was served, a new expansion is built on the fast path, with the
    # route's bytes.
    assert fastpath._page_with_query(served, "cases/one", b"expand=referenced_by") is None
    client.get(CASE)
    other = fastpath._page_with_query(served, "cases/one", b"expand=referenced_by")
    assert other is not None
    assert client.get(f"{CASE}?expand=referenced_by").content == other.body
    assert fastpath._page_with_query(served, "cases/one", b"expand=bogus") is None
    assert fastpath._page_with_query(served, "cases/one", b"expand=country&sanitize=1") is None
    conditional = client.get(f"{CASE}?{query.decode()}", headers={"if-none-match": again.etag})
    assert conditional.status_code == 304


def test_backlinks_and_etags_follow_a_reload(tmp_path: Path) -> None:
    root = write_site(tmp_path, SITE)
    app = build_app(root)
    client = TestClient(app)
    kenya, omar = "/api/v1/pages/countries/kenya", "/api/v1/pages/accuseds/omar"
    before = client.get(kenya)
    unrelated = client.get(omar).headers["etag"]
    (root / "_accuseds/ali.md").write_text(page("title: Ali\ncountry: kenya"), encoding="utf-8")
    app.state.runtime.load(changed=["_accuseds/ali.md"])
    after = client.get(kenya)
    assert ids(after.json()["referenced_by"]["accuseds.country"]) == ["accuseds/ali"]
    assert after.headers["etag"] != before.headers["etag"]
    sudan = client.get("/api/v1/pages/countries/sudan").json()["referenced_by"]
    assert ids(sudan["accuseds.country"]) == ["accuseds/omar"]
    assert client.get(omar).headers["etag"] == unrelated
    # And back: it stops pointing at kenya.
    (root / "_accuseds/ali.md").write_text(page("title: Ali\ncountry: sudan"), encoding="utf-8")
    app.state.runtime.load(changed=["_accuseds/ali.md"])
    assert "accuseds.country" not in client.get(kenya).json()["referenced_by"]
    assert client.get(kenya).headers["etag"] == before.headers["etag"]


def test_diagnostics_list_dangling_references(refs: Client) -> None:
    found = refs.get("/api/v1/diagnostics").json()["data"]
    [dangling] = [d for d in found if d["code"] == "dangling-reference"]
    assert dangling["source_path"] == "_cases-events/e3.md" and dangling["line"] == 4
    assert "`case: nope`" in dangling["message"]
    assert refs.get("/readyz").json()["diagnostics"]["warnings"] >= 1


def test_backlinks_from_a_redirect_sort_after_the_listed_pages(
    make_client: Callable[..., Client],
) -> None:
    files = {
        **SITE,
        "_cases-events/e0.md": page("title: E0\ncase: one\nredirect_to: https://example.org/"),
        "_cases-events/e9.md": page("title: E9\ncase: one\nevent_date: 2030-01-01"),
    }
    client = make_client(files)
    response = client.get(f"{CASE}?sort=-referenced_by.cases-events.event_date")
    assert response.status_code == 200
    events = response.json()["referenced_by"]["cases-events.case"]
    assert ids(events) == ["cases-events/e9", "cases-events/e1", "cases-events/e0"]
