"""YAML with Rouge's rules, indentation stack included: keys are attributes, plain scalars
are strings (``true``/``false``/``null`` constants), block scalars follow their indicator."""

from __future__ import annotations

import re

from ..engine import POP, Callback, Definition, RegexLexer, mixin, rule
from ..patterns import Match

PLAIN_START = r"[^ \t\n\r\f\v?:,\[\]{}#&*!\|>'\"%@`]"
_LEADING_INTEGER = re.compile(r"[ \t\n\v\f\r]*([+-]?[0-9]+)")


def _to_i(text: str) -> int:
    """Ruby's ``String#to_i``: the leading integer, 0 when there is none."""
    found = _LEADING_INTEGER.match(text)
    return int(found.group(1)) if found else 0


class Yaml(RegexLexer):
    def __init__(self, options: dict[str, object] | None = None) -> None:
        super().__init__(options)
        self.reset_indent()

    def start(self) -> None:
        self.reset_indent()

    def reset_indent(self) -> None:
        self.indent_stack = [0]
        self.next_indent = 0
        self.block_scalar_indent: int | None = None

    @property
    def indent(self) -> int:
        return self.indent_stack[-1]

    def save_indent(self, text: str) -> tuple[str, str]:
        self.next_indent = len(text)
        if self.next_indent < self.indent:
            while self.next_indent < self.indent:
                self.indent_stack.pop()
            return text[: self.indent], text[self.indent :]
        return text, ""

    def set_indent(self, text: str, implicit: bool = False) -> None:
        if self.indent < self.next_indent:
            self.indent_stack.append(self.next_indent)
        if not implicit:
            self.next_indent += len(text)

    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "basic": [rule(r"#.*$", "c1")],
            "root": [
                mixin("basic"),
                rule(r"\n+", ""),
                rule(r"[ ]+(?=#|$)", ""),
                rule(r"^%YAML\b", _directive("yaml_directive")),
                rule(r"^%TAG\b", _directive("tag_directive")),
                rule(r"^(?:---|\.\.\.)(?= |$)", _document),
                rule(r"[ ]*(?!\s|$)", _line_start),
            ],
            "indentation": [
                rule(r"\s*?\n", _blank_line),
                rule(r"[ ]+(?=[-:?](?:[ ]|$))", _continue_indent),
                rule(r"[?:-](?=[ ]|$)", _indicator),
                rule(r"[ ]*", _indent_done),
            ],
            "block_line": [
                rule(r"[ ]*(?=#|$)", "", POP),
                rule(r"[ ]+", ""),
                mixin("descriptors"),
                mixin("block_nodes"),
                mixin("flow_nodes"),
                rule(rf"(?={PLAIN_START}|[?:-][^ \t\n\r\f\v])", _plain_in_block),
            ],
            "descriptors": [
                rule(r"!<[0-9A-Za-z;\/?:@&=+$,_.!~*'()\[\]%-]+>", "kt"),
                rule(r"(?:![\w-]+)?!(?:[\w;/?:@&=+$,.!~*\'()\[\]%-]*)", "kt"),
                rule(r"&[\p{L}\p{Nl}\p{Nd}_-]+", "nl"),
                rule(r"\*[\p{L}\p{Nl}\p{Nd}_-]+", "nv"),
            ],
            "block_nodes": [
                rule(r"([^#,:?\[\]{}\"'\n]+)(:)(?=\s|$)", _key),
                rule(r"[\|>][+-]?", _block_scalar),
            ],
            "flow_nodes": [
                rule(r"\[", "pi", "flow_sequence"),
                rule(r"\{", "pi", "flow_mapping"),
                rule(r"'", "s1", "single_quoted_scalar"),
                rule(r'"', "s2", "double_quoted_scalar"),
            ],
            "flow_collection": [
                rule(r"\s+", "", flags="m"),
                mixin("basic"),
                rule(r"[?:,]", "pi"),
                mixin("descriptors"),
                mixin("flow_nodes"),
                rule(rf"(?={PLAIN_START})", _plain_in_flow),
            ],
            "flow_sequence": [rule(r"\]", "pi", POP), mixin("flow_collection")],
            "flow_mapping": [rule(r"\}", "pi", POP), mixin("flow_collection")],
            "block_scalar_content": [
                rule(r"\n+", ""),
                rule(r"^[ ]+$", _blank_scalar_line),
                rule(r"^[ ]*", _scalar_indent),
                rule(r"[^\n\r\f\v]+", "s"),
            ],
            "block_scalar_header": [
                rule(r"(([1-9])[+-]?|[+-]?([1-9])?)(?=[ ]|$)", _scalar_header),
            ],
            "ignored_line": [mixin("basic"), rule(r"[ ]+", ""), rule(r"\n", "", POP)],
            "quoted_scalar_whitespaces": [
                rule(r"^[ ]+", ""),
                rule(r"[ ]+$", ""),
                rule(r"\n+", "", flags="m"),
                rule(r"[ ]+", "nv"),
            ],
            "single_quoted_scalar": [
                mixin("quoted_scalar_whitespaces"),
                rule(r"\\'", "se"),
                rule(r"'", "s", POP),
                rule(r"[^\s']+", "s"),
            ],
            "double_quoted_scalar": [
                rule(r'"', "s", POP),
                mixin("quoted_scalar_whitespaces"),
                rule(r'\\[0abt\tn\nvfre "\\N_LP]', "se"),
                rule(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})", "se"),
                rule(r'[^ \t\n\r\f\v"\\]+', "s"),
            ],
            "plain_scalar_in_block_context_new_line": [
                rule(r"^[ ]+\n", ""),
                rule(r"\n+", "", flags="m"),
                rule(r"^(?=---|\.\.\.)", _end_of_document),
                rule(r"^[ ]*", _scalar_continues),
            ],
            "plain_scalar_in_block_context": [
                rule(r"[ ]*(?=:[ \n]|:$)", "", POP),
                rule(r"[ ]*:\S+", "s"),
                rule(r"[ ]+(?=#)", "", POP),
                rule(r"[ ]+$", ""),
                rule(r"\n+", _scalar_newline),
                rule(r"[ ]+", "s"),
                rule(r"true|false|null", "no"),
                rule(r"\d+(?:\.\d+)?(?=(\r?\n)| +#)", "m", POP),
                rule(r"[^\s:]+", "s"),
            ],
            "plain_scalar_in_flow_context": [
                rule(r"[ ]*(?=[,:?\[\]{}])", "", POP),
                rule(r"[ ]+(?=#)", "", POP),
                rule(r"^[ ]+", ""),
                rule(r"[ ]+$", ""),
                rule(r"\n+", ""),
                rule(r"[ ]+", "nv"),
                rule(r"[^\s,:?\[\]{}]+", "nv"),
            ],
            "yaml_directive": [rule(r"([ ]+)(\d+\.\d+)", _yaml_version)],
            "tag_directive": [
                rule(
                    r"([ ]+)(!|![\w-]*!)([ ]+)(!|!?[\w;/?:@&=+$,.!~*'()\[\]%-]+)",
                    _tag_handle,
                ),
            ],
        }


def _directive(state: str) -> Callback:
    def act(lexer: Yaml, m: Match) -> None:
        lexer.token("nt")
        lexer.reset_indent()
        lexer.push(state)

    return act


def _document(lexer: Yaml, m: Match) -> None:
    lexer.token("nn")
    lexer.reset_indent()
    lexer.push("block_line")


def _line_start(lexer: Yaml, m: Match) -> None:
    text, error = lexer.save_indent(m.group())
    lexer.token("", text)
    lexer.token("err", error)
    lexer.push("block_line")
    lexer.push("indentation")


def _blank_line(lexer: Yaml, m: Match) -> None:
    lexer.token("")
    lexer.pop(2)


def _continue_indent(lexer: Yaml, m: Match) -> None:
    lexer.token("")
    lexer.next_indent += len(m.group())


def _indicator(lexer: Yaml, m: Match) -> None:
    lexer.set_indent(m.group())
    lexer.token("pi")


def _indent_done(lexer: Yaml, m: Match) -> None:
    lexer.token("")
    lexer.next_indent += len(m.group())
    lexer.pop()


def _plain_in_block(lexer: Yaml, m: Match) -> None:
    lexer.push("plain_scalar_in_block_context")


def _plain_in_flow(lexer: Yaml, m: Match) -> None:
    lexer.push("plain_scalar_in_flow_context")


def _key(lexer: Yaml, m: Match) -> None:
    lexer.groups("na", "pi")
    lexer.set_indent(m.group(), implicit=True)


def _block_scalar(lexer: Yaml, m: Match) -> None:
    lexer.token("pi")
    lexer.push("block_scalar_content")
    lexer.push("block_scalar_header")


def _blank_scalar_line(lexer: Yaml, m: Match) -> None:
    text = m.group()
    mark = lexer.block_scalar_indent if lexer.block_scalar_indent is not None else len(text)
    lexer.token("", text[:mark])
    lexer.token("no", text[mark:])


def _scalar_indent(lexer: Yaml, m: Match) -> None:
    lexer.token("")
    size = len(m.group())
    dedent = lexer.block_scalar_indent if lexer.block_scalar_indent is not None else lexer.indent
    if lexer.block_scalar_indent is None:
        lexer.block_scalar_indent = size
    if size < dedent:
        lexer.save_indent(m.group())
        lexer.pop()
        lexer.push("indentation")


def _scalar_header(lexer: Yaml, m: Match) -> None:
    lexer.block_scalar_indent = None
    lexer.goto("ignored_line")
    if not m.group():
        return
    lexer.block_scalar_indent = lexer.indent + _to_i(m.group(1))
    lexer.token("pi")


def _end_of_document(lexer: Yaml, m: Match) -> None:
    lexer.pop(3)


def _scalar_continues(lexer: Yaml, m: Match) -> None:
    lexer.token("")
    lexer.pop()
    if len(m.group()) <= lexer.indent:
        lexer.pop()
        lexer.save_indent(m.group())
        lexer.push("indentation")


def _scalar_newline(lexer: Yaml, m: Match) -> None:
    lexer.token("")
    lexer.push("plain_scalar_in_block_context_new_line")


def _yaml_version(lexer: Yaml, m: Match) -> None:
    lexer.groups("", "m")
    lexer.goto("ignored_line")


def _tag_handle(lexer: Yaml, m: Match) -> None:
    lexer.groups("", "kt", "", "kt")
    lexer.goto("ignored_line")
