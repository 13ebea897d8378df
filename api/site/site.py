"""The ``Site``: one snapshot, rendered lazily, with its timelines and neighbours."""

from __future__ import annotations

import hashlib
import posixpath
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from api.content import redirect_paths
from api.content.diagnostics import Diagnostic, Severity
from api.content.languages import LanguageFolders
from api.content.model import Document
from api.content.redirects import RedirectMap, build_map, is_redirect
from api.content.reference_config import read_declarations
from api.content.snapshot import Snapshot
from api.content.translations import Translations
from api.query import QueryIndex, SearchIndex
from api.query.search import SearchImage
from api.render.context import PageContext, SiteContext
from api.render.result import RenderedPage
from api.site import indexes
from api.site.links import Links
from api.site.liquid_vars import documents_by_label, page_vars, site_vars
from api.site.references import KeptReferences, References
from api.site.timelines import Timelines, build_timelines

if TYPE_CHECKING:
    from api.render import Renderer


@dataclass(frozen=True, slots=True)
class SiteOptions:
    """Server settings that change what is served (and so are part of the version)."""

    public_url: str | None = None
    sanitize: bool = False
    hosted_embeds: bool = False  # /embed/timelines is served (its assets are installed)


class SiteCache(Protocol):
    """Where renders and the search index outlive the process (``api.persist``): what it
    gives back is what this site would compute, or nothing."""

    def rendered(self, site: Site, doc: Document) -> RenderedPage | None: ...

    def keep_rendered(self, site: Site, doc: Document, page: RenderedPage) -> None: ...

    def search_image(self, site: Site) -> SearchImage | None: ...

    def keep_search_image(self, site: Site, image: SearchImage) -> None: ...


@dataclass(frozen=True, slots=True)
class PageView:
    """A document with what the page detail shows beside its front matter."""

    document: Document
    rendered: RenderedPage
    previous: Document | None
    next: Document | None


@dataclass(slots=True)
class _Memo:
    rendered: dict[str, RenderedPage] = field(default_factory=dict)
    sanitized: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    translations: list[Translations] = field(default_factory=list)


class Site:
    """Everything the API serves for one snapshot. Built off the request path; thread-safe."""

    def __init__(
        self,
        snapshot: Snapshot,
        options: SiteOptions | None = None,
        *,
        cache: SiteCache | None = None,
        previous: Site | None = None,
        references: KeptReferences | None = None,
    ) -> None:
        """``cache``: the cache directory's renders and search index, when there is one.
        ``previous``: the site this one replaces (the same content root and options, one
        reload earlier), whose work is reused where the content did not change.
        ``references``: the references index an earlier process built for this snapshot."""
        self.snapshot = snapshot
        self.options = options or SiteOptions()
        self.cache = cache
        self.timelines: Timelines = build_timelines(
            snapshot, self.options.public_url, self.options.hosted_embeds
        )
        self.references: References = References.build(
            snapshot,
            read_declarations(snapshot.root, snapshot.config),
            previous.references if previous is not None else None,
            references,
        )
        self._memo = _Memo()
        self._rendering = threading.local()  # ids of the documents rendering on a thread
        #: The documents lists, search, feeds and the sitemap show: all but redirects.
        self.listed = tuple(d for d in snapshot.documents if not is_redirect(d))
        self.redirects: RedirectMap = build_map(snapshot.documents, snapshot.config)
        self._redirect_problems = (
            *self.redirects.diagnostics,
            *redirect_paths.diagnose(snapshot, self.redirects),
        )
        read = [
            *snapshot.diagnostics,
            *self.timelines.diagnostics,
            *self._redirect_problems,
            *self.references.diagnostics,
        ]
        errors = sum(1 for d in read if d.severity is Severity.ERROR)
        self._load_counts = (errors, len(read) - errors)
        self._neighbours = _neighbours(self.listed)
        self._timeline_json = {
            doc_id: embed.model_dump(mode="json") for doc_id, embed in self.timelines.embeds.items()
        }
        digest = hashlib.blake2b(digest_size=16)
        digest.update(snapshot.content_version.encode())
        digest.update(self.timelines.version.encode())
        digest.update(self.references.digest.encode())
        digest.update(repr(self.options).encode())
        self.version = digest.hexdigest()

    # -- documents -------------------------------------------------------------------
    def get(self, doc_id: str) -> Document | None:
        return self.snapshot.by_id.get(doc_id)

    def neighbours(self, doc: Document) -> tuple[Document | None, Document | None]:
        return self._neighbours.get(doc.id, (None, None))

    def view(self, doc: Document) -> PageView:
        previous, following = self.neighbours(doc)
        return PageView(doc, self.rendered(doc), previous, following)

    def resolve_url(self, url: str) -> redirect_paths.Destination | None:
        """Where a site URL leads: its page, or the end of its redirects."""
        return redirect_paths.resolve(self.snapshot, self.redirects, url)

    @property
    def translations_ready(self) -> bool:
        return bool(self._memo.translations)

    @property
    def translations(self) -> Translations:
        """The translation groups of the listed documents, built on first use."""
        memo = self._memo
        if not memo.translations:
            folders = LanguageFolders(self.snapshot.documents, self.snapshot.config)
            built = Translations(self.listed, folders)
            with memo.lock:
                if not memo.translations:
                    memo.translations.append(built)
        return memo.translations[0]

    @cached_property
    def query_index(self) -> QueryIndex:
        """Filters and sorts, indexed lazily per field."""
        return indexes.query_index(
            self.listed,
            frozenset(self.timelines.embeds),
            self.rendered,
            lambda: self.translations.groups,
            references=self.references,
        )

    def build_search_index(self) -> SearchIndex:
        cache = self.cache
        image = None if cache is None else cache.search_image(self)
        if image is not None:
            return SearchIndex.from_image(image)
        index = indexes.search_index(self.listed)
        if cache is not None:
            cache.keep_search_image(self, index.image())
        return index

    def timeline_json(self, doc_id: str) -> dict[str, Any] | None:
        return self._timeline_json.get(doc_id)

    # -- rendering -------------------------------------------------------------------
    @cached_property
    def renderer(self) -> Renderer:
        # Imported on first use: the renderer's modules are a large part of start-up time,
        # and readiness does not need them.
        from api.render import Renderer

        snapshot = self.snapshot
        links = Links(snapshot)
        context = SiteContext(
            config=site_vars(snapshot),
            data=snapshot.data,
            kramdown=snapshot.config.kramdown,
            includes_dir=_includes_dir(snapshot),
            documents=_once(lambda: documents_by_label(snapshot, self._read_rendered)),
            resolve_link=links.link,
            resolve_post_url=links.post_url,
            labels=frozenset(c.name for c in snapshot.collections),
            relative_includes=snapshot.relative_includes,
            plugins=snapshot.config.plugins,
        )
        return Renderer(context)

    def rendered(self, doc: Document) -> RenderedPage:
        """The page's HTML and derived fields; rendered on first use, then remembered."""
        memo = self._memo
        cached = memo.rendered.get(doc.id)
        if cached is not None:
            return cached
        cache = self.cache
        result = None if cache is None else cache.rendered(self, doc)
        if result is None:
            page = PageContext(
                source_path=doc.source_path,
                body=doc.body,
                page=page_vars(doc),
                body_line=doc.body_line,
                render_liquid=True,
                markdown=posixpath.splitext(doc.source_path)[1].lower()
                in self.snapshot.config.markdown_ext,
            )
            active = self._rendering.__dict__.setdefault("ids", set())
            active.add(doc.id)
            try:
                result = self.renderer.render(page)
            finally:
                active.discard(doc.id)
            if cache is not None:
                cache.keep_rendered(self, doc, result)
        with memo.lock:
            return memo.rendered.setdefault(doc.id, result)

    def _read_rendered(self, doc: Document, key: str) -> str:
        """``content`` or ``excerpt`` of ``doc`` as a template reads it: its HTML, as Jekyll
        holds a document it has rendered; the text as written while ``doc`` itself is being
        rendered on this thread (a page that reads its own content, or a cycle of pages)."""
        if doc.id in self._rendering.__dict__.get("ids", ()):
            return doc.body if key == "content" else ""
        rendered = self.rendered(doc)
        return rendered.html if key == "content" else rendered.excerpt or ""

    def html(self, doc: Document, sanitize: bool = False) -> str:
        html = self.rendered(doc).html
        if not (sanitize or self.options.sanitize):
            return html
        memo = self._memo
        cached = memo.sanitized.get(doc.id)
        if cached is None:
            from api.render import sanitize_html

            cached = sanitize_html(html)
            with memo.lock:
                memo.sanitized[doc.id] = cached
        return cached

    def render_diagnostics(self) -> list[Diagnostic]:
        """Problems found by the renderer in the pages rendered so far."""
        with self._memo.lock:
            rendered = list(self._memo.rendered.values())
        return [d for page in rendered for d in page.diagnostics]

    def diagnostics(self) -> list[Diagnostic]:
        """Every problem known: reading, timelines, and rendering of the pages rendered so far."""
        found = [*self.snapshot.diagnostics, *self.timelines.diagnostics]
        found += [*self._redirect_problems, *self.references.diagnostics]
        found += self.render_diagnostics()
        return sorted(set(found), key=lambda d: (d.source_path, d.line or 0, d.code, d.message))

    def load_counts(self) -> tuple[int, int]:
        """Errors and warnings met reading the content, its timelines and its references
        (not rendering)."""
        return self._load_counts


def _neighbours(
    documents: tuple[Document, ...],
) -> Mapping[str, tuple[Document | None, Document | None]]:
    """Previous and next document within each collection, in the default order."""
    groups: dict[str | None, list[Document]] = {}
    for doc in documents:
        groups.setdefault(doc.collection, []).append(doc)
    result: dict[str, tuple[Document | None, Document | None]] = {}
    for docs in groups.values():
        for i, doc in enumerate(docs):
            previous = docs[i - 1] if i > 0 else None
            following = docs[i + 1] if i + 1 < len(docs) else None
            result[doc.id] = (previous, following)
    return result


def _includes_dir(snapshot: Snapshot) -> Any:
    folder = (snapshot.root / snapshot.config.includes_dir).resolve()
    root = snapshot.root.resolve()
    if folder.is_dir() and (folder == root or root in folder.parents):
        return folder
    return None


def _once(factory: Callable[[], Any]) -> Callable[[], Any]:
    lock = threading.Lock()
    box: list[Any] = []

    def get() -> Any:
        with lock:
            if not box:
                box.append(factory())
            return box[0]

    return get
