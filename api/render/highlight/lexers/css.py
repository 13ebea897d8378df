"""CSS and SCSS with Rouge's rules: selectors, at-rules, declarations (known properties are
labels) and values (known keywords are builtins or constants), SCSS's variables, mixins and
interpolation."""

from __future__ import annotations

from ..engine import POP, Definition, RegexLexer, groups_then, mixin, moves, rule, words, wordset
from ..patterns import Match
from .wordlists import CSS_ATTRIBUTES, CSS_BUILTINS, CSS_CONSTANTS

ID = r"[\p{L}_-][\p{Word}\p{Cf}-]*"
NUMBER = r"-?(?:[0-9]+(\.[0-9]+)?|\.[0-9]+)"
UNITS = words(
    "em px pt pc in mm cm ex rem ch vw vh vmin vmax dpi dpcm dppx deg grad rad turn s ms Hz kHz"
)
VENDOR_PREFIXES = tuple(
    sorted(
        wordset(
            "-ah- -atsc- -hp- -khtml- -moz- -ms- -o- -rim- -ro- -tc- -wap- -webkit- -xv- "
            "mso- prince-"
        )
    )
)
SASS_ID = r"[\w-]+"


def _value_word(lexer: RegexLexer, m: Match) -> None:
    word = m.group()
    if word in CSS_CONSTANTS:
        lexer.token("no")
    elif word in CSS_BUILTINS:
        lexer.token("nb")
    else:
        lexer.token("n")


def _property(lexer: RegexLexer, m: Match) -> None:
    name = m.group(1)
    known = name in CSS_ATTRIBUTES or any(name.startswith(p) for p in VENDOR_PREFIXES)
    lexer.groups("nl" if known else "py", "", "p")
    lexer.push("stanza_value")


def _close_at_rule(lexer: RegexLexer, m: Match) -> None:
    lexer.token("p")
    lexer.pop(2)


def _pop(lexer: RegexLexer, m: Match) -> None:
    lexer.pop()


class Css(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        strings = [
            rule(r'"(\\\\|\\"|[^"])*"', "s1"),
            rule(r"'(\\\\|\\'|[^'])*'", "s2"),
        ]
        return {
            "root": [
                mixin("basics"),
                rule(r"{", "p", "stanza"),
                rule(rf":[:]?{ID}", "nd"),
                rule(rf"\.{ID}", "nc"),
                rule(rf"#{ID}", "nf"),
                rule(rf"@{ID}", "k", "at_rule"),
                rule(ID, "nt"),
                rule(r"[~^*!%&\[\]()<>|+=@:;,./?-]", "o"),
                *strings,
            ],
            "value": [
                mixin("basics"),
                rule(r"url\(.*?\)", "sx"),
                rule(r"#[0-9a-f]{1,6}", "m", flags="i"),
                rule(rf"{NUMBER}(?:%|(?:{UNITS})\b)?", "m"),
                rule(r"[\[\]():\/.,]", "p"),
                *strings,
                rule(ID, _value_word),
            ],
            "at_rule": [
                rule(rf"{{(?=\s*{ID}\s*:)", "p", "at_stanza", flags="m"),
                rule(r"{", "p", "at_body"),
                rule(r";", "p", POP),
                mixin("value"),
            ],
            "at_body": [mixin("at_content"), mixin("root")],
            "at_stanza": [mixin("at_content"), mixin("stanza")],
            "at_content": [rule(r"}", _close_at_rule)],
            "basics": [rule(r"\s+", "", flags="m"), rule(r"/\*(?:.*?)\*/", "c", flags="m")],
            "stanza": [
                mixin("basics"),
                rule(r"}", "p", POP),
                rule(rf"({ID})(\s*)(:)", _property, flags="m"),
            ],
            "stanza_value": [
                rule(r";", "p", POP),
                rule(r"(?=})", _pop),
                rule(r"!\s*important\b", "cp"),
                rule(r"^@.*?$", "cp"),
                mixin("value"),
            ],
        }


def _reset(lexer: RegexLexer, m: Match) -> None:
    lexer.token("p")
    lexer.reset_stack()


def _sass_value_word(lexer: RegexLexer, m: Match) -> None:
    word = m.group()
    if word in CSS_BUILTINS:
        lexer.token("nb")
    elif word in CSS_CONSTANTS:
        lexer.token("no")
    else:
        lexer.token("n")


def _sass_attribute(lexer: RegexLexer, m: Match) -> None:
    lexer.token("nl" if m.group() in CSS_ATTRIBUTES else "na")


class Scss(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        piece = [mixin("selector_piece")]
        return {
            "root": [
                rule(r"\s+", ""),
                rule(r"//.*?$", "c1"),
                rule(r"/[*].*?[*]/", "cm", flags="m"),
                rule(r"@import\b", "k", "value"),
                mixin("content_common"),
                rule(r"(?=[^;{}][;}])", moves("attribute")),
                rule(r"(?=[^;{}:\[]+:[^a-z])", moves("attribute")),
                rule(r"", moves("selector")),
            ],
            "end_section": [rule(r"\n", ""), rule(r"[;{}]", _reset)],
            "content_common": [
                rule(r"@for\b", "k", "for"),
                rule(r"@(debug|warn|if|each|while|else|return|media)", "k", "value"),
                rule(rf"(@mixin)(\s+)({SASS_ID})", groups_then(("k", "", "nf"), "value")),
                rule(rf"(@function)(\s+)({SASS_ID})", groups_then(("k", "", "nf"), "value")),
                rule(r"@extend\b", "k", "selector"),
                rule(rf"(@include)(\s+)({SASS_ID})", groups_then(("k", "", "nd"), "value")),
                rule(rf"@{SASS_ID}", "k", "selector"),
                rule(r"&", "k", "selector"),
                rule(rf"([$]{SASS_ID})([ \t]*)(:)", groups_then(("nv", "", "p"), "value")),
            ],
            "value": [
                mixin("end_section"),
                rule(r"[ \t]+", ""),
                rule(rf"[$]{SASS_ID}", "nv"),
                rule(r"url[(]", "sx", "string_url"),
                rule(rf"{SASS_ID}(?=\s*[(])", "nf"),
                rule(rf"%{SASS_ID}", "nd"),
                rule(r"(true|false)\b", "bp"),
                rule(r"(and|or|not)\b", "ow"),
                rule(r"#[a-z0-9]{1,6}", "mh", flags="i"),
                rule(r"-?\d+(%|[a-z]+)?", "m"),
                rule(r"-?\d*\.\d+(%|[a-z]+)?", "mi"),
                mixin("has_strings"),
                mixin("has_interp"),
                rule(r"[~^*!&%<>\|+=@:,.\/?-]+", "o"),
                rule(r"[\[\]()]+", "p"),
                rule(r"/[*]", "cm", "inline_comment"),
                rule(r"//[^\n]*", "c1"),
                rule(SASS_ID, _sass_value_word),
            ],
            "has_interp": [rule(r"[#][{]", "si", "interpolation")],
            "has_strings": [rule(r'"', "s2", "dq"), rule(r"'", "s1", "sq")],
            "interpolation": [rule(r"}", "si", POP), mixin("value")],
            "selector": [
                mixin("end_section"),
                mixin("has_strings"),
                mixin("has_interp"),
                rule(r"[ \t]+", ""),
                rule(r":", "nd", "pseudo_class"),
                rule(r"[.]", "nc", "class"),
                rule(r"#", "nn", "id"),
                rule(r"%", "nv", "placeholder"),
                rule(SASS_ID, "nt"),
                rule(r"&", "k"),
                rule(r"[~^*!&\[\]()<>\|+=@:;,.\/?-]", "o"),
            ],
            "dq": [
                rule(r'"', "s2", POP),
                mixin("has_interp"),
                rule(r'(\\.|#(?![{])|[^\n"#])+', "s2"),
            ],
            "sq": [
                rule(r"'", "s1", POP),
                mixin("has_interp"),
                rule(r"(\\.|#(?![{])|[^\n'#])+", "s1"),
            ],
            "string_url": [
                rule(r"[)]", "sx", POP),
                rule(r"(\\.|#(?![{])|[^\n)#])+", "sx"),
                mixin("has_interp"),
            ],
            "selector_piece": [mixin("has_interp"), rule(r"", _pop)],
            "pseudo_class": [rule(SASS_ID, "nd"), *piece],
            "class": [rule(SASS_ID, "nc"), *piece],
            "id": [rule(SASS_ID, "nn"), *piece],
            "placeholder": [rule(SASS_ID, "nv"), *piece],
            "for": [rule(r"(from|to|through)", "ow"), mixin("value")],
            "attr_common": [mixin("has_interp"), rule(SASS_ID, _sass_attribute)],
            "attribute": [
                mixin("attr_common"),
                rule(r"([ \t]*)(:)", groups_then(("", "p"), "value")),
            ],
            "inline_comment": [
                rule(r"(\\#|#(?=[^\n{])|\*(?=[^\n\/])|[^\n#*])+", "cm"),
                mixin("has_interp"),
                rule(r"[*]/", "cm", POP),
            ],
        }
