"""An installed package folder and its ``manifest.json``: what was installed, and proof of it.

The manifest names the package, its version and npm integrity, and the SHA-256 of every file
as installed. Reading an install checks all three against the pin and every file against its
hash, so a folder from another version, a half-written one or an edited file is never served.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from api.embed.pins import MANIFEST, Pin


class NotInstalled(Exception):
    """The package is not installed (usably) in the folder; the message says why."""


def file_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def manifest_body(pin: Pin, files: Mapping[str, bytes], modified: Mapping[str, str]) -> bytes:
    record: dict[str, Any] = {
        "package": pin.name,
        "version": pin.version,
        "integrity": pin.integrity,
        "licence": pin.licence,
        "files": {name: file_hash(body) for name, body in sorted(files.items())},
        "modified": dict(sorted(modified.items())),
    }
    return (json.dumps(record, indent=2) + "\n").encode()


def read_install(folder: Path, pin: Pin) -> dict[str, bytes]:
    """Every file of the install in ``folder`` (by path relative to it), checked."""
    try:
        record = json.loads((folder / MANIFEST).read_bytes())
    except FileNotFoundError:
        raise NotInstalled(f"{pin.name} {pin.version} is not installed in {folder}") from None
    except (OSError, ValueError) as exc:
        raise NotInstalled(f"{folder / MANIFEST} cannot be read: {exc}") from None
    if not isinstance(record, dict):
        raise NotInstalled(f"{folder / MANIFEST} is not a manifest")
    pinned = {"package": pin.name, "version": pin.version, "integrity": pin.integrity}
    for key, wanted in pinned.items():
        if record.get(key) != wanted:
            raise NotInstalled(
                f"{folder} holds {key} {record.get(key)!r}, not the pinned {wanted!r}"
            )
    hashes = record.get("files")
    if not isinstance(hashes, dict) or not hashes:
        raise NotInstalled(f"{folder / MANIFEST} lists no files")
    files: dict[str, bytes] = {}
    for name, digest in hashes.items():
        parts = PurePosixPath(name).parts
        if not parts or ".." in parts or name.startswith("/"):
            raise NotInstalled(f"{folder / MANIFEST} names an unsafe path {name!r}")
        try:
            body = (folder / name).read_bytes()
        except OSError as exc:
            raise NotInstalled(f"{folder / name} cannot be read: {exc.strerror or exc}") from None
        if file_hash(body) != digest:
            raise NotInstalled(f"{folder / name} was changed after it was installed")
        files[name] = body
    return files
