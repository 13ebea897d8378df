"""What ordered, unordered and definition lists share: reading an item's first line and
the patterns that find its continuation lines (kramdown's parse_first_list_line)."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import patterns as p
from ..attributes import IAL, parse_attribute_list

_LEADING_TABS = re.compile(r"^( *)(\t+)")
_LEADING = re.compile(rf"^{p.SP}*")


@lru_cache(maxsize=64)
def item_patterns(indentation: int) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(content, lazy, indent) patterns for an item whose content starts at ``indentation``."""
    tabs, spaces = divmod(indentation, 4)
    content = re.compile(
        rf"(?:(?:\t| {{4}}){{{tabs}}} {{{spaces}}}|(?:\t| {{4}}){{{tabs + 1}}}).*{p.NSP}.*\n", re.M
    )
    lazy = re.compile(
        rf"(?! {{0,{min(indentation, 3)}}}(?:{p.IAL_BLOCK_S}|{p.LAZY_END_HTML_STOP_S}"
        rf"|{p.LAZY_END_HTML_START_S})).*{p.NSP}.*\n",
        re.M,
    )
    return content, lazy, re.compile(rf"^ {{{indentation}}}", re.M)


def first_line(indentation: int, content: str) -> tuple[str, int]:
    """The item's first line without its indentation, and the item's content indentation."""
    if p.LIST_ITEM_IAL_CHECK.match(content):
        indentation = 4
    else:
        while re.match(r"^ *\t", content):
            match = _LEADING_TABS.match(content)
            assert match is not None
            column = len(match.group(1)) + indentation
            width = 4 - (column % 4) + (len(match.group(2)) - 1) * 4
            content = match.group(1) + " " * width + content[match.end() :]
        indentation += len(content) - len(content.lstrip(" "))
    return _LEADING.sub("", content, count=1), indentation


def strip_item_ial(text: str, ial: IAL) -> str:
    match = p.LIST_ITEM_IAL.match(text)
    if match is None:
        return text
    parse_attribute_list(match.group(1), ial)
    return text[: match.start()] + text[match.end() :]


@lru_cache(maxsize=32)
def marker_pattern(kind: str, indentation: int) -> re.Pattern[str]:
    """The start of the next item of the same list (kramdown's fetch_pattern)."""
    spaces = {1: "{0}", 2: "{0,1}", 3: "{0,2}"}.get(indentation, "{0,3}")
    marker = {"ul": "[+*-]", "ol": r"\d+\.", "dl": ":"}[kind]
    return re.compile(rf"( {spaces}{marker})({p.PATTERN_TAIL})", re.M)
