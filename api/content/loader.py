"""Build a snapshot from a content directory, re-reading only what changed since the last one."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from api import __version__
from api.content import languages, permalinks, redirects
from api.content.config import CollectionConfig, SiteConfig
from api.content.datafiles import parse_data_dir
from api.content.diagnostics import Diagnostic, error, warning
from api.content.discovery import Found, Static
from api.content.generators import generate
from api.content.generators.optional_front_matter import README
from api.content.ids import unique
from api.content.model import Collection, Document, Kind
from api.content.ordering import default_order
from api.content.plugins import plugin_option
from api.content.reading import FileResult, content_hash, read_many
from api.content.relative_includes import read_relative_includes
from api.content.slugify import titleize_slug
from api.content.snapshot import Snapshot
from api.content.statics import static_urls
from api.content.survey import LoadOptions, digest, survey

__all__ = ["SHOW_ALL", "LoadOptions", "Loader", "LoaderState"]

_NO_FRONT_MATTER = (
    "This file has no front matter (a first line of `---`), so it is not a page; "
    "Jekyll copies it as a static file."
)


_EMPTIED = (
    "This file is empty (a save in progress?); its last good version is served until it has "
    "content again or is deleted."
)
_EMPTY = content_hash(b"")
Reader = Callable[[list[Found], SiteConfig], list[FileResult]]


#: What a preview shows: everything Jekyll can be asked to show.
SHOW_ALL = LoadOptions(unpublished=True, future=True, drafts=True)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One file as read: its document (None: not a page) and the problems it has."""

    draft: bool
    document: Document | None
    problems: list[Diagnostic]


@dataclass(frozen=True, slots=True)
class _Shared:
    """What every view of one reading has in common."""

    config: SiteConfig
    config_hash: str
    problems: list[Diagnostic]
    data: Mapping[str, Any]
    files: dict[str, str]
    now: datetime
    static_files: Mapping[str, str]  # static file path: its URL
    layouts: frozenset[str]  # the layouts that exist (jekyll-default-layout's choice)
    time: datetime  # when the content last changed (``site.time``)


@dataclass(slots=True)
class LoaderState:
    """What a loader keeps between loads: each file as last read, and its last good reading
    (served while a save is under way)."""

    results: dict[str, FileResult] = field(default_factory=dict)
    last_good: dict[str, FileResult] = field(default_factory=dict)
    config_hash: str = ""
    #: The inputs of the last load (``api.content.survey.digest``), when any other loader
    #: reading the same inputs would make the same snapshots: None after a load that
    #: served a last good version or could not read a file.
    inputs: str | None = None
    #: The clock the last load was made at (which future-dated pages it hid).
    now: datetime | None = None


class Loader:
    """Reads one content root. Keeps what it read so an incremental reload touches only the
    files whose size or modification time changed (or that a watcher names)."""

    def __init__(
        self, root: Path, options: LoadOptions | None = None, reader: Reader | None = None
    ) -> None:
        self.root = root
        self.options = options or LoadOptions()
        #: How files are read and parsed (``read_many``, or one that reads through a cache).
        self.reader: Reader = reader or read_many
        self._state = LoaderState()
        #: Files read (and parsed) by the last load; the others' readings were reused.
        self.files_read = 0

    @property
    def state(self) -> LoaderState:
        return self._state

    def adopt(self, state: LoaderState) -> None:
        """Go on from ``state``: what a loader that made it kept (``api.persist.image``)."""
        self._state = state

    def load(self, changed: Iterable[str] = (), now: datetime | None = None) -> Snapshot:
        """A new snapshot. ``changed`` lists paths (relative to the root) to re-read even if
        their stat looks the same."""
        return self.load_views(changed, now)[0]

    def load_views(
        self,
        changed: Iterable[str] = (),
        now: datetime | None = None,
        *,
        hidden: bool = False,
        listed: Callable[[], None] = lambda: None,
    ) -> tuple[Snapshot, Snapshot | None]:
        """The snapshot to serve and, with ``hidden``, the preview snapshot beside it: what
        ``--unpublished --future --drafts`` shows. Both come from one reading of the files
        (documents are shared); the first is exactly what a loader without ``hidden`` makes.
        ``listed`` is called once the site is listed, before its files are read."""
        state = self._state
        found = survey(self.root, self.options, hidden)
        listed()
        config = found.config
        config_changed = found.config_hash != state.config_hash
        state.config_hash = found.config_hash
        results = self._read(list(found.found), config, set(changed), config_changed)

        read: list[_Entry] = []
        static = list(found.static)
        fell_back = False
        for item in found.found:
            own: list[Diagnostic] = []
            result = results[item.origin.path]
            document, substituted = self._document(item, result, config, own)
            fell_back = fell_back or substituted
            read.append(_Entry(item.origin.kind is Kind.DRAFT, document, own))
            if _is_static(item, result, document, config):
                static.append(Static(item.origin.path, item.origin.label, item.origin.inner))
        clean = not fell_back and all(_repeatable(r) for r in results.values())
        hashes = {path: result.content_hash for path, result in results.items()}
        state.inputs = digest(found, hashes, hidden) if clean else None
        state.now = now = now or datetime.now(UTC)

        data, data_problems = parse_data_dir(dict(found.data), config.data_dir)
        files = {path: content_hash(raw) for path, raw in found.data.items()}
        files.update(found.includes)
        shared = _Shared(
            config,
            found.config_hash,
            [*found.problems, *found.data_problems, *data_problems],
            data,
            files,
            now,
            static_urls(static, config),
            found.layouts,
            found.time,
        )
        public_options = replace(self.options, drafts=found.drafts)
        public = self._assemble(shared, list(found.walked), read, public_options)
        if not hidden:
            return public, None
        return public, self._assemble(shared, list(found.walked), read, SHOW_ALL)

    def _assemble(
        self,
        shared: _Shared,
        walked: list[Diagnostic],
        read: list[_Entry],
        options: LoadOptions,
    ) -> Snapshot:
        """One view of what was read: the documents ``options`` shows, ordered and indexed."""
        config = shared.config
        problems = list(shared.problems)
        problems += [p for p in walked if options.drafts or not _in_drafts(p.source_path)]
        documents: list[Document] = []
        for entry in read:
            if entry.draft and not options.drafts:
                continue
            problems += entry.problems
            if entry.document is not None:
                documents.append(entry.document)

        documents = _visible(documents, config, shared.now, options)
        documents, _ = generate(documents, shared.static_files, config, shared.layouts)
        documents = unique(documents, problems)
        # What the site's languages and redirects make of each document (they need them all).
        documents = redirects.as_written(languages.assign(documents, config), config)
        ordered = default_order(documents, config)
        files = dict(shared.files)
        relative = read_relative_includes(self.root, ordered)
        files.update({path: content_hash(text.encode()) for path, text in relative.items()})
        # Which layouts exist decides jekyll-default-layout's choice.
        files.update({f"layout:{name}": "" for name in shared.layouts})
        return Snapshot(
            root=self.root,
            config=config,
            documents=tuple(ordered),
            collections=_collections(config, [d for d in ordered if not redirects.is_redirect(d)]),
            diagnostics=tuple(sorted(problems, key=lambda d: (d.source_path, d.line or 0, d.code))),
            data=shared.data,
            content_version=_version(shared.config_hash, ordered, files),
            files=files,
            static_files=shared.static_files,
            relative_includes=relative,
            time=shared.time,
        )

    def _read(
        self, found: list[Found], config: SiteConfig, forced: set[str], config_changed: bool
    ) -> dict[str, FileResult]:
        state = self._state
        fresh: dict[str, FileResult] = {}
        stale: list[Found] = []
        for item in found:
            path = item.origin.path
            cached = state.results.get(path)
            if cached is None or cached.stamp != (item.mtime_ns, item.size) or path in forced:
                stale.append(item)
                continue
            if config_changed:
                stale.append(item)
                continue
            fresh[path] = cached
        self.files_read = len(stale)
        for result in self.reader(stale, config):
            fresh[result.path] = result
            if result.failure is None and not result.unsettled and result.content_hash != _EMPTY:
                state.last_good[result.path] = result
        for gone in set(state.results) - set(fresh):
            state.last_good.pop(gone, None)
        state.results = fresh
        return fresh

    def _document(
        self, item: Found, result: FileResult, config: SiteConfig, problems: list[Diagnostic]
    ) -> tuple[Document | None, bool]:
        """The document of one file as read, and whether its last good reading stands in
        for it."""
        path = item.origin.path
        good = self._state.last_good.get(path)
        substituted = False
        if result.failure is None and good is not None and good.document is not None:
            # Half a save: an editor truncates, then writes. The last good version stays
            # until the save is complete (the watcher reports that change too).
            if result.content_hash == _EMPTY:
                problems.append(warning(path, "file-emptied", _EMPTIED))
                result, substituted = good, True
            elif result.unsettled:
                result, substituted = good, True
        if result.failure is not None:
            failure = result.failure
            if good is None or good.document is None:
                problems.append(error(path, failure.code, failure.message, failure.line))
                return None, False
            message = f"{failure.message} The last good version is served until this is fixed."
            problems.append(error(path, failure.code, message, failure.line))
            result, substituted = good, True
        if result.document is None:
            if item.origin.kind is not Kind.PAGE and path.endswith(config.markdown_ext):
                problems.append(warning(path, "no-front-matter", _NO_FRONT_MATTER))
            return None, substituted
        problems += result.problems
        return result.document, substituted


def _visible(
    documents: list[Document], config: SiteConfig, now: datetime, options: LoadOptions
) -> list[Document]:
    unpublished = options.unpublished or config.unpublished
    future = options.future or config.future
    return [
        doc
        for doc in documents
        if (unpublished or doc.published) and (future or doc.date is None or doc.date <= now)
    ]


def _repeatable(result: FileResult) -> bool:
    """Whether reading the same bytes again gives this result (not a file that could not be
    read, or was being saved)."""
    failure = result.failure
    return not result.unsettled and (failure is None or failure.code != "unreadable")


def _in_drafts(path: str) -> bool:
    return "_drafts/" in f"/{path}"


def _is_static(
    item: Found, result: FileResult, document: Document | None, config: SiteConfig
) -> bool:
    """A markdown file Jekyll copies as it is: one without front matter (that a plugin may
    also have made a page of, unless the plugin removes the original)."""
    if item.origin.kind is Kind.POST or item.origin.kind is Kind.DRAFT:
        return False
    if result.failure is not None or (document is not None and document.front_matter):
        return False
    if document is None:
        return True
    removes = plugin_option(config.raw, "optional_front_matter", "remove_originals") is True
    return not removes or README.search(item.origin.path) is not None


_DEFAULT_PERMALINK = ("/:collection/:path/", "/:categories/:year/:month/:day/:title:output_ext")


def _collections(config: SiteConfig, documents: list[Document]) -> tuple[Collection, ...]:
    counts = Counter(doc.collection for doc in documents if doc.collection is not None)
    declared = {c.label: c for c in config.collections}
    labels = [c.label for c in config.collections] + sorted(set(counts) - set(declared))
    result = []
    for label in labels:
        if label == "posts" and not counts[label] and label not in declared:
            continue
        meta = declared.get(label)
        title = meta.metadata.get("title") or meta.metadata.get("name") if meta else None
        permalink = _permalink(config, meta, label)
        result.append(
            Collection(
                name=label,
                label=str(title) if title else titleize_slug(label),
                output=meta.output if meta else label == "posts",
                permalink=permalink,
                sort_by=meta.sort_by if meta else None,
                order=meta.order if meta else (),
                count=counts[label],
            )
        )
    return tuple(result)


def _permalink(config: SiteConfig, meta: CollectionConfig | None, label: str) -> str:
    if meta is not None and meta.permalink:
        return permalinks.style_template(meta.permalink)
    if label == "posts":
        return permalinks.style_template(config.permalink)
    if meta is None:
        return "/:collection/:path/"
    return permalinks.with_suffix("/:collection/:path", config.permalink)


def _version(config_hash: str, documents: list[Document], files: dict[str, str]) -> str:
    version = hashlib.blake2b(digest_size=16)
    version.update(f"content-api {__version__}\n{config_hash}\n".encode())
    for doc in documents:
        version.update(f"{doc.source_path}\0{doc.content_hash}\n".encode())
    for path, file_hash in sorted(files.items()):
        version.update(f"{path}\0{file_hash}\n".encode())
    return version.hexdigest()
