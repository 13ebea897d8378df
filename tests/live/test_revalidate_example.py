"""``examples/revalidate``: on an edit, the example re-fetches the page and asks the
frontend to revalidate its URL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.live.conftest import StartServer
from tests.live.server import poll
from tests.support.receiver import receiver
from tests.support.sites import page, write_site

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("live")]

EXAMPLE = ROOT / "examples" / "revalidate" / "revalidate.py"


def test_an_edit_revalidates_the_page(tmp_path: Path, start_server: StartServer) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "_config.yml": "collections:\n  notes:\n    output: true\n",
            "_notes/a.md": page("title: A"),
            "_notes/b.md": page("title: B"),
        },
    )
    server = start_server(site, "--watch")
    with receiver() as frontend:
        hook = frontend.url + "/api/revalidate?path={url}"
        command = [sys.executable, str(EXAMPLE), "--api", server.url, "--revalidate", hook]
        log = tmp_path / "example.log"
        with log.open("wb") as out:
            example = subprocess.Popen([*command, "--once"], stdout=out, stderr=subprocess.STDOUT)
            try:
                poll(lambda: "following version" in log.read_text(), 30, "the example listening")
                (site / "_notes/b.md").write_text(page("title: B", "Edited.\n"), encoding="utf-8")
                assert example.wait(timeout=30) == 0
            finally:
                if example.poll() is None:
                    example.kill()
        output = log.read_text()
        assert "refreshed notes/b /notes/b.html" in output, output
        assert "notes/a" not in output  # its neighbour's title did not change
        assert [d.path for d in frontend.received()] == ["/api/revalidate?path=%2Fnotes%2Fb.html"]
