"""``make bench``: every benchmark in one run, written to ``docs/performance.md``.

``python -m bench [render] [throughput] [coldstart] [scale] [references] [events]`` runs
some parts only (the report then holds only those).
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sys
import time
from typing import Any

from bench.common import CORPUS, ROOT, machine
from bench.throughput import PAGE

PARTS = ("render", "throughput", "coldstart", "scale", "references", "events")
TARGETS = {
    "throughput": "page detail at least 0.80 of a bare Starlette app's requests per second",
    "coldstart": "time to ready at most 1.5x Hugo's build; first-touch p95 at most 20 ms",
    "scale": (
        "list and filter p50 at most 3x detail p50, search at most 10x, search for two "
        "common words at most 5x, RSS at most 1.5 GiB"
    ),
    "references": "an expanded page detail p50 at most 2x a plain page detail p50",
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
        "Every figure is compared with a baseline measured in the same run. Re-run to refresh",
        "this page; `make profile` draws flame graphs of a loaded server (py-spy).",
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
        lines += [
            "## (a) Throughput: page detail against bare Starlette",
            "",
            f"Target: {TARGETS['throughput']}.",
            "",
            f"`GET {PAGE}` ({r['body_bytes']} bytes) against a bare Starlette app returning "
            "the same bytes, both on the same uvicorn (httptools, uvloop, one process), wrk "
            f"with 1 thread and {r['connections']} connections, {r['rounds']} alternating "
            f"rounds of {r['seconds']} s; medians.",
            "",
            "| | requests/s | p99 latency |",
            "|---|---:|---:|",
            f"| content API | {_f(r['api_rps'], 0)} | {_f(r['api_p99_ms'])} ms |",
            f"| bare Starlette | {_f(r['bare_rps'], 0)} | {_f(r['bare_p99_ms'])} ms |",
            "",
            f"**Ratio API/bare: {_f(r['ratio'])}.** Non-2xx responses: {int(r['errors'])}.",
            "",
        ]
    if "coldstart" in results:
        r = results["coldstart"]
        lines += [
            "## (b) Cold start against Hugo, first touch, and (c) memory",
            "",
            f"Target: {TARGETS['coldstart']}.",
            "",
            f"27 copies of the aba-icc site: {r['markdown_files']:,} markdown files, "
            f"{r['documents']:,} documents served. Hugo builds the same {r['hugo_documents']:,} "
            "documents with layouts that output only the content; the API is timed from "
            "process start to its first 200 on `/readyz` (no cache on disk: every start is cold). "
            "Medians of 3 runs.",
            "",
            "| | seconds | runs |",
            "|---|---:|---|",
            f"| hugo | {_f(r['hugo_s'])} | {_runs(r['hugo_runs'])} |",
            f"| content API, to ready | {_f(r['api_ready_s'])} | {_runs(r['api_runs'])} |",
            "",
            f"**Ratio API/Hugo: {_f(r['ratio'])}** (of the medians; of the best runs: "
            f"{_f(r['ratio_of_best'])}). Hugo's times vary from run to run on this shared "
            "machine; both are measured in turn, in the same run.",
            "",
            f"First requests for the HTML of 300 random pages, right after ready (each page is "
            f"rendered on its first request): p50 {_f(r['first_touch_p50_ms'])} ms, "
            f"**p95 {_f(r['first_touch_p95_ms'])} ms**, max {_f(r['first_touch_max_ms'])} ms.",
            "",
            f"Memory (RSS): {_f(r['rss_ready_mib'], 0)} MiB when ready, "
            f"{_f(r['rss_after_mib'], 0)} MiB after those requests.",
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
    return "\n".join(lines)


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
