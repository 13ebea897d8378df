"""A CSV with the TimelineJS Google Sheet template's columns, read as TimelineJS 3 reads it.

Both templates are understood: the current one (Year, Month, Day, Time, End Year, ...) and
the old v2 one (Start Date, End Date, ..., Tag). As in v3 (ConfigFactory.js), a sheet with a
Start Date or End Date column is an old one. Rows are numbered as in the spreadsheet (the
header is row 1), and each problem also gives the file line where its row starts.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from typing import Any, Final, NamedTuple

from api.timeline.data.dates import parse_legacy_date, parse_time
from api.timeline.data.document import assemble
from api.timeline.data.models import Era, Slide
from api.timeline.data.result import DataProblem
from api.timeline.data.validate import Checker, Loc, Origin, Role

V3_COLUMNS: Final = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background", "Alt Text",
)  # fmt: skip
V2_COLUMNS: Final = (
    "Start Date", "End Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Tag",
)  # fmt: skip
MAX_ROWS: Final = 10_000
_KNOWN: Final = {" ".join(c.lower().split()): c for c in (*V3_COLUMNS, *V2_COLUMNS)}
_DATE_FIELDS: Final = {"year": "Year", "month": "Month", "day": "Day"}
_FIELD_COLUMNS: Final[dict[Loc, str]] = {
    ("text", "headline"): "Headline",
    ("text", "text"): "Text",
    ("media", "url"): "Media",
    ("media", "credit"): "Media Credit",
    ("media", "caption"): "Media Caption",
    ("media", "thumbnail"): "Media Thumbnail",
    ("media", "alt"): "Alt Text",
    ("display_date",): "Display Date",
    ("background",): "Background",
}
_MEDIA_COLUMNS: Final = {
    "url": "Media",
    "credit": "Media Credit",
    "caption": "Media Caption",
    "thumbnail": "Media Thumbnail",
    "alt": "Alt Text",
}
# v3's interpretBackground: http(s), protocol- or site-relative means an image, else a colour.
_IMAGE: Final = re.compile(r"^(https?:)?//?")


def read_sheet(text: str) -> tuple[dict[str, Any] | None, list[DataProblem]]:
    checker = Checker()
    reader = csv.reader(io.StringIO(text, newline=""))
    columns: dict[int, str] | None = None
    width = 0
    legacy = False
    title: Slide | None = None
    events: list[Slide] = []
    eras: list[Era] = []
    line = 1
    try:
        for row_number, record in enumerate(reader, start=1):
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if columns is None:
                columns, width = _header(record, start, checker), len(record)
                if columns is None:
                    return None, checker.problems
                legacy = bool({"Start Date", "End Date"} & set(columns.values()))
                continue
            if row_number > MAX_ROWS:
                message = (
                    f"row {row_number}: only {MAX_ROWS:,} rows are read; the rest were left out"
                )
                checker.report("too-many-rows", message, start)
                break
            if len(record) > width and any(c.strip() for c in record[width:]):
                message = f"row {row_number}: cells beyond the last named column were ignored"
                checker.report("csv-extra-cells", message, start, "warning")
            cells = {name: record[i].strip() for i, name in columns.items() if i < len(record)}
            origin = Origin(f"row {row_number}", start, _labeller(legacy, "Tag" in cells))
            raw, kind = _row(cells, legacy, origin, checker)
            if raw is None:
                continue
            if kind == "title" and title is not None:
                message = f"row {row_number}: a second title row; it is shown as an event"
                checker.report("multiple-titles", message, start, "warning")
                kind = "event"
            item = checker.item(raw, kind, origin)
            if isinstance(item, Era):
                eras.append(item)
            elif isinstance(item, Slide) and kind == "title":
                title = item
            elif isinstance(item, Slide):
                events.append(item)
    except csv.Error as error:
        checker.report("data-syntax", f"not readable as CSV: {error}", line)
        return None, checker.problems
    if columns is None:
        checker.report("data-shape", "the CSV is empty", 1)
        return None, checker.problems
    return assemble(checker, title, events, eras, None), checker.problems


def _header(record: list[str], line: int, checker: Checker) -> dict[int, str] | None:
    columns: dict[int, str] = {}
    for index, cell in enumerate(record):
        name = _KNOWN.get(" ".join(cell.lower().split()))
        if name is None:
            if cell.strip():
                message = f"column {cell.strip()[:40]!r} is not a TimelineJS column; it was ignored"
                checker.report("csv-unknown-column", message, line, "warning")
        elif name in columns.values():
            checker.report(
                "csv-duplicate-column",
                f"column {name!r} appears twice; the first is used",
                line,
                "warning",
            )
        else:
            columns[index] = name
    names = set(columns.values())
    missing = [] if "Headline" in names else ["Headline"]
    if not names & {"Year", "Start Date"}:  # a current or an old (v2) sheet
        missing.append("Year")
    if missing:
        message = (
            f"the header row has no {' or '.join(missing)} column; the first row must hold the "
            "TimelineJS template's column names"
        )
        checker.report("csv-missing-column", message, line)
        return None
    return columns


def _row(
    cells: dict[str, str], legacy: bool, origin: Origin, checker: Checker
) -> tuple[dict[str, Any] | None, Role]:
    written = cells.get("Type", "").lower()
    kind: Role = "title" if written == "title" else ("era" if written == "era" else "event")
    if written not in ("", "title", "era"):
        message = (
            f"{origin.where}: Type {cells['Type'][:40]!r} is not title or era; the row is an event"
        )
        checker.report("unknown-type", message, origin.line, "warning")
    raw: dict[str, Any] = {}
    for field, prefix in (("start_date", ""), ("end_date", "End ")):
        date = _legacy_date(cells, prefix) if legacy else _date(cells, prefix)
        if isinstance(date, DateError):
            checker.report(date.code, f"{origin.where}: {date.message}", origin.line)
            return None, kind
        if date:
            raw[field] = date
    text = {
        k: v
        for k, v in (("headline", cells.get("Headline", "")), ("text", cells.get("Text", "")))
        if v
    }
    if text:
        raw["text"] = text
    if kind != "era":  # an era is its dates and headline; v3 ignores its other cells
        raw |= _slide_cells(cells, origin, checker)
    return raw, kind


def _slide_cells(cells: dict[str, str], origin: Origin, checker: Checker) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    media = {key: cells.get(column, "") for key, column in _MEDIA_COLUMNS.items()}
    if media["url"]:
        raw["media"] = {k: v for k, v in media.items() if v}
    elif any(media.values()):
        message = f"{origin.where}: media details without a Media URL were ignored"
        checker.report("media-without-url", message, origin.line, "warning")
    if group := cells.get("Group") or cells.get("Tag"):
        raw["group"] = group
    if display_date := cells.get("Display Date"):
        raw["display_date"] = display_date
    if background := cells.get("Background"):
        kind = "url" if _IMAGE.match(background) else "color"
        raw["background"] = {kind: background}
    return raw


class DateError(NamedTuple):
    code: str
    message: str


def _date(cells: dict[str, str], prefix: str) -> dict[str, str] | DateError | None:
    parts = {key: cells.get(prefix + column, "") for key, column in _DATE_FIELDS.items()}
    time = cells.get(prefix + "Time", "")
    if not parts["year"]:
        if parts["month"] or parts["day"] or time:
            given = f"{prefix}Month, {prefix}Day or {prefix}Time"
            return DateError("missing-date", f"{prefix}Year is required when {given} is given")
        return None
    date = {k: v for k, v in parts.items() if v}
    if time:
        clock = parse_time(time)
        if isinstance(clock, str):
            return DateError("invalid-date", f"{prefix}Time: {clock}")
        date |= clock
    return date


def _legacy_date(cells: dict[str, str], prefix: str) -> dict[str, str] | DateError | None:
    column = "Start Date" if not prefix else "End Date"
    value = cells.get(column, "")
    if not value:
        return None
    parsed = parse_legacy_date(value)
    return DateError("invalid-date", f"{column}: {parsed}") if isinstance(parsed, str) else parsed


def _labeller(legacy: bool, tag: bool) -> Callable[[Loc], str]:
    """Name fields as the sheet's columns, so a message points at the cell to fix."""

    def label(loc: Loc) -> str:
        if loc and loc[0] in ("start_date", "end_date"):
            prefix = "" if loc[0] == "start_date" else "End "
            if legacy:
                return "Start Date" if not prefix else "End Date"
            field = loc[1] if len(loc) > 1 else None
            if field in _DATE_FIELDS:
                return prefix + _DATE_FIELDS[str(field)]
            if field in ("hour", "minute", "second", "millisecond"):
                return prefix + "Time"
            return f"{prefix}Year/{prefix}Month/{prefix}Day"
        if loc[:1] == ("group",):
            return "Tag" if tag else "Group"
        return _FIELD_COLUMNS.get(
            tuple(loc[:2]), _FIELD_COLUMNS.get(tuple(loc[:1]), ".".join(map(str, loc)))
        )

    return label
