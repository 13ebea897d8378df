"""Dates as Jekyll reads them from front matter and file names."""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from typing import Any

from api.content.yamlsafe import aware, midnight

# Jekyll's DATE_FILENAME_MATCHER: a date, a dash, the rest of the name.
FILENAME_DATE = re.compile(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^./]+)$")
_LOOSE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$"
)


def parse_date(value: Any, tz: tzinfo | None) -> datetime | None:
    """A front-matter date as an aware datetime, or None when it is not a date."""
    if isinstance(value, datetime):
        return aware(value, tz)
    if isinstance(value, date):
        return midnight(value, tz)
    if isinstance(value, str):
        return parse_date_text(value.strip(), tz)
    return None


def parse_date_text(text: str, tz: tzinfo | None) -> datetime | None:
    match = _LOOSE.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    try:
        iso = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
        iso += f"T{int(hour or 0):02d}:{minute or '00'}:{second or '00'}"
        if fraction:
            iso += "." + fraction[:6].ljust(6, "0")
        if offset:
            iso += "+00:00" if offset in ("Z", "z") else _offset(offset)
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return aware(parsed, tz)


def _offset(text: str) -> str:
    sign, digits = text[0], text[1:].replace(":", "")
    digits = digits.ljust(4, "0")
    return f"{sign}{digits[:2]}:{digits[2:]}"


def filename_date(name: str, tz: tzinfo | None) -> tuple[datetime | None, str | None]:
    """The date and slug in ``2020-01-31-title.md``, or (None, None)."""
    match = FILENAME_DATE.match(name)
    if match is None:
        return None, None
    return parse_date_text(match.group(1), tz), match.group(2)
