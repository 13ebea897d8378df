"""The npm package the hosted embeds run, pinned by version and ``dist.integrity``.

To upgrade: ``npm view @knight-lab/timelinejs@<version> dist.integrity``, change both values
here, and run ``content-api assets fetch`` (``make test`` does). The served paths carry the
version, so browsers and CDNs never mix two releases.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

DEFAULT_REGISTRY: Final = "https://registry.npmjs.org"


@dataclass(frozen=True, slots=True)
class Pin:
    name: str  # the npm name, ``@scope/name``
    version: str
    integrity: str  # npm's Subresource Integrity string: ``sha512-<base64>``
    licence: str  # SPDX identifier, as the package declares it

    @property
    def folder(self) -> str:
        """The package's folder name under the assets root (also its URL segment)."""
        return self.name.rsplit("/", 1)[-1]

    def tarball_url(self, registry: str = DEFAULT_REGISTRY) -> str:
        """Where npm keeps the tarball: ``<registry>/<name>/-/<basename>-<version>.tgz``."""
        return f"{registry.rstrip('/')}/{self.name}/-/{self.folder}-{self.version}.tgz"


TIMELINEJS: Final = Pin(
    name="@knight-lab/timelinejs",
    version="3.9.11",
    integrity=(
        "sha512-+jUuY1OJ+9zSO5O3AfYSLd1yB0vQkm22zyIElz8BWT5DQ9mL0rsxlQkBKAqLbWpJjFuAAJeqzLY35x"
        "FIg6GW4g=="
    ),
    licence="MPL-2.0",
)

#: Files taken from the tarball (``package/`` + pattern -> the same path under the version
#: folder, ``dist/`` dropped). Everything else (sources, maps, tests, reports) stays out.
WANTED: Final = (
    "LICENSE",
    "dist/js/timeline.js",
    "dist/js/timeline.js.LICENSE.txt",
    "dist/js/locale/*.json",
    "dist/css/timeline.css",
    "dist/css/themes/*.css",
    "dist/css/fonts/*.css",
    "dist/css/icons/tl-icons.*",
)
#: Without these the embed cannot run; an archive lacking one is refused.
REQUIRED: Final = (
    "LICENSE",
    "js/timeline.js",
    "js/locale/en.json",
    "css/timeline.css",
    "css/fonts/font.default.css",
)
#: Written last, so a folder with a manifest is a complete install.
MANIFEST: Final = "manifest.json"
