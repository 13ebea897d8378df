"""Every way authors really write a TimelineJS embed parses to what TimelineJS 3 would use.

Each row: an id, the value as written, and the warning codes it must produce beyond the
family's own. Within a family all rows must give the same options and the same embed URL.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from api.timeline import parse_timeline
from tests.timeline.helpers import assert_safe_embed

KEY = "1xuY4upIooEeszZ_lCmeNx24eSFWe0rHe9ZdqH2xqVNk"
HOST3 = "cdn.knightlab.com/libs/timeline3/latest/embed/index.html"
HOST2 = "cdn.knightlab.com/libs/timeline/latest/embed/index.html"
V3 = f"https://{HOST3}"
V2 = f"https://{HOST2}"
REST = "font=Default&lang=en&initial_zoom=2&height=650"
QUERY = f"source={KEY}&{REST}"
SHEET = f"https://docs.google.com/spreadsheets/d/{KEY}"
IFRAME_TAIL = "webkitallowfullscreen mozallowfullscreen allowfullscreen frameborder='0'></iframe>"
GENERATOR_OPTIONS = {"font": "default", "lang": "en", "initial_zoom": 2, "height": 650}
GENERATOR_URL = f"{V3}?source={KEY}&font=default&lang=en&initial_zoom=2&height=650"


def form(name: str, value: str, *extra: str) -> object:
    """One row: a name for the test id, the value as written, warnings beyond the family's."""
    return pytest.param(value, set(extra), id=name)


GENERATOR_FORMS = [
    form("plain", f"{V3}?{QUERY}"),
    form("http", f"http://{HOST3}?{QUERY}", "insecure-scheme"),
    form("protocol-relative", f"//{HOST3}?{QUERY}"),
    form("no-scheme", f"{HOST3}?{QUERY}", "scheme-missing"),
    form("upper-case-host", f"https://CDN.KnightLab.com/libs/timeline3/latest/embed/?{QUERY}"),
    form("directory-index", f"https://cdn.knightlab.com/libs/timeline3/latest/embed/?{QUERY}"),
    form("pinned-version", f"https://cdn.knightlab.com/libs/timeline3/3.8.12/embed/?{QUERY}"),
    form("s3-path-style", f"https://s3.amazonaws.com/{HOST3}?{QUERY}"),
    form("amp-escaped", f"{V3}?{QUERY.replace('&', '&amp;')}"),
    form("amp-escaped-twice", f"{V3}?{QUERY.replace('&', '&amp;amp;')}"),
    form("numeric-escaped", f"{V3}?{QUERY.replace('&', '&#038;')}"),
    form("surrounding-space", f"  \n\t{V3}?{QUERY}  \n"),
    form(
        "folded-yaml", f"{V3}?source={KEY}&font=Default\n  &lang=en&initial_zoom=2\n  &height=650"
    ),
    form(
        "folded-into-spaces",
        f"{V3}?source={KEY} &font=Default &lang=en &initial_zoom=2 &height=650",
    ),
    form("zero-width-space", f"{V3}?source={KEY}\u200b&{REST}"),
    form("angle-brackets", f"<{V3}?{QUERY}>"),
    form("quoted", f'"{V3}?{QUERY}"'),
    form("iframe-generator", f"<iframe src='{V3}?{QUERY}' width='100%' height='650' {IFRAME_TAIL}"),
    form("iframe-double-quotes", f'<iframe src="{V3}?{QUERY.replace("&", "&amp;")}" height="650">'),
    form("iframe-upper-case", f"<IFRAME SRC='{V3}?{QUERY}' WIDTH='100%'></IFRAME>"),
    form("iframe-unquoted", f"<iframe src={V3}?{QUERY} width=100% height=650></iframe>"),
    form("iframe-in-a-paragraph", f"<p>Our timeline:</p>\n<iframe src='{V3}?{QUERY}'></iframe>"),
    form(
        "encoded-values",
        f"{V3}?source={KEY}&font=%44efault&lang=%65n&initial_zoom=%32&height=6%350",
    ),
    form("encoded-keys", f"{V3}?%73ource={KEY}&%66ont=Default&lang=en&initial%5Fzoom=2&height=650"),
    form("reordered", f"{V3}?height=650&initial_zoom=2&lang=en&font=Default&source={KEY}"),
    form("lower-case-font", f"{V3}?source={KEY}&font=default&lang=en&initial_zoom=2&height=650"),
    form("language-alias", f"{V3}?source={KEY}&font=Default&language=en&initial_zoom=2&height=650"),
    form("fragment", f"{V3}?{QUERY}#event-rome-statute-adopted"),
    form("empty-parameters", f"{V3}?&{QUERY}&&"),
    form("height-in-px", f"{V3}?{QUERY}px", "option-corrected"),
    form("sheet-url-source", f"{V3}?source={SHEET}/edit&{REST}"),
    form("sheet-url-encoded-tab-0", f"{V3}?source={quote(SHEET + '/edit#gid=0', safe='')}&{REST}"),
    form("sheet-url-pubhtml", f"{V3}?source={SHEET}/pubhtml&{REST}"),
    form("sheet-url-user-path", f"{V3}?source={SHEET.replace('/d/', '/u/1/d/')}/edit?usp=x&{REST}"),
    form("sheet-url-workspace", f"{V3}?source={SHEET.replace('.com/', '.com/a/x.org/')}&{REST}"),
]
OLD_KEY = "0Agl_Dv6iEbDadFYzRjJPUGktY0NkWXFUWkVIZDNGRHc"
OLD_SHEET = f"https://docs.google.com/spreadsheet/pub?key={OLD_KEY}"
V2_REST = "font=Bevan-PotanoSans&maptype=toner&lang=en&height=650"
V2_QUERY = f"source={OLD_KEY}&{V2_REST}"
V2_OPTIONS = {"font": "bevan-pontanosans", "lang": "en", "height": 650}
V2_URL = f"{V3}?source={OLD_KEY}&font=bevan-pontanosans&lang=en&height=650"
V2_FAMILY_WARNINGS = {"legacy-embed", "font-corrected", "option-ignored", "old-sheet-key"}

V2_FORMS = [
    form("v2", f"{V2}?{V2_QUERY}"),
    form("v2-http", f"http://{HOST2}?{V2_QUERY}", "insecure-scheme"),
    form("v2-protocol-relative", f"//{HOST2}?{V2_QUERY}"),
    form("v2-iframe", f"<iframe src='{V2}?{V2_QUERY}' width='100%' height='650'></iframe>"),
    form("v2-pinned", f"https://cdn.knightlab.com/libs/timeline/2.26.1/embed/?{V2_QUERY}"),
    form("v2-verite", f"http://embed.verite.co/timeline/?{V2_QUERY}", "insecure-scheme"),
    form("v2-old-sheet-url", f"{V2}?source={OLD_SHEET}&output=html&{V2_REST}"),
    form(
        "v2-old-sheet-url-encoded", f"{V2}?source={quote(OLD_SHEET + '&usp=x', safe='')}&{V2_REST}"
    ),
    form("v2-false-flags", f"{V2}?{V2_QUERY}&hash_bookmark=false&debug=false"),
]


@pytest.mark.parametrize(("value", "extra"), GENERATOR_FORMS)
def test_generator_forms(value: str, extra: set[str]) -> None:
    result = parse_timeline(value)
    assert result.problems == ()
    embed = result.embed
    assert embed is not None
    assert embed.version == 3
    assert embed.source_url == value
    assert (embed.source.kind, embed.source.key) == ("google-sheet", KEY)
    assert embed.options.model_dump() == GENERATOR_OPTIONS
    assert embed.embed_url == GENERATOR_URL
    assert {w.code for w in embed.warnings} == extra
    assert_safe_embed(embed)


@pytest.mark.parametrize(("value", "extra"), V2_FORMS)
def test_v2_forms(value: str, extra: set[str]) -> None:
    result = parse_timeline(value)
    embed = result.embed
    assert embed is not None, result.problems
    assert embed.version == 2
    assert (embed.source.kind, embed.source.key) == ("google-sheet", OLD_KEY)
    assert embed.options.model_dump(exclude={"hash_bookmark", "debug"}) == V2_OPTIONS
    assert embed.embed_url == V2_URL
    assert {w.code for w in embed.warnings} == V2_FAMILY_WARNINGS | extra
    assert_safe_embed(embed)


def test_pasted_iframe_keeps_its_own_size_when_the_url_has_none() -> None:
    value = f"<iframe src='{V3}?source={KEY}' width='800' height='500'></iframe>"
    embed = parse_timeline(value).embed
    assert embed is not None
    assert embed.options.width is None and embed.options.height is None  # v3 never sees them
    assert embed.iframe_html is not None
    assert "width='800' height='500'" in embed.iframe_html


def test_published_sheet_forms_agree() -> None:
    published = (
        "2PACX-1vTwrxBim-ruoMlLP9CnZIevWdP8rIatkV7XjNGXRSaMI94sNd-VbRF--W7A2kj6wfZhKUHWv1ur0Tb3"
    )
    sources = [
        f"v2:{published}",
        f"v2%3A{published}",
        f"https://docs.google.com/spreadsheets/d/e/{published}/pubhtml",
        f"https%3A%2F%2Fdocs.google.com%2Fspreadsheets%2Fd%2Fe%2F{published}%2Fpub%3Foutput%3Dcsv",
    ]
    for source in sources:
        embed = parse_timeline(f"{V3}?source={source}&lang=en").embed
        assert embed is not None, source
        assert embed.source.kind == "google-sheet-published"
        assert embed.source.key == published
        assert (
            embed.source.sheet_url
            == f"https://docs.google.com/spreadsheets/d/e/{published}/pubhtml"
        )
        assert embed.embed_url == f"{V3}?source=v2%3A{published}&lang=en"
        assert embed.warnings == ()


@pytest.mark.corpus
def test_every_timeline_in_the_corpus_parses(corpus_dir: Path) -> None:
    seen = 0
    for path in sorted(corpus_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        front = yaml.safe_load(text.split("---", 2)[1]) or {}
        if not isinstance(front, dict) or "timeline" not in front:
            continue
        result = parse_timeline(front["timeline"])
        assert result.problems == (), (path, result.problems)
        if front["timeline"]:
            seen += 1
            assert result.embed is not None
            assert_safe_embed(result.embed)
            assert "maptype" not in (result.embed.embed_url or "")
    assert seen >= 2
