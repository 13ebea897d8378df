"""OpenAPI pieces shared by routes: error responses and the query parameters of lists.

List parameters are validated by ``api.query``'s parsers, not by FastAPI, so that the fast
path and the routes accept exactly the same requests; their schema is declared here, with
the same rules.
"""

from __future__ import annotations

from typing import Any

from api.http.problems import PROBLEM_TYPE
from api.http.schemas import Problem
from api.query import MAX_LIMIT
from api.query.fts import MAX_QUERY_CHARS
from api.query.params import INCLUDES, MAX_FIELDS, MAX_FILTERS, MAX_LANGS, MAX_SORT_KEYS

_DESCRIPTIONS = {
    304: "Not Modified: the `If-None-Match` ETag still matches.",
    404: "Not Found: no such page, or the page has no such resource.",
    414: "URI Too Long: the URL is longer than the server accepts.",
    422: "Invalid Parameter: a query parameter is malformed or out of range (see `errors`).",
    501: "Not Implemented: the requested format is not offered.",
    503: "Not Ready: the content is still loading.",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The documented error responses of a route (problem+json bodies)."""
    found: dict[int | str, dict[str, Any]] = {}
    # 414 and 503 can answer any request: the URL limit and readiness come before routing.
    for status in (*statuses, 414, 503):
        found[status] = {
            "description": _DESCRIPTIONS[status],
            "model": Problem,
            "content": {PROBLEM_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
    found[304] = {"description": _DESCRIPTIONS[304]}
    return found


def _param(
    name: str,
    description: str,
    schema: dict[str, Any],
    example: Any = None,
    **extra: Any,
) -> dict[str, Any]:
    if example is not None:
        schema = {**schema, "examples": [example]}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **extra,
    }


# The grammar of api.query.params as regular expressions, so that generated clients and
# fuzzers know which values are accepted; tests/http/test_hostile_requests.py checks them
# against the parsers. Explicit classes only: ``\s`` and ``\w`` differ between Python,
# ECMA-262 and Rust. A comma-list item is trimmed (of what ``str.strip`` removes) and empty
# items are skipped; ``\x`` stands for ``x``, and a backslash ending the value for itself.
_WS = r"\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACE = rf"(?:[{_WS}]|\\[{_WS}])*"  # trimmed away, escaped or not
_PLAIN = r"(?:[^.,\[\]\\]|\\[^.\[\]]|\\(?!\n)$)"  # a character of a field name
_SOLID = rf"(?:[^.,\[\]\\{_WS}]|\\[^.\[\]{_WS}]|\\(?!\n)$)"  # one that trimming keeps
_FIRST = rf"(?:[^.,\[\]\\{_WS}+-]|\\[^.\[\]{_WS}+-]|\\(?!\n)$)"  # a solid one that is no sign
_SIGN = r"(?:[+-]|\\[+-])"
_DOT = r"(?:\.|\\\.)"


def _field_name(first: str) -> str:
    """Dotted names, none empty, no brackets, starting with ``first``."""
    return rf"{first}(?:{_PLAIN}*(?:{_DOT}{_PLAIN}+)*(?:{_DOT}{_PLAIN}*)?{_SOLID})?"


def _comma_list(item: str, most: int | None = None) -> str:
    """Items separated by commas; empty ones are free, at most ``most`` others."""
    if most is None:
        return rf"^{_SPACE}(?:(?:{item}){_SPACE})?(?:,{_SPACE}(?:(?:{item}){_SPACE})?)*$"
    full, empties = rf"{_SPACE}(?:{item}){_SPACE}", rf"(?:{_SPACE},)*"
    return rf"^{empties}(?:{full}(?:,{empties}{full}){{0,{most - 1}}}(?:,{_SPACE})*|{_SPACE})$"


FIELDS_PATTERN = _comma_list(_field_name(_SOLID), MAX_FIELDS)
# After a sign the name keeps what follows it: ``- x`` sorts on `` x``, descending.
SORT_PATTERN = _comma_list(
    rf"{_SIGN}(?:{_PLAIN}+{_DOT})*{_PLAIN}*{_SOLID}|{_field_name(_FIRST)}", MAX_SORT_KEYS
)
INCLUDE_PATTERN = _comma_list("|".join(sorted(INCLUDES)))

COLLECTION = _param(
    "collection",
    "Only these collections (comma-separated).",
    {"type": "string"},
    example="about-the-icc",
)
LIMIT = _param(
    "limit",
    "Items per page.",
    {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 20},
)
OFFSET = _param(
    "offset",
    "Items to skip.",
    # The parsers read at most 18 digits: a bound no list reaches, and no integer overflow.
    {"type": "integer", "minimum": 0, "maximum": 10**18 - 1, "default": 0},
)
SORT = _param(
    "sort",
    "Fields to sort by, comma-separated, `-` for descending (`data.KEY` for front matter). "
    "The default is each collection's Jekyll order. Missing values sort last.",
    {"type": "string", "pattern": SORT_PATTERN},
    example="-date,title",
)
FIELDS = _param(
    "fields",
    "Only these fields of each item, comma-separated (`data.KEY` for front matter); `id` is "
    "always kept.",
    {"type": "string", "pattern": FIELDS_PATTERN},
    example="id,title,url",
)
INCLUDE = _param(
    "include",
    "Add fields to each item: html, excerpt, plaintext, toc, word_count, "
    "reading_time_minutes (rendered), translations (comma-separated).",
    {"type": "string", "pattern": INCLUDE_PATTERN},
    example="html",
)
# Language ranges as api.query.params reads them: ``*``, or alphanumeric subtags joined by
# ``-`` or ``_`` (each character may be escaped), comma-separated and trimmed.
_LETTER = r"(?:[A-Za-z]|\\[A-Za-z])"
_ALNUM = r"(?:[A-Za-z0-9]|\\[A-Za-z0-9])"
_RANGE = rf"(?:\*|\\\*|{_LETTER}{{1,8}}(?:(?:[-_]|\\[-_]){_ALNUM}{{1,8}})*)"
LANG_PATTERN = _comma_list(_RANGE, MAX_LANGS)
LANG = _param(
    "lang",
    "Only pages in these languages (comma-separated BCP 47 tags or ranges: `en`, `pt-BR`, "
    "`zh_tw`; `zh` matches `zh-TW` too, case and `-`/`_` do not matter; `*` is any "
    "language). With `lang_fallback=true`, an order of preference instead.",
    {"type": "string", "pattern": LANG_PATTERN},
    example="en",
)
LANG_FALLBACK = _param(
    "lang_fallback",
    "Read `lang` as an order of preference: of each page and its translations, only the one "
    "in the first language listed that has one (`lang=ja,en`: Japanese, else English). "
    "Items that stand in for a missing first language have `lang_fallback: true`. Without "
    "`lang`, it changes nothing.",
    {"type": "boolean", "default": False},
)
HAS_TIMELINE = _param(
    "has_timeline", "Only pages with (true) or without (false) a timeline.", {"type": "boolean"}
)
_SCALARS = ["string", "number", "boolean", "null"]
FILTER: dict[str, Any] = _param(
    "filter",
    "Filters on any field, dotted for nested front matter: `filter[country]=Kenya,Uganda` "
    "(any of), or `filter[FIELD][op]=value` with op one of eq, ne, gt, gte, lt, lte, "
    "contains, exists. Values are typed against the data (numbers, booleans, dates); arrays "
    "match by membership; an unknown field matches nothing.",
    {
        "type": "object",
        # As api.query.params reads them: a field is dotted names, none empty, no brackets.
        "propertyNames": {"pattern": r"^[^\[\].]+(?:\.[^\[\].]+)*$"},
        "maxProperties": MAX_FILTERS,
        # A query string has only text, and each value is read as the field's type. A
        # repeated filter is one more condition (`filter[tags]=a&filter[tags]=b`: both).
        "additionalProperties": {
            "anyOf": [{"type": _SCALARS}, {"type": "array", "items": {"type": _SCALARS}}]
        },
    },
    style="deepObject",
    explode=True,
    example={"collectionName": "Cases"},
)
QUERY = {
    **_param(
        "q",
        'What to search for: words, "a phrase", or a prefix like `stat*`.',
        {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_CHARS},
        "rome statute",
    ),
    "required": True,
}

PAGE_LIST_PARAMETERS = [
    COLLECTION,
    LANG,
    LANG_FALLBACK,
    FILTER,
    HAS_TIMELINE,
    SORT,
    FIELDS,
    INCLUDE,
    LIMIT,
    OFFSET,
]
TIMELINE_LIST_PARAMETERS = [COLLECTION, LANG, LANG_FALLBACK, FILTER, SORT, FIELDS, LIMIT, OFFSET]
SEARCH_PARAMETERS = [QUERY, COLLECTION, LIMIT, OFFSET]
