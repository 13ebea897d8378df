"""Which pages are translations of each other, computed once per snapshot.

Two pages in different languages are translations when they share a value of ``ref``,
``translation_key``, ``page_id`` or ``lang_ref`` (the conventions of hand-made multilingual
Jekyll sites, Hugo and jekyll-polyglot), or when they have the same path under two language
folders (``en/about/index.md`` and ``ja/about/index.md``; posts too, as in
``en/news/_posts/`` and ``ja/news/_posts/``). A page in no language folder joins the pages
at its path in the language folders when its language is not among theirs already: the
default language often lives at the top level (``about.md`` beside ``fr/about.md``).
Being a translation is transitive: the groups are the connected sets of these links.
Pages without a language have no translations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from api.content.languages import TRANSLATION_KEYS as KEYS
from api.content.languages import LanguageFolders, own_key, tag_key
from api.content.model import Document


@dataclass(frozen=True, slots=True)
class Translation:
    lang: str
    id: str
    url: str


class Translations:
    """The translation groups of some documents (those the API lists, in their order)."""

    def __init__(self, documents: Sequence[Document], folders: LanguageFolders) -> None:
        self._documents = documents
        parent = list(range(len(documents)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i: int, j: int) -> None:
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)

        first: dict[tuple[str, str], int] = {}
        at_path: dict[str, int] = {}
        unplaced: list[int] = []
        for position, doc in enumerate(documents):
            if doc.lang is None:
                continue
            for key in KEYS:
                value = doc.data.get(key)
                if isinstance(value, str | int) and not isinstance(value, bool) and value != "":
                    seen = first.setdefault((key, str(value)), position)
                    if seen != position:
                        union(seen, position)
            place = folders.place(doc) if folders else None
            if place is None:
                unplaced.append(position)
                continue
            seen = at_path.setdefault(place.key, position)
            if seen != position:
                union(seen, position)
        langs: dict[int, set[str]] = {}
        for position, doc in enumerate(documents):
            if doc.lang is not None:
                langs.setdefault(root(position), set()).add(tag_key(doc.lang))
        for position in unplaced:
            doc = documents[position]
            other = at_path.get(own_key(doc.source_path))
            if other is None or root(other) == root(position):
                continue
            present = langs[root(other)]
            if tag_key(doc.lang or "") not in present:
                mine = langs.pop(root(position), set())
                union(other, position)
                langs[root(other)] = present | mine
        self.groups: tuple[int, ...] = tuple(root(i) for i in range(len(documents)))
        members: dict[int, list[int]] = {}
        for position, group_id in enumerate(self.groups):
            if documents[position].lang is not None:
                members.setdefault(group_id, []).append(position)
        self._members = {group: tuple(found) for group, found in members.items() if len(found) > 1}
        self._position = {doc.id: i for i, doc in enumerate(documents)}

    def of(self, doc_id: str) -> list[Translation]:
        """The page's translations: the pages of its group in other languages, by language
        (then in the documents' order)."""
        position = self._position.get(doc_id)
        if position is None:
            return []
        members = self._members.get(self.groups[position], ())
        doc = self._documents[position]
        own = tag_key(doc.lang or "")
        others = [
            self._documents[i]
            for i in members
            if i != position and tag_key(self._documents[i].lang or "") != own
        ]
        others.sort(key=lambda d: tag_key(d.lang or ""))
        return [Translation(d.lang or "", d.id, d.url) for d in others]
