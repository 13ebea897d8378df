"""Python, with Rouge's rules: word lists decide keywords and builtins, strings remember their
prefix and quote (f-strings interpolate, raw strings keep escapes)."""

from __future__ import annotations

from ..engine import POP, Definition, RegexLexer, groups_then, rule, wordset
from ..patterns import Match

KEYWORDS = wordset(
    """
        assert break continue del elif else except exec finally for global if lambda pass print
        raise return try while yield as with from import yield async await nonlocal
        """
)
BUILTINS = wordset(
    """
        __import__ abs all any apply ascii basestring bin bool buffer bytearray bytes callable
        chr classmethod cmp coerce compile complex delattr dict dir divmod enumerate eval
        execfile exit file filter float format frozenset getattr globals hasattr hash hex id
        input int intern isinstance issubclass iter len list locals long map max memoryview min
        next object oct open ord pow property range raw_input reduce reload repr reversed round
        set setattr slice sorted staticmethod str sum super tuple type unichr unicode vars
        xrange zip
        """
)
PSEUDO = wordset("self None Ellipsis NotImplemented False True")
EXCEPTIONS = wordset(
    """
        ArithmeticError AssertionError AttributeError BaseException BlockingIOError
        BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError
        ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError
        EnvironmentError Exception FileExistsError FileNotFoundError FloatingPointError
        FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError
        IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError
        MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplemented
        NotImplementedError OSError OverflowError OverflowWarning PendingDeprecationWarning
        ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError
        RuntimeWarning StandardError StopAsyncIteration StopIteration SyntaxError SyntaxWarning
        SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError
        UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning
        UserWarning ValueError VMSError Warning WindowsError ZeroDivisionError
        """
)

IDENTIFIER = r"[[:alpha:]_][[:alnum:]_]*"
DOTTED = r"[[:alpha:]_.][[:alnum:]_.]*"


def _name(lexer: Python, m: Match) -> None:
    word = m.group()
    if word in KEYWORDS:
        lexer.token("k")
    elif word in EXCEPTIONS or word in BUILTINS:
        lexer.token("nb")
    elif word in PSEUDO:
        lexer.token("bp")
    else:
        lexer.token("n")


def _open_string(lexer: Python, m: Match) -> None:
    lexer.groups("sa", "s")
    lexer.strings.append((m.group(1).lower(), m.group(2)))
    lexer.push("generic_string")


def _quote(lexer: Python, m: Match) -> None:
    lexer.token("s")
    if lexer.strings and lexer.strings[-1][1] == m.group():
        lexer.strings.pop()
        lexer.pop()


def _brace(lexer: Python, m: Match) -> None:
    if "f" in lexer.strings[-1][0]:
        lexer.token("si")
        lexer.push("generic_interpol")
    else:
        lexer.token("s")


def _escape(lexer: Python, m: Match) -> None:
    lexer.token("s" if "r" in lexer.strings[-1][0] else "se")
    lexer.pop()


def _recurse(lexer: Python, m: Match) -> None:
    lexer.recurse()


class Python(RegexLexer):
    def __init__(self, options: dict[str, object] | None = None) -> None:
        super().__init__(options)
        # (prefix, quote) of each open string, innermost last
        self.strings: list[tuple[str, str]] = []

    @classmethod
    def states(cls) -> dict[str, Definition]:
        digits = r"[0-9](_?[0-9])*"
        decimal = rf"(({digits})?\.{digits}|{digits}\.)"
        exponent = rf"e[+-]?{digits}"
        return {
            "root": [
                rule(r"\n+", "", flags="m"),
                rule(r'^(:)(\s*)([ru]{0,2}""".*?""")', ("p", "", "sd"), flags="mi"),
                rule(r"[ \t\v\f\r]+", ""),  # [^\S\n]
                rule(r"#(.*)?\n?", "c1"),
                rule(r"[\[\]{}:(),;.]", "p"),
                rule(r"\\\n", ""),
                rule(r"\\", ""),
                rule(r"(in|is|and|or|not)\b", "ow"),
                rule(r"(<<|>>|\/\/|\*\*)=?", "o"),
                rule(r"[-~+\/*%=<>&^|@]=?|!=", "o"),
                rule(
                    rf"(from)((?:\\\s|\s)+)({DOTTED})((?:\\\s|\s)+)(import)",
                    ("kn", "", "nn", "", "kn"),
                ),
                rule(rf"(import)(\s+)({DOTTED})", ("kn", "", "nn")),
                rule(r"(def)((?:\s|\\\s)+)", groups_then(("k", ""), "funcname")),
                rule(r"(class)((?:\s|\\\s)+)", groups_then(("k", ""), "classname")),
                rule(r"`.*?`", "sb"),
                rule(r"([rfbu]{0,2})('''|\"\"\"|['\"])", _open_string, flags="i"),
                rule(rf"@{DOTTED}", "nd", flags="i"),
                rule(rf"(?<!\.){IDENTIFIER}", _name),
                rule(IDENTIFIER, "n"),
                rule(rf"{decimal}({exponent})?j?", "mf", flags="i"),
                rule(rf"{digits}{exponent}j?", "mf", flags="i"),
                rule(rf"{digits}j", "mf", flags="i"),
                rule(r"0b(_?[0-1])+", "mb", flags="i"),
                rule(r"0o(_?[0-7])+", "mo", flags="i"),
                rule(r"0x(_?[a-f0-9])+", "mh", flags="i"),
                rule(r"\d+L", "il"),
                rule(r"([1-9](_?[0-9])*|0(_?0)*)", "mi"),
            ],
            "funcname": [rule(IDENTIFIER, "nf", POP)],
            "classname": [rule(IDENTIFIER, "nc", POP)],
            "generic_string": [
                rule(r"[^'\"\\{]+", "s"),
                rule(r"{{", "s"),
                rule(r"'''|\"\"\"|['\"]", _quote),
                rule(r"(?=\\)", "s", "generic_escape"),
                rule(r"{", _brace),
            ],
            "generic_escape": [
                rule(
                    r"""\\
                    ( [\\abfnrtv"']
                    | \n
                    | newline
                    | N{[a-zA-Z][a-zA-Z ]+[a-zA-Z]}
                    | u[a-fA-F0-9]{4}
                    | U[a-fA-F0-9]{8}
                    | x[a-fA-F0-9]{2}
                    | [0-7]{1,3}
                    )""",
                    _escape,
                    flags="x",
                ),
                rule(r"\\.", "s", POP),
            ],
            "generic_interpol": [
                rule(r"[^{}!:]+", _recurse),
                rule(r"![asr]", "si"),
                rule(r":", "si"),
                rule(r"{", "si", "generic_interpol"),
                rule(r"}", "si", POP),
            ],
        }
