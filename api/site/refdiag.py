"""``dangling-reference`` warnings: the file, the line, the key and the value.

The document keeps no front-matter text, so the line is found in the file itself, read
again for the pages that have a dangling value (few, and only when they change). A value
set by ``_config.yml`` defaults has no line in the page.
"""

from __future__ import annotations

import re
from pathlib import Path

from api.content.diagnostics import Diagnostic, warning
from api.content.frontmatter import SourceError, parse_source
from api.content.model import Document
from api.content.reading import read_regular

CODE = "dangling-reference"
_TOP_LEVEL = re.compile(r"^[^\s#-]")


def dangling_diagnostics(
    root: Path, doc: Document, dangling: tuple[tuple[str, str, tuple[str, ...]], ...]
) -> tuple[Diagnostic, ...]:
    lines = _front_matter_lines(root, doc.source_path)
    found = []
    for key, value, targets in dangling:
        where = " or ".join(f"`{t}`" for t in targets) if targets else "no collection"
        message = (
            f"`{key}: {_short(value)}` names no page of {where}: none has this slug, id, "
            "path or file name (unpublished and future pages count as missing)"
        )
        found.append(warning(doc.source_path, CODE, message, _line(lines, key, value)))
    return tuple(found)


def _front_matter_lines(root: Path, source_path: str) -> list[str]:
    try:
        source = parse_source(read_regular(root / source_path))
    except (OSError, SourceError):
        return []
    return [] if source is None else source.front_matter_text.split("\n")


def _line(lines: list[str], key: str, value: str) -> int | None:
    """The 1-based line in the file: the value's own line in a block list, else the key's
    (the front matter starts on line 2, after ``---``)."""
    pattern = re.compile(rf"^['\"]?{re.escape(key)}['\"]?[ \t]*:")
    for index, line in enumerate(lines):
        if not pattern.match(line):
            continue
        if value in line.split(":", 1)[1]:
            return index + 1
        for offset, following in enumerate(lines[index + 1 :], index + 2):
            if _TOP_LEVEL.match(following):
                break
            if value in following:
                return offset
        return index + 1
    return None


def _short(value: str) -> str:
    return value if len(value) <= 80 else value[:77] + "..."
