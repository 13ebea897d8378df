"""Markdown with Rouge's rules: headings, lists, emphasis, links and references; front matter
as YAML, inline HTML as HTML, and fenced code in the fence's language."""

from __future__ import annotations

from ..engine import POP, Definition, Lexer, RegexLexer, State, dynamic_state, mixin, moves, rule
from ..patterns import Match
from .markup import Html
from .plaintext import PlainText
from .yaml import Yaml

EDOT = r"(?-s:\\.|[^\\\n])"


def _front_matter(lexer: RegexLexer, m: Match) -> None:
    Yaml(lexer.options).lex(m.group(), lexer.emit)


def _sublexer(lexer: RegexLexer, name: str, code: str | None) -> Lexer:
    from ..registry import find

    found = find(name or "guess", code or "")
    return found.lexer() if found is not None else PlainText(lexer.options, token="sb")


def _fence(lexer: Markdown, m: Match) -> None:
    sublexer = _sublexer(lexer, m.group(3).strip(" \t\r\n\f\v\0"), m.group(5))
    sublexer.reset()
    lexer.token("", m.group(1))
    lexer.token("p", m.group(2))
    lexer.token("nl", m.group(3))
    if m.group(5) is not None:
        lexer.delegate(sublexer, m.group(5))
    lexer.token("", m.group(6))
    if m.group(7) is not None:
        lexer.token("p", m.group(7))
    else:
        lexer.fenced = sublexer
        lexer.push(_open_fence(lexer, m.group(2)))


def _open_fence(lexer: RegexLexer, fence: str) -> State:
    """The state inside a fence that is not closed before the end: until a closing line."""

    def close(inner: Markdown, found: Match) -> None:
        inner.pop()
        inner.token("", found.group(1))
        inner.token("p", found.group(2))

    def line(inner: Markdown, found: Match) -> None:
        inner.delegate(inner.fenced)

    rules = [rule(rf"^([ \t]*)({fence})", close), rule(r"^.*\n", line)]
    return dynamic_state("fence", {"fence": rules}, f"markdown-fence:{fence}")


def _to_html(lexer: Markdown, m: Match) -> None:
    lexer.delegate(lexer.html)


def _reference(lexer: RegexLexer, m: Match) -> None:
    lexer.groups("", "p", "ss", "p", "", "p")
    lexer.push("title")
    lexer.push("url")


def _link(lexer: RegexLexer, m: Match) -> None:
    lexer.groups("p", "nv", "p")
    lexer.push("link")


def _link_reference(lexer: RegexLexer, m: Match) -> None:
    lexer.groups("p", "ss", "p")
    lexer.pop()


def _link_url(lexer: RegexLexer, m: Match) -> None:
    lexer.token("p")
    lexer.push("inline_title")
    lexer.push("inline_url")


def _angle_url(lexer: RegexLexer, m: Match) -> None:
    lexer.groups("nt", "sx", "nt")
    lexer.pop()


class Markdown(RegexLexer):
    def __init__(self, options: dict[str, object] | None = None) -> None:
        super().__init__(options)
        self.html = Html(self.options)
        self.fenced: Lexer = PlainText(self.options, token="sb")

    def start(self) -> None:
        self.html.reset()

    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "root": [
                rule(r"\A(---\s*\n.*?\n?)^(---\s*$\n?)", _front_matter, flags="m"),
                rule(r"\\.", "se"),
                rule(r"^[\S ]+\n(?:---*)\n", "gh"),
                rule(r"^[\S ]+\n(?:===*)\n", "gu"),
                rule(r"^#(?=[^#]).*?$", "gh"),
                rule(r"^##*.*?$", "gu"),
                rule(r"^([ \t]*)(`{3,}|~{3,})([^\n]*\n)((.*?)(\n\1)(\2))?", _fence, flags="m"),
                rule(r"\n\n((    |\t).*?\n|\n)+", "sb"),
                rule(rf"(`+)(?:{EDOT}|\n)+?\1", "sb"),
                rule(r"^(\s*[*]){3,}\s*$", "p"),
                rule(r"^(\s*[-]){3,}\s*$", "p"),
                rule(r"^\s*[*+-](?=\s)", "p"),
                rule(r"^\s*\d+\.", "p"),
                rule(r"^\s*>.*?$", "gt"),
                rule(rf"^(\s*)(\[)({EDOT}+?)(\])(\s*)(:)", _reference),
                rule(rf"(!?\[)({EDOT}*?|[^\]]*?)(\])(?=[\[(])", _link),
                rule(rf"[*][*]{EDOT}*?[*][*]", "gs"),
                rule(rf"__{EDOT}*?__", "gs"),
                rule(rf"[*]{EDOT}*?[*]", "ge"),
                rule(rf"_{EDOT}*?_", "ge"),
                rule(r"<.*?@.+[.].+>", "nv"),
                rule(rf"<(https?|mailto|ftp)://{EDOT}*?>", "nv"),
                rule(r"[^\\`\[*\n&<]+", ""),
                rule(r"&\S*;", _to_html),
                rule(rf"<{EDOT}*?>", _to_html),
                rule(r"[&<]", ""),
                rule(r"\[", ""),
                rule(r"\n", ""),
            ],
            "link": [
                rule(rf"(\[)({EDOT}*?)(\])", _link_reference),
                rule(r"[(]", _link_url),
                rule(r"[ \t]+", ""),
                rule(r"", moves(POP)),
            ],
            "url": [
                rule(r"[ \t]+", ""),
                rule(rf"(<)({EDOT}*?)(>)", _angle_url),
                rule(r"\S+", "sx", POP),
            ],
            "title": [
                rule(rf"\"{EDOT}*?\"", "nn"),
                rule(rf"'{EDOT}*?'", "nn"),
                rule(rf"[(]{EDOT}*?[)]", "nn"),
                rule(r"\s*(?=[\"'()])", ""),
                rule(r"", moves(POP)),
            ],
            "inline_title": [rule(r"[)]", "p", POP), mixin("title")],
            "inline_url": [
                rule(r"[^<\s)]+", "sx", POP),
                rule(r"\s+", "", flags="m"),
                mixin("url"),
            ],
        }
