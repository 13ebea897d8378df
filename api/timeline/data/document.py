"""A whole timeline document: parsed JSON/YAML checked item by item, and the final assembly."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from api.timeline.data.models import Era, Slide, TimelineData
from api.timeline.data.result import DataProblem
from api.timeline.data.validate import Checker, Loc, Origin, dotted

LineMap = Mapping[Loc, int]
_TOP_LEVEL: Final = frozenset({"events", "title", "eras", "scale"})


def assemble(
    checker: Checker, title: Slide | None, events: list[Slide], eras: list[Era], scale: str | None
) -> dict[str, Any] | None:
    """The TimelineJS JSON, or None (with a problem) when no event survived."""
    if not events:
        checker.report(
            "no-events", "there are no usable events, so TimelineJS would show nothing", None
        )
        return None
    data = TimelineData(
        events=events,
        title=title,
        eras=eras or None,
        scale="cosmological" if scale == "cosmological" else None,
    )
    dumped: dict[str, Any] = data.model_dump(mode="json")
    return dumped


def from_object(
    value: object, lines: LineMap | None = None
) -> tuple[dict[str, Any] | None, list[DataProblem]]:
    """Check parsed JSON or YAML (TimelineJS JSON format) item by item."""
    checker = Checker()
    if not isinstance(value, dict):
        checker.report(
            "data-shape",
            "the data must be an object with an events list",
            1 if lines is not None else None,
        )
        return None, checker.problems

    def line_of(path: Loc) -> int | None:
        if lines is None:
            return None
        for end in range(len(path), -1, -1):
            if path[:end] in lines:
                return lines[path[:end]]
        return None

    def origin(*prefix: str | int) -> Origin:
        return Origin(
            dotted(prefix),
            line_of(prefix),
            dotted,
            lambda loc: line_of((*prefix, *loc)),
        )

    for key in value:
        if key not in _TOP_LEVEL:
            message = f"{str(key)[:40]!r} is not a TimelineJS field; it was left out"
            checker.report("unknown-field", message, line_of((str(key),)), "warning")
    scale = value.get("scale")
    if scale is not None and scale not in ("human", "cosmological"):
        checker.report(
            "invalid-field",
            "scale must be human or cosmological; human is used",
            line_of(("scale",)),
            "warning",
        )
        scale = None
    checker.scale = scale if isinstance(scale, str) else "human"
    title = None
    if value.get("title") is not None:
        checked = checker.item(value["title"], "title", origin("title"))
        title = checked if isinstance(checked, Slide) else None
    events: list[Slide] = []
    raw_events = value.get("events")
    if not isinstance(raw_events, list):
        checker.report("data-shape", "events must be a list of events", line_of(("events",)))
        return None, checker.problems
    for index, raw in enumerate(raw_events):
        event = checker.item(raw, "event", origin("events", index))
        if isinstance(event, Slide):
            events.append(event)
    eras: list[Era] = []
    raw_eras = value.get("eras")
    if raw_eras is not None and not isinstance(raw_eras, list):
        checker.report(
            "data-shape", "eras must be a list of eras; they were left out", line_of(("eras",))
        )
    for index, raw in enumerate(raw_eras if isinstance(raw_eras, list) else []):
        era = checker.item(raw, "era", origin("eras", index))
        if isinstance(era, Era):
            eras.append(era)
    return assemble(
        checker, title, events, eras, scale if isinstance(scale, str) else None
    ), checker.problems


def validate_timeline_json(value: object) -> tuple[DataProblem, ...]:
    """Every way ``value`` departs from TimelineJS JSON (and from the issue's rules).

    Empty means valid; warnings count too, so a clean file gives nothing at all.
    """
    return tuple(from_object(value)[1])
