"""Tiny documents and one-line queries for the query tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl

from api.content.model import Document, Kind
from api.query import QueryIndex, core_resolver, parse_list_query


def doc(
    name: str,
    collection: str | None = "things",
    *,
    title: str | None = None,
    date: datetime | None = None,
    order: int | None = None,
    body: str = "",
    **data: Any,
) -> Document:
    """A document ``collection/name``; keyword arguments become front matter."""
    ident = f"{collection}/{name}" if collection else name
    return Document(
        id=ident,
        kind=Kind.DOCUMENT if collection else Kind.PAGE,
        collection=collection,
        source_path=f"_{collection}/{name}.md" if collection else f"{name}.md",
        inner_path=f"{name}.md",
        url=f"/{ident}/",
        slug=name,
        title=title if title is not None else name.title(),
        description=None,
        published=True,
        order=order,
        date=date,
        layout="page",
        featured_image_path=None,
        data={"title": title if title is not None else name.title(), **data},
        body=body,
        body_line=1,
        content_hash=name,
        output=True,
    )


def pairs(query: str) -> list[tuple[str, str]]:
    return parse_qsl(query, keep_blank_values=True)


def index_of(docs: Sequence[Document], timelines: frozenset[str] = frozenset()) -> QueryIndex:
    return QueryIndex(docs, core_resolver(timelines), timelines)


def names(index: QueryIndex, query: str) -> list[str]:
    """The ids (without the collection) a query string selects, first page of 100."""
    result = index.run(parse_list_query(pairs(query + "&limit=100" if query else "limit=100")))
    return [ident.rsplit("/", 1)[-1] for ident in result.ids]
