from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    since: None | str | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    else:
        json_since = since
    params["since"] = json_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/events",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())

        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | str]:
    """Content versions, as they happen

     A [Server-Sent Events](https://html.spec.whatwg.org/multipage/server-sent-events.html) stream
    (`text/event-stream`). Each new content version sends

        event: content-version
        id: <content_version>
        data: {"content_version": "...", "added": [ids], "changed": [ids], "removed": [ids]}

    with the same lists as `/api/v1/changes`. On connecting, an `event: ready` gives the current
    version. A client that reconnects with `Last-Event-ID` (browsers' `EventSource` does) or
    `since` first gets the versions it missed, or `event: refetch` (the 410 of `/changes`) when
    that version is no longer kept. A comment line (`: heartbeat`) comes every 15 seconds
    (`CONTENT_API_EVENTS_HEARTBEAT`). With a preview token, the preview's versions.

    Args:
        since (None | str | Unset): Resume from this version (as `Last-Event-ID` does).
        last_event_id (None | str | Unset): The `id` of the last event received (sent by
            `EventSource`).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        since=since,
        last_event_id=last_event_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | str | None:
    """Content versions, as they happen

     A [Server-Sent Events](https://html.spec.whatwg.org/multipage/server-sent-events.html) stream
    (`text/event-stream`). Each new content version sends

        event: content-version
        id: <content_version>
        data: {"content_version": "...", "added": [ids], "changed": [ids], "removed": [ids]}

    with the same lists as `/api/v1/changes`. On connecting, an `event: ready` gives the current
    version. A client that reconnects with `Last-Event-ID` (browsers' `EventSource` does) or
    `since` first gets the versions it missed, or `event: refetch` (the 410 of `/changes`) when
    that version is no longer kept. A comment line (`: heartbeat`) comes every 15 seconds
    (`CONTENT_API_EVENTS_HEARTBEAT`). With a preview token, the preview's versions.

    Args:
        since (None | str | Unset): Resume from this version (as `Last-Event-ID` does).
        last_event_id (None | str | Unset): The `id` of the last event received (sent by
            `EventSource`).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return sync_detailed(
        client=client,
        since=since,
        last_event_id=last_event_id,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | str]:
    """Content versions, as they happen

     A [Server-Sent Events](https://html.spec.whatwg.org/multipage/server-sent-events.html) stream
    (`text/event-stream`). Each new content version sends

        event: content-version
        id: <content_version>
        data: {"content_version": "...", "added": [ids], "changed": [ids], "removed": [ids]}

    with the same lists as `/api/v1/changes`. On connecting, an `event: ready` gives the current
    version. A client that reconnects with `Last-Event-ID` (browsers' `EventSource` does) or
    `since` first gets the versions it missed, or `event: refetch` (the 410 of `/changes`) when
    that version is no longer kept. A comment line (`: heartbeat`) comes every 15 seconds
    (`CONTENT_API_EVENTS_HEARTBEAT`). With a preview token, the preview's versions.

    Args:
        since (None | str | Unset): Resume from this version (as `Last-Event-ID` does).
        last_event_id (None | str | Unset): The `id` of the last event received (sent by
            `EventSource`).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        since=since,
        last_event_id=last_event_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | str | None:
    """Content versions, as they happen

     A [Server-Sent Events](https://html.spec.whatwg.org/multipage/server-sent-events.html) stream
    (`text/event-stream`). Each new content version sends

        event: content-version
        id: <content_version>
        data: {"content_version": "...", "added": [ids], "changed": [ids], "removed": [ids]}

    with the same lists as `/api/v1/changes`. On connecting, an `event: ready` gives the current
    version. A client that reconnects with `Last-Event-ID` (browsers' `EventSource` does) or
    `since` first gets the versions it missed, or `event: refetch` (the 410 of `/changes`) when
    that version is no longer kept. A comment line (`: heartbeat`) comes every 15 seconds
    (`CONTENT_API_EVENTS_HEARTBEAT`). With a preview token, the preview's versions.

    Args:
        since (None | str | Unset): Resume from this version (as `Last-Event-ID` does).
        last_event_id (None | str | Unset): The `id` of the last event received (sent by
            `EventSource`).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            since=since,
            last_event_id=last_event_id,
            if_none_match=if_none_match,
        )
    ).parsed
