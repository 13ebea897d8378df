"""The TimelineJS JSON validator, and the example data the project ships."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from api.timeline.data import TimelineData, load_timeline_data, validate_timeline_json

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "content" / "_data" / "timelines" / "icc-milestones.csv"

MINIMAL: dict[str, Any] = {"events": [{"start_date": {"year": 2002}, "text": {"headline": "x"}}]}


def with_event(**event: object) -> dict[str, Any]:
    return {"events": [{"start_date": {"year": 2002}, "text": {"headline": "x"}, **event}]}


def codes(value: object) -> list[str]:
    return [p.code for p in validate_timeline_json(value)]


def test_valid_documents() -> None:
    assert codes(MINIMAL) == []
    assert codes({**MINIMAL, "scale": "cosmological", "title": {"media": {"url": "x"}}}) == []
    big_bang = {"start_date": {"year": -13_800_000_000}, "text": {"headline": "Big bang"}}
    assert codes({"events": [big_bang], "scale": "cosmological"}) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([], ["data-shape"]),
        ({}, ["data-shape"]),
        ({"events": "x"}, ["data-shape"]),
        ({"events": []}, ["no-events"]),
        ({"events": [1]}, ["invalid-field", "no-events"]),
        ({"events": [{"text": {"headline": "x"}}]}, ["missing-date", "no-events"]),
        ({"events": [{"start_date": {"year": 2002}}]}, ["missing-headline", "no-events"]),
        (with_event(end_date={"year": 2002, "month": 2, "day": 29}), ["invalid-date", "no-events"]),
        (with_event(start_date={"year": 2000, "month": 2, "day": 29}), []),
        (with_event(start_date={"year": 2002, "day": 3}), ["invalid-date", "no-events"]),
        (with_event(start_date={"year": True}), ["invalid-date", "no-events"]),
        (with_event(start_date={"year": 2002.5}), ["invalid-date", "no-events"]),
        (with_event(start_date={"year": 300_000}), ["invalid-date", "no-events"]),
        (with_event(media={"caption": "no url"}), ["invalid-field", "no-events"]),
        (with_event(autolink="sometimes"), ["invalid-field", "no-events"]),
        (with_event(colour="red"), ["unknown-field"]),
        (with_event(end_date={"year": 1990}), ["date-order"]),
        ({**MINIMAL, "eras": [{"start_date": {"year": 1}}]}, ["missing-date"]),
        ({**MINIMAL, "eras": [{"start_date": {"year": 1}, "end_date": {"year": 2}}]},
         ["missing-headline"]),
        ({**MINIMAL, "eras": {"start_date": 1}}, ["data-shape"]),
        ({**MINIMAL, "scale": "geological"}, ["invalid-field"]),
        ({**MINIMAL, "title": "A title"}, ["invalid-field"]),
        ({**MINIMAL, "meta": {}}, ["unknown-field"]),
    ],
)  # fmt: skip
def test_invalid_documents(value: object, expected: list[str]) -> None:
    assert codes(value) == expected


def test_models_are_the_response_schema() -> None:
    schema = TimelineData.model_json_schema(mode="serialization")
    assert schema["required"] == ["events"]
    date = schema["$defs"]["Date"]
    assert date["properties"]["month"] == {
        "default": None, "description": "1-12.", "maximum": 12, "minimum": 1, "title": "Month",
        "type": "integer",
    }  # fmt: skip
    assert date["required"] == ["year"]
    assert TimelineData.model_validate(MINIMAL).model_dump(mode="json") == MINIMAL


def test_the_example_data_loads_cleanly_and_validates() -> None:
    result = load_timeline_data(EXAMPLE.read_bytes(), EXAMPLE.name)
    assert result.problems == ()
    data = result.data
    assert data is not None
    assert validate_timeline_json(data) == ()
    assert validate_timeline_json(json.loads(json.dumps(data))) == ()
    assert data["title"]["text"]["headline"] == "The International Criminal Court: milestones"
    assert len(data["events"]) >= 10
    headlines = {e["text"]["headline"]: e["start_date"] for e in data["events"]}
    assert headlines["Rome Statute adopted"] == {"year": 1998, "month": 7, "day": 17}
    assert headlines["The Statute enters into force"] == {"year": 2002, "month": 7, "day": 1}
    assert [era["text"]["headline"] for era in data["eras"]] == [
        "From adoption to entry into force"
    ]


# Valid documents, built from the format's rules, survive loading unchanged.
dates = st.builds(
    lambda y, m, d: {"year": y, "month": m, "day": d},
    st.integers(-5000, 5000),
    st.integers(1, 12),
    st.integers(1, 28),
)
# No control or line-separator characters: YAML itself folds some of them (NEL becomes a space).
printable = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"))
headlines = st.text(printable, min_size=1).filter(str.strip)
events = st.builds(lambda d, h: {"start_date": d, "text": {"headline": h}}, dates, headlines)


@settings(max_examples=100)
@given(st.lists(events, min_size=1, max_size=5))
def test_valid_data_round_trips(items: list[dict[str, Any]]) -> None:
    document = {"events": items}
    assert validate_timeline_json(document) == ()
    as_json = json.dumps(document).encode()
    as_yaml = yaml.safe_dump(document, allow_unicode=True).encode()
    for name, raw in (("t.json", as_json), ("t.yaml", as_yaml)):
        result = load_timeline_data(raw, name)
        assert result.problems == ()
        assert result.data == document


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
slide_keys = st.sampled_from(["start_date", "end_date", "text", "media", "group", "autolink"])
near_miss = st.fixed_dictionaries(
    {"events": st.lists(st.dictionaries(slide_keys, json_like), max_size=3)},
    optional={"eras": json_like, "title": json_like, "scale": json_like},
)


@settings(max_examples=200)
@given(st.one_of(json_like, near_miss))
def test_the_validator_never_raises(value: object) -> None:
    for problem in validate_timeline_json(value):
        assert problem.code and problem.message


@settings(max_examples=200, deadline=None)  # charset detection of noise is slow
@given(st.binary(max_size=400), st.sampled_from(["t.csv", "t.json", "t.yaml"]))
def test_loading_any_bytes_never_raises(raw: bytes, name: str) -> None:
    result = load_timeline_data(raw, name)
    if result.data is not None:
        assert validate_timeline_json(result.data) == ()


@settings(max_examples=200)
@given(st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=6))
def test_loading_any_sheet_never_raises(rows: list[list[str]]) -> None:
    header = "Year,Month,Day,Time,End Year,Headline,Type,Media,Background\n"
    body = "\n".join(",".join(json.dumps(c) for c in row) for row in rows)
    result = load_timeline_data((header + body).encode(), "t.csv")
    if result.data is not None:
        assert validate_timeline_json(result.data) == ()
