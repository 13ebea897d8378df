"""The files hosted embeds are served with, read into memory once when the server starts.

Two kinds: the installed TimelineJS package (checked against its manifest and pin, see
``manifest``), served under ``timelinejs/<version>/``, and this package's own starter script
and stylesheet, served under names that carry their content hash. Both kinds of URL change
whenever their bytes do, so they are cached as immutable.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Final

from api.embed.fetch import default_root, install_folder
from api.embed.manifest import NotInstalled, read_install
from api.embed.pins import TIMELINEJS, Pin

ASSETS_PATH: Final = "/embed/assets"
FETCH_HINT: Final = (
    "run `content-api assets fetch` (`make run` and `make test` do; the Docker image has "
    "them), then restart the server"
)
_MEDIA_TYPES: Final = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".eot": "application/vnd.ms-fontobject",
    ".svg": "image/svg+xml",
}
_OWN: Final = ("embed.js", "embed.css")


@dataclass(frozen=True, slots=True)
class Asset:
    body: bytes
    media_type: str


@dataclass(frozen=True, slots=True)
class EmbedAssets:
    """Every servable file by its path under ``ASSETS_PATH`` (no leading ``/``)."""

    pin: Pin
    files: Mapping[str, Asset]
    own: Mapping[str, str]  # "embed.js" -> its path under ASSETS_PATH

    @property
    def package_path(self) -> str:
        """The TimelineJS folder, e.g. ``timelinejs/3.9.11``."""
        return f"{self.pin.folder}/{self.pin.version}"

    def url(self, path: str, root: str = "") -> str:
        return f"{root}{ASSETS_PATH}/{path}"

    def integrity(self, path: str) -> str:
        """Subresource Integrity (sha384) of a file, for ``integrity=`` attributes."""
        digest = hashlib.sha384(self.files[path].body).digest()
        return "sha384-" + base64.b64encode(digest).decode()


@dataclass(frozen=True, slots=True)
class Missing:
    """Why the hosted embeds cannot be served, in words for the operator."""

    reason: str


def media_type(path: str) -> str:
    suffix = PurePosixPath(path).suffix.lower()
    return _MEDIA_TYPES.get(suffix, "text/plain; charset=utf-8")


def load_assets(root: Path | None, pin: Pin = TIMELINEJS) -> EmbedAssets | Missing:
    """The assets installed under ``root`` (default: the package's own folder)."""
    folder = install_folder(root or default_root(), pin)
    try:
        stamp = (folder / "manifest.json").stat().st_mtime_ns
    except OSError:
        stamp = 0
    return _load(folder, stamp, pin)


@lru_cache(maxsize=8)
def _load(folder: Path, stamp: int, pin: Pin) -> EmbedAssets | Missing:
    # Cached per folder and manifest time: apps made in one process (tests, workers that
    # fork) share one copy, and a fresh install is read again.
    try:
        installed = read_install(folder, pin)
    except NotInstalled as exc:
        reason = f"The TimelineJS assets are not available: {exc}. To install them, {FETCH_HINT}."
        return Missing(reason)
    package = f"{pin.folder}/{pin.version}"
    found = {f"{package}/{name}": Asset(body, media_type(name)) for name, body in installed.items()}
    own: dict[str, str] = {}
    static = files("api.embed").joinpath("static")
    for name in _OWN:
        body = static.joinpath(name).read_bytes()
        stem, _, suffix = name.partition(".")
        path = f"{stem}-{hashlib.sha256(body).hexdigest()[:16]}.{suffix}"
        found[path] = Asset(body, media_type(name))
        own[name] = path
    return EmbedAssets(pin, MappingProxyType(found), MappingProxyType(own))
