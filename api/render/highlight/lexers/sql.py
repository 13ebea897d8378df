"""SQL with Rouge's rules: keywords and type names from Rouge's lists (any case), quoted
identifiers as variables, nested block comments."""

from __future__ import annotations

from ..engine import POP, Definition, RegexLexer, rule
from ..patterns import Match
from .wordlists import SQL_KEYWORDS, SQL_TYPES


def _word(lexer: RegexLexer, m: Match) -> None:
    word = m.group().upper()
    if word in SQL_TYPES:
        lexer.token("nb")
    elif word in SQL_KEYWORDS:
        lexer.token("k")
    else:
        lexer.token("n")


class Sql(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "root": [
                rule(r"\s+", "", flags="m"),
                rule(r"--.*", "c1"),
                rule(r"/\*", "cm", "multiline_comments"),
                rule(r"\d+", "mi"),
                rule(r"'", "s1", "single_string"),
                rule(r'"', "nv", "double_string"),
                rule(r"`", "nv", "backtick"),
                rule(r"\w[\w\d]*", _word),
                rule(r"[+*/<>=~!@#%&|?^-]", "o"),
                rule(r"[;:()\[\]\{\},.]", "p"),
            ],
            "multiline_comments": [
                rule(r"/[*]", "cm", "multiline_comments"),
                rule(r"[*]/", "cm", POP),
                rule(r"[^/*]+", "cm"),
                rule(r"[/*]", "cm"),
            ],
            "backtick": [
                rule(r"\\.", "se"),
                rule(r"``", "se"),
                rule(r"`", "nv", POP),
                rule(r"[^\\`]+", "nv"),
            ],
            "single_string": [
                rule(r"\\.", "se"),
                rule(r"''", "se"),
                rule(r"'", "s1", POP),
                rule(r"[^\\']+", "s1"),
            ],
            "double_string": [
                rule(r"\\.", "se"),
                rule(r'""', "se"),
                rule(r'"', "nv", POP),
                rule(r'[^\\"]+', "nv"),
            ],
        }
