from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.timeline_embed import TimelineEmbed
from ...types import UNSET, Response, Unset


def _get_kwargs(
    page_id: str,
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/pages/{page_id}/timeline".format(
            page_id=quote(str(page_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | TimelineEmbed | None:
    if response.status_code == 200:
        response_200 = TimelineEmbed.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Any | Problem | TimelineEmbed]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    page_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | TimelineEmbed]:
    """Get a page's timeline embed

     The page's TimelineJS embed: typed options, a canonical v3 `embed_url` and an iframe.

    Args:
        page_id (str): The page id: collection, `/`, then the path inside it without extension.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | TimelineEmbed]
    """

    kwargs = _get_kwargs(
        page_id=page_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    page_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | TimelineEmbed | None:
    """Get a page's timeline embed

     The page's TimelineJS embed: typed options, a canonical v3 `embed_url` and an iframe.

    Args:
        page_id (str): The page id: collection, `/`, then the path inside it without extension.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | TimelineEmbed
    """

    return sync_detailed(
        page_id=page_id,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    page_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | TimelineEmbed]:
    """Get a page's timeline embed

     The page's TimelineJS embed: typed options, a canonical v3 `embed_url` and an iframe.

    Args:
        page_id (str): The page id: collection, `/`, then the path inside it without extension.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | TimelineEmbed]
    """

    kwargs = _get_kwargs(
        page_id=page_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    page_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | TimelineEmbed | None:
    """Get a page's timeline embed

     The page's TimelineJS embed: typed options, a canonical v3 `embed_url` and an iframe.

    Args:
        page_id (str): The page id: collection, `/`, then the path inside it without extension.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | TimelineEmbed
    """

    return (
        await asyncio_detailed(
            page_id=page_id,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
