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
from api.query.expand import MAX_DEPTH, MAX_EXPANDED
from api.query.params import (
    INCLUDES,
    MAX_COLLECTION_CHARS,
    MAX_EXPAND,
    MAX_EXPAND_CHARS,
    MAX_FIELDS,
    MAX_FIELDS_CHARS,
    MAX_FILTER_FIELD_CHARS,
    MAX_FILTER_KEYS,
    MAX_FILTER_REPEATS,
    MAX_FILTER_VALUE_CHARS,
    MAX_INCLUDE_CHARS,
    MAX_LANG_CHARS,
    MAX_LANGS,
    MAX_Q_CHARS,
    MAX_SORT_CHARS,
    MAX_SORT_KEYS,
)

_DESCRIPTIONS = {
    304: "Not Modified: the `If-None-Match` ETag still matches.",
    404: "Not Found: no such page, or the page has no such resource.",
    410: "Gone: that content version is no longer kept; refetch everything.",
    414: "URI Too Long: the URL is longer than the server accepts.",
    422: "Invalid Parameter: a query parameter is malformed or out of range (see `errors`).",
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


def links(status: int, **targets: tuple[str, dict[str, str]]) -> dict[int | str, Any]:
    """OpenAPI links of a response: ``name=(operationId, {parameter: runtime expression})``.
    They tell clients (and stateful fuzzers) where a response leads."""
    return {
        status: {
            "links": {
                name: {"operationId": operation, "parameters": parameters}
                for name, (operation, parameters) in targets.items()
            }
        }
    }


def with_links(
    responses: dict[int | str, dict[str, Any]], extra: dict[int | str, Any]
) -> dict[int | str, dict[str, Any]]:
    """``responses`` with the links of ``extra`` added to the same statuses."""
    merged = dict(responses)
    for status, value in extra.items():
        merged[status] = {**merged.get(status, {}), **value}
    return merged


FIRST_ID = "$response.body#/data/0/id"


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
# No parameter may hold a control character (C0, DEL, C1): ``_CTRL`` is left out everywhere.
_CTRL = r"\x00-\x1f\x7f-\x9f"
_WS = r"\x20\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACE = rf"(?:[{_WS}]|\\[{_WS}])*"  # trimmed away, escaped or not
_PLAIN = rf"(?:[^.,\[\]\\{_CTRL}]|\\[^.\[\]{_CTRL}]|\\(?!\n)$)"  # a character of a field name
_SOLID = rf"(?:[^.,\[\]\\{_WS}{_CTRL}]|\\[^.\[\]{_WS}{_CTRL}]|\\(?!\n)$)"  # one trimming keeps
_FIRST = rf"(?:[^.,\[\]\\{_WS}{_CTRL}+-]|\\[^.\[\]{_WS}{_CTRL}+-]|\\(?!\n)$)"  # solid, no sign
#: Text with no control character: the short pattern of every free-text parameter.
# ``(?!\n)``: in Python's dialect (fuzzers, generated clients) ``$`` also matches before
# a final newline, which is a control character here.
TEXT_PATTERN = rf"^[^{_CTRL}]*(?!\n)$"
_SIGN = r"(?:[+-]|\\[+-])"
_DOT = r"(?:\.|\\\.)"


def _field_name(first: str) -> str:
    """Dotted names, none empty, no brackets, starting with ``first``."""
    return rf"{first}(?:{_PLAIN}*(?:{_DOT}{_PLAIN}+)*(?:{_DOT}{_PLAIN}*)?{_SOLID})?"


def _comma_list(item: str, most: int | None = None) -> str:
    """Items separated by commas; empty ones are free, at most ``most`` others."""
    if most is None:
        return rf"^{_SPACE}(?:(?:{item}){_SPACE})?(?:,{_SPACE}(?:(?:{item}){_SPACE})?)*(?!\n)$"
    full, empties = rf"{_SPACE}(?:{item}){_SPACE}", rf"(?:{_SPACE},)*"
    return (
        rf"^{empties}(?:{full}(?:,{empties}{full}){{0,{most - 1}}}(?:,{_SPACE})*|{_SPACE})(?!\n)$"
    )


FIELDS_PATTERN = _comma_list(_field_name(_SOLID), MAX_FIELDS)
# After a sign the name keeps what follows it: ``- x`` sorts on `` x``, descending.
SORT_PATTERN = _comma_list(
    rf"{_SIGN}(?:{_PLAIN}+{_DOT})*{_PLAIN}*{_SOLID}|{_field_name(_FIRST)}", MAX_SORT_KEYS
)
INCLUDE_PATTERN = _comma_list("|".join(sorted(INCLUDES)))
EXPAND_PATTERN = _comma_list(_field_name(_SOLID), MAX_EXPAND)
# A page's sort: only `referenced_by.COLLECTION.FIELD` items, signed or not.
BACKLINK_SORT_PATTERN = _comma_list(
    rf"{_SIGN}?referenced_by{_DOT}{_PLAIN}+{_DOT}(?:{_PLAIN}+{_DOT})*{_PLAIN}*{_SOLID}",
    MAX_SORT_KEYS,
)

COLLECTION = _param(
    "collection",
    "Only these collections (comma-separated).",
    {"type": "string", "maxLength": MAX_COLLECTION_CHARS, "pattern": TEXT_PATTERN},
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
_BACKLINK_SORT = (
    "An item `referenced_by.COLLECTION.FIELD` orders the backlinks from that collection "
    "instead (`referenced_by.cases-events.event_date`)."
)
SORT = _param(
    "sort",
    "Fields to sort by, comma-separated, `-` for descending (`data.KEY` for front matter). "
    "The default is each collection's Jekyll order. Missing values sort last. " + _BACKLINK_SORT,
    {"type": "string", "maxLength": MAX_SORT_CHARS, "pattern": SORT_PATTERN},
    example="-date,title",
)
FIELDS = _param(
    "fields",
    "Only these fields of each item, comma-separated (`data.KEY` for front matter); `id` is "
    "always kept. Paths reach into expanded pages: `references.country.title`, "
    "`referenced_by.cases-events.case.title`.",
    {"type": "string", "maxLength": MAX_FIELDS_CHARS, "pattern": FIELDS_PATTERN},
    example="id,title,url",
)
INCLUDE = _param(
    "include",
    "Add fields a list item leaves out: html, excerpt, plaintext, toc, word_count, "
    "reading_time_minutes (rendered), translations, referenced_by (the pages that refer "
    "to it); comma-separated.",
    {"type": "string", "maxLength": MAX_INCLUDE_CHARS, "pattern": INCLUDE_PATTERN},
    example="html",
)
EXPAND = _param(
    "expand",
    "References to replace by the pages themselves (their list item, with `data`), "
    "comma-separated: a front-matter key that refers to pages (`country`, `accuseds`), "
    "dotted to go deeper (`accuseds.country`); `referenced_by` for every backlink, "
    "`referenced_by.COLLECTION` for those from one collection, "
    "`referenced_by.COLLECTION.KEY` for one group, which may go deeper "
    f"(`referenced_by.cases-events.case.accused`). At most {MAX_EXPAND} paths of "
    f"{MAX_DEPTH} levels and {MAX_EXPANDED} expanded pages; a page already being expanded "
    "stays a reference. An unknown key is a 422 problem naming it.",
    {"type": "string", "maxLength": MAX_EXPAND_CHARS, "pattern": EXPAND_PATTERN},
    example="country,accuseds,referenced_by",
)
BACKLINK_SORT = _param(
    "sort",
    "The order of the page's backlinks: comma-separated `referenced_by.COLLECTION.FIELD` "
    "items (`-` for descending); the default is each source collection's Jekyll order.",
    {"type": "string", "maxLength": MAX_SORT_CHARS, "pattern": BACKLINK_SORT_PATTERN},
    example="referenced_by.cases-events.event_date",
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
    {"type": "string", "maxLength": MAX_LANG_CHARS, "pattern": LANG_PATTERN},
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
_FILTER_SCALAR = {
    "anyOf": [
        {"type": "string", "maxLength": MAX_FILTER_VALUE_CHARS, "pattern": TEXT_PATTERN},
        {"type": ["number", "boolean", "null"]},
    ]
}
_FILTER_VALUE = {
    "anyOf": [
        _FILTER_SCALAR,
        # Repeated, one more condition each: `filter[tags]=a&filter[tags]=b` asks for both.
        {"type": "array", "items": _FILTER_SCALAR, "maxItems": MAX_FILTER_REPEATS},
    ]
}
FILTER: dict[str, Any] = _param(
    "filter",
    "Filters on any field, dotted for nested front matter: `filter[country]=Kenya,Uganda` "
    "(any of), or `filter[FIELD][op]=value` with op one of eq, ne, gt, gte, lt, lte, "
    "contains, exists. Values are typed against the data (numbers, booleans, dates); arrays "
    "match by membership; an unknown field matches nothing.",
    {
        "type": "object",
        # As api.query.params reads them: a field is dotted names, none empty, no brackets.
        "propertyNames": {
            "maxLength": MAX_FILTER_FIELD_CHARS,
            "pattern": rf"^[^\[\].{_CTRL}]+(?:\.[^\[\].{_CTRL}]+)*(?!\n)$",
        },
        "maxProperties": MAX_FILTER_KEYS,
        # A query string has only text, and each value is read as the field's type.
        "additionalProperties": _FILTER_VALUE,
    },
    style="deepObject",
    explode=True,
    example={"collectionName": "Cases"},
)
QUERY = {
    **_param(
        "q",
        'What to search for: words, "a phrase", or a prefix like `stat*`.',
        {"type": "string", "maxLength": MAX_Q_CHARS, "pattern": TEXT_PATTERN},
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
    EXPAND,
]
TIMELINE_SORT = {**SORT, "description": SORT["description"].replace(" " + _BACKLINK_SORT, "")}
TIMELINE_LIST_PARAMETERS = [
    COLLECTION,
    LANG,
    LANG_FALLBACK,
    FILTER,
    TIMELINE_SORT,
    FIELDS,
    LIMIT,
    OFFSET,
]
SEARCH_LANG = {
    **LANG,
    "description": (
        "Only pages in these languages (comma-separated BCP 47 tags or ranges: `en`, `pt-BR`, "
        "`zh_tw`; `zh` matches `zh-TW` too, case and `-`/`_` do not matter; `*` is any "
        "language). The query is read as text of each language searched: stemmed by its "
        "rules, and character by character for Chinese, Japanese, Korean and Thai. Without "
        "it, every language is searched."
    ),
}
SEARCH_PARAMETERS = [QUERY, COLLECTION, SEARCH_LANG, LIMIT, OFFSET, EXPAND]
PAGE_PARAMETERS = [EXPAND, BACKLINK_SORT]
