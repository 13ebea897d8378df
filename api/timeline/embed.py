"""The canonical v3 embed URL and the generator's iframe for it.

Parameters come out in the order the Knight Lab generator writes them (website/static/js/main.js),
then the rest alphabetically, so the same timeline always gives the same URL.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Final

from api.timeline.models import (
    EmbedWarning,
    OptionValue,
    TimelineEmbed,
    TimelineOptions,
    WarningCode,
)
from api.timeline.options import parse_options
from api.timeline.source import local_source
from api.timeline.urls import check_http_url, encode_component, unicode_text

EMBED_PREFIX: Final = "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?"
DEFAULT_IFRAME_WIDTH: Final = "100%"
DEFAULT_IFRAME_HEIGHT: Final = "650"
_GENERATOR_ORDER: Final = (
    "font",
    "lang",
    "start_at_end",
    "timenav_position",
    "debug",
    "hash_bookmark",
    "initial_zoom",
    "theme",
    "start_at_slide",
    "width",
    "height",
)


def build_embed_url(source: str, options: TimelineOptions) -> str:
    """``source`` must already be checked (a sheet key, ``v2:`` key or checked URL)."""
    values: dict[str, OptionValue] = options.model_dump(by_alias=True)
    ordered: list[str] = [name for name in _GENERATOR_ORDER if name in values]
    ordered += sorted(name for name in values if name not in _GENERATOR_ORDER)
    pairs = [("source", source)]
    for name in ordered:
        value = values[name]
        if value is False:
            # The v3 embed page hands every parameter over as a string and Timeline.js tests
            # hash_bookmark/debug (and others) for truthiness, so "false" would turn them on.
            continue
        pairs.append((name, "true" if value is True else str(value)))
    return EMBED_PREFIX + "&".join(f"{k}={encode_component(v)}" for k, v in pairs)


def build_iframe_html(
    embed_url: str, options: TimelineOptions, fallback: TimelineOptions | None = None
) -> str:
    """The generator's snippet; every attribute value goes through html.escape, quotes too.

    Width and height come from the options, else from ``fallback`` (a pasted iframe's own
    size), else the generator's defaults.
    """
    width = _first(options.width, fallback.width if fallback else None, DEFAULT_IFRAME_WIDTH)
    height = _first(options.height, fallback.height if fallback else None, DEFAULT_IFRAME_HEIGHT)
    src, width, height = (html.escape(v, quote=True) for v in (embed_url, width, height))
    return (
        f"<iframe src='{src}' width='{width}' height='{height}' "
        "webkitallowfullscreen mozallowfullscreen allowfullscreen frameborder='0'></iframe>"
    )


def _first(*values: int | str | None) -> str:
    return next(str(v) for v in values if v is not None)


def embed_for_local_data(
    data_url: str | None,
    options: Mapping[str, object] | None = None,
    *,
    data_path: str | None = None,
) -> TimelineEmbed:
    """The embed of a page whose timeline data is kept with the content (``timeline_data:``).

    ``data_url`` is the absolute URL of the page's ``/timeline/data`` JSON, or None when the
    API has no public URL (``CONTENT_API_PUBLIC_URL``); then ``embed_url`` and ``iframe_html``
    are None and a ``public-url-missing`` warning says why, since TimelineJS on Knight Lab's CDN
    can only fetch data from a URL it can reach. ``options`` are raw option values (front-matter
    scalars or strings), typed like an embed URL's. ``data_path`` is the ``timeline_data:``
    value as written, reported as ``source_url``.
    """
    typed, warnings = parse_options((str(k), v) for k, v in (options or {}).items())
    checked_url, url_warnings = check_data_url(data_url)
    written = data_path if data_path is not None else (data_url or "")
    embed_url = None if checked_url is None else build_embed_url(checked_url, typed)
    return TimelineEmbed(
        version=3,
        source_url=unicode_text(written),
        source=local_source(checked_url),
        options=typed,
        embed_url=embed_url,
        iframe_html=None if embed_url is None else build_iframe_html(embed_url, typed),
        warnings=(*warnings, *url_warnings),
    )


def check_data_url(data_url: str | None) -> tuple[str | None, tuple[EmbedWarning, ...]]:
    """Check the API's own data URL; the lead's code builds it, but it still goes into HTML."""
    if data_url is None:
        message = (
            "This timeline's data is kept with the content. TimelineJS can only load it from "
            "the API's public address: set CONTENT_API_PUBLIC_URL to get an embed."
        )
        return None, (EmbedWarning(code=WarningCode.PUBLIC_URL_MISSING, message=message),)
    checked = check_http_url(unicode_text(data_url))
    if checked is None:
        message = "The timeline data URL is not an absolute http(s) URL; no embed was made."
        return None, (EmbedWarning(code=WarningCode.DATA_URL_INVALID, message=message),)
    if checked.was_insecure:
        # Keep http as configured (a local server may have no TLS), but say it will not load.
        message = (
            "CONTENT_API_PUBLIC_URL is http:; browsers block http requests from the https "
            "TimelineJS page, so the timeline will only load once the API is served over https."
        )
        warning = EmbedWarning(code=WarningCode.INSECURE_SCHEME, message=message, param="source")
        return "http" + checked.url.removeprefix("https"), (warning,)
    return checked.url, ()
