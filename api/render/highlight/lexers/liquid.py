"""Liquid templates with Rouge's rules: tags and blocks, outputs with filters, ``raw`` and
``comment`` bodies; white space inside tags is ``w``."""

from __future__ import annotations

import re

from ..engine import POP, Callback, Definition, RegexLexer, groups_then, mixin, rule
from ..patterns import Match

_SINGLE = re.compile(r"'[^']*'")
_DOUBLE = re.compile(r'"[^"]*"')


def _string_kind(text: str | None, default: str) -> str:
    if text is not None and _SINGLE.search(text):
        return "s1"
    if text is not None and _DOUBLE.search(text):
        return "s2"
    return default


def _cycle(lexer: RegexLexer, m: Match) -> None:
    lexer.groups("nt", "w", _string_kind(m.group(3), "na"), "w", "p", "w")
    lexer.push("variable_tag_markup")


def _for(lexer: RegexLexer, m: Match) -> None:
    lexer.groups("nt", "w", "nv", "w", "nt", "w")
    lexer.token(_string_kind(m.group(7), "nv"), m.group(7))
    lexer.token("w", m.group(8))
    lexer.push("tag_markup")


def _end(lexer: RegexLexer, m: Match) -> None:
    lexer.token("p")
    lexer.reset_stack()


def _end_groups(*tokens: str) -> Callback:
    def act(lexer: RegexLexer, m: Match) -> None:
        lexer.groups(*tokens)
        lexer.reset_stack()

    return act


class Liquid(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        end_tag = ("p", "w", "nt", "w", "p")
        return {
            "root": [
                rule(r"[^\{]+", ""),
                rule(r"(\{%-?)(\s*)", groups_then(("p", "w"), "tag_or_block")),
                rule(r"(\{\{-?)(\s*)", groups_then(("p", "w"), "output")),
                rule(r"\{", ""),
            ],
            "tag_or_block": [
                rule(r"(if|elsif|unless|case)\b", "kr", "condition"),
                rule(r"(when)\b", "kr", "when"),
                rule(r"(else)(\s*)(-?%\})", groups_then(("kr", "w", "p"), POP)),
                rule(
                    r"(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})",
                    groups_then(("nt", "w", "nv", "w", "p"), POP),
                ),
                rule(r"(comment)(\s*)(-?%\})", groups_then(("nt", "w", "p"), "comment")),
                rule(r"(raw)(\s*)(-?%\})", groups_then(("nt", "w", "p"), "raw")),
                rule(r"(end(?:if|unless|case))(\s*)(-?%\})", groups_then(("kr", "w", "p"), POP)),
                rule(r"(end(?:[^\s%]+))(\s*)(-?%\})", groups_then(("nt", "w", "p"), POP)),
                rule(r"(assign|echo)\b", "nt", "assign"),
                rule(r"(include|render)\b", "nt", "include"),
                rule(r"(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)", _cycle),
                rule(
                    r"(for|tablerow)(\s+)([\w-]+)(\s+)(in)(\s+)"
                    r"((?:[^\s%,\|'\"]|(?:\"[^\"]*\"|'[^']*'))+)(\s*)",
                    _for,
                ),
                rule(r"([^\s%]+)(\s*)", groups_then(("nt", "w"), "tag_markup")),
            ],
            "output": [
                rule(r"(\|)(\s*)([a-zA-Z_][^\s}\|:]*)", groups_then(("p", "w", "nf"), "filters")),
                mixin("end_of_tag"),
                mixin("generic"),
            ],
            "filters": [
                rule(r"(\|)(\s*)([a-zA-Z_][^\s%}\|:]*)", ("p", "w", "nf")),
                mixin("end_of_tag"),
                mixin("end_of_block"),
                mixin("variable_param_markup"),
            ],
            "condition": [
                rule(r"([=!]=|[<>]=?)", "o"),
                rule(r"(and|or|contains)\b", "ow"),
                mixin("end_of_block"),
                mixin("generic"),
            ],
            "when": [mixin("end_of_block"), mixin("generic")],
            "end_of_tag": [rule(r"-?\}\}", _end)],
            "end_of_block": [rule(r"-?%\}", _end)],
            "param_markup": [
                mixin("whitespace"),
                mixin("keyword"),
                mixin("string"),
                mixin("number"),
                rule(r"([^\s=:]+)(\s*)(=|:)", ("na", "w", "o")),
                rule(r"[,:]", "p"),
            ],
            "default_param_markup": [mixin("param_markup"), rule(r"\S+", "")],
            "variable_param_markup": [
                mixin("param_markup"),
                mixin("variable"),
                rule(r"\S+", ""),
            ],
            "tag_markup": [
                rule(r"(reversed)\b", "na"),
                mixin("end_of_block"),
                mixin("default_param_markup"),
            ],
            "variable_tag_markup": [mixin("end_of_block"), mixin("variable_param_markup")],
            "keyword": [rule(r"(false|true|nil)\b", "kc")],
            "variable": [
                rule(r"(empty|blank|forloop\.[^\s%}\|:]+)\b", "nb"),
                rule(r"\.(?=\w)|\[|\]", "p"),
                rule(r"(first|last|size)\b", "nf"),
                rule(r"[a-zA-Z_][\w-]*\??", "nv"),
            ],
            "string": [rule(r"'[^']*'", "s1"), rule(r'"[^"]*"', "s2")],
            "number": [rule(r"-", "o"), rule(r"\d+\.\d+", "mf"), rule(r"\d+", "mi")],
            "generic": [
                mixin("whitespace"),
                mixin("keyword"),
                mixin("string"),
                mixin("number"),
                mixin("variable"),
            ],
            "whitespace": [rule(r"[ \t]+", "w")],
            "comment": [
                rule(r"[^\{]+", "c"),
                rule(r"(\{%-?)(\s*)(endcomment)(\s*)(-?%\})", _end_groups(*end_tag)),
                rule(r"\{", "c"),
            ],
            "raw": [
                rule(r"[^\{]+", ""),
                rule(r"(\{%-?)(\s*)(endraw)(\s*)(-?%\})", _end_groups(*end_tag)),
                rule(r"\{", ""),
            ],
            "assign": [
                rule(r"=", "o"),
                rule(r"(\|)(\s*)([a-zA-Z_][^\s%\|:]*)", groups_then(("p", "w", "nf"), "filters")),
                mixin("end_of_block"),
                mixin("generic"),
            ],
            "include": [
                rule(r"(\{\{-?)(\s*)", groups_then(("p", "w"), "output_embed")),
                rule(r"(with|for)\b", "nt"),
                rule(r"[\/\w-]+(\.[\w-]+)+\b", ""),
                mixin("variable_tag_markup"),
            ],
            "output_embed": [
                rule(r"(\|)(\s*)([a-zA-Z_][^\s}\|:]*)", ("p", "w", "nf")),
                rule(r"-?\}\}", "p", POP),
                mixin("variable_param_markup"),
            ],
        }
