"""Unified diffs as Rouge reads them, line by line."""

from __future__ import annotations

from ..engine import Definition, RegexLexer, rule


class Diff(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "root": [
                rule(r"^ .*$\n?", ""),
                rule(r"^---$\n?", "p"),
                rule(r"^[+>]+.*$\n?", "gi"),
                rule(r"^\+.*$\n?", "gi"),
                rule(r"^[-<]+.*$\n?", "gd"),
                rule(r"^!.*$\n?", "gs"),
                rule(r"^([Ii]ndex|diff).*$\n?", "gh"),
                rule(r"^(@@[^@]*@@)([^\n]*\n)", ("p", "")),
                rule(r"^\w.*$\n?", "p"),
                rule(r"^=.*$\n?", "gh"),
                rule(r"\s.*$\n?", ""),
            ]
        }
