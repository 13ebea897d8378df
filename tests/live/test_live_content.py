"""The issue's promise on a copy of the aba-icc corpus, served by a real ``serve --watch``
with a preview token and a webhook receiver on loopback: hidden pages for the token's
holder only, never publicly cacheable; every edit announced on the event stream within a
second, listed by the change feed, and delivered once, signed, to the receiver (with its
retries after a 500)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import time
from pathlib import Path

import httpx
import pytest

from api.content.loader import Loader, LoadOptions
from tests.live.conftest import StartServer
from tests.live.server import VISIBLE_WITHIN, LiveServer, poll
from tests.live.sse import Stream
from tests.support.receiver import Receiver, receiver, verify

pytestmark = [pytest.mark.live, pytest.mark.corpus, pytest.mark.xdist_group("live")]

TOKEN = "editor-preview-token-0123456789"
BEARER = {"authorization": f"Bearer {TOKEN}"}
SECRET = "whsec_" + base64.b64encode(os.urandom(32)).decode()
HIDDEN_ID = "the-aba-icc-project/news-test"  # `published: false` in the corpus
HIDDEN_FILE = "_the-aba-icc-project/news-test.md"
EDITED_ID = "about-the-icc/the-us-icc-relationship"
EDITED_FILE = "_about-the-icc/the-us-icc-relationship.md"


@pytest.fixture
def site(corpus_dir: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(corpus_dir, tmp_path / "site"))


def serve(site: Path, start_server: StartServer, hook: Receiver) -> LiveServer:
    env = {
        "CONTENT_API_PREVIEW_TOKENS": TOKEN,
        "CONTENT_API_WEBHOOKS": hook.url + "/rebuild",
        "CONTENT_API_WEBHOOK_SECRET": SECRET,
    }
    return start_server(site, "--watch", env=env)


def version(server: LiveServer, headers: dict[str, str] | None = None) -> str:
    return str(httpx.get(f"{server.url}/readyz", headers=headers).json()["content_version"])


def edit(path: Path, marker: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")


def test_a_hidden_page_for_the_token_only(site: Path, start_server: StartServer) -> None:
    with receiver() as hook:
        server = serve(site, start_server, hook)
        url = f"{server.url}/api/v1/pages/{HIDDEN_ID}"
        public = httpx.get(url)
        assert public.status_code == 404
        assert public.headers["content-type"] == "application/problem+json"
        shown = httpx.get(url, headers=BEARER)
        assert shown.status_code == 200 and shown.json()["id"] == HIDDEN_ID
        for response in (shown, httpx.get(f"{server.url}/api/v1/pages", headers=BEARER)):
            assert response.headers["cache-control"] == "private, no-store"
            assert "Authorization" in response.headers["vary"]
        # A second time, when the fast path holds the public bytes: still private.
        httpx.get(f"{server.url}/api/v1/pages/{EDITED_ID}")
        again = httpx.get(f"{server.url}/api/v1/pages/{EDITED_ID}", headers=BEARER)
        assert again.headers["cache-control"] == "private, no-store"

        wrong = httpx.get(url, headers={"authorization": "Bearer not-the-token-0123456789"})
        assert wrong.status_code == 401
        assert wrong.headers["content-type"] == "application/problem+json"
        assert wrong.headers["www-authenticate"].startswith("Bearer ")
        assert 'error="invalid_token"' in wrong.headers["www-authenticate"]
        assert httpx.get(f"{url}?access_token={TOKEN}").status_code == 400

        # Lists with the token count the hidden pages.
        hidden = len(Loader(site, LoadOptions(True, True, True)).load().documents) - len(
            Loader(site).load().documents
        )
        assert hidden >= 15  # the corpus's `published: false` pages (outside _defaults.md)
        total = httpx.get(f"{server.url}/api/v1/pages?limit=1").json()["meta"]["total"]
        shown_total = httpx.get(f"{server.url}/api/v1/pages?limit=1", headers=BEARER).json()
        assert shown_total["meta"]["total"] == total + hidden
        collection = "/api/v1/pages?collection=the-aba-icc-project&fields=id&limit=100"
        ids = {p["id"] for p in httpx.get(server.url + collection, headers=BEARER).json()["data"]}
        assert HIDDEN_ID in ids
        assert HIDDEN_ID not in {p["id"] for p in httpx.get(server.url + collection).json()["data"]}


def test_edits_are_announced_listed_and_delivered(site: Path, start_server: StartServer) -> None:
    with receiver([500]) as hook:  # the first delivery fails once
        server = serve(site, start_server, hook)
        first = version(server)
        preview_first = version(server, BEARER)
        with (
            Stream(f"{server.url}/api/v1/events") as public,
            Stream(f"{server.url}/api/v1/events", BEARER) as preview,
        ):
            poll(lambda: public.named("ready") and preview.named("ready"), 10, "both ready")
            assert public.named("ready")[0].id == first
            assert public.response_headers["content-type"].startswith("text/event-stream")
            assert preview.response_headers["cache-control"] == "private, no-store"

            edit(site / EDITED_FILE, "An edit the frontend must hear of.")
            saved = time.monotonic()
            (event,) = poll(lambda: public.named("content-version"), VISIBLE_WITHIN, "the event")
            assert event.at - saved < VISIBLE_WITHIN
            second = version(server)
            assert second != first
            assert event.id == second and event.data["content_version"] == second
            assert EDITED_ID in event.data["changed"]
            assert event.data["added"] == [] and event.data["removed"] == []
            poll(lambda: preview.named("content-version"), VISIBLE_WITHIN, "the preview event")

            changes = httpx.get(f"{server.url}/api/v1/changes", params={"since": first}).json()
            assert changes["from"] == first and changes["to"] == second
            assert changes == {**changes, "changed": event.data["changed"], "added": []}
            gone = httpx.get(f"{server.url}/api/v1/changes", params={"since": "f" * 32})
            assert gone.status_code == 410
            assert gone.json()["content_version"] == second

            # An edit of a hidden page: the preview hears of it, the public does not.
            edit(site / HIDDEN_FILE, "Still a draft.")
            (_, hidden_event) = poll(
                lambda: preview.named("content-version")[1:2] and preview.named("content-version"),
                VISIBLE_WITHIN,
                "the preview's event",
            )
            assert hidden_event.data["changed"] == [HIDDEN_ID]
            assert len(public.named("content-version")) == 1
            assert version(server) == second
            since = httpx.get(
                f"{server.url}/api/v1/changes", params={"since": preview_first}, headers=BEARER
            ).json()
            assert HIDDEN_ID in since["changed"] and EDITED_ID in since["changed"]

            edit(site / EDITED_FILE, "A second edit.")
            poll(lambda: len(public.named("content-version")) == 2, VISIBLE_WITHIN, "event 2")
            third = version(server)

        # The receiver: each public version once, signed; the first after a retry. A retry
        # waits its turn without holding back later versions, so only each version's own
        # deliveries are in order.
        def delivered() -> list[str]:
            return sorted(d.headers["webhook-id"] for d in hook.received())

        expected = sorted([f"msg_{second}"] * 2 + [f"msg_{third}"])
        poll(lambda: delivered() == expected, 15, "deliveries")
        for delivery in hook.received():
            assert delivery.path == "/rebuild"
            assert verify(SECRET, delivery)
        by_version: dict[str, list[dict[str, object]]] = {}
        for delivery in hook.received():
            body = json.loads(delivery.body)
            assert delivery.headers["webhook-id"] == f"msg_{body['content_version']}"
            by_version.setdefault(str(body["content_version"]), []).append(body)
        assert by_version[second] == [event.data, event.data]
        assert [b["content_version"] for b in by_version[third]] == [third]
        report = httpx.get(f"{server.url}/api/v1/diagnostics").json()["webhooks"]
        assert report["delivered"] == 2 and report["failed_attempts"] == 1
        assert "HTTP 500" in server.log
