"""TimelineJS JSON and YAML files: item-level problems with paths and lines; YAML read safely."""

from __future__ import annotations

import json
import time

import pytest

from api.timeline.data import load_timeline_data

VALID = {
    "title": {"text": {"headline": "Milestones", "text": "<p>Intro</p>"}},
    "events": [
        {
            "start_date": {"year": "1998", "month": "7", "day": "17"},
            "text": {"headline": "Adopted"},
            "media": {"url": "https://example.org/a.jpg", "caption": "Rome"},
            "group": "Statute",
            "unique_id": "adopted",
        },
        {
            "start_date": {"year": 2002, "month": 7, "day": 1, "display_date": "1 July 2002"},
            "end_date": {"year": 2002, "month": 7, "day": 2, "hour": 9, "minute": 30},
            "text": {"headline": "In force"},
            "background": {"color": "#123456"},
            "autolink": False,
        },
    ],
    "eras": [
        {
            "start_date": {"year": 1998},
            "end_date": {"year": 2002},
            "text": {"headline": "Ratification"},
        }
    ],
    "scale": "human",
}


def test_valid_json_is_normalised() -> None:
    result = load_timeline_data(json.dumps(VALID).encode(), "t.json")
    assert result.format == "json"
    assert result.problems == ()
    assert result.data is not None
    assert result.data["events"][0]["start_date"] == {"year": 1998, "month": 7, "day": 17}
    assert "scale" not in result.data  # human is the default; only cosmological is sent
    assert result.data["events"][1]["autolink"] is False


def test_item_problems_have_paths_and_lines() -> None:
    text = """{
  "events": [
    {"start_date": {"year": 2001}, "text": {"headline": "Fine"}},
    {"start_date": {"year": 2001, "month": 13}, "text": {"headline": "Bad"}},
    {"text": {"headline": "No date"}},
    {"start_date": {"year": 2001}, "text": {"headline": "Extra"}, "colour": "red"}
  ],
  "eras": [{"start_date": {"year": 1}, "text": {"headline": "Open"}}],
  "sparkles": true
}"""
    result = load_timeline_data(text.encode(), "t.json")
    assert result.data is not None
    assert [e["text"]["headline"] for e in result.data["events"]] == ["Fine", "Extra"]
    assert "eras" not in result.data
    assert [(p.code, p.line, p.severity) for p in result.problems] == [
        ("unknown-field", 9, "warning"),
        ("invalid-date", 4, "error"),
        ("missing-date", 5, "error"),
        ("unknown-field", 6, "warning"),
        ("missing-date", 8, "error"),
    ]
    messages = [p.message for p in result.problems]
    assert messages[1] == "events[1]: start_date.month: must be at most 12 (got '13')"
    assert messages[4] == "eras[0]: end_date.year is required"


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ('{"events": [', "data-syntax", 1),
        ('{\n  "events": [\n    {"start_date": }\n  ]\n}', "data-syntax", 3),
        ("[]", "data-shape", 1),
        ('{"title": {"text": {"headline": "x"}}}', "data-shape", None),
        ('{"events": []}', "no-events", None),
        ("1" * 5000, "data-syntax", None),
        ("[" * 100_000 + "]" * 100_000, "data-syntax", None),
    ],
)
def test_unusable_json(text: str, code: str, line: int | None) -> None:
    result = load_timeline_data(text.encode(), "t.json")
    assert result.data is None
    assert result.problems[-1].code == code
    if line is not None:
        assert result.problems[0].line == line


YAML = """\
title:
  text:
    headline: Milestones
events:
  - start_date: {year: 1998, month: 7, day: 17}
    text: {headline: Adopted}
    display_date: 1998-07-17
  - start_date:
      year: 2002
      month: 2
      day: 30
    text:
      headline: Impossible day
eras:
  - start_date: {year: 1998}
    end_date: {year: 2002}
    text: {headline: Ratification}
"""


def test_yaml_has_the_same_shape_and_line_numbers() -> None:
    result = load_timeline_data(YAML.encode(), "t.yaml")
    assert result.format == "yaml"
    assert result.data is not None
    (event,) = result.data["events"]
    assert event["display_date"] == "1998-07-17"  # a YAML date, served as text
    ((code, line),) = [(p.code, p.line) for p in result.problems]
    assert (code, line) == ("invalid-date", 9)


def test_yml_extension() -> None:
    assert load_timeline_data(YAML.encode(), "T.YML").format == "yaml"


def test_yaml_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    lines.append("events: *a11")
    started = time.perf_counter()
    result = load_timeline_data("\n".join(lines).encode(), "bomb.yaml")
    assert time.perf_counter() - started < 5
    assert result.data is None
    assert [p.code for p in result.problems] == ["data-too-complex"]


def test_recursive_yaml_is_refused() -> None:
    result = load_timeline_data(b"events: &e [*e]\n", "t.yaml")
    assert result.data is None
    assert [p.code for p in result.problems] == ["data-too-complex"]


def test_deep_yaml_is_refused() -> None:
    text = "".join(f"{'  ' * i}k:\n" for i in range(60)) + "  " * 60 + "v\n"
    result = load_timeline_data(text.encode(), "t.yaml")
    assert result.data is None
    assert [p.code for p in result.problems] == ["data-too-complex"]


@pytest.mark.parametrize(
    "text",
    [
        "!!python/object/apply:os.system ['echo owned']",
        "events: !!python/name:os.system",
        "events: [!!binary 'aGVsbG8=']",
        "a: 1\n---\nb: 2\n",
        "events: [\n",
        "\t- tab",
    ],
)
def test_unsafe_or_broken_yaml_is_a_problem(text: str) -> None:
    result = load_timeline_data(text.encode(), "t.yaml")
    assert result.data is None
    assert result.problems


def test_empty_yaml() -> None:
    result = load_timeline_data(b"# nothing\n", "t.yaml")
    assert result.data is None and [p.code for p in result.problems] == ["data-shape"]


@pytest.mark.parametrize(
    ("raw", "name", "code"),
    [
        (b"{}", "timeline.txt", "data-format"),
        (b"{}", "timeline", "data-format"),
        (b" " * (2 * 1024 * 1024 + 1), "big.json", "data-too-large"),
    ],
)
def test_files_that_are_not_read(raw: bytes, name: str, code: str) -> None:
    result = load_timeline_data(raw, name)
    assert result.data is None and [p.code for p in result.problems] == [code]


def test_a_windows_path_name_still_decides_the_format() -> None:
    assert load_timeline_data(b"Year,Headline\n1,a\n", r"_data\timelines\x.csv").format == "csv"
