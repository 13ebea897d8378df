"""A list marked ``{:toc}`` becomes the table of contents, one marked ``{:footnotes}`` the
place of the footnotes (the first of each, as in kramdown). Both are filled in when the
rest of the document has been rendered."""

from __future__ import annotations

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..attributes import REFS

_LISTS = ("bullet_list_open", "ordered_list_open")


def kd_placeholders(state: StateCore) -> None:
    tokens = state.tokens
    wanted = {"toc", "footnotes"}
    index = 0
    while index < len(tokens) and wanted:
        token = tokens[index]
        refs = (token.meta.get("ial") or {}).get(REFS, ()) if token.type in _LISTS else ()
        kind = "toc" if "toc" in refs else "footnotes" if "footnotes" in refs else None
        if kind is None or kind not in wanted:
            index += 1
            continue
        wanted.discard(kind)
        end = _close_of(tokens, index)
        placeholder = Token("kd_placeholder", token.tag, 0)
        placeholder.block = True
        placeholder.meta["kind"] = kind
        placeholder.attrs = dict(token.attrs)
        tokens[index : end + 1] = [placeholder]
        index += 1


def _close_of(tokens: list[Token], open_index: int) -> int:
    depth = 0
    for index in range(open_index, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1
