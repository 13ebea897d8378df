"""Which files of a content directory are documents, as Jekyll's reader decides.

Jekyll ignores names starting with ``.``, ``_``, ``#`` or ``~``, backups ending in ``~`` and
anything matched by ``exclude`` (unless ``include`` names it). Symlinks are followed only
while they stay inside the content root.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from api.content.config import CollectionConfig, SiteConfig
from api.content.dates import FILENAME_DATE
from api.content.diagnostics import Diagnostic, warning
from api.content.documents import Origin
from api.content.model import Kind

#: Folders that hold site machinery, never documents, when collections are inferred.
RESERVED = frozenset(
    {"_data", "_includes", "_layouts", "_sass", "_site", "_plugins", "_posts", "_drafts"}
)
_SPECIAL = (".", "_", "#", "~")


@dataclass(frozen=True, slots=True)
class Found:
    origin: Origin
    path: str  # absolute path to read
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Static:
    """A file Jekyll copies as it is (a static file): a site file, or a collection's."""

    path: str  # relative to the content directory
    label: str | None  # the collection it belongs to, if any
    inner: str  # its path inside the collection folder (the whole path otherwise)


class _Filter:
    """Jekyll's EntryFilter for paths relative to the site root."""

    def __init__(self, config: SiteConfig) -> None:
        self.exclude = _Patterns(p for p in config.exclude if p not in config.include)
        self.include = _Patterns(config.include)

    def rejects(self, rel: str, entry: str, is_dir: bool) -> bool:
        """``rel`` is relative to the site, ``entry`` to the folder being read (a collection)."""
        included = self.include.match(rel, is_dir)
        if not included and self.exclude.match(rel, is_dir):
            return True
        if included:
            return False
        base = posixpath.basename(entry)
        return entry.startswith(_SPECIAL) or base.startswith(_SPECIAL) or entry.endswith("~")


class _Patterns:
    """Jekyll's glob_include?: fnmatch (where ``*`` also crosses ``/``) or a plain prefix."""

    def __init__(self, patterns: Iterable[str]) -> None:
        patterns = list(patterns)
        cleaned = [p.strip("/") for p in patterns if p.strip("/")]
        self.prefixes = tuple(cleaned)
        self.dirs = frozenset(p.rstrip("/") for p in patterns if p.endswith("/"))
        globs = [fnmatch.translate(p) for p in cleaned if any(c in p for c in "*?[")]
        self.glob = re.compile("|".join(globs)) if globs else None

    def match(self, rel: str, is_dir: bool) -> bool:
        if not self.prefixes:
            return False
        if rel.startswith(self.prefixes) or (is_dir and rel in self.dirs):
            return True
        return self.glob is not None and self.glob.match(rel) is not None


class Walker:
    """Lists the documents of one content root, reporting what it had to skip."""

    def __init__(self, root: Path, config: SiteConfig, drafts: bool) -> None:
        self.root = root.resolve()
        self._prefix = f"{self.root}/" if str(self.root) != "/" else "/"
        self.config = config
        self.drafts = drafts
        self.filter = _Filter(config)
        self.problems: list[Diagnostic] = []
        self.static: list[Static] = []  # files that are no document, as walked
        self.extensions = frozenset((*config.markdown_ext, ".html", ".htm"))

    def walk(self) -> list[Found]:
        found: list[Found] = []
        base = self.config.collections_dir
        collections = {c.label: c for c in self.config.collections}
        infer = not self.config.declared
        for label, collection in self._collection_dirs(base, collections, infer):
            folder = posixpath.join(base, f"_{label}") if base else f"_{label}"
            found.extend(self._collection(folder, label, collection, Kind.DOCUMENT))
        posts = collections.get("posts")
        found.extend(self._posts(base, posts))
        found.extend(self._pages("", posts))
        found.sort(key=lambda f: f.origin.path)
        return found

    def _collection_dirs(
        self, base: str, collections: dict[str, CollectionConfig], infer: bool
    ) -> Iterator[tuple[str, CollectionConfig | None]]:
        for label, collection in collections.items():
            if label not in ("posts", "drafts"):
                yield label, collection
        if not infer:
            return
        folder = self.root / base if base else self.root
        for entry in sorted(_scandir(folder), key=lambda e: e.name):
            name = entry.name
            if name.startswith("_") and name not in RESERVED and _is_dir(entry):
                label = name[1:]
                if label and label not in collections and not name.startswith("_config"):
                    yield label, None

    def _collection(
        self, folder: str, label: str, collection: CollectionConfig | None, kind: Kind
    ) -> Iterator[Found]:
        for rel, entry, stat in self._files(folder):
            if self.filter.rejects(rel, entry, False):
                continue
            if posixpath.splitext(rel)[1].lower() not in self.extensions:
                if kind is Kind.DOCUMENT:
                    self.static.append(Static(rel, label, entry))
                continue
            origin = Origin(rel, kind, label, entry, collection, (), stat.st_mtime)
            yield Found(origin, self._prefix + rel, stat.st_size, stat.st_mtime_ns)

    def _posts(self, folder: str, posts: CollectionConfig | None) -> Iterator[Found]:
        """The posts (and drafts) of ``folder/_posts`` (``folder/_drafts``): Jekyll reads them
        beside every folder it reads pages from, named ``YYYY-MM-DD-title.ext`` (any name
        for drafts), and files them under the ``posts`` collection."""
        kinds = [("_posts", Kind.POST)] + ([("_drafts", Kind.DRAFT)] if self.drafts else [])
        prefix = "" if folder == self.config.collections_dir else folder
        for name, kind in kinds:
            special = posixpath.join(folder, name) if folder else name
            for found in self._collection(special, "posts", posts, kind):
                origin = found.origin
                if kind is Kind.POST and FILENAME_DATE.match(origin.inner) is None:
                    continue
                inside = _strip_dir(origin.path, self.config.collections_dir)
                origin = replace(origin, prefix=prefix, categories=folder_categories(inside, name))
                yield Found(origin, found.path, found.size, found.mtime_ns)

    def _pages(self, folder: str, posts: CollectionConfig | None) -> Iterator[Found]:
        directory = self.root / folder if folder else self.root
        if folder and not self.config.collections_dir:
            yield from self._posts(folder, posts)
        for entry in sorted(_scandir(directory), key=lambda e: e.name):
            rel = posixpath.join(folder, entry.name) if folder else entry.name
            is_dir = _is_dir(entry)
            if self.filter.rejects(rel, rel, is_dir) or not self._inside(entry, rel):
                continue
            if is_dir:
                yield from self._pages(rel, posts)
            elif posixpath.splitext(rel)[1].lower() not in self.extensions:
                self.static.append(Static(rel, None, rel))
            else:
                stat = _file_stat(entry)
                if stat is None:
                    continue
                origin = Origin(rel, Kind.PAGE, None, rel, None, (), stat.st_mtime)
                yield Found(origin, self._prefix + rel, stat.st_size, stat.st_mtime_ns)

    def _files(self, folder: str) -> Iterator[tuple[str, str, os.stat_result]]:
        """Every file under ``folder``: (path from the root, path from ``folder``, stat)."""
        start = self.root / folder
        if not start.is_dir() or not self._inside_path(start, folder):
            return
        seen: set[tuple[int, int]] = set()
        stack = [""]
        while stack:
            sub = stack.pop()
            for entry in sorted(_scandir(start / sub if sub else start), key=lambda e: e.name):
                inner = f"{sub}/{entry.name}" if sub else entry.name
                rel = f"{folder}/{inner}" if folder else inner
                if not self._inside(entry, rel):
                    continue
                if _is_dir(entry):
                    if entry.name.startswith(_SPECIAL) and not self.filter.include.match(rel, True):
                        continue
                    stat = entry.stat()
                    if (stat.st_dev, stat.st_ino) in seen:  # a symlink loop
                        continue
                    seen.add((stat.st_dev, stat.st_ino))
                    stack.append(inner)
                else:
                    found = _file_stat(entry)
                    if found is not None:
                        yield rel, inner, found

    def _inside(self, entry: os.DirEntry[str], rel: str) -> bool:
        if not entry.is_symlink():
            return True
        return self._inside_path(Path(entry.path), rel)

    def _inside_path(self, path: Path, rel: str) -> bool:
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            self.problems.append(
                warning(rel, "symlink-broken", "This symlink points nowhere; it is skipped.")
            )
            return False
        if target == self.root or self.root in target.parents:
            return True
        self.problems.append(
            warning(
                rel,
                "symlink-outside-root",
                "This symlink points outside the content folder; it is not followed.",
            )
        )
        return False


def glob_include(patterns: tuple[str, ...], rel: str) -> bool:
    """Jekyll's ``glob_include?``: whether a path matches one of ``patterns``."""
    return _patterns(patterns).match(rel, False)


@lru_cache(maxsize=64)
def _patterns(patterns: tuple[str, ...]) -> _Patterns:
    return _Patterns(patterns)


def is_included(config: SiteConfig, rel: str) -> bool:
    """Whether the site's ``include`` names this file (its path or its name), as Jekyll's
    ``EntryFilter#included?`` decides."""
    return glob_include(config.include, rel) or glob_include(
        config.include, posixpath.basename(rel)
    )


def folder_categories(path: str, special: str) -> tuple[str, ...]:
    """Jekyll's categories from a post's folders: those above its ``_posts`` (``_drafts``)
    folder, so ``en/news/_posts/x.md`` is in ``en`` and ``news`` and ``_posts/en/x.md`` in
    none. Like Jekyll, everything from the first ``_posts`` in the path on is dropped."""
    if path.startswith(special):
        return ()
    above = path.split(special, 1)[0]
    name = posixpath.basename(path)
    return tuple(part for part in above.split("/") if part and part not in (special, name))


def _strip_dir(path: str, folder: str) -> str:
    return path[len(folder) + 1 :] if folder and path.startswith(folder + "/") else path


def _scandir(path: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(path) as entries:
            return list(entries)
    except OSError:
        return []


def _file_stat(entry: os.DirEntry[str]) -> os.stat_result | None:
    """The stat of a regular file; None for anything else (a named pipe would block its
    reader) and for a file deleted since the folder was listed."""
    try:
        return entry.stat() if entry.is_file() else None
    except OSError:
        return None


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
