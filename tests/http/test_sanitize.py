"""HTML stays faithful to Jekyll unless sanitizing is asked for, per request or server-wide."""

from __future__ import annotations

from collections.abc import Callable

from tests.http.conftest import Client
from tests.support.sites import page

RAW = (
    '<p onclick="steal()">Hi <script>alert(1)</script>'
    '<a href="javascript:alert(2)">x</a></p>\n\n'
    '<iframe src="https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?source=x">'
    '</iframe>\n\n<iframe src="https://evil.example/"></iframe>\n'
)
FILES = {"_notes/raw.md": page("title: Raw", RAW)}
PAGE = "/api/v1/pages/notes/raw"


def test_faithful_by_default(make_client: Callable[..., Client]) -> None:
    html = make_client(FILES).get(f"{PAGE}/html").text
    assert "<script>alert(1)</script>" in html and 'onclick="steal()"' in html


def test_sanitize_on_request(make_client: Callable[..., Client]) -> None:
    client = make_client(FILES)
    for path in (f"{PAGE}/html?sanitize=true", f"{PAGE}?sanitize=true"):
        response = client.get(path)
        html = response.text if path.startswith(f"{PAGE}/html") else response.json()["html"]
        assert "<script" not in html and "onclick" not in html and "javascript:" not in html
        assert "cdn.knightlab.com" in html and "evil.example" not in html
    # The faithful version is still what a plain request gets.
    assert "<script>" in client.get(f"{PAGE}/html").text


def test_sanitize_server_wide(make_client: Callable[..., Client]) -> None:
    client = make_client(FILES, sanitize=True)
    assert "<script" not in client.get(f"{PAGE}/html").text
    assert "<script" not in client.get(PAGE).json()["html"]
