"""A whole load kept in the cache directory, so a restart on unchanged content reads one
value instead of twenty thousand.

An image is what a load made (its snapshots and the loader's state), stored with the digest
of the load's inputs (``api.content.survey``). It is kept under one key per content root,
loader options and view, so a restart can find it before knowing whether anything changed:
it decodes the image while a child process surveys the site and hashes every file, and
uses it only if

- the digests agree (every document's bytes, the listing, configuration, data, includes
  and layouts are what they were);
- no page the image hides for its date has come of date since;
- what pages include relative to themselves reads the same.

Otherwise the load goes on from the image's state, as a reload would: each file whose bytes
hash as they did is not parsed again, so a restart after an edit parses what was edited.
Modification times only date drafts (which the digest covers, and whose readings are reused
only at the same time) and ``site.time``, which is set from the survey.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from api import processes
from api.content.config import SiteConfig
from api.content.loader import Loader, LoaderState
from api.content.model import Kind
from api.content.reading import FileResult
from api.content.relative_includes import read_relative_includes
from api.content.snapshot import Snapshot
from api.content.survey import Inspection, inspect
from api.persist import codec, db
from api.persist.keys import key

if TYPE_CHECKING:  # the references index imports the whole site; a load needs none of it
    from api.site.references import KeptReferences

log = logging.getLogger("content_api")

KIND = "image"
#: How long the child surveying the site may take before the image is given up.
INSPECT_SECONDS = 300.0
#: Largest image kept (SQLite refuses values over 1 GB; decoding one this large would take
#: longer than parsing the site on every core).
MAX_IMAGE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class LoadImage:
    inputs: str  # the digest of what the load read
    state: LoaderState
    public: Snapshot
    hidden: Snapshot | None  # the preview's view, for a loader asked for it
    #: When the public view would change by itself: the date of the first page it hides
    #: for being in the future (None: none).
    until: datetime | None
    #: The public view's references index (``Site``'s), once built.
    references: KeptReferences | None = None


@dataclass(frozen=True, slots=True)
class Taken:
    """A load that an image made what a load now would make."""

    public: Snapshot
    hidden: Snapshot | None
    references: KeptReferences | None


def image_key(loader: Loader, hidden: bool) -> str:
    return key(KIND, str(loader.root.resolve()), repr(loader.options), str(hidden))


def capture(loader: Loader, public: Snapshot, hidden: Snapshot | None) -> LoadImage | None:
    """The image of the load ``loader`` just made (None: not one to keep). Cheap: the
    state's tables are copied, so the loader can go on while the image is written."""
    state = loader.state
    if state.inputs is None or state.now is None:
        return None
    kept = LoaderState(
        dict(state.results), dict(state.last_good), state.config_hash, state.inputs, state.now
    )
    future = loader.options.future or public.config.future
    return LoadImage(state.inputs, kept, public, hidden, None if future else _until(kept))


def keep(cache: db.CacheFile, loader: Loader, image: LoadImage) -> int:
    """Store ``image`` (encoding it here: call off the request path); its size in bytes
    (0: not stored, the cache is read-only or broken)."""
    if cache.readonly or cache.broken:
        return 0
    config = replace(image.public.config, memo={})  # memos are filled in by other threads
    public = _with_config(image.public, config)
    hidden = None if image.hidden is None else _with_config(image.hidden, config)
    blob = codec.encode(replace(image, public=public, hidden=hidden))
    if len(blob) > MAX_IMAGE_BYTES:
        log.warning(
            "the load image (%.0f MB) is larger than %.0f MB and is not kept: restarts parse "
            "the site",
            len(blob) / 1e6,
            MAX_IMAGE_BYTES / 1e6,
        )
        return 0
    cache.put(KIND, image.inputs, image_key(loader, hidden is not None), blob)
    return len(blob)


def check(cache: db.CacheFile, loader: Loader, hidden: bool) -> Check | None:
    """The survey of the site begun in a child process, if there is an image for
    ``loader`` (None: there is none). Call it while this process runs one thread, and the
    child is forked at once."""
    if cache.tag_of(image_key(loader, hidden)) is None:
        return None
    return Check(loader, hidden)


def begin(
    cache: db.CacheFile, loader: Loader, hidden: bool, started: Check | None = None
) -> Pending | None:
    """The image for ``loader``, read and decoded, with the site's survey begun in a child
    process (or ``started`` by ``check``). None: there is no usable image."""
    survey = started if started is not None else check(cache, loader, hidden)
    if survey is None:
        return None
    blob = cache.get(image_key(loader, hidden))
    image = None
    if blob is not None:
        try:
            image = codec.decode(blob, LoadImage)
        except codec.Invalid as exc:
            log.warning("the load image in %s was ignored: %s", cache.path, exc)
    if not isinstance(image, LoadImage) or (hidden and image.hidden is None):
        survey.cancel()
        return None
    return Pending(loader, image, survey)


class Pending:
    """An image waiting for the survey that says whether it can be used."""

    def __init__(self, loader: Loader, image: LoadImage, survey: Check) -> None:
        self.loader = loader
        self.image = image
        self._survey = survey

    def finish(self, now: datetime | None = None) -> Taken | None:
        """The image's snapshots, when a load now would make the same ones; the loader then
        goes on from the image's state. Otherwise None, and the loader goes on from the
        readings of the files that did not change (so a load reads only the others).
        Raises ``processes.Cancelled`` when the owner stops meanwhile."""
        image, loader = self.image, self.loader
        found = self._survey.result()
        if not self._current(found, now):
            loader.adopt(_reusable(image.state, found))
            return None
        loader.adopt(_restamped(image.state, found))
        public = _as_of(image.public, loader, found.time)
        hidden = None if image.hidden is None else _as_of(image.hidden, loader, found.time)
        return Taken(public, hidden, image.references)

    def _current(self, found: Inspection, now: datetime | None) -> bool:
        image, root = self.image, self.loader.root
        if found.inputs != image.inputs:
            return False
        if image.until is not None and (now or datetime.now(UTC)) >= image.until:
            return False
        views = [image.public] if image.hidden is None else [image.public, image.hidden]
        return all(
            read_relative_includes(root, view.documents) == dict(view.relative_includes)
            for view in views
        )


def restore(
    cache: db.CacheFile, loader: Loader, hidden: bool, now: datetime | None = None
) -> Taken | None:
    """``begin`` and ``finish`` in one."""
    pending = begin(cache, loader, hidden)
    return None if pending is None else pending.finish(now)


class Check:
    """``inspect`` of the site in a child process (here, if no child can be had)."""

    def __init__(self, loader: Loader, hidden: bool) -> None:
        self._args = (loader.root, loader.options, hidden)
        self._call = processes.Call(inspect, *self._args)

    def result(self) -> Inspection:
        try:
            return self._call.result(INSPECT_SECONDS)
        except processes.ChildFailed:
            return inspect(*self._args)

    def cancel(self) -> None:
        self._call.cancel()


def _until(state: LoaderState) -> datetime | None:
    now = state.now
    if now is None:
        return None
    dates = [
        result.document.date
        for result in state.results.values()
        if result.document is not None
        and result.document.date is not None
        and result.document.date > now
    ]
    return min(dates, default=None)


def _restamped(state: LoaderState, found: Inspection) -> LoaderState:
    """``state`` with each file's stamp as it is now (a checkout sets new modification
    times on the same bytes): a reload then reads only what changes after this."""
    results = dict(state.results)
    for path, result in results.items():
        stamp = found.stamps.get(path)
        if stamp is not None and stamp != result.stamp:
            results[path] = _stamped(result, stamp)
    last_good = {
        path: results[path] if state.results.get(path) is result else result
        for path, result in state.last_good.items()
    }
    return replace(state, results=results, last_good=last_good)


def _reusable(state: LoaderState, found: Inspection) -> LoaderState:
    """What of ``state`` a load can go on from: the readings of files whose bytes hash as
    they did (a draft's only at the same modification time, which dates it), stamped as
    the files are now. The others are left out, so they are read again."""
    results = {}
    for path, result in state.results.items():
        stamp = found.stamps.get(path)
        if stamp is None or found.hashes.get(path) != result.content_hash:
            continue
        document = result.document
        if document is not None and document.kind is Kind.DRAFT and stamp != result.stamp:
            continue
        results[path] = result if stamp == result.stamp else _stamped(result, stamp)
    last_good = {
        path: results.get(path, result)
        for path, result in state.last_good.items()
        if path in found.stamps
    }
    return LoaderState(results, last_good, state.config_hash)


def _stamped(result: FileResult, stamp: tuple[int, int]) -> FileResult:
    return dataclasses.replace(result, stamp=stamp)


def _as_of(view: Snapshot, loader: Loader, time: datetime) -> Snapshot:
    """``view`` for this loader's root, dated by the files' times now."""
    if view.time == time and view.root == loader.root:
        return view
    return _with(view, root=loader.root, time=time)


def _with_config(view: Snapshot, config: SiteConfig) -> Snapshot:
    return _with(view, config=config)


def _with(view: Snapshot, **changes: object) -> Snapshot:
    fields = {f.name: getattr(view, f.name) for f in dataclasses.fields(view) if f.init}
    fields.update(changes)
    return Snapshot(**fields)
