"""Apply block IALs once every ALD of the document is known."""

from __future__ import annotations

from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..attributes import apply_ial
from ..document import doc


def apply_block_ials(tokens: list[Token], alds: dict[str, Any]) -> None:
    for token in tokens:
        if token.nesting != -1 and token.type != "inline" and token.meta.get("ial"):
            attrs: dict[str, Any] = dict(token.attrs)
            apply_ial(attrs, token.meta["ial"], alds)
            token.attrs = attrs


def kd_ial(state: StateCore) -> None:
    document = doc(state.env)
    apply_block_ials(state.tokens, document.alds)
    for footnote in document.footnotes.values():
        apply_block_ials(footnote.tokens, document.alds)
