"""The snippet of one hit: the engine picks the fragment, :mod:`api.query.snippets` marks it."""

from __future__ import annotations

import itertools

import tantivy

from api.query.fts import Analysed, highlight_query
from api.query.searchlang import ZWSP
from api.query.snippets import snippet_html

CHARS = 120
WINDOW = 2 * CHARS  # most pages have a match early: their start is tried first

#: The snippet generators of one query, by field and by whether the text is spaced.
Generators = dict[tuple[str, bool], tantivy.SnippetGenerator]


def snippet(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    texts: tuple[str, str, str],
    analyzer: str,
    terms: list[Analysed],
    generators: Generators,
    reader: tantivy.TextAnalyzer,
) -> str:
    """From the body where a term matches there, else a heading, else the title (their
    text as stored); the start of the text when nothing is marked."""
    title, headings, body = texts
    for column, text in (("body", body), ("headings", headings), ("title", title)):
        if not text:
            continue
        name = f"{column}_{analyzer}"
        # The engine counts a fragment's length in bytes: a character of an unspaced script
        # takes up to nine, with the zero-width spaces around it.
        wide = ZWSP in text
        generator = generators.get((name, wide))
        if generator is None:
            query = highlight_query(schema, terms, name, searcher)
            generator = tantivy.SnippetGenerator.create(searcher, query, schema, name)
            generator.set_max_num_chars(CHARS * (6 if wide else 1))
            generators[(name, wide)] = generator
        window = WINDOW * (6 if wide else 1)
        start = text[:window] if len(text) > window + CHARS else text
        for tried in dict.fromkeys((start, text)):
            found = generator.snippet_from_doc(tantivy.Document(**{name: tried}))
            if found.highlighted():
                return snippet_html(text, found, _marks(found.fragment(), terms, reader))
    return snippet_html(body or headings or title, None)


def _marks(
    fragment: str, terms: list[Analysed], analyzer: tantivy.TextAnalyzer
) -> list[tuple[int, int]] | None:
    """The byte ranges of the fragment where a whole term matches: a phrase only where its
    words follow each other, a prefix where a word begins with it. None when the fragment
    reads differently out of its text (the engine's marks are kept then)."""
    tokens = analyzer.pre_tokenize(fragment).tokens
    chars: list[tuple[int, int]] = []
    for term in terms:
        size = len(term.tokens)
        for at in range(len(tokens) - size + 1):
            run = tokens[at : at + size]
            if _match(term, [token.text for token in run]) and all(
                b.position == a.position + 1 for a, b in itertools.pairwise(run)
            ):
                chars.append((run[0].char_offset_from, run[-1].char_offset_to))
    if not chars:
        return None
    return [(len(fragment[:a].encode()), len(fragment[:b].encode())) for a, b in chars]


def _match(term: Analysed, words: list[str]) -> bool:
    if not term.prefix:
        return words == list(term.tokens)
    *head, last = words
    starts = [start for start in (term.tokens[-1], term.stem) if start is not None]
    return head == list(term.tokens[:-1]) and any(last.startswith(s) for s in starts)
