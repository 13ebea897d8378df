"""The hosted embed of the local-data example, in a browser that can reach only loopback:
every slide renders, nothing leaves the machine, nothing breaks the page's CSP."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from api.embed.pins import TIMELINEJS
from tests.browser.cdp import Browser, Tab, off_machine
from tests.support.embedassets import require_real_assets
from tests.support.servers import api_server, free_port, static_server
from tests.support.sites import CONTENT, page, write_site

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

FRONTEND = Path(__file__).resolve().parents[2] / "examples" / "frontend"
LOCAL = "about-the-icc/icc-milestones"
#: Installed before any of the page's own scripts run: CSP refusals become visible.
VIOLATIONS = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation', e =>"
    " window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));"
)
#: The slide TimelineJS shows, once it has slid into view (null while it moves).
SHOWN = """(() => {
  const slide = document.getElementById(window.timeline.current_id);
  const box = slide && slide.getBoundingClientRect();
  if (!box || Math.abs(box.left) > 1 || box.width < 100) return null;
  const text = (selector) => (slide.querySelector(selector) || {}).textContent || "";
  return {headline: text(".tl-headline"), text: text(".tl-text-content")};
})()"""


def _get(url: str) -> Any:
    with urllib.request.urlopen(url) as response:
        return json.load(response)


def _slides(api: str) -> list[dict[str, str]]:
    """Headline and text of every slide, in TimelineJS's order: the title, then the events
    by date (eras are bands on the time axis, not slides)."""
    data = _get(f"{api}/api/v1/pages/{LOCAL}/timeline/data")

    def when(event: dict[str, Any]) -> tuple[int, ...]:
        date = event["start_date"]
        return tuple(int(date.get(k, 0)) for k in ("year", "month", "day"))

    ordered = [data["title"], *sorted(data["events"], key=when)]
    return [{"headline": s["text"]["headline"], "text": s["text"]["text"]} for s in ordered]


def _words(text: str) -> str:
    return " ".join(text.split())


def _assert_nothing_left_the_machine(tab: Tab) -> None:
    assert off_machine(tab.requested()) == []
    failed = [(status, url) for status, url in tab.responses() if status >= 400]
    assert failed == []
    assert tab.evaluate("window.__violations") == []


def test_every_slide_of_the_local_data_example_renders_offline(
    browser: Browser, hosted_api: str
) -> None:
    url = _get(f"{hosted_api}/api/v1/pages/{LOCAL}/timeline")["hosted_embed_url"]
    assert url == f"{hosted_api}/embed/timelines/{LOCAL}"
    expected = _slides(hosted_api)
    assert len(expected) == 15
    tab = browser.tab()
    tab.send("Page.addScriptToEvaluateOnNewDocument", {"source": VIOLATIONS})
    tab.goto(url)
    count = tab.wait_for(
        "window.timeline && window.timeline.ready && document.querySelectorAll('.tl-slide').length",
        "TimelineJS to build its slides",
    )
    assert count == len(expected)
    seen = []
    for index, slide in enumerate(expected):
        if index:
            assert tab.evaluate("!!document.querySelector('.tl-slidenav-next')")
            tab.evaluate("document.querySelector('.tl-slidenav-next').click()")
        shown = tab.wait_for(
            f"(() => {{ const s = {SHOWN}; return s && s.headline === "
            f"{json.dumps(slide['headline'])} && s; }})()",
            f"slide {index}: {slide['headline']}",
        )
        assert _words(shown["text"]) == _words(slide["text"])
        seen.append(shown["headline"])
    assert seen == [s["headline"] for s in expected]
    # The last slide has no "next".
    assert tab.evaluate(
        "getComputedStyle(document.querySelector('.tl-slidenav-next')).display"
    ) == ("none")
    # No analytics ran, no script came from elsewhere, the font set is the page's option.
    assert tab.evaluate("typeof window.gtag + typeof window.dataLayer") == "undefinedundefined"
    scripts = tab.evaluate("[...document.scripts].map(s => s.src).filter(Boolean)")
    assert scripts and all(src.startswith(f"{hosted_api}/embed/assets/") for src in scripts)
    font = tab.evaluate("getComputedStyle(document.querySelector('.tl-headline')).fontFamily")
    assert font.startswith("Georgia")
    _assert_nothing_left_the_machine(tab)


def test_the_example_frontend_shows_the_hosted_embed(browser: Browser, hosted_api: str) -> None:
    timeline = _get(f"{hosted_api}/api/v1/pages/{LOCAL}/timeline")
    with static_server(FRONTEND) as origin:
        tab = browser.tab()
        tab.send("Page.addScriptToEvaluateOnNewDocument", {"source": VIOLATIONS})
        tab.goto(f"{origin}/index.html?{urlencode({'api': hosted_api, 'page': LOCAL})}")
        src = tab.wait_for(
            "document.querySelector('#timeline iframe')?.getAttribute('src')",
            "the timeline iframe",
        )
        assert src == timeline["hosted_embed_url"]
        frame = tab.frame(src)
        headline = tab.wait_for(
            "document.querySelectorAll('.tl-slide').length > 1 && "
            "document.querySelector('.tl-slide .tl-headline').textContent",
            "the timeline inside the frame",
            frame,
        )
        assert headline == _slides(hosted_api)[0]["headline"]
        _assert_nothing_left_the_machine(tab)


def test_a_language_theme_and_font_set_come_from_the_package(
    browser: Browser, tmp_path: Path
) -> None:
    require_real_assets()
    options = "timeline_options:\n  lang: fr\n  theme: dark\n  font: pt"
    root = write_site(
        tmp_path / "site",
        {
            "_config.yml": "collections:\n  notes:\n    output: true\n",
            "_notes/jalons.md": page(f"title: Jalons\ntimeline_data: _data/jalons.csv\n{options}"),
            "_data/jalons.csv": (CONTENT / "_data/timelines/icc-milestones.csv").read_text(),
        },
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with api_server(root, env={"CONTENT_API_PUBLIC_URL": base}, port=port):
        tab = browser.tab()
        tab.send("Page.addScriptToEvaluateOnNewDocument", {"source": VIOLATIONS})
        tab.goto(f"{base}/embed/timelines/notes/jalons")
        tab.wait_for("window.timeline && window.timeline.ready", "TimelineJS to start")
        assert tab.evaluate("document.documentElement.lang") == "fr"
        dates = tab.wait_for(
            "[...document.querySelectorAll('.tl-slide .tl-headline-date')]"
            ".map(e => e.textContent).join(' | ')",
            "the slides' dates",
        )
        assert "juillet 1998" in dates  # French month names: the fr locale was read
        assert tab.evaluate("window.timeline.language.lang") == "fr"
        package = f"{base}/embed/assets/timelinejs/{TIMELINEJS.version}"
        loaded = {url for status, url in tab.responses() if status == 200}
        for name in (
            "js/locale/fr.json",
            "css/themes/timeline.theme.dark.css",
            "css/fonts/font.pt.css",
        ):
            assert f"{package}/{name}" in loaded, name
        _assert_nothing_left_the_machine(tab)
