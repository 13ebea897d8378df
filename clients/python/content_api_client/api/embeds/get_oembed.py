from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_oembed_embed_type_0 import GetOembedEmbedType0
from ...models.get_oembed_format import GetOembedFormat
from ...models.o_embed import OEmbed
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    url_query: str,
    maxwidth: int | None | Unset = UNSET,
    maxheight: int | None | Unset = UNSET,
    format_: GetOembedFormat | Unset = GetOembedFormat.JSON,
    embed: GetOembedEmbedType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["url"] = url_query

    json_maxwidth: int | None | Unset
    if isinstance(maxwidth, Unset):
        json_maxwidth = UNSET
    else:
        json_maxwidth = maxwidth
    params["maxwidth"] = json_maxwidth

    json_maxheight: int | None | Unset
    if isinstance(maxheight, Unset):
        json_maxheight = UNSET
    else:
        json_maxheight = maxheight
    params["maxheight"] = json_maxheight

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_embed: None | str | Unset
    if isinstance(embed, Unset):
        json_embed = UNSET
    elif isinstance(embed, GetOembedEmbedType0):
        json_embed = embed.value
    else:
        json_embed = embed
    params["embed"] = json_embed

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/oembed",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | OEmbed | Problem | None:
    if response.status_code == 200:
        response_200 = OEmbed.from_dict(response.json())

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
) -> Response[Any | OEmbed | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    url_query: str,
    maxwidth: int | None | Unset = UNSET,
    maxheight: int | None | Unset = UNSET,
    format_: GetOembedFormat | Unset = GetOembedFormat.JSON,
    embed: GetOembedEmbedType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | OEmbed | Problem]:
    """oEmbed a page or its timeline

     An [oEmbed 1.0](https://oembed.com/) provider. Give the URL of a page on the site (`/about-the-
    icc/the-us-icc-relationship/`, with or without the site's host) or of its API resource
    (`/api/v1/pages/{id}`). A page with a timeline answers with the TimelineJS iframe; any other page
    with a card (title, excerpt, link). Both are `type: rich` and fit inside `maxwidth` x `maxheight`.
    `format=xml` gives the same fields as the spec's XML (`text/xml`).

    Args:
        url_query (str): The page's URL on the site, or its API URL.
        maxwidth (int | None | Unset): Widest the embed may be, in pixels.
        maxheight (int | None | Unset): Tallest the embed may be, in pixels.
        format_ (GetOembedFormat | Unset): `json` (the default) or `xml` (`text/xml`). Default:
            GetOembedFormat.JSON.
        embed (GetOembedEmbedType0 | None | Unset): Which timeline embed: `hosted` (this API's own
            page, `/embed/timelines/{id}`: no third party; a 404 when the timeline has none) or
            `knightlab` (Knight Lab's CDN). Default: CONTENT_API_OEMBED_EMBED, `knightlab` unless
            configured.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OEmbed | Problem]
    """

    kwargs = _get_kwargs(
        url_query=url_query,
        maxwidth=maxwidth,
        maxheight=maxheight,
        format_=format_,
        embed=embed,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    url_query: str,
    maxwidth: int | None | Unset = UNSET,
    maxheight: int | None | Unset = UNSET,
    format_: GetOembedFormat | Unset = GetOembedFormat.JSON,
    embed: GetOembedEmbedType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | OEmbed | Problem | None:
    """oEmbed a page or its timeline

     An [oEmbed 1.0](https://oembed.com/) provider. Give the URL of a page on the site (`/about-the-
    icc/the-us-icc-relationship/`, with or without the site's host) or of its API resource
    (`/api/v1/pages/{id}`). A page with a timeline answers with the TimelineJS iframe; any other page
    with a card (title, excerpt, link). Both are `type: rich` and fit inside `maxwidth` x `maxheight`.
    `format=xml` gives the same fields as the spec's XML (`text/xml`).

    Args:
        url_query (str): The page's URL on the site, or its API URL.
        maxwidth (int | None | Unset): Widest the embed may be, in pixels.
        maxheight (int | None | Unset): Tallest the embed may be, in pixels.
        format_ (GetOembedFormat | Unset): `json` (the default) or `xml` (`text/xml`). Default:
            GetOembedFormat.JSON.
        embed (GetOembedEmbedType0 | None | Unset): Which timeline embed: `hosted` (this API's own
            page, `/embed/timelines/{id}`: no third party; a 404 when the timeline has none) or
            `knightlab` (Knight Lab's CDN). Default: CONTENT_API_OEMBED_EMBED, `knightlab` unless
            configured.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OEmbed | Problem
    """

    return sync_detailed(
        client=client,
        url_query=url_query,
        maxwidth=maxwidth,
        maxheight=maxheight,
        format_=format_,
        embed=embed,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    url_query: str,
    maxwidth: int | None | Unset = UNSET,
    maxheight: int | None | Unset = UNSET,
    format_: GetOembedFormat | Unset = GetOembedFormat.JSON,
    embed: GetOembedEmbedType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | OEmbed | Problem]:
    """oEmbed a page or its timeline

     An [oEmbed 1.0](https://oembed.com/) provider. Give the URL of a page on the site (`/about-the-
    icc/the-us-icc-relationship/`, with or without the site's host) or of its API resource
    (`/api/v1/pages/{id}`). A page with a timeline answers with the TimelineJS iframe; any other page
    with a card (title, excerpt, link). Both are `type: rich` and fit inside `maxwidth` x `maxheight`.
    `format=xml` gives the same fields as the spec's XML (`text/xml`).

    Args:
        url_query (str): The page's URL on the site, or its API URL.
        maxwidth (int | None | Unset): Widest the embed may be, in pixels.
        maxheight (int | None | Unset): Tallest the embed may be, in pixels.
        format_ (GetOembedFormat | Unset): `json` (the default) or `xml` (`text/xml`). Default:
            GetOembedFormat.JSON.
        embed (GetOembedEmbedType0 | None | Unset): Which timeline embed: `hosted` (this API's own
            page, `/embed/timelines/{id}`: no third party; a 404 when the timeline has none) or
            `knightlab` (Knight Lab's CDN). Default: CONTENT_API_OEMBED_EMBED, `knightlab` unless
            configured.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OEmbed | Problem]
    """

    kwargs = _get_kwargs(
        url_query=url_query,
        maxwidth=maxwidth,
        maxheight=maxheight,
        format_=format_,
        embed=embed,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    url_query: str,
    maxwidth: int | None | Unset = UNSET,
    maxheight: int | None | Unset = UNSET,
    format_: GetOembedFormat | Unset = GetOembedFormat.JSON,
    embed: GetOembedEmbedType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | OEmbed | Problem | None:
    """oEmbed a page or its timeline

     An [oEmbed 1.0](https://oembed.com/) provider. Give the URL of a page on the site (`/about-the-
    icc/the-us-icc-relationship/`, with or without the site's host) or of its API resource
    (`/api/v1/pages/{id}`). A page with a timeline answers with the TimelineJS iframe; any other page
    with a card (title, excerpt, link). Both are `type: rich` and fit inside `maxwidth` x `maxheight`.
    `format=xml` gives the same fields as the spec's XML (`text/xml`).

    Args:
        url_query (str): The page's URL on the site, or its API URL.
        maxwidth (int | None | Unset): Widest the embed may be, in pixels.
        maxheight (int | None | Unset): Tallest the embed may be, in pixels.
        format_ (GetOembedFormat | Unset): `json` (the default) or `xml` (`text/xml`). Default:
            GetOembedFormat.JSON.
        embed (GetOembedEmbedType0 | None | Unset): Which timeline embed: `hosted` (this API's own
            page, `/embed/timelines/{id}`: no third party; a 404 when the timeline has none) or
            `knightlab` (Knight Lab's CDN). Default: CONTENT_API_OEMBED_EMBED, `knightlab` unless
            configured.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OEmbed | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            url_query=url_query,
            maxwidth=maxwidth,
            maxheight=maxheight,
            format_=format_,
            embed=embed,
            if_none_match=if_none_match,
        )
    ).parsed
