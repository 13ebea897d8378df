"""The figures `make bench` is judged by: each read from its part's results, against its
bound, and the report's table made from them (no timing here: fixed results)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from bench.__main__ import render_report
from bench.targets import TARGETS, figures, summary_lines

CASES = [
    "page detail, no headers",
    "page detail from a browser",
    "collection list from a browser",
    "revalidation (304) from a browser",
]
THROUGHPUT: dict[str, Any] = {
    "cases": [
        {
            "name": name,
            "request": "GET /x",
            "api_rps": 950.0,
            "bare_rps": 1000.0,
            "ratio": 0.95,
            "api_p99_ms": 1.0,
            "bare_p99_ms": 1.0,
            "errors": 0,
        }
        for name in CASES
    ],
    "access_log": {"logged_rps": 9.0, "quiet_rps": 10.0, "ratio": 0.9, "lines_written": 5},
    "rounds": 3,
    "seconds": 8,
    "connections": 32,
}
PARSER = {
    "no_stalled": {"requests": 10, "p50_ms": 1.0, "p99_ms": 3.0},
    "with_stalled": {"requests": 10, "p50_ms": 2.0, "p99_ms": 40.0},
    "stalled_opened": 6000,
    "stalled_closed": 6000,
    "all_closed_after_s": [10.2, 10.4, 10.1],
}
STALLED = {"httptools": PARSER, "h11": PARSER, "bench_seconds": 100.0}


def test_each_figure_is_read_and_judged_against_its_bound() -> None:
    found = {f.target.name: f for f in figures({"throughput": THROUGHPUT, "stalled": STALLED})}
    assert len(found) == sum(1 for t in TARGETS if t.part in ("throughput", "stalled"))
    assert all(f.holds for f in found.values())
    assert found["access log on / off (page detail from a browser)"].value == 0.9  # at the floor
    slower = copy.deepcopy(THROUGHPUT)
    slower["cases"][3]["ratio"] = 0.89
    [missed] = [f for f in figures({"throughput": slower}) if not f.holds]
    assert missed.target.name == "304 revalidation from a browser / bare"
    lines = summary_lines(figures({"throughput": slower}))
    assert lines[-1] == "4 of 5 targets hold"
    assert any("0.89x" in line and ">= 0.9x" in line and "DOES NOT HOLD" in line for line in lines)


def test_a_stalled_connection_never_closed_fails_its_target() -> None:
    leaky = {**PARSER, "stalled_closed": 5999}
    found = figures({"stalled": {"httptools": leaky, "h11": PARSER}})
    assert [f.target.name for f in found if not f.holds] == [
        "all stalled connections closed (httptools)"
    ]


def test_ceilings_hold_at_and_below_the_bound() -> None:
    cold = {
        "cold_ratio": 1.0,
        "default_ratio": 1.01,
        "warm_ratio": 0.31,
        "first_touch": {"p95_ms": 19.9},
    }
    verdicts = {f.target.name: f.holds for f in figures({"coldstart": cold})}
    assert verdicts == {
        "20k documents: cold start, empty cache directory / Hugo": True,
        "20k documents: cold start, no cache directory / Hugo": False,
        "20k documents: warm restart / Hugo": False,
        "20k documents: first-touch p95": True,
    }


def test_a_part_missing_a_figure_fails_loudly() -> None:
    broken = {**THROUGHPUT, "access_log": {}}
    with pytest.raises(KeyError):
        figures({"throughput": broken})


def test_the_report_opens_with_the_table_and_describes_the_stalled_bench() -> None:
    report = render_report({"throughput": THROUGHPUT, "stalled": STALLED})
    table = report.index("## Every figure against its target")
    assert table < report.index("## (a) Throughput")
    assert "| page detail, default settings / bare | 0.95x | >= 0.9x | holds |" in report
    assert "| h11 | 1.00 ms | 3.00 ms | 2.00 ms | **40.00 ms** | 10.2 s, 10.4 s, 10.1 s" in report
