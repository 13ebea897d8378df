"""``deploy/nginx.conf`` serving an export answers as the live API does (real nginx)."""

from __future__ import annotations

import getpass
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx
import pytest

from api.export import export_site
from api.settings import Settings
from tests.support import exportsite
from tests.support.servers import api_server, free_port, stop, wait_for
from tests.support.tools import require_program

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("nginx")]

CONF = Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf"
PUBLIC = "https://api.example.org"


def main_config(prefix: Path, root: Path, port: int) -> str:
    """deploy/nginx.conf inside a minimal nginx.conf whose every path is under ``prefix``."""
    server, listens = re.subn(r"listen \d+;", f"listen 127.0.0.1:{port};", CONF.read_text())
    server, roots = re.subn(r"root /srv/content-api;", f'root "{root}";', server)
    server, maps = re.subn(
        r"include /srv/content-api/([^;\s]+);", lambda m: f'include "{root}/{m[1]}";', server
    )
    assert (listens, roots, maps) == (1, 1, 1), "deploy/nginx.conf: one listen, root, map file"
    # As root, nginx would hand requests to workers running as nobody, who cannot read a
    # private temporary folder: keep them as whoever runs the test.
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"  {kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    return f"""
{user}
daemon off;
worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
  access_log off;
{temp}
  uwsgi_temp_path {prefix / "uwsgi"};
  scgi_temp_path {prefix / "scgi"};
{server}
}}
"""


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(nginx over the export, the live API) over the same site."""
    nginx = require_program("nginx", "nginx")
    root = exportsite.write(tmp_path_factory.mktemp("site"))
    out = tmp_path_factory.mktemp("export") / "out"
    export_site(Settings(content_dir=root, public_url=PUBLIC), out)
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    config = prefix / "nginx.conf"
    config.write_text(main_config(prefix, out, port))
    checked = subprocess.run(
        [nginx, "-t", "-p", str(prefix), "-c", str(config)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([nginx, "-p", str(prefix), "-c", str(config)])
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/api/v1/collections", process)
        # A static export has no hosted embeds: the live API to compare with has none either.
        no_hosted = {"CONTENT_API_HOSTED_EMBEDS": "false"}
        with api_server(root, "--public-url", PUBLIC, env=no_hosted) as live:
            yield base, live
    finally:
        stop(process)


def _paths(live: str) -> list[str]:
    pages = httpx.get(f"{live}/api/v1/pages", params={"limit": 100, "fields": "id"}).json()
    ids = [item["id"] for item in pages["data"]]
    paths = ["/api/v1/pages", "/api/v1/pages?offset=0", "/api/v1/pages?offset=20"]
    paths += ["/api/v1/timelines", "/api/v1/timelines?offset=0", "/api/v1/collections"]
    for doc_id in ids:
        base = f"/api/v1/pages/{doc_id}"
        paths += [base, base + "/html", base + "/timeline", base + "/timeline/data"]
    paths += ["/feed.json", "/feed.xml", "/sitemap.xml", "/openapi.json"]
    paths += ["/api/v1/pages/about-the-icc/nope", "/nothing/here"]
    return [*paths, "/api/v1/diagnostics"]  # last: after every page has been rendered


def test_nginx_answers_as_the_live_api(servers: tuple[str, str]) -> None:
    static, live = servers
    with httpx.Client() as client:
        for path in _paths(live):
            want = client.get(live + path)
            got = client.get(static + path)
            assert got.status_code == want.status_code, path
            assert got.headers["content-type"] == want.headers["content-type"], path
            if want.status_code != 200:
                assert got.json()["status"] == want.status_code, path  # a problem body
            elif "json" in want.headers["content-type"]:
                assert got.json() == want.json(), path
            else:
                assert got.content == want.content, path


def test_nginx_compresses_caches_and_allows_cors(servers: tuple[str, str]) -> None:
    static, _ = servers
    response = httpx.get(static + "/api/v1/pages", headers={"accept-encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["meta"]["total"] == 31
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["cache-control"].startswith("public")
    etag = response.headers["etag"]
    again = httpx.get(
        static + "/api/v1/pages", headers={"accept-encoding": "gzip", "if-none-match": etag}
    )
    assert again.status_code == 304
    html = httpx.get(static + "/api/v1/pages/cases/lubanga/html")
    assert html.headers["content-security-policy"].startswith("sandbox")


FIND = [
    "/milestones/",
    "/milestones",
    "/milestones/index.html",
    "https://example.org/milestones/",
    "/old/milestones.html",
    "/old/milestones/",
    "/vieux café/",
    "/vieux%20caf%C3%A9",
    "/cases/case/moved/",
    "https://example.org/cases/case/moved",
    "/cases/case/gone/",
]


@pytest.mark.parametrize("url", FIND)
def test_find_answers_the_redirects_as_the_live_api(servers: tuple[str, str], url: str) -> None:
    static, live = servers
    # As URL builders send it (encoded), and as people type it (only what must be escaped).
    typed = quote(url, safe="/:%")
    for query in (urlencode({"url": url}), f"url={typed}"):
        want = httpx.get(f"{live}/api/v1/find?{query}")
        got = httpx.get(f"{static}/api/v1/find?{query}")
        assert want.status_code == 301, (url, query)
        assert (got.status_code, got.headers["location"]) == (301, want.headers["location"])
        assert want.headers["location"] != "/api/v1/pages/cases/gone"


def test_the_redirect_map_is_served_as_json(servers: tuple[str, str]) -> None:
    static, live = servers
    got = httpx.get(f"{static}/api/v1/redirects")
    assert got.json() == httpx.get(f"{live}/api/v1/redirects").json()
    assert got.json()["/vieux café/"] == "https://example.org/cases/case/milestones/"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/search?q=rome", 501),
        ("GET", "/api/v1/changes?since=0123456789abcdef0123456789abcdef", 501),
        ("GET", "/api/v1/events", 501),
        ("GET", "/api/v1/find?url=/cases/case/lubanga/", 501),
        ("GET", "/oembed?url=/cases/case/lubanga/", 501),
        ("GET", "/api/v1/pages?limit=5", 501),
        ("GET", "/api/v1/pages/cases/lubanga?expand=country", 501),
        ("GET", "/api/v1/pages?expand=country", 501),
        ("GET", "/api/v1/pages?offset=7", 404),
        ("GET", "/.content-api-export", 404),
        ("GET", "/api/v1/pages/_offset/0/index.json", 404),
        ("POST", "/api/v1/pages", 405),
    ],
)
def test_what_a_static_host_cannot_answer_is_a_problem(
    servers: tuple[str, str], method: str, path: str, status: int
) -> None:
    static, _ = servers
    response = httpx.request(method, static + path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == status
