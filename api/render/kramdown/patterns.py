"""Regular expressions of kramdown's syntax, translated from Ruby's dialect.

kramdown matches its block patterns with a StringScanner, for which ``^`` also matches at the
scan position, even in the middle of a line (text after ``-->`` or ``</div>`` on the same line
starts a new block). Patterns matched at the current position therefore have no leading
``^`` here (``re.match`` anchors them); those used with ``sub`` or ``search`` keep it.

Ruby's ``\\s``, ``\\w`` and ``\\d`` are ASCII-only, ``^``/``$`` always work per line and ``\\Z``
also matches before a final newline; the fragments below spell those out so that the Python
patterns accept exactly what kramdown accepts. Every compiled pattern uses ``re.M``.
"""

from __future__ import annotations

import re

M = re.M
S = re.S

SP = r"[ \t\r\n\f\v]"  # Ruby's \s
NSP = r"[^ \t\r\n\f\v]"  # Ruby's \S
W = r"[A-Za-z0-9_]"  # Ruby's \w
Z = r"(?=\n?\Z)"  # Ruby's \Z
OPT_SPACE = r" {0,3}"

_NAME = r"[A-Za-z_\u00c0-\U000effff][\w.\-\u00b7]*"
UNAME = rf"(?:{_NAME}:)?{_NAME}"

HTML_SPAN_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "big",
        "bdo",
        "br",
        "button",
        "cite",
        "code",
        "del",
        "dfn",
        "em",
        "i",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "mark",
        "option",
        "q",
        "rb",
        "rbc",
        "rp",
        "rt",
        "rtc",
        "ruby",
        "samp",
        "select",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "tt",
        "u",
        "var",
    ]
)
HTML_BLOCK_ELEMENTS = frozenset(
    [
        "address",
        "article",
        "aside",
        "applet",
        "body",
        "blockquote",
        "caption",
        "col",
        "colgroup",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "head",
        "iframe",
        "legend",
        "menu",
        "li",
        "main",
        "map",
        "nav",
        "ol",
        "optgroup",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
HTML_ELEMENTS_WITHOUT_BODY = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "command",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_MODEL_BLOCK = (
    "address applet article aside blockquote body dd details div dl fieldset figure figcaption "
    "footer form header hgroup iframe li main map menu nav noscript object section summary td"
)
_MODEL_SPAN = (
    "a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label "
    "legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt"
)
_MODEL_RAW = "script style math option textarea pre code kbd samp var"
HTML_CONTENT_MODEL: dict[str, str] = {
    **dict.fromkeys(_MODEL_BLOCK.split(), "block"),
    **dict.fromkeys(_MODEL_SPAN.split(), "span"),
    **dict.fromkeys(_MODEL_RAW.split(), "raw"),
}
HTML_ELEMENT = frozenset(
    HTML_SPAN_ELEMENTS | HTML_BLOCK_ELEMENTS | HTML_ELEMENTS_WITHOUT_BODY | set(HTML_CONTENT_MODEL)
)


def content_model(tag: str) -> str:
    """kramdown's HTML_CONTENT_MODEL, whose default for unknown tags is raw."""
    return HTML_CONTENT_MODEL.get(tag, "raw")


BLANK_LINE_S = rf"(?>{SP}*\n)+"
EOB_MARKER_S = rf"\^{SP}*?\n"

ALD_ANY_CHARS = r"(?:\\\}|[^}])"
ALD_ID_NAME = r"[A-Za-z0-9_][A-Za-z0-9_-]*"
ALD_CLASS_NAME = r"[^ \t\r\n\f\v.#]+"
# Ruby reads the ``\2`` inside kramdown's character class as the octal escape \x02.
ALD_TYPE_KEY_VALUE_PAIR = rf"({ALD_ID_NAME})=(\"|')((?:\\\}}|\\\2|[^}}\x02])*?)\2"
ALD_TYPE_ID_NAME = r"#([A-Za-z][A-Za-z0-9_:-]*)"
ALD_TYPE_CLASS_NAME = rf"\.({ALD_CLASS_NAME})"
ALD_TYPE_ID_OR_CLASS = re.compile(rf"{ALD_TYPE_ID_NAME}|{ALD_TYPE_CLASS_NAME}")
ALD_TYPE_ANY = re.compile(
    rf"(?:\A|{SP})(?:{ALD_TYPE_KEY_VALUE_PAIR}|({ALD_ID_NAME})|"
    rf"((?:{ALD_TYPE_ID_NAME}|{ALD_TYPE_CLASS_NAME})+))(?={SP}|\Z)"
)
ALD_START = re.compile(rf"{OPT_SPACE}\{{:({ALD_ID_NAME}):({ALD_ANY_CHARS}+)\}}{SP}*?\n", M)

EXT_START_S = rf"\{{::(\w+)(?:{SP}({ALD_ANY_CHARS}*?)|)(/)?\}}"
EXT_STOP_S = r"\{:/(%s)?\}"
EXT_BLOCK_START = re.compile(rf"{OPT_SPACE}(?:{EXT_START_S}|{EXT_STOP_S % ALD_ID_NAME}){SP}*?\n", M)
EXT_SPAN_START = re.compile(rf"{EXT_START_S}|{EXT_STOP_S % ALD_ID_NAME}", M)

IAL_BLOCK_S = rf"\{{:(?!:|/)({ALD_ANY_CHARS}+)\}}{SP}*?\n"
IAL_BLOCK_START_S = rf"{OPT_SPACE}{IAL_BLOCK_S}"
IAL_BLOCK_START = re.compile(IAL_BLOCK_START_S, M)
IAL_SPAN_START = re.compile(rf"\{{:({ALD_ANY_CHARS}+)\}}", M)
BLOCK_EXTENSIONS_START = re.compile(rf"{OPT_SPACE}\{{:", M)

HTML_TAG_S = rf"<((?>{UNAME})){SP}*((?>{SP}+{UNAME}(?:{SP}*={SP}*(?:\w+|(\"|').*?\3))?)*){SP}*(/)?>"
HTML_TAG_RE = re.compile(HTML_TAG_S, M | S)
HTML_TAG_CLOSE_S = rf"</({UNAME}){SP}*>"
HTML_TAG_CLOSE_RE = re.compile(HTML_TAG_CLOSE_S, M | S)
HTML_ATTRIBUTE_RE = re.compile(rf"{SP}*({UNAME})(?:{SP}*={SP}*(?:(\w+)|(\"|')(.*?)\3))?", M | S)
HTML_COMMENT_RE = re.compile(r"<!--(.*?)-->", M | S)
HTML_INSTRUCTION_RE = re.compile(r"<\?(.*?)\?>", M | S)
HTML_ENTITY_RE = re.compile(r"&([A-Za-z0-9_:][A-Za-z0-9_\-.:]*);|&#([0-9]+);|&#x([0-9a-fA-F]+);")
HTML_RAW_START = re.compile(rf"(?=<({UNAME}|/|!--|\?))", M)
HTML_BLOCK_START = re.compile(rf"{OPT_SPACE}<({UNAME}|!--|/)", M)
HTML_BLOCK_TAG = re.compile(rf"{OPT_SPACE}{HTML_TAG_S}", M | S)
HTML_BLOCK_TAG_CLOSE = re.compile(rf"{OPT_SPACE}{HTML_TAG_CLOSE_S}", M | S)
HTML_SPAN_START = re.compile(rf"<({UNAME}|!--|/)", M)
TRAILING_WHITESPACE = re.compile(r"[ \t]*\n", M)

_LAZY_SPAN = "|".join(sorted(HTML_SPAN_ELEMENTS | {"script"}))
LAZY_END_HTML_START_S = rf"<(?>(?!(?:{_LAZY_SPAN})\b){UNAME})"
LAZY_END_HTML_STOP_S = rf"</(?!(?:{_LAZY_SPAN})\b){UNAME}{SP}*>"
LAZY_END_S = (
    rf"{BLANK_LINE_S}|{IAL_BLOCK_START_S}|{EOB_MARKER_S}|{OPT_SPACE}{LAZY_END_HTML_STOP_S}"
    rf"|{OPT_SPACE}{LAZY_END_HTML_START_S}|{Z}"
)

BLANK_LINE = re.compile(BLANK_LINE_S, M)
EOB_MARKER = re.compile(EOB_MARKER_S, M)
LAZY_END = re.compile(LAZY_END_S, M | S)
BLOCK_BOUNDARY = re.compile(rf"{BLANK_LINE_S}|{EOB_MARKER_S}|{IAL_BLOCK_START_S}|{Z}", M)

PARAGRAPH_START = re.compile(rf"{OPT_SPACE}[^ \t].*?\n", M)
PARAGRAPH_MATCH = re.compile(r".*?\n", M)

INDENT = re.compile(r"(?:\t| {4})", M)
INDENT_LINES = re.compile(r"^(?:\t| {4})", M)
CODEBLOCK_MATCH_S = (
    rf"(?:(?:{BLANK_LINE_S})?(?:(?:\t| {{4}})[ \t]*{NSP}.*\n)+"
    rf"(?:(?!{IAL_BLOCK_START_S}|{EOB_MARKER_S}|{OPT_SPACE}{LAZY_END_HTML_STOP_S}"
    rf"|{OPT_SPACE}{LAZY_END_HTML_START_S})[ \t]*{NSP}.*\n)*)*"
)
CODEBLOCK_MATCH = re.compile(CODEBLOCK_MATCH_S, M)

PATTERN_TAIL = r"[\t| ].*?\n"
LIST_START_UL = re.compile(rf"({OPT_SPACE}[+*-])({PATTERN_TAIL})", M)
LIST_START_OL = re.compile(rf"({OPT_SPACE}\d+\.)({PATTERN_TAIL})", M)
LIST_START_S = rf"^{OPT_SPACE}[+*-]{PATTERN_TAIL}|^{OPT_SPACE}\d+\.{PATTERN_TAIL}"
LIST_START = re.compile(LIST_START_S, M)
DEFINITION_LIST_START_S = rf"({OPT_SPACE}:)({PATTERN_TAIL})"
DEFINITION_LIST_START = re.compile(DEFINITION_LIST_START_S, M)
LIST_ITEM_IAL = re.compile(rf"^{SP}*(?:\{{:(?!(?:{ALD_ID_NAME})?:|/)({ALD_ANY_CHARS}+)\}}){SP}*", M)
LIST_ITEM_IAL_CHECK = re.compile(
    rf"^(?:{SP}*(?:\{{:(?!(?:{ALD_ID_NAME})?:|/)({ALD_ANY_CHARS}+)\}}){SP}*)?{SP}*\n", M
)

BLOCKQUOTE_START = re.compile(rf"{OPT_SPACE}> ?", M)
BLOCKQUOTE_MARKERS = re.compile(rf"^{OPT_SPACE}> ?", M)
HR_START = re.compile(rf"{OPT_SPACE}(\*|-|_)[ \t]*\1[ \t]*\1(\1|[ \t])*\n", M)

ATX_HEADER_START_GFM_S = r"(\#{1,6})[\t ]+(.*)\n"
ATX_HEADER_START_GFM = re.compile(ATX_HEADER_START_GFM_S, M)
ATX_HEADER_START = re.compile(r"(\#{1,6})[\t ]*([^ \t].*)\n", M)
SETEXT_HEADER_START = re.compile(rf"{OPT_SPACE}([^ \t].*)\n([-=])[-=]*[ \t\r\f\v]*\n", M)

FENCED_CODEBLOCK_START_GFM_S = r"[ ]{0,3}[~`]{3,}"
FENCED_CODEBLOCK_START_S = r"~{3,}"

PARAGRAPH_END = re.compile(rf"{LAZY_END_S}|{DEFINITION_LIST_START_S}", M | S)
PARAGRAPH_END_GFM = re.compile(
    rf"{LAZY_END_S}|{LIST_START_S}|{ATX_HEADER_START_GFM_S}|{DEFINITION_LIST_START_S}"
    rf"|{OPT_SPACE}> ?|{FENCED_CODEBLOCK_START_GFM_S}",
    M | S,
)
