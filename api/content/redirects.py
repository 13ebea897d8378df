"""Redirects as jekyll-redirect-from makes them, honoured whether or not a site lists it.

- ``redirect_from:`` (text or a list) on a document Jekyll writes (a page, a post, a document
  of a collection with ``output: true``): each old path, with a ``/`` put in front, leads to
  the document's URL.
- ``redirect_to:`` (text or a list, the first given wins): the document's own URL is a
  redirect. Jekyll then writes a redirect stub instead of the page, with ``layout:
  redirect``, ``sitemap: false`` and ``redirect: {from, to}`` in its data and an empty body;
  :func:`as_written` does the same to the document.
- ``redirects.json`` is ``{from: to}`` with ``to`` made absolute (the site's ``url`` and
  ``baseurl`` in front, as Jekyll's ``absolute_url`` filter writes it), in the order the
  plugin visits documents: posts, the other collections in ``_config.yml`` order, then pages
  by file name. A later claim on the same ``from`` replaces an earlier one.

Where an old URL finally leads, through aliases and ``redirect_to`` chains, is in
:mod:`api.content.redirect_paths`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import unquote

from api.content.config import SiteConfig
from api.content.diagnostics import Diagnostic, warning
from api.content.model import Document, Kind
from api.content.permalinks import escape_path
from api.content.urlnorm import absolute_url, is_absolute, normalize

FROM_KEY = "redirect_from"
TO_KEY = "redirect_to"
LAYOUT = "redirect"


def redirect_target(data: Mapping[str, Any]) -> str | None:
    """The ``redirect_to`` that counts: the first non-null item of a list, if it is text."""
    value = data.get(TO_KEY)
    if isinstance(value, list):
        value = next((item for item in value if item is not None), None)
    return value if isinstance(value, str) and value.strip() else None


def redirect_sources(data: Mapping[str, Any]) -> list[str]:
    """The ``redirect_from`` paths as the plugin writes them (a ``/`` put in front)."""
    value = data.get(FROM_KEY)
    items = value if isinstance(value, list) else [value]
    return [_leading_slash(item) for item in items if isinstance(item, str) and item.strip()]


def is_redirect(doc: Document) -> bool:
    """Whether the document's own URL is a redirect (``redirect_to`` on a written document)."""
    return doc.output and TO_KEY in doc.data and redirect_target(doc.data) is not None


def target_url(target: str, config: SiteConfig) -> str:
    """A ``redirect_to`` value as the plugin writes it: ``http(s)://`` kept, else absolute."""
    if target.startswith(("http://", "https://")):
        return target
    return absolute_url(target, _raw(config, "url"), _raw(config, "baseurl"))


def page_target(doc: Document, config: SiteConfig) -> str:
    """Where a ``redirect_from`` alias of ``doc`` leads, as the plugin writes it."""
    return absolute_url(doc.url, _raw(config, "url"), _raw(config, "baseurl"))


def as_written(documents: Iterable[Document], config: SiteConfig) -> list[Document]:
    """The documents, with each ``redirect_to`` document as the plugin leaves it."""
    result = []
    for doc in documents:
        target = redirect_target(doc.data) if doc.output and TO_KEY in doc.data else None
        if target is not None:
            data = dict(doc.data)
            data.update(
                sitemap=False,
                layout=LAYOUT,
                permalink=doc.url,
                redirect={"from": doc.url, "to": target_url(target, config)},
            )
            doc = replace(doc, data=data, layout=LAYOUT, body="")
        result.append(doc)
    return result


@dataclass(frozen=True, slots=True)
class Alias:
    """One ``redirect_from`` path and the document it leads to."""

    path: str  # as in redirects.json
    doc: Document


@dataclass(frozen=True, slots=True)
class RedirectMap:
    """Every redirect of a snapshot: ``json`` as ``redirects.json``, ``aliases`` by the
    normalized paths :meth:`Snapshot.url_candidates` yields, and what was wrong."""

    json: Mapping[str, str]
    aliases: Mapping[str, Alias]
    diagnostics: tuple[Diagnostic, ...]

    def alias(self, candidates: Sequence[str]) -> Alias | None:
        for candidate in candidates:
            found = self.aliases.get(candidate)
            if found is not None:
                return found
        return None


def build_map(documents: Sequence[Document], config: SiteConfig) -> RedirectMap:
    """The redirects of the documents (in the snapshot's default order)."""
    problems: list[Diagnostic] = []
    json: dict[str, str] = {}
    aliases: dict[str, Alias] = {}
    claimed: dict[str, Document] = {}
    redirecting = [d for d in documents if FROM_KEY in d.data or TO_KEY in d.data]
    for doc in _plugin_order(redirecting, config):
        _check_values(doc, problems)
        if not doc.output:
            continue
        for path in redirect_sources(doc.data):
            earlier = claimed.get(path)
            if earlier is not None and earlier.id != doc.id:
                problems.append(_duplicate(doc, earlier, path))
            claimed[path] = doc
            json[path] = page_target(doc, config)
            alias = Alias(path, doc)
            for key in alias_keys(path):
                aliases[key] = alias
        target = redirect_target(doc.data) if TO_KEY in doc.data else None
        if target is not None:
            json[doc.url] = target_url(target, config)
    return RedirectMap(json, aliases, tuple(problems))


def alias_keys(path: str) -> list[str]:
    """The normalized URLs an alias answers to: itself, and the file Jekyll writes for a
    path with no extension (``/old`` is written as ``/old.html``)."""
    key = escape_path(unquote(path.split("#", 1)[0].split("?", 1)[0]))
    keys = [key]
    last = key.rsplit("/", 1)[-1]
    if last and "." not in last:
        keys.append(key + ".html")
    return keys


def _plugin_order(documents: Sequence[Document], config: SiteConfig) -> list[Document]:
    """Documents in the order the plugin visits them: the site's written documents (posts,
    then each collection as ``_config.yml`` lists it), then pages by file name."""
    rank = {"posts": -1} | {c.label: i for i, c in enumerate(config.collections)}
    others = [d for d in documents if d.kind is not Kind.PAGE]
    others.sort(key=lambda d: rank.get(d.collection or "", len(rank)))
    pages = [d for d in documents if d.kind is Kind.PAGE]
    pages.sort(key=lambda d: posixpath.basename(d.source_path))
    return others + pages


def _check_values(doc: Document, problems: list[Diagnostic]) -> None:
    data = doc.data
    present = [key for key in (FROM_KEY, TO_KEY) if data.get(key) is not None]
    if not present:
        return
    if not doc.output:
        message = (
            f"`{present[0]}` has no effect here: the collection `{doc.collection}` is not "
            "written (`output: false`), so there is no page to redirect."
        )
        problems.append(warning(doc.source_path, "redirect-ignored", message))
        return
    for key in present:
        value = data[key]
        items = value if isinstance(value, list) else [value]
        bad = [item for item in items if item is not None and not _usable(item)]
        if bad:
            message = (
                f"`{key}` should be a URL path (text) or a list of them; {bad[0]!r} is "
                "ignored (Jekyll stops with an error on it)."
            )
            problems.append(warning(doc.source_path, "redirect-invalid", message))


def _usable(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _duplicate(doc: Document, earlier: Document, path: str) -> Diagnostic:
    message = (
        f"`redirect_from: {path}` is also claimed by {earlier.source_path}; this page's "
        "claim is the one kept, as jekyll-redirect-from keeps the last."
    )
    return warning(doc.source_path, "redirect-duplicate", message)


def _leading_slash(path: str) -> str:
    return path if path.startswith("/") else "/" + path


def _raw(config: SiteConfig, key: str) -> str:
    value = config.raw.get(key)
    return str(value) if value is not None else ""


def on_site(url: str, config: SiteConfig) -> bool:
    """Whether a redirect target names a page of this site rather than of another host."""
    if not is_absolute(url):
        return url.startswith("/")
    root = normalize(config.url + config.baseurl + "/")
    return bool(config.url) and (url + "/").startswith(root)
