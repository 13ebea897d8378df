"""The content model: one immutable record per document, and per collection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """Where a document comes from, as Jekyll tells them apart (``type`` in defaults)."""

    DOCUMENT = "document"  # a collection document: _name/...
    POST = "post"  # _posts/YYYY-MM-DD-title.md
    DRAFT = "draft"  # _drafts/title.md, only with --drafts
    PAGE = "page"  # a top-level page outside _ folders


@dataclass(frozen=True, slots=True)
class Document:
    """A document after front-matter defaults, as Jekyll holds it.

    ``data`` is JSON-safe: YAML dates are ISO 8601 strings, every other value as written.
    The typed fields (``title``, ``order``...) are None when the front matter holds a value
    of the wrong type; the raw value stays in ``data``.
    """

    id: str
    kind: Kind
    collection: str | None
    source_path: str
    inner_path: str  # the path inside the collection folder (the source path for pages)
    url: str
    slug: str | None
    title: str | None
    description: str | None
    published: bool
    order: int | None
    date: datetime | None
    layout: str | None
    featured_image_path: str | None
    data: dict[str, Any]
    body: str
    body_line: int
    content_hash: str
    output: bool
    lang: str | None = None  # the page's language (BCP 47 as the site writes it), if known
    #: A post's categories as Jekyll holds them (its folders', then its front matter's).
    categories: tuple[str, ...] = ()
    front_matter: bool = True  # False for a post, or a plugin's page, with none at all
    #: Top-level front-matter keys whose values are YAML date-times (Liquid writes them as
    #: Ruby writes a ``Time``; ``data`` holds them as ISO 8601 text).
    times: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Collection:
    """A collection as configured in ``_config.yml`` (or inferred from a ``_name/`` folder)."""

    name: str
    label: str
    output: bool
    permalink: str
    sort_by: str | None
    order: tuple[str, ...]
    count: int = 0
