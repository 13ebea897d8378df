"""Querying a snapshot like a database: filters, sorting, sparse fields, pagination, search.

Pure: no HTTP here. The HTTP layer parses the query string with :func:`parse_list_query`
(or :func:`parse_search_query`), runs it on the snapshot's :class:`QueryIndex` (or
:class:`SearchIndex`), projects records with :func:`project`, and turns a
:class:`QueryError` into a 422 problem naming ``error.param``.
"""

from __future__ import annotations

from api.query.errors import QueryError
from api.query.fields import CORE_FIELDS, FieldResolver, core_resolver, project
from api.query.index import QueryIndex, QueryResult
from api.query.params import (
    DEFAULT_LIMIT,
    INCLUDES,
    LIST_PARAMS,
    MAX_LIMIT,
    SEARCH_PARAMS,
    Filter,
    ListQuery,
    Op,
    PageQuery,
    SearchQuery,
    SortKey,
    check_pairs,
    parse_list_query,
    parse_page_query,
    parse_search_query,
    query_pairs,
)
from api.query.search import SearchEntry, SearchHit, SearchIndex, SearchResult
from api.query.text import search_text
from api.query.values import MISSING

__all__ = [
    "CORE_FIELDS",
    "DEFAULT_LIMIT",
    "INCLUDES",
    "LIST_PARAMS",
    "MAX_LIMIT",
    "MISSING",
    "SEARCH_PARAMS",
    "FieldResolver",
    "Filter",
    "ListQuery",
    "Op",
    "PageQuery",
    "QueryError",
    "QueryIndex",
    "QueryResult",
    "SearchEntry",
    "SearchHit",
    "SearchIndex",
    "SearchQuery",
    "SearchResult",
    "SortKey",
    "check_pairs",
    "core_resolver",
    "parse_list_query",
    "parse_page_query",
    "parse_search_query",
    "project",
    "query_pairs",
    "search_text",
]
