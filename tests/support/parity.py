"""Parity with Jekyll, as ``../shared/corpora/README.md`` defines it, over a whole site.

A manifest row (what Jekyll made of one document: ``tools/jekyll-manifest``) is compared
with the document the API serves from the same source file: its metadata (``url``, ``slug``,
``title``, ``published`` and every front-matter key Jekyll shows, less the keys Jekyll adds;
date-times compare by instant) and its HTML (the canonical token streams of
``htmlcompare``). Used by the corpus tests, the breadth sites' tests and ``bench.parity``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from api.content.model import Document
from tests.support.htmlcompare import Token, canonical, diff, same_html

#: Keys Jekyll adds to every document's data; they are not front matter.
JEKYLL_ADDED = frozenset({"draft", "categories", "tags", "ext", "slug"})


def same(ours: Any, theirs: Any) -> bool:
    if isinstance(ours, str) and isinstance(theirs, str):
        if ours == theirs:
            return True
        try:  # date-times compare by instant
            return datetime.fromisoformat(ours) == datetime.fromisoformat(theirs)
        except ValueError:
            return False
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(same(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, list) and isinstance(theirs, list):
        return len(ours) == len(theirs) and all(
            same(a, b) for a, b in zip(ours, theirs, strict=True)
        )
    return type(ours) is type(theirs) and ours == theirs


def differences(
    doc: Document | None, row: Mapping[str, Any], ignored: frozenset[str] = frozenset()
) -> list[str]:
    """How the served document's metadata differs from Jekyll's row (empty: they match).

    ``ignored``: data keys left out, such as those a site's own Ruby plugins add."""
    if doc is None:
        return ["not served"]
    found = []
    expected = row["data"]
    for name, ours, theirs in (
        ("url", doc.url, row["url"]),
        ("slug", doc.slug, row["slug"]),
        ("title", doc.title, expected.get("title")),
        ("published", doc.published, expected.get("published", True)),
    ):
        if ours != theirs:
            found.append(f"{name}: {ours!r} != {theirs!r}")
    for key, theirs in expected.items():
        if key in JEKYLL_ADDED or key in ignored:
            continue
        if key == "date" and key not in doc.data and doc.date is not None:
            # A post's date from its file name: the API shows it as the page's `date`.
            if not same(doc.date.isoformat(), theirs):
                found.append(f"date: {doc.date.isoformat()!r} != {theirs!r}")
            continue
        if key not in doc.data or not same(doc.data[key], theirs):
            found.append(f"data.{key}: {doc.data.get(key, '<absent>')!r} != {theirs!r}")
    return found


def has_code(html: str) -> bool:
    """Whether a fragment holds a code block (highlighted or not)."""
    return "<pre" in html


_PRE = re.compile(r"<pre\b.*?</pre>", re.S | re.I)
_SPAN = re.compile(r"</?span\b[^>]*>", re.I)


def without_highlighting(html: str) -> list[Token]:
    """The canonical tokens with the highlighter's ``<span>``s inside ``<pre>`` taken out,
    so that two fragments that differ only by token classes compare the same: what would
    match once highlighting does."""
    return canonical(_PRE.sub(lambda m: _SPAN.sub("", m.group(0)), html))


@dataclass(slots=True)
class Report:
    """Parity of one site: shares, and each mismatch with what differs."""

    documents: int = 0
    served: int = 0
    extra: list[str] = field(default_factory=list)  # served, but Jekyll has no such document
    metadata: dict[str, list[str]] = field(default_factory=dict)  # path -> differences
    html_rows: int = 0
    html: dict[str, str] = field(default_factory=dict)  # path -> diff
    code_rows: set[str] = field(default_factory=set)
    highlighting_only: set[str] = field(default_factory=set)  # differ only by token classes

    @property
    def metadata_share(self) -> float:
        return 1 - len(self.metadata) / self.documents if self.documents else 1.0

    @property
    def html_share(self) -> float:
        return 1 - len(self.html) / self.html_rows if self.html_rows else 1.0

    @property
    def html_without_code(self) -> tuple[int, int]:
        """Matching and compared documents, leaving out those with code blocks."""
        rows = self.html_rows - len(self.code_rows)
        differing = sum(1 for path in self.html if path not in self.code_rows)
        return rows - differing, rows


def compare(
    rows: Iterable[Mapping[str, Any]],
    documents: Iterable[Document],
    html_of: Callable[[Document], str],
    ignored: frozenset[str] = frozenset(),
) -> Report:
    """Compare Jekyll's rows with the served documents (``html_of`` renders one; ``ignored``:
    data keys not compared)."""
    served = {doc.source_path: doc for doc in documents}
    report = Report(served=len(served))
    expected = set()
    for row in rows:
        path = row["relative_path"]
        expected.add(path)
        report.documents += 1
        doc = served.get(path)
        found = differences(doc, row, ignored)
        if found:
            report.metadata[path] = found
        theirs = row.get("html") or ""
        if not theirs.strip():
            continue
        report.html_rows += 1
        if has_code(theirs):
            report.code_rows.add(path)
        ours = html_of(doc) if doc is not None else ""
        if not same_html(theirs, ours):
            report.html[path] = diff(theirs, ours) if doc is not None else "not served"
            if doc is not None and without_highlighting(theirs) == without_highlighting(ours):
                report.highlighting_only.add(path)
    report.extra = sorted(set(served) - expected)
    return report
