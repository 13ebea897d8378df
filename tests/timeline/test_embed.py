"""The canonical embed URL, the iframe, and embeds of data kept with the content."""

from __future__ import annotations

from api.timeline import EMBED_PREFIX, TimelineOptions, embed_for_local_data, parse_timeline
from api.timeline.embed import build_embed_url, build_iframe_html
from tests.timeline.helpers import assert_safe_embed, iframe_attributes

KEY = "1xuY4upIooEeszZ_lCmeNx24eSFWe0rHe9ZdqH2xqVNk"
V3 = "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html"
DATA_URL = "https://content.example.org/api/v1/pages/about-the-icc%2Fus/timeline/data"


def test_parameters_come_in_the_generators_order_then_alphabetically() -> None:
    options = TimelineOptions.model_validate(
        {
            "height": 650, "width": "100%", "start_at_slide": 2, "theme": "contrast",
            "initial_zoom": 3, "hash_bookmark": True, "debug": True, "timenav_position": "top",
            "start_at_end": True, "lang": "fr", "font": "pt", "duration": 500, "dragging": True,
            "trackResize": True,
        }
    )  # fmt: skip
    assert build_embed_url(KEY, options) == (
        f"{EMBED_PREFIX}source={KEY}&font=pt&lang=fr&start_at_end=true&timenav_position=top"
        "&debug=true&hash_bookmark=true&initial_zoom=3&theme=contrast&start_at_slide=2"
        "&width=100%25&height=650&dragging=true&duration=500&trackResize=true"
    )


def test_values_are_percent_encoded() -> None:
    options = TimelineOptions(font="https://example.org/f.css?a=1&b=2")
    url = build_embed_url("https://example.org/t.json?x=1&y=2", options)
    assert url == (
        f"{EMBED_PREFIX}source=https%3A%2F%2Fexample.org%2Ft.json%3Fx%3D1%26y%3D2"
        "&font=https%3A%2F%2Fexample.org%2Ff.css%3Fa%3D1%26b%3D2"
    )


def test_iframe_is_the_generators_with_every_attribute_escaped() -> None:
    url = f"{EMBED_PREFIX}source={KEY}&lang=en&height=650"
    html = build_iframe_html(url, TimelineOptions(height=650))
    assert html == (
        f"<iframe src='{EMBED_PREFIX}source={KEY}&amp;lang=en&amp;height=650' width='100%' "
        "height='650' webkitallowfullscreen mozallowfullscreen allowfullscreen frameborder='0'>"
        "</iframe>"
    )
    assert iframe_attributes(html)["src"] == url


def test_iframe_defaults_to_the_generators_size() -> None:
    html = build_iframe_html(f"{EMBED_PREFIX}source={KEY}", TimelineOptions())
    attributes = iframe_attributes(html)
    assert (attributes["width"], attributes["height"]) == ("100%", "650")


def test_same_timeline_same_url() -> None:
    a = parse_timeline(f"{V3}?lang=en&source={KEY}&height=500&font=PT").embed
    b = parse_timeline(
        f"//cdn.knightlab.com/libs/timeline3/latest/embed/?font=pt&height=500&source={KEY}&lang=en"
    ).embed
    assert a is not None and b is not None
    assert a.embed_url == b.embed_url


def test_local_data_with_a_public_url() -> None:
    embed = embed_for_local_data(
        DATA_URL, {"font": "Bevan-PotanoSans", "height": 700, "hash_bookmark": False},
        data_path="_data/timelines/us-icc.csv",
    )  # fmt: skip
    assert embed.version == 3
    assert embed.source_url == "_data/timelines/us-icc.csv"
    assert embed.source.model_dump() == {
        "kind": "local",
        "key": None,
        "url": DATA_URL,
        "sheet_url": None,
    }
    assert embed.options.model_dump() == {
        "font": "bevan-pontanosans",
        "height": 700,
        "hash_bookmark": False,
    }
    assert embed.embed_url == (
        f"{EMBED_PREFIX}source=https%3A%2F%2Fcontent.example.org%2Fapi%2Fv1%2Fpages%2F"
        "about-the-icc%252Fus%2Ftimeline%2Fdata&font=bevan-pontanosans&height=700"
    )
    assert [w.code for w in embed.warnings] == ["font-corrected"]
    assert_safe_embed(embed)


def test_local_data_without_a_public_url_has_no_embed() -> None:
    embed = embed_for_local_data(None, data_path="_data/timelines/us-icc.csv")
    assert embed.embed_url is None and embed.iframe_html is None
    assert embed.source.kind == "local" and embed.source.url is None
    (warning,) = embed.warnings
    assert warning.code == "public-url-missing"
    assert "CONTENT_API_PUBLIC_URL" in warning.message


def test_local_data_with_an_http_public_url_says_it_will_not_load() -> None:
    embed = embed_for_local_data("http://localhost:8000/api/v1/pages/x/timeline/data")
    assert embed.source.url == "http://localhost:8000/api/v1/pages/x/timeline/data"
    assert [w.code for w in embed.warnings] == ["insecure-scheme"]


def test_local_data_with_a_broken_url() -> None:
    embed = embed_for_local_data("javascript:alert(1)")
    assert embed.embed_url is None
    assert [w.code for w in embed.warnings] == ["data-url-invalid"]


def test_a_page_with_both_a_url_and_local_data_reads_the_local_data() -> None:
    value = f"{V3}?source={KEY}&font=Default&lang=en&height=650"
    embed = parse_timeline(value, data_url=DATA_URL).embed
    assert embed is not None
    assert embed.source.kind == "local" and embed.source.url == DATA_URL
    assert embed.options.model_dump() == {"font": "default", "lang": "en", "height": 650}
    assert embed.embed_url is not None
    assert embed.embed_url.startswith(f"{EMBED_PREFIX}source=https%3A%2F%2Fcontent.example.org")
    assert [w.code for w in embed.warnings] == ["source-replaced"]


def test_local_data_rescues_an_embed_whose_own_source_is_broken() -> None:
    embed = parse_timeline(f"{V3}?source=abc&lang=en", data_url=DATA_URL).embed
    assert embed is not None and embed.source.kind == "local"


def test_embed_json_has_exactly_the_issues_shape() -> None:
    embed = parse_timeline(f"{V3}?source={KEY}").embed
    assert embed is not None
    dumped = embed.model_dump(mode="json")
    assert list(dumped) == [
        "provider",
        "version",
        "source_url",
        "source",
        "options",
        "embed_url",
        "iframe_html",
        "warnings",
        "hosted_embed_url",
        "hosted_iframe_html",
    ]
    # Set by the site when it serves hosted embeds and knows its public URL.
    assert dumped["hosted_embed_url"] is None and dumped["hosted_iframe_html"] is None
    assert list(dumped["source"]) == ["kind", "key", "url", "sheet_url"]
    assert dumped["options"] == {}
