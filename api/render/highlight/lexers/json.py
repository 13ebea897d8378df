"""JSON with Rouge's rules: keys are labels, white space is ``w``."""

from __future__ import annotations

from ..engine import POP, Definition, RegexLexer, mixin, rule


class Json(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "whitespace": [rule(r"\s+", "w")],
            "root": [
                mixin("whitespace"),
                rule(r"{", "p", "object"),
                rule(r"\[", "p", "array"),
                mixin("name"),
                mixin("value"),
                rule(r"[\]}]", "p"),
            ],
            "object": [
                mixin("whitespace"),
                mixin("name"),
                mixin("value"),
                rule(r"}", "p", POP),
                rule(r",", "p"),
            ],
            "name": [rule(r'("(?:\\.|[^"\\\n])*?")(\s*)(:)', ("nl", "w", "p"))],
            "value": [
                mixin("whitespace"),
                mixin("constants"),
                rule(r'"', "s2", "string"),
                rule(r"\[", "p", "array"),
                rule(r"{", "p", "object"),
            ],
            "string": [rule(r'[^\\"]+', "s2"), rule(r"\\.", "se"), rule(r'"', "s2", POP)],
            "array": [mixin("value"), rule(r"\]", "p", POP), rule(r",", "p")],
            "constants": [
                rule(r"(?:true|false|null)", "kc"),
                rule(r"-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?", "mf", flags="i"),
                rule(r"-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?", "mi", flags="i"),
            ],
        }
