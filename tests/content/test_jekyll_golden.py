"""Redirects and languages as real Jekyll with jekyll-redirect-from made them, for the sites
of ``jekyll_sites.py`` (recorded in ``golden/jekyll.json`` by ``golden/make_golden.py``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from api.content.model import Document
from api.content.redirects import is_redirect
from api.site import Site
from tests.content.jekyll_sites import SITES
from tests.support.sites import load, write_site

GOLDEN: dict[str, Any] = json.loads(
    (Path(__file__).parent / "golden" / "jekyll.json").read_text(encoding="utf-8")
)["sites"]
#: What jekyll-redirect-from puts in a redirect_to document's data.
REDIRECT_KEYS = ("redirect_to", "redirect", "layout", "sitemap", "permalink")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Site]:
    built = {}
    for name, files in SITES.items():
        root = write_site(tmp_path_factory.mktemp(name), files)
        built[name] = Site(load(root))
    return built


def test_every_site_is_recorded() -> None:
    assert GOLDEN.keys() == SITES.keys()


@pytest.mark.parametrize("name", list(SITES))
def test_the_redirect_map_is_redirects_json(sites: dict[str, Site], name: str) -> None:
    ours = dict(sites[name].redirects.json)
    theirs = GOLDEN[name]["redirects"]
    assert ours == theirs
    assert list(ours) == list(theirs)  # in the order the plugin wrote it


@pytest.mark.parametrize("name", list(SITES))
def test_documents_are_as_jekyll_writes_them(sites: dict[str, Site], name: str) -> None:
    site = sites[name]
    written = {d.source_path: d for d in site.snapshot.documents if d.output}
    theirs = GOLDEN[name]["documents"]
    assert written.keys() == theirs.keys()
    for path, jekyll in theirs.items():
        doc = written[path]
        assert doc.url == jekyll["url"], path
        assert doc.data.get("lang") == jekyll["data"].get("lang"), path
        assert is_redirect(doc) == ("redirect" in jekyll["data"]), path
        if is_redirect(doc):
            for key in REDIRECT_KEYS:
                assert doc.data[key] == jekyll["data"][key], (path, key)
            assert doc.layout == "redirect"
        assert _empty(site, doc) == jekyll["content_empty"], path


def _empty(site: Site, doc: Document) -> bool:
    return not site.rendered(doc).html.strip()


def test_a_collection_jekyll_does_not_write_redirects_nothing(sites: dict[str, Site]) -> None:
    site = sites["redirects"]
    assert "/old-n/" not in site.redirects.json
    codes = {(d.source_path, d.code) for d in site.diagnostics()}
    assert ("_notes/n.md", "redirect-ignored") in codes
