"""The tantivy index behind search: its schema, how it is filled, and its bytes.

Each analyzer (see :mod:`api.query.searchlang`) has its own three text fields,
``title_<a>``, ``headings_<a>`` and ``body_<a>``; a page's text goes to the fields of its
language's analyzer (not stored: snippets come from the text kept beside the index).
Beside them: ``coll`` and ``lang`` (one raw token each, for the filters) and ``position``
(the page's place in the default order, a fast field: ties are broken by it).

The index is written in a private directory, then read into bytes (:class:`Files`): that is
what crosses processes and what a cache keeps. To search it again, the files are written to
a new private directory, opened, and unlinked at once: the engine keeps them mapped, so
nothing is left behind, even by a process that is killed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import tantivy

from api.query.fts import FIELDS
from api.query.searchlang import ZWSP, analyzer_of, normalize_tag, spaced, text_analyzer

#: The writer's memory: enough that a large site makes one segment (fewer is faster).
WRITER_HEAP = 1_000_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SKIPPED = (".lock",)  # the writer's locks: not part of the index


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
    @property
    def lang(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Meta:
    id: str
    title: str
    url: str
    collection: str | None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Files:
    """An index directory as bytes, and the analyzers its fields use."""

    files: dict[str, bytes]
    analyzers: tuple[str, ...]


def schema_of(analyzers: Iterable[str]) -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for analyzer in analyzers:
        for field, _ in FIELDS:
            builder.add_text_field(f"{field}_{analyzer}", tokenizer_name=analyzer)
    builder.add_text_field("coll", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("lang", tokenizer_name="raw", index_option="basic")
    builder.add_unsigned_field("position", fast=True)
    return builder.build()


def register(index: tantivy.Index, analyzers: Iterable[str]) -> None:
    for analyzer in analyzers:
        index.register_tokenizer(analyzer, text_analyzer(analyzer))


Texts = tuple[str, str, str]  # title, headings, body as :func:`clean` makes them
Ranked = list[tuple[float, int]]  # (score, position), best first


def build(entries: list[tuple[Entry, Texts]]) -> tuple[Files, dict[int, Meta]]:
    """Index ``entries`` with their cleaned texts; the index's files and the metadata by
    position."""
    analyzers = tuple(sorted({analyzer_of(entry.lang) for entry, _ in entries}))
    meta: dict[int, Meta] = {}
    need = sum(len(text) for _, texts in entries for text in texts)
    with _directory(need) as path:
        index = tantivy.Index(schema_of(analyzers), path=str(path))
        register(index, analyzers)
        writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
        for entry, texts in entries:
            if entry.position in meta:
                raise ValueError(f"two search entries have the position {entry.position}")
            meta[entry.position] = Meta(
                entry.id, entry.title, entry.url, entry.collection, entry.lang
            )
            writer.add_document(_document(entry, texts))
        writer.commit()
        writer.wait_merging_threads()
        files = {
            item.name: item.read_bytes()
            for item in path.iterdir()
            if item.is_file() and not item.name.endswith(_SKIPPED)
        }
    return Files(files, analyzers), meta


def open_files(files: Files) -> tantivy.Index:
    """The index held in ``files``, opened from a private directory that is already gone."""
    with _directory(sum(map(len, files.files.values()))) as path:
        for name, data in files.files.items():
            (path / name).write_bytes(data)
        index = tantivy.Index.open(str(path))
        register(index, files.analyzers)
        index.config_reader(reload_policy="manual")
        index.searcher()  # maps every file before they are unlinked
    return index


def top(searcher: tantivy.Searcher, query: tantivy.Query, k: int) -> tuple[Ranked, int]:
    """The best ``k`` matches ``(score, position)``, ties by position, and the count.
    The engine breaks ties by its own document order, so when the k-th score is shared,
    more hits are asked for until every page with that score is in."""
    want = max(k, 1)
    while True:
        result = searcher.search(query, want, count=True)
        hits = result.hits
        total = int(getattr(result, "count", 0) or 0)  # not in the type stubs
        if len(hits) < want or len(hits) <= k or hits[-1][0] < hits[k - 1][0]:
            break
        want *= 4
    where = searcher.fast_field_values("position", [address for _, address in hits])
    ranked = sorted(
        ((float(score), int(at or 0)) for (score, _), at in zip(hits, where, strict=True)),
        key=lambda item: (-item[0], item[1]),
    )
    return ranked[:k], total


def _document(entry: Entry, texts: Texts) -> tantivy.Document:
    analyzer = analyzer_of(entry.lang)
    document = tantivy.Document()
    for (field, _), text in zip(FIELDS, texts, strict=True):
        document.add_text(f"{field}_{analyzer}", text)
    if entry.collection is not None:
        document.add_text("coll", entry.collection)
    tag = normalize_tag(entry.lang) if entry.lang is not None else None
    if tag is not None:
        document.add_text("lang", tag)
    document.add_unsigned("position", entry.position)
    return document


def clean(text: str) -> str:
    """Text as indexed and shown in snippets: no control characters, no lone surrogates
    (they have no UTF-8), NFKC (so half-width katakana or a ligature match what is typed),
    :func:`spaced`."""
    if text.isascii():
        return _CONTROL.sub("", text) if _CONTROL.search(text) else text
    text = _CONTROL.sub("", text.replace(ZWSP, ""))
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return spaced(text)


@contextlib.contextmanager
def _directory(need: int) -> Iterator[Path]:
    """A private directory for about ``need`` bytes: in memory where there is room (the
    files are only ever mapped; a container's is often small), else the temporary one."""
    parent = str(_SHM) if _room(need) else None
    path = Path(tempfile.mkdtemp(prefix="content-api-search-", dir=parent))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


_SHM = Path("/dev/shm")


def _room(need: int) -> bool:
    try:
        return shutil.disk_usage(_SHM).free > 2 * need + 2**26 and os.access(_SHM, os.W_OK)
    except OSError:
        return False
