"""Build small Jekyll sites in a temporary folder."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from api.content.loader import Loader, LoadOptions
from api.content.snapshot import Snapshot

CONTENT = Path(__file__).resolve().parents[2] / "content"
SEED = CONTENT / "_about-the-icc" / "the-us-icc-relationship.md"


def write_site(root: Path, files: Mapping[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def load(root: Path, **options: bool) -> Snapshot:
    return Loader(root, LoadOptions(**options)).load()


def page(front_matter: str, body: str = "Body.\n") -> str:
    return f"---\n{front_matter.strip()}\n---\n{body}"
