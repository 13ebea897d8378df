"""Install the pinned TimelineJS package: download, check its integrity, extract what is served.

Run when the project is installed (``make``) or the image is built (``Dockerfile``), never by
the server. The tarball comes from the npm registry (or a file already downloaded, for offline
installs) and is refused unless its SHA-512 is the pinned ``dist.integrity``. Only the files
the embed serves are taken from it, never by the paths the archive gives but by the allowlist
in ``pins``; they are written to a staging folder that replaces the install in one rename.

Standard library only: ``python -m api.embed.fetch --help``.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import io
import shutil
import sys
import tarfile
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Final
from urllib.parse import urlsplit

from api import __version__
from api.embed import offline_css
from api.embed.manifest import NotInstalled, manifest_body, read_install
from api.embed.pins import DEFAULT_REGISTRY, MANIFEST, REQUIRED, TIMELINEJS, WANTED, Pin

MAX_TARBALL: Final = 64 * 1024 * 1024
MAX_FILE: Final = 8 * 1024 * 1024
MAX_MEMBERS: Final = 10_000
TIMEOUT: Final = 60.0


class FetchError(Exception):
    """The package cannot be installed; nothing was changed. The message says why."""


@dataclass(frozen=True, slots=True)
class Installed:
    folder: Path
    files: int
    fetched: bool  # False: it was already installed, and nothing was downloaded


def default_root() -> Path:
    """Where installs go unless told otherwise: ``vendor/`` beside this module (git-ignored)."""
    return Path(__file__).resolve().parent / "vendor"


def install_folder(root: Path, pin: Pin = TIMELINEJS) -> Path:
    return root / pin.folder / pin.version


def install(
    root: Path,
    pin: Pin = TIMELINEJS,
    *,
    registry: str = DEFAULT_REGISTRY,
    tarball: Path | None = None,
    force: bool = False,
    say: Callable[[str], None] = lambda message: None,
) -> Installed:
    """Make sure ``pin`` is installed under ``root``; download it only when it is not."""
    folder = install_folder(root, pin)
    if not force:
        try:
            files = read_install(folder, pin)
        except NotInstalled:
            pass
        else:
            return Installed(folder, len(files), fetched=False)
    if tarball is not None:
        say(f"reading {tarball}")
        try:
            data = tarball.read_bytes()
        except OSError as exc:
            raise FetchError(f"cannot read {tarball}: {exc.strerror or exc}") from None
    else:
        url = pin.tarball_url(registry)
        say(f"downloading {url}")
        data = download(url)
    verify(data, pin)
    files, modified = prepare(extract(data), pin)
    _write(root, pin, files, modified)
    return Installed(folder, len(files), fetched=True)


def download(url: str) -> bytes:
    if urlsplit(url).scheme not in ("https", "http"):
        raise FetchError(f"{url} is not an http(s) URL")
    request = urllib.request.Request(url, headers={"User-Agent": f"content-api/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data: bytes = response.read(MAX_TARBALL + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"cannot download {url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise FetchError(f"cannot download {url}: {reason}") from None
    if len(data) > MAX_TARBALL:
        raise FetchError(f"{url} is larger than {MAX_TARBALL // 2**20} MB; refused")
    return data


def integrity_of(data: bytes) -> str:
    """npm's ``dist.integrity`` form of ``data``: ``sha512-<base64>``."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def verify(data: bytes, pin: Pin) -> None:
    if not pin.integrity.startswith("sha512-"):
        raise FetchError(f"the pin of {pin.name} must be a sha512 integrity, not {pin.integrity}")
    actual = integrity_of(data)
    if not hmac.compare_digest(actual.encode(), pin.integrity.encode()):
        raise FetchError(
            f"the tarball of {pin.name} {pin.version} does not match its pinned integrity "
            f"(expected {pin.integrity}, got {actual}); it was refused and nothing was installed"
        )


def extract(data: bytes) -> dict[str, bytes]:
    """The wanted files of a verified tarball, by their path in the install (``dist/`` dropped)."""
    files: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for count, member in enumerate(archive):
                if count >= MAX_MEMBERS:
                    raise FetchError(f"the tarball has more than {MAX_MEMBERS} entries")
                name = _wanted(member.name)
                if name is None:
                    continue
                if not member.isreg():
                    raise FetchError(f"{member.name} in the tarball is not a regular file")
                if member.size > MAX_FILE or name in files:
                    raise FetchError(f"{member.name} in the tarball is too large or repeated")
                handle = archive.extractfile(member)
                if handle is None:
                    raise FetchError(f"{member.name} in the tarball cannot be read")
                files[name] = handle.read()
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise FetchError(f"the tarball cannot be read: {exc}") from None
    missing = [name for name in REQUIRED if name not in files]
    if missing:
        raise FetchError(f"the tarball lacks {', '.join(missing)}")
    return files


def _wanted(member: str) -> str | None:
    path = PurePosixPath(member)
    if path.is_absolute() or ".." in path.parts or path.parts[:1] != ("package",):
        return None
    inner = PurePosixPath(*path.parts[1:]).as_posix()
    for pattern in WANTED:
        if fnmatchcase(inner, pattern) and inner.count("/") == pattern.count("/"):
            return inner.removeprefix("dist/")
    return None


def prepare(files: dict[str, bytes], pin: Pin) -> tuple[dict[str, bytes], dict[str, str]]:
    """Stylesheets made to load nothing from other hosts (see ``offline_css``); the rest as is.
    Also what was changed in which file, for the manifest."""
    out = dict(files)
    modified: dict[str, str] = {}
    for name, body in files.items():
        if not name.endswith(".css"):
            continue
        text, removed = offline_css.strip_remote(body.decode("utf-8"))
        left = offline_css.remote_references(text)
        if left:
            raise FetchError(f"{name} still loads {left[0]} after its font rules were removed")
        if removed:
            note = (
                f"{removed} @font-face/@import rule(s) that load from other hosts removed; "
                "the font stacks fall back to the reader's own fonts"
            )
            header = f"/* content-api: {note} ({pin.name} {pin.version}, {pin.licence}). */\n"
            out[name] = (header + text).encode("utf-8")
            modified[name] = note
    return out, modified


def _write(root: Path, pin: Pin, files: dict[str, bytes], modified: dict[str, str]) -> None:
    base = root / pin.folder
    try:
        base.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{pin.version}-", dir=base))
    except OSError as exc:
        raise FetchError(f"cannot write to {base}: {exc.strerror or exc}") from None
    try:
        for name, body in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(body)
        (staging / MANIFEST).write_bytes(manifest_body(pin, files, modified))
        # mkdtemp makes a private folder; the server may run as another user (the image does).
        for path in [staging, *staging.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        target = base / pin.version
        old = None
        if target.exists():
            old = base / f".old-{staging.name}"
            target.rename(old)
        staging.rename(target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise FetchError(f"cannot install into {base}: {exc.strerror or exc}") from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    for other in base.iterdir():
        # Earlier pins: nothing serves them any more.
        if other.is_dir() and other.name != pin.version and (other / MANIFEST).exists():
            shutil.rmtree(other, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m api.embed.fetch",
        description=f"Install {TIMELINEJS.name} {TIMELINEJS.version} for the hosted embeds.",
    )
    parser.add_argument("--into", type=Path, help="assets folder (default: the package's)")
    parser.add_argument("--registry", default=DEFAULT_REGISTRY, help="npm registry base URL")
    parser.add_argument("--tarball", type=Path, default=None, help="a tarball already downloaded")
    parser.add_argument("--force", action="store_true", help="download even when installed")
    args = parser.parse_args(argv)
    try:
        done = install(
            args.into or default_root(),
            registry=args.registry,
            tarball=args.tarball,
            force=args.force,
            say=lambda message: print(message, file=sys.stderr),
        )
    except FetchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    state = "installed" if done.fetched else "already installed"
    print(f"{TIMELINEJS.name} {TIMELINEJS.version} {state} in {done.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
