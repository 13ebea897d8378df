"""Headless Chromium over the DevTools protocol, with nothing but ``websockets``.

The browser can reach loopback only: every other host fails to resolve, and anything that
would still go out is sent to a proxy on a port where nothing listens.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import time
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from websockets.sync.client import ClientConnection, connect

from tests.support.servers import free_port, stop

#: A bound on how long a page may take to reach a state (a limit, never a measurement).
WAIT_LIMIT = 60.0
LOOPBACK = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})


def offline_flags(user_data_dir: Path) -> list[str]:
    dead_proxy = free_port()  # bound and released: nothing listens there
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1280,1024",
        f"--user-data-dir={user_data_dir}",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        f"--proxy-server=http://127.0.0.1:{dead_proxy}",
        "--proxy-bypass-list=<-loopback>;127.0.0.1;localhost",
        "--remote-debugging-port=0",
        "about:blank",
    ]


class Browser:
    """A Chromium process and one DevTools connection; ``with Browser(...) as b``."""

    def __init__(self, binary: Path, user_data_dir: Path) -> None:
        self.binary = binary
        self.user_data_dir = user_data_dir
        self._ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        self._process: subprocess.Popen[bytes] | None = None
        self._socket: ClientConnection | None = None
        self._stack = ExitStack()

    def __enter__(self) -> Browser:
        log = (self.user_data_dir.parent / "chromium.log").open("wb")
        self._process = subprocess.Popen(
            [str(self.binary), *offline_flags(self.user_data_dir)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        port_file = self.user_data_dir / "DevToolsActivePort"
        deadline = time.monotonic() + WAIT_LIMIT
        while not port_file.exists() or len(port_file.read_text().split()) < 2:
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Chromium did not start its DevTools server")
            time.sleep(0.05)
        port, path = port_file.read_text().split()[:2]
        url = f"ws://127.0.0.1:{port}{path}"
        self._socket = self._stack.enter_context(connect(url, max_size=None, open_timeout=30))
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stack.close()
        if self._process is not None:
            stop(self._process)

    def send(self, method: str, params: dict[str, Any] | None = None, session: str = "") -> Any:
        """One command; events that arrive meanwhile are kept in ``events``."""
        assert self._socket is not None
        message: dict[str, Any] = {"id": next(self._ids), "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._socket.send(json.dumps(message))
        while True:
            reply = json.loads(self._socket.recv(timeout=WAIT_LIMIT))
            if reply.get("id") == message["id"]:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def tab(self) -> Tab:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        tab = Tab(self, session["sessionId"])
        for domain in ("Page", "Runtime", "Network"):
            tab.send(f"{domain}.enable")
        return tab


class Tab:
    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session

    def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        return self.browser.send(method, params, self.session)

    def goto(self, url: str) -> None:
        self.send("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete'", f"{url} to load")

    def evaluate(self, expression: str, context: int | None = None) -> Any:
        """The value of ``expression`` in the page (or in the execution ``context`` given)."""
        params: dict[str, Any] = {
            "expression": expression,
            "returnByValue": True,
            "awaitPromise": True,
        }
        if context is not None:
            params["contextId"] = context
        result = self.send("Runtime.evaluate", params)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, what: str, context: int | None = None) -> Any:
        """Evaluate until truthy; returns the value. Fails with the page's text on the limit."""
        deadline = time.monotonic() + WAIT_LIMIT
        while time.monotonic() < deadline:
            value = self.evaluate(expression, context)
            if value:
                return value
            time.sleep(0.1)
        text = self.evaluate("document.body ? document.body.innerText.slice(0, 2000) : ''")
        raise AssertionError(f"timed out waiting for {what}; the page shows:\n{text}")

    def frame(self, url: str) -> int:
        """An execution context in the frame showing ``url`` (an iframe of another origin's
        DOM is readable there), waiting for the frame to appear."""
        deadline = time.monotonic() + WAIT_LIMIT
        while time.monotonic() < deadline:
            found = _find_frame(self.send("Page.getFrameTree")["frameTree"], url)
            if found is not None:
                world = self.send("Page.createIsolatedWorld", {"frameId": found})
                return int(world["executionContextId"])
            time.sleep(0.1)
        raise AssertionError(f"no frame shows {url}")

    def responses(self) -> list[tuple[int, str]]:
        """(status, URL) of every response this tab has received so far."""
        self.evaluate("1")  # drain the events that have arrived
        return [
            (event["params"]["response"]["status"], event["params"]["response"]["url"])
            for event in self.browser.events
            if event.get("sessionId") == self.session
            and event.get("method") == "Network.responseReceived"
        ]

    def requested(self) -> list[str]:
        """Every URL this tab has asked for so far."""
        self.evaluate("1")  # drain the events that have arrived
        return [
            event["params"]["request"]["url"]
            for event in self.browser.events
            if event.get("sessionId") == self.session
            and event.get("method") == "Network.requestWillBeSent"
        ]


def _find_frame(tree: dict[str, Any], url: str) -> str | None:
    if tree["frame"].get("url") == url:
        return str(tree["frame"]["id"])
    for child in tree.get("childFrames", []):
        found = _find_frame(child, url)
        if found is not None:
            return found
    return None


def off_machine(urls: list[str]) -> list[str]:
    """The URLs that would leave this machine (anything but loopback and in-page schemes)."""
    found = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            continue
        if (parts.hostname or "") not in LOOPBACK:
            found.append(url)
    return found
