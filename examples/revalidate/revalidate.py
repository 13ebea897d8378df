#!/usr/bin/env python3
"""Keep a frontend fresh from the Content API's event stream (Python 3.11, standard library).

    python3 examples/revalidate/revalidate.py --api http://127.0.0.1:8000 \
        --revalidate 'http://127.0.0.1:3000/api/revalidate?secret=...&path={url}'

It follows ``GET /api/v1/events``. For each ``content-version`` event it re-fetches the pages
added or changed (conditionally, with the ETag it has, so an unchanged one costs a 304),
forgets the removed ones, and tells the frontend to revalidate each page's URL (a POST to
``--revalidate`` with ``{url}`` and ``{id}`` filled in: a Next.js revalidation route, a
static host's build hook...). A ``refetch`` event (the version it had is no longer kept)
re-fetches every page. When the stream breaks (a deploy, a restart) it reconnects with
``Last-Event-ID``, so the versions it missed come first.

With ``--token`` (or ``CONTENT_API_PREVIEW_TOKEN``) it follows the preview instead: pages
not published yet too. Keep the token on a server like this one, never in a browser.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import sys
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlsplit

Headers = dict[str, str]


class Api:
    def __init__(self, base: str, token: str | None) -> None:
        parts = urlsplit(base)
        self.secure = parts.scheme == "https"
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port
        self.prefix = parts.path.rstrip("/")
        self.headers: Headers = {"authorization": f"Bearer {token}"} if token else {}
        self.etags: dict[str, str] = {}

    def connect(self, timeout: float | None) -> http.client.HTTPConnection:
        cls = http.client.HTTPSConnection if self.secure else http.client.HTTPConnection
        return cls(self.host, self.port, timeout=timeout)

    def get(self, path: str, headers: Headers | None = None) -> tuple[int, Headers, bytes]:
        connection = self.connect(30)
        try:
            sent = {**self.headers, **(headers or {})}
            connection.request("GET", self.prefix + path, headers=sent)
            response = connection.getresponse()
            found = {k.lower(): v for k, v in response.getheaders()}
            return response.status, found, response.read()
        finally:
            connection.close()

    def page(self, page_id: str) -> dict[str, object] | None:
        """The page (None: gone), fetched again only if it changed."""
        known = self.etags.get(page_id)
        status, headers, body = self.get(
            f"/api/v1/pages/{quote(page_id, safe='/')}",
            {"if-none-match": known} if known else None,
        )
        if status == 404:
            self.etags.pop(page_id, None)
            return None
        if status == 304:
            return {"id": page_id, "unchanged": True}
        if status != 200:
            raise RuntimeError(f"GET page {page_id}: HTTP {status}")
        self.etags[page_id] = headers.get("etag", "")
        found: dict[str, object] = json.loads(body)
        return found

    def all_ids(self) -> list[str]:
        ids: list[str] = []
        offset = 0
        while True:
            status, _, body = self.get(f"/api/v1/pages?fields=id&limit=100&offset={offset}")
            if status != 200:
                raise RuntimeError(f"GET the page list: HTTP {status}")
            listed = json.loads(body)
            ids += [item["id"] for item in listed["data"]]
            offset += 100
            if offset >= listed["meta"]["total"]:
                return ids


def events(api: Api, last_id: str | None) -> Iterator[tuple[str, str | None, dict[str, Any]]]:
    """(name, id, data) for each event of one connection to the stream."""
    connection = api.connect(None)
    headers = {**api.headers, "accept": "text/event-stream"}
    if last_id:
        headers["last-event-id"] = last_id
    connection.request("GET", api.prefix + "/api/v1/events", headers=headers)
    response = connection.getresponse()
    if response.status != 200:
        raise RuntimeError(f"GET /api/v1/events: HTTP {response.status} {response.read()[:300]!r}")
    fields: dict[str, str] = {}
    try:
        while line := response.readline():
            text = line.decode("utf-8").rstrip("\r\n")
            if not text:  # a blank line ends an event
                if "event" in fields:
                    yield fields["event"], fields.get("id"), json.loads(fields.get("data", "{}"))
                fields = {}
            elif not text.startswith(":"):  # ":" starts a comment (the heartbeat)
                name, _, value = text.partition(":")
                fields[name] = value.removeprefix(" ")
    finally:
        connection.close()


def revalidate(template: str | None, page_id: str, url: str) -> None:
    if not template:
        return
    target = template.replace("{url}", quote(url, safe="")).replace("{id}", quote(page_id, safe=""))
    parts = urlsplit(target)
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = cls(parts.hostname or "", parts.port, timeout=30)
    try:
        connection.request("POST", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
        status = connection.getresponse().status
    finally:
        connection.close()
    print(f"revalidated {url} (HTTP {status})", flush=True)


def apply(api: Api, template: str | None, data: dict[str, list[str]]) -> None:
    for page_id in [*data.get("added", []), *data.get("changed", [])]:
        page = api.page(page_id)
        if page is None:
            print(f"gone {page_id}", flush=True)
        elif page.get("unchanged"):
            print(f"unchanged {page_id}", flush=True)
        else:
            print(f"refreshed {page_id} {page['url']}", flush=True)
            revalidate(template, page_id, str(page["url"]))
    for page_id in data.get("removed", []):
        api.etags.pop(page_id, None)
        print(f"removed {page_id}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--api", default="http://127.0.0.1:8000", help="the API's base URL")
    parser.add_argument("--token", default=os.environ.get("CONTENT_API_PREVIEW_TOKEN"))
    parser.add_argument("--revalidate", help="URL to POST for each page ({url}, {id})")
    parser.add_argument("--once", action="store_true", help="stop after the first change")
    args = parser.parse_args()
    api = Api(args.api, args.token)
    last_id: str | None = None
    delay = 1.0
    while True:
        try:
            for name, event_id, data in events(api, last_id):
                delay = 1.0
                last_id = event_id or last_id
                if name == "ready":
                    print(f"following version {data['content_version']}", flush=True)
                elif name == "content-version":
                    print(f"version {data['content_version']}", flush=True)
                    apply(api, args.revalidate, data)
                    if args.once:
                        return 0
                elif name == "refetch":
                    print("refetching everything", flush=True)
                    apply(api, args.revalidate, {"changed": api.all_ids()})
        except (OSError, http.client.HTTPException, RuntimeError) as exc:
            print(f"stream interrupted ({exc}); reconnecting in {delay:.0f}s", file=sys.stderr)
        time.sleep(delay)
        delay = min(delay * 2, 30.0)


if __name__ == "__main__":
    raise SystemExit(main())
