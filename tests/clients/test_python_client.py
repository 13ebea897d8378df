"""The generated Python client (clients/python, openapi-python-client's code as it is) against
a real server over the aba-icc site: filters with and without an operator, pages followed,
conditional requests, problems, find and the feeds parsed."""

from __future__ import annotations

from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

import pytest
from content_api_client import Client
from content_api_client.api.feeds import get_atom_feed, get_json_feed, get_sitemap
from content_api_client.api.pages import find_page, get_page, list_pages
from content_api_client.api.search import search_pages
from content_api_client.helpers import ETagCache, ProblemError, expect, items, links, pages, total
from content_api_client.models import Found, JsonFeed, Page, PageList, Problem, SearchResults

pytestmark = [pytest.mark.corpus, pytest.mark.xdist_group("clients")]

SEED = "about-the-icc/the-us-icc-relationship"
SUDAN = 6  # cases with `country: sudan` on aba-icc


@pytest.fixture(scope="module")
def client(aba_server: str) -> Iterator[Client]:
    with Client(base_url=aba_server) as made:
        yield made


def ids(found: Any) -> list[str]:
    return [item.id for item in found]


def test_filters_with_and_without_an_operator(client: Client) -> None:
    plain = list_pages.sync(client=client, collection="cases", filter_="country:sudan")
    with_op = list_pages.sync(client=client, collection="cases", filter_="country:eq:sudan")
    assert isinstance(plain, PageList) and isinstance(with_op, PageList)
    assert plain.meta.total == with_op.meta.total == SUDAN
    assert ids(plain.data) == ids(with_op.data)
    assert all(item.data and item.data["country"] == "sudan" for item in plain.data)
    others = expect(
        list_pages.sync_detailed(client=client, collection="cases", filter_="country:ne:sudan"),
        PageList,
    )
    assert SUDAN not in (others.meta.total, 0)
    assert "sudan" not in {item.data["country"] for item in others.data if item.data}


def test_pages_are_followed_through_link(client: Client) -> None:
    first = list_pages.sync_detailed(
        client=client, collection="cases", filter_="country:sudan", limit=4
    )
    assert total(first) == SUDAN
    assert "offset=4" in links(first)["next"]
    walked = list(
        pages(
            list_pages.sync_detailed,
            PageList,
            client=client,
            collection="cases",
            filter_="country:sudan",
            limit=2,
        )
    )
    assert [len(page.data) for page in walked] == [2, 2, 2]
    every = list(
        items(
            list_pages.sync_detailed,
            PageList,
            client=client,
            collection="cases",
            filter_="country:sudan",
            limit=2,
        )
    )
    at_once = expect(first, PageList)
    rest = list_pages.sync(client=client, collection="cases", filter_="country:sudan", offset=4)
    assert isinstance(rest, PageList)
    assert ids(every) == ids(at_once.data) + ids(rest.data) and len(set(ids(every))) == SUDAN


def test_a_page_and_a_conditional_request(client: Client) -> None:
    first = get_page.sync_detailed(SEED, client=client)
    page = expect(first, Page)
    assert page.id == SEED and page.title == "The US-ICC Relationship"
    again = get_page.sync_detailed(SEED, client=client, if_none_match=first.headers["etag"])
    assert again.status_code == HTTPStatus.NOT_MODIFIED and again.parsed is None
    cache = ETagCache()
    assert cache.get(get_page.sync_detailed, Page, SEED, client=client).id == SEED
    assert cache.get(get_page.sync_detailed, Page, SEED, client=client).id == SEED
    assert cache.revalidated == 1


def test_search_and_its_pages(client: Client) -> None:
    found = search_pages.sync(q="rome statute", client=client, limit=5)
    assert isinstance(found, SearchResults) and found.meta.total > 5
    assert "<mark>" in found.data[0].snippet
    hits = list(
        items(search_pages.sync_detailed, SearchResults, client=client, q="rome statute", limit=50)
    )
    assert len(hits) == found.meta.total


def test_errors_are_problems(client: Client) -> None:
    missing = get_page.sync(SEED + "-nope", client=client)
    assert isinstance(missing, Problem) and missing.status == 404
    with pytest.raises(ProblemError) as raised:
        expect(list_pages.sync_detailed(client=client, filter_="country"), PageList)
    assert raised.value.status == 422
    assert raised.value.problem.errors and raised.value.problem.errors[0].param == "filter"


def test_find_and_the_feeds_are_parsed(client: Client) -> None:
    found = find_page.sync(client=client, url_query="/about-the-icc/the-us-icc-relationship/")
    assert isinstance(found, Found)
    assert found.id == SEED and found.location == f"/api/v1/pages/{SEED}" and not found.moved
    by_path = find_page.sync(client=client, source_path="_about-the-icc/the-us-icc-relationship.md")
    assert isinstance(by_path, Found) and by_path.id == SEED
    feed = get_json_feed.sync(client=client)
    assert isinstance(feed, JsonFeed) and feed.items
    atom = get_atom_feed.sync(client=client)
    assert isinstance(atom, str) and '<feed xmlns="http://www.w3.org/2005/Atom">' in atom
    sitemap = get_sitemap.sync(client=client)
    assert isinstance(sitemap, str) and "<urlset" in sitemap


def test_find_followed_gives_the_page(aba_server: str) -> None:
    with Client(base_url=aba_server, follow_redirects=True) as following:
        page = find_page.sync(client=following, url_query="/about-the-icc/the-us-icc-relationship/")
    assert isinstance(page, Page) and page.id == SEED
