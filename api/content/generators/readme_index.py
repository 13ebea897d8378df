"""jekyll-readme-index: a folder's README is its index page when nothing else is.

A README without front matter was read as a page with the permalink of its folder
(``optional_front_matter.adopt``); here it stays one only when no page and no static file
already answers at that folder (``dir/``, or ``dir/index.html``, ``.htm``, ``.xhtml``,
``.xml``). Otherwise Jekyll copies it as a static file, and so it is no document. With
``readme_index: {with_frontmatter: true}``, a README that has front matter also moves to
its folder's URL, under the same condition.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from api.content import permalinks, plugins
from api.content.config import SiteConfig
from api.content.generators.optional_front_matter import README, readme_index_on
from api.content.model import Document, Kind

_INDEX = re.compile(r"(?:index\.(?:html?|xhtml|xml))?$", re.I)


def readme_index(
    documents: list[Document], static_urls: Mapping[str, str], config: SiteConfig
) -> tuple[list[Document], list[str]]:
    """The documents with each README either made its folder's index or left out, and the
    paths of the READMEs left out (Jekyll copies those as they are)."""
    if not readme_index_on(config):
        return documents, []
    candidates = {id(doc) for doc in documents if _candidate(doc)}
    taken = [d.url for d in documents if d.kind is Kind.PAGE and id(d) not in candidates]
    taken += list(static_urls.values())
    with_front_matter = plugins.plugin_option(config.raw, "readme_index", "with_frontmatter")
    kept: list[Document] = []
    dropped: list[str] = []
    for doc in sorted(documents, key=lambda d: d.source_path):
        if id(doc) in candidates:
            folder = _folder(doc.url)
            if _has_index(folder, taken):
                dropped.append(doc.source_path)
                continue
            taken.append(doc.url)
        elif with_front_matter is True and _moves(doc) and _markdown(doc, config):
            folder = posixpath.dirname(doc.url.rstrip("/")) + "/"  # as Ruby's File.dirname
            if not _has_index(folder, taken):
                data = {**doc.data, "permalink": folder}
                doc = replace(doc, data=data, url=permalinks.sanitize(folder))
        kept.append(doc)
    return kept, dropped


def _candidate(doc: Document) -> bool:
    return _readme(doc) and not doc.front_matter


def _moves(doc: Document) -> bool:
    return _readme(doc) and doc.front_matter


def _readme(doc: Document) -> bool:
    return doc.kind is Kind.PAGE and README.search(doc.source_path) is not None


def _folder(url: str) -> str:
    return url if url.endswith("/") else posixpath.dirname(url) + "/"


def _has_index(folder: str, urls: Iterable[str]) -> bool:
    return any(url.startswith(folder) and _INDEX.fullmatch(url[len(folder) :]) for url in urls)


def _markdown(doc: Document, config: SiteConfig) -> bool:
    return doc.source_path.lower().endswith(config.markdown_ext)
