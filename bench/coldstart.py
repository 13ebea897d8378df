"""(b) Start-up against Hugo, first-touch latency and (c) memory, at ~20,000 documents.

The aba-icc site is replicated 27 times. Hugo builds the same documents (with layouts that
output just the content); the API is timed from process start to its first 200 on
``/readyz`` (polled every 25 ms: often enough to time it to 1% of Hugo's time, rarely
enough that the polling client, on the same two cores, does not slow what it times), in
three ways, each run in turn with Hugo so that drift on the machine hits all alike:

- cold, no cache directory (the default);
- cold, with an empty cache directory (which it fills as it goes);
- warm: a restart on that filled directory (what a restart, or one more worker, does),
  once the first run has kept its load's image there.

Then 300 random pages' HTML are fetched once each, as first requests, right after ready:
on a cold start, and on a warm start from a directory filled by ``content-api cache build``.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.common import (
    BIN,
    CORPUS,
    api_server,
    free_port,
    median,
    percentile,
    require,
    rss_mib,
    wait_until,
)
from bench.corpus import hugo_site, replicate

COPIES = 27
READY_POLL = 0.025
MODES = ("default", "cold", "warm")


def hugo_seconds(site: Path) -> float:
    out = site.parent / "hugo-public"
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        [require("hugo"), "--quiet", "-s", str(site), "-d", str(out)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def api_ready_seconds(site: Path, cache: Path | None, log: Path) -> float:
    port = free_port()
    extra = [] if cache is None else ["--cache-dir", str(cache)]
    mark = log.stat().st_size if log.exists() else 0
    started = time.perf_counter()
    with api_server(site, port, *extra, log=log):
        wait_until(f"http://127.0.0.1:{port}/readyz", timeout=600, every=READY_POLL)
        seconds = time.perf_counter() - started
        if cache is not None:
            # What the background writes: the load's image (unless the load came from it),
            # then the search index.
            wait_for_line(log, mark, ("kept the load image", "from the cache's image"))
            settle(cache)
    return seconds


def wait_for_line(log: Path, start: int, words: tuple[str, ...], limit: float = 120.0) -> None:
    """Until the server log, from byte ``start`` on, has a line with one of ``words``."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        with log.open("rb") as handle:
            handle.seek(start)
            text = handle.read().decode("utf-8", "replace")
        if any(word in text for word in words):
            return
        time.sleep(0.2)
    raise TimeoutError(f"the server never logged any of {words}")


def settle(cache: Path, quiet: float = 2.0, limit: float = 300.0) -> None:
    """Until the cache files have not changed for ``quiet`` seconds."""
    deadline = time.monotonic() + limit
    last: tuple[int, ...] = ()
    since = time.monotonic()
    while time.monotonic() < deadline:
        sizes = tuple(p.stat().st_size for p in sorted(cache.glob("content-api-cache.sqlite3*")))
        if sizes != last:
            last, since = sizes, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.2)


def first_touch(
    site: Path, pages: int, cache: Path | None, log: Path, seed: int = 20261128
) -> dict[str, Any]:
    port = free_port()
    extra = [] if cache is None else ["--cache-dir", str(cache)]
    with api_server(site, port, *extra, log=log) as process:
        base = f"http://127.0.0.1:{port}"
        wait_until(f"{base}/readyz", timeout=600)
        rss_ready = rss_mib(process.pid)
        with httpx.Client(base_url=base, timeout=60) as client:
            ids = []
            offset = 0
            while True:
                batch = client.get(
                    "/api/v1/pages", params={"fields": "id", "limit": 100, "offset": offset}
                ).json()
                ids += [item["id"] for item in batch["data"]]
                offset += 100
                if offset >= batch["meta"]["total"]:
                    break
            chosen = random.Random(seed).sample(ids, pages)
            latencies = []
            for doc_id in chosen:
                started = time.perf_counter()
                response = client.get(f"/api/v1/pages/{doc_id}/html")
                latencies.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
        return {
            "documents": len(ids),
            "p50_ms": percentile(latencies, 0.50),
            "p95_ms": percentile(latencies, 0.95),
            "max_ms": max(latencies),
            "rss_ready_mib": rss_ready,
            "rss_after_mib": rss_mib(process.pid),
        }


def cache_build_seconds(site: Path, cache: Path) -> float:
    started = time.perf_counter()
    command = [str(BIN / "content-api"), "cache", "build", "-c", str(site)]
    subprocess.run(
        [*command, "--cache-dir", str(cache), "--unpublished", "--future"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def run(runs: int = 3, pages: int = 300) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        site = base / "jekyll"
        files = replicate(CORPUS, site, COPIES)
        hugo_docs = hugo_site(site, base / "hugo")
        log = base / "server.log"
        times: dict[str, list[float]] = {"hugo": [], **{mode: [] for mode in MODES}}
        for i in range(runs):
            cache = base / f"cache{i}"
            times["hugo"].append(hugo_seconds(base / "hugo"))
            times["default"].append(api_ready_seconds(site, None, log))
            times["cold"].append(api_ready_seconds(site, cache, log))
            times["warm"].append(api_ready_seconds(site, cache, log))
        touch = first_touch(site, pages, None, log)
        built = base / "built"
        build_seconds = cache_build_seconds(site, built)
        touch_warm = first_touch(site, pages, built, log)
    hugo = median(times["hugo"])
    return {
        "markdown_files": files,
        "hugo_documents": hugo_docs,
        "documents": touch["documents"],
        "hugo_s": hugo,
        **{f"{mode}_s": median(times[mode]) for mode in MODES},
        **{f"{mode}_ratio": median(times[mode]) / hugo for mode in MODES},
        "runs": times,
        "first_touch": touch,
        "first_touch_built": touch_warm,
        "cache_build_s": build_seconds,
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
