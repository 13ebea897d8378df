"""kramdown's smart quotes: which of ‘ ’ “ ” a straight quote becomes depends on the
characters around it. The rule may start one character before the quote (that character
is kept as text), exactly as kramdown's span start pattern does."""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline

from ..inlinestate import kdi

SMART_QUOTES_RE = re.compile(r"[^\\]?[\"']", re.S)
SPAN_START = r"[^\\]?[\"']"

_PUNCT = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
_CLOSE = r"[^ \\\t\r\n\[{(-]"
_S = r"[ \t\r\n\f\v]"
# Ruby's \w is ASCII, but its \b and \B see any letter as a word character.
_W = "[A-Za-z0-9_]"
_FLAGS = re.M
_RULES: list[tuple[re.Pattern[str], tuple[int | str, ...]]] = [
    (re.compile(r"(\"|')(?=[_*]{1,2}[^ \t\r\n\f\v])", _FLAGS), ("lquote1",)),
    (re.compile(rf"(\"|')(?={_PUNCT}(?!\.\.)\B)", _FLAGS), ("rquote1",)),
    (re.compile(rf"({_S}?)\"'(?={_W})", _FLAGS), (1, "ldquo", "lsquo")),
    (re.compile(rf"({_S}?)'\"(?={_W})", _FLAGS), (1, "lsquo", "ldquo")),
    (re.compile(rf"({_S}?)'(?=[0-9][0-9]s)", _FLAGS), (1, "rsquo")),
    (re.compile(rf"({_S})('|\")(?={_W})", _FLAGS), (1, "lquote2")),
    (re.compile(rf"({_CLOSE})('|\")", _FLAGS), (1, "rquote2")),
    (re.compile(rf"(\"|')(?={_S}|s\b|$)", _FLAGS), ("rquote1",)),
    (re.compile(r"(.?)'", _FLAGS | re.S), (1, "lsquo")),
    (re.compile(r"(.?)\"", _FLAGS | re.S), (1, "ldquo")),
]
_QUOTES = {
    ("rquote", '"'): "rdquo",
    ("rquote", "'"): "rsquo",
    ("lquote", '"'): "ldquo",
    ("lquote", "'"): "lsquo",
}


def smart_quotes(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    for pattern, substitutions in _RULES:
        match = pattern.match(st.src, st.pos)
        if match is None:
            continue
        st.pos = match.end()
        for item in substitutions:
            if isinstance(item, int):
                st.add_text(match.group(item))
            elif item[-1].isdigit():
                quote = match.group(int(item[-1]))
                st.emit("kd_smart_quote").meta["kind"] = _QUOTES[(item[:-1], quote)]
            else:
                st.emit("kd_smart_quote").meta["kind"] = item
        return True
    return False
