"""``content-api export``: the whole read API as static files, for a CDN or any static host.

Every resource is requested from the app in this process (``api.http.inprocess``), so each
file holds exactly the bytes the live API sends for the same path. Layout (``deploy/nginx.conf``
serves it under the API's own paths):

* ``<path>/index.json`` for each JSON resource: ``api/v1/pages/<id>/index.json``,
  ``.../timeline/index.json``, ``.../timeline/data/index.json``, ``api/v1/collections/``,
  ``api/v1/diagnostics/``; ``api/v1/pages/<id>/html/index.html`` for the HTML fragment.
* Lists at the API's default page size: the first at ``api/v1/pages/index.json``, every
  offset (0, 20, 40...) at ``api/v1/pages/_offset/<n>/index.json``, which nginx maps
  ``?offset=<n>`` to. Page ids never start with ``_`` (Jekyll ignores such files), so
  ``_offset`` cannot meet an id. The same for ``api/v1/timelines``.
* ``feed.json``, ``feed.xml``, ``sitemap.xml`` (when the site has a ``url``), ``openapi.json``.
* ``api/v1/search-index.json``: for client-side search, since a static host cannot run
  ``/api/v1/search`` (format in ``search_index``).
* ``api/v1/redirects/index.json`` (the redirects, as ``redirects.json``), and
  ``.content-api-redirects.map``: the same as an nginx ``map`` from ``find``'s ``url``
  parameter to the ``Location`` of its 301 (see :mod:`api.publish.redirect_map`).
* ``.content-api-export``: marks the folder as an export, so a later export may replace it.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import orjson
from starlette.types import ASGIApp

from api import __version__
from api.http.app import create_app
from api.http.inprocess import Answer, get
from api.http.runtime import Served
from api.publish.redirect_map import nginx_map
from api.settings import Settings

MARKER = ".content-api-export"
REDIRECT_MAP = ".content-api-redirects.map"
OFFSETS_DIR = "_offset"
SEARCH_INDEX = "api/v1/search-index.json"
SEARCH_INDEX_VERSION = 1
LISTS = ("/api/v1/pages", "/api/v1/timelines")
#: Files at the site root, written when the app answers them (feeds need the site ``url``).
ROOT_FILES = ("/feed.json", "/feed.xml", "/sitemap.xml", "/openapi.json")


class ExportError(Exception):
    """The export cannot be made: the output folder is not ours to replace, or writing
    failed (then no partial export is left behind)."""


@dataclass
class Report:
    out: Path
    files: int = 0
    bytes: int = 0
    skipped: list[str] = field(default_factory=list)  # resources left out, and why


@dataclass(frozen=True, slots=True)
class Job:
    """One GET: ``path`` (decoded) and ``query``, written to ``file`` on a 200."""

    path: str
    file: str
    query: str = ""
    optional: bool = False  # a 404 is expected (a page without a timeline, a site without url)


Progress = Callable[[int, int], None]  # (jobs done, jobs in all), after each job


def export_site(settings: Settings, out: Path, progress: Progress | None = None) -> Report:
    """Write the API of ``settings.content_dir`` into ``out``, replacing a previous export."""
    _check_target(out)
    # A static host cannot serve /embed/timelines (nor send its CSP): link no hosted embeds.
    app = create_app(settings.model_copy(update={"hosted_embeds": False}), start=False)
    served: Served = app.state.runtime.load()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    try:
        report = asyncio.run(_write_all(app, served, staging, progress))
        _write(staging, SEARCH_INDEX, orjson.dumps(search_index(served)), report)
        redirect_map, left_out = nginx_map(served.site)
        _write(staging, REDIRECT_MAP, redirect_map.encode("utf-8"), report)
        report.skipped += [f"find?url={old} on a static host" for old in left_out]
        # Last: only a folder holding every file is marked as an export.
        manifest = {"generator": f"content-api {__version__}", "version": served.site.version}
        _write(staging, MARKER, orjson.dumps(manifest), report)
        _replace(out, staging)
    except OSError as exc:
        # The disk filled up, a quota, a file too large: nothing half-written is left.
        where = f" ({exc.filename})" if exc.filename else ""
        kept = "the previous export is left as it was" if out.exists() else "nothing was written"
        raise ExportError(
            f"writing the export failed: {exc.strerror or exc}{where}; {kept}."
        ) from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    report.out = out
    return report


def _replace(out: Path, staging: Path) -> None:
    """Put the finished export at ``out``: two renames, so ``out`` is always either the
    previous export or the new one, whole; the previous one is removed after."""
    if not out.exists():
        staging.rename(out)
        return
    previous = out.with_name(f".{out.name}.previous-{os.getpid()}")
    out.rename(previous)
    try:
        staging.rename(out)
    except OSError:
        previous.rename(out)
        raise
    shutil.rmtree(previous, ignore_errors=True)


def search_index(served: Served) -> dict[str, Any]:
    """The client-side search index: one record per page, in the site's default order.

    ``{"version": 1, "documents": [{"id", "title", "url", "collection", "headings": [str],
    "text": str}]}``; ``text`` is the page's visible text (as ``plaintext`` in the API).
    """
    site = served.site
    documents = []
    for doc in site.listed:
        page = site.rendered(doc)
        documents.append(
            {
                "id": doc.id,
                "title": doc.title,
                "url": doc.url,
                "collection": doc.collection,
                "headings": [entry.text for entry in page.toc],
                "text": page.plaintext,
            }
        )
    return {"version": SEARCH_INDEX_VERSION, "documents": documents}


def _check_target(out: Path) -> None:
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise ExportError(
            f"{out} exists and is not an earlier export; choose an empty or new folder."
        )


async def _write_all(app: ASGIApp, served: Served, root: Path, progress: Progress | None) -> Report:
    report = Report(root)
    lists = [await _list_jobs(app, path) for path in LISTS]
    jobs = [*(job for found in lists for job in found), *_page_jobs(served)]
    jobs += [Job(path, path.lstrip("/"), optional=True) for path in ROOT_FILES]
    # Last: the diagnostics then include what rendering every page found.
    jobs.append(Job("/api/v1/collections", "api/v1/collections/index.json"))
    jobs.append(Job("/api/v1/redirects", "api/v1/redirects/index.json"))
    jobs.append(Job("/api/v1/diagnostics", "api/v1/diagnostics/index.json"))
    for done, job in enumerate(jobs, 1):
        answer = await get(app, job.path, job.query)
        if answer.status == 200:
            _write(root, job.file, answer.body, report)
        elif not (job.optional and answer.status == 404):
            report.skipped.append(f"{job.path}: {answer.status} {_detail(answer)}")
        if progress is not None:
            progress(done, len(jobs))
    return report


async def _list_jobs(app: ASGIApp, path: str) -> list[Job]:
    """Every page of results of a list at its default size, found from its first page."""
    first = await get(app, path)
    meta = orjson.loads(first.body)["meta"] if first.status == 200 else {"total": 0, "limit": 1}
    base = path.lstrip("/")
    jobs = [Job(path, f"{base}/index.json")]
    for offset in range(0, max(meta["total"], 1), meta["limit"]):
        jobs.append(Job(path, f"{base}/{OFFSETS_DIR}/{offset}/index.json", f"offset={offset}"))
    return jobs


def _page_jobs(served: Served) -> Iterator[Job]:
    """Each page, then its HTML and timeline. Whole-path ids come first, as in the API: a
    page ``a/timeline`` owns ``pages/a/timeline/index.json`` over page ``a``'s timeline."""
    site = served.site
    ids = [doc.id for doc in site.snapshot.documents if _safe(doc.id)]
    for doc_id in ids:
        yield Job(f"/api/v1/pages/{doc_id}", f"api/v1/pages/{doc_id}/index.json")
    for doc_id in ids:
        base = f"api/v1/pages/{doc_id}"
        yield Job(f"/{base}/html", f"{base}/html/index.html")
        if doc_id in site.timelines.embeds:
            yield Job(f"/{base}/timeline", f"{base}/timeline/index.json")
        if doc_id in site.timelines.data:
            yield Job(f"/{base}/timeline/data", f"{base}/timeline/data/index.json")


def _safe(doc_id: str) -> bool:
    """Whether an id can be a folder path under the output (ids come from file names)."""
    parts = PurePosixPath(doc_id).parts
    return bool(parts) and not doc_id.startswith("/") and all(p not in (".", "..") for p in parts)


def _write(root: Path, name: str, body: bytes, report: Report) -> None:
    path = root / name
    if path.exists():
        report.skipped.append(f"/{name}: already written by a page whose id is this path")
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    except OSError as exc:  # name the file: a write error itself does not
        raise OSError(exc.errno, exc.strerror, name) from exc
    report.files += 1
    report.bytes += len(body)


def _detail(answer: Answer) -> str:
    try:
        return str(orjson.loads(answer.body).get("detail", ""))
    except (orjson.JSONDecodeError, AttributeError):
        return ""
