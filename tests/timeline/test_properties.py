"""Property tests: nothing raises, and nothing unescaped ever comes out."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from api.timeline import embed_for_local_data, parse_timeline
from api.timeline.option_values import PARSERS
from tests.timeline.helpers import assert_safe_embed

KEY = "1xuY4upIooEeszZ_lCmeNx24eSFWe0rHe9ZdqH2xqVNk"
PREFIXES = [
    "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html",
    "//cdn.knightlab.com/libs/timeline/latest/embed/",
    "http://embed.verite.co/timeline/",
]
NASTY = [
    *"'\"<>&%#=? \n\x00\u202e\ud7ffé+",
    "&amp;",
    "%27",
    "%3C",
    "%E9",
    "%ZZ",
    "%",
    "javascript:",
]
NASTY += ["</iframe>", "<script>"]

nasty_text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=8)), max_size=6).map(
    "".join
)
keys = st.one_of(
    st.sampled_from(sorted(PARSERS)), st.sampled_from(["language", "maptype"]), nasty_text
)
sources = st.one_of(
    st.just(KEY),
    st.just(f"v2:2PACX-{KEY}"),
    st.builds(lambda t: f"https://example.org/{t}.json", nasty_text),
    st.builds(lambda t: f"https://docs.google.com/spreadsheets/d/{KEY}/{t}", nasty_text),
    nasty_text,
)


@st.composite
def embed_urls(draw: st.DrawFn) -> str:
    """Embed URLs that mostly parse, with hostile keys and values, encoded or not."""
    params = [("source", draw(sources))]
    params += draw(st.lists(st.tuples(keys, nasty_text), max_size=8))
    encode = draw(st.booleans())
    query = "&".join(
        f"{quote(k, safe='') if encode else k}={quote(v, safe='') if encode else v}"
        for k, v in draw(st.permutations(params))
    )
    url = f"{draw(st.sampled_from(PREFIXES))}?{query}"
    return draw(
        st.sampled_from(
            [
                url,
                url.replace("&", "&amp;"),
                f"<iframe src='{url}' height='{query[:20]}'>",
                f" {url}\n",
            ]
        )
    )


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.binary(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(embed_urls())
@example(f"{PREFIXES[0]}?source={KEY}&font='><script>alert(1)</script>")
@example(f"{PREFIXES[0]}?source=https://example.org/'onload='x.json&height=1%27")
@example(f'<iframe src="{PREFIXES[0]}?source={KEY}&width=1&quot;><b>" width=\'"><b>\'>')
def test_embed_urls_give_safe_embeds_or_problems(value: str) -> None:
    result = parse_timeline(value)
    if result.embed is None:
        assert result.problems
    else:
        assert result.problems == ()
        assert_safe_embed(result.embed)


@settings(max_examples=300)
@given(st.text())
def test_any_text_never_raises(value: str) -> None:
    result = parse_timeline(value)
    if result.embed is not None:
        assert_safe_embed(result.embed)


@settings(max_examples=200)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200).map(lambda t: f"{PREFIXES[0]}?{t}")
)
def test_any_query_never_raises(value: str) -> None:
    result = parse_timeline(value)
    if result.embed is not None:
        assert_safe_embed(result.embed)


@settings(max_examples=200)
@given(json_like)
def test_any_object_never_raises(value: object) -> None:
    result = parse_timeline(value)
    assert result.embed is None or isinstance(value, str)


@settings(max_examples=200)
@given(st.dictionaries(keys, json_like, max_size=6), st.one_of(st.none(), nasty_text))
def test_local_embeds_are_always_safe(options: dict[str, object], data_url: str | None) -> None:
    embed = embed_for_local_data(data_url, options)
    if embed.embed_url is not None:
        assert_safe_embed(embed)
    else:
        assert embed.iframe_html is None and embed.warnings


# Lone surrogates come out of YAML and JSON escapes ("\\ud800"); they cannot be encoded.
with_surrogates = st.text(st.one_of(st.characters(), st.sampled_from("\ud800\udfff&=?%")))


@settings(max_examples=200)
@given(with_surrogates, with_surrogates, with_surrogates)
def test_lone_surrogates_never_break_encoding(key: str, value: str, tail: str) -> None:
    result = parse_timeline(f"{PREFIXES[0]}?source={KEY}&{key}={value}{tail}")
    if result.embed is not None:
        assert_safe_embed(result.embed)
    local = embed_for_local_data(f"https://example.org/{value}", {key: value}, data_path=tail)
    local.model_dump_json()
