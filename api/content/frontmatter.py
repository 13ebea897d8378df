"""Split a source file into front matter and body, telling "none" from "broken".

python-frontmatter's ``parse`` returns ``{}`` for both; Jekyll draws the line precisely (a
first line of ``---``, a closing ``---`` or ``...``), so we plug Jekyll's rule into a
python-frontmatter handler and report every way a file can be unusable.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from api.content.encodings import Undecodable, decode_text
from api.content.yamlsafe import YamlError, load_yaml

_OPENING = re.compile(r"---[ \t]*\r?\n")
# Jekyll's YAML_FRONT_MATTER_REGEXP: Ruby's ^ and $ are always line anchors.
_FRONT_MATTER = re.compile(r"(---\s*\n.*?\n?)^((?:---|\.\.\.)[ \t]*$\n?)", re.S | re.M)
BOM = "\ufeff"


class SourceError(ValueError):
    """A file that cannot be served. ``line`` is 1-based, when known."""

    def __init__(self, code: str, message: str, line: int | None = None) -> None:
        super().__init__(code, message, line)
        self.code = code
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded file with front matter: the raw YAML value, the body and where it starts."""

    front_matter: dict[str, Any]
    body: str
    body_line: int
    warnings: tuple[tuple[str, str, int | None], ...] = ()
    front_matter_text: str = ""

    def key_line(self, key: str) -> int | None:
        """The 1-based line where a top-level front-matter key is set, when it can be found."""
        pattern = re.compile(rf"^['\"]?{re.escape(key)}['\"]?[ \t]*:", re.M)
        match = pattern.search(self.front_matter_text)
        return None if match is None else self.front_matter_text.count("\n", 0, match.start()) + 1


class JekyllYAMLHandler(YAMLHandler):
    """python-frontmatter handler with Jekyll's boundaries and a bounded, safe YAML load."""

    FM_BOUNDARY = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)

    def detect(self, text: str) -> bool:
        return _OPENING.match(text) is not None

    def split(self, text: str) -> tuple[str, str]:
        match = _FRONT_MATTER.match(text)
        if match is None:
            raise SourceError(
                "front-matter-unclosed",
                "The front matter starts with `---` but is never closed: add a line with "
                "`---` after the last setting.",
                1,
            )
        return match.group(1), text[match.end() :]

    def load(self, fm: str, **kwargs: object) -> Any:
        return load_yaml(fm)


_HANDLER = JekyllYAMLHandler()


def decode(raw: bytes) -> tuple[str, list[tuple[str, str, int | None]]]:
    """Text with a BOM dropped and line endings made ``\\n``, and the notes about it.

    A file that is not UTF-8 is read as the legacy encoding it most likely uses, its text
    intact, with a warning naming that encoding; only a file no encoding reads as text, or
    with NUL bytes (a binary file), is refused.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(raw)
    if b"\x00" in raw:
        raise SourceError("binary-file", "This is a binary file, not a text page.")
    notes: list[tuple[str, str, int | None]] = []
    try:
        decoded = decode_text(raw)
    except Undecodable:
        raise SourceError(
            "not-text",
            "The file is not UTF-8, and no other encoding reads it as text: re-save it as UTF-8.",
        ) from None
    text = decoded.text
    if decoded.encoding is not None and decoded.first_bad_byte is not None:
        line = raw.count(b"\n", 0, decoded.first_bad_byte) + 1
        notes.append(("invalid-utf8", _legacy_message(decoded.encoding), line))
    return _normalize(text), notes


def _legacy_message(encoding: str) -> str:
    return (
        f"The file is not UTF-8 (the first byte that is not is on this line); it was read as "
        f"{encoding}, its most likely encoding, so its text is served intact. Re-save the "
        "file as UTF-8."
    )


def _utf16(raw: bytes) -> tuple[str, list[tuple[str, str, int | None]]]:
    try:
        text = raw.decode("utf-16")
    except UnicodeDecodeError:
        raise SourceError(
            "not-text", "The file starts as UTF-16 but is not: re-save it as UTF-8."
        ) from None
    return _normalize(text), [("invalid-utf8", _legacy_message("UTF-16"), 1)]


def _normalize(text: str) -> str:
    text = text.removeprefix(BOM)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def parse_source(raw: bytes) -> Source | None:
    """The front matter and body of a file, or None when it has no front matter at all.

    Raises SourceError for a file that has front matter but cannot be used.
    """
    text, notes = decode(raw)
    if not _HANDLER.detect(text):
        return None
    yaml_text, body = _HANDLER.split(text)
    try:
        value = _HANDLER.load(yaml_text)
    except YamlError as exc:
        line = None if exc.line is None else exc.line + 1
        raise SourceError(
            "front-matter-invalid-yaml",
            f"The front matter is not valid YAML: {exc.message}.",
            line,
        ) from None
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise SourceError(
            "front-matter-not-mapping",
            f"The front matter must be a list of `key: value` settings, not {_describe(value)}.",
            2,
        )
    body_line = yaml_text.count("\n") + text[len(yaml_text) : len(text) - len(body)].count("\n") + 1
    return Source({str(k): v for k, v in value.items()}, body, body_line, tuple(notes), yaml_text)


def _describe(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a single line of text"
    return f"a single {type(value).__name__} value"
