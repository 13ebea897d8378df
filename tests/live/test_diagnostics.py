"""Every problem, three ways: ``GET /api/v1/diagnostics``, ``content-api check`` (one
``path:line: severity: message (code)`` line each, for editors) and ``check --format json``
(for CI bots). Same problems, same fields; exit 1 on any error, 0 otherwise."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.live.conftest import StartServer
from tests.support.sites import page, write_site

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("live")]

LINE = re.compile(
    r"^(?P<path>[^:\s][^:]*?)(?::(?P<line>\d+))?: (?P<severity>error|warning): "
    r"(?P<message>.+) \((?P<code>[a-z][a-z0-9-]*)\)$"
)
FIELDS = ("source_path", "line", "severity", "code", "message")


def hostile_site(root: Path) -> Path:
    write_site(
        root,
        {
            "_config.yml": "collections:\n  notes:\n    output: true\n",
            "_notes/good.md": page("title: Good"),
            "_notes/yaml.md": "---\ntitle: Fine\nlist: [a, b\n---\nBody\n",
            "_notes/list.md": "---\n- a\n---\nBody\n",
            "_notes/unclosed.md": "---\ntitle: x\nBody\n",
            "_notes/binary.md": b"---\ntitle: x\n---\n\x00\x01",
            "_notes/latin1.md": b"---\ntitle: Caf\xe9\n---\nBody\n",
            "_notes/types.md": page("title: [a]\norder: first\ndate: someday"),
            "_notes/same.md": page("title: One"),
            "_notes/same.markdown": page("title: Two"),
            "_notes/timeline.md": page("title: T\ntimeline: {source: 1}"),
            "_notes/liquid.md": page("title: L", "{% include missing.html %}\n"),
            "notes.md": "Just text: no front matter, so a static file, and no problem.\n",
        },
    )
    if hasattr(os, "symlink"):
        outside = write_site(root.parent / "outside", {"secret.md": page("title: Secret")})
        (root / "_notes" / "leak.md").symlink_to(outside / "secret.md")
    return root


def check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "api", "check", "--content-dir", str(root), *args]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "400"}  # one diagnostic, one line
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def as_set(rows: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {tuple(row[field] for field in FIELDS) for row in rows}


def test_three_ways_to_the_same_diagnostics(tmp_path: Path, start_server: StartServer) -> None:
    root = hostile_site(tmp_path / "site")

    text = check(root)
    assert text.returncode == 1, text.stderr
    lines = text.stdout.splitlines()
    parsed = [LINE.match(line) for line in lines]
    assert lines and all(parsed), [line for line, m in zip(lines, parsed, strict=True) if not m]

    as_json = check(root, "--format", "json")
    assert as_json.returncode == 1, as_json.stderr
    report = json.loads(as_json.stdout)  # stdout is the JSON alone; progress goes to stderr
    rows = report["data"]
    assert all(list(row) == list(FIELDS) for row in rows)
    errors = sum(row["severity"] == "error" for row in rows)
    assert report["meta"] == {"errors": errors, "warnings": len(rows) - errors}
    assert rows == sorted(
        rows, key=lambda r: (r["source_path"], r["line"] or 0, r["code"], r["message"])
    )
    from_text = {
        (m["path"], int(m["line"]) if m["line"] else None, m["severity"], m["code"], m["message"])
        for m in parsed
        if m is not None
    }
    assert from_text == as_set(rows)

    server = start_server(root, "--unpublished", "--future")
    for doc in httpx.get(f"{server.url}/api/v1/pages?limit=100").json()["data"]:
        httpx.get(f"{server.url}/api/v1/pages/{doc['id']}/html")  # rendering problems too
    served = httpx.get(f"{server.url}/api/v1/diagnostics").json()
    assert as_set(served["data"]) == as_set(rows)
    assert served["meta"] == report["meta"]

    found = {(row["source_path"], row["code"], row["severity"], row["line"]) for row in rows}
    expected = {
        ("_notes/yaml.md", "front-matter-invalid-yaml", "error", 3),
        ("_notes/list.md", "front-matter-not-mapping", "error", 2),
        ("_notes/unclosed.md", "front-matter-unclosed", "error", 1),
        ("_notes/binary.md", "binary-file", "error", None),
        ("_notes/latin1.md", "invalid-utf8", "warning", 2),
        ("_notes/types.md", "invalid-type", "warning", 2),
        ("_notes/types.md", "invalid-type", "warning", 3),
        ("_notes/types.md", "invalid-date", "warning", 4),
        ("_notes/same.md", "duplicate-id", "warning", None),
    }
    if hasattr(os, "symlink"):
        expected.add(("_notes/leak.md", "symlink-outside-root", "warning", None))
    assert expected <= found, expected - found
    codes = {(path, code) for path, code, _, _ in found}
    assert any(path == "_notes/timeline.md" for path, _ in codes)
    assert any(path == "_notes/liquid.md" for path, _ in codes)
    for row in rows:  # written for the people who fix the files
        assert row["message"][0].isupper() or row["message"][0] in "`'\"", row
        assert row["message"].rstrip(")").endswith((".", "?", "!")), row
        assert "Traceback" not in row["message"] and "Error(" not in row["message"], row


def test_exit_codes(tmp_path: Path) -> None:
    clean = write_site(tmp_path / "clean", {"_notes/a.md": page("title: A")})
    result = check(clean)
    assert (result.returncode, result.stdout) == (0, "")
    assert json.loads(check(clean, "--format", "json").stdout) == {
        "data": [],
        "meta": {"errors": 0, "warnings": 0},
    }
    warned = write_site(tmp_path / "warned", {"_notes/a.md": page("title: A\norder: first")})
    assert check(warned).returncode == 0
    assert check(warned, "--format", "json").returncode == 0
    broken = write_site(tmp_path / "broken", {"_notes/a.md": "---\ntitle: [\n---\n"})
    assert check(broken).returncode == 1
    assert check(broken, "--format", "json").returncode == 1
    assert check(tmp_path / "missing").returncode == 2  # a usage error, not a content one
    assert check(clean, "--format", "xml").returncode == 2
