"""The SQLite database behind search, and how it is filled.

The text is stored once, zlib-compressed, in ``store``; the two FTS5 tables index it as
*external content* and read it back (through views that decompress) only to make the
snippets of a page of hits. BM25 needs no content, so ranking never decompresses.

- ``words`` (unicode61, diacritics removed) indexes every entry;
- ``grams`` (trigram) indexes the entries with text in a script written without spaces,
  NFKC-normalized and with two spaces after each column, so that every substring of one or
  two characters begins some trigram: ``grams_vocab`` turns such a short term into the
  trigrams it begins, and the query stays an index lookup.

Each table has a ``coll`` column with one token per collection, so restricting to
collections is part of the MATCH expression.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Protocol

from api.query.fts import needs_trigram

SCHEMA = """
CREATE TABLE store(id INTEGER PRIMARY KEY, title TEXT, headings TEXT, body BLOB, coll TEXT);
CREATE TABLE unspaced(id INTEGER PRIMARY KEY);
CREATE VIEW words_content AS
    SELECT id AS rowid, title, headings, unzip(body) AS body, coll FROM store;
CREATE VIEW grams_content AS
    SELECT id AS rowid, nfkc(title) || '  ' AS title, nfkc(headings) || '  ' AS headings,
           nfkc(unzip(body)) || '  ' AS body, coll
    FROM store;
CREATE VIRTUAL TABLE words USING fts5(
    title, headings, body, coll,
    content = 'words_content', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE grams USING fts5(
    title, headings, body, coll,
    content = 'grams_content', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE VIRTUAL TABLE grams_vocab USING fts5vocab(grams, 'row');
"""
PAD = "  "
_BATCH = 2_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class Entry(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def collection(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    @property
    def headings(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def position(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Meta:
    id: str
    title: str
    url: str
    collection: str | None


def connect(image: bytes | None = None) -> sqlite3.Connection:
    """A new in-memory database, usable from any thread (callers lock): with the schema, or
    the database serialized in ``image``."""
    connection = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    connection.create_function("unzip", 1, unzip, deterministic=True)
    connection.create_function("nfkc", 1, nfkc, deterministic=True)
    if image is None:
        connection.executescript(SCHEMA)
    else:
        connection.deserialize(image)
    return connection


def fill(
    connection: sqlite3.Connection, entries: Iterable[Entry]
) -> tuple[dict[int, Meta], dict[str, str]]:
    """Insert ``entries`` in batches; return the metadata by rowid and the collection tokens."""
    meta: dict[int, Meta] = {}
    tokens: dict[str, str] = {}
    insert = "INSERT INTO {}(rowid, title, headings, body, coll) VALUES (?, ?, ?, ?, ?)"
    for table in ("words", "grams"):
        # No merging while loading (a fifth faster): the 'optimize' below merges once.
        connection.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 0)")
    connection.execute("BEGIN")
    for batch in _batches(entries):
        rows: list[tuple[int, str, str, str, str]] = []
        for entry in batch:
            if entry.position in meta:
                raise ValueError(f"two search entries have the position {entry.position}")
            meta[entry.position] = Meta(entry.id, entry.title, entry.url, entry.collection)
            token = ""
            if entry.collection is not None:
                token = tokens.setdefault(entry.collection, f"c{len(tokens):07d}")
            texts = clean(entry.title), clean(entry.headings), clean(entry.body)
            rows.append((entry.position, *texts, token))
        connection.executemany(insert.format("words"), rows)
        stored = [(r[0], r[1], r[2], zlib.compress(r[3].encode(), 1), r[4]) for r in rows]
        connection.executemany("INSERT INTO store VALUES (?, ?, ?, ?, ?)", stored)
        unspaced = [r for r in rows if any(needs_trigram(text) for text in r[1:4])]
        if unspaced:
            padded = [(r[0], *(nfkc(text) + PAD for text in r[1:4]), r[4]) for r in unspaced]
            connection.executemany(insert.format("grams"), padded)
            connection.executemany("INSERT INTO unspaced VALUES (?)", [(r[0],) for r in padded])
    connection.execute("COMMIT")
    # One b-tree per index instead of many segments: queries run about a third faster.
    connection.execute("INSERT INTO words(words) VALUES ('optimize')")
    connection.execute("INSERT INTO grams(grams) VALUES ('optimize')")
    return meta, tokens


def clean(text: str) -> str:
    """Text as indexed: no control characters (they delimit snippet matches), no lone
    surrogates (they have no UTF-8), NFC."""
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def unzip(data: bytes | None) -> str:
    return "" if data is None else zlib.decompress(data).decode()


def nfkc(text: str | None) -> str:
    return "" if text is None else unicodedata.normalize("NFKC", text)


def _batches(entries: Iterable[Entry]) -> Iterator[list[Entry]]:
    iterator = iter(entries)
    while batch := list(islice(iterator, _BATCH)):
        yield batch
