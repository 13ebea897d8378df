"""Shell (sh, bash, zsh, ksh) with Rouge's rules: builtins and options as tags, ``$...`` as
variables, quoting, command substitution, arithmetic, ``case`` and heredocs."""

from __future__ import annotations

from ..engine import POP, PUSH, Definition, RegexLexer, mixin, rule, words
from ..patterns import Match

_KEYWORDS = words(
    "if fi else while do done for then return function select continue until esac elif in"
)
_BUILTINS = words(
    """
    alias bg bind break builtin caller cd command compgen complete declare dirs disown enable
    eval exec exit export false fc fg getopts hash help history jobs let local logout mapfile
    popd pushd pwd read readonly set shift shopt source suspend test time times trap true type
    typeset ulimit umask unalias unset wait cat tac nl od base32 base64 fmt pr fold head tail
    split csplit wc sum cksum b2sum md5sum sha1sum sha224sum sha256sum sha384sum sha512sum sort
    shuf uniq comm ptx tsort cut paste join tr expand unexpand ls dir vdir dircolors cp dd
    install mv rm shred link ln mkdir mkfifo mknod readlink rmdir unlink chown chgrp chmod
    touch df du stat sync truncate echo printf yes expr tee basename dirname pathchk mktemp
    realpath pwd stty printenv tty id logname whoami groups users who date arch nproc uname
    hostname hostid uptime chcon runcon chroot env nice nohup stdbuf timeout kill sleep factor
    numfmt seq tar grep sudo awk sed gzip gunzip
    """
)


def _heredoc(lexer: Shell, m: Match) -> None:
    lexer.groups("o", "", "sh", "sh", "no", "sh")
    lexer.heredoc = m.group(5)
    lexer.push("heredoc")


def _heredoc_line(lexer: Shell, m: Match) -> None:
    if m.group(1) == lexer.heredoc:
        lexer.token("no")
        lexer.pop(2)
    else:
        lexer.token("sh")


def _pop(lexer: RegexLexer, m: Match) -> None:
    lexer.pop()


class Shell(RegexLexer):
    def __init__(self, options: dict[str, object] | None = None) -> None:
        super().__init__(options)
        self.heredoc = ""

    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "basic": [
                rule(r"#.*$", "c"),
                rule(rf"\b({_KEYWORDS})\s*\b", "k"),
                rule(r"\bcase\b", "k", "case"),
                rule(rf"\b({_BUILTINS})\s*\b(?!(\.|-))", "nb"),
                rule(r"[.](?=\s)", "nb"),
                rule(r"(\b\w+)(=)", ("nv", "o")),
                rule(r"[\[\]{}()!=>]", "o"),
                rule(r"&&|\|\|", "o"),
                rule(r"<<<", "o"),
                rule(r"(<<-?)(\s*)(['\"]?)(\\?)(\w+)(\3)", _heredoc),
            ],
            "heredoc": [
                rule(r"\n", "sh", "heredoc_nl"),
                rule(r"[^$\n\\]+", "sh"),
                mixin("interp"),
                rule(r"[$]", "sh"),
            ],
            "heredoc_nl": [rule(r"\s*(\w+)\s*\n", _heredoc_line), rule(r"", _pop)],
            "double_quotes": [
                rule(r"(?:\$#?)?\"", "s2", POP),
                mixin("interp"),
                rule(r"[^\"`\\$]+", "s2"),
            ],
            "ansi_string": [
                rule(r"\\.", "se"),
                rule(r"[^\\']+", "s1"),
                mixin("single_quotes"),
            ],
            "single_quotes": [rule(r"'", "s1", POP), rule(r"[^']+", "s1")],
            "data": [
                rule(r"\s+", ""),
                rule(r"\\.", "se"),
                rule(r"\$?\"", "s2", "double_quotes"),
                rule(r"\$'", "s1", "ansi_string"),
                rule(r"'", "s1", "single_quotes"),
                rule(r"\*", "k"),
                rule(r";", "p"),
                rule(r"--?[\w-]+", "nt"),
                rule(r"[^=\*\s{}()$\"'`;\\<]+", ""),
                rule(r"\d+(?= |\Z)", "m"),
                rule(r"<", ""),
                mixin("interp"),
            ],
            "curly": [
                rule(r"}", "k", POP),
                rule(r":-", "k"),
                rule(r"[a-zA-Z0-9_]+", "nv"),
                rule(r"[^}:\"`'$]+", "p"),
                mixin("root"),
            ],
            "paren_interp": [
                rule(r"\)", "si", POP),
                rule(r"\(", "o", "paren_inner"),
                mixin("root"),
            ],
            "paren_inner": [rule(r"\(", "o", PUSH), rule(r"\)", "o", POP), mixin("root")],
            "math": [
                rule(r"\)\)", "k", POP),
                rule(r"[-+*/%^|&!]|\*\*|\|\|", "o"),
                rule(r"\d+(#\w+)?", "m"),
                mixin("root"),
            ],
            "case": [
                rule(r"\besac\b", "k", POP),
                rule(r"\|", "p"),
                rule(r"\)", "p", "case_stanza"),
                mixin("root"),
            ],
            "case_stanza": [rule(r";;", "p", POP), mixin("root")],
            "backticks": [rule(r"`", "sb", POP), mixin("root")],
            "interp": [
                rule(r"\\$", "se"),
                rule(r"\\.", "se"),
                rule(r"\$\(\(", "k", "math"),
                rule(r"\$\(", "si", "paren_interp"),
                rule(r"\${#?", "k", "curly"),
                rule(r"`", "sb", "backticks"),
                rule(r"\$#?(\w+|.)", "nv"),
                rule(r"\$[*@]", "nv"),
            ],
            "root": [mixin("basic"), mixin("data")],
        }
