"""The install ``make`` fetched from npm: the pinned package, complete, loading nothing remote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.embed.assets import EmbedAssets, load_assets
from api.embed.offline_css import remote_references
from api.embed.pins import TIMELINEJS
from api.timeline.fonts import V3_FONTS
from api.timeline.languages import V3_LANGS
from tests.support.embedassets import require_real_assets


def test_absent_assets_skip_outside_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="content-api assets fetch"):
        require_real_assets(tmp_path)


def test_absent_assets_fail_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true requires it"):
        require_real_assets(tmp_path)


@pytest.fixture(scope="module")
def folder() -> Path:
    return require_real_assets()


def test_it_is_the_pinned_package(folder: Path) -> None:
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["package"] == TIMELINEJS.name
    assert manifest["version"] == TIMELINEJS.version
    assert manifest["integrity"] == TIMELINEJS.integrity
    assert isinstance(load_assets(None), EmbedAssets)


def test_its_licence_is_served_with_it(folder: Path) -> None:
    licence = (folder / "LICENSE").read_text()
    assert licence.startswith("Mozilla Public License, version 2.0")
    assert "DOMPurify" in (folder / "js/timeline.js.LICENSE.txt").read_text()


def test_every_font_set_and_language_the_api_accepts_is_there(folder: Path) -> None:
    fonts = {p.name.removeprefix("font.").removesuffix(".css") for p in folder.glob("css/fonts/*")}
    assert set(V3_FONTS) <= fonts
    locales = {p.stem for p in folder.glob("js/locale/*.json")}
    assert set(V3_LANGS) - {"en"} <= locales


def test_no_stylesheet_loads_from_another_host(folder: Path) -> None:
    sheets = list(folder.rglob("*.css"))
    assert len(sheets) > 20
    for sheet in sheets:
        assert remote_references(sheet.read_text()) == [], sheet.name
