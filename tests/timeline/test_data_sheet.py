"""CSV in the Google Sheet template's columns (current and v2), with row-numbered problems."""

from __future__ import annotations

import pytest

from api.timeline.data import DataProblem, load_timeline_data, validate_timeline_json

HEADER = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
    "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background,Alt Text\n"
)


def load(text: str, name: str = "t.csv") -> tuple[dict[str, object] | None, list[DataProblem]]:
    result = load_timeline_data(text.encode("utf-8"), name)
    assert result.format == "csv"
    return result.data, list(result.problems)


def where(problems: list[DataProblem]) -> list[tuple[str, int | None, str]]:
    return [(p.code, p.line, p.severity) for p in problems]


def test_the_template_becomes_timelinejs_json() -> None:
    data, problems = load(
        HEADER
        + ",,,,,,,,,A title,Intro,https://example.org/a.jpg,Me,A caption,,title,,#ffeedd,\n"
        + "1998,7,17,,2002,7,1,,,An era,,,,,,era,,,\n"
        + '1998,7,17,10:30 AM,,,,,,"Adopted","Text, with a comma",,,,,,Statute,,\n'
        + "-500,,,,,,,,About 500 BCE,Ancient,,https://example.org/v,,,,,,https://example.org/bg.jpg,\n"
    )
    assert problems == []
    assert data == {
        "title": {
            "text": {"headline": "A title", "text": "Intro"},
            "media": {"url": "https://example.org/a.jpg", "credit": "Me", "caption": "A caption"},
            "background": {"color": "#ffeedd"},
        },
        "eras": [
            {
                "start_date": {"year": 1998, "month": 7, "day": 17},
                "end_date": {"year": 2002, "month": 7, "day": 1},
                "text": {"headline": "An era"},
            }
        ],
        "events": [
            {
                "start_date": {"year": 1998, "month": 7, "day": 17, "hour": 10, "minute": 30},
                "text": {"headline": "Adopted", "text": "Text, with a comma"},
                "group": "Statute",
            },
            {
                "start_date": {"year": -500},
                "text": {"headline": "Ancient"},
                "media": {"url": "https://example.org/v"},
                "display_date": "About 500 BCE",
                "background": {"url": "https://example.org/bg.jpg"},
            },
        ],
    }
    assert validate_timeline_json(data) == ()


def test_problems_name_the_row_and_the_column() -> None:
    data, problems = load(
        HEADER
        + "2001,13,1,,,,,,,Bad month,,,,,,,,,\n"  # row 2
        + "2001,2,29,,,,,,,No such day,,,,,,,,,\n"  # row 3
        + "2001,1,1,,,,,,,,No headline,,,,,,,,\n"  # row 4
        + "2001,1,1,,,,,,,An era without an end,,,,,,era,,,\n"  # row 5
        + ",5,,,,,,,,Month without year,,,,,,,,,\n"  # row 6
        + "2001,1,1,25:00,,,,,,Bad hour,,,,,,,,,\n"  # row 7
        + "2001,1,1,noon,,,,,,Bad time,,,,,,,,,\n"  # row 8
        + "2001,,,,,,,,,Fine,,,,,,,,,\n"  # row 9
    )
    assert data is not None and len(data["events"]) == 1  # type: ignore[arg-type]
    assert where(problems) == [
        ("invalid-date", 2, "error"),
        ("invalid-date", 3, "error"),
        ("missing-headline", 4, "error"),
        ("missing-date", 5, "error"),
        ("missing-date", 6, "error"),
        ("invalid-date", 7, "error"),
        ("invalid-date", 8, "error"),
    ]
    messages = [p.message for p in problems]
    assert messages[0].startswith("row 2: Month:")
    assert "29" in messages[1] and "28 days" in messages[1]
    assert messages[2] == "row 4: Headline: a headline is required"
    assert messages[3].startswith("row 5: End Date") or messages[3].startswith("row 5: End ")
    assert messages[5].startswith("row 7: Time:")


def test_lines_follow_multi_line_cells() -> None:
    _, problems = load(
        HEADER + '2001,1,1,,,,,,,Fine,"two\nlines",,,,,,,,\n2001,13,1,,,,,,,Bad,,,,,,,,,\n'
    )
    ((message, line),) = [(p.message, p.line) for p in problems]
    assert message.startswith("row 3:")  # the spreadsheet's row
    assert line == 4  # the file's line


def test_old_v2_columns() -> None:
    data, problems = load(
        "Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,"
        "Type,Tag\n"
        "7/17/1998,,Adopted,,,,,,,Statute\n"
        "2002-07-01,2002-07-02 13:00,In force,,,,,,,\n"
        "1998,2002,An era,,,,,,era,\n"
        "17 July 1998,,Bad,,,,,,,\n"
    )
    assert data == {
        "events": [
            {
                "start_date": {"year": 1998, "month": 7, "day": 17},
                "text": {"headline": "Adopted"},
                "group": "Statute",
            },
            {
                "start_date": {"year": 2002, "month": 7, "day": 1},
                "end_date": {"year": 2002, "month": 7, "day": 2, "hour": 13, "minute": 0},
                "text": {"headline": "In force"},
            },
        ],
        "eras": [
            {
                "start_date": {"year": 1998},
                "end_date": {"year": 2002},
                "text": {"headline": "An era"},
            }
        ],
    }
    assert [(p.code, p.line) for p in problems] == [("invalid-date", 5)]
    assert problems[0].message.startswith("row 5: Start Date:")


def test_warnings_keep_the_row() -> None:
    data, problems = load(
        "Year,Headline,Type,Colour,Media Caption\n"
        "2001,First title,title,,\n"
        "2002,Second title,title,,\n"
        "2003,Odd type,milestone,,\n"
        "2004,Caption only,,,a caption\n"
        "2006,Backwards,,,\n"
    )
    assert data is not None
    assert [e["text"]["headline"] for e in data["events"]] == [  # type: ignore[attr-defined]
        "Second title",
        "Odd type",
        "Caption only",
        "Backwards",
    ]
    assert where(problems) == [
        ("csv-unknown-column", 1, "warning"),
        ("multiple-titles", 3, "warning"),
        ("unknown-type", 4, "warning"),
        ("media-without-url", 5, "warning"),
    ]


def test_end_before_start_is_a_warning() -> None:
    _, problems = load("Year,End Year,Headline\n2005,2001,Backwards\n")
    assert where(problems) == [("date-order", 2, "warning")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "data-shape"),
        ("\n\n", "data-shape"),
        ("Year,Text\n2001,x\n", "csv-missing-column"),
        ("Headline,Text\nx,y\n", "csv-missing-column"),
        ("Year,Headline\n", "no-events"),
        ("Year,Headline\n2001,\n", "no-events"),
    ],
)
def test_unusable_sheets(text: str, code: str) -> None:
    data, problems = load(text)
    assert data is None
    assert problems[-1].code == code


def test_header_names_are_matched_loosely() -> None:
    data, problems = load(" year ,HEADLINE,end  year\n2001,Hi,2002\n")
    assert problems == []
    assert data == {
        "events": [
            {"start_date": {"year": 2001}, "end_date": {"year": 2002}, "text": {"headline": "Hi"}}
        ]
    }


def test_numbers_as_sheets_write_them() -> None:
    data, _ = load('Year,Month,Headline\n" 1,998 ",07,Hi\n')
    assert data == {
        "events": [{"start_date": {"year": 1998, "month": 7}, "text": {"headline": "Hi"}}]
    }


def test_windows_1252_is_read_with_a_warning() -> None:
    result = load_timeline_data("Year,Headline\n2001,Café – crème\n".encode("cp1252"), "t.csv")
    assert result.data == {
        "events": [{"start_date": {"year": 2001}, "text": {"headline": "Café – crème"}}]
    }
    assert [(p.code, p.severity) for p in result.problems] == [("data-encoding", "warning")]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_marks(encoding: str) -> None:
    result = load_timeline_data("Year,Headline\n2001,Ünïcode\n".encode(encoding), "t.CSV")
    assert result.problems == ()
    assert result.data is not None


def test_excel_line_endings() -> None:
    data, problems = load("Year,Headline\r\n2001,One\r\n2002,Two\r\n")
    assert problems == [] and data is not None and len(data["events"]) == 2  # type: ignore[arg-type]
