"""Query-string pairs in, a parsed and validated query out.

Grammar (the raw ``(key, value)`` pairs, repeated keys kept):

- ``collection=a,b``: any of these collections. Repeats add to the list.
- ``filter[FIELD]=v1,v2``: the field equals any of the values (``[eq]`` spelled out, same thing).
- ``filter[FIELD][OP]=v`` with OP one of ``eq ne gt gte lt lte contains exists``. ``eq``, ``ne`` and
  ``contains`` take a comma list (any of / none of / any of); the others exactly one value.
  A comma inside a value is written ``\\,`` and a backslash ``\\\\``. Items are trimmed.
- ``filter=FIELD:VALUE,FIELD:OP:VALUE``: the same conditions in one string, for generated
  clients (:mod:`api.query.filterform`). Repeats add conditions.
- Conditions on different fields, or with different operators, must all hold. The same field
  and operator given again (in either form, or both) add values, exactly as a comma list
  does: ``filter[tags]=a&filter[tags]=b`` is ``filter[tags]=a,b`` (any of), ``ne`` none of,
  and ``gt``, ``gte``, ``lt``, ``lte`` and ``exists`` hold when any of their values does.
  A repeated key never narrows a result to nothing by itself.
- ``has_timeline=true|false``; ``sort=field,-field2`` (``-`` descending, ``+`` or nothing
  ascending; a field repeated is ignored); ``fields=id,title,data.country``;
  ``include=html,excerpt,...``, ``expand=key,key.key``; ``limit`` (1 to 100, default 20);
  ``offset`` (0 or more).
  Their items are names: split at commas with no escapes, ASCII spaces around each ignored,
  empty items skipped (``api.query.grammar`` gives each one's exact rule).
- ``lang=en,pt-br``: pages in any of these languages (BCP 47 ranges, see
  :mod:`api.query.languages`; ``*`` for any language); repeats add to the list, in order.
  ``lang_fallback=true`` reads them as an order of preference instead (without ``lang``, it
  changes nothing).
- ``expand=key,key.key,referenced_by.COLLECTION``: references to expand (checked against the
  site by :mod:`api.query.expand`); ``sort`` items ``referenced_by.COLLECTION.FIELD`` order
  backlinks instead of the list.

FIELD is any name: an unknown one matches nothing rather than failing. Everything else that
cannot be honoured raises a :class:`QueryError` naming the parameter as written.

Every name and value, of any endpoint, is text: :func:`query_pairs` decodes a raw query
string as UTF-8 (what is not UTF-8 becomes lone surrogates), and :func:`check_pairs` refuses
control characters (C0, DEL, C1), NUL and lone surrogates wherever they appear.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qsl

from api.content.languages import tag_key
from api.query import filterform
from api.query.errors import QueryError
from api.query.filterform import valid_field


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
    {
        "html",
        "excerpt",
        "plaintext",
        "toc",
        "word_count",
        "reading_time_minutes",
        "translations",
        "referenced_by",
    }
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
        "expand",
    }
)
SEARCH_PARAMS = frozenset({"q", "collection", "lang", "limit", "offset", "expand"})
#: What the page detail reads from its query string (``sanitize`` is the route's).
PAGE_PARAMS = frozenset({"expand", "sort"})
BACKLINKS_PREFIX = "referenced_by."
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Bounds that no real client reaches; they keep one request's work bounded.
MAX_FILTER_KEYS = 8  # distinct ``filter[...]`` names, operators included
MAX_FILTER_REPEATS = 4  # conditions under one name (``filter[tags]=a&filter[tags]=b``)
#: Conditions in all, whatever their form (one ``filter=`` string may hold them all).
MAX_FILTERS = MAX_FILTER_KEYS * MAX_FILTER_REPEATS
MAX_VALUES = 100
MAX_SORT_KEYS = 8
MAX_FIELDS = 100
MAX_EXPAND = 20
MAX_LANGS = 32
# Lengths in characters, chosen so that a request the OpenAPI schema calls valid always fits
# the server's URL limit (``max_url_length``, counted in characters once percent-decoded):
# every parameter of a list at its longest, 32 filters included, is under 8,192.
MAX_COLLECTION_CHARS = 256
MAX_SORT_CHARS = 256
MAX_FIELDS_CHARS = 768
MAX_INCLUDE_CHARS = 128
MAX_FILTER_FIELD_CHARS = 64
MAX_FILTER_VALUE_CHARS = 120
MAX_Q_CHARS = 1000
MAX_LANG_CHARS = 256
MAX_FILTER_CHARS = 2048  # the ``filter=`` form: 32 conditions of 64 characters
MAX_EXPAND_CHARS = (
    128  # what the URL budget leaves a list with every other parameter at its longest
)
#: The most characters of the parameters above, for each name.
MAX_CHARS = {
    "collection": MAX_COLLECTION_CHARS,
    "sort": MAX_SORT_CHARS,
    "fields": MAX_FIELDS_CHARS,
    "include": MAX_INCLUDE_CHARS,
    "q": MAX_Q_CHARS,
    "lang": MAX_LANG_CHARS,
    "filter": MAX_FILTER_CHARS,
    "expand": MAX_EXPAND_CHARS,
}

_FILTER = re.compile(r"filter\[([^\[\]]*)\](?:\[([^\[\]]*)\])?")
_UNSIGNED = re.compile(r"\d{1,18}")
_SCALARS = ("limit", "offset", "has_timeline", "lang_fallback", "sort", "q")
#: What no parameter may hold: C0 controls (NUL, tab and newline included), DEL, C1 controls
#: and lone surrogates (which is also what bytes that are not UTF-8 decode to).
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
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


BacklinkSort = tuple[tuple[str, SortKey], ...]  # (source collection, sort key), in order


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
    expand: tuple[str, ...] = ()  # dotted paths, as written
    backlink_sort: BacklinkSort = ()

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
    langs: tuple[str, ...] = ()  # language ranges as lists take them; empty means all
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    expand: tuple[str, ...] = ()

    @property
    def has_words(self) -> bool:
        """Whether ``q`` has a letter or a digit, in any script. Without one there is
        nothing to search for, so the result is empty (not an error)."""
        return any(char.isalnum() for char in self.q)


@dataclass(frozen=True, slots=True)
class PageQuery:
    """What a page detail's query string asks besides ``sanitize``."""

    expand: tuple[str, ...] = ()
    backlink_sort: BacklinkSort = ()


def parse_list_query(
    params: Sequence[tuple[str, str]], *, allowed: frozenset[str] = LIST_PARAMS
) -> ListQuery:
    """Parse a list query. ``allowed`` names the parameters the endpoint accepts; those this
    parser does not know (``q``, say) are left to the caller, any other name is an error."""
    scalars = _scalars(params, allowed)
    collections: set[str] = set()
    filters: list[Filter] = []  # the filter= form
    bracketed: list[Filter] = []  # filter[FIELD] and filter[FIELD][OP]
    fields: list[str] = []
    include: set[str] = set()
    langs: list[str] = []
    for key, value in params:
        if key == "collection":
            collections.update(item for item in split_items(value) if item)
        elif key == "lang":
            langs += [_lang_range(item) for item in names(value)]
        elif key == "fields":
            fields += [_field(item, key) for item in names(value)]
        elif key == "include":
            include.update(_include(item) for item in names(value))
        elif key.startswith("filter[") and "filter" in allowed:
            bracketed.append(_filter(key, value))
        elif key == "filter" and "filter" in allowed:
            filters += [_condition(c) for c in filterform.parse_conditions(value)]
    written = Counter(f.param for f in bracketed)
    if len(bracketed) > MAX_FILTERS:
        raise QueryError("filter", f"at most {MAX_FILTERS} filter parameters are allowed")
    if len(written) > MAX_FILTER_KEYS:
        raise QueryError("filter", f"at most {MAX_FILTER_KEYS} different filters are allowed")
    for param, count in written.items():
        if count > MAX_FILTER_REPEATS:
            raise QueryError(param, f"is given more than {MAX_FILTER_REPEATS} times")
    if len(filters) + len(bracketed) > MAX_FILTERS:
        raise QueryError("filter", f"at most {MAX_FILTERS} filter conditions are allowed in all")
    if len(fields) > MAX_FIELDS:
        raise QueryError("fields", f"at most {MAX_FIELDS} fields are allowed")
    if len(langs) > MAX_LANGS:
        raise QueryError("lang", f"takes at most {MAX_LANGS} languages")
    fallback = scalars.get("lang_fallback")
    # Without languages to fall back through, there is nothing to do.
    lang_fallback = fallback is not None and _bool(fallback, "lang_fallback") and bool(langs)
    has_timeline = scalars.get("has_timeline")
    sort, backlink_sort = _split_sort(_sort(scalars.get("sort", "")))
    return ListQuery(
        collections=tuple(sorted(collections)),
        filters=merge_filters([*bracketed, *filters]),
        has_timeline=None if has_timeline is None else _bool(has_timeline, "has_timeline"),
        sort=sort,
        fields=tuple(dict.fromkeys(fields)) if fields else None,
        include=frozenset(include),
        limit=_limit(scalars.get("limit")),
        offset=_offset(scalars.get("offset")),
        langs=tuple(dict.fromkeys(langs)),
        lang_fallback=lang_fallback,
        expand=_expand(params),
        backlink_sort=backlink_sort,
    )


def parse_page_query(params: Sequence[tuple[str, str]]) -> PageQuery:
    """The page detail's ``expand`` and ``sort`` (of its backlinks only); other parameters
    are left to the route."""
    values = [(key, value) for key, value in params if key in PAGE_PARAMS]
    scalars = _scalars(values, PAGE_PARAMS)
    sort, backlink_sort = _split_sort(_sort(scalars.get("sort", "")))
    if sort:
        raise QueryError(
            "sort",
            f"{sort[0].field!r}: a page's sort orders its backlinks; write "
            "referenced_by.COLLECTION.FIELD",
        )
    return PageQuery(expand=_expand(values), backlink_sort=backlink_sort)


def parse_search_query(
    params: Sequence[tuple[str, str]], *, allowed: frozenset[str] = SEARCH_PARAMS
) -> SearchQuery:
    """Parse a search query (``q``, ``collection``, ``lang``, ``limit``, ``offset``). A ``q``
    with no word in it (punctuation, spaces, nothing) is valid: see
    :attr:`SearchQuery.has_words`."""
    scalars = _scalars(params, allowed)
    if "q" not in scalars:
        raise QueryError("q", "is required: the words to search for")
    collections = {i for key, value in params if key == "collection" for i in split_items(value)}
    collections.discard("")
    langs = [_lang_range(item) for key, value in params if key == "lang" for item in names(value)]
    if len(langs) > MAX_LANGS:
        raise QueryError("lang", f"takes at most {MAX_LANGS} languages")
    return SearchQuery(
        q=scalars["q"],
        collections=tuple(sorted(collections)),
        langs=tuple(sorted(set(langs))),
        limit=_limit(scalars.get("limit")),
        offset=_offset(scalars.get("offset")),
        expand=_expand(params),
    )


def query_pairs(query_string: str) -> list[tuple[str, str]]:
    """The ``(name, value)`` pairs of a query string as it came off the wire (each byte one
    latin-1 character: ASGI's ``query_string`` decoded as latin-1), percent escapes and raw
    bytes read as UTF-8. Bytes that are not UTF-8 become lone surrogates, which
    :func:`check_pairs` refuses; ``+`` is a space."""
    pairs = parse_qsl(query_string, keep_blank_values=True, encoding="latin-1")
    return [(_utf8(key), _utf8(value)) for key, value in pairs]


def _utf8(text: str) -> str:
    if text.isascii():
        return text
    return text.encode("latin-1", "replace").decode("utf-8", "surrogateescape")


def check_pairs(params: Sequence[tuple[str, str]]) -> None:
    """Refuse control characters, NUL and lone surrogates in any name or value, naming the
    parameter (its own bad characters written as ``\\uXXXX``, so the name can be shown).
    A pair with no name (``?=x``) asks nothing and is ignored, as the parsers ignore it."""
    for key, value in params:
        if not key:
            continue
        if _FORBIDDEN.search(key):
            raise QueryError(printable(key), _forbidden_message("name", key))
        if _FORBIDDEN.search(value):
            raise QueryError(printable(key), _forbidden_message("value", value))


def check_text(param: str, value: str) -> str:
    """One parameter's value, checked as :func:`check_pairs` checks every value."""
    if _FORBIDDEN.search(value):
        raise QueryError(param, _forbidden_message("value", value))
    return value


def printable(text: str) -> str:
    """``text`` with each forbidden character written as ``\\uXXXX`` (safe in JSON)."""
    return _FORBIDDEN.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _forbidden_message(part: str, text: str) -> str:
    char = _FORBIDDEN.search(text)
    assert char is not None
    code = ord(char.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"the {part} is not UTF-8 text (byte 0x{code - 0xDC00:02X}); percent-encode UTF-8"
    if 0xD800 <= code <= 0xDFFF:
        return f"the {part} holds a lone surrogate (U+{code:04X}), which is not text"
    return f"the {part} holds a control character (U+{code:04X}), which no parameter accepts"


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


def names(value: str) -> list[str]:
    """The items of a list of names (``sort``, ``fields``, ``include``, ``lang``): split at
    every comma (no escapes: a name holds no comma), ASCII spaces around each trimmed, empty
    items skipped."""
    return [item for item in (part.strip(" ") for part in value.split(",")) if item]


def merge_filters(filters: Sequence[Filter]) -> tuple[Filter, ...]:
    """One condition per field and operator, in the order first given: a repeat adds its
    values, as a comma list would (the first one's name is kept for errors)."""
    merged: dict[tuple[str, Op], Filter] = {}
    for flt in filters:
        key = (flt.field, flt.op)
        found = merged.get(key)
        if found is None:
            merged[key] = flt
        else:
            values = tuple(dict.fromkeys((*found.values, *flt.values)))
            merged[key] = Filter(flt.field, flt.op, values, found.param)
    return tuple(merged.values())


def _scalars(params: Sequence[tuple[str, str]], allowed: frozenset[str]) -> dict[str, str]:
    check_pairs(params)
    seen: dict[str, str] = {}
    for key, value in params:
        if not key:
            continue  # ``?=x`` or a stray ``&``: nothing is asked
        most = MAX_CHARS.get(key)
        if most is not None and len(value) > most:
            raise QueryError(key, f"is too long: at most {most} characters")
        name = "filter" if key.startswith("filter[") else key
        if name not in allowed:
            raise QueryError(key, "is not a parameter of this endpoint")
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
    if len(field) > MAX_FILTER_FIELD_CHARS:
        raise QueryError(key, f"names a field longer than {MAX_FILTER_FIELD_CHARS} characters")
    if len(value) > MAX_FILTER_VALUE_CHARS:
        raise QueryError(key, f"is too long: at most {MAX_FILTER_VALUE_CHARS} characters")
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


def _condition(condition: filterform.Condition) -> Filter:
    return Filter(condition.field, Op(condition.op), (condition.value,), filterform.PARAM)


def _field(name: str, param: str) -> str:
    if not valid_field(name):
        raise QueryError(param, f"{name!r} is not a field name (dotted names, no empty parts)")
    return name


def _sort(value: str) -> tuple[SortKey, ...]:
    keys: dict[str, SortKey] = {}
    items = names(value)
    if len(items) > MAX_SORT_KEYS:  # counted as written, repeats too (as the schema says)
        raise QueryError("sort", f"takes at most {MAX_SORT_KEYS} fields")
    for item in items:
        descending = item.startswith("-")
        name = item[1:].lstrip(" ") if item[0] in "+-" else item
        if name[:1] in ("+", "-"):
            raise QueryError("sort", f"{item[:40]!r} has more than one sign")
        name = _field(name, "sort")
        keys.setdefault(name, SortKey(name, descending))  # a later repeat cannot change the order
    return tuple(keys.values())


def _expand(params: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    written = [item for key, value in params if key == "expand" for item in names(value)]
    if len(written) > MAX_EXPAND:  # counted as written, repeats too (as the schema says)
        raise QueryError("expand", f"takes at most {MAX_EXPAND} paths")
    return tuple(dict.fromkeys(_field(item, "expand") for item in written))


def _split_sort(keys: tuple[SortKey, ...]) -> tuple[tuple[SortKey, ...], BacklinkSort]:
    """The list's own sort keys, and the ``referenced_by.COLLECTION.FIELD`` ones."""
    own: list[SortKey] = []
    backlinks: list[tuple[str, SortKey]] = []
    for key in keys:
        collection, _, field = key.field.removeprefix(BACKLINKS_PREFIX).partition(".")
        if key.field.startswith(BACKLINKS_PREFIX) and field:
            backlinks.append((collection, SortKey(field, key.descending)))
        else:
            own.append(key)  # ``referenced_by`` alone is a field like any other
    return tuple(own), tuple(backlinks)


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
