"""How a front-matter value names a page, as the site's Liquid finds it.

A layout writes ``site.countries | where: 'slug', page.country``: Liquid's ``where`` keeps the
documents whose property equals the value's text, or whose property is a list holding it. So
a value names a document when it equals the document's Jekyll slug; this API also accepts its
id (``countries/sudan``, with or without a leading ``/``, as CloudCannon stores ids), its
source path (``_countries/sudan.md``) and its file name without extension, and first of all
the field a declaration's ``value_key`` names. When several documents answer to one value,
the better kind of match wins (a slug over a file name), then the first in default order.

A key may name a collection by its name or its singular (``country`` for ``countries``,
``accused`` for ``accuseds``), the rule CloudCannon applies to unconfigured sites.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import inflection
import orjson

from api.content.model import Document

#: Keys Jekyll itself gives a meaning: never inferred to be references.
RESERVED = frozenset({"layout", "permalink", "published", "slug", "title", "date", "lang"})
#: value_key names that mean one of the built-in kinds of match.
_BUILT_IN = frozenset({"slug", "id", "path", "filename_without_ext"})
KINDS = 5  # kinds of match, best first: value_key field, slug, id, source path, file stem

Table = Mapping[str, str]  # alias -> document id


@lru_cache(maxsize=4096)
def singular(name: str) -> str:
    return str(inflection.singularize(name))


def collections_named(key: str, collections: Sequence[str]) -> tuple[str, ...]:
    """The collections a key is named after: its own name, or its singular."""
    if key in RESERVED or key.startswith("_"):
        return ()
    return tuple(c for c in collections if key == c or key == singular(c))


def values_of(value: Any) -> tuple[str, ...]:
    """What a front-matter value names, as text (Liquid compares ``to_s``): each item of a
    list, or the value itself; empty ones (null, ``""``) left out."""
    if type(value) is str:
        return (value,) if value else ()
    items = value if isinstance(value, list) else (value,)
    return tuple(
        item if type(item) is str else as_text(item)
        for item in items
        if item is not None and item != ""
    )


def as_text(item: Any) -> str:
    if isinstance(item, str):
        return item
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int | float):
        return str(item)
    return orjson.dumps(item, option=orjson.OPT_SORT_KEYS).decode()  # a mapping names nothing


def lookup_key(value: str) -> str:
    """The form a value is looked up under: ids and paths with or without a leading ``/``."""
    return value[1:] if value.startswith("/") else value


def aliases(doc: Document, value_key: str | None = None) -> tuple[tuple[int, str], ...]:
    """Everything a value may be to name ``doc``, each with its kind of match (lower is
    better): the ``value_key`` field, the slug, the id, the source path, the file stem."""
    found: dict[str, int] = {}
    if value_key is not None and value_key not in _BUILT_IN:
        field = doc.title if value_key == "title" else doc.data.get(value_key)
        if value_key == "filename":
            field = posixpath.basename(doc.inner_path)
        if field is not None and field != "" and not isinstance(field, dict | list):
            found[lookup_key(as_text(field))] = 0
    if doc.slug:
        found.setdefault(doc.slug, 1)
    found.setdefault(doc.id, 2)
    found.setdefault(doc.source_path, 3)
    found.setdefault(stem(doc.inner_path), 4)
    return tuple((kind, alias) for alias, kind in found.items())


def stem(path: str) -> str:
    """The file name without its extension (``a/2020-01-01-x.md``: ``2020-01-01-x``)."""
    name = path.rpartition("/")[2]
    base, dot, _ = name.rpartition(".")
    return base if dot and base.strip(".") else name


def build_table(documents: Iterable[Document], value_key: str | None) -> dict[str, str]:
    """Alias to document id over one collection's documents (in default order): the best
    kind of match wins, then the first document."""
    kinds: list[list[tuple[str, str]]] = [[] for _ in range(KINDS)]
    for doc in documents:
        for kind, alias in aliases(doc, value_key):
            kinds[kind].append((alias, doc.id))
    table: dict[str, str] = {}
    for found in kinds:
        for alias, doc_id in found:
            table.setdefault(alias, doc_id)
    return table
