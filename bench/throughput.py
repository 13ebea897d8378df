"""(a) Throughput: page detail against a bare Starlette app returning the same bytes.

Both run on the same uvicorn (httptools, uvloop) with the same log level, one process each,
and are loaded in turn by wrk, alternating, so drift on the machine hits both alike.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import httpx

from bench.common import BIN, CORPUS, api_server, free_port, median, require, server, wait_until

PAGE = "/api/v1/pages/about-the-icc/the-us-icc-relationship"
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def wrk(url: str, seconds: int, connections: int) -> dict[str, float]:
    """One wrk run: requests per second and latency percentiles in ms."""
    out = subprocess.run(
        [require("wrk"), "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}  # type: ignore[union-attr]
    for share, value, unit in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M):
        result[f"p{share}"] = float(value) * _UNITS[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["errors"] = float(errors.group(1)) if errors else 0.0
    return result


def run(rounds: int = 3, seconds: int = 8, connections: int = 32) -> dict[str, Any]:
    api_port, bare_port = free_port(), free_port()
    with api_server(CORPUS, api_port), tempfile.TemporaryDirectory() as tmp:
        wait_until(f"http://127.0.0.1:{api_port}/readyz")
        body = httpx.get(f"http://127.0.0.1:{api_port}{PAGE}").content
        (Path(tmp) / "body.json").write_bytes(body)
        bare = [
            str(BIN / "uvicorn"),
            "--factory",
            "bench.bare_app:make_app",
            "--port",
            str(bare_port),
            "--log-level",
            "warning",
        ]
        env = {"BARE_BODY": str(Path(tmp) / "body.json"), "BARE_PATH": PAGE}
        with server(bare, env):
            wait_until(f"http://127.0.0.1:{bare_port}{PAGE}")
            runs: dict[str, list[dict[str, float]]] = {"api": [], "bare": []}
            for _ in range(rounds):
                runs["api"].append(wrk(f"http://127.0.0.1:{api_port}{PAGE}", seconds, connections))
                runs["bare"].append(
                    wrk(f"http://127.0.0.1:{bare_port}{PAGE}", seconds, connections)
                )
    api_rps = median([r["rps"] for r in runs["api"]])
    bare_rps = median([r["rps"] for r in runs["bare"]])
    return {
        "body_bytes": len(body),
        "api_rps": api_rps,
        "bare_rps": bare_rps,
        "ratio": api_rps / bare_rps,
        "api_p50_ms": median([r["p50"] for r in runs["api"]]),
        "api_p99_ms": median([r["p99"] for r in runs["api"]]),
        "bare_p99_ms": median([r["p99"] for r in runs["bare"]]),
        "errors": sum(r["errors"] for rs in runs.values() for r in rs),
        "rounds": rounds,
        "seconds": seconds,
        "connections": connections,
    }


if __name__ == "__main__":
    print(run())
