"""The kramdown options a site can set, merged over the defaults Jekyll 4.3 gives them.

Jekyll passes ``_config.yml``'s ``kramdown:`` mapping to kramdown after filling in its own
defaults; kramdown then fills in the rest. ``KramdownOptions.from_config`` does both steps, so
the dialect is configured once per site from exactly what the site wrote.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

SMART_QUOTES_DEFAULT = ("lsquo", "rsquo", "ldquo", "rdquo")


@dataclass(frozen=True, slots=True)
class KramdownOptions:
    input: str = "GFM"
    auto_ids: bool = True
    auto_id_prefix: str = ""
    auto_id_stripping: bool = False
    transliterated_header_ids: bool = False
    parse_block_html: bool = False
    parse_span_html: bool = True
    entity_output: str = "as_char"
    smart_quotes: tuple[str | int, ...] = SMART_QUOTES_DEFAULT
    typographic_symbols: Mapping[str, str] = field(default_factory=dict)
    toc_levels: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
    header_offset: int = 0
    footnote_nr: int = 1
    footnote_prefix: str = ""
    footnote_backlink: str = "&#8617;"
    footnote_backlink_inline: bool = False
    hard_wrap: bool = False
    gfm_quirks: frozenset[str] = frozenset({"paragraph_end"})
    syntax_highlighter: str | None = "rouge"
    default_lang: str | None = "plaintext"
    guess_lang: bool = True
    highlighter_disabled: bool = False
    # ``syntax_highlighter_opts`` as written (Rouge's formatter options, ``block``/``span``)
    highlighter_opts: Mapping[str, Any] = field(default_factory=dict)
    math_engine: str | None = "mathjax"
    link_defs: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)

    @property
    def gfm(self) -> bool:
        return self.input.lower() == "gfm"

    @classmethod
    def from_config(cls, kramdown: Mapping[str, Any] | None) -> KramdownOptions:
        """Build options from a ``kramdown:`` mapping; unknown or malformed values keep defaults."""
        raw: dict[str, Any] = dict(kramdown or {})
        values: dict[str, Any] = {}
        for name in ("input", "auto_id_prefix", "footnote_prefix", "footnote_backlink"):
            if isinstance(raw.get(name), str | int | float):
                values[name] = str(raw[name])
        for name in (
            "auto_ids",
            "auto_id_stripping",
            "transliterated_header_ids",
            "parse_block_html",
            "parse_span_html",
            "footnote_backlink_inline",
            "hard_wrap",
            "guess_lang",
        ):
            if name in raw and raw[name] is not None:
                values[name] = _boolean(raw[name])
        for name in ("header_offset", "footnote_nr"):
            number = _integer(raw.get(name))
            if number is not None:
                values[name] = number
        if isinstance(raw.get("entity_output"), str):
            values["entity_output"] = raw["entity_output"].strip().lstrip(":")
        quotes = _smart_quotes(raw.get("smart_quotes"))
        if quotes is not None:
            values["smart_quotes"] = quotes
        if isinstance(raw.get("typographic_symbols"), Mapping):
            values["typographic_symbols"] = {
                str(k).lstrip(":"): str(v) for k, v in raw["typographic_symbols"].items()
            }
        levels = _toc_levels(raw.get("toc_levels"))
        if levels is not None:
            values["toc_levels"] = levels
        if "gfm_quirks" in raw:
            values["gfm_quirks"] = _quirks(raw["gfm_quirks"])
        if "syntax_highlighter" in raw:
            value = raw["syntax_highlighter"]
            values["syntax_highlighter"] = str(value).lstrip(":") if value else None
        if "math_engine" in raw:
            value = raw["math_engine"]
            values["math_engine"] = str(value).lstrip(":") if value else None
        if isinstance(raw.get("link_defs"), Mapping):
            values["link_defs"] = _link_defs(raw["link_defs"])
        highlighter_opts = raw.get("syntax_highlighter_opts")
        if isinstance(highlighter_opts, Mapping):
            if "default_lang" in highlighter_opts:
                lang = highlighter_opts["default_lang"]
                values["default_lang"] = str(lang) if lang else None
            # (Its guess_lang is not read: Jekyll overwrites it with the top-level guess_lang.)
            values["highlighter_opts"] = dict(highlighter_opts)
            if highlighter_opts.get("disable"):
                values["highlighter_disabled"] = True
        return cls(**values)


def _boolean(value: Any) -> bool:
    # kramdown reads option strings as true unless they say "false" or are empty.
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return text not in ("false", "")


def _integer(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _smart_quotes(value: Any) -> tuple[str | int, ...] | None:
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or len(items) != 4:
        return None
    result: list[str | int] = []
    for item in items:
        text = str(item).strip()
        result.append(int(text) if text.isdigit() else text)
    return tuple(result)


def _toc_levels(value: Any) -> tuple[int, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        match = re.fullmatch(r"(\d)\.\.(\d)", value.strip())
        if match:
            levels = list(range(int(match[1]), int(match[2]) + 1))
        elif re.fullmatch(r"\d(?:,\d)*", value.strip()):
            levels = [int(x) for x in value.split(",")]
        else:
            return None
    elif isinstance(value, list | tuple):
        try:
            levels = [int(x) for x in value]
        except (TypeError, ValueError):
            return None
    else:
        return None
    if any(level < 1 or level > 6 for level in levels):
        return None
    return tuple(dict.fromkeys(levels))


def _quirks(value: Any) -> frozenset[str]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        return frozenset({"paragraph_end"})
    return frozenset(str(item).strip().lstrip(":") for item in items if str(item).strip())


def _link_defs(value: Mapping[Any, Any]) -> dict[str, tuple[str, str | None]]:
    result: dict[str, tuple[str, str | None]] = {}
    for key, target in value.items():
        items = target if isinstance(target, list | tuple) else [target]
        if items and items[0] is not None:
            title = str(items[1]) if len(items) > 1 and items[1] is not None else None
            result[str(key)] = (str(items[0]), title)
    return result
