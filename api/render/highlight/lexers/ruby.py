"""Ruby, with Rouge's states: expression starts (where ``/`` opens a regex), method calls,
``%``-strings of any delimiter, interpolation and queued heredocs."""

from __future__ import annotations

import re

from ..engine import (
    POP,
    Definition,
    Mixin,
    RegexLexer,
    Rule,
    State,
    dynamic_state,
    groups_then,
    mixin,
    moves,
    rule,
    then,
    words,
)
from ..patterns import Match

_KEYWORDS = (
    r"BEGIN|END|alias|begin|break|case|defined\?|do|else|elsif|end|ensure|for|if|in|next|redo|"
    r"rescue|raise|retry|return|super|then|undef|unless|until|when|while|yield"
)
_PSEUDO = words(
    """
    loop include extend raise alias_method attr catch throw private module_function public
    protected true false nil __FILE__ __LINE__
    """
)
_BUILTINS = words(
    """
    attr_reader attr_writer attr_accessor __id__ __send__ abort ancestors at_exit autoload
    binding callcc caller catch chomp chop class_eval class_variables clone const_defined?
    const_get const_missing const_set constants display dup eval exec exit extend fail fork
    format freeze getc gets global_variables gsub hash id included_modules inspect
    instance_eval instance_method instance_methods instance_variable_get instance_variable_set
    instance_variables lambda load local_variables loop method method_missing methods
    module_eval name object_id open p print printf private_class_method
    private_instance_methods private_methods proc protected_instance_methods protected_methods
    public_class_method public_instance_methods public_methods putc puts raise rand readline
    readlines require require_relative scan select self send set_trace_func singleton_methods
    sleep split sprintf srand sub syscall system taint test throw to_a to_s trace_var trap
    untaint untrace_var warn
    """
)
_PREDICATES = words(
    """
    autoload block_given const_defined eql equal frozen include instance_of is_a iterator
    kind_of method_defined nil private_method_defined protected_method_defined
    public_method_defined respond_to tainted
    """
)
_BANGS = words(
    """
    chomp chop exit gsub sub
    """
)
_DELIMITERS = {"{": "}", "[": "]", "(": ")", "<": ">"}
_RUBY_ESCAPED = set("[]{}()|-*.\\?+^$# \t\n\r\f\v")
_ESCAPE = r"\\([\\abefnrstv#\"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})"


def _ruby_escape(char: str) -> str:
    """``Regexp.escape`` of one character, as Ruby writes it."""
    names = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f", "\v": "\\v"}
    if char in names:
        return names[char]
    return "\\" + char if char in _RUBY_ESCAPED else char


def _squeeze(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", text, flags=re.S)


def _sigil(lexer: RegexLexer, m: Match) -> None:
    kind, delimiter = m.group(1), m.group(2)
    opening = _ruby_escape(delimiter)
    closing = _ruby_escape(_DELIMITERS.get(delimiter, delimiter))
    interpolates = bool(kind) and kind in "rQWxI"
    token = "sx"
    if kind == "r":
        token = "sr"
        lexer.push("regex_flags")
    lexer.token(token)
    lexer.push(_sigil_state(lexer, opening, closing, interpolates, token))


def _sigil_state(lexer: RegexLexer, opening: str, closing: str, interp: bool, token: str) -> State:
    unique = _squeeze(opening + closing)
    if opening == closing == "\\#":
        unique = ""
    rules: list[Rule | Mixin] = [rule(rf"\\[\#{unique}\\]", "se")]
    if opening != closing:

        def nest(inner: RegexLexer, found: Match) -> None:
            inner.token(token)
            inner.push()

        rules.append(rule(opening, nest))
    rules.append(rule(closing, token, POP))
    if interp:
        rules += [mixin("string_intp_escaped"), rule("#", token)]
    else:
        rules.append(rule(r"[\\#]", token))
    rules.append(rule(rf"[^\#{unique}\\]+", token, flags="m"))
    definitions = {**type(lexer)._definitions, "sigil": rules}
    key = f"{type(lexer).__name__}:{opening}:{closing}:{interp}:{token}"
    return dynamic_state("sigil", definitions, key)


def _queue_heredoc(lexer: Ruby, m: Match) -> None:
    lexer.token("o", m.group(1))
    lexer.token("no", m.group(2) + m.group(3) + (m.group(4) or ""))
    lexer.heredocs.append((m.group(1) in ("<<-", "<<~"), m.group(3)))
    if not lexer.state_is("heredoc_queue"):
        lexer.push("heredoc_queue")


def _queue_empty_heredoc(lexer: Ruby, m: Match) -> None:
    lexer.token("o", m.group(1))
    lexer.token("no", m.group(2) + m.group(3))
    lexer.heredocs.append((m.group(1) in ("<<-", "<<~"), ""))
    if not lexer.state_is("heredoc_queue"):
        lexer.push("heredoc_queue")


_RUBY_SPACE = " \t\r\n\f\v\0"


def _test_heredoc(lexer: Ruby, m: Match) -> None:
    tolerant, name = lexer.heredocs[0] if lexer.heredocs else (False, None)
    line = m.group()
    check = line.strip(_RUBY_SPACE) if tolerant else line.rstrip(_RUBY_SPACE)
    if check == name:
        lexer.heredocs.pop(0)
        if not lexer.heredocs:
            lexer.pop()
        lexer.token("no")
    else:
        lexer.token("sh")
    lexer.pop()


class Ruby(RegexLexer):
    def __init__(self, options: dict[str, object] | None = None) -> None:
        super().__init__(options)
        self.heredocs: list[tuple[bool, str | None]] = []

    def start(self) -> None:
        self.push("expr_start")
        self.heredocs = []

    @classmethod
    def states(cls) -> dict[str, Definition]:
        decimal = r"[\d]+(?:_\d+)*"
        exponent = r"(?i:e[+-]?\d+)"
        simple: dict[str, Definition] = {}
        for name, token, fin in (
            ("string", "s2", '"'),
            ("sym", "ss", '"'),
            ("backtick", "sb", "`"),
        ):
            simple[f"simple_{name}"] = [
                mixin("string_intp_escaped"),
                rule(rf"[^\\{fin}#]+", token, flags="m"),
                rule(r"[\\#]", token),
                rule(fin, token, POP),
            ]
        return {
            **simple,
            "symbols": [
                rule(r":@{0,2}[a-z_]\w*[!?]?", "ss", flags="i"),
                rule(r":(?:\*\*|[-+]@|[/\%&\|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)", "ss"),
                rule(r":'(\\\\|\\'|[^'])*'", "ss"),
                rule(r':"', "ss", "simple_sym"),
            ],
            "sigil_strings": [rule(r"%([rqswQWxiI])?([^\w\s])", _sigil)],
            "strings": [
                mixin("symbols"),
                rule(r"\b[a-z_]\w*?[?!]?:\s+", "ss", "expr_start"),
                rule(r"'(\\\\|\\'|[^'])*'", "s1"),
                rule(r'"', "s2", "simple_string"),
                rule(r"(?<!\.)`", "sb", "simple_backtick"),
            ],
            "regex_flags": [rule(r"[mixounse]*", "sr", POP)],
            "whitespace": [
                mixin("inline_whitespace"),
                rule(r"\n\s*", "", "expr_start", flags="m"),
                rule(r"#.*$", "c1"),
                rule(r"=begin\b.*?\n=end\b", "cm", flags="m"),
            ],
            "inline_whitespace": [rule(r"[ \t\r]+", "")],
            "root": [
                mixin("whitespace"),
                rule(r"__END__", "cp", "end_part"),
                rule(r"0_?[0-7]+(?:_[0-7]+)*", "mo"),
                rule(r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*", "mh"),
                rule(r"0b[01]+(?:_[01]+)*", "mb"),
                rule(rf"{decimal}(?:\.{decimal}{exponent}?|{exponent})", "mf"),
                rule(decimal, "mi"),
                rule(r"@@[a-z_]\w*", "vc", flags="i"),
                rule(r"@[a-z_]\w*", "vi", flags="i"),
                rule(r"\$\w+", "vg"),
                rule(r"\$[!@&`'+~=/\\,;.<>_*\$?:\"]", "vg"),
                rule(r"\$-[0adFiIlpvw]", "vg"),
                rule(r"::", "o"),
                mixin("strings"),
                rule(rf"(?:{_KEYWORDS})(?=\W|$)", "k", "expr_start"),
                rule(rf"(?:{_PSEUDO})\b", "kp", "expr_start"),
                rule(
                    r"(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)",
                    ("k", "", "nn"),
                ),
                rule(r"(def\b)(\s*)", groups_then(("k", ""), "funcname")),
                rule(r"(class\b)(\s*)", groups_then(("k", ""), "classname")),
                rule(rf"(?:{_PREDICATES})[?]", "nb", "expr_start"),
                rule(rf"(?:{_BANGS})!", "nb", "expr_start"),
                rule(rf"(?<!\.)(?:{_BUILTINS})\b", "nb", "method_call"),
                mixin("has_heredocs"),
                rule(r"\.{2,3}", "o", "expr_start"),
                rule(r"[A-Z][a-zA-Z0-9_]*", "no", "method_call"),
                rule(
                    r"(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-\/\[<>=])",
                    groups_then(("p", "", "nf"), "method_call"),
                ),
                rule(r"[a-zA-Z_]\w*[?!]", "n", "expr_start"),
                rule(r"[a-zA-Z_]\w*", "n", "method_call"),
                rule(r"\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\.", "o", "expr_start"),
                rule(r"[-+\/*%=<>&!^|~]=?", "o", "expr_start"),
                rule(r"[?]", then("p", "ternary", "expr_start")),
                rule(r"[\[({,:\\;/]", "p", "expr_start"),
                rule(r"[\])}]", "p"),
            ],
            "has_heredocs": [
                rule(r"(?<!\w)(<<[-~]?)([\"`']?)([a-zA-Z_]\w*)(\2)", _queue_heredoc),
                rule(r"(<<[-~]?)([\"'])(\2)", _queue_empty_heredoc),
            ],
            "heredoc_queue": [
                rule(r"(?=\n)", moves("goto:resolve_heredocs")),
                mixin("root"),
            ],
            "resolve_heredocs": [
                mixin("string_intp_escaped"),
                rule(r"\n", "sh", "test_heredoc"),
                rule(r"[#\\\n]", "sh"),
                rule(r"[^#\\\n]+", "sh"),
            ],
            "test_heredoc": [
                rule(r"[^#\\\n]*$", _test_heredoc),
                rule(r"", moves(POP)),
            ],
            "funcname": [
                rule(r"\s+", ""),
                rule(r"\(", "p", "defexpr"),
                rule(
                    r"(?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[-+]@?|[/%&\|^`~]|\[\]=?|"
                    r"<<?|>>?|<=>?|>=|===?)",
                    groups_then(("nc", "o", "nf"), POP),
                ),
                rule(r"", moves(POP)),
            ],
            "classname": [
                rule(r"\s+", ""),
                rule(r"\w+(::\w+)+", "nc"),
                rule(r"\(", then("p", "defexpr", "expr_start")),
                rule(r"<<", then("o", "goto:expr_start")),
                rule(r"[A-Z_]\w*", "nc", POP),
                rule(r"", moves(POP)),
            ],
            "ternary": [
                rule(r"(:)(\s+)", groups_then(("p", ""), "goto:expr_start")),
                rule(r":(?![^#\n]*?[:\\])", then("p", "goto:expr_start")),
                mixin("root"),
            ],
            "defexpr": [
                rule(r"(\))(\.|::)?", groups_then(("p", "o"), POP)),
                rule(r"\(", then("p", "defexpr", "expr_start")),
                mixin("root"),
            ],
            "in_interp": [rule(r"}", "si", POP), mixin("root")],
            "string_intp": [
                rule(r"[#][{]", "si", "in_interp"),
                rule(r"#(@@?|\$)[a-z_]\w*", "si", flags="i"),
            ],
            "string_intp_escaped": [
                mixin("string_intp"),
                rule(_ESCAPE, "se"),
                rule(r"\\.", "se"),
            ],
            "method_call": [
                rule(r"/|%", then("o", "goto:expr_start")),
                rule(r"(?=\n)", moves(POP)),
                rule(r"", moves("goto:method_call_spaced")),
            ],
            "method_call_spaced": [
                mixin("whitespace"),
                rule(r"[%/]=", then("o", "goto:expr_start")),
                rule(r"(/)(?=\S|\s*/)", then("sr", "goto:slash_regex")),
                mixin("sigil_strings"),
                rule(r"(?=\s*/)", moves(POP)),
                rule(r"\s+", then("", "goto:expr_start")),
                rule(r"", moves(POP)),
            ],
            "expr_start": [
                mixin("inline_whitespace"),
                rule(r"/", then("sr", "goto:slash_regex")),
                rule(
                    r"[?](\\[MC]-)*(" + _ESCAPE + r"|\S)(?!\w)",
                    "sc",
                    POP,
                ),
                rule(r"(\s*)(%[rqswQWxiI]? \S* )", groups_then(("", "sx"), POP)),
                mixin("sigil_strings"),
                rule(r"", moves(POP)),
            ],
            "slash_regex": [
                mixin("string_intp"),
                rule(r"\\\\", "sr"),
                rule(r"\\/", "sr"),
                rule(r"[\\#]", "sr"),
                rule(r"[^\\/#]+", "sr", flags="m"),
                rule(r"/", then("sr", "goto:regex_flags")),
            ],
            "end_part": [rule(r".+", "cp", POP, flags="m")],
        }
