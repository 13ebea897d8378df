"""C, Go and Java with Rouge's rules.

C finds function definitions (``type name(args) {``) and preprocessor lines; Go names its
literal forms as the language specification does; Java finds method declarations and
calls. (Inline flag groups such as ``(?s:...)`` are Python's, as Rouge's interpolated
patterns keep their own flags.)
"""

from __future__ import annotations

from typing import ClassVar

from ..engine import POP, Definition, RegexLexer, mixin, moves, rule, words, wordset
from ..patterns import Match

C_ID = r"[a-zA-Z_][a-zA-Z0-9_]*"
C_WS = r"(?-s:(?:\s|//.*?\n|/[*].*?[*]/)+)"
C_KEYWORDS = wordset(
    """
    auto break case const continue default do else enum extern for goto if register restricted
    return sizeof static struct switch typedef union volatile virtual while _Alignas _Alignof
    _Atomic _Generic _Imaginary _Noreturn _Static_assert _Thread_local
    """
)
C_TYPES = wordset(
    """
    int long float short double char unsigned signed void jmp_buf FILE DIR div_t ldiv_t
    mbstate_t sig_atomic_t fpos_t clock_t time_t va_list size_t ssize_t off_t wchar_t ptrdiff_t
    wctrans_t wint_t wctype_t _Bool _Complex int8_t int16_t int32_t int64_t uint8_t uint16_t
    uint32_t uint64_t int_least8_t int_least16_t int_least32_t int_least64_t uint_least8_t
    uint_least16_t uint_least32_t uint_least64_t int_fast8_t int_fast16_t int_fast32_t
    int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t uint_fast64_t intptr_t uintptr_t
    intmax_t uintmax_t char16_t char32_t
    """
)
C_RESERVED = wordset(
    """
    __asm __int8 __based __except __int16 __stdcall __cdecl __fastcall __int32 __declspec
    __finally __int61 __try __leave inline _inline __inline naked _naked __naked restrict
    _restrict __restrict thread _thread __thread typename _typename __typename
    """
)


def _c_name(lexer: C, m: Match) -> None:
    name = m.group()
    kind = type(lexer)
    if name in kind.keywords:
        lexer.token("k")
    elif name in kind.keywords_type:
        lexer.token("kt")
    elif name in kind.reserved:
        lexer.token("kr")
    else:
        lexer.token("n")


def _c_function(lexer: RegexLexer, m: Match) -> None:
    lexer.recurse(m.group(1))
    lexer.token("nf", m.group(2))
    lexer.recurse(m.group(3))
    lexer.recurse(m.group(4))
    lexer.token("p", m.group(5))
    if m.group(5) == "{":
        lexer.push("function")


class C(RegexLexer):
    keywords: ClassVar[frozenset[str]] = C_KEYWORDS
    keywords_type: ClassVar[frozenset[str]] = C_TYPES
    reserved: ClassVar[frozenset[str]] = C_RESERVED

    def start(self) -> None:
        self.push("bol")

    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "expr_bol": [
                mixin("inline_whitespace"),
                rule(r"#if\s0", "c", "if_0"),
                rule(r"#", "cp", "macro"),
                rule(r"", moves(POP)),
            ],
            "bol": [rule(rf"{C_ID}:(?!:)", "nl"), mixin("expr_bol")],
            "inline_whitespace": [
                rule(r"[ \t\r]+", ""),
                rule(r"\\\n", ""),
                rule(r"/(\\\n)?[*].*?[*](\\\n)?/", "cm", flags="m"),
            ],
            "whitespace": [
                rule(r"\n+", "", "bol", flags="m"),
                rule(r"//(\\.|.)*?$", "c1", "bol"),
                mixin("inline_whitespace"),
            ],
            "expr_whitespace": [rule(r"\n+", "", "expr_bol", flags="m"), mixin("whitespace")],
            "statements": [
                mixin("whitespace"),
                rule(r"(u8|u|U|L)?\"", "s", "string"),
                rule(r"(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", "sc", flags="i"),
                rule(r"(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*", "mf", flags="i"),
                rule(r"\d+e[+-]?\d+[lu]*", "mf", flags="i"),
                rule(r"0x[0-9a-f]+[lu]*", "mh", flags="i"),
                rule(r"0[0-7]+[lu]*", "mo", flags="i"),
                rule(r"\d+[lu]*", "mi", flags="i"),
                rule(r"\*/", "err"),
                rule(r"[~!%^&*+=\|?:<>/-]", "o"),
                rule(r"[()\[\],.;]", "p"),
                rule(r"\bcase\b", "k", "case"),
                rule(r"(?:true|false|NULL)\b", "nb"),
                rule(C_ID, _c_name),
            ],
            "case": [rule(r":", "p", POP), mixin("statements")],
            "root": [
                mixin("expr_whitespace"),
                rule(
                    rf"([\w*\s]+?[\s*])({C_ID})(\s*\([^;]*?\))({C_WS}?)({{|;)",
                    _c_function,
                    flags="m",
                ),
                rule(r"\{", "p", "function"),
                mixin("statements"),
            ],
            "function": [
                mixin("whitespace"),
                mixin("statements"),
                rule(r";", "p"),
                rule(r"{", "p", "function"),
                rule(r"}", "p", POP),
            ],
            "string": [
                rule(r'"', "s", POP),
                rule(r"\\([\\abfnrtv\"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})", "se"),
                rule(r'[^\\"\n]+', "s"),
                rule(r"\\\n", "s"),
                rule(r"\\", "s"),
            ],
            "macro": [
                mixin("include"),
                rule(r"[^/\n\\]+", "cp"),
                rule(r"\\.", "cp", flags="m"),
                mixin("inline_whitespace"),
                rule(r"/", "cp"),
                rule(r"\n", "cp", POP),
            ],
            "include": [
                rule(r"(include)(\s*)(<[^>]+>)([^\n]*)", ("cp", "", "cpf", "c1")),
                rule(r"(include)(\s*)(\"[^\"]+\")([^\n]*)", ("cp", "", "cpf", "c1")),
            ],
            "if_0": [
                rule(r"^\s*#if", "c", "if_0"),
                rule(r"^\s*#\s*el(?:se|if)", "c", POP),
                rule(r"^\s*#\s*endif\b.*?(?<!\\)\n", "c", POP, flags="m"),
                rule(r".*?\n", "c"),
            ],
        }


_DQ = r"\d('?\d)*"


class Cpp(C):
    keywords = C_KEYWORDS | wordset(
        """
        asm auto catch char8_t concept consteval constexpr constinit const_cast co_await
        co_return co_yield delete dynamic_cast explicit export friend mutable namespace new
        operator private protected public reinterpret_cast requires restrict size_of
        static_cast this throw throws typeid typename using virtual final override alignas
        alignof decltype noexcept static_assert thread_local try
        """
    )
    keywords_type = C_TYPES | wordset("bool")
    reserved = C_RESERVED | wordset(
        """
        __virtual_inheritance __uuidof __super __single_inheritance __multiple_inheritance
        __interface __event
        """
    )

    @classmethod
    def states(cls) -> dict[str, Definition]:
        states = dict(super().states())
        states["root"] = [
            rule(r"(?:__offload|__blockingoffload|__outer)\b", "kp"),
            *states["root"],
        ]
        units = r"(?:y|d|h|(?:min)|s|(?:ms)|(?:us)|(?:ns)|i|(?:if)|(?:il))"
        states["statements"] = [
            rule(r"(class|struct)\b", "k", "classname"),
            rule(r"template\b", "k", "template"),
            rule(rf"{_DQ}(\.{_DQ})?{units}\b", "mx"),
            rule(rf"({_DQ}[.](?:{_DQ})?|[.]{_DQ})(e[+-]?{_DQ}[lu]*)?", "mf", flags="i"),
            rule(rf"{_DQ}e[+-]?{_DQ}[lu]*", "mf", flags="i"),
            rule(r"0x\h('?\h)*[lu]*", "mh", flags="i"),
            rule(r"0b[01]+('[01]+)*", "mb"),
            rule(r"0[0-7]('?[0-7])*[lu]*", "mo", flags="i"),
            rule(rf"{_DQ}[lu]*", "mi", flags="i"),
            rule(r"\bnullptr\b", "nb"),
            rule(
                r"(?:u8|u|U|L)?R\"([a-zA-Z0-9_{}\[\]#<>%:;.?*\+\-\/\^&|~!=,\"']{0,16})\(.*?\)\1\"",
                "s",
                flags="m",
            ),
            rule(r"(::|<=>)", "o"),
            rule(r"[{}]", "p"),
            *states["statements"],
        ]
        states["classname"] = [
            rule(C_ID, "nc", POP),
            mixin("whitespace"),
            rule(r"[.]{3}", "o"),
            rule(r",", "p", POP),
            rule(r"", moves(POP)),
        ]
        states["template"] = [
            rule(r"[>;]", "p", POP),
            rule(r"typename\b", "k", "classname"),
            mixin("statements"),
        ]
        states["case"] = [rule(r":(?!:)", "p", POP), mixin("statements")]
        return states


_GO_KEYWORDS = words(
    """
    break default func interface select case defer go map struct chan else goto package switch
    const fallthrough if range type continue for import return var
    """
)
GO_KEYWORD = rf"\b(?:{_GO_KEYWORDS})\b"
_GO_LETTER = r"(?:[[:alpha:]]|_)"
GO_IDENTIFIER = rf"(?!{GO_KEYWORD}){_GO_LETTER}(?:{_GO_LETTER}|[[:digit:]])*"
GO_OPERATOR = (
    r"\+=|\+\+|\+|&\^=|&\^|&=|&&|&|==|=|\!=|\!|-=|--|-|\|=|\|\||\||<=|<-|<<=|<<|<|\*=|\*|"
    r"\^=|\^|>>=|>>|>=|>|\/|\/=|:=|%|%=|\.\.\.|\.|:"
)
_GO_DECIMALS = r"[0-9]+"
_GO_EXPONENT = rf"[eE][+\-]?{_GO_DECIMALS}"
GO_FLOAT = (
    rf"(?:{_GO_DECIMALS}\.(?:{_GO_DECIMALS})?(?:{_GO_EXPONENT})?"
    rf"|{_GO_DECIMALS}{_GO_EXPONENT}|\.{_GO_DECIMALS}(?:{_GO_EXPONENT})?)"
)
_GO_ESCAPED = r"\\[abfnrtv\\'\"]"
_GO_LITTLE_U = r"\\u[0-9A-Fa-f]{4}"
_GO_BIG_U = r"\\U[0-9A-Fa-f]{8}"
_GO_HEX_BYTE = r"\\x[0-9A-Fa-f]{2}"
_GO_UNICODE_VALUE = rf"(?:[^\n]|{_GO_LITTLE_U}|{_GO_BIG_U}|{_GO_ESCAPED})"
_GO_BYTE_VALUE = rf"(?:\\[0-7]{{3}}|{_GO_HEX_BYTE})"
GO_TYPES = words(
    """
    bool byte complex64 complex128 error float32 float64 int8 int16 int32 int64 int rune
    string uint8 uint16 uint32 uint64 uintptr uint
    """
)
GO_FUNCTIONS = words(
    "append cap close complex copy delete imag len make new panic print println real recover"
)


class Go(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "simple_tokens": [
                rule(r"//(?:(?!\n).)*|(?s:/\*(?:(?!\*/).)*\*/)", "c"),
                rule(GO_KEYWORD, "k"),
                rule(rf"\b(?:{GO_TYPES})\b", "kt"),
                rule(rf"\b(?:{GO_FUNCTIONS})\b", "nb"),
                rule(r"\b(?:true|false|iota|nil)\b", "no"),
                rule(rf"(?:{_GO_DECIMALS}|{GO_FLOAT})i", "m"),
                rule(GO_FLOAT, "m"),
                rule(r"0[xX][0-9A-Fa-f]+|[0-9][0-9]*|0[0-7]*", "m"),
                rule(rf"'(?:{_GO_UNICODE_VALUE}|{_GO_BYTE_VALUE})'", "sc"),
                rule(GO_OPERATOR, "o"),
                rule(r"\(|\)|\[|\]|\{|\}|,|;", "p"),
                rule(GO_IDENTIFIER, "n"),
                rule(r"\s+", ""),
            ],
            "root": [
                mixin("simple_tokens"),
                rule(r"`", "s", "raw_string"),
                rule(r'"', "s", "interpreted_string"),
            ],
            "interpreted_string": [
                rule(rf"{_GO_ESCAPED}|{_GO_LITTLE_U}|{_GO_BIG_U}|{_GO_HEX_BYTE}", "se"),
                rule(r"\\.", "err"),
                rule(r'"', "s", POP),
                rule(r'[^"\\]+', "s"),
            ],
            "raw_string": [rule(r"`", "s", POP), rule(r"[^`]+", "s", flags="m")],
        }


_JAVA_KEYWORDS = words(
    """
    assert break case catch continue default do else finally for if goto instanceof new
    return switch this throw try while
    """
)
_JAVA_DECLARATIONS = words(
    """
    abstract const enum extends final implements native private protected public static
    strictfp super synchronized throws transient volatile
    """
)
_JAVA_TYPES = words("boolean byte char double float int long short var void")
JAVA_ID = r"[[:alpha:]_][[:word:]]*"


def _java_method(lexer: RegexLexer, m: Match) -> None:
    lexer.recurse(m.group(1))
    lexer.token("nf", m.group(2))
    lexer.token("", m.group(3))
    lexer.token("o", m.group(4))


class Java(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        digit = r"(?:[0-9]_+[0-9]|[0-9])"
        return {
            "root": [
                rule(r"[ \t\v\f\r]+", ""),  # [^\S\n]
                rule(r"//.*?$", "c1"),
                rule(r"/\*.*?\*/", "cm", flags="m"),
                rule(rf"(?:{_JAVA_KEYWORDS})\b", "k"),
                rule(
                    r"(\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?)([a-zA-Z_][a-zA-Z0-9_]*)(\s*)(\()",
                    _java_method,
                    flags="m",
                ),
                rule(rf"@{JAVA_ID}", "nd"),
                rule(rf"(?:{_JAVA_DECLARATIONS})\b", "kd"),
                rule(rf"(?:{_JAVA_TYPES})\b", "kt"),
                rule(r"(?:true|false|null)\b", "kc"),
                rule(r"(?:class|interface)\b", "kd", "class"),
                rule(r"(?:import|package)\b", "kn", "import"),
                rule(r'"(\\\\|\\"|[^"])*"', "s"),
                rule(r"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'", "sc"),
                rule(rf"(\.)({JAVA_ID})", ("o", "na")),
                rule(rf"{JAVA_ID}:", "nl"),
                rule(r"[[:upper:]][[:upper:][:digit:]_]*\b", "no"),
                rule(r"[[:upper:]][[:alnum:]]*\b", "nc"),
                rule(rf"\$?{JAVA_ID}", "n"),
                rule(r"[~^*!%&\[\](){}<>\|+=:;,.\/?-]", "o"),
                rule(rf"{digit}+\.{digit}+([eE]{digit}+)?[fd]?", "mf"),
                rule(r"0b(?:[01]_+[01]|[01])+", "mb", flags="i"),
                rule(r"0x(?i:[0-9a-f]_+[0-9a-f]|[0-9a-f])+", "mh", flags="i"),
                rule(r"0(?:[0-7]_+[0-7]|[0-7])+", "mo"),
                rule(rf"{digit}+L?", "mi"),
                rule(r"\n", ""),
            ],
            "class": [rule(r"\s+", "", flags="m"), rule(JAVA_ID, "nc", POP)],
            "import": [
                rule(r"\s+", "", flags="m"),
                rule(r"[a-z0-9_.]+\*?", "nn", POP, flags="i"),
            ],
        }
