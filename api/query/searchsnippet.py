"""The snippet of one hit: the engine picks the fragment, :mod:`api.query.snippets` marks it."""

from __future__ import annotations

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
    words = [token.text for token in tokens]
    positions = [token.position for token in tokens]
    chars: list[tuple[int, int]] = []
    for term in terms:
        size = len(term.tokens)
        if size == 1 and not term.prefix:  # the usual case, and the fastest
            word = term.tokens[0]
            chars += [(t.char_offset_from, t.char_offset_to) for t in tokens if t.text == word]
            continue
        for at in range(len(words) - size + 1):
            if _match(term, words, at) and positions[at + size - 1] == positions[at] + size - 1:
                end = tokens[at + size - 1].char_offset_to
                chars.append((tokens[at].char_offset_from, end))
    if not chars:
        return None
    return [(len(fragment[:a].encode()), len(fragment[:b].encode())) for a, b in chars]


def _match(term: Analysed, words: list[str], at: int) -> bool:
    """Whether the words from ``at`` are the term's."""
    expected = term.tokens
    last = len(expected) - 1
    for offset in range(last):
        if words[at + offset] != expected[offset]:
            return False
    word = words[at + last]
    if not term.prefix:
        return word == expected[last]
    return word.startswith(expected[last]) or (term.stem is not None and word.startswith(term.stem))
