"""The immutable snapshot of a site: every document, indexed, and what went wrong reading it.

A reload builds a new snapshot and the server swaps one reference, so a request sees either
the old content or the new, never a mix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import unquote

from api.content.config import SiteConfig
from api.content.diagnostics import Diagnostic, Severity
from api.content.model import Collection, Document
from api.content.permalinks import escape_path


@dataclass(frozen=True, slots=True)
class Snapshot:
    root: Path
    config: SiteConfig
    documents: tuple[Document, ...]  # in the default order
    collections: tuple[Collection, ...]
    diagnostics: tuple[Diagnostic, ...]
    data: Mapping[str, Any]  # ``_data/``, as ``site.data`` in Liquid
    content_version: str
    files: Mapping[str, str] = field(default_factory=dict)  # extra files by path: content hash
    static_files: Mapping[str, str] = field(default_factory=dict)  # static file path: its URL
    #: Files pages include relative to themselves (``{% include_relative %}``): path: text.
    relative_includes: Mapping[str, str] = field(default_factory=dict)
    #: When the content last changed (its newest file): Liquid's ``site.time``.
    time: datetime = datetime(1970, 1, 1, tzinfo=UTC)
    by_id: Mapping[str, Document] = field(init=False)
    by_url: Mapping[str, Document] = field(init=False)
    by_source_path: Mapping[str, Document] = field(init=False)
    position: Mapping[str, int] = field(init=False)  # id -> index in the default order

    def __post_init__(self) -> None:
        if not isinstance(self.static_files, MappingProxyType):
            object.__setattr__(self, "static_files", MappingProxyType(dict(self.static_files)))
        by_url: dict[str, Document] = {}
        for doc in self.documents:
            by_url.setdefault(doc.url, doc)
        object.__setattr__(self, "by_id", MappingProxyType({d.id: d for d in self.documents}))
        position = {d.id: i for i, d in enumerate(self.documents)}
        object.__setattr__(self, "position", MappingProxyType(position))
        object.__setattr__(self, "by_url", MappingProxyType(by_url))
        object.__setattr__(
            self, "by_source_path", MappingProxyType({d.source_path: d for d in self.documents})
        )

    def __reduce__(self) -> tuple[type[Snapshot], tuple[Any, ...]]:
        """Pickled as what the constructor takes (the indexes are rebuilt on the way in),
        read-only mappings as plain ones."""
        return type(self), (
            self.root,
            self.config,
            self.documents,
            self.collections,
            self.diagnostics,
            dict(self.data),
            self.content_version,
            dict(self.files),
            dict(self.static_files),
            dict(self.relative_includes),
            self.time,
        )

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)

    def find_url(self, url: str) -> Document | None:
        """The document at a site URL: with or without the site's host and ``baseurl``,
        a trailing ``/`` or ``index.html``, a query or a fragment."""
        for candidate in self.url_candidates(url):
            doc = self.by_url.get(candidate)
            if doc is not None:
                return doc
        return None

    def url_candidates(self, url: str) -> list[str]:
        """The site paths ``url`` may stand for, most likely first (as ``find_url`` tries
        them): percent-encoded as Jekyll writes URLs."""
        return _url_candidates(url, self.config.url, self.config.baseurl)


def _url_candidates(url: str, site_url: str, baseurl: str) -> list[str]:
    path = url.strip()
    for prefix in (site_url + baseurl, site_url):
        if prefix and path.startswith(prefix):
            path = path[len(prefix) :]
            break
    else:
        if "://" in path:
            path = "/" + path.split("://", 1)[1].partition("/")[2]
    if baseurl and path.startswith(baseurl + "/"):
        path = path[len(baseurl) :]
    fragment = ""
    if "#" in path:
        path, fragment = path.split("#", 1)
    path = path.split("?", 1)[0]
    if not path.startswith("/"):
        path = "/" + path
    # Stored URLs are percent-encoded as Jekyll writes them; accept either spelling.
    path = escape_path(unquote(path))
    candidates = [path]
    if fragment:
        candidates.insert(0, f"{path}#{fragment}")
    if path.endswith("/index.html"):
        candidates.append(path[: -len("index.html")])
    elif path.endswith("/"):
        candidates += [path + "index.html", path.rstrip("/") + ".html", path.rstrip("/")]
    else:
        candidates += [path + "/", path + ".html"]
    return candidates
