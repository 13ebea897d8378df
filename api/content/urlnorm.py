"""Jekyll's ``relative_url`` and ``absolute_url``, with Addressable's ``normalize``.

jekyll-redirect-from writes every redirect target through these filters, so the targets in
``redirects.json`` are exactly what they produce: the site's ``baseurl`` and ``url`` put in
front, then the whole URL normalized as Addressable 2.8 does it (RFC 3986 section 6): the
scheme and host in lower case, the default port dropped, dot segments removed, percent
escapes decoded where the character needs none and written in upper case otherwise, text
in NFKC, an empty query or fragment dropped.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata

_URI = re.compile(r"^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", re.S)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")
_ESCAPE = re.compile(rb"%([0-9A-Fa-f]{2})")
_UNRESERVED = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
_SUB_DELIMS = b"!$&'()*+,;="
_PCHAR = frozenset(_UNRESERVED + _SUB_DELIMS + b":@")
_FRAGMENT = frozenset(_PCHAR | frozenset(b"/?"))
# Addressable keeps ``&`` and ``;`` escaped in a query: they could separate its pairs.
_QUERY = frozenset(_UNRESERVED + b"!$'()*+,=:@/?")
_HOST = frozenset(_UNRESERVED + _SUB_DELIMS + b"[:]")
_DEFAULT_PORTS = {"http": "80", "https": "443", "ftp": "21", "tftp": "69", "ssh": "22"}
_ROOTED_SCHEMES = frozenset({"http", "https", "ftp", "tftp"})
_RULE_2A = re.compile(r"/\./|/\.$")
_RULE_2B_2C = re.compile(r"/([^/]*)/\.\./|/([^/]*)/\.\.$")
_RULE_2D = re.compile(r"^\.\.?/?")
_RULE_PREFIXED_PARENT = re.compile(r"^/\.\.?/|^(/\.\.?)+/?$")


def is_absolute(url: str) -> bool:
    """Whether Addressable reads ``url`` as absolute: it starts with a scheme."""
    match = _URI.match(url)
    return bool(match and match.group(1) is not None and _SCHEME.fullmatch(match.group(1)))


def relative_url(path: str, baseurl: str) -> str:
    """Jekyll's ``relative_url``: ``baseurl`` (less one trailing ``/``) then ``path``."""
    if is_absolute(path):
        return path
    parts = (baseurl.removesuffix("/"), path)
    return normalize("".join(p if not p or p.startswith("/") else "/" + p for p in parts))


def absolute_url(path: str, site_url: str, baseurl: str) -> str:
    """Jekyll's ``absolute_url``: ``relative_url`` behind the site's ``url``, when it has one."""
    if is_absolute(path):
        return path
    relative = relative_url(path, baseurl)
    if not site_url:
        return relative
    return normalize(site_url + relative)


def normalize(url: str) -> str:
    """``Addressable::URI.parse(url).normalize.to_s`` for the URLs sites write."""
    match = _URI.match(url)
    if match is None:  # pragma: no cover - the pattern matches every string
        return url
    scheme, authority, path, query, fragment = match.groups()
    out = []
    if scheme is not None:
        scheme = scheme.strip().lower()
        out.append(scheme + ":")
    if authority is not None:
        out.append("//" + _authority(authority, scheme))
    if scheme is None and re.match(r"^(?!/)[^/:]*:", path):
        path = path.replace(":", "%2F", 1)  # a colon in a relative first segment is ambiguous
    segments = [_component(segment, _PCHAR) for segment in path.strip().split("/")]
    path = remove_dot_segments("/".join(segments))
    if not path and scheme in _ROOTED_SCHEMES:
        path = "/"
    out.append(path)
    if query is not None:
        pairs = "&".join(_component(pair, _QUERY, keep=b"+") for pair in query.split("&"))
        if pairs:
            out.append("?" + pairs)
    if fragment is not None:
        text = _component(fragment, _FRAGMENT)
        if text:
            out.append("#" + text)
    return "".join(out)


def remove_dot_segments(path: str) -> str:
    """``.`` and ``..`` segments resolved as Addressable does (RFC 3986 section 5.2.4 for the
    paths Jekyll makes, which all start with ``/``)."""
    if "." not in path:
        return path
    while True:
        changed = _RULE_2A.sub("/", path)
        if changed == path:
            pair = _RULE_2B_2C.search(path)
            if pair is not None and (
                pair.group(1) not in (".", "..") or pair.group(2) not in (".", "..")
            ):
                parent, current = re.escape(pair.group(1) or ""), re.escape(pair.group(2) or "")
                changed = re.sub(rf"/{parent}/\.\./|(/{current}/\.\.$)", "/", path)
        if changed == path:
            changed = _RULE_2D.sub("", path, count=1)
        if changed == path:
            changed = _RULE_PREFIXED_PARENT.sub("/", path)
        if changed == path:
            return path
        path = changed


def _authority(authority: str, scheme: str | None) -> str:
    userinfo, at, hostport = authority.rpartition("@")
    host, port = hostport, ""
    bracket = hostport.rfind("]")
    colon = hostport.rfind(":")
    if colon > bracket:
        host, port = hostport[:colon], hostport[colon + 1 :]
    raw = _unescape(host.strip().lower().encode("utf-8", "surrogateescape"), b"")
    text = raw.decode("utf-8", "surrogateescape")
    if not text.isascii():
        with contextlib.suppress(UnicodeError):  # no IDNA spelling: kept, escaped below
            text = text.encode("idna").decode("ascii")
    if len(text) > 1 and text.endswith(".") and not text.endswith(".."):
        text = text[:-1]  # a single trailing dot is unnecessary
    result = userinfo + at + _component(text, _HOST)
    if port and _DEFAULT_PORTS.get(scheme or "") != port:
        result += ":" + port
    return result


def _component(text: str, allowed: frozenset[int], keep: bytes = b"") -> str:
    """Escapes decoded (but those of ``keep``), NFKC, then what ``allowed`` lacks escaped."""
    raw = _unescape(text.encode("utf-8", "surrogateescape"), keep)
    # Bytes that are not UTF-8 once decoded are left as they are, as Addressable does.
    with contextlib.suppress(UnicodeDecodeError):
        raw = unicodedata.normalize("NFKC", raw.decode("utf-8")).encode("utf-8")
    kept = {f"%{b:02X}".encode() for b in keep} | {f"%{b:02x}".encode() for b in keep}
    out = []
    at = 0
    while at < len(raw):
        if raw[at] == 0x25 and raw[at : at + 3] in kept:  # an escape left as it was
            out.append(raw[at : at + 3].upper().decode("ascii"))
            at += 3
            continue
        byte = raw[at]
        out.append(chr(byte) if byte in allowed else f"%{byte:02X}")
        at += 1
    return "".join(out)


def _unescape(raw: bytes, keep: bytes) -> bytes:
    def decode(match: re.Match[bytes]) -> bytes:
        byte = int(match.group(1), 16)
        return match.group(0) if byte in keep else bytes([byte])

    return _ESCAPE.sub(decode, raw)
