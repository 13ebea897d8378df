"""The hosted embed page of a timeline, and the Content-Security-Policy it is served with.

The page runs TimelineJS 3 from this API's origin with the timeline's options. It names no
other host: every URL in it is a path on this origin, except the sheets proxy of a timeline
that reads a Google Sheet. Its configuration is a JSON data block, so no inline script runs,
and the policy lets the page load only from this origin (plus that proxy) while any site
may frame it.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlsplit

from api.embed.assets import EmbedAssets
from api.timeline.hosted import HostedSource, foreign_option
from api.timeline.models import TimelineEmbed

#: The frame decides the size (the iframe carries the embed's width and height).
_FRAME_OPTIONS: Final = frozenset({"width", "height"})
_LANG: Final = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*", re.IGNORECASE)
# In a <script> data block only "</script" and "<!--" could end it early; escaping every <,
# > and & keeps any text inert (JSON.parse reads the \u escapes back).
_SCRIPT_UNSAFE: Final = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@dataclass(frozen=True, slots=True)
class PageSettings:
    sheets_proxy: str  # TimelineJS appends the sheet's CSV URL to it
    frame_ancestors: str  # the CSP source list of who may frame the page
    root: str = ""  # the server's root path, when it is mounted below one


@dataclass(frozen=True, slots=True)
class HostedPage:
    html: bytes
    csp: str


def hosted_page(
    embed: TimelineEmbed,
    source: HostedSource,
    *,
    title: str,
    data_path: str,
    assets: EmbedAssets,
    settings: PageSettings,
) -> HostedPage:
    """The page for ``embed``; ``data_path`` is the page's ``/timeline/data`` path."""
    root = settings.root
    package = assets.package_path
    config: dict[str, Any] = {
        "script_path": assets.url(f"{package}/js/", root),
        "options": page_options(embed),
    }
    if source.kind == "local":
        config["source"] = {"kind": "local", "path": root + data_path}
    else:
        config["source"] = {"kind": "sheet", "key": source.value, "proxy": settings.sheets_proxy}
    lang = embed.options.lang or "en"
    scripts = [f"{package}/js/timeline.js", assets.own["embed.js"]]
    styles = [f"{package}/css/timeline.css", assets.own["embed.css"]]
    head = [
        "<meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{_text(title)} · Timeline</title>",
        "<link rel='icon' href='data:,'>",
        f"<link rel='license' href='{_attr(assets.url(f'{package}/LICENSE', root))}'>",
        *(
            f"<link rel='stylesheet' href='{_attr(assets.url(p, root))}' "
            f"integrity='{assets.integrity(p)}'>"
            for p in styles
        ),
        "<base target='_blank'>",
        "<script type='application/json' id='timeline-config'>"
        f"{json.dumps(config, ensure_ascii=False).translate(_SCRIPT_UNSAFE)}</script>",
        *(
            f"<script src='{_attr(assets.url(p, root))}' integrity='{assets.integrity(p)}' "
            "defer></script>"
            for p in scripts
        ),
    ]
    body = "<div id='timeline-embed'></div><noscript>This timeline needs JavaScript.</noscript>"
    page = (
        "<!doctype html>\n"
        f"<html lang='{_attr(lang if _LANG.fullmatch(lang) else 'en')}'>\n"
        "<head>\n" + "\n".join(head) + "\n</head>\n"
        f"<body>{body}</body>\n</html>\n"
    )
    proxy = proxy_source(settings.sheets_proxy) if source.kind == "sheet" else None
    return HostedPage(page.encode("utf-8"), content_security_policy(proxy, settings))


def page_options(embed: TimelineEmbed) -> dict[str, Any]:
    """The options TimelineJS is started with: the embed's, under their v3 names, less the
    frame's size and any value that would load from another host."""
    values: dict[str, Any] = embed.options.model_dump(by_alias=True)
    return {
        name: value
        for name, value in values.items()
        if name not in _FRAME_OPTIONS and not foreign_option(name, value)
    }


def proxy_source(proxy: str) -> str:
    """The CSP source for the sheets proxy: its origin and path up to the last ``/``."""
    parts = urlsplit(proxy)
    path = parts.path[: parts.path.rfind("/") + 1] or "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


def content_security_policy(connect: str | None, settings: PageSettings) -> str:
    """Scripts, styles, fonts and data from this origin only; ``connect`` adds the proxy."""
    connect_src = "'self'" + (f" {connect}" if connect else "")
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"font-src 'self'; connect-src {connect_src}; "
        f"frame-ancestors {settings.frame_ancestors}; base-uri 'none'; form-action 'none'"
    )


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _text(value: str) -> str:
    return html.escape(value, quote=False)
