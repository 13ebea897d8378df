"""Problems met while reading or rendering content, in a form editors and CI bots can read."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in one file.

    ``code`` is stable (tools match on it); ``message`` is written for a content editor.
    ``line`` is 1-based in the source file, or None when unknown.
    """

    source_path: str
    line: int | None
    severity: Severity
    code: str
    message: str

    def __post_init__(self) -> None:
        # Every message reads as a sentence, whichever module wrote it.
        message = self.message.strip()
        if message and message[-1] not in ".!?":
            object.__setattr__(self, "message", message + ".")

    def as_dict(self) -> dict[str, object]:
        return {
            "source_path": self.source_path,
            "line": self.line,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


def error(source_path: str, code: str, message: str, line: int | None = None) -> Diagnostic:
    return Diagnostic(source_path, line, Severity.ERROR, code, message)


def warning(source_path: str, code: str, message: str, line: int | None = None) -> Diagnostic:
    return Diagnostic(source_path, line, Severity.WARNING, code, message)
