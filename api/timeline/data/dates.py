"""Date and time cells as TimelineJS 3 reads them from a sheet (DateUtil.js, TLDate.js).

Each function returns a dict of Date fields (values may still be strings; the Date model checks
ranges) or a message saying what is wrong.
"""

from __future__ import annotations

import re
from typing import Final

_PERIOD: Final = re.compile(r"\s*([AaPp])\.?\s*[Mm]\.?\s*$")
_NO_SEPARATORS: Final = re.compile(r"([0-9]{1,2})([0-9]{2})")
_DOTTED: Final = re.compile(r"([0-9]{1,2})\.([0-9]{2})")
# Old (v2) sheets have "Start Date"/"End Date" cells: a year, ISO 8601, or US m/d/yyyy.
_ISO: Final = re.compile(
    r"([+-]?[0-9]{1,9})(?:-([0-9]{1,2})(?:-([0-9]{1,2})"
    r"(?:[T ]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,3}))?)?"
    r"(?:Z|[+-][0-9:]{2,5})?)?)?)?"
)
_US: Final = re.compile(r"([0-9]{1,2})/(?:([0-9]{1,2})/)?(-?[0-9]{1,9})")
_CLOCK: Final = re.compile(r"([0-9]{1,2})(?::([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,3}))?)?)?")

DateParts = dict[str, str]


def parse_time(text: str) -> DateParts | str:
    """``13:45``, ``1:45 PM``, ``1345``, ``13.45``, ``13:45:30.5`` -> hour/minute/second/ms."""
    period = None
    if match := _PERIOD.search(text):
        period = match.group(1).lower()
        text = text[: match.start()]
    text = text.strip()
    match = _NO_SEPARATORS.fullmatch(text) or _DOTTED.fullmatch(text) or _CLOCK.fullmatch(text)
    if match is None:
        return f"{text!r} is not a time such as 13:45 or 1:45 PM"
    minute, second, fraction = (*match.groups(), None, None)[1:4]
    hour_number = int(match.group(1))  # every pattern starts with the hour
    if period == "p" and hour_number != 12:
        hour_number += 12
    elif period == "a" and hour_number == 12:
        hour_number = 0
    parts = {"hour": str(hour_number)}
    if minute is not None:
        parts["minute"] = minute
    if second is not None:
        parts["second"] = second
    if fraction is not None:
        parts["millisecond"] = str(int(fraction.ljust(3, "0")))
    return parts


def parse_legacy_date(text: str) -> DateParts | str:
    """A v2 sheet's Start Date / End Date cell."""
    cleaned = text.strip()
    if match := _ISO.fullmatch(cleaned):
        names = ("year", "month", "day", "hour", "minute", "second", "millisecond")
        return {n: v.lstrip("+") for n, v in zip(names, match.groups(), strict=True) if v}
    date_part, _, time_part = cleaned.partition(" ")
    if match := _US.fullmatch(date_part):
        month, day, year = match.groups()
        parts = {"year": year, "month": month} | ({"day": day} if day else {})
        if not time_part.strip():
            return parts
        clock = parse_time(time_part)
        return clock if isinstance(clock, str) else parts | clock
    return f"{cleaned!r} is not a date such as 1998-07-17, 7/17/1998 or 1998"


def days_in_month(year: int, month: int) -> int:
    """Proleptic Gregorian, astronomical years (year 0 is 1 BCE, a leap year), as JS Date."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31
