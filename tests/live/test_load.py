"""The reload test: about ten seconds of concurrent clients against ``serve --watch`` on a
copy of the aba-icc corpus while an editor edits, adds, renames, breaks and deletes files.
0 failed requests (see ``tests.live.load``), and every change served within a second."""

from __future__ import annotations

import itertools
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from tests.live.conftest import StartServer
from tests.live.load import VERSION_KEY, Load, marker
from tests.live.server import VISIBLE_WITHIN, LiveServer, poll

pytestmark = [pytest.mark.live, pytest.mark.corpus, pytest.mark.xdist_group("live")]

DURATION = 10.0  # seconds of load: a bound, not a measurement
CLIENTS = 6


class Editor:
    """Changes the site one way after another, waiting for each to be served."""

    def __init__(self, site: Path, server: LiveServer, pages: dict[str, str]) -> None:
        self.site = site
        self.server = server
        self.pages = pages  # source path -> id, of the corpus pages it edits
        self.originals = {path: (site / path).read_text(encoding="utf-8") for path in pages}
        self.added: list[tuple[str, str]] = []  # (source path, id)
        self.changes = 0
        self.slowest = 0.0
        self.versions = itertools.count(1)

    def get(self, doc_id: str) -> httpx.Response:
        return httpx.get(f"{self.server.url}/api/v1/pages/{doc_id}", timeout=10)

    def served(self, what: str, check: Callable[[], bool]) -> None:
        started = time.monotonic()
        poll(check, VISIBLE_WITHIN, what)
        self.slowest = max(self.slowest, time.monotonic() - started)
        self.changes += 1

    def version_of(self, doc_id: str) -> object:
        response = self.get(doc_id)
        return response.json()["data"].get(VERSION_KEY) if response.status_code == 200 else None

    def edit(self, path: str) -> None:
        version = next(self.versions)
        text = self.originals[path]
        head, rest = text.split("\n", 1)  # "---", then the front matter
        edited = f"{head}\n{VERSION_KEY}: {version}\n{rest.rstrip()}\n\n{marker(version)}\n"
        (self.site / path).write_text(edited, encoding="utf-8")
        doc_id = self.pages[path]
        self.served(f"edit {path}", lambda: self.version_of(doc_id) == version)

    def break_and_mend(self, path: str) -> None:
        doc_id = self.pages[path]
        before = self.version_of(doc_id)
        (self.site / path).write_text("---\ntitle: [half a save\n", encoding="utf-8")

        def reported() -> bool:
            found = httpx.get(f"{self.server.url}/api/v1/diagnostics", timeout=10).json()["data"]
            return any(d["source_path"] == path and d["severity"] == "error" for d in found)

        self.served(f"diagnostic for {path}", reported)
        assert self.version_of(doc_id) == before  # the last good version is still served
        self.edit(path)

    def add(self) -> None:
        n = next(self.versions)
        path, doc_id = f"_cases/load-test-{n}.md", f"cases/load-test-{n}"
        body = f"Added by the load test.\n\n{marker(n)}\n"
        text = f"---\ntitle: Load test {n}\n{VERSION_KEY}: {n}\n---\n{body}"
        (self.site / path).write_text(text, encoding="utf-8")
        self.added.append((path, doc_id))
        self.served(f"add {path}", lambda: self.get(doc_id).status_code == 200)

    def rename(self) -> None:
        path, doc_id = self.added.pop()
        new_path, new_id = path.replace(".md", "-renamed.md"), f"{doc_id}-renamed"
        (self.site / path).rename(self.site / new_path)
        self.added.append((new_path, new_id))
        self.served(
            f"rename {path}",
            lambda: self.get(doc_id).status_code == 404 and self.get(new_id).status_code == 200,
        )

    def delete(self) -> None:
        path, doc_id = self.added.pop(0)
        (self.site / path).unlink()
        self.served(f"delete {path}", lambda: self.get(doc_id).status_code == 404)

    def step(self, n: int) -> None:
        paths = list(self.pages)
        [
            lambda: self.edit(paths[n % len(paths)]),
            self.add,
            lambda: self.edit(paths[(n + 1) % len(paths)]),
            self.rename,
            lambda: self.break_and_mend(paths[n % len(paths)]),
            self.delete,
        ][n % 6]()


def test_reload_under_load(corpus_dir: Path, tmp_path: Path, start_server: StartServer) -> None:
    site = tmp_path / "site"
    shutil.copytree(corpus_dir, site)
    server = start_server(site, "--watch", "--unpublished", "--future")
    listed = httpx.get(
        f"{server.url}/api/v1/pages?limit=100&fields=id,source_path&collection=cases"
    )
    pages = {item["source_path"]: item["id"] for item in listed.json()["data"][:12]}
    assert len(pages) == 12
    editor = Editor(site, server, pages)

    def paths() -> list[str]:
        ids = [*pages.values(), *(doc_id for _, doc_id in editor.added)]
        found = [f"/api/v1/pages/{i}" for i in ids] + [f"/api/v1/pages/{i}/html" for i in ids]
        return [
            *found,
            "/api/v1/pages",
            "/api/v1/pages?collection=cases&limit=100",
            "/api/v1/pages?sort=-title&fields=id,title&include=word_count",
            "/api/v1/timelines",
            "/api/v1/search?q=court",
            "/api/v1/collections",
            "/api/v1/diagnostics",
            "/readyz",
        ]

    started = time.monotonic()
    with Load(server.url, paths, clients=CLIENTS) as load:
        for n in itertools.count():
            if time.monotonic() - started > DURATION:
                break
            editor.step(n)
    elapsed = time.monotonic() - started
    print(
        f"\nreload test: {load.requests} requests served in {elapsed:.1f}s by {CLIENTS} clients "
        f"while {editor.changes} changes were made; {len(load.failures)} failed; slowest "
        f"change served after {editor.slowest:.2f}s; statuses {dict(sorted(load.statuses.items()))}"
    )
    assert not load.failures, load.failures[:10]
    assert load.requests > 1000
    assert editor.changes >= 10
    assert server.process.poll() is None
