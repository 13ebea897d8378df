"""Query-string pairs in, a parsed and validated query out.

Grammar (the raw ``(key, value)`` pairs, repeated keys kept):

- ``collection=a,b``: any of these collections. Repeats add to the list.
- ``filter[FIELD]=v1,v2``: the field equals any of the values (``[eq]`` spelled out, same thing).
- ``filter[FIELD][OP]=v`` with OP one of ``eq ne gt gte lt lte contains exists``. ``eq``, ``ne`` and
  ``contains`` take a comma list (any of / none of / any of); the others exactly one value.
  A comma inside a value is written ``\\,`` and a backslash ``\\\\``. Items are trimmed.
  Each ``filter`` parameter is one condition and all conditions must hold, so repeating
  ``filter[tags]=a&filter[tags]=b`` asks for both.
- ``has_timeline=true|false``; ``sort=field,-field2`` (``-`` descending, ``+`` or nothing
  ascending; a field repeated is ignored); ``fields=id,title,data.country``;
  ``include=html,excerpt,...``; ``limit`` (1 to 100, default 20); ``offset`` (0 or more).
- ``lang=en,pt-br``: pages in any of these languages (BCP 47 ranges, see
  :mod:`api.query.languages`; ``*`` for any language); repeats add to the list, in order.
  ``lang_fallback=true`` reads them as an order of preference instead (without ``lang``, it
  changes nothing).

FIELD is any name: an unknown one matches nothing rather than failing. Everything else that
cannot be honoured raises a :class:`QueryError` naming the parameter as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from api.content.languages import tag_key
from api.query.errors import QueryError


class Op(StrEnum):
    EQ = "eq"
    NE = "ne"
    GT = "gt"
    GTE = "gte"
    LT = "lt"
    LTE = "lte"
    CONTAINS = "contains"
    EXISTS = "exists"


LIST_OPS = frozenset({Op.EQ, Op.NE, Op.CONTAINS})
INCLUDES = frozenset(
    {"html", "excerpt", "plaintext", "toc", "word_count", "reading_time_minutes", "translations"}
)
LIST_PARAMS = frozenset(
    {
        "collection",
        "filter",
        "has_timeline",
        "lang",
        "lang_fallback",
        "sort",
        "fields",
        "include",
        "limit",
        "offset",
    }
)
SEARCH_PARAMS = frozenset({"q", "collection", "limit", "offset"})
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Bounds that no real client reaches; they keep one request's work bounded.
MAX_FILTERS = 32
MAX_VALUES = 100
MAX_SORT_KEYS = 8
MAX_FIELDS = 100
MAX_LANGS = 32

_FILTER = re.compile(r"filter\[([^\[\]]*)\](?:\[([^\[\]]*)\])?")
_UNSIGNED = re.compile(r"\d{1,18}")
_SCALARS = ("limit", "offset", "has_timeline", "lang_fallback", "sort", "q")
#: A language range: ``*``, or subtags of letters and digits joined by ``-`` or ``_``.
_LANG_RANGE = re.compile(r"\*|[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*")


@dataclass(frozen=True, slots=True)
class Filter:
    field: str
    op: Op
    values: tuple[str, ...]
    param: str  # as the client wrote it, for errors raised while running the query


@dataclass(frozen=True, slots=True)
class SortKey:
    field: str
    descending: bool = False


@dataclass(frozen=True, slots=True)
class ListQuery:
    """A parsed list query. Hashable; :attr:`selection` is what the result depends on
    before pagination, so it doubles as a cache key."""

    collections: tuple[str, ...] = ()  # sorted, unique; empty means every collection
    filters: tuple[Filter, ...] = ()
    has_timeline: bool | None = None
    sort: tuple[SortKey, ...] = ()  # empty means the snapshot's default order
    fields: tuple[str, ...] | None = None  # None means every field
    include: frozenset[str] = frozenset()
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    langs: tuple[str, ...] = ()  # language ranges, lower case with "-", in the order given
    lang_fallback: bool = False

    @property
    def selection(self) -> tuple[object, ...]:
        return (
            self.collections,
            self.filters,
            self.has_timeline,
            self.sort,
            self.langs,
            self.lang_fallback,
        )


@dataclass(frozen=True, slots=True)
class SearchQuery:
    q: str
    collections: tuple[str, ...] = ()
    limit: int = DEFAULT_LIMIT
    offset: int = 0


def parse_list_query(
    params: Sequence[tuple[str, str]], *, allowed: frozenset[str] = LIST_PARAMS
) -> ListQuery:
    """Parse a list query. ``allowed`` names the parameters the endpoint accepts; those this
    parser does not know (``q``, say) are left to the caller, any other name is an error."""
    scalars = _scalars(params, allowed)
    collections: set[str] = set()
    filters: list[Filter] = []
    fields: list[str] = []
    include: set[str] = set()
    langs: list[str] = []
    for key, value in params:
        if key == "collection":
            collections.update(item for item in split_items(value) if item)
        elif key == "lang":
            langs += [_lang_range(item) for item in split_items(value) if item]
        elif key == "fields":
            fields += [_field(item, key) for item in split_items(value) if item]
        elif key == "include":
            include.update(_include(item) for item in split_items(value) if item)
        elif key.startswith("filter[") and "filter" in allowed:
            filters.append(_filter(key, value))
    if len(filters) > MAX_FILTERS:
        raise QueryError("filter", f"at most {MAX_FILTERS} filter parameters are allowed")
    if len(fields) > MAX_FIELDS:
        raise QueryError("fields", f"at most {MAX_FIELDS} fields are allowed")
    if len(langs) > MAX_LANGS:
        raise QueryError("lang", f"takes at most {MAX_LANGS} languages")
    fallback = scalars.get("lang_fallback")
    # Without languages to fall back through, there is nothing to do.
    lang_fallback = fallback is not None and _bool(fallback, "lang_fallback") and bool(langs)
    has_timeline = scalars.get("has_timeline")
    return ListQuery(
        collections=tuple(sorted(collections)),
        filters=tuple(filters),
        has_timeline=None if has_timeline is None else _bool(has_timeline, "has_timeline"),
        sort=_sort(scalars.get("sort", "")),
        fields=tuple(dict.fromkeys(fields)) if fields else None,
        include=frozenset(include),
        limit=_limit(scalars.get("limit")),
        offset=_offset(scalars.get("offset")),
        langs=tuple(dict.fromkeys(langs)),
        lang_fallback=lang_fallback,
    )


def parse_search_query(
    params: Sequence[tuple[str, str]], *, allowed: frozenset[str] = SEARCH_PARAMS
) -> SearchQuery:
    """Parse a search query (``q``, ``collection``, ``limit``, ``offset``). Whether ``q`` has
    anything to search for is checked by :meth:`SearchIndex.search`."""
    scalars = _scalars(params, allowed)
    if "q" not in scalars:
        raise QueryError("q", "is required: the words to search for")
    collections = {i for key, value in params if key == "collection" for i in split_items(value)}
    collections.discard("")
    return SearchQuery(
        q=scalars["q"],
        collections=tuple(sorted(collections)),
        limit=_limit(scalars.get("limit")),
        offset=_offset(scalars.get("offset")),
    )


def split_items(value: str) -> list[str]:
    """A comma list, with ``\\,`` for a literal comma and ``\\\\`` for a backslash; each item
    trimmed."""
    if "\\" not in value:
        return [item.strip() for item in value.split(",")]
    items: list[str] = []
    current: list[str] = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            current.append(next(chars, "\\"))
        elif char == ",":
            items.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    items.append("".join(current).strip())
    return items


def valid_field(name: str) -> bool:
    """Whether a field name is well formed: dotted segments, none empty, no brackets."""
    return bool(name) and "[" not in name and "]" not in name and "" not in name.split(".")


def _scalars(params: Sequence[tuple[str, str]], allowed: frozenset[str]) -> dict[str, str]:
    seen: dict[str, str] = {}
    for key, value in params:
        if not key:
            continue  # ``?=x`` or a stray ``&``: nothing is asked
        name = "filter" if key.startswith("filter[") else key
        if name not in allowed:
            raise QueryError(key, "is not a parameter of this endpoint")
        if key == "filter":
            raise QueryError(key, "needs a field: write filter[FIELD]=VALUE")
        if key in _SCALARS:
            if key in seen and seen[key] != value:
                raise QueryError(key, "is given more than once with different values")
            seen[key] = value
    return seen


def _filter(key: str, value: str) -> Filter:
    match = _FILTER.fullmatch(key)
    if match is None:
        raise QueryError(key, "is malformed: write filter[FIELD]=VALUE or filter[FIELD][OP]=VALUE")
    field, op_name = match.group(1), match.group(2)
    field = _field(field, key)
    try:
        op = Op(op_name if op_name is not None else "eq")
    except ValueError:
        known = " ".join(op.value for op in Op)
        raise QueryError(key, f"has an unknown operator {op_name!r}; use one of: {known}") from None
    values = tuple(split_items(value))
    if len(values) > MAX_VALUES:
        raise QueryError(key, f"takes at most {MAX_VALUES} values")
    if op not in LIST_OPS and len(values) != 1:
        raise QueryError(key, "takes a single value (write a literal comma as \\,)")
    if op is Op.EXISTS:
        values = ("true",) if _bool(values[0], key) else ("false",)
    return Filter(field=field, op=op, values=values, param=key)


def _field(name: str, param: str) -> str:
    if not valid_field(name):
        raise QueryError(param, f"{name!r} is not a field name (dotted names, no empty parts)")
    return name


def _sort(value: str) -> tuple[SortKey, ...]:
    keys: dict[str, SortKey] = {}
    for item in split_items(value):
        if not item:
            continue
        descending = item.startswith("-")
        name = _field(item[1:] if item[0] in "+-" else item, "sort")
        keys.setdefault(name, SortKey(name, descending))  # a later repeat cannot change the order
    if len(keys) > MAX_SORT_KEYS:
        raise QueryError("sort", f"takes at most {MAX_SORT_KEYS} fields")
    return tuple(keys.values())


def _lang_range(item: str) -> str:
    if not _LANG_RANGE.fullmatch(item):
        raise QueryError(
            "lang", f"{item[:40]!r} is not a language tag (write en, pt-BR, zh_tw or *)"
        )
    return tag_key(item)


def _include(name: str) -> str:
    if name not in INCLUDES:
        known = ", ".join(sorted(INCLUDES))
        raise QueryError("include", f"{name!r} cannot be included; use any of: {known}")
    return name


def _bool(value: str, param: str) -> bool:
    lowered = value.strip().lower()
    if lowered not in ("true", "false"):
        raise QueryError(param, f"must be true or false, not {value[:40]!r}")
    return lowered == "true"


def _limit(value: str | None) -> int:
    if value is None:
        return DEFAULT_LIMIT
    number = _unsigned(value, "limit")
    if not 1 <= number <= MAX_LIMIT:
        raise QueryError("limit", f"must be from 1 to {MAX_LIMIT}, not {number}")
    return number


def _offset(value: str | None) -> int:
    return 0 if value is None else _unsigned(value, "offset")


def _unsigned(value: str, param: str) -> int:
    text = value.strip()
    if not _UNSIGNED.fullmatch(text):
        raise QueryError(param, f"must be a whole number of 0 or more, not {value[:40]!r}")
    return int(text)
