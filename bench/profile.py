"""``make profile``: where a loaded server spends its time, as py-spy flame graphs.

The server runs on the aba-icc corpus while wrk loads one kind of request at a time; py-spy
samples the server process and writes ``bench/results/profile-<name>.svg``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import httpx

from bench.common import BIN, CORPUS, ROOT, api_server, free_port, require, wait_until

TARGETS = {
    "detail": "/api/v1/pages/about-the-icc/the-us-icc-relationship",
    "list": "/api/v1/pages?collection=cases-events&sort=-date&limit=20&offset=100",
    "search": "/api/v1/search?q=rome+statute",
}


def main(seconds: int = 8) -> int:
    spy = shutil.which("py-spy", path=str(BIN)) or shutil.which("py-spy")
    if spy is None:
        print("py-spy is in the bench extra: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with api_server(CORPUS, port) as server:
        base = f"http://127.0.0.1:{port}"
        wait_until(f"{base}/readyz")
        for name, path in TARGETS.items():
            httpx.get(base + path, timeout=60)  # first touch: build it once
            load = subprocess.Popen(
                [require("wrk"), "-t1", "-c16", f"-d{seconds + 2}s", base + path],
                stdout=subprocess.DEVNULL,
            )
            svg = out / f"profile-{name}.svg"
            subprocess.run(
                [spy, "record", "-p", str(server.pid), "-d", str(seconds), "-o", str(svg)],
                check=True,
                capture_output=True,
            )
            load.wait()
            print(f"{name}: {svg.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
