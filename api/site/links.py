"""``{% link %}`` and ``{% post_url %}``: from what an author writes to a document's URL.

``{% link path %}`` names a page, a document or a static file by its path from the site's
root (a leading ``/`` is allowed; a document in ``collections_dir`` may leave that folder
out, as Jekyll's own paths do). ``{% post_url name %}`` names a post as Jekyll matches it:
``2020-01-01-hello`` is ``_posts/2020-01-01-hello.*``, and ``en/news/2020-01-01-hello`` is
``en/news/_posts/2020-01-01-hello.*`` or ``_posts/en/news/2020-01-01-hello.*``; when no post
matches that way, the first post with that date and slug (Jekyll's older rule) answers.
"""

from __future__ import annotations

import re
from functools import cmp_to_key

from api.content.jekyll_order import document_cmp
from api.content.model import Document, Kind
from api.content.snapshot import Snapshot

_POST_NAME = re.compile(r"^(.+/)*(\d+-\d+-\d+)-(.*)$")


class Links:
    """The link resolution of one snapshot (built once, read by every render)."""

    def __init__(self, snapshot: Snapshot) -> None:
        folder = snapshot.config.collections_dir
        self._by_path: dict[str, str] = {}
        for doc in snapshot.documents:
            self._by_path.setdefault(doc.source_path, doc.url)
            if folder and doc.kind is not Kind.PAGE and doc.source_path.startswith(folder + "/"):
                self._by_path.setdefault(doc.source_path[len(folder) + 1 :], doc.url)
        for path, url in snapshot.static_files.items():
            self._by_path.setdefault(path, url)
        posts = [d for d in snapshot.documents if d.collection == "posts"]
        posts.sort(key=cmp_to_key(document_cmp))
        self._posts = [(_relative(doc, folder), doc) for doc in posts]

    def link(self, path: str) -> str | None:
        return self._by_path.get(path.strip().lstrip("/"))

    def post_url(self, name: str) -> str | None:
        match = _POST_NAME.match(name.strip().lstrip("/"))
        if match is None:
            return None
        folder, date, slug = match.group(1) or "", match.group(2), match.group(3)
        base = re.escape(date) + "-" + re.escape(slug) + r"\.[^.]+"
        where = re.escape(folder)
        pattern = re.compile(rf"^_posts/{where}{base}|^{where}_posts/?{base}")
        for relative, doc in self._posts:
            if pattern.match(relative):
                return doc.url
        day = tuple(int(part) for part in date.split("-"))
        for _, doc in self._posts:
            when = doc.date
            if doc.slug == slug and when is not None and (when.year, when.month, when.day) == day:
                return doc.url
        return None


def _relative(doc: Document, folder: str) -> str:
    if folder and doc.source_path.startswith(folder + "/"):
        return doc.source_path[len(folder) + 1 :]
    return doc.source_path
