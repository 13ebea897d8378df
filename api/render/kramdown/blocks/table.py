"""kramdown tables: rows of ``|``-separated cells, separator lines for the header and the
footer, per-column alignment from ``:---:`` markers. A table needs a block boundary before
and after it, and a ``|`` outside code spans on every line."""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .. import patterns as p
from ..blockstate import KdBlockState, kd
from ..codespans import split_codespans
from ..inlinestate import KdInlineState, parse_spans

TABLE_SEP_LINE = re.compile(r"([+|: \t-]*?-[+|: \t-]*?)[ \t]*\n", re.M)
TABLE_HSEP_ALIGN = re.compile(r"[ \t]?(:?)-+(:?)[ \t]?")
TABLE_FSEP_LINE = re.compile(r"[+|: \t=]*?=[+|: \t=]*?[ \t]*\n", re.M)
TABLE_ROW_LINE = re.compile(r"(.*?)[ \t]*\n", re.M)
TABLE_PIPE_CHECK = r"(?:\||.*?[^\\\n]\|)"
TABLE_LINE = re.compile(rf"{TABLE_PIPE_CHECK}.*?\n", re.M)
TABLE_START = re.compile(rf"{p.OPT_SPACE}(?={p.NSP}){TABLE_PIPE_CHECK}.*?\n", re.M)
_PIPE_AT_START = re.compile(rf"^{TABLE_PIPE_CHECK}")
_CODE_HTML = re.compile(r"(<code.*?>.*?</code>)")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")

Row = list[str]


class _Sections:
    def __init__(self) -> None:
        self.done: list[tuple[str, list[Row]]] = []
        self.rows: list[Row] = []
        self.has_footer = False

    def close(self, kind: str, force: bool) -> None:
        if not self.has_footer or kind != "tbody" or force:
            self.done.append((kind, self.rows))
            self.rows = []


def _cells(line: str, leading_pipe: bool) -> Row:
    cells: Row = []

    def add(piece: str, new_cell: bool) -> None:
        if new_cell or not cells:
            cells.append(piece)
        else:
            cells[-1] += piece

    for index, part in enumerate(_CODE_HTML.split(line)):
        if index % 2 == 1:
            add(part, False)
            continue
        for is_code, value in split_codespans(part):
            if is_code:
                runs = re.findall(r"`+", value)
                delimiter = (max(runs) if runs else "") + "`"
                pad = " " if len(delimiter) > 1 else ""
                add(f"{delimiter}{pad}{value}{pad}{delimiter}", False)
            else:
                pieces = [t.replace("\\|", "|") for t in _UNESCAPED_PIPE.split(value)]
                add(pieces[0], False)
                for piece in pieces[1:]:
                    add(piece, True)
    if leading_pipe and cells and not cells[0].strip():
        cells.pop(0)
    if cells and not cells[-1].strip():
        cells.pop()
    return [cell.strip() for cell in cells]


def _alignment(separator: str) -> list[str]:
    result = []
    for left, right in TABLE_HSEP_ALIGN.findall(separator):
        if not left and not right:
            result.append("default")
        elif not right:
            result.append("left")
        elif not left:
            result.append("right")
        else:
            result.append("center")
    return result


def _pieces(st: KdBlockState, text: str) -> list[tuple[bool, str]]:
    """The table's text as kramdown sees it for the pipe check: code spans and span HTML
    elements (whose content is hidden behind their tag name) apart from plain text."""
    tokens: list[Token] = []
    state = KdInlineState(text, st.md, st.env, tokens, {"tree": "table"})
    parse_spans(state, names=("codespan", "span_html"))
    state.flush()
    pieces: list[tuple[bool, str]] = []
    depth = 0
    for token in tokens:
        if depth == 0:
            if token.type == "code_inline":
                pieces.append((True, token.content))
            elif token.type == "kd_html_open":
                pieces.append((False, token.tag))
            else:
                pieces.append((False, token.content))
        depth += token.nesting
    return pieces


def _pipes_on_every_line(st: KdBlockState, text: str) -> bool:
    pipe_on_line = False
    for is_code, value in _pieces(st, text):
        lines = value.split("\n")
        while lines and lines[-1] == "":
            lines.pop()
        if is_code:
            if len(lines) > 2 or (len(lines) == 2 and not pipe_on_line):
                break
            if len(lines) == 2:
                pipe_on_line = False
            continue
        if not lines:
            continue
        if len(lines) > 1 and not pipe_on_line and not _PIPE_AT_START.match(lines[0]):
            break
        pipe_on_line = (False if len(lines) > 1 else pipe_on_line) or bool(
            _PIPE_AT_START.match(lines[-1])
        )
    return pipe_on_line


def table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    src, begin = st.src, st.pos
    if not TABLE_START.match(src, begin) or not st.after_block_boundary():
        return False
    # kramdown creates the table element (taking a pending block IAL) before it knows
    # whether the lines are a table; when they are not, that IAL is lost.
    ial, st.block_ial = st.block_ial, None
    first = TABLE_LINE.match(src, begin)
    leading_pipe = first is not None and first.group(0).lstrip(" \t").startswith("|")
    pos = begin
    if match := TABLE_SEP_LINE.match(src, pos):
        pos = match.end()
    sections = _Sections()
    alignment: list[str] = []
    columns = 0
    while pos < len(src) and TABLE_LINE.match(src, pos):
        if match := TABLE_SEP_LINE.match(src, pos):
            pos = match.end()
            if not sections.rows:
                pass
            elif not alignment and not sections.has_footer:
                sections.close("thead", False)
                alignment = _alignment(match.group(1))
            else:
                sections.close("tbody", False)
        elif match := TABLE_FSEP_LINE.match(src, pos):
            pos = match.end()
            if sections.rows:
                sections.close("tbody", True)
            sections.has_footer = True
        elif match := TABLE_ROW_LINE.match(src, pos):
            pos = match.end()
            row = _cells(match.group(1), leading_pipe)
            columns = max(columns, len(row))
            sections.rows.append(row)
        else:
            break
    st.pos = pos
    if not st.before_block_boundary() or not _pipes_on_every_line(st, src[begin : pos - 1]):
        st.pos = begin
        return False
    if sections.rows:
        sections.close("tfoot" if sections.has_footer else "tbody", False)
    if not any(kind == "tbody" for kind, _ in sections.done):
        st.pos = begin
        return False
    alignment = (alignment + ["default"] * columns)[:columns]
    st.block_ial = ial
    _emit(st, sections.done, alignment, columns)
    return True


def _emit(
    st: KdBlockState, sections: list[tuple[str, list[Row]]], alignment: list[str], columns: int
) -> None:
    st.add("table", Token("table_open", "table", 1))
    for kind, rows in sections:
        st.push(f"{kind}_open", kind, 1)
        cell_tag = "th" if kind == "thead" else "td"
        for row in rows:
            st.push("tr_open", "tr", 1)
            for index, text in enumerate(row + [""] * (columns - len(row))):
                cell = st.push(f"{cell_tag}_open", cell_tag, 1)
                if alignment[index] != "default":
                    cell.attrs["style"] = f"text-align: {alignment[index]}"
                if text:
                    inline = st.push("inline", "", 0)
                    inline.content = text
                    inline.children = []
                    inline.block = False
                    inline.meta["tree"] = cell_tag
                else:
                    cell.meta["empty"] = True
                st.push(f"{cell_tag}_close", cell_tag, -1)
            st.push("tr_close", "tr", -1)
        st.push(f"{kind}_close", kind, -1)
    st.push("table_close", "table", -1)
