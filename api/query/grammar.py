"""The parameters' grammar as short regular expressions, for the OpenAPI schema.

Each pattern accepts exactly what :mod:`api.query.params` accepts (a property test holds
them to it), so that fuzzers send only what is served and generated validators refuse only
what is refused. They are written in the subset that Python, ECMA-262 and Rust read alike:
explicit classes (no ``\\s`` or ``\\w``), no lookbehind. ``(?!\\n)$``: in Python's dialect
``$`` also matches before a final newline, which is a control character here.

The rules they encode are few: a list is split at commas, ASCII spaces around an item are
ignored and empty items skipped; a name is dotted segments, none empty, without brackets,
commas or control characters (C0, DEL, C1), and neither starts nor ends with a space.
"""

from __future__ import annotations

from api.query.filterform import MAX_CONDITIONS

_CTRL = r"\x00-\x1f\x7f-\x9f"
_END = r"(?!\n)$"
#: Text with no control character: the pattern of every free-text parameter.
TEXT_PATTERN = rf"^[^{_CTRL}]*{_END}"


def name_pattern(exclude: str = "", first_exclude: str = "") -> str:
    """A dotted name: its first and last characters are not spaces, no segment is empty.
    ``exclude`` lists characters a name never holds, ``first_exclude`` those it may not
    start with."""
    inner = rf"[^.,\[\]{exclude}{_CTRL}]"  # any character of a segment
    solid = rf"[^ .,\[\]{exclude}{_CTRL}]"  # one that is not a space either
    # ``first_exclude`` goes first, where a ``-`` is itself and not a range.
    first = rf"[^{first_exclude} .,\[\]{exclude}{_CTRL}]" if first_exclude else solid
    return rf"{first}(?:(?:\.?{inner})*\.?{solid})?"


def list_pattern(item: str, most: int | None = None) -> str:
    """Items separated by commas, with spaces around them and empty items free; at most
    ``most`` non-empty ones."""
    repeat = "*" if most is None else f"{{0,{most - 1}}}"
    return rf"^[ ,]*(?:(?:{item})(?: *,[ ,]*(?:{item})){repeat}[ ,]*)?{_END}"


FIELD = name_pattern()
#: ``-`` descending, ``+`` ascending, then spaces are free; the name starts with no sign.
SORT_ITEM = rf"(?:[-+] *)?{name_pattern(first_exclude='-+')}"
LANG_RANGE = r"\*|[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*"

_VALUE = rf"(?:[^,\\{_CTRL}]|\\[^{_CTRL}])*"  # escapes kept in pairs; no lone final backslash
_PLAIN_VALUE = rf"(?:[^,:\\{_CTRL}]|\\[^{_CTRL}])*"  # the same without a bare colon
_OPS = "eq|ne|gte?|lte?|contains"
_BOOL = "[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]"
FILTER_CONDITION = (
    rf"{name_pattern(exclude=':' + chr(92) * 2)} *:"
    rf"(?:{_PLAIN_VALUE}| *(?:{_OPS}) *:{_VALUE}| *exists *: *(?:{_BOOL}))"
)


def sort_pattern(most: int) -> str:
    return list_pattern(SORT_ITEM, most)


def fields_pattern(most: int) -> str:
    return list_pattern(FIELD, most)


def backlink_sort_pattern(most: int) -> str:
    """A page's sort: ``referenced_by.COLLECTION.FIELD`` items only, signed or not (the
    collection any non-empty segment, the field a dotted name)."""
    inner = rf"[^.,\[\]{_CTRL}]"
    solid = rf"[^ .,\[\]{_CTRL}]"
    return list_pattern(
        rf"(?:[-+] *)?referenced_by\.{inner}+\.(?:{inner}+\.)*{inner}*{solid}", most
    )


def choice_pattern(names: frozenset[str]) -> str:
    return list_pattern("|".join(sorted(names)))


def lang_pattern(most: int) -> str:
    return list_pattern(LANG_RANGE, most)


FILTER_PATTERN = list_pattern(FILTER_CONDITION, MAX_CONDITIONS)
