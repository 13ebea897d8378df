"""The ``_includes`` directory, read once per content snapshot.

Templates are read into memory when the renderer is built, so rendering a page never
touches the filesystem, and ``{% include %}`` can only ever name a file that was found
under the directory: there is no path to traverse out of.
"""

from __future__ import annotations

from pathlib import Path

MAX_FILES = 2000
MAX_BYTES = 1_000_000


def read_includes(directory: Path | None) -> dict[str, str]:
    """Relative POSIX path -> text of every readable file under ``directory``."""
    if directory is None or not directory.is_dir():
        return {}
    root = directory.resolve()
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if len(found) >= MAX_FILES:
            break
        try:
            real = path.resolve()
            # A symlink pointing outside the includes directory is not an include.
            if not real.is_relative_to(root) or not real.is_file():
                continue
            if real.stat().st_size > MAX_BYTES:
                continue
            found[path.relative_to(root).as_posix()] = real.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError, ValueError):
            continue
    return found
