"""Checking timeline data item by item, so that one bad row costs one event, not the timeline.

The pydantic models say what the format allows; this module adds the rules of the issue
(an event needs a date and a headline, an era both dates) and turns every complaint into a
DataProblem that says where it is.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from pydantic import ValidationError

from api.timeline.data.models import Era, Slide
from api.timeline.data.result import DataProblem, Severity

Role = Literal["title", "event", "era"]
Loc = tuple[str | int, ...]

# JavaScript dates reach about 271,821 years either side of 1970; beyond that TimelineJS
# needs the cosmological scale.
HUMAN_YEAR_LIMIT: Final = 271_000


def dotted(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an item came from: ``where`` prefixes messages ("row 7", "events[3]")."""

    where: str
    line: int | None = None
    label: Callable[[Loc], str] = dotted
    line_of: Callable[[Loc], int | None] | None = None


@dataclass(slots=True)
class Checker:
    scale: str = "human"
    problems: list[DataProblem] = field(default_factory=list)

    def report(
        self, code: str, message: str, line: int | None, severity: Severity = "error"
    ) -> None:
        self.problems.append(DataProblem(code, message, line, severity))

    def item(self, raw: object, role: Role, origin: Origin) -> Slide | Era | None:
        """The validated slide or era, or None (with problems) when it has to be left out."""
        if not isinstance(raw, dict):
            self.report("invalid-field", f"{origin.where}: must be an object", origin.line)
            return None
        model: type[Slide | Era] = Era if role == "era" else Slide
        checked = self._validate(model, raw, origin)
        if checked is None:
            return None
        return checked if self._rules(checked, role, origin) else None

    def _validate(
        self, model: type[Slide | Era], raw: dict[str, Any], origin: Origin
    ) -> Slide | Era | None:
        try:
            return model.model_validate(raw)
        except ValidationError as error:
            errors = error.errors(include_url=False)
        unknown = [e["loc"] for e in errors if e["type"] == "extra_forbidden"]
        if len(unknown) < len(errors):
            for e in errors:
                if e["type"] != "extra_forbidden":
                    self._report_error(e, origin)
            return None
        pruned = copy.deepcopy(raw)
        for loc in unknown:
            message = (
                f"{origin.where}: {origin.label(loc)} is not a TimelineJS field; it was left out"
            )
            self.report("unknown-field", message, self._line(origin, loc), "warning")
            _delete(pruned, loc)
        try:
            return model.model_validate(pruned)
        except ValidationError as error:  # cannot happen once the unknown fields are gone
            for e in error.errors(include_url=False):
                self._report_error(e, origin)
            return None

    def _rules(self, item: Slide | Era, role: Role, origin: Origin) -> bool:
        headline = item.text.headline if item.text is not None else None
        if isinstance(item, Slide) and role == "event":
            if item.start_date is None:
                self._missing(origin, ("start_date",), "a start date is required")
                return False
            if not (headline or "").strip():
                self._missing(
                    origin, ("text", "headline"), "a headline is required", "missing-headline"
                )
                return False
        if isinstance(item, Era) and not (headline or "").strip():
            message = f"{origin.where}: this era has no headline, so its band will be unlabelled"
            self.report("missing-headline", message, origin.line, "warning")
        dates = [d for d in (item.start_date, item.end_date) if d is not None]
        if self.scale == "human" and any(abs(d.year) > HUMAN_YEAR_LIMIT for d in dates):
            message = (
                f"{origin.where}: a year beyond {HUMAN_YEAR_LIMIT:,} needs the cosmological scale"
            )
            self.report("invalid-date", message, origin.line)
            return False
        start, end = item.start_date, item.end_date
        if start is not None and end is not None and end.sort_key() < start.sort_key():
            message = f"{origin.where}: the end date is before the start date"
            self.report("date-order", message, origin.line, "warning")
        return True

    def _missing(self, origin: Origin, loc: Loc, text: str, code: str = "missing-date") -> None:
        message = f"{origin.where}: {origin.label(loc)}: {text}"
        self.report(code, message, self._line(origin, loc))

    def _report_error(self, error: Mapping[str, Any], origin: Origin) -> None:
        loc: Loc = tuple(error["loc"])
        is_date = bool(loc) and loc[0] in ("start_date", "end_date")
        missing = error["type"] == "missing"
        code = ("missing-date" if missing else "invalid-date") if is_date else "invalid-field"
        if missing and len(loc) == 1 and is_date:
            # A whole date is missing: point at its first column (Year / End Year).
            loc = (*loc, "year")
        where = origin.label(loc)
        explained = _explain(error)
        text = f"{where}{' ' if missing else ': '}{explained}" if where else explained
        self.report(code, f"{origin.where}: {text}", self._line(origin, loc))

    @staticmethod
    def _line(origin: Origin, loc: Loc) -> int | None:
        found = origin.line_of(loc) if origin.line_of is not None else None
        return found if found is not None else origin.line


_PLAIN: Final[dict[str, str]] = {
    "missing": "is required",
    "string_type": "must be text",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "dict_type": "must be an object",
    "list_type": "must be a list",
}


def _explain(error: Mapping[str, Any]) -> str:
    """Say what pydantic found in words an editor uses, with the value when it helps."""
    kind, context = str(error["type"]), error.get("ctx") or {}
    if kind in _PLAIN:
        text = _PLAIN[kind]
    elif kind in ("greater_than_equal", "less_than_equal") and context:
        bound = context.get("ge", context.get("le"))
        text = f"must be at {'least' if kind == 'greater_than_equal' else 'most'} {bound}"
    else:
        text = str(error["msg"]).removeprefix("Value error, ")
    value = error.get("input")
    if isinstance(value, int) and not -(10**15) < value < 10**15:
        value = "a very large number"  # str() of a huge int raises
    if kind != "missing" and isinstance(value, str | int | float) and not isinstance(value, bool):
        shown = repr(str(value)[:40])
        if shown not in text:
            text += f" (got {shown})"
    return text


def _delete(value: object, loc: Loc) -> None:
    for part in loc[:-1]:
        if isinstance(value, dict) and isinstance(part, str):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
            value = value[part]
        else:
            return
    if isinstance(value, dict) and loc:
        value.pop(loc[-1], None)
