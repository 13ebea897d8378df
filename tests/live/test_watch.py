"""``serve --watch`` on a real uvicorn, kept busy by clients: every kind of change is served
within a second, and no request fails or sees half of a change."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.live.conftest import StartServer
from tests.live.load import VERSION_KEY, Load, marker
from tests.live.server import VISIBLE_WITHIN, LiveServer, poll
from tests.support.sites import page, write_site

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("live")]

CONFIG = "collections:\n  notes:\n    output: true\n    permalink: /:collection/:path/\n"


def versioned(name: str, version: int) -> str:
    """A page whose front matter and body both say which version of the file they are."""
    return page(
        f"title: {name} v{version}\n{VERSION_KEY}: {version}",
        f"Text of {name}.\n\n{marker(version)}\n",
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    files: dict[str, str | bytes] = {"_config.yml": CONFIG}
    for name in ("alpha", "beta", "gamma"):
        files[f"_notes/{name}.md"] = versioned(name, 1)
    for name in ("one", "two", "three"):
        files[f"_notes/folder/{name}.md"] = versioned(name, 1)
    return write_site(tmp_path / "site", files)


@pytest.fixture
def busy(site: Path, start_server: StartServer) -> Iterator[tuple[LiveServer, Load]]:
    """A watching server, with four clients reading every page while the test edits."""
    server = start_server(site, "--watch")

    def paths() -> list[str]:
        ids = [
            p.relative_to(site).with_suffix("").as_posix().removeprefix("_")
            for p in site.rglob("*.md")
        ]
        pages = [f"/api/v1/pages/{i}" for i in ids]
        return [*pages, *(f"{p}/html" for p in pages), "/api/v1/pages?limit=100", "/readyz"]

    with Load(server.url, paths) as load:
        yield server, load
    assert load.requests > 0
    assert not load.failures, load.failures[:5]


def get(server: LiveServer, doc_id: str) -> dict[str, Any] | None:
    response = httpx.get(f"{server.url}/api/v1/pages/{doc_id}", timeout=10)
    if response.status_code == 404:
        return None
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


def title(server: LiveServer, doc_id: str) -> str | None:
    found = get(server, doc_id)
    return None if found is None else str(found["title"])


def served_within(server: LiveServer, expected: dict[str, str | None]) -> None:
    """Poll until every id has the expected title (None: gone), for at most a second."""
    poll(
        lambda: all(title(server, i) == t for i, t in expected.items()),
        VISIBLE_WITHIN,
        f"serving {expected}",
    )


def test_an_edit_is_served(site: Path, busy: tuple[LiveServer, Load]) -> None:
    server, _ = busy
    for version in range(2, 6):
        (site / "_notes/alpha.md").write_text(versioned("alpha", version), encoding="utf-8")
        served_within(server, {"notes/alpha": f"alpha v{version}"})


def test_an_atomic_save_is_served(site: Path, busy: tuple[LiveServer, Load]) -> None:
    server, _ = busy
    temporary = site / "_notes/.beta.md.tmp"  # as editors save: write aside, rename over
    temporary.write_text(versioned("beta", 2), encoding="utf-8")
    os.replace(temporary, site / "_notes/beta.md")
    served_within(server, {"notes/beta": "beta v2"})


def test_an_addition_is_served(site: Path, busy: tuple[LiveServer, Load]) -> None:
    server, _ = busy
    write_site(site, {"_notes/new/delta.md": versioned("delta", 1)})
    served_within(server, {"notes/new/delta": "delta v1"})


def test_a_deleted_file_disappears(site: Path, busy: tuple[LiveServer, Load]) -> None:
    server, _ = busy
    (site / "_notes/gamma.md").unlink()
    served_within(server, {"notes/gamma": None, "notes/alpha": "alpha v1"})
    listed = httpx.get(f"{server.url}/api/v1/pages?limit=100").json()["data"]
    assert "notes/gamma" not in {item["id"] for item in listed}


def test_a_rename_is_served(site: Path, busy: tuple[LiveServer, Load]) -> None:
    server, _ = busy
    (site / "_notes/beta.md").rename(site / "_notes/bravo.md")
    served_within(server, {"notes/beta": None, "notes/bravo": "beta v1"})


def test_a_moved_folder_is_served(site: Path, busy: tuple[LiveServer, Load]) -> None:
    server, _ = busy
    (site / "_notes/folder").rename(site / "_notes/moved")
    expected: dict[str, str | None] = {}
    for name in ("one", "two", "three"):
        expected[f"notes/folder/{name}"] = None
        expected[f"notes/moved/{name}"] = f"{name} v1"
    served_within(server, expected)
    # And back in from outside the root, as `mv ~/drafts/folder site/_notes/` does.
    shutil.move(site / "_notes/moved", site.parent / "outside")
    served_within(server, {"notes/moved/one": None})
    shutil.move(site.parent / "outside", site / "_notes/back")
    served_within(server, {f"notes/back/{n}": f"{n} v1" for n in ("one", "two", "three")})


def diagnostics_of(server: LiveServer, path: str) -> list[dict[str, Any]]:
    data = httpx.get(f"{server.url}/api/v1/diagnostics").json()["data"]
    return [d for d in data if d["source_path"] == path]


def test_a_broken_edit_keeps_the_last_good_version(
    site: Path, busy: tuple[LiveServer, Load]
) -> None:
    server, _ = busy
    path = site / "_notes/alpha.md"
    # Half a save: the front matter's list is still open.
    path.write_text("---\ntitle: [alpha v2\nload_version: 2\n", encoding="utf-8")

    def reported() -> list[dict[str, Any]]:
        return [d for d in diagnostics_of(server, "_notes/alpha.md") if d["severity"] == "error"]

    (problem,) = poll(reported, VISIBLE_WITHIN, "a diagnostic for the broken file")
    assert problem["code"] in {"front-matter-unclosed", "front-matter-invalid-yaml"}
    assert "last good version" in problem["message"]
    assert title(server, "notes/alpha") == "alpha v1"
    ready = httpx.get(f"{server.url}/readyz").json()
    assert ready["diagnostics"]["errors"] >= 1

    path.write_text(versioned("alpha", 3), encoding="utf-8")  # the save completes
    served_within(server, {"notes/alpha": "alpha v3"})
    assert not diagnostics_of(server, "_notes/alpha.md")


def test_threads_do_not_accumulate(site: Path, start_server: StartServer) -> None:
    # No load here: busy clients grow anyio's thread pool, which would hide a leak.
    server = start_server(site, "--watch")
    (site / "_notes/alpha.md").write_text(versioned("alpha", 2), encoding="utf-8")
    served_within(server, {"notes/alpha": "alpha v2"})
    before = server.threads()
    for version in range(3, 23):
        (site / "_notes/alpha.md").write_text(versioned("alpha", version), encoding="utf-8")
        served_within(server, {"notes/alpha": f"alpha v{version}"})
    # 20 reloads later: the same threads (uvicorn's, anyio's pool, the watcher, the warmer).
    # The last reload's worker may still be on its way out on a busy machine; a leak stays.
    settled = time.monotonic() + 5
    while server.threads() > before + 1 and time.monotonic() < settled:
        time.sleep(0.1)
    assert server.threads() <= before + 1


def test_a_replaced_content_folder_is_served(tmp_path: Path, start_server: StartServer) -> None:
    """Deploys swap a symlink to a new release: the watcher follows the link, not the inode."""
    releases = tmp_path / "releases"
    write_site(releases / "1", {"_config.yml": CONFIG, "_notes/alpha.md": versioned("alpha", 1)})
    write_site(releases / "2", {"_config.yml": CONFIG, "_notes/alpha.md": versioned("alpha", 2)})
    current = tmp_path / "current"
    current.symlink_to(releases / "1", target_is_directory=True)
    server = start_server(current, "--watch")
    assert title(server, "notes/alpha") == "alpha v1"
    swap = tmp_path / "current.new"
    swap.symlink_to(releases / "2", target_is_directory=True)
    os.replace(swap, current)
    # The root is checked every half second, then the new release is read in full.
    poll(lambda: title(server, "notes/alpha") == "alpha v2", 2.0, "the new release")
    (releases / "2/_notes/alpha.md").write_text(versioned("alpha", 3), encoding="utf-8")
    served_within(server, {"notes/alpha": "alpha v3"})


def test_a_missing_content_folder_keeps_the_last_content(
    site: Path, start_server: StartServer
) -> None:
    server = start_server(site, "--watch")
    aside = site.parent / "aside"
    site.rename(aside)
    # Nothing to read: the last content stays, rather than an empty site.
    poll(lambda: "is missing" in server.log, 2.0, "the watcher noticing")
    assert title(server, "notes/alpha") == "alpha v1"
    aside.rename(site)
    (site / "_notes/alpha.md").write_text(versioned("alpha", 2), encoding="utf-8")
    poll(lambda: title(server, "notes/alpha") == "alpha v2", 6.0, "the folder, back")
