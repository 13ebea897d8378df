"""OpenAPI pieces shared by routes: error responses and the query parameters of lists.

List parameters are validated by ``api.query``'s parsers, not by FastAPI, so that the fast
path and the routes accept exactly the same requests; their schema is declared here, with
the same rules.
"""

from __future__ import annotations

from typing import Any

from api.http.problems import PROBLEM_TYPE
from api.http.schemas import Problem
from api.query import MAX_LIMIT, grammar
from api.query.expand import MAX_DEPTH, MAX_EXPANDED
from api.query.filterform import MAX_CONDITIONS
from api.query.grammar import FILTER_PATTERN
from api.query.grammar import TEXT_PATTERN as TEXT_PATTERN
from api.query.params import (
    INCLUDES,
    MAX_COLLECTION_CHARS,
    MAX_EXPAND,
    MAX_EXPAND_CHARS,
    MAX_FIELDS,
    MAX_FIELDS_CHARS,
    MAX_FILTER_CHARS,
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


def errors(
    *statuses: int, conditional: bool = True, loading: bool = True
) -> dict[int | str, dict[str, Any]]:
    """The documented error responses of a route (problem+json bodies), and its 304 when it
    is ``conditional`` (``api.http.openapi`` then declares ``If-None-Match`` and the
    validators). ``loading``: the route waits for the content, so it can answer 503."""
    found: dict[int | str, dict[str, Any]] = {}
    # 414, 422 and 503 can answer any request: the URL limit, the check of every query
    # parameter (control characters) and readiness come before routing.
    for status in dict.fromkeys((*statuses, 414, 422, *((503,) if loading else ()))):
        found[status] = {
            "description": _DESCRIPTIONS[status],
            "model": Problem,
            "content": {PROBLEM_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
    if conditional:
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


# The grammar of api.query.params as short regular expressions (api.query.grammar), so that
# generated clients and fuzzers know which values are accepted; tests/query/test_grammar.py
# holds them to the parsers.
FIELDS_PATTERN = grammar.fields_pattern(MAX_FIELDS)
SORT_PATTERN = grammar.sort_pattern(MAX_SORT_KEYS)
INCLUDE_PATTERN = grammar.choice_pattern(INCLUDES)
LANG_PATTERN = grammar.lang_pattern(MAX_LANGS)
EXPAND_PATTERN = grammar.fields_pattern(MAX_EXPAND)
BACKLINK_SORT_PATTERN = grammar.backlink_sort_pattern(MAX_SORT_KEYS)

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
FILTER: dict[str, Any] = _param(
    "filter",
    "Conditions on any field, comma-separated, all of which must hold: `FIELD:VALUE` (equals) "
    "or `FIELD:OP:VALUE` with OP one of eq, ne, gt, gte, lt, lte, contains, exists: "
    "`country:sudan`, `order:gte:10`, `country:sudan,order:gte:10`. FIELD is a core field or "
    "a front-matter key, dotted for nested keys (`data.` optional). The same field and "
    "operator twice means any of the values (`country:sudan,country:uganda`; for `ne`, none "
    "of them). Values are typed against the data (numbers, booleans, dates); arrays match by "
    "membership; an unknown field matches nothing. In a value, `\\,` is a comma and `\\:` a "
    "colon; a value with a colon needs its operator (`time:eq:10:30`). `exists` takes true or "
    f"false. At most {MAX_CONDITIONS} conditions. The same conditions can be written "
    "one per parameter, for URLs typed by hand: `filter[country]=sudan,uganda` (any of) and "
    "`filter[FIELD][OP]=VALUE`, with a comma list for eq, ne and contains; at most "
    f"{MAX_FILTER_KEYS} such names with {MAX_FILTER_REPEATS} repeats each, a field of "
    f"{MAX_FILTER_FIELD_CHARS} characters and a value of {MAX_FILTER_VALUE_CHARS}. Both forms "
    "combine.",
    {"type": "string", "maxLength": MAX_FILTER_CHARS, "pattern": FILTER_PATTERN},
    example="country:sudan",
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
