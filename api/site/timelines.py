"""Every page's timeline: the embed, its local data, and what is wrong with either."""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any
from urllib.parse import quote

from api.content.diagnostics import Diagnostic, Severity
from api.content.model import Document
from api.content.reading import read_regular
from api.content.snapshot import Snapshot
from api.timeline import TimelineEmbed, embed_for_local_data, load_timeline_data, parse_timeline
from api.timeline.hosted import hosted_path, hosted_source, with_hosted_embed

#: Front-matter keys: the embed URL as authors write it, and data kept with the content.
TIMELINE_KEY = "timeline"
DATA_KEY = "timeline_data"
OPTIONS_KEY = "timeline_options"
MAX_DATA_FILE = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Timelines:
    embeds: Mapping[str, TimelineEmbed]  # page id -> embed
    data: Mapping[str, dict[str, Any]]  # page id -> TimelineJS JSON, for local data
    diagnostics: tuple[Diagnostic, ...]
    version: str  # hash of the local data files read


def data_path(page_id: str) -> str:
    """The API path of a page's timeline data (ids are percent-encoded, ``/`` kept)."""
    return f"/api/v1/pages/{quote(page_id, safe='/')}/timeline/data"


def build_timelines(
    snapshot: Snapshot, public_url: str | None, hosted_embeds: bool = False
) -> Timelines:
    """``hosted_embeds``: this server serves ``/embed/timelines/{id}``, so with a public URL
    each hostable timeline gets its ``hosted_embed_url``."""
    embeds: dict[str, TimelineEmbed] = {}
    data: dict[str, dict[str, Any]] = {}
    problems: list[Diagnostic] = []
    digest = hashlib.blake2b(digest_size=16)
    for doc in snapshot.documents:
        raw = doc.data.get(TIMELINE_KEY)
        local = doc.data.get(DATA_KEY)
        if raw is None and local is None:
            continue
        data_url = None
        if local is not None:
            loaded = _local_data(snapshot, doc, local, problems, digest)
            if loaded is not None:
                data[doc.id] = loaded
                data_url = f"{public_url}{data_path(doc.id)}" if public_url else None
        hosted = f"{public_url}{hosted_path(doc.id)}" if public_url and hosted_embeds else None
        embed = _embed(doc, raw, local, data_url, doc.id in data, problems, hosted)
        if embed is not None:
            embeds[doc.id] = embed
    return Timelines(
        MappingProxyType(embeds), MappingProxyType(data), tuple(problems), digest.hexdigest()
    )


def _embed(
    doc: Document,
    raw: object,
    local: object,
    data_url: str | None,
    has_data: bool,
    problems: list[Diagnostic],
    hosted_url: str | None = None,
) -> TimelineEmbed | None:
    if raw is not None:
        result = parse_timeline(raw, data_url=data_url if has_data else None)
        for problem in result.problems:
            message = f"The timeline is not a TimelineJS embed and is not shown: {problem.message}"
            problems.append(_diag(doc.source_path, f"timeline-{problem.code}", message))
        embed = result.embed
    elif has_data:
        options = doc.data.get(OPTIONS_KEY)
        embed = embed_for_local_data(
            data_url, options if isinstance(options, dict) else None, data_path=str(local)
        )
    else:
        return None
    if embed is not None and hosted_url is not None and hosted_source(embed) is not None:
        embed = with_hosted_embed(embed, hosted_url, doc.title or doc.id)
    if embed is not None:
        for warning in embed.warnings:
            message = f"Timeline: {warning.message}"
            code = f"timeline-{warning.code.value}"
            problems.append(_diag(doc.source_path, code, message, Severity.WARNING))
    return embed


def _local_data(
    snapshot: Snapshot,
    doc: Document,
    value: object,
    problems: list[Diagnostic],
    digest: Any,
) -> dict[str, Any] | None:
    if not isinstance(value, str) or not value.strip():
        problems.append(
            _diag(doc.source_path, "timeline-data-invalid", "`timeline_data` must be a file path.")
        )
        return None
    rel = posixpath.normpath(value.strip().lstrip("/"))
    root = snapshot.root.resolve()
    path = (root / rel).resolve()
    if rel.startswith("..") or (path != root and root not in path.parents):
        message = f"`timeline_data` points outside the content folder ({value}); it is ignored."
        problems.append(_diag(doc.source_path, "timeline-data-outside-root", message))
        return None
    try:
        if path.stat().st_size > MAX_DATA_FILE:
            raise OSError("the file is larger than 16 MB")
        raw = read_regular(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        message = f"The timeline data file {rel} cannot be read: {reason}."
        problems.append(_diag(doc.source_path, "timeline-data-missing", message))
        return None
    digest.update(f"{rel}\0".encode() + raw)
    result = load_timeline_data(raw, posixpath.basename(rel))
    for problem in result.problems:
        severity = Severity.ERROR if problem.severity == "error" else Severity.WARNING
        code = f"timeline-data-{problem.code}"
        problems.append(_diag(rel, code, problem.message, severity, problem.line))
    return result.data


def _diag(
    path: str,
    code: str,
    message: str,
    severity: Severity = Severity.WARNING,
    line: int | None = None,
) -> Diagnostic:
    return Diagnostic(path, line, severity, code, message)
