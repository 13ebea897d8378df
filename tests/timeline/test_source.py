"""The source parameter: its kind, key, URLs, and what the canonical embed passes on."""

from __future__ import annotations

import pytest

from api.timeline import Problem
from api.timeline.source import ResolvedSource, resolve_source

KEY = "1xuY4upIooEeszZ_lCmeNx24eSFWe0rHe9ZdqH2xqVNk"
OLD = "0AtZ5yV_Pso2idDZQRXNfUzQxd3JTQzhhMXg5UEpVYmc"
PACX = "2PACX-1vTwrxBim-ruoMlLP9CnZIevWdP8rIatkV7XjNGXRSaMI94sNd-VbRF--W7A2kj6wfZhKUHWv1ur0Tb"
SHEET = f"https://docs.google.com/spreadsheets/d/{KEY}/pubhtml"
PUBLISHED = f"https://docs.google.com/spreadsheets/d/e/{PACX}/pubhtml"


def resolved(value: str) -> ResolvedSource:
    result = resolve_source(value)
    assert isinstance(result, ResolvedSource), result
    return result


def sheet(value: str, param: str = KEY) -> object:
    return pytest.param(value, "google-sheet", KEY, None, SHEET, param, id=value[-40:])


def published(value: str, param: str = f"v2:{PACX}") -> object:
    return pytest.param(
        value, "google-sheet-published", PACX, None, PUBLISHED, param, id=value[-40:]
    )


def data(value: str, kind: str, url: str | None = None) -> object:
    return pytest.param(value, kind, None, url or value, None, url or value, id=value)


@pytest.mark.parametrize(
    ("value", "kind", "key", "url", "sheet_url", "param"),
    [
        sheet(KEY),
        sheet(f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=0"),
        sheet(f"https://docs.google.com/spreadsheets/d/{KEY}/edit?gid=0"),
        sheet(f"https://docs.google.com/spreadsheets/d/{KEY}/edit?usp=x&gid=12", f"{SHEET}?gid=12"),
        sheet(f"https://docs.google.com/spreadsheets/d/{KEY}"),
        published(f"v2:{PACX}"),
        published(f"V2:{PACX}"),
        published(PUBLISHED),
        published(f"{PUBLISHED}?gid=7&single=true", f"{PUBLISHED}?gid=7"),
        data("https://example.org/data/timeline.csv", "csv-url"),
        data("https://example.org/t.CSV?v=2", "csv-url"),
        data("https://example.org/timeline.json", "json-url"),
        data("//example.org/api/timeline", "json-url", "https://example.org/api/timeline"),
        data("https://example.org/my data.json", "json-url", "https://example.org/my%20data.json"),
        data("https://bücher.example/t.json", "json-url", "https://xn--bcher-kva.example/t.json"),
        data("https://example.org:8080/t.json", "json-url"),
    ],
)
def test_kinds(
    value: str, kind: str, key: str | None, url: str | None, sheet_url: str | None, param: str
) -> None:
    result = resolved(value)
    assert result.source.model_dump() == {
        "kind": kind,
        "key": key,
        "url": url,
        "sheet_url": sheet_url,
    }
    assert result.param == param


@pytest.mark.parametrize(
    "value",
    [
        OLD,
        f"https://docs.google.com/spreadsheet/pub?key={OLD}&output=html",
        f"https://docs.google.com/spreadsheet/ccc?key={OLD}#gid=0",
        f"https://spreadsheets.google.com/pub?key={OLD}",
    ],
)
def test_pre_2014_keys_are_read_and_flagged(value: str) -> None:
    result = resolved(value)
    assert result.source.key == OLD
    assert result.param == OLD  # v3 cannot read /spreadsheet/pub?key= URLs; the bare key it can
    assert result.source.sheet_url == f"https://docs.google.com/spreadsheet/pub?key={OLD}"
    (warning,) = result.warnings
    assert warning.code == "old-sheet-key"
    assert "uncertain" in warning.message


def test_http_data_urls_are_upgraded() -> None:
    result = resolved("http://example.org/timeline.json")
    assert result.source.url == "https://example.org/timeline.json"
    assert [w.code for w in result.warnings] == ["insecure-scheme"]


def test_a_url_v3_would_misread_as_a_sheet() -> None:
    result = resolved("https://example.org/timeline.json?key=abc")
    assert result.source.kind == "json-url"
    assert [w.code for w in result.warnings] == ["source-misread"]


@pytest.mark.parametrize(
    "value",
    ["", " ", "abc", "javascript:alert(1)", "ftp://example.org/t.json", "/t.json", "t.json",
     "https://docs.google.com/document/d/x/edit", f"v2:{PACX}<", "https://exa mple.org/t.json"],
)  # fmt: skip
def test_unusable_sources(value: str) -> None:
    assert isinstance(resolve_source(value), Problem)
