from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.changes import Changes
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    since: str,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["since"] = since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/changes",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Changes | Problem | None:
    if response.status_code == 200:
        response_200 = Changes.from_dict(response.json())

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

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())

        return response_410

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
) -> Response[Any | Changes | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: str,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Changes | Problem]:
    """What changed since a version

     The pages added, changed and removed between the version `since` and the current one (`to`). A page
    is changed when anything served about it is: its file, its HTML (what its Liquid reads: data, other
    pages, includes), its neighbours, references, backlinks or timeline. The last 128 versions are kept;
    an older or unknown `since` is a 410 problem: refetch everything, from the version it names. With a
    preview token, the preview's own feed (hidden pages appearing too).

    Args:
        since (str): A content version you have (`content_version` of `/readyz`, of an event or of
            an earlier answer here, `to`).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Changes | Problem]
    """

    kwargs = _get_kwargs(
        since=since,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    since: str,
    if_none_match: str | Unset = UNSET,
) -> Any | Changes | Problem | None:
    """What changed since a version

     The pages added, changed and removed between the version `since` and the current one (`to`). A page
    is changed when anything served about it is: its file, its HTML (what its Liquid reads: data, other
    pages, includes), its neighbours, references, backlinks or timeline. The last 128 versions are kept;
    an older or unknown `since` is a 410 problem: refetch everything, from the version it names. With a
    preview token, the preview's own feed (hidden pages appearing too).

    Args:
        since (str): A content version you have (`content_version` of `/readyz`, of an event or of
            an earlier answer here, `to`).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Changes | Problem
    """

    return sync_detailed(
        client=client,
        since=since,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: str,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Changes | Problem]:
    """What changed since a version

     The pages added, changed and removed between the version `since` and the current one (`to`). A page
    is changed when anything served about it is: its file, its HTML (what its Liquid reads: data, other
    pages, includes), its neighbours, references, backlinks or timeline. The last 128 versions are kept;
    an older or unknown `since` is a 410 problem: refetch everything, from the version it names. With a
    preview token, the preview's own feed (hidden pages appearing too).

    Args:
        since (str): A content version you have (`content_version` of `/readyz`, of an event or of
            an earlier answer here, `to`).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Changes | Problem]
    """

    kwargs = _get_kwargs(
        since=since,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    since: str,
    if_none_match: str | Unset = UNSET,
) -> Any | Changes | Problem | None:
    """What changed since a version

     The pages added, changed and removed between the version `since` and the current one (`to`). A page
    is changed when anything served about it is: its file, its HTML (what its Liquid reads: data, other
    pages, includes), its neighbours, references, backlinks or timeline. The last 128 versions are kept;
    an older or unknown `since` is a 410 problem: refetch everything, from the version it names. With a
    preview token, the preview's own feed (hidden pages appearing too).

    Args:
        since (str): A content version you have (`content_version` of `/readyz`, of an event or of
            an earlier answer here, `to`).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Changes | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            since=since,
            if_none_match=if_none_match,
        )
    ).parsed
