"""Webhook messages, signed as the Standard Webhooks specification says.

Every attempt carries ``webhook-id`` (the same for every attempt of one message, so a
receiver can drop duplicates), ``webhook-timestamp`` (the attempt's time, in seconds) and
``webhook-signature``: ``v1,`` and the base64 HMAC-SHA256 of ``{id}.{timestamp}.{body}``
with the secret. The signing is the specification's own library (``standardwebhooks``).
"""

from __future__ import annotations

import base64
import binascii
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from standardwebhooks import Webhook

SECRET_PREFIX = "whsec_"
#: The specification's bounds on a secret's size, in bytes.
MIN_SECRET_BYTES = 24
MAX_SECRET_BYTES = 64
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")


def decode_secret(value: str) -> bytes:
    """The key of a ``whsec_<base64>`` secret; ValueError (never echoing it) if it is not one."""
    text = value.strip().removeprefix(SECRET_PREFIX)
    if not _BASE64.fullmatch(text):
        raise ValueError(f"a webhook secret is `{SECRET_PREFIX}` followed by base64")
    try:
        key = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(f"a webhook secret is `{SECRET_PREFIX}` followed by base64") from None
    if not MIN_SECRET_BYTES <= len(key) <= MAX_SECRET_BYTES:
        raise ValueError(
            f"a webhook secret holds {MIN_SECRET_BYTES} to {MAX_SECRET_BYTES} bytes "
            f"(this one {len(key)}); `content-api webhook-secret` makes one"
        )
    return key


def check_url(url: str) -> str:
    """A webhook URL: ``http`` or ``https``, with a host, no user or fragment."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"a webhook URL is http:// or https:// with a host, not {_show(url)}")
    if parts.username or parts.password or parts.fragment or any(c.isspace() for c in url.strip()):
        raise ValueError(f"a webhook URL has no user, password, fragment or space: {_show(url)}")
    try:
        _ = parts.port
    except ValueError:
        raise ValueError(f"a webhook URL has an invalid port: {_show(url)}") from None
    return url.strip()


def endpoint_name(url: str, index: int) -> str:
    """How logs and diagnostics name an endpoint: its number and host, never its path or
    query (deploy hooks keep their secret there)."""
    return f"#{index + 1} ({urlsplit(url).hostname})"


def _show(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.hostname or ''}/…" if parts.scheme else "that"


@dataclass(frozen=True, slots=True)
class Message:
    """One notice of a content version, to be delivered to every endpoint."""

    id: str
    body: bytes


class Signer:
    def __init__(self, key: bytes) -> None:
        self._webhook = Webhook(key)

    def headers(self, message: Message, now: float | None = None) -> dict[str, str]:
        """The headers of one attempt at delivering ``message``, signed at ``now``."""
        stamp = int(now if now is not None else time.time())
        when = datetime.fromtimestamp(stamp, UTC)
        signature = self._webhook.sign(message.id, when, message.body.decode("utf-8"))
        return {
            "content-type": "application/json",
            "webhook-id": message.id,
            "webhook-timestamp": str(stamp),
            "webhook-signature": signature,
        }
