"""HTML and XML with Rouge's rules: tags, attributes and their values, entities, comments;
HTML's ``<script>`` and ``<style>`` are lexed as JavaScript and CSS."""

from __future__ import annotations

from ..engine import POP, Definition, RegexLexer, mixin, moves, rule, then
from ..patterns import Match
from .css import Css
from .javascript import Javascript

NAME = r"[\p{L}:_-][\p{Word}\p{Cf}:.·-]*"


def _script(lexer: Html, m: Match) -> None:
    lexer.token("nt")
    lexer.javascript.reset()
    lexer.push("script_content")
    lexer.push("tag")


def _style(lexer: Html, m: Match) -> None:
    lexer.token("nt")
    lexer.css.reset()
    lexer.push("style_content")
    lexer.push("tag")


def _to_javascript(lexer: Html, m: Match) -> None:
    lexer.delegate(lexer.javascript)


def _to_css(lexer: Html, m: Match) -> None:
    lexer.delegate(lexer.css)


class Html(RegexLexer):
    def __init__(self, options: dict[str, object] | None = None) -> None:
        super().__init__(options)
        self.javascript = Javascript(self.options)
        self.css = Css(self.options)

    def start(self) -> None:
        self.javascript = Javascript(self.options)
        self.css = Css(self.options)

    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "root": [
                rule(r"[^<&]+", "", flags="m"),
                rule(r"&\S*?;", "ni"),
                rule(r"<!DOCTYPE .*?>", "cp", flags="im"),
                rule(r"<!\[CDATA\[.*?\]\]>", "cp", flags="m"),
                rule(r"<!--", "c", "comment"),
                rule(r"<\?.*?\?>", "cp", flags="m"),
                rule(r"<\s*script\s*", _script, flags="m"),
                rule(r"<\s*style\s*", _style, flags="m"),
                rule(r"</", "nt", "tag_end"),
                rule(r"<", "nt", "tag_start"),
                rule(rf"<\s*{NAME}", "nt", "tag"),
                rule(rf"<\s*/\s*{NAME}\s*>", "nt"),
            ],
            "tag_end": [mixin("tag_end_end"), rule(NAME, then("nt", "goto:tag_end_end"))],
            "tag_end_end": [rule(r"\s+", ""), rule(r">", "nt", POP)],
            "tag_start": [
                rule(r"\s+", ""),
                rule(NAME, then("nt", "goto:tag")),
                rule(r"", moves("goto:tag")),
            ],
            "comment": [rule(r"[^-]+", "c"), rule(r"-->", "c", POP), rule(r"-", "c")],
            "tag": [
                rule(r"\s+", "", flags="m"),
                rule(
                    r"[\p{L}:_\[\]()*.-][\p{Word}\p{Cf}:.·\[\]()*-]*\s*=\s*",
                    "na",
                    "attr",
                    flags="m",
                ),
                rule(r"[\p{L}:_*#-][\p{Word}\p{Cf}:.·*#-]*", "na"),
                rule(r"/?\s*>", "nt", POP, flags="m"),
            ],
            "attr": [
                rule(r'"', then("s", "goto:dq")),
                rule(r"'", then("s", "goto:sq")),
                rule(r"[^\s>]+", "s", POP),
            ],
            "dq": [rule(r'"', "s", POP), rule(r'[^"]+', "s")],
            "sq": [rule(r"'", "s", POP), rule(r"[^']+", "s")],
            "script_content": [
                rule(r"[^<]+", _to_javascript),
                rule(r"<\s*/\s*script\s*>", "nt", POP, flags="m"),
                rule(r"<", _to_javascript),
            ],
            "style_content": [
                rule(r"[^<]+", _to_css),
                rule(r"<\s*/\s*style\s*>", "nt", POP, flags="m"),
                rule(r"<", _to_css),
            ],
        }


XML_NAME = r"[\p{L}:_][\p{Word}\p{Cf}:.·-]*"


class Xml(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "root": [
                rule(r"[^<&]+", ""),
                rule(r"&\S*?;", "ni"),
                rule(r"<!\[CDATA\[.*?\]\]\>", "cp"),
                rule(r"<!--", "c", "comment"),
                rule(r"<\?.*?\?>", "cp"),
                rule(r"<![^>]*>", "cp"),
                rule(rf"<\s*{XML_NAME}", "nt", "tag", flags="m"),
                rule(rf"<\s*/\s*{XML_NAME}\s*>", "nt", flags="m"),
            ],
            "comment": [rule(r"[^-]+", "c", flags="m"), rule(r"-->", "c", POP), rule(r"-", "c")],
            "tag": [
                rule(r"\s+", "", flags="m"),
                rule(rf"{XML_NAME}\s*=", "na", "attr", flags="m"),
                rule(r"/?\s*>", "nt", POP),
            ],
            "attr": [
                rule(r"\s+", "", flags="m"),
                rule(r"\".*?\"|'.*?'|[^\s>]+", "s", POP, flags="m"),
            ],
        }
