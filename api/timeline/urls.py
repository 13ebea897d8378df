"""Strict URL helpers. Nothing here trusts its input, and nothing here raises.

The standard library's ``urlsplit`` raises on some inputs and silently drops characters on
others, so URLs are split with one regular expression that always matches, then checked piece
by piece.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote, unquote

MAX_URL_LENGTH: Final = 2048

_SPLIT: Final = re.compile(
    r"(?:(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):)?"
    r"(?://(?P<authority>[^/?#]*))?"
    r"(?P<path>[^?#]*)"
    r"(?:\?(?P<query>[^#]*))?"
    r"(?:#(?P<fragment>.*))?",
    re.DOTALL,
)
_LABEL: Final = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOSTNAME: Final = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")
_BAD_PERCENT: Final = re.compile(r"%(?![0-9A-Fa-f]{2})")
_INVISIBLE: Final = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
# What may stay literal inside a path or query once re-encoded (RFC 3986 pchar plus "/?").
_URL_SAFE: Final = "!$&'()*+,;=:@/?-._~%"


@dataclass(frozen=True, slots=True)
class SplitUrl:
    scheme: str | None  # lower-cased; None for "//host/..." and for relative references
    authority: str | None
    path: str
    query: str | None
    fragment: str | None


def split_url(text: str) -> SplitUrl:
    match = _SPLIT.fullmatch(text)
    assert match is not None  # every group is optional, so the pattern matches any string
    scheme = match.group("scheme")
    return SplitUrl(
        scheme=scheme.lower() if scheme else None,
        authority=match.group("authority"),
        path=match.group("path"),
        query=match.group("query"),
        fragment=match.group("fragment"),
    )


def unicode_text(text: str) -> str:
    """Replace lone surrogates (YAML and JSON escapes can make them) with U+FFFD: they cannot
    be encoded, so they would break percent-encoding here and JSON output later."""
    return _SURROGATE.sub("\N{REPLACEMENT CHARACTER}", text)


def remove_invisible(text: str) -> str:
    """Drop whitespace and zero-width characters: folded YAML and copy-paste put them in URLs."""
    return _INVISIBLE.sub("", text)


def percent_decode(text: str) -> str:
    """Decode like JavaScript's decodeURIComponent, keeping the text as is where that would fail.

    This is exactly what the v3 embed page does with each key and value (``width=100%`` stays).
    ``+`` is not a space here, as in v3.
    """
    if "%" not in text or _BAD_PERCENT.search(text):
        return text
    try:
        return unquote(text, errors="strict")
    except UnicodeDecodeError:
        return text


def encode_component(text: str) -> str:
    """Percent-encode everything but ``A-Z a-z 0-9 - . _ ~`` (a strict encodeURIComponent)."""
    return quote(text, safe="")


def normalize_host(authority: str) -> str | None:
    """The lower-cased host of ``host`` or ``host:port``, port included unless it is a default
    one (80, 443), or None when it is not a plain DNS name or IPv4 address.

    User info is refused: ``https://cdn.knightlab.com@evil.example`` must not pass as Knight Lab.
    """
    if "@" in authority or "[" in authority:
        return None
    host, _, port = authority.partition(":")
    if port and not (port.isascii() and port.isdigit() and 0 < int(port) < 65536):
        return None
    host = host.lower().rstrip(".")
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if len(host) > 253 or _HOSTNAME.fullmatch(host) is None:
        return None
    return host if port in ("", "80", "443") else f"{host}:{int(port)}"


@dataclass(frozen=True, slots=True)
class HttpUrl:
    """An absolute URL that has been checked and re-encoded; ``url`` is always https."""

    url: str
    host: str
    path: str
    query: str | None
    was_insecure: bool


def check_http_url(text: str) -> HttpUrl | None:
    """Accept an absolute ``https:``, ``http:`` or ``//`` URL; return it re-encoded as https.

    http is upgraded because the v3 embed page is served over https and browsers block http
    requests from it (mixed content). The fragment is dropped: no fetch sends it.
    """
    text = text.strip()
    if not text or len(text) > MAX_URL_LENGTH or _CONTROL.search(text):
        return None
    parts = split_url(text)
    if parts.scheme not in (None, "http", "https") or parts.authority is None:
        return None
    host = normalize_host(parts.authority)
    if host is None:
        return None
    path = _reencode(parts.path) or "/"
    query = None if parts.query is None else _reencode(parts.query)
    url = f"https://{host}{path}" + ("" if query is None else f"?{query}")
    return HttpUrl(url, host, path, query, was_insecure=parts.scheme == "http")


def _reencode(part: str) -> str:
    # Keep valid escapes, escape stray "%" and anything outside the URL-safe set (spaces,
    # quotes, non-ASCII), so the result is a well-formed URL whatever came in.
    return quote(_BAD_PERCENT.sub("%25", part), safe=_URL_SAFE)


def quote_for_message(text: str, limit: int = 60) -> str:
    """A short, printable rendering of untrusted text for a warning or problem message."""
    cleaned = "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in text[:limit])
    return repr(cleaned + ("…" if len(text) > limit else ""))
