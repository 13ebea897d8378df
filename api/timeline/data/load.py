"""``load_timeline_data``: a data file's bytes in, TimelineJS JSON and row-numbered problems out."""

from __future__ import annotations

import codecs
from pathlib import PurePosixPath
from typing import Final, Literal

from api.content.encodings import Undecodable, decode_text
from api.timeline.data.document import from_object
from api.timeline.data.result import DataProblem, TimelineDataResult
from api.timeline.data.sheet import read_sheet
from api.timeline.data.structured import decode_json, decode_yaml

MAX_BYTES: Final = 2 * 1024 * 1024
Format = Literal["csv", "json", "yaml"]
_FORMATS: Final[dict[str, Format]] = {
    ".csv": "csv",
    ".json": "json",
    ".yml": "yaml",
    ".yaml": "yaml",
}


def load_timeline_data(raw: bytes, name: str) -> TimelineDataResult:
    """Read a timeline data file; its name's extension (.csv, .json, .yml, .yaml) decides how.

    Never raises. ``data`` is None when the file is unusable as a whole; otherwise rows or items
    with errors are left out and reported, and the rest is served.
    """
    fmt = _FORMATS.get(PurePosixPath(str(name).replace("\\", "/")).suffix.lower())
    if fmt is None:
        return _fail(
            None, "data-format", f"{str(name)[:80]!r} is not a .csv, .json, .yml or .yaml file"
        )
    if not isinstance(raw, bytes | bytearray | memoryview):
        return _fail(fmt, "data-format", "the data must be bytes")
    if len(raw) > MAX_BYTES:
        return _fail(
            fmt, "data-too-large", f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB"
        )
    text, problems = _decode(bytes(raw))
    if any(problem.severity == "error" for problem in problems):
        return TimelineDataResult(None, tuple(problems), fmt)
    if fmt == "csv":
        data, found = read_sheet(text)
        return TimelineDataResult(data, (*problems, *found), fmt)
    decoded = decode_json(text) if fmt == "json" else decode_yaml(text)
    if isinstance(decoded, DataProblem):
        return TimelineDataResult(None, (*problems, decoded), fmt)
    value, lines = decoded
    data, found = from_object(value, lines)
    return TimelineDataResult(data, (*problems, *found), fmt)


def _fail(fmt: Format | None, code: str, message: str) -> TimelineDataResult:
    return TimelineDataResult(None, (DataProblem(code, message),), fmt)


def _decode(raw: bytes) -> tuple[str, list[DataProblem]]:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; else the legacy encoding it most
    likely uses (Windows-1252 is what Excel on Windows writes), with a warning."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        first_bad = error.start
    try:
        decoded = decode_text(raw)
    except Undecodable:
        message = "the file is not UTF-8, and no other encoding reads it as text"
        return "", [DataProblem("data-encoding", message, raw.count(b"\n", 0, first_bad) + 1)]
    message = (
        f"the file is not UTF-8 (byte {first_bad}); it was read as {decoded.encoding}, its "
        "most likely encoding. Save it as UTF-8 to be sure every character is right."
    )
    line = raw.count(b"\n", 0, first_bad) + 1
    return decoded.text, [DataProblem("data-encoding", message, line, "warning")]
