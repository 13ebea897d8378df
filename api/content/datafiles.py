"""``_data/``: YAML, JSON, CSV and TSV files as ``site.data`` for Liquid."""

from __future__ import annotations

import csv
import io
from pathlib import Path, PurePosixPath
from typing import Any

import orjson

from api.content.diagnostics import Diagnostic, warning
from api.content.frontmatter import SourceError, decode
from api.content.yamlsafe import YamlError, load_yaml, to_json_safe

EXTENSIONS = (".yml", ".yaml", ".json", ".csv", ".tsv")
MAX_DATA_FILE = 32 * 1024 * 1024


def read_data_dir(root: Path, data_dir: str) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """The bytes of every data file, by path from ``root``, and the files that could not be
    read."""
    base = root / data_dir
    raw_files: dict[str, bytes] = {}
    problems: list[Diagnostic] = []
    if not base.is_dir():
        return raw_files, problems
    resolved_root = root.resolve()
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if not path.is_file() or path.suffix.lower() not in EXTENSIONS:
            continue
        if any(part.startswith((".", "_")) for part in path.relative_to(base).parts):
            continue
        try:
            if resolved_root not in path.resolve().parents:
                problems.append(
                    warning(
                        rel,
                        "symlink-outside-root",
                        "This data file points outside the content folder; it is skipped.",
                    )
                )
                continue
            if path.stat().st_size > MAX_DATA_FILE:
                problems.append(
                    warning(
                        rel, "data-too-large", "This data file is larger than 32 MB; it is skipped."
                    )
                )
                continue
            raw_files[rel] = path.read_bytes()
        except OSError as exc:
            problems.append(
                warning(rel, "unreadable", f"This data file cannot be read: {exc.strerror}.")
            )
    return raw_files, problems


def parse_data_dir(
    raw_files: dict[str, bytes], data_dir: str
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """``site.data`` from the files ``read_data_dir`` read, and the problems parsing them."""
    data: dict[str, Any] = {}
    problems: list[Diagnostic] = []
    base = PurePosixPath(data_dir)
    for rel, raw in raw_files.items():
        path = PurePosixPath(rel)
        try:
            value, notes = parse_data_noting(raw, path.suffix.lower())
        except SourceError as exc:
            problems.append(warning(rel, exc.code, exc.message, exc.line))
            continue
        problems += [warning(rel, code, message, line) for code, message, line in notes]
        keys = list(path.relative_to(base).with_suffix("").parts)
        target = data
        for key in keys[:-1]:
            nested = target.setdefault(key, {})
            target = nested if isinstance(nested, dict) else {}
        target[keys[-1]] = value
    return data, problems


def parse_data(raw: bytes, suffix: str) -> Any:
    """One data file's value in JSON types. Raises SourceError with a readable message."""
    return parse_data_noting(raw, suffix)[0]


def parse_data_noting(raw: bytes, suffix: str) -> tuple[Any, list[tuple[str, str, int | None]]]:
    """:func:`parse_data`, and the notes about its text (a legacy encoding, read as such)."""
    text, notes = decode(raw)
    return _parse_text(text, suffix), notes


def _parse_text(text: str, suffix: str) -> Any:
    if suffix in (".yml", ".yaml"):
        try:
            return to_json_safe(load_yaml(text))
        except YamlError as exc:
            line = None if exc.line is None else exc.line + 1
            raise SourceError(
                "data-invalid-yaml", f"This data file is not valid YAML: {exc.message}.", line
            ) from None
    if suffix == ".json":
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            raise SourceError(
                "data-invalid-json", f"This data file is not valid JSON: {exc.msg}.", exc.lineno
            ) from None
    delimiter = "\t" if suffix == ".tsv" else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
