from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_list import PageList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    collection: str | Unset = UNSET,
    lang: str | Unset = UNSET,
    lang_fallback: bool | Unset = False,
    filter_: str | Unset = UNSET,
    has_timeline: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    include: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    expand: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["collection"] = collection

    params["lang"] = lang

    params["lang_fallback"] = lang_fallback

    params["filter"] = filter_

    params["has_timeline"] = has_timeline

    params["sort"] = sort

    params["fields"] = fields

    params["include"] = include

    params["limit"] = limit

    params["offset"] = offset

    params["expand"] = expand

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/pages",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageList | Problem | None:
    if response.status_code == 200:
        response_200 = PageList.from_dict(response.json())

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
) -> Response[Any | PageList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    collection: str | Unset = UNSET,
    lang: str | Unset = UNSET,
    lang_fallback: bool | Unset = False,
    filter_: str | Unset = UNSET,
    has_timeline: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    include: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    expand: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageList | Problem]:
    """List pages

     Pages in each collection's Jekyll order (or `sort`), filtered on any field, `limit` at a time. The
    `Link` header (first, prev, next, last) and `X-Total-Count` give the other pages of results.

    Args:
        collection (str | Unset):
        lang (str | Unset):
        lang_fallback (bool | Unset):  Default: False.
        filter_ (str | Unset):
        has_timeline (bool | Unset):
        sort (str | Unset):
        fields (str | Unset):
        include (str | Unset):
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        expand (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageList | Problem]
    """

    kwargs = _get_kwargs(
        collection=collection,
        lang=lang,
        lang_fallback=lang_fallback,
        filter_=filter_,
        has_timeline=has_timeline,
        sort=sort,
        fields=fields,
        include=include,
        limit=limit,
        offset=offset,
        expand=expand,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    collection: str | Unset = UNSET,
    lang: str | Unset = UNSET,
    lang_fallback: bool | Unset = False,
    filter_: str | Unset = UNSET,
    has_timeline: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    include: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    expand: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PageList | Problem | None:
    """List pages

     Pages in each collection's Jekyll order (or `sort`), filtered on any field, `limit` at a time. The
    `Link` header (first, prev, next, last) and `X-Total-Count` give the other pages of results.

    Args:
        collection (str | Unset):
        lang (str | Unset):
        lang_fallback (bool | Unset):  Default: False.
        filter_ (str | Unset):
        has_timeline (bool | Unset):
        sort (str | Unset):
        fields (str | Unset):
        include (str | Unset):
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        expand (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageList | Problem
    """

    return sync_detailed(
        client=client,
        collection=collection,
        lang=lang,
        lang_fallback=lang_fallback,
        filter_=filter_,
        has_timeline=has_timeline,
        sort=sort,
        fields=fields,
        include=include,
        limit=limit,
        offset=offset,
        expand=expand,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    collection: str | Unset = UNSET,
    lang: str | Unset = UNSET,
    lang_fallback: bool | Unset = False,
    filter_: str | Unset = UNSET,
    has_timeline: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    include: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    expand: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageList | Problem]:
    """List pages

     Pages in each collection's Jekyll order (or `sort`), filtered on any field, `limit` at a time. The
    `Link` header (first, prev, next, last) and `X-Total-Count` give the other pages of results.

    Args:
        collection (str | Unset):
        lang (str | Unset):
        lang_fallback (bool | Unset):  Default: False.
        filter_ (str | Unset):
        has_timeline (bool | Unset):
        sort (str | Unset):
        fields (str | Unset):
        include (str | Unset):
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        expand (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageList | Problem]
    """

    kwargs = _get_kwargs(
        collection=collection,
        lang=lang,
        lang_fallback=lang_fallback,
        filter_=filter_,
        has_timeline=has_timeline,
        sort=sort,
        fields=fields,
        include=include,
        limit=limit,
        offset=offset,
        expand=expand,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    collection: str | Unset = UNSET,
    lang: str | Unset = UNSET,
    lang_fallback: bool | Unset = False,
    filter_: str | Unset = UNSET,
    has_timeline: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    include: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    expand: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PageList | Problem | None:
    """List pages

     Pages in each collection's Jekyll order (or `sort`), filtered on any field, `limit` at a time. The
    `Link` header (first, prev, next, last) and `X-Total-Count` give the other pages of results.

    Args:
        collection (str | Unset):
        lang (str | Unset):
        lang_fallback (bool | Unset):  Default: False.
        filter_ (str | Unset):
        has_timeline (bool | Unset):
        sort (str | Unset):
        fields (str | Unset):
        include (str | Unset):
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        expand (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            collection=collection,
            lang=lang,
            lang_fallback=lang_fallback,
            filter_=filter_,
            has_timeline=has_timeline,
            sort=sort,
            fields=fields,
            include=include,
            limit=limit,
            offset=offset,
            expand=expand,
            if_none_match=if_none_match,
        )
    ).parsed
