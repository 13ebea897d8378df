"""On the unmodified aba-icc site, with default flags, one request gives what the site's own
layouts join from several collections (``case``, ``accused`` and ``country`` pages), and every
event that names no case is reported.

The expectations are computed here from the pages' front matter with a matcher of the test's
own (a value names a page by its slug, id, source path or file name), not by the index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.http.conftest import build_app

pytestmark = pytest.mark.corpus

Page = dict[str, Any]


@pytest.fixture(scope="module")
def client(corpus_dir: Path) -> Iterator[TestClient]:
    yield TestClient(build_app(corpus_dir))


@pytest.fixture(scope="module")
def pages(client: TestClient) -> dict[str, list[Page]]:
    """Every page of the collections that refer to each other, in default order."""
    found: dict[str, list[Page]] = {}
    for name in ("cases", "accuseds", "countries", "situations", "cases-events", "cases-charges"):
        items: list[Page] = []
        while True:
            body = client.get(
                "/api/v1/pages", params={"collection": name, "limit": 100, "offset": len(items)}
            ).json()
            items += body["data"]
            if len(items) >= body["meta"]["total"]:
                break
        found[name] = items
    return found


def names(page: Page) -> set[str]:
    stem = page["source_path"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return {page["slug"], page["id"], "/" + page["id"], page["source_path"], stem}


def named(value: Any, candidates: list[Page]) -> Page | None:
    slugs = [p for p in candidates if p["slug"] == value]
    others = [p for p in candidates if value in names(p)]
    found = slugs or others
    return found[0] if found else None


def values(page: Page, key: str) -> list[Any]:
    raw = page["data"].get(key)
    items = raw if isinstance(raw, list) else [raw]
    return [item for item in items if item not in (None, "")]


def pointing_at(target: Page, sources: list[Page], key: str, collection: list[Page]) -> list[str]:
    return [
        source["id"]
        for source in sources
        if any(named(v, collection) is target for v in values(source, key))
    ]


def test_every_case_with_its_country_accuseds_events_and_charges(
    client: TestClient, pages: dict[str, list[Page]]
) -> None:
    cases, countries, accuseds = pages["cases"], pages["countries"], pages["accuseds"]
    assert len(cases) == 26
    events_seen = charges_seen = 0
    for case in cases:
        response = client.get(
            f"/api/v1/pages/{case['id']}", params={"expand": "country,accuseds,referenced_by"}
        )
        assert response.status_code == 200
        body = response.json()
        country = named(case["data"]["country"], countries)
        assert country is not None, case["id"]
        [shown] = body["references"]["country"]
        assert shown["id"] == country["id"] and shown["data"] == country["data"]
        wanted = [named(v, accuseds) for v in values(case, "accuseds")]
        assert all(wanted), case["id"]
        shown_accuseds = body["references"]["accuseds"]
        assert [a["id"] for a in shown_accuseds] == [a["id"] for a in wanted if a]
        assert all("data" in a for a in shown_accuseds)
        backlinks = body["referenced_by"]
        for group, sources in (
            ("cases-events.case", pages["cases-events"]),
            ("cases-charges.case", pages["cases-charges"]),
        ):
            expected = pointing_at(case, sources, "case", cases)
            shown_ids = [item["id"] for item in backlinks.get(group, [])]
            assert shown_ids == expected, (case["id"], group)
            assert all("data" in item for item in backlinks.get(group, []))
        events_seen += len(backlinks.get("cases-events.case", []))
        charges_seen += len(backlinks.get("cases-charges.case", []))
    assert events_seen > 200 and charges_seen > 35


def test_every_accused_with_the_cases_that_list_it(
    client: TestClient, pages: dict[str, list[Page]]
) -> None:
    listed = 0
    for accused in pages["accuseds"]:
        body = client.get(
            f"/api/v1/pages/{accused['id']}", params={"expand": "referenced_by"}
        ).json()
        expected = pointing_at(accused, pages["cases"], "accuseds", pages["accuseds"])
        shown = body["referenced_by"].get("cases.accuseds", [])
        assert [c["id"] for c in shown] == expected, accused["id"]
        assert all(c["data"]["accuseds"] for c in shown)
        listed += bool(expected)
    assert listed >= 35


def test_every_country_with_the_cases_and_situations_that_name_it(
    client: TestClient, pages: dict[str, list[Page]]
) -> None:
    named_countries = situated = 0
    for country in pages["countries"]:
        body = client.get(
            f"/api/v1/pages/{country['id']}", params={"expand": "referenced_by"}
        ).json()
        for group, sources in (
            ("cases.country", pages["cases"]),
            ("situations.country", pages["situations"]),
        ):
            expected = pointing_at(country, sources, "country", pages["countries"])
            shown = body["referenced_by"].get(group, [])
            assert [s["id"] for s in shown] == expected, (country["id"], group)
            assert all("data" in s for s in shown)
            situated += bool(expected) and group == "situations.country"
        named_countries += "situations.country" in body["referenced_by"]
    assert named_countries == situated > 20


def test_each_event_naming_no_case_is_a_dangling_reference(
    client: TestClient, pages: dict[str, list[Page]]
) -> None:
    diagnostics = client.get("/api/v1/diagnostics").json()["data"]
    dangling = {
        (d["source_path"], d["line"]) for d in diagnostics if d["code"] == "dangling-reference"
    }
    dangling_paths = {path for path, _ in dangling}
    orphans = [
        event
        for event in pages["cases-events"]
        if any(named(v, pages["cases"]) is None for v in values(event, "case"))
    ]
    assert orphans
    for event in pages["cases-events"]:
        assert (event["source_path"] in dangling_paths) == (event in orphans), event["id"]
    assert all(line is not None for _, line in dangling)
    # No other key of the site is taken for a reference and reported.
    assert all(path.startswith(("_cases-events/", "_cases-charges/")) for path in dangling_paths)
