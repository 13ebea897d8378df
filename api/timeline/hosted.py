"""The hosted embed of a timeline: whether it can be hosted, and the fields that point at it.

A hosted embed is this API's own page running TimelineJS 3 (``/embed/timelines/{page_id}``).
It reads data from this origin (the page's ``timeline_data``) or from a Google Sheet through
the configured sheets proxy, and from nowhere else: a timeline whose data is a CSV or JSON
URL of another host is not hosted, since its page would have to let that host in.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import parse_qsl, quote

from api.timeline.embed import DEFAULT_IFRAME_HEIGHT, DEFAULT_IFRAME_WIDTH
from api.timeline.models import EmbedWarning, SourceKind, TimelineEmbed, WarningCode

EMBED_PATH: Final = "/embed/timelines/"
_SHEETS: Final = frozenset({SourceKind.GOOGLE_SHEET, SourceKind.GOOGLE_SHEET_PUBLISHED})
# The generator's iframe, as build_iframe_html writes it: its size survives the switch.
_SIZE: Final = re.compile(r"^<iframe src='[^']*' width='([^']*)' height='([^']*)'")
# Options whose value may be a URL: TimelineJS would load it from wherever it points.
_URL_VALUED: Final = {"font": (".css",), "theme": (".css",), "lang": (".json",)}


@dataclass(frozen=True, slots=True)
class HostedSource:
    """``local``: the page's own data on this API; ``sheet``: ``value`` is the ``source``
    TimelineJS reads through the sheets proxy (a sheet ID, ``v2:`` key or sheet URL)."""

    kind: Literal["local", "sheet"]
    value: str = ""


def hosted_path(page_id: str) -> str:
    """The API path of a page's hosted embed (ids percent-encoded, ``/`` kept)."""
    return EMBED_PATH + quote(page_id, safe="/")


def hosted_source(embed: TimelineEmbed) -> HostedSource | None:
    """Where the hosted embed reads the data, or None when it cannot be hosted."""
    if embed.source.kind is SourceKind.LOCAL:
        return HostedSource("local")
    if embed.source.kind in _SHEETS and embed.embed_url is not None:
        query = embed.embed_url.partition("?")[2]
        for name, value in parse_qsl(query, keep_blank_values=True):
            if name == "source" and value:
                return HostedSource("sheet", value)
    return None


def foreign_option(name: str, value: object) -> bool:
    """True for an option whose value is a URL (``font=https://...css``): loading it would
    reach another host, so the hosted page leaves it out."""
    endings = _URL_VALUED.get(name)
    if endings is None or not isinstance(value, str):
        return False
    lowered = value.lower()
    return lowered.startswith(("http:", "https:", "//")) or lowered.endswith(endings)


def with_hosted_embed(embed: TimelineEmbed, url: str, title: str) -> TimelineEmbed:
    """``embed`` with ``hosted_embed_url`` = ``url`` (absolute) and its iframe, and a warning
    for each option the hosted page leaves out."""
    values = embed.options.model_dump(by_alias=True)
    warnings = [
        EmbedWarning(
            code=WarningCode.OPTION_IGNORED,
            message=(
                f"The hosted embed loads nothing from other hosts, so it ignores {name}="
                f"{value}; it uses TimelineJS's own {name} instead."
            ),
            param=name,
        )
        for name, value in values.items()
        if foreign_option(name, value)
    ]
    return embed.model_copy(
        update={
            "hosted_embed_url": url,
            "hosted_iframe_html": hosted_iframe_html(embed, url, title),
            "warnings": (*embed.warnings, *warnings),
        }
    )


def hosted_iframe_html(embed: TimelineEmbed, url: str, title: str) -> str:
    """The iframe of the hosted embed, as big as the generator's (the page fills its frame)."""
    width: str = DEFAULT_IFRAME_WIDTH
    height: str = DEFAULT_IFRAME_HEIGHT
    sized = _SIZE.match(embed.iframe_html or "")
    if sized is not None:
        width, height = html.unescape(sized.group(1)), html.unescape(sized.group(2))
    if embed.options.width is not None:
        width = str(embed.options.width)
    if embed.options.height is not None:
        height = str(embed.options.height)
    src, width, height, label = (
        html.escape(v, quote=True) for v in (url, width, height, f"Timeline: {title}")
    )
    return (
        f"<iframe src='{src}' width='{width}' height='{height}' title='{label}' "
        "allowfullscreen frameborder='0'></iframe>"
    )
