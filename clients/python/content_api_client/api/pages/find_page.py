from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.found import Found
from ...models.page import Page
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    url_query: None | str | Unset = UNSET,
    source_path: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_url_query: None | str | Unset
    if isinstance(url_query, Unset):
        json_url_query = UNSET
    else:
        json_url_query = url_query
    params["url"] = json_url_query

    json_source_path: None | str | Unset
    if isinstance(source_path, Unset):
        json_source_path = UNSET
    else:
        json_source_path = source_path
    params["source_path"] = json_source_path

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/find",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Found | Page | Problem | None:
    if response.status_code == 200:
        response_200 = Page.from_dict(response.json())

        return response_200

    if response.status_code == 301:
        response_301 = Found.from_dict(response.json())

        return response_301

    if response.status_code == 307:
        response_307 = Found.from_dict(response.json())

        return response_307

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
) -> Response[Found | Page | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    url_query: None | str | Unset = UNSET,
    source_path: None | str | Unset = UNSET,
) -> Response[Found | Page | Problem]:
    """Find a page by URL or source path

     Redirects (307) to `/api/v1/pages/{id}` for the page at a site URL (`url`, with or without the
    site's host, `baseurl` or trailing slash) or with a source path (`source_path`, relative to the
    content directory). Give one or both: with both, the page must have that URL and that source path.
    No page matching (or neither given) is a 404. A URL that the site redirects (`redirect_from` on a
    page, or a page with `redirect_to`) answers 301, to the API resource of the page it finally leads
    to, or to the URL elsewhere it leads to.

    Args:
        url_query (None | str | Unset): A page URL on the site.
        source_path (None | str | Unset): A source file path.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Found | Page | Problem]
    """

    kwargs = _get_kwargs(
        url_query=url_query,
        source_path=source_path,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    url_query: None | str | Unset = UNSET,
    source_path: None | str | Unset = UNSET,
) -> Found | Page | Problem | None:
    """Find a page by URL or source path

     Redirects (307) to `/api/v1/pages/{id}` for the page at a site URL (`url`, with or without the
    site's host, `baseurl` or trailing slash) or with a source path (`source_path`, relative to the
    content directory). Give one or both: with both, the page must have that URL and that source path.
    No page matching (or neither given) is a 404. A URL that the site redirects (`redirect_from` on a
    page, or a page with `redirect_to`) answers 301, to the API resource of the page it finally leads
    to, or to the URL elsewhere it leads to.

    Args:
        url_query (None | str | Unset): A page URL on the site.
        source_path (None | str | Unset): A source file path.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Found | Page | Problem
    """

    return sync_detailed(
        client=client,
        url_query=url_query,
        source_path=source_path,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    url_query: None | str | Unset = UNSET,
    source_path: None | str | Unset = UNSET,
) -> Response[Found | Page | Problem]:
    """Find a page by URL or source path

     Redirects (307) to `/api/v1/pages/{id}` for the page at a site URL (`url`, with or without the
    site's host, `baseurl` or trailing slash) or with a source path (`source_path`, relative to the
    content directory). Give one or both: with both, the page must have that URL and that source path.
    No page matching (or neither given) is a 404. A URL that the site redirects (`redirect_from` on a
    page, or a page with `redirect_to`) answers 301, to the API resource of the page it finally leads
    to, or to the URL elsewhere it leads to.

    Args:
        url_query (None | str | Unset): A page URL on the site.
        source_path (None | str | Unset): A source file path.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Found | Page | Problem]
    """

    kwargs = _get_kwargs(
        url_query=url_query,
        source_path=source_path,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    url_query: None | str | Unset = UNSET,
    source_path: None | str | Unset = UNSET,
) -> Found | Page | Problem | None:
    """Find a page by URL or source path

     Redirects (307) to `/api/v1/pages/{id}` for the page at a site URL (`url`, with or without the
    site's host, `baseurl` or trailing slash) or with a source path (`source_path`, relative to the
    content directory). Give one or both: with both, the page must have that URL and that source path.
    No page matching (or neither given) is a 404. A URL that the site redirects (`redirect_from` on a
    page, or a page with `redirect_to`) answers 301, to the API resource of the page it finally leads
    to, or to the URL elsewhere it leads to.

    Args:
        url_query (None | str | Unset): A page URL on the site.
        source_path (None | str | Unset): A source file path.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Found | Page | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            url_query=url_query,
            source_path=source_path,
        )
    ).parsed
