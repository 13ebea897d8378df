"""``content-api export``: every file holds the live API's bytes for its path."""

from __future__ import annotations

import errno
from pathlib import Path
from urllib.parse import quote

import orjson
import pytest
from fastapi.testclient import TestClient

from api.export import MARKER, REDIRECT_MAP, SEARCH_INDEX, ExportError, export_site
from api.settings import Settings
from tests.http.conftest import build_app
from tests.support import exportsite
from tests.support.sites import page, write_site

PUBLIC = "https://api.example.org"


def url_of(relative: str) -> str:
    """The API path a file of the export answers (the inverse of the export layout)."""
    parts = relative.split("/")
    if "_offset" in parts:
        at = parts.index("_offset")
        return "/" + "/".join(parts[:at]) + f"?offset={parts[at + 1]}"
    if parts[-1] in ("index.json", "index.html"):
        parts = parts[:-1]
    return quote("/" + "/".join(parts))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = exportsite.write(tmp_path_factory.mktemp("site"))
    out = tmp_path_factory.mktemp("export") / "out"
    seen: list[tuple[int, int]] = []
    report = export_site(
        Settings(content_dir=root, public_url=PUBLIC), out, lambda *a: seen.append(a)
    )
    assert report.files == len([p for p in out.rglob("*") if p.is_file()])
    assert report.skipped == []
    assert seen and seen[-1][0] == seen[-1][1]  # progress reached the end
    return root, out


def test_every_file_is_the_live_response(exported: tuple[Path, Path]) -> None:
    root, out = exported
    # The API as a static host serves it: no hosted embeds (they need their CSP header).
    client = TestClient(build_app(root, public_url=PUBLIC, hosted_embeds=False))
    files = sorted(
        (p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()),
        key=lambda name: "diagnostics" in name,  # last: it reports what rendering found
    )
    compared = 0
    for name in files:
        if name in (MARKER, SEARCH_INDEX, REDIRECT_MAP):
            continue
        response = client.get(url_of(name))
        assert response.status_code == 200, name
        assert response.content == (out / name).read_bytes(), name
        compared += 1
    assert compared > 70


def test_layout(exported: tuple[Path, Path]) -> None:
    _, out = exported
    pages = out / "api/v1/pages"
    seed = pages / "about-the-icc/the-us-icc-relationship"
    assert (seed / "index.json").is_file() and (seed / "html/index.html").is_file()
    assert (seed / "timeline/index.json").is_file()
    assert not (seed / "timeline/data").exists()
    assert (pages / "cases/milestones/timeline/data/index.json").is_file()
    assert not (pages / "cases/lubanga/timeline").exists()
    assert (pages / "cases/naïve café/index.json").is_file()
    first = orjson.loads((pages / "index.json").read_bytes())
    total, limit = first["meta"]["total"], first["meta"]["limit"]
    assert (total, limit) == (31, 20)
    assert sorted(p.name for p in (pages / "_offset").iterdir()) == ["0", "20"]
    assert (pages / "_offset/0/index.json").read_bytes() == (pages / "index.json").read_bytes()
    assert (out / "api/v1/timelines/_offset/0/index.json").is_file()
    for name in ("feed.json", "feed.xml", "sitemap.xml", "openapi.json"):
        assert (out / name).is_file()


def test_search_index(exported: tuple[Path, Path]) -> None:
    _, out = exported
    index = orjson.loads((out / SEARCH_INDEX).read_bytes())
    assert index["version"] == 1
    by_id = {d["id"]: d for d in index["documents"]}
    assert len(by_id) == 31
    lubanga = by_id["cases/lubanga"]
    assert lubanga == {
        "id": "cases/lubanga",
        "title": "Lubanga",
        "url": "/cases/case/lubanga/",
        "collection": "cases",
        "headings": ["Trial"],
        "text": lubanga["text"],
    }
    assert "Text." in lubanga["text"]


def test_a_folder_that_is_not_an_export_is_left_alone(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"index.md": page("title: Home")})
    out = tmp_path / "precious"
    out.mkdir()
    (out / "thesis.txt").write_text("do not delete")
    with pytest.raises(ExportError):
        export_site(Settings(content_dir=root), out)
    assert (out / "thesis.txt").read_text() == "do not delete"


def test_an_earlier_export_is_replaced(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"a.md": page("title: A"), "b.md": page("title: B")})
    out = tmp_path / "out"
    export_site(Settings(content_dir=root), out)
    assert (out / "api/v1/pages/b/index.json").exists()
    (root / "b.md").unlink()
    export_site(Settings(content_dir=root), out)
    assert not (out / "api/v1/pages/b").exists()
    assert (out / "api/v1/pages/a/index.json").exists()
    assert not list(tmp_path.glob(".export-*"))  # no staging folder left behind
    assert oct(out.stat().st_mode & 0o777) == "0o755"


def test_a_page_whose_id_is_a_resource_path_wins(tmp_path: Path) -> None:
    timeline = "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?source=0AtZ5yV_Pso2idDZQRXNfUzQxd3JTQzhhMXg5UEpVYmc"
    files = {
        "_c/a.md": page(f"title: A\ntimeline: {timeline}"),
        "_c/a/timeline.md": page("title: A's timeline page"),
    }
    root = write_site(tmp_path / "site", files)
    report = export_site(Settings(content_dir=root), tmp_path / "out")
    written = orjson.loads((tmp_path / "out/api/v1/pages/c/a/timeline/index.json").read_bytes())
    assert written["title"] == "A's timeline page"
    assert report.skipped == [
        "/api/v1/pages/c/a/timeline/index.json: already written by a page whose id is this path"
    ]


def test_redirects_are_exported(exported: tuple[Path, Path]) -> None:
    _, out = exported
    redirects = orjson.loads((out / "api/v1/redirects/index.json").read_bytes())
    assert redirects["/milestones/"] == "https://example.org/cases/case/milestones/"
    lines = (out / REDIRECT_MAP).read_text(encoding="utf-8").splitlines()
    assert '"/milestones/" "/api/v1/pages/cases/milestones";' in lines
    assert '"%2Fmilestones" "/api/v1/pages/cases/milestones";' in lines
    assert '"https%3A%2F%2Fexample.org%2Fvieux+caf%C3%A9%2F" "/api/v1/pages/cases/milestones";' in (
        lines
    )
    assert '"/cases/case/moved" "/api/v1/pages/cases/lubanga";' in lines
    assert '"/cases/case/gone/" "https://elsewhere.example/a%20page";' in lines
    assert not any(line.startswith('"/cases/case/lubanga') for line in lines)  # a page's own
    # A redirect has its page resource, and is in no list and no search index.
    assert (out / "api/v1/pages/cases/moved/index.json").is_file()
    listed = orjson.loads((out / "api/v1/pages/index.json").read_bytes())
    assert listed["meta"]["total"] == 31
    index = orjson.loads((out / SEARCH_INDEX).read_bytes())
    assert "cases/moved" not in {d["id"] for d in index["documents"]}


@pytest.mark.parametrize("fail_at", [1, 5, "marker", "rename"])
def test_a_full_disk_leaves_the_previous_export_whole_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int | str
) -> None:
    """No space left on device at any point (a file early, one later, the marker, the
    final rename): a clear error, the previous export as it was, nothing partial left."""
    root = write_site(tmp_path / "site", {f"p{i}.md": page(f"title: P{i}") for i in range(8)})
    out = tmp_path / "public" / "out"
    export_site(Settings(content_dir=root), out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (root / "p0.md").write_text(page("title: Changed"))
    full = OSError(errno.ENOSPC, "No space left on device")
    writes = {"count": 0}
    real_write, real_rename = Path.write_bytes, Path.rename

    def write_bytes(self: Path, data: bytes) -> int:
        writes["count"] += 1
        if writes["count"] == fail_at or (fail_at == "marker" and self.name == MARKER):
            raise full
        return real_write(self, data)

    def rename(self: Path, target: str | Path) -> Path:
        if fail_at == "rename" and self.name.startswith(".export-"):
            raise full
        return real_rename(self, target)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(ExportError) as failed:
        export_site(Settings(content_dir=root), out)
    monkeypatch.undo()
    assert "No space left on device" in str(failed.value)
    assert "the previous export is left as it was" in str(failed.value)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]


def test_pages_are_written_with_their_backlinks(tmp_path: Path) -> None:
    from tests.site.test_references import SITE as LINKED

    out = tmp_path / "out"
    export_site(Settings(content_dir=write_site(tmp_path / "site", LINKED)), out)
    sudan = orjson.loads((out / "api/v1/pages/countries/sudan/index.json").read_bytes())
    assert [p["id"] for p in sudan["referenced_by"]["cases.country"]] == ["cases/one"]
    case = orjson.loads((out / "api/v1/pages/cases/one/index.json").read_bytes())
    assert [p["id"] for p in case["references"]["accuseds"]] == ["accuseds/omar", "accuseds/ali"]
    listed = orjson.loads((out / "api/v1/pages/index.json").read_bytes())["data"]
    assert all("references" in item for item in listed)
    diagnostics = orjson.loads((out / "api/v1/diagnostics/index.json").read_bytes())["data"]
    assert any(d["code"] == "dangling-reference" for d in diagnostics)
