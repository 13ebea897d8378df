"""Command line: ``content-api``."""

from __future__ import annotations


def main() -> None:
    raise SystemExit("content-api: not built yet")
