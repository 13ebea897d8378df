"""Content editors' worst files, read and served: each is either served (BOM, CRLF, huge,
odd bytes) or left out with a diagnostic, and nothing else suffers. test_loader.py covers the
loader-level basics (invalid YAML, no closing fence, binary, alias bombs, duplicates,
symlinks in collections); this covers the rest, and the HTTP answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.content import reading
from api.content.loader import Loader
from api.content.snapshot import Snapshot
from tests.http.conftest import build_app
from tests.support.sites import load, page, write_site

MakeClient = Callable[..., TestClient]
CONFIG = "collections:\n  notes:\n    output: true\n"


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[MakeClient]:
    """Apps over trees written for the test (as tests/http's, which this folder cannot see)."""
    clients: list[TestClient] = []

    def make(files: dict[str, str | bytes]) -> TestClient:
        root = write_site(tmp_path / f"site{len(clients)}", files)
        clients.append(TestClient(build_app(root), raise_server_exceptions=False))
        return clients[-1]

    yield make
    for client in clients:
        client.close()


def diagnostics(client: TestClient, path: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = client.get("/api/v1/diagnostics").json()["data"]
    return [d for d in found if d["source_path"] == path]


def load_within(root: Path, limit: float = 60) -> Snapshot:
    """Load in a thread: a file that blocks a read fails the test instead of hanging it."""
    box: list[Snapshot] = []
    thread = threading.Thread(target=lambda: box.append(Loader(root).load()), daemon=True)
    thread.start()
    thread.join(limit)
    assert box, f"loading {root} did not finish within {limit}s (blocked on a read?)"
    return box[0]


def test_broken_files_at_http_level(make_client: MakeClient) -> None:
    client = make_client(
        {
            "_config.yml": CONFIG,
            "_notes/good.md": page("title: Good"),
            "_notes/yaml.md": "---\ntitle: Fine\nlist: [a, b\n---\nBody\n",
            "_notes/list.md": "---\n- a\n- b\n---\nBody\n",
            "_notes/scalar.md": "---\njust text\n---\nBody\n",
            "_notes/unclosed.md": "---\ntitle: x\n\nBody, but the fence never closes.\n",
            "_notes/png.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            "_notes/empty.md": b"",
        }
    )
    listed = client.get("/api/v1/pages?limit=100").json()["data"]
    assert [item["id"] for item in listed] == ["notes/good"]
    expected = {
        "_notes/yaml.md": ("front-matter-invalid-yaml", 3),
        "_notes/list.md": ("front-matter-not-mapping", 2),
        "_notes/scalar.md": ("front-matter-not-mapping", 2),
        "_notes/unclosed.md": ("front-matter-unclosed", 1),
        "_notes/png.md": ("binary-file", None),
    }
    for path, (code, line) in expected.items():
        (found,) = diagnostics(client, path)
        assert (found["code"], found["line"], found["severity"]) == (code, line, "error"), path
        assert found["message"].endswith("."), found  # a sentence an editor can act on
        assert client.get(f"/api/v1/find?source_path={path}").status_code == 404
    assert diagnostics(client, "_notes/empty.md")[0]["code"] == "no-front-matter"
    assert client.get("/readyz").json()["diagnostics"]["errors"] == len(expected)


def test_a_latin1_page_is_served_with_its_text_intact_and_reported(
    make_client: MakeClient,
) -> None:
    raw = "---\ntitle: Latin-1 été\n---\nCafé.\n\nnaïve ÿ text\n".encode("latin-1")
    client = make_client({"_config.yml": CONFIG, "_notes/latin1.md": raw})
    body = client.get("/api/v1/pages/notes/latin1").json()
    assert body["title"] == "Latin-1 été"
    assert "Café." in body["html"] and "naïve ÿ text" in body["html"]
    assert "\ufffd" not in body["html"]
    (found,) = diagnostics(client, "_notes/latin1.md")
    assert (found["code"], found["line"], found["severity"]) == ("invalid-utf8", 2, "warning")
    assert "Latin-1" in found["message"] and "as UTF-8" in found["message"]


def test_a_file_no_encoding_reads_is_refused_with_an_error(make_client: MakeClient) -> None:
    raw = b"---\ntitle: x\n---\n" + bytes(range(1, 256)) * 2
    client = make_client({"_config.yml": CONFIG, "_notes/noise.md": raw})
    assert client.get("/api/v1/pages/notes/noise").status_code == 404
    (found,) = diagnostics(client, "_notes/noise.md")
    assert (found["code"], found["severity"]) == ("not-text", "error")


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"\xef\xbb\xbf---\ntitle: Marked\n---\nOne\n\nTwo\n", id="bom"),
        pytest.param(b"---\r\ntitle: Marked\r\n---\r\nOne\r\n\r\nTwo\r\n", id="crlf"),
        pytest.param(b"\xef\xbb\xbf---\r\ntitle: Marked\r\n---\r\nOne\r\n\r\nTwo\r\n", id="both"),
        pytest.param(b"---\rtitle: Marked\r---\rOne\r\rTwo\r", id="cr"),
    ],
)
def test_bom_and_crlf_are_served(make_client: MakeClient, raw: bytes) -> None:
    plain = b"---\ntitle: Marked\n---\nOne\n\nTwo\n"
    client = make_client({"_config.yml": CONFIG, "_notes/marked.md": raw, "_notes/plain.md": plain})
    body = client.get("/api/v1/pages/notes/marked").json()
    assert body["title"] == "Marked"
    assert body["html"] == client.get("/api/v1/pages/notes/plain").json()["html"]
    assert body["html"].startswith("<p>One</p>") and "\r" not in body["html"]
    assert client.get("/api/v1/pages/notes/marked/html").text == body["html"]
    assert diagnostics(client, "_notes/marked.md") == []


_BOMB = "\n".join(
    [
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]",
        *(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]"
            for i in range(8)
        ),
    ]
)  # 10⁹ strings once expanded


def test_alias_bombs_are_bounded_without_memory_growth(tmp_path: Path) -> None:
    """Every YAML the loader reads (front matter, config, data, timeline data), in a fresh
    interpreter whose peak memory is compared before and after."""
    root = write_site(
        tmp_path / "site",
        {
            "_config.yml": f"{CONFIG}bomb:\n  {_BOMB.replace(chr(10), chr(10) + '  ')}\n",
            "_notes/bomb.md": page(_BOMB),
            "_notes/ok.md": page("title: OK\ntimeline_data: _data/timeline.yml"),
            "_data/bomb.yml": _BOMB,
            "_data/timeline.yml": _BOMB,
        },
    )
    script = f"""
import json, resource
from pathlib import Path
from api.content import reading
from api.content.loader import Loader
from api.site import Site
from tests.support.sites import write_site, page
small = write_site(Path({str(tmp_path / "small")!r}), {{"_notes/a.md": page("title: A")}})
Site(Loader(small).load()).diagnostics()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
site = Site(Loader(Path({str(root)!r})).load())
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"growth_kb": after - before, "ids": sorted(site.snapshot.by_id),
                  "codes": sorted({{(d.source_path, d.code) for d in site.diagnostics()}})}}))
"""
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["ids"] == ["notes/ok"]
    codes = {tuple(pair) for pair in result["codes"]}
    assert ("_notes/bomb.md", "front-matter-too-large") in codes
    assert any(path.startswith("_data/bomb") for path, _ in codes)
    assert any(path == "_config.yml" for path, _ in codes)
    assert result["growth_kb"] < 50_000, result  # 10⁹ strings would be tens of gigabytes


@pytest.mark.parametrize(
    "yaml",
    [
        pytest.param("x: " + "[" * 5_000 + "]" * 5_000, id="deep-lists"),
        pytest.param("x: " + "{a: " * 3_000 + "1" + "}" * 3_000, id="deep-maps"),
        pytest.param("x: &x\n  y: *x", id="cycle"),
        pytest.param("x: !!python/object/apply:os.system ['true']", id="python-tag"),
    ],
)
def test_hostile_yaml_is_an_error_not_a_crash(make_client: MakeClient, yaml: str) -> None:
    client = make_client({"_config.yml": CONFIG, "_notes/h.md": page(f"title: H\n{yaml}")})
    assert client.get("/api/v1/pages/notes/h").status_code in (200, 404)
    assert client.get("/api/v1/pages?fields=id,data").status_code == 200
    (found,) = diagnostics(client, "_notes/h.md")
    assert found["severity"] == "error"


def test_odd_yaml_values_are_served_as_json(make_client: MakeClient) -> None:
    front = (
        "title: Odd\nbig: 123456789012345678901234567890\norder: 99999999999999999999999\n"
        "nan: .nan\ninf: -.inf\nset: !!set {a}\nbinary: !!binary aGk=\n"
        "when: 2020-01-02 03:04:05\n1: one\n2020-01-01: new year"
    )
    client = make_client({"_config.yml": CONFIG, "_notes/odd.md": page(front)})
    body = client.get("/api/v1/pages/notes/odd").json()
    data = body["data"]
    assert data["big"] == "123456789012345678901234567890"  # beyond 64 bits: kept as text
    assert body["order"] is None and data["order"] == "99999999999999999999999"
    assert (data["nan"], data["inf"]) == ("nan", "-inf")
    assert (data["set"], data["binary"]) == (["a"], "hi")
    assert data["when"] == "2020-01-02T03:04:05+00:00"
    assert (data["1"], data["2020-01-01"]) == ("one", "new year")
    listed = client.get("/api/v1/pages?fields=id,order,data.big").json()["data"]
    assert listed == [{"id": "notes/odd", "order": None, "data": {"big": data["big"]}}]


def test_wrong_types_keep_the_raw_value_with_a_warning(make_client: MakeClient) -> None:
    front = "title: [a, b]\norder: first\ndate: someday\npublished: maybe\nlayout: 3"
    client = make_client({"_config.yml": CONFIG, "_notes/typed.md": page(front)})
    body = client.get("/api/v1/pages/notes/typed").json()
    assert (body["title"], body["order"], body["date"], body["layout"]) == (None,) * 4
    assert body["data"]["title"] == ["a", "b"] and body["data"]["order"] == "first"
    assert body["data"]["date"] == "someday" and body["data"]["layout"] == 3
    found = {(d["code"], d["line"], d["severity"]) for d in diagnostics(client, "_notes/typed.md")}
    assert {("invalid-type", 2, "warning"), ("invalid-type", 3, "warning")} <= found
    assert ("invalid-date", 4, "warning") in found


def test_a_file_of_tens_of_megabytes_is_served(make_client: MakeClient) -> None:
    paragraph = "A paragraph of text that goes on and on without any markup in it. " * 12
    body = "# Huge\n\n" + (paragraph + "\n\n") * 13_000  # about 10 MB
    client = make_client({"_config.yml": CONFIG, "_notes/huge.md": page("title: Huge", body)})
    html = client.get("/api/v1/pages/notes/huge/html")
    assert html.status_code == 200 and len(html.content) > 10_000_000
    detail = client.get("/api/v1/pages/notes/huge")
    assert detail.status_code == 200
    assert detail.json()["word_count"] > 1_500_000
    plain = {"accept-encoding": "identity"}
    head = client.head("/api/v1/pages/notes/huge", headers=plain)
    assert head.headers["content-length"] == str(len(detail.content)) and head.content == b""


NESTING = {
    "quotes": ">" * 10_000 + " deep\n",
    "quote-lines": "".join(">" * i + " x\n" for i in range(1, 400)),
    "lists": "".join("  " * i + "- x\n" for i in range(1_000)),
    "list-markers": "- " * 5_000 + "x\n",
    "ordered": "1. " * 5_000 + "x\n",
    "brackets": "[" * 10_000 + "x" + "]" * 10_000 + "\n",
    "links": "[a](" * 5_000 + "\n",
    "parens": "[a](" + "(" * 5_000 + ")" * 5_000 + ")\n",
    "emphasis": "*" * 5_000 + "x" + "*" * 5_000 + "\n",
    "unclosed-emphasis": "*a _b " * 5_000 + "\n",
    "html": "<div>" * 5_000 + "x" + "</div>" * 5_000 + "\n",
    "inline-html": "<span>" * 5_000 + "x\n",
    "markdown-html": '<div markdown="1">\n' * 1_000 + "x\n",
    "liquid": "{% if true %}" * 1_000 + "x" + "{% endif %}" * 1_000 + "\n",
    "headings": "#" * 5_000 + " x\n",
    "mixed": "> - [*" * 2_000 + "x\n",
}


@pytest.fixture(scope="module")
def nesting_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    files: dict[str, str | bytes] = {"_config.yml": CONFIG}
    files |= {f"_notes/{name}.md": page(f"title: {name}", body) for name, body in NESTING.items()}
    root = write_site(tmp_path_factory.mktemp("nesting"), files)
    return TestClient(build_app(root), raise_server_exceptions=False)


@pytest.mark.parametrize("name", list(NESTING))
def test_pathological_nesting_renders(nesting_client: TestClient, name: str) -> None:
    """No RecursionError, no 500: rendering runs in worker threads with their own stacks."""
    detail = nesting_client.get(f"/api/v1/pages/notes/{name}")
    assert detail.status_code == 200, detail.text[:300]
    html = nesting_client.get(f"/api/v1/pages/notes/{name}/html")
    assert html.status_code == 200 and html.text == detail.json()["html"]
    assert not [
        d for d in diagnostics(nesting_client, f"_notes/{name}.md") if d["code"] == "render-failed"
    ]


def test_duplicate_ids_have_a_deterministic_winner(make_client: MakeClient) -> None:
    files: dict[str, str | bytes] = {
        "_config.yml": CONFIG,
        "_notes/same.md": page("title: From md"),
        "_notes/same.markdown": page("title: From markdown"),
        "_notes/same.html": page("title: From html"),
    }
    winners = {make_client(files).get("/api/v1/pages/notes/same").json()["title"] for _ in "ab"}
    assert winners == {"From html"}  # the first path in sorted order, on every replica
    client = make_client(files)
    losers = [
        d["source_path"]
        for d in client.get("/api/v1/diagnostics").json()["data"]
        if d["code"] == "duplicate-id"
    ]
    assert losers == ["_notes/same.markdown", "_notes/same.md"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_special_files_are_never_read(tmp_path: Path) -> None:
    """A named pipe blocks whoever reads it: as a page, a collection file, the config or
    timeline data, it is skipped and the load finishes."""
    root = write_site(
        tmp_path / "site",
        {"_notes/ok.md": page("title: OK\ntimeline_data: pipe.json"), "index.md": page("t: 1")},
    )
    for name in ("pipe.md", "_notes/pipe.md", "pipe.json"):
        os.mkfifo(root / name)
    assert sorted(load_within(root).by_id) == ["index", "notes/ok"]
    os.mkfifo(root / "_config.yml")
    assert sorted(load_within(root).by_id) == ["index", "notes/ok"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_symlinks_out_of_the_root_are_never_followed(
    tmp_path: Path, make_client: MakeClient
) -> None:
    outside = write_site(
        tmp_path / "outside",
        {
            "secret.md": page("title: Secret", "The secret body.\n"),
            "secret.yml": "secret: from outside\n",
            "_config.yml": "collections:\n  secrets:\n    output: true\n",
        },
    )
    root = write_site(
        tmp_path / "site",
        {
            "_notes/in.md": page("title: In", "{{ site.data.leak.secret }}"),
            "_includes/.keep": "",
            "_data/.keep": "",
            "_notes/timeline.md": page("title: T\ntimeline_data: _notes/leak.csv"),
        },
    )
    links = {
        "leak.md": outside / "secret.md",
        "_notes/leak.md": outside / "secret.md",
        "_notes/leak.csv": outside / "secret.yml",
        "_data/leak.yml": outside / "secret.yml",
        "_includes/leak.html": outside / "secret.md",
        "_config.yml": outside / "_config.yml",
        "_secrets": outside,
    }
    for name, target in links.items():
        (root / name).symlink_to(target)
    snapshot = load(root)
    assert sorted(snapshot.by_id) == ["notes/in", "notes/timeline"]
    assert snapshot.config.collections == () or all(
        c.label != "secrets" for c in snapshot.config.collections
    )
    assert "secret" not in json.dumps(snapshot.data)
    client = TestClient(build_app(root), raise_server_exceptions=False)
    assert "secret" not in client.get("/api/v1/pages/notes/in/html").text
    assert client.get("/api/v1/find?source_path=_notes/leak.md").status_code == 404
    codes = {d.source_path: d.code for d in snapshot.diagnostics}
    for name in ("leak.md", "_notes/leak.md", "_data/leak.yml", "_config.yml"):
        assert codes.get(name) == "symlink-outside-root", name


def test_half_a_save_keeps_the_last_good_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editors truncate a file, then write it: a reload may see it empty, or growing."""
    root = write_site(tmp_path, {"_config.yml": CONFIG, "_notes/a.md": page("title: Good")})
    loader = Loader(root)
    loader.load()
    (root / "_notes/a.md").write_bytes(b"")
    emptied = loader.load(changed=["_notes/a.md"])
    assert emptied.by_id["notes/a"].title == "Good"
    assert [d.code for d in emptied.diagnostics] == ["file-emptied"]

    whole = page("title: Better", "A body long enough to be read in two halves.\n")
    (root / "_notes/a.md").write_text(whole, encoding="utf-8")
    real = reading.read_regular
    # The second half has not been written yet when the file is read.
    monkeypatch.setattr(reading, "read_regular", lambda path: real(path)[: len(whole) // 2 + 8])
    growing = loader.load(changed=["_notes/a.md"])
    assert growing.by_id["notes/a"].title == "Good" and growing.diagnostics == ()
    monkeypatch.setattr(reading, "read_regular", real)
    done = loader.load(changed=["_notes/a.md"])
    assert done.by_id["notes/a"].title == "Better" and done.diagnostics == ()
    (root / "_notes/a.md").unlink()
    assert "notes/a" not in loader.load().by_id


@pytest.mark.parametrize("cut", [b"-", b"--", b"---", b"--\r"])
def test_a_file_cut_at_the_start_of_its_front_matter_keeps_its_last_good_version(
    tmp_path: Path, cut: bytes
) -> None:
    root = write_site(tmp_path, {"_config.yml": CONFIG, "_notes/a.md": page("title: Good")})
    loader = Loader(root)
    assert loader.load().by_id["notes/a"].title == "Good"
    (root / "_notes/a.md").write_bytes(cut)
    cut_short = loader.load(changed=["_notes/a.md"])
    assert cut_short.by_id["notes/a"].title == "Good"
    (root / "_notes/a.md").write_text(page("title: Saved"), encoding="utf-8")
    assert loader.load(changed=["_notes/a.md"]).by_id["notes/a"].title == "Saved"


def test_an_empty_new_file_is_not_a_page(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"_config.yml": CONFIG, "_notes/new.md": b"", "index.md": b""})
    snapshot = load(root)
    assert snapshot.by_id == {}
    assert {(d.source_path, d.code) for d in snapshot.diagnostics} == {
        ("_notes/new.md", "no-front-matter")
    }
