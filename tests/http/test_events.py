"""The event stream at the ASGI level: what each client is sent, and when."""

from __future__ import annotations

import asyncio
import itertools
import json
import signal
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.http import events
from api.http.app import create_app
from api.http.events import Broadcaster, EventStream, on_shutdown_signals
from api.settings import Settings
from api.site.changes import Delta, Feed
from api.site.fingerprints import Printer
from tests.support.sites import page, write_site


def feed_of(*versions: str, changed: str = "notes/a") -> Feed:
    steps = tuple(Delta(a, b, changed=(changed,)) for a, b in itertools.pairwise(versions))
    return Feed(tuple(versions), steps, {}, {}, Printer())


class Client:
    """One subscriber: the stream's ASGI call, with what it sent, and a way to leave."""

    def __init__(self, stream: EventStream, scope: dict[str, Any] | None = None) -> None:
        self.messages: list[MutableMapping[str, Any]] = []
        self.left = asyncio.Event()
        self.got = asyncio.Event()
        requested = False

        async def receive() -> dict[str, Any]:
            nonlocal requested
            if not requested:
                requested = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await self.left.wait()
            return {"type": "http.disconnect"}

        async def send(message: MutableMapping[str, Any]) -> None:
            self.messages.append(message)
            self.got.set()

        base = {"type": "http", "method": "GET", "headers": []}
        self.task = asyncio.ensure_future(stream(base | (scope or {}), receive, send))

    @property
    def text(self) -> str:
        return b"".join(m.get("body", b"") for m in self.messages[1:]).decode()

    def events(self) -> list[dict[str, Any]]:
        """The events sent so far: name, id and parsed data (comments left out)."""
        found = []
        for block in self.text.split("\n\n"):
            fields: dict[str, Any] = {}
            for line in block.splitlines():
                name, _, value = line.partition(": ")
                if name in ("event", "id", "data"):
                    fields[name] = json.loads(value) if name == "data" else value
            if fields:
                found.append(fields)
        return found

    async def until(self, check: Callable[[], bool], limit: float = 5.0) -> None:
        async def wait() -> None:
            while not check():
                self.got.clear()
                await self.got.wait()

        await asyncio.wait_for(wait(), limit)


def run(test: Callable[[], Any]) -> None:
    asyncio.run(test())


def test_a_new_client_gets_ready_then_each_version() -> None:
    async def test() -> None:
        box = [feed_of("v1")]
        broadcaster = Broadcaster(heartbeat=60, max_subscribers=10)
        client = Client(EventStream(broadcaster, lambda: box[0], None))
        await client.until(lambda: len(client.events()) == 1)
        start = client.messages[0]
        assert start["status"] == 200
        headers = dict(start["headers"])
        assert headers[b"content-type"] == b"text/event-stream; charset=utf-8"
        assert headers[b"cache-control"] == b"no-store"
        assert client.events() == [
            {"event": "ready", "id": "v1", "data": {"content_version": "v1"}}
        ]
        box[0] = feed_of("v1", "v2")
        broadcaster.publish()
        await client.until(lambda: len(client.events()) == 2)
        assert client.events()[1] == {
            "event": "content-version",
            "id": "v2",
            "data": {"content_version": "v2", "added": [], "changed": ["notes/a"], "removed": []},
        }
        assert broadcaster.subscribers == 1
        client.left.set()
        await client.task
        assert broadcaster.subscribers == 0

    run(test)


def test_two_versions_between_wakes_are_two_events() -> None:
    async def test() -> None:
        box = [feed_of("v1")]
        broadcaster = Broadcaster(heartbeat=60, max_subscribers=10)
        client = Client(EventStream(broadcaster, lambda: box[0], None))
        await client.until(lambda: len(client.events()) == 1)
        box[0] = feed_of("v1", "v2", "v3")
        broadcaster.publish()
        await client.until(lambda: len(client.events()) == 3)
        assert [e["id"] for e in client.events()] == ["v1", "v2", "v3"]
        broadcaster.close()
        await client.task

    run(test)


def test_heartbeats_come_as_comments() -> None:
    async def test() -> None:
        broadcaster = Broadcaster(heartbeat=0.05, max_subscribers=10)
        client = Client(EventStream(broadcaster, lambda: feed_of("v1"), None))
        await client.until(lambda: client.text.count(": heartbeat\n\n") >= 2)
        assert len(client.events()) == 1  # a heartbeat is no event
        broadcaster.close()
        await client.task

    run(test)


def test_a_client_resuming_gets_what_it_missed() -> None:
    async def test() -> None:
        broadcaster = Broadcaster(heartbeat=60, max_subscribers=10)
        feed = feed_of("v1", "v2", "v3")
        behind = Client(EventStream(broadcaster, lambda: feed, "v1"))
        current = Client(EventStream(broadcaster, lambda: feed, "v3"))
        await behind.until(lambda: len(behind.events()) == 3)
        await current.until(lambda: len(current.events()) == 1)
        assert [(e["event"], e["id"]) for e in behind.events()] == [
            ("content-version", "v2"),
            ("content-version", "v3"),
            ("ready", "v3"),
        ]
        assert [(e["event"], e["id"]) for e in current.events()] == [("ready", "v3")]
        broadcaster.close()
        await asyncio.gather(behind.task, current.task)

    run(test)


def test_a_client_resuming_from_a_version_no_longer_kept_is_told_to_refetch() -> None:
    async def test() -> None:
        broadcaster = Broadcaster(heartbeat=60, max_subscribers=10)
        client = Client(EventStream(broadcaster, lambda: feed_of("v7", "v8"), "v1"))
        await client.until(lambda: len(client.events()) == 2)
        refetch, ready = client.events()
        assert refetch["event"] == "refetch" and refetch["id"] == "v8"
        assert refetch["data"]["content_version"] == "v8"
        assert "refetch everything" in refetch["data"]["detail"]
        assert ready["event"] == "ready"
        broadcaster.close()
        await client.task

    run(test)


def test_closing_ends_every_stream_cleanly() -> None:
    async def test() -> None:
        broadcaster = Broadcaster(heartbeat=60, max_subscribers=10)
        clients = [Client(EventStream(broadcaster, lambda: feed_of("v1"), None)) for _ in range(5)]
        for client in clients:
            await client.until(lambda c=client: len(c.events()) == 1)  # type: ignore[misc]
        broadcaster.close()
        await asyncio.wait_for(asyncio.gather(*(c.task for c in clients)), 5)
        for client in clients:
            last = client.messages[-1]
            assert last["type"] == "http.response.body" and last["more_body"] is False
        assert broadcaster.subscribers == 0

    run(test)


def test_a_client_that_stops_reading_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events, "SEND_TIMEOUT", 0.05)

    async def test() -> None:
        broadcaster = Broadcaster(heartbeat=60, max_subscribers=10)
        stream = EventStream(broadcaster, lambda: feed_of("v1"), None)
        sent: list[MutableMapping[str, Any]] = []
        stuck = asyncio.Event()  # never set: the client's socket is full

        async def receive() -> dict[str, Any]:
            await stuck.wait()
            return {"type": "http.disconnect"}

        async def send(message: MutableMapping[str, Any]) -> None:
            sent.append(message)
            if message.get("body"):
                await stuck.wait()

        scope = {"type": "http", "method": "GET", "headers": []}
        await asyncio.wait_for(stream(scope, receive, send), 5)
        assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
        assert broadcaster.subscribers == 0

    run(test)


def test_head_sends_the_headers_only() -> None:
    async def test() -> None:
        broadcaster = Broadcaster(heartbeat=60, max_subscribers=10)
        client = Client(EventStream(broadcaster, lambda: feed_of("v1"), None), {"head": True})
        await asyncio.wait_for(client.task, 5)
        assert client.text == "" and client.messages[0]["status"] == 200
        assert broadcaster.subscribers == 0

    run(test)


def test_a_thousand_streams_all_get_the_event() -> None:
    async def test() -> None:
        box = [feed_of("v1")]
        broadcaster = Broadcaster(heartbeat=60, max_subscribers=2000)
        clients = [Client(EventStream(broadcaster, lambda: box[0], None)) for _ in range(1000)]
        await asyncio.sleep(0)
        for client in clients:
            await client.until(lambda c=client: len(c.events()) == 1)  # type: ignore[misc]
        box[0] = feed_of("v1", "v2")
        broadcaster.publish()
        for client in clients:
            await client.until(lambda c=client: len(c.events()) == 2)  # type: ignore[misc]
        assert all(c.events()[1]["id"] == "v2" for c in clients)
        # One event's bytes, made once and shared.
        bodies = {id(c.messages[-1]["body"]) for c in clients}
        assert len(bodies) == 1
        broadcaster.close()
        await asyncio.gather(*(c.task for c in clients))

    run(test)


def test_the_shutdown_signal_ends_the_streams_then_reaches_the_server() -> None:
    calls: list[str] = []

    def server(signum: int, frame: object) -> None:
        calls.append(f"server {signum}")

    before = signal.signal(signal.SIGTERM, server)
    try:
        undo = on_shutdown_signals(lambda: calls.append("streams"))
        signal.raise_signal(signal.SIGTERM)
        assert calls == ["streams", f"server {signal.SIGTERM}"]
        undo()
        assert signal.getsignal(signal.SIGTERM) is server
    finally:
        signal.signal(signal.SIGTERM, before)


def test_no_hook_without_a_handler_to_chain_to() -> None:
    before = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        undo = on_shutdown_signals(lambda: None)
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
        undo()
    finally:
        signal.signal(signal.SIGTERM, before)


@pytest.mark.parametrize("subscribers", [0, 3])
def test_publish_and_close_from_another_thread(subscribers: int) -> None:
    async def test() -> None:
        box = [feed_of("v1")]
        broadcaster = Broadcaster(heartbeat=60, max_subscribers=10)
        clients = [
            Client(EventStream(broadcaster, lambda: box[0], None)) for _ in range(subscribers)
        ]
        for client in clients:
            await client.until(lambda c=client: len(c.events()) == 1)  # type: ignore[misc]
        box[0] = feed_of("v1", "v2")
        await asyncio.to_thread(broadcaster.publish)
        for client in clients:
            await client.until(lambda c=client: len(c.events()) == 2)  # type: ignore[misc]
        await asyncio.to_thread(broadcaster.close)
        await asyncio.wait_for(asyncio.gather(*(c.task for c in clients)), 5)
        assert broadcaster.closed

    run(test)


def test_past_the_cap_and_while_stopping_a_stream_is_a_503(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"_notes/a.md": page("title: A")})
    app = create_app(Settings(content_dir=root, events_max_subscribers=2), start=False)
    app.state.runtime.load()
    client = TestClient(app, raise_server_exceptions=False)
    live = app.state.live
    live.public.subscribers = 1
    live.preview.subscribers = 1  # both views count
    full = client.get("/api/v1/events")
    assert full.status_code == 503
    assert full.json()["type"].endswith("/too-many-streams")
    live.public.subscribers = live.preview.subscribers = 0
    live.close()
    stopping = client.get("/api/v1/events")
    assert stopping.status_code == 503 and stopping.json()["type"].endswith("/stopping")


def test_the_stream_cap_leaves_room_for_ordinary_requests() -> None:
    assert Settings().stream_cap == Settings().limit_concurrency // 2 == 2048
    assert Settings(limit_concurrency=100).stream_cap == 50
    assert Settings(events_max_subscribers=10).stream_cap == 10
