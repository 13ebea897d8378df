"""The language of every page: its front matter (after defaults), else its language
folder, else the site's ``lang``.

A language folder is a top-level folder (``en/``, ``pt-br/``, ``zh_tw/``), or the first
folder inside a collection or ``_posts`` (``_docs/ja/``), that the site shows to be a
language, in one of three ways:

- it is listed in ``languages:`` in ``_config.yml`` (jekyll-polyglot's setting);
- it is a ``lang`` the site itself uses: ``site.lang``, or a page's ``lang`` (front matter or
  defaults), spelt with ``-`` or ``_`` and in any case;
- it is a BCP 47 tag with a two-letter language (``de``, ``pt-BR``, ``zh_Hant``) found in the
  IANA registry, and holds parallel content: some path inside it is also inside another
  language folder of the same place, or one of its pages shares a translation key (``ref``,
  ``translation_key``, ``page_id``, ``lang_ref``) with a page outside it. So ``js/`` (no
  language) or ``css/`` (three letters) never is one, and ``id/`` is Indonesian only beside
  translated folders.

A page in a language folder takes the folder's language spelt as the site spells it in its
``lang`` values when it does (``zh_TW`` for ``zh_tw/``), else the folder's name. The search
matches languages as tags (:func:`tag_key`), so spelling never splits one language in two.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from api.content.config import SiteConfig
from api.content.model import Document

LANG_KEY = "lang"
#: Front-matter keys that name a page's translation group (see api.content.translations).
TRANSLATION_KEYS = ("ref", "translation_key", "page_id", "lang_ref")
#: jekyll-polyglot's list of the site's languages.
LANGUAGES_KEY = "languages"
# A language of two letters, then script, region or variant subtags.
_SHAPED = re.compile(r"[A-Za-z]{2}(?:[-_][A-Za-z0-9]{1,8})*")


def declared_lang(data: Mapping[str, Any]) -> str | None:
    """The ``lang`` the front matter (after defaults) gives, if it is text."""
    value = data.get(LANG_KEY)
    return value.strip() if isinstance(value, str) and value.strip() else None


def tag_key(tag: str) -> str:
    """A language tag compared as BCP 47 compares them: case-insensitive, ``_`` as ``-``."""
    return tag.strip().replace("_", "-").casefold()


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a document sits relative to the folder that may be its language folder."""

    folder: str  # the folder's name, as written
    scope: str  # what comes before it: "" at the top level, else "_docs", "_posts"...
    key: str  # the path without the folder and without the extension, for translations


def placement(source_path: str, collections_dir: str = "") -> Placement | None:
    """The folder of ``source_path`` that could be a language folder, if any."""
    path = source_path
    prefix = ""
    if collections_dir and path.startswith(collections_dir + "/"):
        rest = path[len(collections_dir) + 1 :]
        if rest.startswith("_"):
            prefix, path = collections_dir + "/", rest
    parts = path.split("/")
    at = 1 if parts[0].startswith("_") else 0
    if len(parts) < at + 2:
        return None
    scope = prefix + "/".join(parts[:at])
    inner = "/".join([*parts[:at], *parts[at + 1 :]])
    return Placement(parts[at], scope, prefix + posixpath.splitext(inner)[0])


def folder_name(source_path: str, collections_dir: str = "") -> str | None:
    """The name of the folder :func:`placement` would look at (cheaply: no paths built)."""
    path = source_path
    if collections_dir and path.startswith(collections_dir + "/"):
        rest = path[len(collections_dir) + 1 :]
        if rest.startswith("_"):
            path = rest
    start = path.find("/") + 1 if path.startswith("_") else 0
    if path.startswith("_") and start == 0:
        return None
    end = path.find("/", start)
    return path[start:end] if end > start else None


def own_key(source_path: str) -> str:
    """The key of a document in no language folder: its path without the extension."""
    return posixpath.splitext(source_path)[0]


class LanguageFolders:
    """Which folders of a site are language folders, and the language each stands for.

    One light pass over the documents (the folder each could be in, its ``lang``); the
    paths and translation keys are read only for folders that could be languages.
    """

    def __init__(self, documents: Sequence[Document], config: SiteConfig) -> None:
        self.collections_dir = cd = config.collections_dir
        #: Each document's own ``lang`` (front matter or defaults), in order.
        self.declared = [declared_lang(doc.data) for doc in documents]
        spellings: dict[str, Counter[str]] = {}
        for tag in _site_langs(config, self.declared):
            spellings.setdefault(tag_key(tag), Counter())[tag] += 1
        self._spelling = {key: found.most_common(1)[0][0] for key, found in spellings.items()}
        by_name: dict[str, list[int]] = {}
        for position, doc in enumerate(documents):
            name = folder_name(doc.source_path, cd)
            if name is not None:
                by_name.setdefault(name, []).append(position)
        self.placements: dict[str, Placement] = {}
        evidence = _Evidence(documents)
        for name, positions in by_name.items():
            if tag_key(name) not in self._spelling and not _SHAPED.fullmatch(name):
                continue
            for position in positions:
                doc = documents[position]
                place = placement(doc.source_path, cd)
                if place is not None:
                    self.placements[doc.id] = place
                    evidence.add(doc, place)
        self.folders = frozenset(evidence.recognized(self._spelling))

    def __bool__(self) -> bool:
        return bool(self.folders)

    def place(self, doc: Document) -> Placement | None:
        """The document's language folder, if it sits in one."""
        place = self.placements.get(doc.id)
        return place if place is not None and (place.scope, place.folder) in self.folders else None

    def lang(self, folder: str) -> str:
        """The language a folder stands for, spelt as the site spells it."""
        return self._spelling.get(tag_key(folder), folder)


def assign(documents: Sequence[Document], config: SiteConfig) -> list[Document]:
    """The documents with ``lang`` resolved: front matter, folder, then ``site.lang``."""
    folders = LanguageFolders(documents, config)
    site_lang = declared_lang(config.raw)
    result = []
    for doc, lang in zip(documents, folders.declared, strict=True):
        if lang is None:
            place = folders.place(doc) if folders else None
            lang = folders.lang(place.folder) if place is not None else site_lang
        result.append(doc if doc.lang == lang else replace(doc, lang=lang))
    return result


def _site_langs(config: SiteConfig, declared: Iterable[str | None]) -> Iterable[str]:
    site = declared_lang(config.raw)
    if site is not None:
        yield site
    listed = config.raw.get(LANGUAGES_KEY)
    if isinstance(listed, list):
        yield from (item.strip() for item in listed if isinstance(item, str) and item.strip())
    yield from (lang for lang in declared if lang is not None)


def _refs(doc: Document) -> set[tuple[str, str]]:
    return {
        (key, str(value))
        for key in TRANSLATION_KEYS
        if isinstance(value := doc.data.get(key), str | int)
        and not isinstance(value, bool)
        and value != ""
    }


class _Evidence:
    """What each candidate folder holds: its paths, and the translation keys of its pages."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = documents
        self.paths: dict[tuple[str, str], set[str]] = {}
        self.members: dict[tuple[str, str], list[Document]] = {}

    def add(self, doc: Document, place: Placement) -> None:
        folder = (place.scope, place.folder)
        self.paths.setdefault(folder, set()).add(place.key)
        self.members.setdefault(folder, []).append(doc)

    def recognized(self, spelling: Mapping[str, str]) -> set[tuple[str, str]]:
        known = {folder for folder in self.paths if tag_key(folder[1]) in spelling}
        shaped = [f for f in self.paths if f not in known and _is_tag(f[1])]
        found = set(known)
        candidates = known | set(shaped)
        unproven = []
        for folder in shaped:
            paths = self.paths[folder]
            if any(
                other[0] == folder[0] and not paths.isdisjoint(self.paths[other])
                for other in candidates - {folder}
            ):
                found.add(folder)
            else:
                unproven.append(folder)
        if unproven:
            found.update(self._by_refs(unproven))
        return found

    def _by_refs(self, folders: list[tuple[str, str]]) -> set[tuple[str, str]]:
        """The folders one of whose pages shares a translation key with a page outside it."""
        inside = {folder: set().union(*map(_refs, self.members[folder])) for folder in folders}
        if not any(inside.values()):
            return set()
        counts: Counter[tuple[str, str]] = Counter()
        for doc in self.documents:
            counts.update(_refs(doc))
        found = set()
        for folder, refs in inside.items():
            own: Counter[tuple[str, str]] = Counter()
            for doc in self.members[folder]:
                own.update(_refs(doc))
            if any(counts[ref] > own[ref] for ref in refs):
                found.add(folder)
        return found


def _is_tag(name: str) -> bool:
    if not _SHAPED.fullmatch(name):
        return False
    # Imported only for sites with folders shaped like tags: it takes a tenth of a second.
    from langcodes import tag_is_valid

    return bool(tag_is_valid(name.replace("_", "-")))
