"""Dates as Jekyll reads them from front matter and file names."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from api.content.yamlsafe import aware, midnight

# Jekyll's DATE_FILENAME_MATCHER: a date, a dash, the rest of the name.
FILENAME_DATE = re.compile(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^./]+)$")
_LOOSE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?"
    r"(?:(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})|(\s.*))?$",
    re.S,
)
_ZONE_WORD = re.compile(r"(?<!\S)(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|[A-Za-z]{1,5})(?!\S)")
# Zone names Ruby's Time.parse knows, as hours from UTC (a part of Ruby's zone table).
_ZONES = {
    "z": 0, "ut": 0, "utc": 0, "gmt": 0, "wet": 0, "west": 1, "bst": 1, "cet": 1, "cest": 2,
    "met": 1, "mest": 2, "eet": 2, "eest": 3, "msk": 3, "ist": 5.5, "jst": 9, "kst": 9,
    "hkt": 8, "sgt": 8, "awst": 8, "acst": 9.5, "aest": 10, "aedt": 11, "nzst": 12,
    "nzdt": 13, "hst": -10, "akst": -9, "akdt": -8, "pst": -8, "pdt": -7, "mst": -7,
    "mdt": -6, "cst": -6, "cdt": -5, "est": -5, "edt": -4, "ast": -4, "adt": -3,
}  # fmt: skip


def parse_date(value: Any, tz: tzinfo | None) -> datetime | None:
    """A document's date as Jekyll holds it: an aware datetime in the site's timezone.

    Jekyll parses the date's text with Ruby's ``Time.parse`` and takes its local time, so a
    date written with another offset is moved into ``timezone`` (UTC when the site sets
    none), and so are its URL's ``:year``, ``:month`` and ``:day``. None when it is no date.
    """
    if isinstance(value, datetime):
        return aware(value, tz).astimezone(tz or UTC)
    if isinstance(value, date):
        return midnight(value, tz)
    if isinstance(value, str):
        parsed = parse_date_text(value.strip(), tz)
        return None if parsed is None else parsed.astimezone(tz or UTC)
    return None


def parse_date_text(text: str, tz: tzinfo | None) -> datetime | None:
    """``YYYY-MM-DD[ HH:MM[:SS[.frac]]]`` and a zone, read as Ruby's ``Time.parse`` reads it.

    What follows the time is looked through for an offset or a zone name (``-0800``,
    ``+09:00``, ``UTC``, ``PST``) and otherwise ignored; without one the time is ``tz``'s.
    """
    match = _LOOSE.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, offset, rest = match.groups()
    if rest is not None:
        offset = _zone_in(rest)
    try:
        iso = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
        iso += f"T{int(hour or 0):02d}:{minute or '00'}:{second or '00'}"
        if fraction:
            iso += "." + fraction[:6].ljust(6, "0")
        if offset:
            iso += _offset(offset)
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz or UTC)


def _zone_in(text: str) -> str | None:
    for found in _ZONE_WORD.finditer(text):
        word = found.group(1)
        if word[0] in "+-" or word.lower() in _ZONES:
            return word
    return None


def _offset(text: str) -> str:
    hours = _ZONES.get(text.lower())
    if hours is not None:
        minutes = round(abs(hours) * 60)
        return f"{'-' if hours < 0 else '+'}{minutes // 60:02d}:{minutes % 60:02d}"
    sign, digits = text[0], text[1:].replace(":", "")
    digits = digits.ljust(4, "0")
    return f"{sign}{digits[:2]}:{digits[2:]}"


def filename_date(name: str, tz: tzinfo | None) -> tuple[datetime | None, str | None]:
    """The date and slug in ``2020-01-31-title.md``, or (None, None)."""
    match = FILENAME_DATE.match(name)
    if match is None:
        return None, None
    return parse_date_text(match.group(1), tz), match.group(2)
