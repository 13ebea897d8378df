"""Regular expressions with Ruby's meaning, compiled for Python.

Rouge's rules are Onigmo patterns matched by a ``StringScanner``, and two things differ from
Python's ``re`` when a pattern is written the same way:

- Onigmo's ``\\w``, ``\\d``, ``\\s`` and ``\\h`` are ASCII; ``\\b`` and the POSIX classes
  (``[[:alpha:]]``) and properties (``\\p{L}``) are Unicode.
- The scanner matches at its position as if the string began there: ``\\A``, ``^`` and ``\\b``
  at the start of a pattern look at nothing before the position, and a look-behind there never
  sees a character.

:func:`compile_rule` rewrites a pattern written as Rouge writes it into one that means the same
under ``pattern.match(text, pos)``. Patterns that need Unicode properties are compiled with
the ``regex`` module, the rest with ``re``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, cast

import regex  # type: ignore[import-untyped]


class Match(Protocol):
    def group(self, index: int = 0, /) -> Any: ...
    def start(self, index: int = 0, /) -> int: ...
    def end(self, index: int = 0, /) -> int: ...
    def groups(self) -> tuple[Any, ...]: ...
    @property
    def lastindex(self) -> int | None: ...


Matcher = Callable[[str, int], Match | None]

_SPACE = r" \t\n\v\f\r"
_IN_CLASS = {
    "w": "a-zA-Z0-9_",
    "d": "0-9",
    "s": _SPACE,
    "h": "0-9a-fA-F",
}
_OUTSIDE = {
    "w": "[a-zA-Z0-9_]",
    "W": "[^a-zA-Z0-9_]",
    "d": "[0-9]",
    "D": "[^0-9]",
    "s": f"[{_SPACE}]",
    "S": f"[^{_SPACE}]",
    "h": "[0-9a-fA-F]",
    "H": "[^0-9a-fA-F]",
    "z": r"\Z",
    "Z": r"(?=\n?\Z)",
    "e": r"\x1b",
}
# Onigmo's Unicode classes, as the ``regex`` module spells them (inside a character class).
_PROPERTIES = {
    "Word": r"\p{L}\p{M}\p{Nd}\p{Pc}",
    "Alpha": r"\p{Alphabetic}",
    "Alnum": r"\p{Alphabetic}\p{Nd}",
    "Upper": r"\p{Uppercase}",
    "Lower": r"\p{Lowercase}",
    "Digit": r"\p{Nd}",
    "Space": r"\p{White_Space}",
}
_POSIX = {
    "alpha": _PROPERTIES["Alpha"],
    "alnum": _PROPERTIES["Alnum"],
    "upper": _PROPERTIES["Upper"],
    "lower": _PROPERTIES["Lower"],
    "digit": _PROPERTIES["Digit"],
    "space": _PROPERTIES["Space"],
    "word": _PROPERTIES["Word"],
    "xdigit": "0-9a-fA-F",
}
_FLAGS = {"i": re.IGNORECASE, "m": re.DOTALL, "x": re.VERBOSE}


def _property(name: str) -> str:
    return _PROPERTIES.get(name, "\\p{" + name + "}")


def _strip_extended(source: str) -> str:
    """The pattern without ``/x``'s insignificant whitespace and comments."""
    out: list[str] = []
    i, n, depth = 0, len(source), 0
    while i < n:
        char = source[i]
        if char == "\\" and i + 1 < n:
            out.append(source[i : i + 2])
            i += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]" and depth:
            depth -= 1
        elif not depth and char in " \t\n\r\f\v":
            i += 1
            continue
        elif not depth and char == "#":
            while i < n and source[i] != "\n":
                i += 1
            continue
        out.append(char)
        i += 1
    return "".join(out)


def _class_end(source: str, start: int) -> int:
    """The index just past the character class opening at ``start``."""
    i = start + 1
    if i < len(source) and source[i] == "^":
        i += 1
    if i < len(source) and source[i] == "]":
        i += 1
    depth = 1
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if source.startswith("[:", i):
            close = source.find(":]", i + 2)
            if close > 0:
                i = close + 2
                continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if not depth:
                return i + 1
        i += 1
    raise ValueError(f"unterminated character class in {source!r}")


def _translate_class(body: str) -> tuple[str, bool]:
    """A character class's inside, translated; and whether it needs ``regex``."""
    out: list[str] = []
    uses_regex = False
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            letter = body[i + 1]
            if letter in _IN_CLASS:
                out.append(_IN_CLASS[letter])
            elif letter in "WDSH":
                raise ValueError(f"negated class escape inside a class: {body!r}")
            elif letter == "p":
                close = body.index("}", i)
                name = body[i + 3 : close]
                out.append(_property(name))
                uses_regex = True
                i = close + 1
                continue
            elif letter == "e":
                out.append(r"\x1b")
            else:
                out.append(body[i : i + 2])
            i += 2
            continue
        if body.startswith("[:", i):
            close = body.index(":]", i)
            out.append(_POSIX[body[i + 2 : close]])
            uses_regex = True
            i = close + 2
            continue
        if char == "[":
            out.append("\\[")
        else:
            out.append(char)
        i += 1
    return "".join(out), uses_regex


_NEGATED = {"S": "s", "W": "w", "D": "d", "H": "h"}
_NEGATED_ESCAPE = re.compile(r"\\([SWDH])|\\.", re.S)


def _class(body: str) -> tuple[str, bool]:
    """A character class, translated. Python cannot put ``\\S`` and its kin in a class
    with other members, so such a class becomes an alternation (or, negated, look-aheads)."""
    negated = body.startswith("^") and len(body) > 1
    inside = body[1:] if negated else body
    escapes: list[str] = []

    def take(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return match.group()
        escapes.append(_NEGATED[match.group(1)])
        return ""

    rest = _NEGATED_ESCAPE.sub(take, inside)
    if not escapes:
        translated, needs = _translate_class(body)
        return f"[{translated}]", needs
    members, needs = _translate_class(rest) if rest else ("", False)
    positives = [_IN_CLASS[letter] for letter in escapes]
    if negated:
        # Neither a member nor outside any of the positive classes: in all of them.
        guard = f"(?![{members}])" if members else ""
        ahead = "".join(f"(?=[{positive}])" for positive in positives[1:])
        return f"(?:{guard}{ahead}[{positives[0]}])", needs
    choices = [f"[^{positive}]" for positive in positives]
    if members:
        choices.append(f"[{members}]")
    return "(?:" + "|".join(choices) + ")", needs


def translate(source: str, extended: bool = False, at_start: bool = True) -> tuple[str, bool]:
    """Ruby pattern source in, Python pattern source out (and whether it needs ``regex``)."""
    if extended:
        source = _strip_extended(source)
    out: list[str] = []
    uses_regex = False
    # For each open group: whether it opened before anything was consumed (the scanner's
    # "start", where alternatives begin again), whether its current alternative is still there,
    # and whether anything in it consumed.
    opened, current, consumed = [at_start], [at_start], [False]

    def consume() -> None:
        current[-1] = False
        consumed[-1] = True

    i, n = 0, len(source)
    while i < n:
        char = source[i]
        start = current[-1]
        if char == "\\" and i + 1 < n:
            letter = source[i + 1]
            if start and letter in "AbB":
                out.append({"A": "", "b": r"(?=\w)", "B": r"(?!\w)"}[letter])
                i += 2
                continue
            if letter == "p":
                close = source.index("}", i)
                name = source[i + 3 : close]
                out.append("[" + _property(name) + "]")
                uses_regex = True
                i = close + 1
                consume()
                continue
            if letter == "k" and source.startswith("<", i + 2):
                close = source.index(">", i)
                out.append(f"(?P={source[i + 3 : close]})")
                i = close + 1
                consume()
                continue
            out.append(_OUTSIDE.get(letter, source[i : i + 2]))
            i += 2
            if letter not in "bBAzZG":
                consume()
            continue
        if char == "[":
            end = _class_end(source, i)
            body, needs = _class(source[i + 1 : end - 1])
            uses_regex |= needs
            out.append(body)
            i = end
            consume()
            continue
        if char == "^" and start:
            i += 1
            continue
        if source.startswith("(?<!", i) or source.startswith("(?<=", i):
            close = _group_end(source, i)
            if start:
                # Nothing lies before the scanner's position for a look-behind to see.
                if source[i + 3] == "=":
                    out.append("(?!)")
            else:
                out.append(source[i:close])
            i = close
            continue
        if source.startswith("(?=", i) or source.startswith("(?!", i):
            close = _group_end(source, i)
            inner, needs = translate(source[i + 3 : close - 1], at_start=start)
            uses_regex |= needs
            out.append(source[i : i + 3] + inner + ")")
            i = close
            continue
        if char == "(":
            if source.startswith("(?<", i):
                head = "(?P<"
                i += 3
            else:
                found = re.match(r"\((\?(?:[:>]|[imsx-]+:))?", source[i:])
                assert found is not None
                head = found.group()
                i += len(head)
            out.append(head)
            opened.append(start)
            current.append(start)
            consumed.append(False)
            continue
        if char == ")":
            out.append(char)
            i += 1
            opened.pop()
            current.pop()
            if consumed.pop():
                consume()
            continue
        if char == "|":
            out.append(char)
            i += 1
            current[-1] = opened[-1]
            continue
        out.append(char)
        i += 1
        if char not in "*?+$":
            consume()
    return "".join(out), uses_regex


def _group_end(source: str, start: int) -> int:
    depth = 0
    i = start
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(source, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if not depth:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced group in {source!r}")


@dataclass(frozen=True, slots=True)
class Translated:
    """A rule's pattern as Python reads it: its source, its flags, and whether it needs the
    ``regex`` module; a pattern Rouge tries only at line starts keeps its ``^``."""

    source: str
    flags: int
    needs_regex: bool

    @property
    def combinable(self) -> bool:
        # Back-references count groups, which an alternation of several rules renumbers.
        return not _BACKREFERENCE.search(self.source)

    def compile(self) -> Matcher:
        if self.needs_regex:
            return cast(Matcher, regex.compile(self.source, self.flags | regex.VERSION0).match)
        return cast(Matcher, re.compile(self.source, self.flags).match)


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
_INLINE = {re.IGNORECASE: "i", re.DOTALL: "s"}


def translate_rule(source: str, flags: str = "") -> Translated:
    python, needs_regex = translate(source, extended="x" in flags)
    if source.startswith("^"):
        # Rouge tries these only at the start of a line, which Python's ^ tests under re.M.
        python = f"^(?:{python})"
    bits = re.MULTILINE
    for flag in flags:
        if flag != "x":
            bits |= _FLAGS[flag]
    return Translated(python, bits, needs_regex)


def combine(rules: list[Translated]) -> tuple[Matcher, dict[str, int]]:
    """One matcher trying the rules in order at a position: an alternation, each rule in a
    group ``_<n>`` of its own (a match's ``lastindex`` is the group of the rule that matched),
    each with its own flags; and the group numbers of those groups."""
    parts = []
    for number, rule in enumerate(rules):
        inline = "".join(letter for bit, letter in _INLINE.items() if rule.flags & bit)
        body = f"(?{inline}:{rule.source})" if inline else f"(?:{rule.source})"
        parts.append(f"(?P<_{number}>{body})")
    pattern = "|".join(parts)
    if rules[0].needs_regex:
        compiled: Any = regex.compile(pattern, re.MULTILINE | regex.VERSION0)
    else:
        compiled = re.compile(pattern, re.MULTILINE)
    groups = {name: number for name, number in compiled.groupindex.items() if name[0] == "_"}
    return cast(Matcher, compiled.match), groups
