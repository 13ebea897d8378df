"""Every figure ``make bench`` is judged by, with its ceiling (or floor): one list, printed at
the end of the run and written at the top of ``docs/performance.md``.

A figure whose part did not run is left out; a part that ran without a figure it should
have (a changed result key) fails loudly here rather than disappearing from the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Results = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Target:
    part: str
    name: str
    read: Callable[[Results], float]
    limit: float
    at_least: bool  # a floor (ratios to a baseline); otherwise a ceiling
    unit: str = "x"

    def bound(self) -> str:
        sign = ">=" if self.at_least else "<="
        return f"{sign} {self.limit:g}{self.unit}"


@dataclass(frozen=True, slots=True)
class Figure:
    target: Target
    value: float

    @property
    def holds(self) -> bool:
        limit = self.target.limit
        return self.value >= limit if self.target.at_least else self.value <= limit

    def text(self) -> str:
        unit = self.target.unit
        return f"{self.value:,.2f}{unit}"


def _case(name: str) -> Callable[[Results], float]:
    def read(r: Results) -> float:
        [case] = [c for c in r["cases"] if c["name"] == name]
        return float(case["ratio"])

    return read


def _stalled(parser: str) -> Callable[[Results], float]:
    return lambda r: float(r[parser]["with_stalled"]["p99_ms"])


def _closed_after(parser: str) -> Callable[[Results], float]:
    def read(r: Results) -> float:
        found = r[parser]
        if found["stalled_closed"] < found["stalled_opened"]:
            return float("inf")  # some were never closed
        return float(max(found["all_closed_after_s"]))

    return read


TARGETS: tuple[Target, ...] = (
    Target(
        "throughput",
        "page detail, default settings / bare",
        _case("page detail, no headers"),
        0.90,
        True,
    ),
    Target(
        "throughput",
        "page detail from a browser on another origin / bare",
        _case("page detail from a browser"),
        0.90,
        True,
    ),
    Target(
        "throughput",
        "collection list from a browser / bare",
        _case("collection list from a browser"),
        0.90,
        True,
    ),
    Target(
        "throughput",
        "304 revalidation from a browser / bare",
        _case("revalidation (304) from a browser"),
        0.90,
        True,
    ),
    Target(
        "throughput",
        "access log on / off (page detail from a browser)",
        lambda r: float(r["access_log"]["ratio"]),
        0.90,
        True,
    ),
    Target(
        "coldstart",
        "20k documents: cold start, empty cache directory / Hugo",
        lambda r: float(r["cold_ratio"]),
        1.0,
        False,
    ),
    Target(
        "coldstart",
        "20k documents: cold start, no cache directory / Hugo",
        lambda r: float(r["default_ratio"]),
        1.0,
        False,
    ),
    Target(
        "coldstart",
        "20k documents: warm restart / Hugo",
        lambda r: float(r["warm_ratio"]),
        0.3,
        False,
    ),
    Target(
        "coldstart",
        "20k documents: first-touch p95",
        lambda r: float(r["first_touch"]["p95_ms"]),
        20.0,
        False,
        " ms",
    ),
    Target(
        "scale",
        "100k documents: list p50 / warm detail p50",
        lambda r: float(r["list_over_detail"]),
        3.0,
        False,
    ),
    Target(
        "scale",
        "100k documents: filter p50 / warm detail p50",
        lambda r: float(r["filter_over_detail"]),
        3.0,
        False,
    ),
    Target(
        "scale",
        "100k documents: search p50 (mixed words) / warm detail p50",
        lambda r: float(r["search_over_detail"]),
        10.0,
        False,
    ),
    Target(
        "scale",
        "100k documents: search p50 (two common words) / warm detail p50",
        lambda r: float(r["search_common_over_detail"]),
        5.0,
        False,
    ),
    Target(
        "scale", "100k documents: server RSS", lambda r: float(r["rss_mib"]), 1536.0, False, " MiB"
    ),
    Target(
        "references",
        "100k documents: expanded detail p50 / detail p50",
        lambda r: float(r["expanded_over_detail"]),
        2.0,
        False,
    ),
    Target(
        "events",
        "page detail with 1,000 event streams open / none (default heartbeat)",
        lambda r: float(r["idle"]["ratio"]),
        0.90,
        True,
    ),
    Target(
        "stalled",
        "p99 during 2,000 stalled connections (httptools)",
        _stalled("httptools"),
        100.0,
        False,
        " ms",
    ),
    Target(
        "stalled",
        "p99 during 2,000 stalled connections (h11)",
        _stalled("h11"),
        100.0,
        False,
        " ms",
    ),
    Target(
        "stalled",
        "all stalled connections closed (httptools)",
        _closed_after("httptools"),
        15.0,
        False,
        " s",
    ),
    Target(
        "stalled", "all stalled connections closed (h11)", _closed_after("h11"), 15.0, False, " s"
    ),
)


def figures(results: Results) -> list[Figure]:
    """The figures of the parts in ``results``, in the order of ``TARGETS``."""
    return [Figure(t, t.read(results[t.part])) for t in TARGETS if t.part in results]


def summary_lines(found: list[Figure]) -> list[str]:
    """Plain lines for the terminal: figure, bound, holds or not."""
    width = max((len(f.target.name) for f in found), default=0)
    lines = [
        f"{f.target.name:<{width}}  {f.text():>12}  {f.target.bound():<10}  "
        f"{'holds' if f.holds else 'DOES NOT HOLD'}"
        for f in found
    ]
    missed = sum(1 for f in found if not f.holds)
    lines.append(f"{len(found) - missed} of {len(found)} targets hold")
    return lines


def summary_table(found: list[Figure]) -> list[str]:
    """A markdown table of the same."""
    lines = ["| figure | measured | target | |", "|---|---:|---|---|"]
    for f in found:
        lines.append(
            f"| {f.target.name} | {f.text()} | {f.target.bound()} | "
            f"{'holds' if f.holds else '**does not hold**'} |"
        )
    return lines
