"""URLs from permalink templates, as Jekyll's ``URL`` class builds them."""

from __future__ import annotations

import re
from collections.abc import Mapping
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


def date_placeholders(date: datetime) -> dict[str, str | None]:
    return {
        "year": date.strftime("%Y"),
        "month": date.strftime("%m"),
        "day": date.strftime("%d"),
        "hour": date.strftime("%H"),
        "minute": date.strftime("%M"),
        "second": date.strftime("%S"),
        "i_day": str(date.day),
        "i_month": str(date.month),
        "short_month": date.strftime("%b"),
        "long_month": date.strftime("%B"),
        "short_year": date.strftime("%y"),
        "w_year": date.strftime("%G"),
        "week": date.strftime("%V"),
        "w_day": date.strftime("%u"),
        "short_day": date.strftime("%a"),
        "long_day": date.strftime("%A"),
        "y_day": date.strftime("%j"),
    }
