"""Per-document parsing data kramdown keeps beside the tree: ALDs, link and footnote
definitions, abbreviations. It lives in markdown-it's ``env`` under ``"kd"``."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .attributes import IAL
from .options import KramdownOptions

if TYPE_CHECKING:
    from markdown_it.token import Token

    from .blockstate import Kid


@dataclass(slots=True)
class Footnote:
    tokens: list[Token]
    eob: Kid
    attrs: dict[str, Any] | None = None
    referenced: bool = False


@dataclass(slots=True)
class LinkDef:
    url: str
    title: str | None
    eob: Kid | None


@dataclass(slots=True)
class TocItem:
    level: int
    id: str
    tokens: list[Token]
    text: str


@dataclass(slots=True)
class KdDoc:
    options: KramdownOptions
    alds: dict[str, IAL] = field(default_factory=dict)
    link_defs: dict[str, LinkDef] = field(default_factory=dict)
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    abbrevs: dict[str, str] = field(default_factory=dict)
    abbrev_eobs: dict[str, Kid] = field(default_factory=dict)
    toc: list[TocItem] = field(default_factory=list)


def doc(env: MutableMapping[str, Any]) -> KdDoc:
    found = env.get("kd")
    if not isinstance(found, KdDoc):
        raise RuntimeError("the kramdown setup rule did not run")
    return found


def normalize_link_id(text: str) -> str:
    return " ".join(text.split()).lower() if text.strip() else " "
