"""JavaScript and TypeScript with Rouge's rules: expression starts (where ``/`` opens a regex),
statements (where ``name:`` is a label), object literals (where it is an attribute) and
template strings."""

from __future__ import annotations

from typing import ClassVar

from ..engine import POP, Definition, RegexLexer, groups_then, mixin, moves, rule, then, wordset
from ..patterns import Match

ID = r"[\p{L}\p{Nl}$_][\p{Word}]*"


def _identifier(lexer: Javascript, m: Match) -> None:
    word = m.group()
    kind = type(lexer)
    if word in kind.keywords:
        lexer.token("k")
        lexer.push("expr_start")
    elif word in kind.declarations:
        lexer.token("kd")
        lexer.push("expr_start")
    elif word in kind.reserved:
        lexer.token("kr")
    elif word in kind.constants:
        lexer.token("kc")
    elif word in kind.builtins:
        lexer.token("nb")
    else:
        lexer.token("nx")


def _object_close(lexer: RegexLexer, m: Match) -> None:
    lexer.token("p")
    lexer.goto("statement")


def _nest(lexer: RegexLexer, m: Match) -> None:
    lexer.token("p")
    lexer.push()


def _group_error(lexer: RegexLexer, m: Match) -> None:
    lexer.token("err")
    lexer.pop(2)


class Javascript(RegexLexer):
    keywords: ClassVar[frozenset[str]] = wordset(
        """
            as async await break case catch continue debugger default delete do else export
            finally from for if import in instanceof new of return super switch this throw try
            typeof void while yield
            """
    )
    declarations: ClassVar[frozenset[str]] = wordset(
        """
            var let const with function class extends constructor get set static
            """
    )
    reserved: ClassVar[frozenset[str]] = wordset(
        """
            enum implements interface package private protected public
            """
    )
    constants: ClassVar[frozenset[str]] = wordset(
        """
            true false null NaN Infinity undefined
            """
    )
    builtins: ClassVar[frozenset[str]] = wordset(
        """
            Array Boolean Date Error Function Math netscape Number Object Packages RegExp
            String sun decodeURI decodeURIComponent encodeURI encodeURIComponent Error eval
            isFinite isNaN parseFloat parseInt document window navigator self global Promise
            Set Map WeakSet WeakMap Symbol Proxy Reflect Int8Array Uint8Array Uint8ClampedArray
            Int16Array Uint16Array Uint16ClampedArray Int32Array Uint32Array Uint32ClampedArray
            Float32Array Float64Array DataView ArrayBuffer
            """
    )

    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "multiline_comment": [
                rule(r"[*]/", "cm", POP),
                rule(r"[^*/]+", "cm"),
                rule(r"[*/]", "cm"),
            ],
            "comments_and_whitespace": [
                rule(r"\s+", ""),
                rule(r"<!--", "c"),
                rule(r"//.*?$", "c1"),
                rule(r"/[*]", "cm", "multiline_comment"),
            ],
            "expr_start": [
                mixin("comments_and_whitespace"),
                rule(r"/", then("sr", "goto:regex")),
                rule(r"[{]", then("p", "goto:object")),
                rule(r"", "", POP),
            ],
            "regex": [
                rule(r"/", then("sr", "goto:regex_end")),
                rule(r"[^/]\n", "err", POP),
                rule(r"\n", "err", POP),
                rule(r"\[\^", "se", "regex_group"),
                rule(r"\[", "se", "regex_group"),
                rule(r"\\.", "se"),
                rule(r"[(][?][:=<!]", "se"),
                rule(r"[{][\d,]+[}]", "se"),
                rule(r"[()?]", "se"),
                rule(r".", "sr"),
            ],
            "regex_end": [rule(r"[gimuy]+", "sr", POP), rule(r"", moves(POP))],
            "regex_group": [
                rule(r"/", "se"),
                rule(r"[^/]\n", _group_error),
                rule(r"\]", "se", POP),
                rule(r"\\.", "se"),
                rule(r".", "sr"),
            ],
            "root": [
                rule(r"\A\s*#!.*?\n", "cp", "statement", flags="m"),
                rule(r"(?<=\n)(?=\s|/|<!--)", "", "expr_start"),
                mixin("comments_and_whitespace"),
                rule(
                    r"\+\+ | -- | ~ | \?\?=? | && | \|\| | \\(?=\n) | << | >>>? | === | !== ",
                    "o",
                    "expr_start",
                    flags="x",
                ),
                rule(r"[-<>+*%&|\^/!=]=?", "o", "expr_start"),
                rule(r"[(\[,]", "p", "expr_start"),
                rule(r";", "p", "statement"),
                rule(r"[)\].]", "p"),
                rule(r"`", then("s2", "template_string")),
                rule(r"[?][.]", "p"),
                rule(r"[?]", then("p", "ternary", "expr_start")),
                rule(r"(\@)(\w+)?", groups_then(("p", "nd"), "expr_start")),
                rule(r"[{}]", "p", "statement"),
                rule(ID, _identifier, flags="i"),
                rule(r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?", "mf"),
                rule(r"0x[0-9a-fA-F]+", "mh", flags="i"),
                rule(r"0o[0-7][0-7_]*", "mo", flags="i"),
                rule(r"0b[01][01_]*", "mb", flags="i"),
                rule(r"[0-9]+", "mi"),
                rule(r'"', "dl", "dq"),
                rule(r"'", "dl", "sq"),
                rule(r":", "p"),
            ],
            "dq": [
                rule(r'\\[\\nrt"]?', "se"),
                rule(r'[^\\"]+', "s2"),
                rule(r'"', "dl", POP),
            ],
            "sq": [
                rule(r"\\[\\nrt']?", "se"),
                rule(r"[^\\']+", "s1"),
                rule(r"'", "dl", POP),
            ],
            "statement": [
                rule(r"case\b", then("k", "goto:expr_start")),
                rule(rf"({ID})(\s*)(:)", ("nl", "", "p"), flags="i"),
                mixin("expr_start"),
            ],
            "object": [
                mixin("comments_and_whitespace"),
                rule(r"[{]", _nest),
                rule(r"[}]", _object_close),
                rule(rf"({ID})(\s*)(:)", groups_then(("na", "", "p"), "expr_start"), flags="i"),
                rule(r":", "p"),
                mixin("root"),
            ],
            "ternary": [rule(r":", then("p", "goto:expr_start")), mixin("root")],
            "template_string": [
                rule(r"[$]{", "p", "template_string_expr"),
                rule(r"`", "s2", POP),
                rule(r"\\[$`]", "se"),
                rule(r"[^$`\\]+", "s2"),
                rule(r"[\\$]", "s2"),
            ],
            "template_string_expr": [rule(r"}", "p", POP), mixin("root")],
        }


def _typescript_states(states: dict[str, Definition]) -> dict[str, Definition]:
    """TypeScript's additions to a JavaScript lexer's states (Rouge's ``TypescriptCommon``)."""
    states = dict(states)
    states["root"] = [rule(r"[?][.]", "p"), rule(r"[?]{2}", "o"), *states["root"]]
    label = rule(
        rf"({ID})(\??)(\s*)(:)", groups_then(("nl", "p", "", "p"), "expr_start"), flags="i"
    )
    states["statement"] = [label, *states["statement"]]
    return states


class Typescript(Javascript):
    keywords = Javascript.keywords | wordset(
        "is namespace static private protected public implements readonly"
    )
    declarations = Javascript.declarations | wordset("type abstract")
    reserved = Javascript.reserved | wordset(
        "string any void number namespace module declare default interface keyof"
    )
    builtins = Javascript.builtins | wordset("Pick Partial Readonly Record")

    @classmethod
    def states(cls) -> dict[str, Definition]:
        return _typescript_states(super().states())


def _open_tag(lexer: RegexLexer, m: Match) -> None:
    lexer.token("p")
    lexer.push("tag_opening")
    lexer.push("element")
    lexer.push("element_name")


def _closing_tag(lexer: RegexLexer, m: Match) -> None:
    lexer.token("p")
    lexer.goto("element")
    lexer.push("element_name")


def _to_html(lexer: Jsx, m: Match) -> None:
    lexer.delegate(lexer.html)


def _self_closing(lexer: RegexLexer, m: Match) -> None:
    lexer.token("p")
    lexer.pop(2)


class Jsx(Javascript):
    """JavaScript with XML-like elements, whose text is lexed as HTML."""

    def __init__(self, options: dict[str, object] | None = None) -> None:
        super().__init__(options)
        from .markup import Html

        self.html: RegexLexer = Html(self.options)

    def start(self) -> None:
        from .markup import Html

        self.html = Html(self.options)
        self.push("expr_start")

    @classmethod
    def states(cls) -> dict[str, Definition]:
        states = dict(super().states())
        interpolation = then("si", "interpol", "expr_start")
        states["expr_start"] = [mixin("tag"), *states["expr_start"]]
        states["tag"] = [rule(r"<", _open_tag)]
        states["tag_opening"] = [
            rule(r"<\/", _closing_tag),
            mixin("tag"),
            rule(r"{", interpolation),
            rule(r"[^<{]+", _to_html),
        ]
        states["element"] = [
            mixin("comments_and_whitespace"),
            rule(r"\/>", _self_closing),
            rule(r">", "p", POP),
            rule(r"{", interpolation),
            rule(r"\w[\w-]*", "na"),
            rule(r"=", "p"),
            rule(r"([\"']).*?(\1)", "s"),
        ]
        states["element_name"] = [
            rule(r"[A-Z]\w*", "nc"),
            rule(r"\w+", "nt"),
            rule(r"\.", "p"),
            rule(r"", moves(POP)),
        ]
        states["interpol"] = [
            rule(r"}", "si", POP),
            rule(r"{", then("p", "interpol_inner", "statement")),
            mixin("root"),
        ]
        states["interpol_inner"] = [rule(r"}", then("p", "goto:statement")), mixin("root")]
        return states


def _generic_end(lexer: RegexLexer, m: Match) -> None:
    lexer.groups("nx", "p")
    lexer.pop(3)


class Tsx(Jsx):
    keywords = Typescript.keywords
    declarations = Typescript.declarations
    reserved = Typescript.reserved
    builtins = Typescript.builtins

    @classmethod
    def states(cls) -> dict[str, Definition]:
        states = _typescript_states(super().states())
        states["element_name"] = [rule(r"(\w+)(,)", _generic_end), *states["element_name"]]
        return states
