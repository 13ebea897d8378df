"""What Liquid sees as ``page`` and ``site``, built from the snapshot as Jekyll builds them."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from datetime import UTC, datetime
from typing import Any

from api.content.jekyll_order import collection_order, pages_order, posts_order
from api.content.model import Document, Kind
from api.content.snapshot import Snapshot
from api.render.liquid.dates import RubyTime


def page_vars(doc: Document) -> dict[str, Any]:
    """``page.*``: the front matter after defaults, plus what Jekyll adds to a document."""
    page: dict[str, Any] = dict(doc.data)
    name = posixpath.basename(doc.source_path)
    page.update(
        url=doc.url,
        path=doc.source_path,
        relative_path=doc.source_path,
        name=name,
        ext=posixpath.splitext(name)[1],
        title=doc.title if doc.title is not None else page.get("title"),
    )
    if doc.kind is not Kind.PAGE:
        page.update(
            id=doc.url.removesuffix(".html").rstrip("/") or "/",
            slug=doc.slug,
            collection=doc.collection,
            draft=doc.kind is Kind.DRAFT,
            output=doc.output,
            categories=list(doc.categories),
        )
        page.setdefault("tags", [])
    for key in doc.times:
        value = page.get(key)
        if isinstance(value, str):
            with suppress(ValueError):
                page[key] = RubyTime.of(datetime.fromisoformat(value))
    if doc.date is not None:
        page["date"] = RubyTime.of(doc.date)
    return page


def site_vars(snapshot: Snapshot) -> dict[str, Any]:
    """``site.*`` without the documents (those are added lazily).

    ``site.time`` is when the content last changed (its newest file), in the site's time
    zone: Jekyll gives the time of the build, and the content is what a build is of. The
    clock is not used, so every worker and every restart renders the same bytes.
    """
    site = dict(snapshot.config.raw)
    time = snapshot.time.astimezone(snapshot.config.timezone or UTC)
    site.update(url=snapshot.config.url, baseurl=snapshot.config.baseurl, time=RubyTime.of(time))
    return site


#: A document's ``content`` or ``excerpt`` as another page reads it (``post.content``).
Rendered = Callable[[Document, str], str]


class DocumentVars(dict[str, Any]):
    """The variables of a document in ``site.*`` lists. ``content`` (and a collection
    document's ``excerpt``) are only rendered when a template reads them, as
    ``{{ post.content }}`` in a loop does; a front-matter ``excerpt`` is kept as written."""

    __slots__ = ("_doc", "_rendered")

    def __init__(self, doc: Document, rendered: Rendered | None) -> None:
        super().__init__(page_vars(doc))
        self._doc = doc
        self._rendered = rendered

    def __missing__(self, key: str) -> Any:
        lazy = key == "content" or (key == "excerpt" and self._doc.kind is not Kind.PAGE)
        if not lazy or self._rendered is None:
            raise KeyError(key)
        return self._rendered(self._doc, key)


def documents_by_label(snapshot: Snapshot, rendered: Rendered | None = None) -> Mapping[str, Any]:
    """``site.pages``, ``site.posts``, ``site.<label>`` and the other lists Jekyll derives from
    them, each in Jekyll's order (``jekyll_order``), as page variables (``rendered`` gives a
    document's ``content`` and ``excerpt`` when they are read)."""
    pages = pages_order(d for d in snapshot.documents if d.kind is Kind.PAGE)
    by_label: dict[str, list[Document]] = {}
    for doc in snapshot.documents:
        if doc.kind is not Kind.PAGE and doc.collection is not None:
            by_label.setdefault(doc.collection, []).append(doc)
    ordered = {
        label: posts_order(docs)
        if label == "posts"
        else collection_order(docs, snapshot.config.collection(label))
        for label, docs in by_label.items()
    }
    variables = {id(doc): DocumentVars(doc, rendered) for doc in snapshot.documents}

    def drops(docs: Sequence[Document]) -> list[Mapping[str, Any]]:
        return [variables[id(doc)] for doc in docs]

    posts = ordered.get("posts", [])
    groups: dict[str, Any] = {label: drops(docs) for label, docs in ordered.items()}
    groups.update(
        pages=drops(pages),
        posts=drops(posts),
        html_pages=drops(pages),
        documents=[drop for label in _labels(snapshot, ordered) for drop in groups[label]],
        categories=_grouped(posts, variables, "categories"),
        tags=_grouped(posts, variables, "tags"),
        collections=_collections(snapshot, groups),
        static_files=static_files(snapshot),
    )
    return groups


def static_files(snapshot: Snapshot) -> list[dict[str, Any]]:
    """``site.static_files``: the files Jekyll copies as they are, sorted by path as Jekyll
    sorts them, each with its ``path`` (from the site's root: with a leading ``/``, or from
    the collection's folder for a collection's file), ``name``, ``basename``, ``extname``
    and ``collection`` (the label of the collection it is in, or none)."""
    root = snapshot.config.collections_dir
    folders = {posixpath.join(root, f"_{c.name}") + "/": c.name for c in snapshot.collections}
    found = []
    for source in snapshot.static_files:
        label = next((name for folder, name in folders.items() if source.startswith(folder)), None)
        name = posixpath.basename(source)
        stem, ext = posixpath.splitext(name)
        found.append(
            {
                "path": source if label is not None else "/" + source,
                "name": name,
                "basename": stem.rstrip("."),
                "extname": ext,
                "collection": label,
            }
        )
    return sorted(found, key=lambda f: str(f["path"]))


def _labels(snapshot: Snapshot, ordered: Mapping[str, Any]) -> list[str]:
    declared = [c.name for c in snapshot.collections if c.name in ordered]
    return declared + sorted(set(ordered) - set(declared))


def _grouped(
    posts: Sequence[Document], variables: Mapping[int, Mapping[str, Any]], key: str
) -> dict[str, list[Mapping[str, Any]]]:
    """``site.categories``/``site.tags``: each name with its posts, newest first; the names
    in the order the oldest posts bring them, as Jekyll builds the hash."""
    found: dict[str, list[Mapping[str, Any]]] = {}
    for doc in reversed(posts):
        page = variables[id(doc)]
        values = page.get(key)
        for name in values if isinstance(values, list) else []:
            found.setdefault(str(name), []).insert(0, page)
    return found


def _collections(snapshot: Snapshot, groups: Mapping[str, Any]) -> list[dict[str, Any]]:
    """``site.collections``: each collection as Jekyll's collection drop, by label."""
    found = []
    for collection in sorted(snapshot.collections, key=lambda c: c.name):
        config = snapshot.config.collection(collection.name)
        meta = dict(config.metadata) if config is not None else {}
        meta.update(
            label=collection.name,
            docs=groups.get(collection.name, []),
            files=[],
            relative_directory=f"_{collection.name}",
            output=collection.output,
            permalink=collection.permalink,
        )
        found.append(meta)
    return found
