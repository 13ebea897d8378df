"""URL helpers behind Jekyll's ``relative_url``/``absolute_url`` filters and link tags."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlsplit

_SAFE = "/:@!$&'()*+,;=-._~%?#[]"
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def normalize(url: str) -> str:
    """Percent-encode what Addressable's ``normalize`` would (spaces, non-ASCII...)."""
    return quote(url, safe=_SAFE)


def is_absolute(url: str) -> bool:
    return bool(_ABSOLUTE.match(url)) and bool(urlsplit(url).scheme)


def relative_url(value: Any, config: Mapping[str, Any]) -> Any:
    if value is None:
        return None
    text = str(value)
    if is_absolute(text):
        return text
    baseurl = str(config.get("baseurl") or "").removesuffix("/")
    parts = [baseurl, text]
    joined = "".join(part if not part or part.startswith("/") else f"/{part}" for part in parts)
    return normalize(joined)


def absolute_url(value: Any, config: Mapping[str, Any]) -> Any:
    if value is None:
        return None
    text = str(value)
    if is_absolute(text):
        return text
    site_url = config.get("url")
    relative = relative_url(text, config)
    if not site_url:
        return relative
    return normalize(str(site_url) + str(relative))
