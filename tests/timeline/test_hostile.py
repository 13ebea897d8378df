"""Values that are not a Knight Lab TimelineJS embed never become one."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from api.timeline import parse_timeline

KEY = "1xuY4upIooEeszZ_lCmeNx24eSFWe0rHe9ZdqH2xqVNk"
PATH = "/libs/timeline3/latest/embed/index.html"

EMBED = f"https://cdn.knightlab.com{PATH}"
GOOD = f"?source={KEY}"


def case(name: str, value: str, code: str) -> object:
    return pytest.param(value, code, id=name)


HOSTILE = [
    case("javascript", "javascript:alert(document.cookie)", "bad-scheme"),
    case("javascript-mixed-case", " JaVaScRiPt:alert(1)", "bad-scheme"),
    case("javascript-split-by-newline", "java\nscript:alert(1)", "bad-scheme"),
    case("data", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "bad-scheme"),
    case("vbscript", "vbscript:msgbox(1)", "bad-scheme"),
    case("file", f"file:///etc/passwd{GOOD}", "bad-scheme"),
    case("ftp", f"ftp://cdn.knightlab.com{PATH}{GOOD}", "bad-scheme"),
    case("other-host", f"https://evil.example{PATH}{GOOD}", "other-host"),
    case(
        "lookalike-host",
        f"https://cdn.knightlab.com.evil.example{PATH}{GOOD}",
        "other-host",
    ),
    case("userinfo", f"https://cdn.knightlab.com@evil.example{PATH}{GOOD}", "not-url"),
    case("odd-port", f"https://cdn.knightlab.com:8443{PATH}{GOOD}", "other-host"),
    case("ipv6", f"https://[::1]{PATH}{GOOD}", "not-url"),
    case("s3-other-bucket", f"https://s3.amazonaws.com/evil{PATH}{GOOD}", "other-host"),
    case(
        "storymap",
        "https://cdn.knightlab.com/libs/storymapjs/latest/embed/?url=x",
        "not-embed",
    ),
    case(
        "path-traversal",
        f"https://cdn.knightlab.com/libs/timeline3/../../x/embed/{GOOD}",
        "not-embed",
    ),
    case("knightlab-page", "https://timeline.knightlab.com/", "not-embed"),
    case(
        "google-sheet-itself",
        f"https://docs.google.com/spreadsheets/d/{KEY}/edit",
        "other-host",
    ),
    case("relative", f"{PATH}{GOOD}", "not-url"),
    case("garbage", "not a timeline", "not-url"),
    case("script-tag", "<script>alert(1)</script>", "not-url"),
    case("iframe-elsewhere", "<iframe src='https://evil.example/'></iframe>", "other-host"),
    case("iframe-without-src", "<iframe width='100%'></iframe>", "not-url"),
    case("iframe-javascript", "<iframe src='javascript:alert(1)'></iframe>", "bad-scheme"),
    case("iframe-srcdoc", "<iframe srcdoc='<script>alert(1)</script>'></iframe>", "not-url"),
    case("no-source", f"{EMBED}?font=default", "no-source"),
    case("empty-source", f"{EMBED}?source=", "no-source"),
    case("javascript-source", f"{EMBED}?source=javascript:alert(1)", "bad-source"),
    case("data-source", f"{EMBED}?source=data:application/json,%7B%7D", "bad-source"),
    case("script-source", f"{EMBED}?source=%3Cscript%3E", "bad-source"),
    case("short-source", f"{EMBED}?source=abc", "bad-source"),
    case("relative-source", f"{EMBED}?source=/data/timeline.json", "bad-source"),
    case(
        "google-doc-source",
        f"{EMBED}?source=https://docs.google.com/document/d/x/edit",
        "bad-source",
    ),
    case("too-long", f"{EMBED}{GOOD}&x=" + "a" * 70_000, "too-long"),
    case("markup-in-the-host", f"https://cdn.knightlab.com<b>{PATH}{GOOD}", "not-url"),
    case("markup-in-the-source", f'{EMBED}?source={KEY}"><script>', "bad-source"),
]


@pytest.mark.parametrize(("value", "code"), HOSTILE)
def test_hostile_values_never_become_an_embed(value: str, code: str) -> None:
    result = parse_timeline(value)
    assert result.embed is None
    assert [p.code for p in result.problems] == [code]
    assert all(p.message for p in result.problems)


@pytest.mark.parametrize(
    "value", [42, 3.5, True, ["https://cdn.knightlab.com"], {"source": KEY}, b"bytes", object()]
)
def test_values_that_are_not_text(value: object) -> None:
    result = parse_timeline(value)
    assert result.embed is None
    assert [p.code for p in result.problems] == ["not-text"]


@pytest.mark.parametrize("value", [None, False, "", "   ", "\n\t"])
def test_no_timeline_is_not_a_problem(value: object) -> None:
    assert parse_timeline(value).embed is None
    assert parse_timeline(value).problems == ()


def test_problem_messages_do_not_carry_control_characters() -> None:
    result = parse_timeline("https://evil.example/\x1b[31m\x00")
    assert result.problems
    assert all(c.isprintable() for p in result.problems for c in p.message)


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("font", "javascript:alert(1)"),
        ("font", "'><script>alert(1)</script>"),
        ("theme", "data:text/css,body{}"),
        ("lang", "../../evil"),
        ("lang", "javascript:alert(1).json"),
        ("default_bg_color", "red;background:url(x)"),
        ("height", "100%;x"),
        ("width", "<b>"),
        ("timenav_position", "top' onload='x"),
    ],
)
def test_hostile_option_values_are_dropped(param: str, value: str) -> None:
    embed = parse_timeline(
        f"https://cdn.knightlab.com{PATH}?source={KEY}&{param}={quote(value)}"
    ).embed
    assert embed is not None
    assert param not in embed.options.model_dump()
    assert embed.embed_url == f"https://cdn.knightlab.com{PATH}?source={KEY}"
    assert {w.code for w in embed.warnings} <= {"option-invalid", "font-unknown", "lang-unknown"}


def test_raw_markup_in_an_option_of_a_bare_url_drops_that_option() -> None:
    embed = parse_timeline(f"https://cdn.knightlab.com{PATH}?source={KEY}&width=<b>").embed
    assert embed is not None
    assert [(w.code, w.param) for w in embed.warnings] == [("option-invalid", "width")]
    assert embed.embed_url == f"https://cdn.knightlab.com{PATH}?source={KEY}"


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("width", '100%"><script>alert(1)</script>'),
        ("height", "650' onload='alert(1)"),
        ("font", "Georgia\x00"),
        ("theme", "javascript:alert(1)//.css"),
        ("lang", "data:application/json,{}"),
        ("start_at_slide", "1`"),
        ("hash_bookmark", "<true>"),
        ("default_bg_color", "#fff\u0085"),
        ("font", "https://fonts.example/" + "a" * 3000 + ".css"),
    ],
)
@pytest.mark.parametrize("form", ["url", "raw-url", "iframe", "folded"])
def test_a_real_embed_keeps_its_embed_when_one_option_is_hostile(
    param: str, value: str, form: str
) -> None:
    """The host and source are TimelineJS's: the embed stays, with its other options; the
    bad one is dropped with an option-invalid warning, and nothing of it reaches embed_url
    or iframe_html."""
    good = f"https://cdn.knightlab.com{PATH}?source={KEY}&start_at_end=true&initial_zoom=2"
    written = {
        "url": f"{good}&{param}={quote(value)}",
        "raw-url": f"{good}&{param}={value}",
        "iframe": f"<iframe src='{good}&amp;{param}={quote(value)}' height='650'></iframe>",
        "folded": f"{good} &{param}={quote(value)}",
    }[form]
    embed = parse_timeline(written).embed
    assert embed is not None, parse_timeline(written).problems
    options = embed.options.model_dump(exclude_none=True)
    assert options["start_at_end"] is True and options["initial_zoom"] == 2
    assert param not in options or param == "height"  # the iframe's own height is kept
    assert ("option-invalid", param) in [(w.code, w.param) for w in embed.warnings]
    assert embed.embed_url is not None and embed.iframe_html is not None
    assert f"&{param}=" not in embed.embed_url
    for fragment in ("<script", "onload", "javascript", "data:", "\x00", "`", "aaaa"):
        assert fragment not in embed.embed_url and fragment not in embed.iframe_html
