"""Responses serialized once per content version, with validators and compressed variants.

A ``Cached`` holds the bytes of one resource and the raw ASGI headers to send with them.
The ETag is a hash of the bytes, so it is the same on every worker, replica and restart that
serves the same content. gzip and brotli variants are made on first demand and kept, when
they pay (the body is big enough and shrinks).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import brotli

MIN_COMPRESS = 512  # bytes; below this the headers outweigh the saving
Headers = list[tuple[bytes, bytes]]

_ENCODINGS = ("br", "gzip")
#: The request headers every cached answer depends on. Origin too: the fast path answers
#: without CORS headers when there is no Origin, the stack with them. And Authorization: a
#: preview token changes the answer (api.http.preview).
VARY = "Accept-Encoding, Origin, Authorization"


@dataclass(slots=True)
class Cached:
    """One immutable representation and its lazily-built encodings."""

    status: int
    media_type: str
    body: bytes
    etag: str
    cache_control: str
    extra: tuple[tuple[bytes, bytes], ...] = ()
    vary: str = VARY
    _variants: dict[str, tuple[bytes, Headers] | None] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(
        cls,
        body: bytes,
        media_type: str,
        cache_control: str,
        *,
        status: int = 200,
        extra: Iterable[tuple[str, str]] = (),
        vary: str = VARY,
    ) -> Cached:
        """``vary``: the request headers the answer depends on (more than ``VARY`` when the
        route negotiates something else, such as the media type)."""
        raw_extra = tuple((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in extra)
        return cls(status, media_type, body, make_etag(body), cache_control, raw_extra, vary)

    def variant(self, encoding: str | None) -> tuple[bytes, Headers]:
        """The body and headers for an encoding (None: identity)."""
        key = encoding or "identity"
        if key not in self._variants:
            made = self._make(encoding)
            with self._lock:
                self._variants[key] = made
        found = self._variants[key]
        if found is None:  # compression did not pay: identity
            return self.variant(None)
        return found

    def _make(self, encoding: str | None) -> tuple[bytes, Headers] | None:
        body, etag = self.body, self.etag
        if encoding is not None:
            if len(body) < MIN_COMPRESS:
                return None
            body = _compress(body, encoding)
            if len(body) >= len(self.body) * 0.9:
                return None
            etag = f'{etag[:-1]}-{"br" if encoding == "br" else "gz"}"'
        headers: Headers = [
            (b"content-type", self.media_type.encode("latin-1")),
            (b"content-length", str(len(body)).encode()),
            (b"etag", etag.encode("latin-1")),
            (b"cache-control", self.cache_control.encode("latin-1")),
            (b"vary", self.vary.encode("latin-1")),
            (b"x-content-type-options", b"nosniff"),
        ]
        if encoding is not None:
            headers.append((b"content-encoding", encoding.encode()))
        headers.extend(self.extra)
        return body, headers

    def not_modified_headers(self, encoding: str | None) -> Headers:
        """The headers of a 304 for an encoding: the variant's, without its length and type
        (made once per encoding: revalidations are frequent)."""
        key = f"304-{encoding or 'identity'}"
        found = self._variants.get(key)
        if found is None:
            _, headers = self.variant(encoding)
            kept = [(k, v) for k, v in headers if k not in (b"content-length", b"content-type")]
            found = (b"", kept)
            with self._lock:
                self._variants[key] = found
        return found[1]


def make_etag(body: bytes) -> str:
    digest = hashlib.blake2b(body, digest_size=15).digest()
    return '"' + base64.urlsafe_b64encode(digest).decode() + '"'


def _compress(body: bytes, encoding: str) -> bytes:
    if encoding == "br":
        # Quality 5 compresses JSON about as well as 9 at a fifteenth of the time, and a
        # first request pays for it.
        return bytes(brotli.compress(body, quality=5))
    return gzip.compress(body, compresslevel=6, mtime=0)


@lru_cache(maxsize=256)
def negotiate(accept_encoding: str) -> str | None:
    """The best encoding we offer for an ``Accept-Encoding`` value (None: identity)."""
    offered: dict[str, float] = {}
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        offered[name.strip().lower()] = quality
    wildcard = offered.get("*", 0.0)
    best, best_q = None, 0.0
    for encoding in _ENCODINGS:
        quality = offered.get(encoding, wildcard)
        if quality > best_q:
            best, best_q = encoding, quality
    return best


#: Longest If-None-Match whose comparison is remembered (a browser sends one ETag); longer
#: lists are compared every time, so odd clients cannot fill memory with them.
REMEMBERED_IF_NONE_MATCH = 256


def etag_matches(if_none_match: str, etag: str) -> bool:
    """Weak comparison (RFC 9110 13.1.2) ignoring our encoding suffixes."""
    if len(if_none_match) <= REMEMBERED_IF_NONE_MATCH:
        return _remembered_match(if_none_match, etag)
    return _match(if_none_match, etag)


@lru_cache(maxsize=1024)
def _remembered_match(if_none_match: str, etag: str) -> bool:
    return _match(if_none_match, etag)


def _match(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    base = etag.strip('"')
    for candidate in if_none_match.split(","):
        tag = candidate.strip().removeprefix("W/").strip('"')
        if tag in (base, base + "-gz", base + "-br"):
            return True
    return False
