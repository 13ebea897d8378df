"""``examples/frontend`` from another origin, against the running API: CORS for real."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

from api.http.examples import SEED_ID
from tests.browser.cdp import Browser
from tests.http.conftest import SITE
from tests.support.servers import api_server, static_server
from tests.support.sites import write_site

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

FRONTEND = Path(__file__).resolve().parents[2] / "examples" / "frontend"


def test_frontend_lists_pages_and_renders_the_seed(browser: Browser, api: str) -> None:
    with urllib.request.urlopen(f"{api}/api/v1/pages/{SEED_ID}") as response:
        seed = json.load(response)
    with static_server(FRONTEND) as origin:
        assert origin.rsplit(":", 1)[1] != api.rsplit(":", 1)[1]  # two origins
        tab = browser.tab()
        tab.goto(f"{origin}/index.html?{urlencode({'api': api, 'page': SEED_ID})}")
        title = tab.wait_for(
            "document.getElementById('body').innerHTML && "
            "document.getElementById('title').textContent",
            "the page to render",
        )
        assert title == seed["title"]
        assert tab.evaluate("document.getElementById('error').hidden") is True
        paragraph = "The United States (US) historically"
        assert paragraph in tab.evaluate("document.getElementById('body').innerHTML")
        src = tab.wait_for(
            "document.querySelector('#timeline iframe')?.getAttribute('src')",
            "the timeline iframe",
        )
        assert src == seed["timeline"]["embed_url"]
        assert src.startswith("https://cdn.knightlab.com/libs/timeline3/latest/embed/")

        listed = tab.wait_for(
            "document.getElementById('count').textContent && "
            "[...document.querySelectorAll('#pages a')].map(a => a.textContent)",
            "the page list",
        )
        with urllib.request.urlopen(f"{api}/api/v1/pages?fields=title&limit=100") as response:
            titles = [item["title"] for item in json.load(response)["data"]]
        assert listed == titles
        current = "document.querySelector('#pages a[aria-current=page]').textContent"
        assert tab.evaluate(current) == seed["title"]


def test_frontend_shows_the_problem_detail(browser: Browser, api: str) -> None:
    with static_server(FRONTEND) as origin:
        tab = browser.tab()
        tab.goto(f"{origin}/index.html?{urlencode({'api': api, 'page': 'about-the-icc/nope'})}")
        message = tab.wait_for(
            "!document.getElementById('error').hidden && "
            "document.getElementById('error').textContent",
            "the error",
        )
        assert "No page has the id 'about-the-icc/nope'." in message


def test_an_origin_the_api_does_not_allow_is_refused_by_the_browser(
    browser: Browser, tmp_path: Path
) -> None:
    root = write_site(tmp_path / "site", SITE)
    only = {"CONTENT_API_CORS_ORIGINS": "https://frontend.example.org"}
    with api_server(root, env=only) as api, static_server(FRONTEND) as origin:
        tab = browser.tab()
        tab.goto(f"{origin}/index.html?{urlencode({'api': api, 'page': SEED_ID})}")
        message = tab.wait_for(
            "!document.getElementById('error').hidden && "
            "document.getElementById('error').textContent",
            "the error",
        )
        assert "Failed to fetch" in message
        assert tab.evaluate("document.getElementById('body').innerHTML") == ""
