"""A search box's text, and the engine queries it stands for.

The grammar people type is small: words (all must match, in any order), ``"a phrase"``, and
``prefix*``. Everything else a user types is text, never query syntax: the engine's query
parser is not used, so ``AND``, ``NEAR``, ``:``, ``(``, ``^`` or an unbalanced quote cannot
make a syntax error or change the query. A term with no letter or digit in it cannot match
anything and is dropped; a query left with no terms matches nothing.

Each term is analysed as the text of the language searched (see :mod:`api.query.searchlang`):
a word that becomes several tokens (``e-mail``, or a Japanese word, one token a character)
is matched as a phrase of them. A prefix is folded but not stemmed, and matches the terms
that begin with it or with its stem (``happy*`` finds ``happiness``, indexed as ``happi``).
A term matches in the title (weight 10), a heading (5) or the body (1).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import tantivy

from api.query.errors import QueryError
from api.query.searchlang import spaced

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
#: The text fields of an analyzer's pages and their weights.
FIELDS = (("title", 10.0), ("headings", 5.0), ("body", 1.0))

_TERM = re.compile(r'"([^"]*)("?)(\*?)|(\S+)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]+")  # and lone surrogates: no UTF-8


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    prefix: bool = False


def parse_terms(q: str) -> tuple[Term, ...]:
    """The terms of a search box's text (none when it has no word in it); QueryError for
    ``q`` when it is too long or has too many terms."""
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError("q", f"is too long: at most {MAX_QUERY_CHARS} characters")
    text = unicodedata.normalize("NFKC", _CONTROL.sub(" ", q))
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
    unique = tuple(dict.fromkeys(terms))  # a term repeated asks nothing more
    if len(unique) > MAX_TERMS:
        raise QueryError("q", f"has too many terms: at most {MAX_TERMS}")
    return unique


@dataclass(frozen=True, slots=True)
class Analysed:
    """A term as one analyzer's pages hold it: ``tokens`` in order; with ``prefix``, the
    last token is a prefix, and ``stem`` is its stemmed form (None when the same)."""

    tokens: tuple[str, ...]
    prefix: bool = False
    stem: str | None = None

    @property
    def word(self) -> str | None:
        """The token when the term is one plain word (what the top-k fast path takes)."""
        return self.tokens[0] if len(self.tokens) == 1 and not self.prefix else None


def analyse(
    term: Term, analyzer: tantivy.TextAnalyzer, folding: tantivy.TextAnalyzer
) -> Analysed | None:
    """``term`` under ``analyzer``; None when nothing of it is left to match."""
    text = spaced(term.text)
    if not term.prefix:
        tokens = tuple(analyzer.analyze(text))
        return Analysed(tokens) if tokens else None
    folded = folding.pre_tokenize(text).tokens
    if not folded:
        return None
    last = folded[-1]
    head = tuple(analyzer.analyze(text[: last.char_offset_from]))
    stemmed = analyzer.analyze(text[last.char_offset_from :])
    stem = stemmed[0] if stemmed and stemmed[0] != last.text else None
    return Analysed((*head, last.text), prefix=True, stem=stem)


def term_query(schema: tantivy.Schema, analysed: Analysed, suffix: str) -> tantivy.Query:
    """The query for one analysed term over the weighted fields ``<field>_<suffix>``."""
    clauses = []
    for field, weight in FIELDS:
        name = f"{field}_{suffix}"
        query = _in_field(schema, analysed, name)
        clauses.append((tantivy.Occur.Should, tantivy.Query.boost_query(query, weight)))
    return tantivy.Query.boolean_query(clauses)


def highlight_query(
    schema: tantivy.Schema, terms: list[Analysed], field: str, searcher: tantivy.Searcher
) -> tantivy.Query:
    """Every token the terms match in ``field``, prefixes expanded to the terms they match
    there: what a snippet marks."""
    tokens: set[str] = set()
    for analysed in terms:
        tokens.update(analysed.tokens[:-1] if analysed.prefix else analysed.tokens)
        if analysed.prefix:
            for start in {analysed.tokens[-1], analysed.stem} - {None}:
                assert start is not None
                found = searcher.terms_with_prefix(field, start, limit=_HIGHLIGHT_EXPANSION)
                tokens.update(token for token, _ in found)
    clauses = [(tantivy.Occur.Should, tantivy.Query.term_query(schema, field, t)) for t in tokens]
    return tantivy.Query.boolean_query(clauses)


_HIGHLIGHT_EXPANSION = 64


def _in_field(schema: tantivy.Schema, analysed: Analysed, field: str) -> tantivy.Query:
    tokens: list[str | tuple[int, str]] = list(analysed.tokens)
    if not analysed.prefix:
        if len(tokens) == 1:
            return tantivy.Query.term_query(schema, field, analysed.tokens[0])
        return tantivy.Query.phrase_query(schema, field, tokens)
    queries = [tantivy.Query.phrase_prefix_query(schema, field, tokens)]
    if analysed.stem is not None:
        stemmed = [*tokens[:-1], analysed.stem]
        queries.append(tantivy.Query.phrase_prefix_query(schema, field, stemmed))
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, query) for query in queries])
