"""How values are typed: front-matter data on one side, query-string text on the other.

Data values are classified into kinds. A query value is then typed once per kind found in
the field, so ``"10"`` compares as a number with numeric data and as text with text, and two
values of different kinds are never compared (so nothing ever raises on mixed types).

Dates: the content model stores YAML dates as ISO 8601 strings, so a string datum that is an
ISO date or date-time counts as a date. It is indexed twice: as an instant (UTC seconds; a
date-only datum is midnight UTC, a date-time without offset is UTC) and as the calendar day
*as written* (the date part in the datum's own offset). A query date-time compares with the
instant. A query date-only value (``2020``, ``2020-06`` or ``2020-06-15``) denotes that whole
year, month or day, compared with the calendar day: ``eq 2020-06`` is any day in June 2020,
``gt 2020-06-15`` starts on the 16th, ``lte 2020-06-15`` includes all of the 15th.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from enum import IntEnum
from typing import Any, Final


class _Missing:
    """The value of a field a document does not have (distinct from a YAML ``null``)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Final = _Missing()


class Kind(IntEnum):
    """A kind of scalar; the value is also its place in a sort (numbers first, booleans last)."""

    NUMBER = 0
    INSTANT = 1  # a date or date-time, as UTC seconds
    STRING = 2  # a string that is not a date
    BOOL = 3
    DAY = 4  # the calendar day of a date as written, as a proleptic ordinal (filters only)
    ELEMENT = 5  # a string inside an array: ``contains`` means membership for these


_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_INTEGER = re.compile(r"[+-]?\d+")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DATETIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?\s*(Z|z|[+-]\d{2}:?\d{2})?"
)
_EPOCH = datetime(1970, 1, 1)
_MAX_DIGITS = 400  # int("1"*5000) raises in 3.11; no real number needs more


def is_present(value: Any) -> bool:
    """Whether a resolved value counts as there: missing and ``null`` both do not."""
    return value is not MISSING and value is not None


def scalars(value: Any) -> Iterator[Any]:
    """The scalars of a value: itself, or the elements of an array (nested arrays flattened).
    Objects and nulls are not scalars."""
    if isinstance(value, list | tuple):
        for item in value:
            yield from scalars(item)
    elif value is not None and value is not MISSING and not isinstance(value, dict):
        yield value


def data_keys(value: Any) -> set[tuple[Kind, Any]]:
    """The (kind, key) pairs a datum is indexed under for filters; each pair once."""
    keys: set[tuple[Kind, Any]] = set()
    in_array = isinstance(value, list | tuple)
    for item in scalars(value):
        if isinstance(item, bool):
            keys.add((Kind.BOOL, item))
        elif isinstance(item, int | float):
            if not (isinstance(item, float) and math.isnan(item)):
                keys.add((Kind.NUMBER, item))
        elif isinstance(item, datetime | date):
            moment = _as_datetime(item)
            keys.add((Kind.INSTANT, _instant(moment)))
            keys.add((Kind.DAY, moment.date().toordinal()))
        elif isinstance(item, str):
            dated = date_keys(item)
            if dated is not None:
                keys.add((Kind.INSTANT, dated[0]))
                keys.add((Kind.DAY, dated[1]))
            else:
                keys.add((Kind.ELEMENT if in_array else Kind.STRING, item))
    return keys


SortValue = tuple[Any, ...]


def sort_key(value: Any) -> SortValue | None:
    """Where a value goes in a sort, or None when it sorts as missing (always last).

    An array sorts by its first scalar. Kinds never compare with each other: numbers, then
    dates (by instant), then text (case-insensitively, then by code point), then booleans.
    """
    for item in scalars(value):
        if isinstance(item, bool):
            return (Kind.BOOL, item)
        if isinstance(item, int | float):
            return None if isinstance(item, float) and math.isnan(item) else (Kind.NUMBER, item)
        if isinstance(item, datetime | date):
            return (Kind.INSTANT, _instant(_as_datetime(item)))
        if isinstance(item, str):
            moment = data_datetime(item)
            if moment is not None:
                return (Kind.INSTANT, _instant(moment))
            return (Kind.STRING, item.casefold(), item)
        return None
    return None


def data_datetime(text: str) -> datetime | None:
    """A string datum as a datetime when it is an ISO 8601 date or date-time."""
    if len(text) < 10 or text[4] != "-" or text[7] != "-" or not text[:4].isdigit():
        return None  # the common case (ordinary text) leaves before any regex
    if len(text) == 10 or (len(text) >= 16 and text[10] in "T "):
        try:  # the shapes the loader writes, parsed in C
            moment = datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    match = _DATE.fullmatch(text)
    if match is not None:
        return _day_start(match)
    return _parse_datetime(text)


def date_keys(text: str) -> tuple[float, int] | None:
    """A string datum's instant and calendar day when it is a date."""
    moment = data_datetime(text)
    return None if moment is None else (_instant(moment), moment.toordinal())


def query_number(text: str) -> int | float | None:
    text = text.strip()
    if len(text) > _MAX_DIGITS or not _NUMBER.fullmatch(text):
        return None
    if _INTEGER.fullmatch(text):
        return int(text)
    number = float(text)
    return number if math.isfinite(number) else None


def query_bool(text: str) -> bool | None:
    lowered = text.strip().lower()
    if lowered == "true":
        return True
    if lowered == "false":
        return False
    return None


def query_instant(text: str) -> float | None:
    """A query date-time (with a time of day) as UTC seconds; without an offset it is UTC."""
    moment = _parse_datetime(text.strip())
    return None if moment is None else _instant(moment)


def query_days(text: str) -> tuple[int, int] | None:
    """A query year, month or day as the half-open range of day ordinals it covers."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        first = date(int(year), int(month or 1), int(day or 1))
    except ValueError:  # year 0, month 13, 31 February
        return None
    start = first.toordinal()
    if day is not None:
        return start, start + 1
    if month is not None:
        following_year, following_month = first.year + first.month // 12, first.month % 12 + 1
    else:
        following_year, following_month = first.year + 1, 1
    if following_year > date.max.year:
        return start, date.max.toordinal() + 1
    return start, date(following_year, following_month, 1).toordinal()


def _day_start(match: re.Match[str]) -> datetime | None:
    year, month, day = match.groups()
    if month is None or day is None:
        return None  # a bare year or year-month in the data is text, not a date
    try:
        return datetime(int(year), int(month), int(day), tzinfo=UTC)
    except ValueError:
        return None


def _parse_datetime(text: str) -> datetime | None:
    match = _DATETIME.fullmatch(text)
    if match is None:
        return None
    day, clock, fraction, offset = match.groups()
    iso = f"{day}T{clock}"
    if fraction:
        iso += "." + fraction[:6].ljust(6, "0")
    if offset and offset not in ("Z", "z"):
        iso += offset if ":" in offset else f"{offset[:3]}:{offset[3:]}"
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _as_datetime(value: datetime | date) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def _instant(moment: datetime) -> float:
    try:
        return moment.timestamp()
    except (OverflowError, ValueError):  # near year 1 or 9999: by hand
        offset = moment.utcoffset() or timedelta(0)
        return ((moment.replace(tzinfo=None) - _EPOCH) - offset).total_seconds()
