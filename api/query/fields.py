"""Field names to values: the core fields of a document, and dotted paths into front matter.

A bare name that is not a core field means the front-matter key (``country`` is
``data.country``), so filters read naturally. A path that meets an array goes on into each
element (``data.images.name`` is the list of names); a numeric part picks one element
(``data.accuseds.0``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from api.content.model import Document
from api.query.values import MISSING


class FieldResolver(Protocol):
    """The value of a field for a document: :data:`MISSING` when the document has none."""

    def __call__(self, doc: Document, field: str, /) -> Any: ...


_CORE: dict[str, Callable[[Document], Any]] = {
    "id": lambda d: d.id,
    "collection": lambda d: d.collection,
    "slug": lambda d: d.slug,
    "url": lambda d: d.url,
    "source_path": lambda d: d.source_path,
    "title": lambda d: d.title,
    "description": lambda d: d.description,
    "lang": lambda d: d.lang,
    "published": lambda d: d.published,
    "order": lambda d: d.order,
    "date": lambda d: None if d.date is None else d.date.isoformat(),
    "layout": lambda d: d.layout,
    "featured_image_path": lambda d: d.featured_image_path,
}
CORE_FIELDS = frozenset({*_CORE, "has_timeline"})


def core_resolver(timelines: frozenset[str] = frozenset()) -> FieldResolver:
    """Resolves the core fields, ``has_timeline`` (from the ids in ``timelines``) and
    front-matter paths. Other layers wrap it to answer more names (render-derived ones)."""

    paths: dict[str, list[str]] = {}

    def resolve(doc: Document, field: str) -> Any:
        getter = _CORE.get(field)
        if getter is not None:
            return getter(doc)
        if field == "has_timeline":
            return doc.id in timelines
        path = paths.get(field)
        if path is None:
            path = paths[field] = data_path(field)
        if len(path) == 1:  # the usual case, and called once per document per new field
            return doc.data.get(path[0], MISSING)
        return lookup(doc.data, path)

    return resolve


def data_path(field: str) -> list[str]:
    """The front-matter path a non-core field name stands for."""
    return field[5:].split(".") if field.startswith("data.") else field.split(".")


def known_paths(documents: Iterable[Document]) -> frozenset[str]:
    """Every dotted front-matter path some document has, arrays passed through (so
    ``images.name``, never ``images.0.name``)."""
    paths: set[str] = set()

    def walk(value: Any, prefix: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                paths.add(prefix + key)
                if isinstance(inner, dict | list):
                    walk(inner, f"{prefix}{key}.")
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict | list):
                    walk(item, prefix)

    for doc in documents:
        walk(doc.data, "")
    return frozenset(paths)


def generic_path(path: Sequence[str]) -> str:
    """A path as :func:`known_paths` spells it: without the array indexes."""
    return ".".join(part for part in path if not (part.isascii() and part.isdigit()))


def lookup(value: Any, path: Sequence[str]) -> Any:
    """The value at a path; through arrays it collects from every element."""
    for index, part in enumerate(path):
        if isinstance(value, dict):
            value = value.get(part, MISSING)
            if value is MISSING:
                return MISSING
        elif isinstance(value, list):
            if part.isascii() and part.isdigit():
                position = int(part)
                if position >= len(value):
                    return MISSING
                value = value[position]
                continue
            found = [lookup(item, path[index:]) for item in value if isinstance(item, dict | list)]
            found = [item for item in found if item is not MISSING]
            return found if found else MISSING
        else:
            return MISSING
    return value


def project(record: Mapping[str, Any], fields: Iterable[str] | None) -> dict[str, Any]:
    """A sparse fieldset of a serialized record: ``id`` always, then each field asked for.

    A name is a key of the record or a front-matter path (``data.country``, or ``country``
    when the record has no such key) that comes out nested under ``data``. Absent fields are
    left out. The record is not modified and the result shares no dict with it that a
    later path could write into.
    """
    if fields is None:
        return dict(record)
    out: dict[str, Any] = {}
    if "id" in record:
        out["id"] = record["id"]
    data = record.get("data")
    linked: dict[str, list[str]] = {}
    for name in fields:
        if name in record and not name.startswith("data."):
            out[name] = record[name]
            continue
        head, _, rest = name.partition(".")
        if rest and head in LINKS and isinstance(record.get(head), dict):
            linked.setdefault(head, []).append(rest)
            continue
        if not isinstance(data, dict) or out.get("data") is data:
            continue  # no front matter, or all of it is already in
        picked = _pick(data, data_path(name))
        if picked is not MISSING:
            out["data"] = _merge(out.get("data", MISSING), picked)
    for head, paths in linked.items():
        if head not in out:
            out[head] = _project_links(record[head], paths, grouped=head == BACKLINKS)
    return out


#: Record fields that map keys to lists of pages: ``fields`` paths go into those pages.
BACKLINKS = "referenced_by"
LINKS = frozenset({"references", BACKLINKS})


def _project_links(
    links: Mapping[str, Any], paths: Iterable[str], *, grouped: bool
) -> dict[str, Any]:
    """``{KEY: [page, ...]}`` cut down to ``paths``: ``KEY`` keeps a whole list, ``KEY.FIELD``
    the field of each page (``references.country.title``). Backlink groups are named
    ``COLLECTION.KEY``; ``COLLECTION`` alone stands for each group of that collection."""
    wanted: dict[str, list[str] | None] = {}  # key -> fields of its pages (None: whole)
    for path in paths:
        parts = path.split(".")
        if grouped:
            pair = ".".join(parts[:2])
            if len(parts) >= 2 and pair in links:
                keys, rest = [pair], parts[2:]
            else:
                keys = [k for k in links if k.startswith(parts[0] + ".")]
                rest = parts[1:]
        else:
            keys, rest = [parts[0]], parts[1:]
        for key in keys:
            if key not in links:
                continue
            if not rest:
                wanted[key] = None
            elif wanted.get(key, []) is not None:
                wanted.setdefault(key, []).append(".".join(rest))  # type: ignore[union-attr]
    out: dict[str, Any] = {}
    for key, value in links.items():
        if key not in wanted:
            continue
        inner = wanted[key]
        if inner is None or not isinstance(value, list):
            out[key] = value
        else:
            out[key] = [project(item, inner) if isinstance(item, dict) else item for item in value]
    return out


def _pick(value: Any, path: Sequence[str]) -> Any:
    """``value`` cut down to ``path``, keeping the nesting (lists element by element)."""
    if not path:
        return value
    part, rest = path[0], path[1:]
    if isinstance(value, dict):
        if part not in value:
            return MISSING
        inner = _pick(value[part], rest)
        return MISSING if inner is MISSING else {part: inner}
    if isinstance(value, list):
        # Element by element (objects only), an element without the path as {}, so that
        # two paths into the same array line up when merged.
        picked = [_pick(item, path) for item in value if isinstance(item, dict)]
        if all(item is MISSING for item in picked):
            return MISSING
        return [{} if item is MISSING else item for item in picked]
    return MISSING


def _merge(base: Any, extra: Any) -> Any:
    if base is MISSING:
        return extra
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(merged.get(key, MISSING), value)
        return merged
    if isinstance(base, list) and isinstance(extra, list) and len(base) == len(extra):
        return [_merge(a, b) for a, b in zip(base, extra, strict=True)]
    return extra
