"""The ``source`` parameter: which data a timeline reads, and how v3 should be told.

v3 (ConfigFactory.js) reads a bare sheet ID or ``v2:<2PACX key>`` through Knight Lab's sheets
proxy as the sheet's published CSV, a URL ending in ``.csv`` as CSV, and any other URL as
TimelineJS JSON. The canonical embed passes the bare ID or ``v2:`` key, the form the current
generator emits, which also rescues old forms v3 cannot read (``/spreadsheet/pub?key=...``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from api.timeline.models import EmbedWarning, Problem, SourceKind, TimelineSource, WarningCode
from api.timeline.urls import HttpUrl, check_http_url, quote_for_message

_KEY: Final = r"[A-Za-z0-9_-]{15,200}"
_BARE_KEY: Final = re.compile(_KEY)
_V2_KEY: Final = re.compile(rf"v2:({_KEY})", re.IGNORECASE)
_GOOGLE_HOSTS: Final = frozenset({"docs.google.com", "spreadsheets.google.com"})
_PUBLISHED_PATH: Final = re.compile(rf"(?:/a/[^/]+)?/spreadsheets(?:/u/\d+)?/d/e/({_KEY})(?:/.*)?")
_SHEET_PATH: Final = re.compile(rf"(?:/a/[^/]+)?/spreadsheets(?:/u/\d+)?/d/({_KEY})(?:/.*)?")
_KEY_PARAM: Final = re.compile(rf"(?:^|&)key=({_KEY})(?:&|$)")
_GID_PARAM: Final = re.compile(r"(?:^|&)gid=([0-9]{1,12})(?:&|$)")
# v3's tests, applied to the whole source string (ConfigFactory.js).
_V3_CSV: Final = re.compile(r"\.csv(\?.*)?$", re.IGNORECASE)
_V3_KEY_PARAM: Final = re.compile(r"\bkey=[-_A-Za-z0-9]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ResolvedSource:
    source: TimelineSource
    param: str  # the value the canonical embed passes as ``source``
    warnings: tuple[EmbedWarning, ...] = ()


def resolve_source(raw: str) -> ResolvedSource | Problem:
    """Classify a decoded ``source`` value; a Problem when it is not usable data."""
    value = raw.strip()
    if not value:
        return Problem("no-source", "the embed URL has an empty source parameter")
    if (match := _V2_KEY.fullmatch(value)) is not None:
        return _published(match.group(1), gid=None)
    if _BARE_KEY.fullmatch(value):
        return _sheet(value, gid=None)
    checked = check_http_url(value)
    if checked is None:
        return Problem(
            "bad-source",
            f"the embed's source {quote_for_message(value)} is neither a Google Sheet nor an "
            "http(s) URL",
        )
    warnings = [_insecure(checked)] if checked.was_insecure else []
    resolved = _google(checked) if checked.host in _GOOGLE_HOSTS else _data_url(checked)
    if isinstance(resolved, Problem):
        return resolved
    return ResolvedSource(resolved.source, resolved.param, (*warnings, *resolved.warnings))


def local_source(data_url: str | None) -> TimelineSource:
    return TimelineSource(kind=SourceKind.LOCAL, url=data_url)


def _google(url: HttpUrl) -> ResolvedSource | Problem:
    query = url.query or ""
    gid_match = _GID_PARAM.search(query)
    gid = gid_match.group(1) if gid_match else None
    if (match := _PUBLISHED_PATH.fullmatch(url.path)) is not None:
        return _published(match.group(1), gid)
    if (match := _SHEET_PATH.fullmatch(url.path)) is not None:
        return _sheet(match.group(1), gid)
    if (match := _KEY_PARAM.search(query)) is not None:
        # /spreadsheet/pub?key=..., /ccc?key=...: the pre-2014 forms; v3 cannot read them as URLs.
        return _sheet(match.group(1), gid)
    return Problem(
        "bad-source",
        f"the embed's source {quote_for_message(url.url)} is a Google URL but not a spreadsheet",
    )


def _sheet(key: str, gid: str | None) -> ResolvedSource:
    warnings: list[EmbedWarning] = []
    old = not (key.startswith("1") and len(key) == 44)
    if old:
        warnings.append(
            EmbedWarning(
                code=WarningCode.OLD_SHEET_KEY,
                message=(
                    f"{key} looks like a pre-2014 Google Sheets key. It is uncertain whether "
                    "Google still serves these to TimelineJS; if the timeline does not load, "
                    "open the sheet, publish it to the web again and use its new URL."
                ),
                param="source",
            )
        )
    sheet_url = (
        f"https://docs.google.com/spreadsheet/pub?key={key}"
        if old
        else f"https://docs.google.com/spreadsheets/d/{key}/pubhtml"
    )
    param = key
    if gid not in (None, "0"):
        # Only a sheet URL can carry the tab; v3 then asks for that tab's CSV.
        param = f"https://docs.google.com/spreadsheets/d/{key}/pubhtml?gid={gid}"
    source = TimelineSource(kind=SourceKind.GOOGLE_SHEET, key=key, sheet_url=sheet_url)
    return ResolvedSource(source, param, tuple(warnings))


def _published(key: str, gid: str | None) -> ResolvedSource:
    sheet_url = f"https://docs.google.com/spreadsheets/d/e/{key}/pubhtml"
    param = f"v2:{key}" if gid in (None, "0") else f"{sheet_url}?gid={gid}"
    source = TimelineSource(kind=SourceKind.GOOGLE_SHEET_PUBLISHED, key=key, sheet_url=sheet_url)
    return ResolvedSource(source, param)


def _data_url(url: HttpUrl) -> ResolvedSource:
    is_csv = _V3_CSV.search(url.url) is not None
    kind = SourceKind.CSV_URL if is_csv else SourceKind.JSON_URL
    warnings: tuple[EmbedWarning, ...] = ()
    if _V3_KEY_PARAM.search(url.url):
        warnings = (
            EmbedWarning(
                code=WarningCode.SOURCE_MISREAD,
                message=(
                    "TimelineJS 3 reads any source containing 'key=' as a Google Sheet, so it "
                    "will not fetch this URL as data; rename that query parameter."
                ),
                param="source",
            ),
        )
    return ResolvedSource(TimelineSource(kind=kind, url=url.url), url.url, warnings)


def _insecure(url: HttpUrl) -> EmbedWarning:
    return EmbedWarning(
        code=WarningCode.INSECURE_SCHEME,
        message=(
            f"The source was an http: URL; the embed asks for {url.url} instead, because "
            "browsers block http requests from the https TimelineJS page."
        ),
        param="source",
    )
