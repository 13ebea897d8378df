"""URLs from permalink templates, as Jekyll's ``URL`` class builds them."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime

from api.content.config import PERMALINK_STYLES

_PLACEHOLDER = re.compile(r":([a-z_]+)")
_PLAIN = re.compile(r"[a-zA-Z0-9./-]+")
# RFC 3986 pchar, less "%": what Jekyll leaves unescaped in a placeholder's value.
_SAFE = frozenset(
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~!$&'()*+,;=:@/"
)


class PermalinkError(ValueError):
    """A template names a placeholder this document has no value for."""


def escape_path(value: str) -> str:
    """Percent-encode a placeholder value, bytes of UTF-8 as ``%XX``."""
    if not value or _PLAIN.fullmatch(value):
        return value
    return "".join(
        chr(b) if b in _SAFE else f"%{b:02X}" for b in value.encode("utf-8", "surrogatepass")
    )


def expand(template: str, placeholders: Mapping[str, str | None]) -> str:
    """Fill ``:name`` placeholders; a trailing ``_`` may be part of the name or not."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        pool = [name, name.removesuffix("_")] if name.endswith("_") else [name]
        for key in pool:
            if key in placeholders:
                value = placeholders[key] or ""
                rest = name[len(key) :]
                return escape_path(value) + rest
        raise PermalinkError(
            f"the permalink template has no `:{name}` placeholder for this document"
        )

    return _squeeze(_PLACEHOLDER.sub(replace, template))


def sanitize(url: str) -> str:
    """Jekyll's ``sanitize_url``: one leading slash, no ``..`` and no ``./``, no doubled ``/``."""
    url = ("/" + url).replace("..", "/").replace("./", "")
    return _squeeze(url)


def _squeeze(url: str) -> str:
    return re.sub(r"/{2,}", "/", url)


def style_template(style: str) -> str:
    """A built-in permalink style name (``pretty``, ``date``...) as a template."""
    return PERMALINK_STYLES.get(style, style)


def with_suffix(template: str, style: str) -> str:
    """Jekyll's ``add_permalink_suffix`` for a page or collection template."""
    if style == "pretty":
        return template + "/"
    if style in PERMALINK_STYLES:
        return template + ":output_ext"
    if style.endswith("/"):
        return template + "/"
    if style.endswith(":output_ext"):
        return template + ":output_ext"
    return template


#: The date placeholders: a ``strftime`` format, or a function of the date.
DATE_PLACEHOLDERS: dict[str, str | Callable[[datetime], str]] = {
    "year": "%Y",
    "month": "%m",
    "day": "%d",
    "hour": "%H",
    "minute": "%M",
    "second": "%S",
    "i_day": lambda date: str(date.day),
    "i_month": lambda date: str(date.month),
    "short_month": "%b",
    "long_month": "%B",
    "short_year": "%y",
    "w_year": "%G",
    "week": "%V",
    "w_day": "%u",
    "short_day": "%a",
    "long_day": "%A",
    "y_day": "%j",
}


def date_placeholder(date: datetime, name: str) -> str:
    """The value of the date placeholder ``name`` (one of ``DATE_PLACEHOLDERS``)."""
    way = DATE_PLACEHOLDERS[name]
    return date.strftime(way) if isinstance(way, str) else way(date)
