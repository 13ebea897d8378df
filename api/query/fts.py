"""A search box's text, made safe for SQLite FTS5.

The grammar people type is small: words (all must match, in any order), ``"a phrase"``, and
``prefix*``. Everything else a user types is text, never FTS5 syntax: each term is sent as a
double-quoted FTS5 string, so ``AND``, ``NEAR``, ``:``, ``(``, ``^`` or an unbalanced quote
cannot make a syntax error or change the query. A term with no letter or digit in it cannot
match anything and is dropped; a query left with no terms is a QueryError.

Text in scripts written without spaces between words (Chinese, Japanese, Korean, Thai, Lao,
Khmer, Myanmar) goes to a trigram table, where a term matches as a substring; a term shorter
than a trigram becomes the trigrams it begins (see :mod:`api.query.searchdb`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from api.query.errors import QueryError

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
TRIGRAM = 3

_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u2e80-\u2fdf\u3040-\u30ff"
    "\u3100-\u312f\u3130-\u318f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7ff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"
)
_TERM = re.compile(r'"([^"]*)("?)(\*?)|(\S+)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]+")  # and lone surrogates: no UTF-8


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class SearchPlan:
    """What to ask SQLite: on the word table, a MATCH expression; on the trigram table, one
    for the terms of three characters or more (None when there are none) and the shorter
    terms, casefolded as the trigram vocabulary holds them."""

    trigram: bool
    match: str | None
    short: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()  # every term as matched, for highlighting


def needs_trigram(text: str) -> bool:
    """Whether text has characters of a script written without spaces between words."""
    return not text.isascii() and _UNSPACED.search(text) is not None  # isascii() is O(1)


def parse_terms(q: str) -> list[Term]:
    """The terms of a search box's text; QueryError for ``q`` when there are none."""
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError("q", f"is too long: at most {MAX_QUERY_CHARS} characters")
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", q))
    terms: list[Term] = []
    for match in _TERM.finditer(text):
        phrase, _, star, word = match.groups()
        if word is not None:
            body = word.strip("*")
            term = Term(body, prefix=word.endswith("*") and bool(body))
        else:
            term = Term(phrase.strip(), prefix=bool(star))
        if any(char.isalnum() for char in term.text):
            terms.append(term)
    if not terms:
        raise QueryError("q", "has nothing to search for: give at least one word")
    if len(terms) > MAX_TERMS:
        raise QueryError("q", f"has too many terms: at most {MAX_TERMS}")
    return terms


def plan(terms: list[Term]) -> SearchPlan:
    """How to run ``terms``: on the trigram table when any term needs it, else on words."""
    if not any(needs_trigram(term.text) for term in terms):
        return SearchPlan(False, " AND ".join(_quoted(t.text, t.prefix) for t in terms))
    texts = [unicodedata.normalize("NFKC", term.text) for term in terms]  # as the index has them
    long_terms = [text for text in texts if len(text) >= TRIGRAM]
    short_terms = tuple(text.lower() for text in texts if len(text) < TRIGRAM)
    match = " AND ".join(_quoted(text, prefix=False) for text in long_terms) or None
    return SearchPlan(True, match, short_terms, tuple(texts))


def any_of(trigrams: list[str]) -> str:
    """A MATCH expression for any of ``trigrams`` (a short term's expansion)."""
    return "(" + " OR ".join(_quoted(trigram, prefix=False) for trigram in trigrams) + ")"


def restricted(match: str, collection_tokens: list[str]) -> str:
    """``match`` limited to the text columns and, when given, to some collections."""
    expression = f"{{title headings body}} : ({match})"
    if collection_tokens:
        expression += " AND coll : (" + " OR ".join(collection_tokens) + ")"
    return expression


def _quoted(text: str, prefix: bool) -> str:
    return '"' + text.replace('"', '""') + '"' + ("*" if prefix else "")
