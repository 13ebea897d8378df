from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.http.schemas import OEmbed
from tests.http.conftest import SITE, Client
from tests.support.sites import page

MakeClient = Callable[..., Client]
SEED_ID = "about-the-icc/the-us-icc-relationship"
SEED_URL = "/about-the-icc/the-us-icc-relationship/"
EMBED = "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?"


def _oembed(client: Client, url: str, **params: object) -> dict[str, object]:
    response = client.get("/oembed", params={"url": url, **params})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, object] = response.json()
    OEmbed.model_validate(body)
    return body


@pytest.mark.parametrize(
    "url",
    [
        SEED_URL,
        "https://example.org/about-the-icc/the-us-icc-relationship",
        f"/api/v1/pages/{SEED_ID}",
        f"http://testserver/api/v1/pages/{quote(SEED_ID)}/html",
        f"https://api.example.org/api/v1/pages/{SEED_ID}/timeline",
    ],
)
def test_a_timeline_page_embeds_its_timeline(make_client: MakeClient, url: str) -> None:
    client = make_client(public_url="https://api.example.org")
    body = _oembed(client, url, maxwidth=640, maxheight=480)
    assert body["type"] == "rich" and body["version"] == "1.0"
    assert body["title"] == "The US-ICC Relationship"
    assert (body["width"], body["height"]) == (640, 480)
    html = str(body["html"])
    assert html.startswith(
        f"<iframe src='{EMBED}source=0AtZ5yV_Pso2idDZQRXNfUzQxd3JTQzhhMXg5UEpVYmc"
    )
    # TimelineJS draws at the height in the URL, so it shrinks with the iframe.
    assert "&amp;height=480'" in html and "height='480'" in html and "width='640'" in html
    assert body["provider_url"] == "https://example.org/"


def test_without_maxima_the_timeline_keeps_its_own_size(client: Client) -> None:
    body = _oembed(client, SEED_URL)
    assert (body["width"], body["height"]) == (800, 900)
    timeline = client.get(f"/api/v1/pages/{SEED_ID}/timeline").json()
    assert f"src='{timeline['embed_url'].replace('&', '&amp;')}'" in str(body["html"])


def test_a_page_without_timeline_is_a_card(client: Client) -> None:
    body = _oembed(client, "/cases/case/lubanga/", maxwidth=300, maxheight=100)
    assert (body["width"], body["height"]) == (300, 100)
    html = str(body["html"])
    assert html.startswith('<blockquote class="content-api-card"')
    assert '<a href="https://example.org/cases/case/lubanga/">Lubanga</a>' in html
    assert "Trial Text." in html
    assert "max-width:300px" in html and "max-height:100px" in html


def test_the_card_escapes_what_it_quotes(make_client: MakeClient) -> None:
    files = {
        **SITE,
        "_cases/evil.md": page(
            "title: '<script>alert(1)</script>'\ndescription: 'a \"quote\" & <b>'"
        ),
    }
    client = make_client(files)
    html = str(_oembed(client, "/cases/case/evil/")["html"])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "a &quot;quote&quot; &amp; &lt;b&gt;" in html


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    url=st.sampled_from([SEED_URL, "/cases/case/lubanga/"]),
    maxwidth=st.one_of(st.none(), st.integers(1, 2000)),
    maxheight=st.one_of(st.none(), st.integers(1, 2000)),
)
def test_sizes_never_exceed_the_maxima(
    client: Client, url: str, maxwidth: int | None, maxheight: int | None
) -> None:
    params = {k: v for k, v in {"maxwidth": maxwidth, "maxheight": maxheight}.items() if v}
    body = _oembed(client, url, **params)
    assert 1 <= int(str(body["width"])) <= (maxwidth or 10_000)
    assert 1 <= int(str(body["height"])) <= (maxheight or 10_000)


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"url": "/nope/"}, 404),
        ({"url": "https://elsewhere.example.com" + SEED_URL}, 404),
        ({"url": "/api/v1/pages/about-the-icc/nope"}, 404),
        ({"url": "javascript:alert(1)"}, 404),
        ({"url": SEED_URL, "format": "yaml"}, 422),
        ({"url": SEED_URL, "maxwidth": "0"}, 422),
        ({"url": SEED_URL, "maxheight": "tall"}, 422),
        ({}, 422),
    ],
)
def test_errors_are_problems(client: Client, params: dict[str, str], status: int) -> None:
    response = client.get("/oembed", params=params)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == status


@pytest.mark.parametrize(
    ("url", "kind"),
    [(SEED_URL, "timeline"), ("/cases/case/lubanga/", "card")],
)
def test_xml_is_the_specs_xml_with_the_same_fields(
    make_client: MakeClient, url: str, kind: str
) -> None:
    """oEmbed 1.0, 2.3.4: ``format=xml`` is ``text/xml`` with an ``<oembed>`` root holding
    one element per field, the HTML escaped as text, for timelines and cards alike."""
    client = make_client(public_url="https://api.example.org")
    as_json = _oembed(client, url, maxwidth=500)
    response = client.get("/oembed", params={"url": url, "maxwidth": 500, "format": "xml"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8" standalone="yes"?>')
    root = ElementTree.fromstring(response.content)
    assert root.tag == "oembed"
    assert [child.tag for child in root] == list(as_json)
    assert {child.tag: child.text for child in root} == {k: str(v) for k, v in as_json.items()}
    markup = str(as_json["html"])
    assert ("<iframe" in markup) == (kind == "timeline")
    assert b"<iframe" not in response.content and b"&lt;" in response.content
    again = client.get(
        "/oembed",
        params={"url": url, "maxwidth": 500, "format": "xml"},
        headers={"if-none-match": response.headers["etag"]},
    )
    assert again.status_code == 304
    same_json = client.get("/oembed", params={"url": url, "maxwidth": 500})
    assert response.headers["etag"] != same_json.headers["etag"]


def test_oembed_is_cached_with_an_etag(client: Client) -> None:
    first = client.get("/oembed", params={"url": SEED_URL, "maxwidth": 500})
    etag = first.headers["etag"]
    again = client.get(
        "/oembed", params={"url": SEED_URL, "maxwidth": 500}, headers={"if-none-match": etag}
    )
    assert again.status_code == 304
