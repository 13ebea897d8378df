"""Searchable text from markdown source, without rendering it.

Rendering every page at start-up is too slow for a search index, so the text is cut out of
the source: Liquid tags and kramdown extensions dropped, HTML tags dropped (the text between
them kept, that of ``script`` and ``style`` not), headings set apart, links reduced to their
text, URLs and markdown punctuation removed, entities decoded. The result is for matching and
for snippets a person reads, not a faithful rendering.

It runs over every document when the search index is built, so it is written for speed:
each regular expression starts with a literal (which ``re`` scans for quickly) and is guarded
by a substring test, and block structure is read in one pass over the lines.
"""

from __future__ import annotations

import html
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_LIQUID_COMMENT = (re.compile(r"{%-?\s*comment\s*-?%}"), re.compile(r"{%-?\s*endcomment\s*-?%}"))
_KRAMDOWN_COMMENT = (re.compile("{::comment}"), re.compile("{:/comment}"))
_LIQUID_TAG = (re.compile("{%"), re.compile("%}"))
_LIQUID_OUTPUT = (re.compile("{{"), re.compile("}}"))
_KRAMDOWN = re.compile(r"{:[^{}\n]*}")  # {: .class}, {::options /}: one line, no nesting
_HIDDEN = tuple(
    (re.compile(f"<{name}\\b", re.I), re.compile(f"</{name}\\s*>", re.I))
    for name in ("script", "style", "template")
)
_HTML_COMMENT = (re.compile("<!--"), re.compile("-->"))
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\n]*\]")
# A destination may hold one level of parentheses (Wikipedia links); no nested quantifiers
# that could backtrack without end.
_LINK = re.compile(r"\[([^\[\]]*)\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])")
_URLS = (re.compile(r"https?://\S+"), re.compile(r"mailto:\S+"))
_ORDERED_ITEM = re.compile(r"\d{1,9}[.)](?:[ \t]|$)")
_LINK_DEFINITION = re.compile(r"\[[^\]\n]+\]:")
_TABLE_RULE = frozenset("|:- \t")
# Replaced one by one: ``str.translate`` is slow on text that is not ASCII.
_PUNCTUATION = (("*", ""), ("~", ""), ("`", ""), ("|", " "), ("_", " "), ("\t", " "), ("\xa0", " "))
_SPACES = re.compile("  +")


def search_text(markdown: str) -> tuple[str, str]:
    """``(headings, body)``: the heading texts (one per line) and the rest of the text."""
    text = _CONTROL.sub("", markdown) if _CONTROL.search(markdown) else markdown
    if "{" in text:
        for opening, closing in (_LIQUID_COMMENT, _KRAMDOWN_COMMENT, _LIQUID_TAG, _LIQUID_OUTPUT):
            text = _drop(text, opening, closing)
        text = _KRAMDOWN.sub(" ", text)
    if "<" in text:
        for opening, closing in (*_HIDDEN, _HTML_COMMENT):
            text = _drop(text, opening, closing)
        text = _TAG.sub(" ", text)
    headings, body = _blocks(text)
    return "\n".join(h for h in map(_inline, headings) if h), _inline(" ".join(body))


def _drop(text: str, opening: re.Pattern[str], closing: re.Pattern[str]) -> str:
    """``text`` without each span from an ``opening`` to the next ``closing``. One pass: an
    opening that is never closed ends it (keeping the rest), so that the work stays linear
    where a lazy ``.*?`` would rescan to the end for every unclosed opening."""
    parts: list[str] = []
    at = 0
    while (start := opening.search(text, at)) is not None:
        end = closing.search(text, start.end())
        if end is None:
            break
        parts += [text[at : start.start()], " "]
        at = end.end()
    if not parts:
        return text
    parts.append(text[at:])
    return "".join(parts)


def _blocks(text: str) -> tuple[list[str], list[str]]:
    """Split the lines into headings and body, dropping block markup."""
    headings: list[str] = []
    body: list[str] = []
    fence = ""
    previous_blank = True
    for line in text.split("\n"):
        stripped = line.strip()
        if fence:  # inside fenced code: text only, nothing in it is markup
            if stripped.startswith(fence):
                fence = ""
            else:
                body.append(stripped)
            continue
        if not stripped:
            previous_blank = True
            continue
        blank_before, previous_blank = previous_blank, False
        first = stripped[0]
        if first in "`~" and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif first == "#" and (heading := _atx(stripped)) is not None:
            headings.append(heading)
        elif first in "=-" and not blank_before and body and _underline(stripped):
            headings.append(body.pop())  # setext: the line above was a heading
        elif _skipped(first, stripped):
            continue
        elif first in "-*+" and stripped[1:2] in (" ", "\t"):
            body.append(stripped[2:])
        elif first == ">":
            body.append(stripped.lstrip("> \t"))
        elif first.isdigit() and (item := _ORDERED_ITEM.match(stripped)):
            body.append(stripped[item.end() :])
        else:
            body.append(stripped)
    return headings, body


def _atx(line: str) -> str | None:
    hashes = len(line) - len(line.lstrip("#"))
    rest = line[hashes:]
    if hashes > 6 or (rest and rest[0] not in " \t"):
        return None  # ``#hashtag`` or ``#######`` is text
    return rest.strip().rstrip("#").strip()


def _underline(line: str) -> bool:
    return len(set(line)) == 1


def _skipped(first: str, line: str) -> bool:
    """A thematic break, a table's header rule or a link reference definition."""
    if first in "-*_":
        compact = line.replace(" ", "").replace("\t", "")
        return len(compact) >= 3 and len(set(compact)) == 1
    if first == "|":
        return set(line) <= _TABLE_RULE
    return first == "[" and _LINK_DEFINITION.match(line) is not None


def _inline(text: str) -> str:
    if "[" in text:
        text = _FOOTNOTE_REF.sub("", text.replace("![", "["))
        text = _LINK.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)  # an image inside a link: [![alt](src)](href)
    if ":" in text:
        for url in _URLS:
            text = url.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
        text = _CONTROL.sub("", text) if _CONTROL.search(text) else text
    for char, replacement in _PUNCTUATION:
        if char in text:
            text = text.replace(char, replacement)
    return _SPACES.sub(" ", text).strip()
