"""A fingerprint per page of what is served about it, cheap enough to take on every reload.

Nothing is rendered to take it. A page's fingerprint covers:

- its document (the file's content hash, and every field read from it) and the site's
  configuration and server options (a change there changes every page);
- the previous and next pages it links to (their id, title and URL);
- its timeline embed (from its own file) and timeline data (with every timeline's data);
- its translations, its references and its backlinks (each page named: its title, URL
  and content, which an expanded reference shows);
- what its HTML can depend on beyond its own file, judged from the Liquid and links in its
  body, conservatively: ``site.data`` means the data files, ``site.pages``/``posts``/a
  collection, ``{% link %}``, ``{% post_url %}`` or a link to a ``.md`` file mean every
  document, and ``{% include %}``, ``site.time`` or ``site`` taken whole mean everything;
- whatever else a site part adds through ``extra`` (references, translations...).

Fingerprints are Python hashes: compared within one process only, never stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping
from typing import TYPE_CHECKING

from api.content.model import Document
from api.site.references import Links

if TYPE_CHECKING:
    from api.site.site import Site

Fingerprints = Mapping[str, int]
#: Per page, what else is served about it (called once per page per version).
Extra = Callable[["Site", Document], Hashable]


class Needs:
    """What a page's HTML may read besides its own file and the configuration: bits (plain
    ints, as an ``IntFlag`` costs more than the rest of a fingerprint)."""

    NOTHING = 0
    DATA = 1
    DOCUMENTS = 2
    EVERYTHING = 4


_LIQUID = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_SITE = re.compile(r"\bsite\b\s*(?:\.\s*([\w-]+)|(\[)|)")
_TAG = re.compile(r"\{%-?\s*(\w+)")
_MD_LINK = re.compile(r"\]\([^)\s]*\.(?:md|markdown|mkd|mkdn|mdown)\b", re.IGNORECASE)
#: ``site.*`` names that are the documents (as Jekyll's Site#site_payload has them).
_DOCUMENT_VARS = frozenset(
    {
        "pages",
        "posts",
        "documents",
        "collections",
        "html_pages",
        "static_files",
        "tags",
        "categories",
        "related_posts",
    }
)
_DOCUMENT_TAGS = frozenset({"link", "post_url"})
_EVERYTHING_TAGS = frozenset({"include", "include_relative", "include_cached", "gist"})


def needs(body: str, collections: frozenset[str]) -> int:
    """What the HTML of ``body`` may depend on beyond its own file (conservatively)."""
    found = Needs.DOCUMENTS if _MD_LINK.search(body) else Needs.NOTHING
    if "{{" not in body and "{%" not in body:
        return found
    for match in _LIQUID.finditer(body):
        markup = match.group(0)
        tag = _TAG.match(markup)
        name = tag.group(1) if tag else ""
        if name in _EVERYTHING_TAGS:
            return Needs.EVERYTHING
        if name in _DOCUMENT_TAGS:
            found |= Needs.DOCUMENTS
        for site in _SITE.finditer(markup):
            key, bracket = site.group(1), site.group(2)
            if key is None or bracket or key == "time":
                return Needs.EVERYTHING
            if key == "data":
                found |= Needs.DATA
            elif key in _DOCUMENT_VARS or key in collections:
                found |= Needs.DOCUMENTS
    return found


class Printer:
    """Takes the fingerprints of successive versions of one view, remembering what it can
    from one version to the next: each body's needs (keyed by its file and content) and each
    document's own part (while the loader hands over the same document)."""

    def __init__(self, extra: tuple[Extra, ...] = ()) -> None:
        self.extra = extra
        self._needs: dict[tuple[str, str], int] = {}
        self._own: dict[int, tuple[Document, int]] = {}

    def fingerprints(self, site: Site) -> dict[str, int]:
        snapshot = site.snapshot
        config = snapshot.config
        collections = frozenset(c.label for c in config.collections) | frozenset(
            c.name for c in snapshot.collections
        )
        data_dir = config.data_dir.strip("/") + "/"
        everything = hash((snapshot.content_version, site.version))
        data = hash(tuple(sorted(p for p in snapshot.files.items() if p[0].startswith(data_dir))))
        documents = hash(tuple((d.id, d.url, d.title, d.content_hash) for d in snapshot.documents))
        by_needs = {
            Needs.NOTHING: 0,
            Needs.DATA: data,
            Needs.DOCUMENTS: documents,
            Needs.DATA | Needs.DOCUMENTS: hash((data, documents)),
        }
        base = hash((repr(config), repr(site.options)))
        timelines = hash(site.timelines.version)
        with_data = site.timelines.data
        translations = _translation_groups(site)
        references = site.references
        by_id = snapshot.by_id
        needs_memo: dict[tuple[str, str], int] = {}
        own_memo: dict[int, tuple[Document, int]] = {}
        known_needs, known_own = self._needs, self._own
        neighbours = site.neighbours
        extras = self.extra
        prints: dict[str, int] = {}
        for doc in snapshot.documents:
            key = (doc.source_path, doc.content_hash)
            found = known_needs.get(key)
            if found is None:
                found = needs(doc.body, collections)
            needs_memo[key] = found
            kept = known_own.get(id(doc))
            own = kept[1] if kept is not None and kept[0] is doc else hash(_document(doc))
            own_memo[id(doc)] = (doc, own)
            previous, following = neighbours(doc)
            parts = (
                base,
                own,
                _link(previous),
                _link(following),
                everything if found & Needs.EVERYTHING else by_needs[found],
                timelines if doc.id in with_data else 0,
                translations.get(doc.id, 0),
                _links(references.outgoing(doc.id), by_id),
                _links(references.incoming(doc.id), by_id),
            )
            if extras:
                prints[doc.id] = hash((*parts, *(extra(site, doc) for extra in extras)))
            else:
                prints[doc.id] = hash(parts)
        self._needs, self._own = needs_memo, own_memo
        return prints


def _document(doc: Document) -> tuple[object, ...]:
    return (
        doc.id,
        doc.content_hash,
        doc.kind,
        doc.collection,
        doc.source_path,
        doc.inner_path,
        doc.url,
        doc.slug,
        doc.title,
        doc.description,
        doc.published,
        doc.order,
        doc.date,
        doc.layout,
        doc.featured_image_path,
        doc.output,
        doc.lang,
    )


def _translation_groups(site: Site) -> dict[str, int]:
    """Per page in a translation group, a hash of the group (its pages' ids, URLs and
    languages): what its ``translations`` list is made of."""
    listed = site.listed
    groups: dict[int, list[int]] = {}
    for position, group in enumerate(site.translations.groups):
        if listed[position].lang is not None:
            groups.setdefault(group, []).append(position)
    found: dict[str, int] = {}
    for members in groups.values():
        if len(members) > 1:
            value = hash(tuple((listed[i].id, listed[i].url, listed[i].lang) for i in members))
            for i in members:
                found[listed[i].id] = value
    return found


def _links(links: Links, by_id: Mapping[str, Document]) -> int:
    """A page's references (or backlinks), as served: each key or group, and each page's
    id, title and URL, and its content (an expanded reference shows its data)."""
    if not links:
        return 0
    return hash(
        tuple(
            (key, tuple((t, by_id[t].title, by_id[t].url, by_id[t].content_hash) for t in ids))
            for key, ids in links
        )
    )


def _link(doc: Document | None) -> tuple[str, str | None, str] | None:
    return None if doc is None else (doc.id, doc.title, doc.url)
