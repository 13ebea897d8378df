"""The files ``{% include_relative %}`` names, read with the snapshot.

Rendering never touches the filesystem, so the files a page includes relative to its own
folder are read when the content is: each ``include_relative`` of a page names a file at or
below the page's folder (Jekyll refuses ``..``). A name built with ``{{ }}`` is only known
when the page renders, so every text file below that folder is read (within bounds).
Included files may include others, still relative to the page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

from api.content.model import Document

_TAG = re.compile(r"\{%-?\s*include_relative\s+(\{\{.*?\}\}|[^\s%{}]+)", re.S)
_VALID = re.compile(r"^[\w/.\-()+~#@]+$")
_INVALID = re.compile(r"[./]{2,}")
MAX_FILES = 2000
MAX_BYTES = 1_000_000
MAX_PER_FOLDER = 500  # files read for one page whose names are only known when it renders
#: What a computed name may include: text, not images or archives that happen to be there.
TEXT_SUFFIXES = frozenset(
    {
        ".md",
        ".markdown",
        ".mkdown",
        ".mkdn",
        ".mkd",
        ".html",
        ".htm",
        ".txt",
        ".text",
        ".liquid",
        ".json",
        ".yml",
        ".yaml",
        ".csv",
        ".tsv",
        ".xml",
        ".svg",
        ".js",
        ".mjs",
        ".ts",
        ".css",
        ".scss",
        ".sass",
        ".rb",
        ".py",
        ".sh",
        ".go",
        ".java",
        ".c",
        ".h",
        ".rs",
        ".sql",
    }
)


def read_relative_includes(root: Path, documents: Iterable[Document]) -> dict[str, str]:
    """Path from the site root -> text of every file a page may include relative to itself."""
    found: dict[str, str] = {}
    pending = [(d.source_path, d.body) for d in documents if "include_relative" in d.body]
    while pending and len(found) < MAX_FILES:
        page_path, text = pending.pop()
        folder = posixpath.dirname(page_path)
        for match in _TAG.finditer(text):
            for rel in _candidates(root, folder, match.group(1)):
                if rel in found or len(found) >= MAX_FILES:
                    continue
                content = _read(root, rel)
                if content is not None:
                    found[rel] = content
                    if "include_relative" in content:
                        pending.append((page_path, content))
    return found


def relative_path(page_path: str, name: str) -> str | None:
    """The path an ``include_relative`` of ``name`` on the page at ``page_path`` reads, or
    None for a name Jekyll refuses."""
    name = name.strip()
    if not _VALID.match(name) or _INVALID.search(name) or name.startswith("/"):
        return None
    folder = posixpath.dirname(page_path)
    return posixpath.join(folder, name) if folder else name


def _candidates(root: Path, folder: str, name: str) -> list[str]:
    if "{{" not in name:
        rel = relative_path(posixpath.join(folder, "page"), name)
        return [] if rel is None else [rel]
    base = root / folder if folder else root
    found = []
    for path in sorted(base.rglob("*")) if base.is_dir() else ():
        rel = path.relative_to(root).as_posix()
        if any(part.startswith((".", "_site")) for part in rel.split("/")):
            continue
        if path.suffix.lower() in TEXT_SUFFIXES and path.is_file():
            found.append(rel)
        if len(found) >= MAX_PER_FOLDER:
            break
    return found


def _read(root: Path, rel: str) -> str | None:
    from api.content.reading import read_regular  # reading imports what imports this module

    path = root / rel
    try:
        if not path.resolve(strict=True).is_relative_to(root.resolve()):
            return None
        if path.stat().st_size > MAX_BYTES:
            return None
        return read_regular(path).decode("utf-8")
    except (OSError, RuntimeError, UnicodeDecodeError):
        return None
