"""Validators and encodings: strong ETags from the content, 304s, gzip and brotli."""

from __future__ import annotations

import gzip
from collections.abc import Callable

import brotli
import pytest

from api.http.cache import etag_matches, make_etag, negotiate
from tests.http.conftest import Client

PAGE = "/api/v1/pages/about-the-icc/the-us-icc-relationship"
IDENTITY = {"Accept-Encoding": "identity"}
RESOURCES = [
    PAGE,
    f"{PAGE}/html",
    f"{PAGE}/timeline",
    "/api/v1/pages?limit=2",
    "/api/v1/timelines",
    "/api/v1/search?q=statute",
    "/api/v1/collections",
]


@pytest.mark.parametrize("path", RESOURCES)
def test_every_resource_has_a_strong_etag_and_answers_304(client: Client, path: str) -> None:
    response = client.get(path, headers=IDENTITY)
    assert response.status_code == 200
    etag = response.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert etag == make_etag(response.content)
    assert response.headers["cache-control"] == "public, max-age=60, stale-while-revalidate=600"
    assert "Accept-Encoding" in response.headers["vary"]
    again = client.get(path, headers={**IDENTITY, "If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["x-content-type-options"] == "nosniff"


def test_the_etag_is_the_same_for_the_same_content(make_client: Callable[[], Client]) -> None:
    first, second = make_client(), make_client()  # two apps: replicas, or a restart
    assert first.get(PAGE).headers["etag"] == second.get(PAGE).headers["etag"]


def test_weak_and_listed_validators_match(client: Client) -> None:
    etag = client.get(PAGE).headers["etag"]
    for header in (f"W/{etag}", f'"other", {etag}', "*"):
        assert client.get(PAGE, headers={"If-None-Match": header}).status_code == 304
    assert client.get(PAGE, headers={"If-None-Match": '"stale"'}).status_code == 200


@pytest.mark.parametrize(
    ("encoding", "decode"), [("gzip", gzip.decompress), ("br", brotli.decompress)]
)
def test_compressed_variants_carry_the_same_body(
    client: Client, encoding: str, decode: Callable[[bytes], bytes]
) -> None:
    plain = client.get(PAGE, headers=IDENTITY)
    assert "content-encoding" not in plain.headers
    raw = client.get(PAGE, headers={"Accept-Encoding": encoding})
    assert raw.headers["content-encoding"] == encoding
    # Undo the encoding ourselves: the body must be the identity bytes.
    with client.stream("GET", PAGE, headers={"Accept-Encoding": encoding}) as stream:
        assert decode(b"".join(stream.iter_raw())) == plain.content
    assert raw.content == plain.content  # as a client that decodes sees it
    assert raw.headers["etag"] != plain.headers["etag"]
    assert etag_matches(raw.headers["etag"], plain.headers["etag"])
    validator = {"Accept-Encoding": encoding, "If-None-Match": raw.headers["etag"]}
    again = client.get(PAGE, headers=validator)
    assert again.status_code == 304 and again.headers["content-encoding"] == encoding


def test_small_bodies_are_not_compressed(client: Client) -> None:
    response = client.get("/api/v1/collections", headers={"Accept-Encoding": "gzip, br"})
    assert len(response.content) < 512
    assert "content-encoding" not in response.headers


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("gzip", "gzip"),
        ("br;q=1.0, gzip;q=0.8", "br"),
        ("gzip, br;q=0", "gzip"),
        ("*", "br"),
        ("identity", None),
        ("gzip;q=0, br;q=0", None),
        ("GZIP", "gzip"),
        ("deflate", None),
    ],
)
def test_negotiation(header: str, expected: str | None) -> None:
    assert negotiate(header) == expected


def test_cache_control_is_configurable(make_client: Callable[..., Client]) -> None:
    client = make_client(cache_control="public, max-age=5")
    assert client.get(PAGE).headers["cache-control"] == "public, max-age=5"


def test_errors_are_not_cached(client: Client) -> None:
    response = client.get("/api/v1/pages/nope")
    assert response.headers["cache-control"] == "no-store"


def test_long_if_none_match_lists_compare_alike_without_being_remembered() -> None:
    from api.http import cache

    etag = make_etag(b"body")
    others = ", ".join(f'"{i:040d}"' for i in range(20))
    long_hit, long_miss = f"{others}, {etag}", others
    assert len(long_miss) > cache.REMEMBERED_IF_NONE_MATCH
    cache._remembered_match.cache_clear()
    assert etag_matches(long_hit, etag) and not etag_matches(long_miss, etag)
    assert cache._remembered_match.cache_info().currsize == 0
    assert etag_matches(f"W/{etag}", etag) and not etag_matches('"other"', etag)
    assert cache._remembered_match.cache_info().currsize == 2
