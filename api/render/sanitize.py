"""Sanitizing rendered HTML for clients that ask for it (``?sanitize=true``).

By default pages are served as Jekyll renders them: a site's authors are its owners and
their raw HTML (forms, embeds, scripts) is trusted, exactly as it is when Jekyll builds the
site. Sanitizing is for consumers that display the HTML in a context they do not control:
ordinary author markup (text formatting, links, images, tables, figures, code) is kept;
scripts, styles, forms, event handlers and ``javascript:`` URLs are dropped; iframes are kept
only when they embed one of ``IFRAME_HOSTS``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3

IFRAME_HOSTS = frozenset(
    {
        "cdn.knightlab.com",
        "uploads.knightlab.com",
        "www.youtube.com",
        "youtube.com",
        "www.youtube-nocookie.com",
        "player.vimeo.com",
    }
)

_TAGS = {
    "a", "abbr", "acronym", "address", "article", "aside", "b", "bdi", "bdo", "blockquote",
    "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "i", "iframe", "img", "ins", "kbd", "li", "main",
    "mark", "nav", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp",
    "section", "small", "source", "span", "strike", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var",
    "wbr",
}  # fmt: skip
_GLOBAL = {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-hidden"}
_ATTRIBUTES = {
    "*": _GLOBAL,
    "a": {"href", "name", "target", "hreflang"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
    "source": {"src", "srcset", "type", "media", "sizes"},
    "iframe": {"src", "width", "height", "frameborder", "allow", "allowfullscreen", "loading"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "code": {"data-lang"},
    "abbr": {"title"},
}
_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.S)
_SCHEMES = {"http", "https", "mailto", "tel"}
# Only kramdown's table alignment survives in a style attribute.
_ALIGNMENTS = {"text-align: left", "text-align: right", "text-align: center"}


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src":
        parts = urlsplit(value)
        if parts.scheme not in ("https", "http", "") or parts.hostname not in IFRAME_HOSTS:
            return None
    if attribute == "style" and value.strip().rstrip(";") not in _ALIGNMENTS:
        return None
    return value


def sanitize_html(html: str) -> str:
    """``html`` with everything but ordinary author markup removed (see the module doc)."""
    cleaned = str(
        nh3.clean(
            html,
            tags=_TAGS,
            clean_content_tags={"script", "style", "template", "noscript", "textarea", "select"},
            attributes=_ATTRIBUTES,
            attribute_filter=_filter,
            url_schemes=_SCHEMES,
            link_rel="noopener noreferrer",
            strip_comments=True,
        )
    )
    # An iframe whose source was refused embeds nothing; drop the empty frame as well.
    return _EMPTY_IFRAME.sub("", cleaned)
