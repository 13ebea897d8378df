"""What a load reads besides the documents' own bytes, and a digest of everything it reads.

A snapshot is a function of the configuration files and the loader's options; the listing
of the site (which files are documents, which are static, what was skipped and why); each
document's bytes, and a draft's modification time (which dates it); the data files; the
includes; and the layouts that exist. ``digest`` hashes exactly these, so two loads with
the same digest, by the same code, make the same snapshot. Two inputs are left to the
caller: what pages include relative to themselves (named by the documents, so read after
them) and the clock (a future-dated page appears when its date passes).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from api.content import plugins
from api.content.config import CONFIG_FILE, SiteConfig, parse_config
from api.content.datafiles import read_data_dir
from api.content.diagnostics import Diagnostic, error, warning
from api.content.discovery import Found, Static, Walker
from api.content.frontmatter import SourceError, decode
from api.content.generators.default_layout import site_layouts
from api.content.model import Kind
from api.content.reading import content_hash, read_regular

GEMFILE = "Gemfile"


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """What Jekyll's ``--unpublished``, ``--future`` and ``--drafts`` switch on."""

    unpublished: bool = False
    future: bool = False
    drafts: bool = False
    github_pages: bool = False  # build as GitHub Pages does, whatever the Gemfile says


@dataclass(frozen=True, slots=True)
class Survey:
    config: SiteConfig
    config_hash: str  # of the configuration's and the Gemfile's bytes, and the options
    drafts: bool  # whether the public view shows drafts
    problems: tuple[Diagnostic, ...]  # reading the configuration and the Gemfile
    found: tuple[Found, ...]  # the documents, by path
    static: tuple[Static, ...]  # the files that are no document, as walked
    walked: tuple[Diagnostic, ...]  # what the walk skipped
    data: Mapping[str, bytes]  # data files' bytes, by path
    data_problems: tuple[Diagnostic, ...]  # data files that could not be read
    includes: Mapping[str, str]  # includes' hashes, by path
    layouts: frozenset[str]  # the layouts that exist (jekyll-default-layout's choice)
    time: datetime  # the newest document's (or the configuration's) modification time


def survey(root: Path, options: LoadOptions, hidden: bool = False) -> Survey:
    """Everything a load of ``root`` reads but the documents (``hidden``: drafts are
    listed whatever the options say, for the preview)."""
    problems: list[Diagnostic] = []
    config_bytes = _read_optional(root, CONFIG_FILE, problems)
    config_text = None if config_bytes is None else _config_text(config_bytes, problems)
    config, config_problems = parse_config(config_text)
    problems += config_problems
    gemfile_bytes = _read_optional(root, GEMFILE, problems)
    gemfile = None if gemfile_bytes is None else gemfile_bytes.decode("utf-8", "replace")
    config = plugins.configure(config, gemfile, options.github_pages)
    config_hash = content_hash(
        (config_bytes or b"") + b"\0" + (gemfile_bytes or b"") + repr(options).encode()
    )
    drafts = options.drafts or config.show_drafts
    walker = Walker(root, config, drafts=drafts or hidden)
    found = tuple(walker.walk())
    data, data_problems = read_data_dir(root, config.data_dir)
    return Survey(
        config,
        config_hash,
        drafts,
        tuple(problems),
        found,
        tuple(walker.static),
        tuple(walker.problems),
        data,
        tuple(data_problems),
        include_hashes(root / config.includes_dir, root),
        site_layouts(root, config),
        _content_time(found, root),
    )


def digest(found: Survey, hashes: Mapping[str, str], hidden: bool) -> str:
    """The inputs of a load: ``found``, and ``hashes`` (each document's content hash by
    path; a missing one never matches a load that read it)."""
    h = hashlib.blake2b(digest_size=20)

    def add(*parts: object) -> None:
        h.update(repr(parts).encode("utf-8", "surrogatepass"))
        h.update(b"\n")

    add("site", found.config_hash, found.drafts, hidden)
    for problem in found.problems:
        add("problem", problem)
    for item in found.found:
        origin = item.origin
        mtime = origin.mtime if origin.kind is Kind.DRAFT else 0.0
        inner = (origin.path, str(origin.kind), origin.label, origin.inner, origin.categories)
        add("document", *inner, origin.prefix, mtime, hashes.get(origin.path))
    for static in found.static:
        add("static", static.path, static.label, static.inner)
    for problem in found.walked:
        add("walked", problem)
    for path, raw in sorted(found.data.items()):
        add("data", path, content_hash(raw))
    for problem in found.data_problems:
        add("data-problem", problem)
    for path, file_hash in sorted(found.includes.items()):
        add("include", path, file_hash)
    add("layouts", sorted(found.layouts))
    return h.hexdigest()


def include_hashes(folder: Path, root: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and inside(path, root):
            try:
                found[path.relative_to(root).as_posix()] = content_hash(read_regular(path))
            except OSError:
                continue
    return found


def inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve(strict=True).is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def _content_time(found: tuple[Found, ...], root: Path) -> datetime:
    """The modification time of the newest document (or of the config, if newer)."""
    newest = max((item.mtime_ns for item in found), default=0)
    with contextlib.suppress(OSError):
        newest = max(newest, (root / CONFIG_FILE).stat().st_mtime_ns)
    return datetime.fromtimestamp(newest // 1_000_000_000, UTC)


def _config_text(raw: bytes, problems: list[Diagnostic]) -> str | None:
    """``_config.yml`` as text: a legacy encoding is read as such and reported; a file that
    no encoding reads is an error, and the site is read as if it had no configuration."""
    try:
        text, notes = decode(raw)
    except SourceError as exc:
        problems.append(error(CONFIG_FILE, exc.code, exc.message, exc.line))
        return None
    problems += [warning(CONFIG_FILE, code, message, line) for code, message, line in notes]
    return text


def _read_optional(root: Path, name: str, problems: list[Diagnostic]) -> bytes | None:
    """A file of the site's own, if there is one: never one a symlink leads out of the root."""
    path = root / name
    if not path.exists():
        return None
    if not inside(path, root):
        message = "This symlink points outside the content folder; it is not followed."
        problems.append(warning(name, "symlink-outside-root", message))
        return None
    try:
        return read_regular(path)
    except OSError as exc:
        problems.append(warning(name, "unreadable", f"This file cannot be read: {exc}."))
        return None


@dataclass(frozen=True, slots=True)
class Inspection:
    """The inputs of a load as they are now, without parsing anything."""

    inputs: str  # ``digest``
    hashes: dict[str, str]  # each document's content hash, by path (none: unreadable)
    stamps: dict[str, tuple[int, int]]  # each document's (mtime_ns, size), by path
    time: datetime  # ``Survey.time``


def inspect(root: Path, options: LoadOptions, hidden: bool) -> Inspection:
    """Survey ``root`` and hash every document: what ``digest`` of a load made now would
    be. A file that cannot be read, or is being saved, gets no hash (so matches nothing)."""
    found = survey(root, options, hidden)
    hashes: dict[str, str] = {}
    stamps: dict[str, tuple[int, int]] = {}
    for item in found.found:
        path = item.origin.path
        try:
            raw = read_regular(item.path)
        except OSError:
            continue
        if len(raw) == item.size:
            hashes[path] = content_hash(raw)
            stamps[path] = (item.mtime_ns, item.size)
    return Inspection(digest(found, hashes, hidden), hashes, stamps, found.time)
