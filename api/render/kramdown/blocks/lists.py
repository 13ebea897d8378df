"""Ordered and unordered lists, with kramdown's rules for when an item's first paragraph is
"transparent" (no ``<p>``), and GFM task list items."""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .. import patterns as p
from ..blockstate import MAX_DEPTH, KdBlockState, Kid, kd, run_blocks
from ..options import KramdownOptions
from ..rules import BlockRule
from .listing import first_line, item_patterns, marker_pattern, strip_item_ial

_UNCHECKED = re.compile(rf"\A{p.SP}*\[ \]{p.SP}+")
_CHECKED = re.compile(rf"\A{p.SP}*\[[xX]\]{p.SP}+")
_BOX = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" '
_LEADING_TABS = re.compile(r"^(\t+)")


class _Item:
    __slots__ = ("attrs", "ial", "kids", "state", "values")

    def __init__(self) -> None:
        # Each value is a list of lines (joined once at the end: repeated string
        # concatenation would be quadratic for long items).
        self.values: list[list[str]] = []
        self.ial: dict[str, object] = {}
        self.attrs: dict[str, str] = {}
        self.kids: list[Kid] = []
        self.state: KdBlockState | None = None


def _collect(st: KdBlockState, kind: str) -> tuple[list[_Item], bool]:
    src = st.src
    start_re = p.LIST_START_UL if kind == "ul" else p.LIST_START_OL
    items: list[_Item] = []
    item: _Item | None = None
    content_re = lazy_re = indent_re = None
    indentation = 0
    nested = last_is_blank = eob_found = False
    while st.pos < len(src):
        pos = st.pos
        if last_is_blank and p.HR_START.match(src, pos):
            break
        if match := p.EOB_MARKER.match(src, pos):
            st.pos = match.end()
            eob_found = True
            break
        if match := start_re.match(src, pos):
            st.pos = match.end()
            item = _Item()
            items.append(item)
            text, indentation = first_line(len(match.group(1)), match.group(2))
            content_re, lazy_re, indent_re = item_patterns(indentation)
            text = strip_item_ial(text, item.ial)
            start_re = marker_pattern(kind, indentation)
            nested = p.LIST_START.search(text) is not None
            last_is_blank = False
            item.values.append([text])
            continue
        assert item is not None and content_re and lazy_re and indent_re
        match = content_re.match(src, pos) or (None if last_is_blank else lazy_re.match(src, pos))
        if match:
            st.pos = match.end()
            line = _LEADING_TABS.sub(lambda m: "    " * len(m.group(1)), match.group(0))
            unindented = indent_re.sub("", line, count=1)
            found_indent = unindented != line
            line = unindented
            if not nested and found_indent and p.LIST_START.search(line):
                item.values.append([])
                nested = True
            elif nested and not found_indent and p.LIST_START.search(line):
                line = " " * (indentation + 4) + line
            item.values[-1].append(line)
            last_is_blank = False
        elif match := p.BLANK_LINE.match(src, pos):
            st.pos = match.end()
            nested = last_is_blank = True
            item.values[-1].append(match.group(0))
        else:
            break
    return items, eob_found


def _is_plain_first(kids: list[Kid]) -> bool:
    return bool(kids) and kids[0].kind == "p" and not kids[0].options.get("transparent")


def make_list(options: KramdownOptions) -> BlockRule:
    gfm = options.gfm

    def list_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        st = kd(state)
        if st.depth >= MAX_DEPTH:
            return False
        if p.LIST_START_UL.match(st.src, st.pos):
            kind, tag, ttype = "ul", "ul", "bullet_list"
        elif p.LIST_START_OL.match(st.src, st.pos):
            kind, tag, ttype = "ol", "ol", "ordered_list"
        else:
            return False
        open_token = Token(f"{ttype}_open", tag, 1)
        st.add(kind, open_token)
        items, eob_found = _collect(st, kind)
        last_blank: Kid | None = None
        for index, item in enumerate(items):
            child = st.child("")
            for value in item.values:
                child.src, child.pos = "".join(value), 0
                run_blocks(child)
            item.state = child
            kids = item.kids = child.kids
            if not kids:
                continue
            first = kids[0]
            if first.kind == "p" and len(kids) >= 2 and kids[1].kind == "eob" and first.ial:
                del kids[1]
            is_last = index == len(items) - 1
            if (
                first.kind == "p"
                and (
                    len(kids) < 2
                    or kids[1].kind != "blank"
                    or (is_last and len(kids) == 2 and not eob_found)
                )
                and (
                    not is_last
                    or len(items) == 1
                    or any(not _is_plain_first(other.kids) for other in items[:-1])
                )
            ):
                if len(kids) > 1 and kids[1].kind != "blank" and first.inline is not None:
                    first.inline.content += "\n"
                _make_transparent(child, first)
            last_blank = kids.pop() if kids[-1].kind == "blank" else None
        if gfm:
            _task_list(open_token, items)
        for item in items:
            li = st.push("list_item_open", "li", 1)
            li.attrs.update(item.attrs)
            if item.ial:
                li.meta["ial"] = item.ial
            if item.state is not None:
                st.tokens.extend(item.state.tokens)
            st.push("list_item_close", "li", -1)
        st.push(f"{ttype}_close", tag, -1)
        if last_blank is not None and not eob_found:
            st.kids.append(last_blank)
        return True

    return list_block


def _make_transparent(child: KdBlockState, kid: Kid) -> None:
    kid.options["transparent"] = True
    kid.token.hidden = True  # type: ignore[union-attr]
    child.tokens[kid.start + 2].hidden = True


def _task_list(list_token: Token, items: list[_Item]) -> None:
    """GFM task lists: ``[ ]``/``[x]`` starting an item's first paragraph become checkboxes.

    As kramdown-parser-gfm does it, once an item was a task every later item is marked as a
    task list item too.
    """
    is_task = False
    for item in items:
        kids = item.kids
        if not kids or kids[0].kind != "p" or kids[0].inline is None:
            continue
        inline = kids[0].inline
        text, unchecked = _UNCHECKED.subn(_BOX + "/>", inline.content, count=1)
        text, checked = _CHECKED.subn(_BOX + 'checked="checked" />', text, count=1)
        inline.content = text
        is_task = is_task or bool(unchecked or checked)
        if is_task:
            item.attrs["class"] = "task-list-item"
    if is_task:
        list_token.attrs["class"] = "task-list"
