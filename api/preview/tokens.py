"""Preview tokens: what is accepted, and checking one in constant time.

A token list is one entry per line (a file) or per comma (an environment variable):

    <token>                              valid until it is removed
    <token> expires=2027-01-31           valid until 2027-01-31T00:00:00Z
    <token> expires=2027-01-31T18:00:00+01:00
    # a comment; blank lines are ignored

A token is an RFC 6750 ``b64token`` (letters, digits and ``-._~+/``, then ``=`` padding) of
at least ``MIN_LENGTH`` characters. Tokens are kept as SHA-256 digests and a presented token
is compared with every one of them (``hmac.compare_digest`` on equal-length digests, no early
exit), so neither the time taken nor anything written says which token, or how much of one,
matched. Problems name the line, never the token.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import Enum

MIN_LENGTH = 16
#: Longest token checked; a longer one is wrong without being hashed.
MAX_LENGTH = 4096
B64TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")


class Verdict(Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Token:
    digest: bytes
    expires: datetime | None


@dataclass(frozen=True, slots=True)
class TokenSet:
    """The tokens accepted right now. Immutable: a rotation builds a new set."""

    tokens: tuple[Token, ...] = ()

    def __len__(self) -> int:
        return len(self.tokens)

    def check(self, presented: str, now: datetime | None = None) -> Verdict:
        """Whether ``presented`` is one of the tokens, and still valid at ``now``."""
        if len(presented) > MAX_LENGTH:
            return Verdict.INVALID
        digest = _digest(presented)
        found: Token | None = None
        for token in self.tokens:  # every token, whatever matched before
            if hmac.compare_digest(digest, token.digest):
                found = token
        if found is None:
            return Verdict.INVALID
        if found.expires is not None and (now or datetime.now(UTC)) >= found.expires:
            return Verdict.EXPIRED
        return Verdict.VALID

    def __add__(self, other: TokenSet) -> TokenSet:
        return TokenSet(self.tokens + other.tokens)


def parse(entries: list[str], where: str) -> tuple[TokenSet, list[str]]:
    """The tokens of ``entries`` (lines or comma-separated items), and what is wrong with
    the others: ``"{where} {n}: ..."`` messages that never include a token."""
    tokens: list[Token] = []
    problems: list[str] = []
    for number, raw in enumerate(entries, 1):
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        value, *rest = entry.split()
        try:
            expires = _expiry(rest)
        except ValueError as exc:
            problems.append(f"{where} {number}: {exc}; this token is not accepted")
            continue
        if not B64TOKEN.fullmatch(value):
            problems.append(
                f"{where} {number}: a token is letters, digits and -._~+/ (then = padding); "
                "this one is not accepted"
            )
        elif len(value) < MIN_LENGTH:
            problems.append(
                f"{where} {number}: a token has at least {MIN_LENGTH} characters; "
                "this one is not accepted"
            )
        else:
            tokens.append(Token(_digest(value), expires))
    return TokenSet(tuple(tokens)), problems


def parse_text(text: str, where: str = "line") -> tuple[TokenSet, list[str]]:
    return parse(text.splitlines(), where)


def parse_list(value: str) -> tuple[TokenSet, list[str]]:
    """``CONTENT_API_PREVIEW_TOKENS``: entries separated by commas (or new lines)."""
    return parse(re.split(r"[,\n]", value), "entry")


def _expiry(rest: list[str]) -> datetime | None:
    if not rest:
        return None
    if len(rest) > 1 or not rest[0].startswith("expires="):
        raise ValueError("after the token, only `expires=<ISO 8601 date or date-time>` may follow")
    text = rest[0].removeprefix("expires=")
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time(), UTC)
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"`{text}` is not an ISO 8601 date or date-time") from None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8", "surrogateescape")).digest()
