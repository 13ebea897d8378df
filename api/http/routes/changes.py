"""``/api/v1/changes`` and ``/api/v1/events``: what changed since a version, and a stream
that says so as it happens (``api.site.changes``, ``api.http.events``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request

from api.http import schemas
from api.http.deps import ServedDep
from api.http.docs_meta import errors
from api.http.errors import Gone, Unavailable
from api.http.events import MEDIA_TYPE, EventStream
from api.http.live import Live
from api.http.preview import is_preview
from api.http.responses import CachedResponse
from api.site.changes import MAX_VERSIONS

router = APIRouter(prefix="/api/v1", tags=["changes"])

#: What a content version looks like (a hash in hex); anything else is a 422, not a 410.
VERSION_PATTERN = "^[0-9a-f]{1,64}$"

Version = Annotated[
    str,
    Query(
        min_length=1,
        max_length=64,
        pattern=VERSION_PATTERN,
        description="A content version you have (`content_version` of `/readyz`, of an event "
        "or of an earlier answer here, `to`).",
        examples=["3f6a1c0e9b2d4f8a7c5e1b0d9a8f7e6c"],
    ),
]


@router.get(
    "/changes",
    operation_id="getChanges",
    summary="What changed since a version",
    description=(
        "The pages added, changed and removed between the version `since` and the current "
        "one (`to`). A page is changed when anything served about it is: its file, its HTML "
        "(what its Liquid reads: data, other pages, includes), its neighbours, references, "
        f"backlinks or timeline. The last {MAX_VERSIONS} versions are kept; an older or "
        "unknown `since` is a 410 problem: refetch everything, from the version it names. "
        "With a preview token, the preview's own feed (hidden pages appearing too)."
    ),
    response_model=schemas.Changes,
    responses=errors(410, 422),
)
async def get_changes(request: Request, served: ServedDep, since: Version) -> Any:
    assert served.feed is not None
    delta = served.feed.since(since)
    if delta is None:
        current = served.feed.current
        raise Gone(
            f"The content version {since!r} is not in the change history (unknown, or older "
            f"than the last {MAX_VERSIONS} versions): refetch everything. The current version "
            f"is {current}.",
            "Version Not Kept",
            "version-gone",
            content_version=current,
        )
    return CachedResponse(served.store.json(delta.as_dict()), request)


_EVENTS = f"""\
A [Server-Sent Events](https://html.spec.whatwg.org/multipage/server-sent-events.html) stream
(`{MEDIA_TYPE.split(";")[0]}`). Each new content version sends

    event: content-version
    id: <content_version>
    data: {{"content_version": "...", "added": [ids], "changed": [ids], "removed": [ids]}}

with the same lists as `/api/v1/changes`. On connecting, an `event: ready` gives the current
version. A client that reconnects with `Last-Event-ID` (browsers' `EventSource` does) or
`since` first gets the versions it missed, or `event: refetch` (the 410 of `/changes`) when
that version is no longer kept. A comment line (`: heartbeat`) comes every 15 seconds
(`CONTENT_API_EVENTS_HEARTBEAT`). With a preview token, the preview's versions.
"""


_V = "3f6a1c0e9b2d4f8a7c5e1b0d9a8f7e6c"
_EXAMPLE_EVENT = f'event: ready\nid: {_V}\ndata: {{"content_version":"{_V}"}}\n\n'


@router.get(
    "/events",
    operation_id="streamEvents",
    summary="Content versions, as they happen",
    description=_EVENTS,
    status_code=200,
    response_class=EventStream,
    responses={
        200: {
            "description": "The event stream (it ends when the server stops).",
            "content": {
                "text/event-stream": {
                    "schema": {"type": "string"},
                    "example": _EXAMPLE_EVENT,
                }
            },
        },
        **errors(422),
    },
)
async def stream_events(
    request: Request,
    served: ServedDep,
    since: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=64,
            pattern=VERSION_PATTERN,
            description="Resume from this version (as `Last-Event-ID` does).",
        ),
    ] = None,
    last_event_id: Annotated[
        str | None,
        Header(
            alias="Last-Event-ID",
            max_length=128,
            description="The `id` of the last event received (sent by `EventSource`).",
        ),
    ] = None,
) -> Any:
    live: Live = request.app.state.live
    preview = is_preview(request.scope)
    broadcaster = live.broadcaster(preview)
    if broadcaster.closed:
        raise Unavailable(
            "The server is stopping; reconnect (with `Last-Event-ID`) in a moment.",
            "Stopping",
            "stopping",
        )
    if live.full():
        raise Unavailable(
            f"This server already streams events to {live.subscribers} clients, its most; "
            "try again later, or follow `/api/v1/changes`.",
            "Too Many Streams",
            "too-many-streams",
        )
    resume = last_event_id.strip() if last_event_id and last_event_id.strip() else since
    return EventStream(broadcaster, live.feed(served, preview), resume)
