"""Jekyll's date filters over the date values front matter and data hold."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any


class RubyTime(datetime):
    """A date-time that Liquid writes as Jekyll writes a Ruby ``Time``:
    ``2026-12-01 13:51:01 +0000`` (``{{ site.time }}``, ``{{ page.date }}``)."""

    def __str__(self) -> str:
        return self.strftime("%Y-%m-%d %H:%M:%S ") + (self.strftime("%z") or "+0000")

    @classmethod
    def of(cls, value: datetime) -> RubyTime:
        return cls.fromtimestamp(value.timestamp(), value.tzinfo or UTC)


def as_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, tz=UTC)
    if isinstance(value, str) and value.strip():
        text = value.strip().replace("Z", "+00:00")
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
        for pattern in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S", "%d %b %Y", "%B %d, %Y"):
            try:
                return datetime.strptime(value.strip(), pattern)
            except ValueError:
                continue
    return None


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 13:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }".replace(" ", "")


def _stringify(value: Any, month: str, kind: str | None, style: str | None) -> Any:
    moment = as_datetime(value)
    if moment is None:
        return value
    month_name = moment.strftime(month)
    if kind == "ordinal":
        day = _ordinal(moment.day)
        if style == "US":
            return f"{month_name} {day}, {moment.year}"
        return f"{day} {month_name} {moment.year}"
    return f"{moment.day:02d} {month_name} {moment.year}"


def date_to_string(value: Any, kind: str | None = None, style: str | None = None) -> Any:
    """``07 Nov 2008``; ``7th Nov 2008`` with ``"ordinal"``; ``Nov 7th, 2008`` with ``"US"``."""
    return _stringify(value, "%b", kind, style)


def date_to_long_string(value: Any, kind: str | None = None, style: str | None = None) -> Any:
    return _stringify(value, "%B", kind, style)


def date_to_xmlschema(value: Any) -> Any:
    moment = as_datetime(value)
    if moment is None:
        return value
    return moment.isoformat() if moment.tzinfo else moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def date_to_rfc822(value: Any) -> Any:
    moment = as_datetime(value)
    if moment is None:
        return value
    return moment.strftime("%a, %d %b %Y %H:%M:%S ") + (moment.strftime("%z") or "+0000")
