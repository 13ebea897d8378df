"""Shell sessions (``console``) and IRB/Pry sessions (``irb``), line by line as Rouge reads them.

A line that ends in a prompt character (by default the first ``$``, ``#``, ``>`` or ``;``)
is a prompt, and what follows it is lexed as the session's language (shell or Ruby), whose
state carries over from one prompt line to the next; other lines are output.
"""

from __future__ import annotations

import re
from typing import Any

from ..engine import POP, Definition, Emit, Lexer, mixin, rule
from .plaintext import PlainText
from .ruby import Ruby
from .shell import Shell

_LINE = re.compile(r"(.*?)(\n|$)", re.M)
_SNIP = re.compile(r"[ \t\n\v\f\r]*(?:<[.]+>|[.]+)[ \t\n\v\f\r]*\Z")
_LEADING_SPACE = re.compile(r"[ \t\n\v\f\r]*")
_RUBY_STRIP = " \t\r\n\f\v\0"


def as_list(value: Any) -> list[str]:
    """Rouge's ``as_list``: a list option, comma-separated."""
    if isinstance(value, list):
        return [item for part in value for item in as_list(part)]
    if isinstance(value, str):
        return _ruby_split(value, ",")
    return []


def _ruby_split(value: str, separator: str) -> list[str]:
    parts = value.split(separator)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def as_bool(value: Any) -> bool:
    if value is None or value is False or value in (0, "0", "false", "off"):
        return False
    if isinstance(value, list):
        return True if not value else as_bool(value[-1])
    return True


def _named(name: Any) -> Lexer | None:
    """A lexer option's lexer, found by name as Rouge finds it."""
    from ..registry import find

    if isinstance(name, list):
        name = name[-1] if name else None
    found = find(str(name)) if isinstance(name, str) and name else None
    return found.lexer() if found else None


class Console(Lexer):
    """Rouge's ``console``, with its ``?lang``, ``?output``, ``?prompt``, ``?comments`` and
    ``?error`` options."""

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        super().__init__(options)
        self.prompt = as_list(self.options.pop("prompt", None))
        self.comments: bool | None = (
            as_bool(self.options["comments"]) if "comments" in self.options else None
        )
        self.errors = as_list(self.options.pop("error", None))
        self.lang = self.make_lang(self.options.pop("lang", None))
        self.output = self.make_output(self.options.pop("output", None))
        self.prompt_re = self.prompt_regex()
        self.error_re = (
            re.compile("^(?:" + "|".join(re.escape(e) for e in self.errors) + ")", re.M)
            if self.errors
            else None
        )

    def make_lang(self, name: Any) -> Lexer:
        return _named(name) or Shell(self.options)

    def make_output(self, name: Any) -> Lexer:
        return _named(name) or PlainText(token="go")

    def allow_comments(self) -> bool:
        if self.comments is None:
            return bool(self.prompt) and "#" not in self.end_chars()
        return self.comments

    def end_chars(self) -> list[str]:
        if self.prompt:
            return [char for char in self.prompt if char]
        if self.allow_comments():
            return ["$", ">", ";"]
        return ["$", "#", ">", ";"]

    def prompt_regex(self) -> re.Pattern[str]:
        prefix = "[^<#]*?" if self.allow_comments() else ".*?"
        ends = "|".join(re.escape(char) for char in self.end_chars())
        return re.compile(f"^{prefix}(?:{ends})", re.M | re.S)

    def continue_lex(self, text: str, emit: Emit) -> None:
        self.lang.reset()
        self.output.reset()
        pos = 0
        while pos < len(text):
            found = _LINE.match(text, pos)
            assert found is not None
            line = found.group()
            pos = found.end()
            self.process_line(line, emit)

    def process_line(self, line: str, emit: Emit) -> None:
        prompt = self.prompt_re.search(line)
        if _SNIP.match(line):
            self.output.reset()
            self.lang.reset()
            emit("c", line)
        elif prompt is not None:
            self.output.reset()
            emit("gp", prompt.group())
            rest = line[prompt.end() :]
            space = _LEADING_SPACE.match(rest)
            assert space is not None
            emit("w", space.group())
            self.lang.continue_lex(rest[space.end() :], emit)
        elif line.strip(_RUBY_STRIP).startswith("#"):
            self.output.reset()
            self.lang.reset()
            emit("c", line)
        elif self.error_re is not None and self.error_re.search(line):
            self.output.reset()
            self.lang.reset()
            emit("gr", line)
        else:
            self.lang.reset()
            self.output.continue_lex(line, emit)


class IrbOutput(Ruby):
    """What IRB prints: output lines up to a ``=>``, then the value as Ruby."""

    def start(self) -> None:
        super().start()
        self.push("stdout")

    @classmethod
    def states(cls) -> dict[str, Definition]:
        states = dict(super().states())
        states["root"] = [rule(r"#<", "kt", "irb_object"), *states["root"]]
        states["has_irb_output"] = [rule(r"=>", "p", POP), rule(r".+?(\n|$)", "go")]
        states["irb_error"] = [rule(r".+?(\n|$)", "gr"), mixin("has_irb_output")]
        states["stdout"] = [
            rule(r"\w+?(Error|Exception):.+?(\n|$)", "gr", "irb_error"),
            mixin("has_irb_output"),
        ]
        states["irb_object"] = [rule(r">", "kt", POP), mixin("root")]
        return states


class Irb(Console):
    def make_lang(self, name: Any) -> Lexer:
        return Ruby(self.options)

    def make_output(self, name: Any) -> Lexer:
        return IrbOutput(self.options)

    def allow_comments(self) -> bool:
        return True

    def prompt_regex(self) -> re.Pattern[str]:
        return re.compile(r'^.*?(irb|pry).*?[>"*]', re.M)
