"""(a) Throughput as users get it: the API with its default settings against bare Starlette.

The API runs as ``content-api serve`` with no flag but the folder and the port (so its
access log is on, written to a file, as a container's stdout is collected). Each request
measured is sent as a browser on another origin sends it, and the ceiling is a bare
Starlette app on the same uvicorn replaying the very status, headers and bytes the API
answered to that request (``bench/bare_app.py``). Loads alternate: API, bare, bare, API...
so drift on the machine hits both alike. The access log's own cost is the API with
``--no-access-log`` against the default, loaded the same way.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import BIN, CORPUS, api_server, free_port, median, require, server, wait_until

PAGE = "/api/v1/pages/about-the-icc/the-us-icc-relationship"
ORIGIN = "https://frontend.example"
BROWSER = {"Origin": ORIGIN, "Accept-Encoding": "gzip, deflate, br"}
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


@dataclass
class Case:
    name: str
    path: str
    query: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    revalidate: bool = False  # send the ETag of the first answer back (If-None-Match)

    @property
    def target(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path


CASES = [
    Case("page detail, no headers", PAGE),
    Case("page detail from a browser", PAGE, headers=BROWSER),
    Case("collection list from a browser", "/api/v1/pages", "collection=cases", BROWSER),
    Case("collections from a browser", "/api/v1/collections", headers=BROWSER),
    Case("revalidation (304) from a browser", PAGE, headers=BROWSER, revalidate=True),
]


def wrk(url: str, headers: dict[str, str], seconds: int, connections: int) -> dict[str, float]:
    """One wrk run: requests per second and latency percentiles in ms."""
    command = [require("wrk"), "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}  # type: ignore[union-attr]
    for share, value, unit in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M):
        result[f"p{share}"] = float(value) * _UNITS[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["errors"] = float(errors.group(1)) if errors else 0.0
    return result


def fetch(port: int, target: str, headers: dict[str, str]) -> tuple[int, list[list[str]], bytes]:
    """One request sent exactly as given (no header added): status, raw headers, raw body."""
    lines = [
        f"GET {target} HTTP/1.1",
        "Host: 127.0.0.1",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        head, body = data.split(b"\r\n\r\n", 1)
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        pairs = [line.split(": ", 1) for line in header_lines]
        length = next((int(v) for k, v in pairs if k.lower() == "content-length"), 0)
        while len(body) < length:
            body += sock.recv(65536)
    return int(status_line.split()[1]), pairs, body


def run(rounds: int = 3, seconds: int = 8, connections: int = 32) -> dict[str, Any]:
    api_port, quiet_port = free_port(), free_port()
    runs: dict[str, list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        log = Path(tmp) / "access.log"
        stack.enter_context(api_server(CORPUS, api_port, log=log))
        quiet_log = Path(tmp) / "quiet.log"
        stack.enter_context(api_server(CORPUS, quiet_port, "--no-access-log", log=quiet_log))
        wait_until(f"http://127.0.0.1:{api_port}/readyz")
        wait_until(f"http://127.0.0.1:{quiet_port}/readyz")
        bares = []
        for i, case in enumerate(CASES):
            port, headers, command, env = _bare(case, api_port, Path(tmp) / f"case{i}.json")
            stack.enter_context(server(command, env))
            wait_until(f"http://127.0.0.1:{port}{case.path}", status=_status(case))
            bares.append((port, headers))
        for round_ in range(rounds):
            for case, (port, headers) in zip(CASES, bares, strict=True):
                loads = [
                    ("api", f"http://127.0.0.1:{api_port}{case.target}"),
                    ("bare", f"http://127.0.0.1:{port}{case.target}"),
                ]
                for who, url in loads[:: 1 - 2 * (round_ % 2)]:  # alternate who goes first
                    result = wrk(url, headers, seconds, connections)
                    runs.setdefault(f"{case.name}|{who}", []).append(result)
            # The access log's own cost: the same request, with the log and without.
            pair = [("logged", api_port), ("quiet", quiet_port)]
            for who, port in pair[:: 1 - 2 * (round_ % 2)]:
                url = f"http://127.0.0.1:{port}{PAGE}"
                runs.setdefault(f"log|{who}", []).append(wrk(url, BROWSER, seconds, connections))
        stack.close()  # the servers stop: the access log is complete
        logged_lines = sum(1 for _ in log.open(encoding="utf-8", errors="replace"))
    cases = []
    for case, (_, headers) in zip(CASES, bares, strict=True):
        api = runs[f"{case.name}|api"]
        bare = runs[f"{case.name}|bare"]
        cases.append(
            {
                "name": case.name,
                "request": f"GET {case.target}",
                "headers": headers,
                "api_rps": median([r["rps"] for r in api]),
                "bare_rps": median([r["rps"] for r in bare]),
                "ratio": median([r["rps"] for r in api]) / median([r["rps"] for r in bare]),
                "api_runs": [r["rps"] for r in api],
                "bare_runs": [r["rps"] for r in bare],
                "api_p99_ms": median([r["p99"] for r in api]),
                "bare_p99_ms": median([r["p99"] for r in bare]),
                "errors": sum(r["errors"] for r in api + bare),
            }
        )
    logged = median([r["rps"] for r in runs["log|logged"]])
    quiet = median([r["rps"] for r in runs["log|quiet"]])
    return {
        "cases": cases,
        "access_log": {
            "logged_rps": logged,
            "quiet_rps": quiet,
            "ratio": logged / quiet,
            "lines_written": logged_lines,
        },
        "rounds": rounds,
        "seconds": seconds,
        "connections": connections,
    }


def _status(case: Case) -> int:
    return 304 if case.revalidate else 200


def _bare(
    case: Case, api_port: int, spec: Path
) -> tuple[int, dict[str, str], list[str], dict[str, str]]:
    """What the bare app replays for ``case``: captured from the API, then the command."""
    headers = dict(case.headers)
    status, raw, body = fetch(api_port, case.target, headers)
    if case.revalidate:
        etag = next(v for k, v in raw if k.lower() == "etag")
        headers["If-None-Match"] = etag
        status, raw, body = fetch(api_port, case.target, headers)
    assert status == _status(case), (case.name, status)
    kept = [[k, v] for k, v in raw if k.lower() not in ("date", "server")]
    spec.write_text(
        json.dumps(
            {
                "path": case.path,
                "status": status,
                "headers": kept,
                "body": base64.b64encode(body).decode(),
            }
        )
    )
    port = free_port()
    command = [
        str(BIN / "uvicorn"),
        "--factory",
        "bench.bare_app:make_app",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
        "--no-server-header",
    ]
    return port, headers, command, {"BARE_RESPONSE": str(spec)}


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
