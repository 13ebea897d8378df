"""Preview tokens: what a token list accepts, and how a presented token is judged."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime, timedelta

import pytest

from api.preview.tokens import MIN_LENGTH, Verdict, parse_list, parse_text

GOOD = "preview-token-0123456789"
OTHER = "another.token_ABCDEFGHIJ+/=="


def test_a_listed_token_is_valid_and_anything_else_is_not() -> None:
    found, problems = parse_list(f"{GOOD}, {OTHER}")
    assert problems == [] and len(found) == 2
    assert found.check(GOOD) is Verdict.VALID
    assert found.check(OTHER) is Verdict.VALID
    assert found.check(GOOD + "x") is Verdict.INVALID
    assert found.check(GOOD[:-1]) is Verdict.INVALID
    assert found.check("") is Verdict.INVALID
    assert found.check("x" * 10_000) is Verdict.INVALID


def test_lines_comments_and_blank_lines() -> None:
    text = f"# rotated 2026-11-30\n\n  {GOOD}  \n# {OTHER}\n"
    found, problems = parse_text(text)
    assert problems == []
    assert found.check(GOOD) is Verdict.VALID
    assert found.check(OTHER) is Verdict.INVALID  # commented out


@pytest.mark.parametrize(
    ("entry", "expires"),
    [
        ("expires=2027-01-31", datetime(2027, 1, 31, tzinfo=UTC)),
        ("expires=2027-01-31T18:00:00Z", datetime(2027, 1, 31, 18, tzinfo=UTC)),
        ("expires=2027-01-31T18:00:00+01:00", datetime(2027, 1, 31, 17, tzinfo=UTC)),
        ("expires=2027-01-31T18:00:00", datetime(2027, 1, 31, 18, tzinfo=UTC)),  # UTC assumed
    ],
)
def test_a_token_expires_at_its_date(entry: str, expires: datetime) -> None:
    found, problems = parse_text(f"{GOOD} {entry}")
    assert problems == []
    second = timedelta(seconds=1)
    assert found.check(GOOD, now=expires - second) is Verdict.VALID
    assert found.check(GOOD, now=expires) is Verdict.EXPIRED
    assert found.check(GOOD, now=expires + second) is Verdict.EXPIRED
    assert found.check(OTHER, now=expires + second) is Verdict.INVALID


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("short-token", f"at least {MIN_LENGTH} characters"),
        ("has,a,comma-and-is-long-enough", "letters, digits"),
        ('not"allowed"-characters-in-it', "letters, digits"),
        (f"{GOOD} expires=someday", "`someday` is not an ISO 8601"),
        (f"{GOOD} until=2027-01-01", "only `expires="),
        (f"{GOOD} expires=2027-01-01 extra", "only `expires="),
    ],
)
def test_a_bad_entry_is_refused_and_named_by_its_line_never_its_token(line: str, why: str) -> None:
    found, problems = parse_text(f"{OTHER}\n{line}")
    assert found.check(OTHER) is Verdict.VALID  # the good line still counts
    assert len(found) == 1
    assert len(problems) == 1 and problems[0].startswith("line 2: ")
    assert why in problems[0]
    token = line.split()[0]
    assert token not in problems[0]


def test_every_token_is_compared_whatever_matched(monkeypatch: pytest.MonkeyPatch) -> None:
    """No early exit: the first token matching takes as many comparisons as none."""
    found, _ = parse_list(",".join(f"{GOOD}{i:04d}" for i in range(5)))
    calls: list[int] = []
    compare = hmac.compare_digest

    def counting(a: bytes, b: bytes) -> bool:
        calls.append(len(a) + len(b))
        return compare(a, b)

    monkeypatch.setattr(hmac, "compare_digest", counting)
    assert found.check(f"{GOOD}0000") is Verdict.VALID
    assert found.check("nothing-like-any-token") is Verdict.INVALID
    assert found.check("x") is Verdict.INVALID
    # Five comparisons each time, of equal-length digests (the token's length is not used).
    assert calls == [64] * 15


def test_sets_add_up() -> None:
    first, _ = parse_list(GOOD)
    second, _ = parse_list(OTHER)
    both = first + second
    assert both.check(GOOD) is Verdict.VALID and both.check(OTHER) is Verdict.VALID
