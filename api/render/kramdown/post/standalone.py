"""A paragraph holding only an image marked ``{:standalone}`` becomes a ``<figure>`` with the
image's alt text as caption (kramdown 2.4)."""

from __future__ import annotations

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..attributes import REFS
from ..document import doc


def _figures(tokens: list[Token]) -> list[Token]:
    result: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "paragraph_open" and not token.hidden and index + 2 < len(tokens):
            children = tokens[index + 1].children or []
            if len(children) == 1 and children[0].type == "image":
                image = children[0]
                if "standalone" in (image.meta.get("ial") or {}).get(REFS, ()):
                    result.append(_figure(token, image))
                    index += 3
                    continue
        result.append(token)
        index += 1
    return result


def _figure(paragraph: Token, image: Token) -> Token:
    figure_attrs = dict(paragraph.attrs)
    image_attrs = dict(image.attrs)
    for key in ("class", "id"):
        if key in image_attrs and key not in figure_attrs:
            figure_attrs[key] = image_attrs.pop(key)
    figure = Token("kd_figure", "figure", 0)
    figure.block = True
    figure.attrs = figure_attrs
    figure.meta["image"] = image_attrs
    return figure


def kd_standalone(state: StateCore) -> None:
    state.tokens[:] = _figures(state.tokens)
    for footnote in doc(state.env).footnotes.values():
        footnote.tokens[:] = _figures(footnote.tokens)
