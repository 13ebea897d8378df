"""What the kramdown renderer's rules share: per-render state and small helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType

from .document import doc
from .entities import entity_to_str
from .escape import html_attributes
from .options import KramdownOptions

LANGUAGE = re.compile(r"\blanguage-(\S+)")
_LEADING_LANGUAGE = re.compile(r"language-\S+")
PLACEHOLDER = "\x00kd:{}\x00"


@dataclass
class RenderState:
    """What kramdown's converter accumulates while it converts, in document order."""

    used_ids: dict[str, int] = field(default_factory=dict)
    footnotes: list[str] = field(default_factory=list)
    footnote_repeats: dict[str, int] = field(default_factory=dict)
    placeholders: dict[str, Token] = field(default_factory=dict)


def render_state(env: EnvType) -> RenderState:
    found = env.get("kd_render")
    if not isinstance(found, RenderState):
        found = env["kd_render"] = RenderState()
    return found


def attrs_of(token: Token) -> str:
    return html_attributes(dict(token.attrs))


class BaseRenderer(RendererHTML):
    """Helpers every rendering rule needs: the site's options and entity output."""

    @staticmethod
    def options(env: EnvType) -> KramdownOptions:
        return doc(env).options

    def entity(self, code: int, original: str | None, env: EnvType) -> str:
        return entity_to_str(code, original, self.options(env).entity_output)


def extract_language(attrs: dict[str, Any]) -> str | None:
    classes = str(attrs.get("class", ""))
    match = LANGUAGE.search(classes)
    if match is None:
        return None
    rest = LANGUAGE.sub("", classes, count=1).strip()
    if rest:
        attrs["class"] = rest
    else:
        attrs.pop("class", None)
    return match.group(1)


def add_highlighter_class(attrs: dict[str, Any], lang: str | None) -> None:
    # As kramdown: a leading language class is replaced, otherwise one is put in front.
    classes = (str(attrs.get("class", "")) + " highlighter-rouge").lstrip()
    if lang:
        leading = _LEADING_LANGUAGE.match(classes)
        rest = classes[leading.end() :] if leading else f" {classes}"
        classes = f"language-{lang}{rest}"
    attrs["class"] = classes
