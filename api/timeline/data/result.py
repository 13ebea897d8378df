"""What loading timeline data gives: the data, and the problems found on the way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class DataProblem:
    """One problem in a data file.

    ``message`` stands alone ("row 7: Month: ..."; "events[2].start_date: ..."). ``line`` is the
    1-based line in the file where the row or field starts, or None when unknown. An ``error``
    means the row or item was left out (or, with ``data`` None, the whole file); a ``warning``
    means it was kept, possibly tidied.
    """

    code: str
    message: str
    line: int | None = None
    severity: Severity = "error"


@dataclass(frozen=True, slots=True)
class TimelineDataResult:
    """``data`` is TimelineJS JSON as plain dicts and lists, or None when nothing is usable."""

    data: dict[str, Any] | None
    problems: tuple[DataProblem, ...] = ()
    format: Literal["csv", "json", "yaml"] | None = None
