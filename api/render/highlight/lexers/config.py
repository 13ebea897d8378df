"""Configuration files with Rouge's rules: Dockerfiles (``RUN`` lines lexed as shell), TOML,
INI, nginx and Apache."""

from __future__ import annotations

from ..engine import POP, Definition, RegexLexer, groups_then, mixin, rule, words
from ..patterns import Match
from .shell import Shell
from .wordlists import APACHE_DIRECTIVES, APACHE_SECTIONS, APACHE_VALUES

_DOCKER_KEYWORDS = words(
    "FROM MAINTAINER CMD LABEL EXPOSE ENV ADD COPY ENTRYPOINT VOLUME USER WORKDIR ARG "
    "STOPSIGNAL HEALTHCHECK SHELL"
)


def _run(lexer: Docker, m: Match) -> None:
    lexer.token("k")
    lexer.push("run")
    lexer.shell.reset()


def _to_shell(lexer: Docker, m: Match) -> None:
    lexer.delegate(lexer.shell)


class Docker(RegexLexer):
    def __init__(self, options: dict[str, object] | None = None) -> None:
        super().__init__(options)
        self.shell = Shell(self.options)

    def start(self) -> None:
        self.shell = Shell(self.options)

    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "root": [
                rule(r"\s+", ""),
                rule(
                    r"^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)",
                    ("k", "w", "s", "w", "k", "w", "s"),
                    flags="i",
                ),
                rule(rf"^(ONBUILD)(\s+)({_DOCKER_KEYWORDS})(.*)", ("k", "w", "k", "s"), flags="i"),
                rule(rf"^({_DOCKER_KEYWORDS})\b(.*)", ("k", "s"), flags="i"),
                rule(r"#.*?$", "c"),
                rule(r"^(ONBUILD\s+)?RUN(\s+)", _run, flags="i"),
                rule(r"\w+", ""),
                rule(r"[^\w]+", ""),
                rule(r".", ""),
            ],
            "run": [
                rule(r"\n", "", POP),
                rule(r"\\.", "se", flags="m"),
                rule(r"(\\.|[^\n\\])+", _to_shell),
            ],
        }


_TOML_ID = r"(?:\S+|\"[^\"]+\"|'[^']+')"


class Toml(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        key = rf"({_TOML_ID})(\s*)(=)"
        return {
            "basic": [
                rule(r"\s+", ""),
                rule(r"#.*?$", "c"),
                rule(r"(true|false)", "kc"),
                rule(rf"{key}(\s*)(\{{)", groups_then(("nn", "", "o", "", "p"), "inline")),
                rule(r"(?<!=)\s*\[[\S]+\]", "nn"),
                rule(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", "ld"),
                rule(r"[+-]?\d+(?:_\d+)*\.\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?", "mf"),
                rule(r"[+-]?\d+(?:_\d+)*[eE][+-]?\d+(?:_\d+)*", "mf"),
                rule(r"[+-]?(?:nan|inf)", "mf"),
                rule(r"0x\h+(?:_\h+)*", "mh"),
                rule(r"0o[0-7]+(?:_[0-7]+)*", "mo"),
                rule(r"0b[01]+(?:_[01]+)*", "mb"),
                rule(r"[+-]?\d+(?:_\d+)*", "mi"),
            ],
            "root": [mixin("basic"), rule(key, groups_then(("py", "", "p"), "value"))],
            "value": [rule(r"\n", "", POP), mixin("content")],
            "content": [
                mixin("basic"),
                rule(key, ("py", "", "p")),
                rule(r'"""', "s", "mdq"),
                rule(r'"', "s", "dq"),
                rule(r"'''", "s", "msq"),
                rule(r"'", "s", "sq"),
                mixin("esc_str"),
                rule(r"\,", "p"),
                rule(r"\[", "p", "array"),
            ],
            "dq": [
                rule(r'"', "s", POP),
                rule(r"\n", "err", POP),
                mixin("esc_str"),
                rule(r'[^\\"\n]+', "s"),
            ],
            "mdq": [
                rule(r'"""', "s", POP),
                mixin("esc_str"),
                rule(r'[^\\"]+', "s"),
                rule(r'"+', "s"),
            ],
            "sq": [rule(r"'", "s", POP), rule(r"\n", "err", POP), rule(r"[^'\n]+", "s")],
            "msq": [rule(r"'''", "s", POP), rule(r"[^']+", "s"), rule(r"'+", "s")],
            "esc_str": [rule(r'\\[0t\tn\n "\\r]', "se")],
            "array": [mixin("content"), rule(r"\]", "p", POP)],
            "inline": [mixin("content"), rule(r"\}", "p", POP)],
        }


_INI_ID = r"[\w\-.]+"


class Ini(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "basic": [rule(r"[;#].*?\n", "c"), rule(r"\s+", ""), rule(r"\\\n", "se")],
            "root": [
                mixin("basic"),
                rule(rf"({_INI_ID})(\s*)(=)", groups_then(("py", "", "p"), "value")),
                rule(r"\[.*?\]", "nn"),
            ],
            "value": [
                rule(r"\n", "", POP),
                mixin("basic"),
                rule(r'"', "s", "dq"),
                rule(r"'.*?'", "s"),
                mixin("esc_str"),
                rule(r"[^\\\n]+", "s"),
            ],
            "dq": [rule(r'"', "s", POP), mixin("esc_str"), rule(r'[^\\"]+', "s", flags="m")],
            "esc_str": [rule(r"\\.", "se", flags="m")],
        }


_NGINX_ID = r"[^\s$;{}()#]+"


def _open_block(lexer: RegexLexer, m: Match) -> None:
    lexer.token("p")
    lexer.pop()
    lexer.push("block")


class Nginx(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "root": [
                rule(r"(include)(\s+)([^\s;]+)", ("k", "", "n")),
                rule(_NGINX_ID, "k", "statement"),
                mixin("base"),
            ],
            "block": [rule(r"}", "p", POP), rule(_NGINX_ID, "kn", "statement"), mixin("base")],
            "statement": [rule(r"{", _open_block), rule(r";", "p", POP), mixin("base")],
            "base": [
                rule(r"\s+", ""),
                rule(r"#.*", "c1"),
                rule(r"(?:on|off)\b", "no"),
                rule(r"[$][\w-]+", "nv"),
                rule(r"([a-z0-9.-]+)(:)([0-9]+)", ("nf", "p", "mi"), flags="i"),
                rule(r"[a-z-]+/[a-z-]+", "nc", flags="i"),
                rule(r"[0-9]+[kmg]?\b", "mi", flags="i"),
                rule(r"(~)(\s*)([^\s{]+)", ("p", "", "sr")),
                rule(r"[:=~]", "p"),
                rule(rf"/(?:{_NGINX_ID})?", "n"),
                rule(r"[^#\s;{}$\\]+", "s"),
                rule(r"[$;]", ""),
            ],
        }


def _apache_kind(word: str, known: str) -> str:
    if word in APACHE_SECTIONS or word in APACHE_DIRECTIVES or word in APACHE_VALUES:
        return known
    return ""


def _apache_section(lexer: RegexLexer, m: Match) -> None:
    lexer.groups("p", _apache_kind(m.group(2).lower(), "nl"))
    lexer.push("section")


def _apache_directive(lexer: RegexLexer, m: Match) -> None:
    lexer.token(_apache_kind(m.group().lower(), "nc"))
    lexer.push("directive")


def _apache_section_end(lexer: RegexLexer, m: Match) -> None:
    lexer.groups("sr", "p")
    lexer.pop()


def _apache_value(lexer: RegexLexer, m: Match) -> None:
    lexer.token(_apache_kind(m.group().lower(), "ss"))


class Apache(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "whitespace": [rule(r"\#.*", "c"), rule(r"\s+", "", flags="m")],
            "root": [
                mixin("whitespace"),
                rule(r"(<\/?)(\w+)", _apache_section),
                rule(r"\w+", _apache_directive),
            ],
            "section": [
                rule(r"([^>]+)?(>(?:\r\n?|\n)?)", _apache_section_end),
                mixin("whitespace"),
            ],
            "directive": [
                rule(r"\r\n?|\n", "", POP),
                mixin("whitespace"),
                rule(r"\S+", _apache_value),
            ],
        }
