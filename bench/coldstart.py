"""(b) Cold start against Hugo, first-touch latency, and (c) memory, at ~20,000 documents.

The aba-icc site is replicated 27 times. Hugo builds the same documents (with layouts that
output just the content); the API is timed from process start to its first 200 on
``/readyz``. Then 300 random pages' HTML are fetched once each, as first requests.
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


def hugo_seconds(site: Path, runs: int) -> list[float]:
    hugo = require("hugo")
    times = []
    for _ in range(runs):
        out = site.parent / "hugo-public"
        shutil.rmtree(out, ignore_errors=True)
        started = time.perf_counter()
        subprocess.run(
            [hugo, "--quiet", "-s", str(site), "-d", str(out)], check=True, capture_output=True
        )
        times.append(time.perf_counter() - started)
    return times


def api_ready_seconds(site: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        port = free_port()
        started = time.perf_counter()
        with api_server(site, port):
            wait_until(f"http://127.0.0.1:{port}/readyz", timeout=600)
            times.append(time.perf_counter() - started)
    return times


def first_touch(site: Path, pages: int, seed: int = 20261128) -> dict[str, Any]:
    port = free_port()
    with api_server(site, port) as process:
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
            "first_touch_p50_ms": percentile(latencies, 0.50),
            "first_touch_p95_ms": percentile(latencies, 0.95),
            "first_touch_max_ms": max(latencies),
            "rss_ready_mib": rss_ready,
            "rss_after_mib": rss_mib(process.pid),
        }


def run(runs: int = 3, pages: int = 300) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "jekyll"
        files = replicate(CORPUS, site, COPIES)
        hugo_docs = hugo_site(site, Path(tmp) / "hugo")
        hugo = hugo_seconds(Path(tmp) / "hugo", runs)
        api = api_ready_seconds(site, runs)
        touch = first_touch(site, pages)
    return {
        "markdown_files": files,
        "hugo_documents": hugo_docs,
        "hugo_s": median(hugo),
        "api_ready_s": median(api),
        "ratio": median(api) / median(hugo),
        "ratio_of_best": min(api) / min(hugo),
        "hugo_runs": hugo,
        "api_runs": api,
        **touch,
    }


if __name__ == "__main__":
    print(run())
