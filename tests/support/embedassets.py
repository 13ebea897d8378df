"""TimelineJS installs for tests: small fake packages, and the real one ``make`` fetches.

A fake tarball has the layout of ``@knight-lab/timelinejs`` (``package/dist/...``) with tiny
files, so the fetcher's checks and the embed routes can be tested without the network.
"""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path
from typing import Final

import pytest

from api.embed.fetch import default_root, install_folder, integrity_of
from api.embed.manifest import manifest_body
from api.embed.pins import MANIFEST, TIMELINEJS, Pin

FONT_CSS: Final = (
    "/* Font Default */\n"
    "@font-face {\n  font-family: 'PT Sans';\n"
    "  src: url(https://fonts.gstatic.com/s/ptsans/v18/x.ttf) format('truetype');\n}\n"
    "@font-face { font-family: 'Local'; src: url(../icons/local.woff) format('woff'); }\n"
    ".tl-headline { font-family: 'PT Sans', sans-serif; }\n"
)
PACKAGE: Final[dict[str, bytes]] = {
    "package/package.json": b'{"name": "@knight-lab/timelinejs"}',
    "package/LICENSE": b"Mozilla Public License Version 2.0\n",
    "package/dist/js/timeline.js": b"window.TL = {Timeline: function () {}};\n",
    "package/dist/js/timeline.js.map": b"{}",
    "package/dist/js/locale/en.json": b'{"lang": "en"}',
    "package/dist/js/locale/fr.json": b'{"lang": "fr"}',
    "package/dist/css/timeline.css": b".tl-timeline { color: #000; }\n",
    "package/dist/css/themes/timeline.theme.dark.css": b".tl-timeline { color: #fff; }\n",
    "package/dist/css/fonts/font.default.css": FONT_CSS.encode(),
    "package/dist/css/icons/tl-icons.woff2": b"wOF2",
    "package/dist/embed/index.html": b"<script>gtag('config', 'G-LVEFKMG087')</script>",
    "package/src/js/index.js": b"export {}",
}


def tarball(files: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, body in (files or PACKAGE).items():
            info = tarfile.TarInfo(name)
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
    return buffer.getvalue()


def pin_for(data: bytes, version: str = "3.0.0-test") -> Pin:
    return Pin("@knight-lab/timelinejs", version, integrity_of(data), "MPL-2.0")


def fake_install(root: Path) -> Path:
    """A folder the server accepts as an install of the pinned version, made of tiny files
    (written with a manifest for the real pin, as if fetched)."""
    folder = install_folder(root, TIMELINEJS)
    files = {
        "LICENSE": b"Mozilla Public License Version 2.0\n",
        "js/timeline.js": b"window.TL = {Timeline: function () {}};\n",
        "js/locale/en.json": b'{"lang": "en"}',
        "css/timeline.css": b".tl-timeline { color: #000; }\n",
        "css/fonts/font.default.css": b".tl-headline { font-family: serif; }\n",
        "css/icons/tl-icons.woff2": b"wOF2",
    }
    for name, body in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(body)
    (folder / MANIFEST).write_bytes(manifest_body(TIMELINEJS, files, {}))
    return root


def require_real_assets(root: Path | None = None) -> Path:
    """The install ``make`` fetched (``content-api assets fetch``). Absent, a test skips with
    the command to run; under ``CI=true`` it fails, since ``make test`` fetches them."""
    folder = install_folder(root or default_root(), TIMELINEJS)
    if (folder / MANIFEST).exists():
        return folder
    message = f"{folder} is absent: run `content-api assets fetch` (make test does)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}, and CI=true requires it")
    pytest.skip(message)
