"""Checks shared by the timeline tests: what a safe embed looks like."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from api.timeline import EMBED_PREFIX, TimelineEmbed
from api.timeline.option_values import PARSERS

IFRAME_ATTRIBUTES = frozenset(
    {
        "src",
        "width",
        "height",
        "webkitallowfullscreen",
        "mozallowfullscreen",
        "allowfullscreen",
        "frameborder",
    }
)
EMBED_KEYS = frozenset({"source", "trackResize", *PARSERS}) - {"track_resize"}
_VALUE = re.compile(r"[A-Za-z0-9._~%-]*")
_URL_SAFE = re.compile(r"[A-Za-z0-9._~%:/?&=-]*")


class _Recorder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, str]] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag))
        self.attributes = attrs

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        self.events.append(("data", data))

    def handle_comment(self, data: str) -> None:
        self.events.append(("comment", data))

    def handle_decl(self, decl: str) -> None:
        self.events.append(("decl", decl))

    def unknown_decl(self, data: str) -> None:
        self.events.append(("decl", data))

    def handle_pi(self, data: str) -> None:
        self.events.append(("pi", data))


def iframe_attributes(snippet: str) -> dict[str, str | None]:
    """Parse ``snippet``; assert it is exactly one iframe with only the generator's attributes."""
    recorder = _Recorder()
    recorder.feed(snippet)
    recorder.close()
    assert len(recorder.events) == 2, recorder.events
    assert recorder.events == [("start", "iframe"), ("end", "iframe")], recorder.events
    names = [name for name, _ in recorder.attributes]
    assert sorted(names) == sorted(IFRAME_ATTRIBUTES), names
    return dict(recorder.attributes)


def assert_safe_embed(embed: TimelineEmbed) -> None:
    """The invariants that make an embed safe to put into any page."""
    assert embed.embed_url is not None and embed.iframe_html is not None
    url = embed.embed_url
    assert url.startswith(EMBED_PREFIX)
    assert _URL_SAFE.fullmatch(url), url
    pairs = url.removeprefix(EMBED_PREFIX).split("&")
    assert pairs[0].startswith("source=")
    for pair in pairs:
        key, _, value = pair.partition("=")
        assert key in EMBED_KEYS, key
        assert _VALUE.fullmatch(value), value
    attributes = iframe_attributes(embed.iframe_html)
    assert attributes["src"] == url
    assert re.fullmatch(r"[0-9]{1,6}%?", attributes["width"] or ""), attributes
    assert re.fullmatch(r"[0-9]{1,6}%?", attributes["height"] or ""), attributes
    assert attributes["frameborder"] == "0"
    assert TimelineEmbed.model_validate_json(embed.model_dump_json()) == embed
