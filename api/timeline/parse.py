"""``parse_timeline``: a page's ``timeline:`` value in, a typed v3 embed (or the reason not) out.

Pure and total: any Python object goes in, nothing is raised, and nothing from the input
reaches ``embed_url`` or ``iframe_html`` without being checked and escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from api.timeline.embed import build_embed_url, build_iframe_html, check_data_url
from api.timeline.extract import Extracted, extract
from api.timeline.models import (
    EmbedWarning,
    Problem,
    TimelineEmbed,
    TimelineOptions,
    TimelineResult,
    WarningCode,
)
from api.timeline.options import parse_options
from api.timeline.source import ResolvedSource, local_source, resolve_source
from api.timeline.urls import (
    normalize_host,
    percent_decode,
    quote_for_message,
    split_url,
    unicode_text,
)

#: A bound on the work one value can cause. Any real embed URL is far shorter; a long value
#: with a TimelineJS host and source keeps its embed, its overlong options dropped.
MAX_VALUE_LENGTH: Final = 65_536
_EMBED_PATH: Final = re.compile(
    r"(?:/cdn\.knightlab\.com)?/libs/(timeline3?)/(?:latest|dev|[0-9]+(?:\.[0-9]+){0,3})"
    r"/embed/(?:index\.html)?"
)
_VERITE_PATH: Final = re.compile(r"/timeline/(?:index\.html)?")
_KNIGHTLAB_HOSTS: Final = frozenset({"cdn.knightlab.com", "s3.amazonaws.com"})
_SCHEMELESS: Final = ("cdn.knightlab.com/", "embed.verite.co/")
# Query parameters of a Google Sheets URL written unencoded inside ``source``: they split off
# as if they were embed options, but belong to the sheet URL.
_GOOGLE_QUERY_KEYS: Final = frozenset({"output", "gid", "single", "usp", "pli", "authuser"})


@dataclass(frozen=True, slots=True)
class _Located:
    version: Literal[2, 3]
    query: str
    fragment: str | None
    warnings: tuple[EmbedWarning, ...]


def parse_timeline(value: object, *, data_url: str | None = None) -> TimelineResult:
    """Understand a ``timeline:`` front-matter value.

    None, False and blank text mean "no timeline" (no embed, no problem). Anything that is not
    a Knight Lab TimelineJS embed gives ``embed=None`` and a problem. ``data_url``, when the
    page keeps its own timeline data and the API's public URL is configured, is the absolute
    URL of that data as TimelineJS JSON; the embed then reads it instead of the URL's source.
    """
    if value is None or value is False or (isinstance(value, str) and not value.strip()):
        return TimelineResult(None)
    if not isinstance(value, str):
        kind = type(value).__name__
        return _fail("not-text", f"timeline must be an embed URL, not a {kind}")
    if len(value) > MAX_VALUE_LENGTH:
        return _fail("too-long", f"timeline is longer than {MAX_VALUE_LENGTH} characters")
    value = unicode_text(value)
    extracted = extract(value)
    if extracted is None or not extracted.url:
        message = f"timeline {quote_for_message(value)} is neither a URL nor an <iframe> snippet"
        return _fail("not-url", message)
    located = _locate(extracted.url)
    if isinstance(located, Problem):
        return TimelineResult(None, (located,))
    pairs = _absorb_google_params(_query_pairs(located.query))
    source_values = [v for k, v in pairs if k == "source"]
    params: list[tuple[str, object]] = [(k, v) for k, v in pairs if k != "source"]
    options, option_warnings = parse_options(params)
    warnings = [*located.warnings, *option_warnings, *_fragment_warning(located.fragment)]
    if len(source_values) > 1:
        message = "source is given more than once; the last one is used, as TimelineJS does."
        warnings.append(
            EmbedWarning(code=WarningCode.OPTION_IGNORED, message=message, param="source")
        )
    resolved = _resolve(source_values[-1] if source_values else None, data_url)
    if isinstance(resolved, Problem):
        return TimelineResult(None, (resolved,))
    embed_url = build_embed_url(resolved.param, options)
    embed = TimelineEmbed(
        version=located.version,
        source_url=value,
        source=resolved.source,
        options=options,
        embed_url=embed_url,
        iframe_html=build_iframe_html(embed_url, options, _pasted_size(extracted)),
        warnings=(*warnings, *resolved.warnings),
    )
    return TimelineResult(embed)


def _pasted_size(extracted: Extracted) -> TimelineOptions | None:
    """A pasted iframe's own width/height: TimelineJS never sees them, but the author's page
    sized the iframe with them, so the new iframe keeps them when the URL does not say."""
    sizes = [("width", extracted.iframe_width), ("height", extracted.iframe_height)]
    given = [(name, value) for name, value in sizes if value is not None]
    return parse_options(given)[0] if given else None


def _fail(code: str, message: str) -> TimelineResult:
    return TimelineResult(None, (Problem(code, message),))


def _locate(url: str) -> _Located | Problem:
    parts = split_url(url)
    warnings: list[EmbedWarning] = []
    if parts.scheme is None and parts.authority is None and url.lower().startswith(_SCHEMELESS):
        parts = split_url("//" + url)
        message = "The embed URL had no https:// in front; it was read as an https URL."
        warnings.append(EmbedWarning(code=WarningCode.SCHEME_MISSING, message=message))
    if parts.scheme not in (None, "http", "https"):
        scheme = quote_for_message(parts.scheme or "")
        message = f"timeline uses the {scheme} scheme; only https embeds are allowed"
        return Problem("bad-scheme", message)
    host = None if parts.authority is None else normalize_host(parts.authority)
    if host is None:
        return Problem("not-url", f"timeline {quote_for_message(url)} is not an absolute URL")
    if parts.scheme == "http":
        message = "The embed URL was http:; the canonical embed uses https."
        warnings.append(EmbedWarning(code=WarningCode.INSECURE_SCHEME, message=message))
    version: Literal[2, 3] | None = None
    if host in _KNIGHTLAB_HOSTS and (match := _EMBED_PATH.fullmatch(parts.path)):
        version = 3 if match.group(1) == "timeline3" else 2
        if host == "s3.amazonaws.com" and not parts.path.startswith("/cdn.knightlab.com/"):
            version = None
    elif host == "embed.verite.co" and _VERITE_PATH.fullmatch(parts.path):
        version = 2  # the original VéritéCo host of TimelineJS 1/2 embeds
    if version is None:
        if host == "knightlab.com" or host.endswith(".knightlab.com"):
            message = (
                f"timeline {quote_for_message(url)} is a Knight Lab URL but not a TimelineJS embed"
            )
            return Problem("not-embed", message)
        message = (
            f"timeline points at {quote_for_message(host)}, not at Knight Lab's TimelineJS embed"
        )
        return Problem("other-host", message)
    if version == 2:
        message = (
            "This is a TimelineJS 2 embed. Version 2 is retired and lost its Google Sheets "
            "access in 2021; the embed uses TimelineJS 3 with the same data and options."
        )
        warnings.append(EmbedWarning(code=WarningCode.LEGACY_EMBED, message=message))
    return _Located(version, parts.query or "", parts.fragment, tuple(warnings))


def _query_pairs(query: str) -> list[tuple[str, str | None]]:
    """Split like the v3 embed page: on "&", then at "=", each side percent-decoded."""
    pairs: list[tuple[str, str | None]] = []
    for part in query.split("&"):
        if part:
            key, has_value, raw = part.partition("=")
            pairs.append((percent_decode(key), percent_decode(raw) if has_value else None))
    return pairs


def _absorb_google_params(pairs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    result: list[tuple[str, str | None]] = []
    for key, value in pairs:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous[0] == "source"
            and previous[1] is not None
            and "docs.google.com/" in previous[1]
            and "?" in previous[1]
            and key in _GOOGLE_QUERY_KEYS
        ):
            result[-1] = ("source", f"{previous[1]}&{key}={value or ''}")
        else:
            result.append((key, value))
    return result


def _fragment_warning(fragment: str | None) -> list[EmbedWarning]:
    if not fragment or "=" not in fragment:
        return []
    message = (
        f"TimelineJS does not read anything after '#' in the embed URL, so "
        f"{quote_for_message(fragment)} was ignored; encode '#' as %23 if it belongs to a value."
    )
    return [EmbedWarning(code=WarningCode.OPTION_IGNORED, message=message)]


def _resolve(source: str | None, data_url: str | None) -> ResolvedSource | Problem:
    if data_url is not None:
        checked, warnings = check_data_url(data_url)
        if checked is not None:
            message = (
                "This page keeps its timeline data with the content, so the embed reads it from "
                "this API instead of the source in the URL."
            )
            replaced = EmbedWarning(
                code=WarningCode.SOURCE_REPLACED, message=message, param="source"
            )
            return ResolvedSource(local_source(checked), checked, (*warnings, replaced))
        if source is None:
            return Problem("bad-source", "the page's timeline data URL is not usable")
        resolved = resolve_source(source)
        if isinstance(resolved, Problem):
            return resolved
        return ResolvedSource(resolved.source, resolved.param, (*warnings, *resolved.warnings))
    if source is None:
        return Problem(
            "no-source",
            "the embed URL has no source parameter, so TimelineJS would show its demo timeline",
        )
    return resolve_source(source)
