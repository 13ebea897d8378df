"""``make bench``: every benchmark in one run, written to ``docs/performance.md``.

``python -m bench [render] [throughput] [coldstart] [scale] [references] [events] [stalled]``
runs some parts only (the report then holds only those). The run ends with every figure next
to its target (``bench/targets.py``), and the report starts with the same table.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sys
import time
from typing import Any

from bench.common import CORPUS, ROOT, machine
from bench.targets import figures, summary_lines, summary_table
from bench.throughput import PAGE

PARTS = ("render", "throughput", "coldstart", "scale", "references", "events", "stalled")
TARGETS = {
    "throughput": "with the default settings, page detail, and the page detail, collection "
    "list and 304 revalidation of a browser on another origin, each at least 0.90 of a bare "
    "Starlette app replaying the same status, headers and bytes; the access log costs at most "
    "10%",
    "coldstart": "cold start (empty cache directory) at most 1.0x Hugo's build, warm restart "
    "at most 0.3x; first-touch p95 at most 20 ms",
    "scale": (
        "list and filter p50 at most 3x detail p50, search at most 10x, search for two "
        "common words at most 5x, RSS at most 1.5 GiB"
    ),
    "references": "an expanded page detail p50 at most 2x a plain page detail p50",
    "stalled": "p99 under 100 ms while 2,000 connections stall, every one of them closed "
    "within 15 s",
    "events": "page detail with 1,000 event streams open at least 0.90 of it with none",
}


def main(argv: list[str]) -> int:
    parts = [p for p in argv if p in PARTS] or list(PARTS)
    if not CORPUS.is_dir():
        print(f"the benchmarks need the shared corpus at {CORPUS}", file=sys.stderr)
        return 2
    results: dict[str, Any] = {}
    for part in parts:
        started = time.perf_counter()
        print(f"== {part}", flush=True)
        results[part] = importlib.import_module(f"bench.{part}").run()
        results[part]["bench_seconds"] = round(time.perf_counter() - started, 1)
        print(json.dumps(results[part], indent=2, default=str), flush=True)
    report = render_report(results)
    out = ROOT / "docs" / "performance.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report, encoding="utf-8")
    (ROOT / "docs" / "performance.json").write_text(
        json.dumps(results, indent=2, default=str) + "\n"
    )
    print(f"wrote {out.relative_to(ROOT)}")
    print("\n".join(["", "== targets", *summary_lines(figures(results))]), flush=True)
    return 0


def _f(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}"


def _runs(values: list[float]) -> str:
    return ", ".join(_f(x) for x in values)


def _row(name: str, r: dict[str, Any], key: str, ratio: float) -> str:
    p50, p90 = r[f"{key}_p50_ms"], r[f"{key}_p90_ms"]
    return f"| {name} | {_f(p50)} ms | {_f(ratio)} | {_f(p90)} ms |"


def render_report(results: dict[str, Any]) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Performance",
        "",
        f"Measured {now} by `make bench` (`bench/`) on {machine()}.",
        "Every figure is compared with a baseline measured in the same run, with loads in",
        "turn; a busy machine still moves ratios by tens of percent, so re-run on a quiet one",
        "to refresh this page. `make profile` draws flame graphs of a loaded server (py-spy).",
        "",
        "## Every figure against its target",
        "",
        *summary_table(figures(results)),
        "",
        "How each is measured is in the section below that names it.",
        "",
    ]
    if "render" in results:
        r = results["render"]
        lines += [
            "## Rendering",
            "",
            "Markdown (kramdown dialect) and Liquid to HTML over every non-empty page of the",
            "aba-icc corpus, in one process:",
            "",
            f"- **{_f(r['pages_per_second'], 0)} pages per second** "
            f"({_f(r['ms_per_page'])} ms a page, {int(r['pages'])} pages, best of several "
            "passes);",
            f"- plain markdown-it-py (CommonMark, no Liquid) on the same pages: "
            f"{_f(r['baseline_markdown_it_pages_per_second'], 0)} pages per second, so the "
            f"dialect runs at {_f(r['ratio_to_baseline'])} of its speed.",
            "",
            f"Code highlighting (Rouge's tokens, {int(r['highlight_blocks'])} golden samples in "
            f"{len([k for k in r if k.endswith('_ratio_to_pygments')]) - 1} languages): "
            f"**{_f(r['highlight_us_per_block'], 0)} µs a block**, "
            f"{_f(r['highlight_ratio_to_pygments'])} of the time Pygments takes for the same "
            "blocks (the highlighter used before); per language: "
            + ", ".join(
                f"{k.removeprefix('highlight_').removesuffix('_ratio_to_pygments')} {_f(v)}"
                for k, v in sorted(r.items())
                if k.endswith("_ratio_to_pygments") and k != "highlight_ratio_to_pygments"
            )
            + ".",
            "",
        ]
    if "throughput" in results:
        r = results["throughput"]
        log = r["access_log"]
        lines += [
            "## (a) Throughput as browsers get it, against bare Starlette",
            "",
            f"Target: {TARGETS['throughput']}.",
            "",
            "The API runs as `content-api serve` with its defaults (access log on, written to a "
            "file). Each request is measured against a bare Starlette app on the same uvicorn "
            "(httptools, uvloop, one process) replaying the very status, headers and bytes the "
            "API answered to it. wrk with 1 thread and "
            f"{r['connections']} connections, {r['rounds']} alternating rounds of "
            f"{r['seconds']} s; medians. Browser headers: `Origin` (another origin), "
            "`Accept-Encoding: gzip, deflate, br`, and `If-None-Match` for the revalidation.",
            "",
            "| request | API req/s | bare req/s | **API/bare** | API p99 | bare p99 |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for case in r["cases"]:
            lines.append(
                f"| {case['name']} (`{case['request']}`) | {_f(case['api_rps'], 0)} | "
                f"{_f(case['bare_rps'], 0)} | **{_f(case['ratio'])}** | "
                f"{_f(case['api_p99_ms'])} ms | {_f(case['bare_p99_ms'])} ms |"
            )
        errors = int(sum(case["errors"] for case in r["cases"]))
        lines += [
            "",
            f"Non-2xx/3xx responses: {errors}. The access log's own cost (page detail from a "
            f"browser, with the log against `--no-access-log`): {_f(log['logged_rps'], 0)} "
            f"against {_f(log['quiet_rps'], 0)} req/s, **{_f(log['ratio'])}** "
            f"({log['lines_written']:,} lines written).",
            "",
        ]
    if "coldstart" in results:
        r = results["coldstart"]
        runs = r["runs"]
        touch, built = r["first_touch"], r["first_touch_built"]
        lines += [
            "## (b) Start-up against Hugo, first touch, and (c) memory",
            "",
            f"Target: {TARGETS['coldstart']}.",
            "",
            f"27 copies of the aba-icc site: {r['markdown_files']:,} markdown files, "
            f"{r['documents']:,} documents served. Hugo builds the same {r['hugo_documents']:,} "
            "documents with layouts that output only the content; the API is timed from "
            "process start to its first 200 on `/readyz` (polled every 25 ms). Each run times "
            "Hugo, then the API with no cache directory, with an empty one (which it fills: the "
            "image of the load is kept 5 s after ready), and restarted on that filled one "
            "(which decodes the image while a child hashes every file to confirm it). "
            "Medians.",
            "",
            "| | seconds | / Hugo | runs |",
            "|---|---:|---:|---|",
            f"| hugo | {_f(r['hugo_s'])} | 1.00 | {_runs(runs['hugo'])} |",
            f"| API, cold, no cache directory | {_f(r['default_s'])} | "
            f"{_f(r['default_ratio'])} | {_runs(runs['default'])} |",
            f"| API, cold, empty cache directory | {_f(r['cold_s'])} | "
            f"**{_f(r['cold_ratio'])}** | {_runs(runs['cold'])} |",
            f"| API, warm restart from the cache | {_f(r['warm_s'])} | "
            f"**{_f(r['warm_ratio'])}** | {_runs(runs['warm'])} |",
            "",
            "First requests for the HTML of 300 random pages right after ready: on a cold "
            f"start (each page rendered on its first request) p50 {_f(touch['p50_ms'])} ms, "
            f"**p95 {_f(touch['p95_ms'])} ms**, max {_f(touch['max_ms'])} ms; on a warm start "
            f"from a directory filled by `content-api cache build` "
            f"({_f(r['cache_build_s'], 1)} s) p50 {_f(built['p50_ms'])} ms, "
            f"p95 {_f(built['p95_ms'])} ms, max {_f(built['max_ms'])} ms.",
            "",
            f"Memory (RSS): {_f(touch['rss_ready_mib'], 0)} MiB when ready, "
            f"{_f(touch['rss_after_mib'], 0)} MiB after those requests.",
            "",
        ]
    if "scale" in results:
        r = results["scale"]
        lines += [
            f"## Queries at {r['documents']:,} documents",
            "",
            f"Target: {TARGETS['scale']}.",
            "",
            "Generated documents (five collections; country, date, order, score, tags; text "
            "drawn from a 20,000-word vocabulary with Zipf's law). Every list, filter and "
            "search URL measured is distinct, so each response is computed; page detail is "
            "measured on pages already served once. Lists: a collection, one of four sorts, "
            "a deep offset. Filters: a country; a number range and a boolean; a tag and a "
            "date range. Searches: a known item, one word, two words, a prefix in one "
            "collection (words drawn uniformly from the vocabulary). One keep-alive client, "
            "sequential requests.",
            "",
            "| request | p50 | p50 / detail p50 | p90 |",
            "|---|---:|---:|---:|",
            _row("page detail", r, "detail", 1.0),
            _row("list (collection, sort, deep offset)", r, "list", r["list_over_detail"]),
            _row("front-matter filter", r, "filter", r["filter_over_detail"]),
            _row("search", r, "search", r["search_over_detail"]),
            _row("search, two common words", r, "search_common", r["search_common_over_detail"]),
            "",
            f"Common words (the corpus's 20 most frequent, every pair): {r['common_words']}.",
            "",
            f"Ready in {_f(r['ready_s'])} s; indexes for the measured fields and the search "
            f"index built in {_f(r['warmup_s'])} s after that. "
            f"**Server RSS: {_f(r['rss_mib'], 0)} MiB.**",
            "",
        ]
    if "references" in results:
        lines += _references(results["references"])
    if "events" in results:
        lines += _events(results["events"])
    if "stalled" in results:
        lines += _stalled(results["stalled"])
    return "\n".join(lines)


def _stalled(r: dict[str, Any]) -> list[str]:
    lines = [
        "## Ordinary requests while 2,000 connections stall",
        "",
        f"Target: {TARGETS['stalled']}.",
        "",
        "The API with its default settings on the aba-icc corpus, once per HTTP parser. "
        "Sequential page-detail requests (half on a kept-alive connection, half on new ones) "
        "for 6 s with no stalled connection, then for 6 s while 2,000 connections that sent "
        "half a request line are open (the 10 s header deadline closes them); three rounds in "
        "turn, then a last quiet one.",
        "",
        "| parser | p50 quiet | p99 quiet | p50 stalled | **p99 stalled** | all closed after |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for parser, found in r.items():
        if not isinstance(found, dict):
            continue  # bench_seconds
        quiet, during = found["no_stalled"], found["with_stalled"]
        lines.append(
            f"| {parser} | {_f(quiet['p50_ms'])} ms | {_f(quiet['p99_ms'])} ms | "
            f"{_f(during['p50_ms'])} ms | **{_f(during['p99_ms'])} ms** | "
            f"{', '.join(f'{x:g} s' for x in found['all_closed_after_s'])} "
            f"({found['stalled_closed']:,} of {found['stalled_opened']:,}) |"
        )
    return [*lines, ""]


def _events(r: dict[str, Any]) -> list[str]:
    idle, woken = r["idle"], r["woken"]

    def rows(m: dict[str, Any], name: str) -> list[str]:
        return [
            f"| {name}, no stream | {_f(m['rps_without'], 0)} | {_f(m['p50_without_ms'])} ms "
            f"| {_f(m['p99_without_ms'])} ms | |",
            f"| {name}, {int(m['subscribers']):,} streams | {_f(m['rps_with'], 0)} "
            f"| {_f(m['p50_with_ms'])} ms | {_f(m['p99_with_ms'])} ms | **{_f(m['ratio'])}** |",
        ]

    return [
        "## Event streams",
        "",
        f"Target: {TARGETS['events']}.",
        "",
        f"`GET {PAGE}` on the aba-icc corpus, wrk with 1 thread and {idle['connections']} "
        f"connections, {idle['rounds']} rounds of {idle['seconds']} s each with no stream open "
        f"and with {int(idle['subscribers']):,} `/api/v1/events` streams held open (the order "
        "alternating from round to round); medians. Measured with the default heartbeat "
        f"({_f(idle['heartbeat_s'], 0)} s: the streams idle between versions) and with "
        "heartbeats every second (the server wakes a thousand streams every second).",
        "",
        "| | requests/s | p50 latency | p99 latency | with/without |",
        "|---|---:|---:|---:|---:|",
        *rows(idle, f"heartbeat {_f(idle['heartbeat_s'], 0)} s"),
        *rows(woken, f"heartbeat {_f(woken['heartbeat_s'], 0)} s"),
        "",
        f"Requests per second in each round, without / with: "
        f"{_runs(idle['rps_without_runs'])} / {_runs(idle['rps_with_runs'])} (default "
        f"heartbeat); {_runs(woken['rps_without_runs'])} / {_runs(woken['rps_with_runs'])} "
        f"(every second). Non-2xx responses: {int(idle['errors'] + woken['errors'])}.",
        "",
    ]


def _references(r: dict[str, Any]) -> list[str]:
    return [
        f"## References at {r['documents']:,} documents",
        "",
        f"Target: {TARGETS['references']}.",
        "",
        "Generated like the aba-icc site: countries, accused (with a country), cases (a "
        "country and one to three accused), events and charges (a case and an accused; 1% "
        "name a case that does not exist). Each page measured was served once first. "
        "`expand=country,accuseds,referenced_by` on 300 random cases: the first request for "
        "each URL computes the expansion (country, accused and the events and charges that "
        "name the case, as page summaries); the second is served from the response cache. "
        "Plain and expanded requests alternate. Countries with `expand=referenced_by`: every "
        "case and accused that names them. One keep-alive client, sequential requests.",
        "",
        "| request | p50 | p50 / detail p50 | p90 |",
        "|---|---:|---:|---:|",
        _row("page detail", r, "detail", 1.0),
        _row("case, expanded, first request", r, "expanded_first", r["expanded_first_over_detail"]),
        _row("case, expanded, again", r, "expanded", r["expanded_over_detail"]),
        _row(
            f"country with its backlinks ({r['country_backlinks']} for the first), first request",
            r,
            "country_first",
            r["country_first_over_detail"],
        ),
        "",
        f"Ready in {_f(r['ready_s'])} s, references resolved; "
        f"{r['dangling_references']:,} dangling references reported. "
        f"**Server RSS: {_f(r['rss_mib'], 0)} MiB.**",
        "",
    ]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
