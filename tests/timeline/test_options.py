"""Options typed under their v3 names; what v3 would not read is left out, with a warning."""

from __future__ import annotations

import pytest

from api.timeline import parse_timeline
from api.timeline.options import parse_options

KEY = "1xuY4upIooEeszZ_lCmeNx24eSFWe0rHe9ZdqH2xqVNk"
V3 = "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html"


def typed(**params: object) -> tuple[dict[str, object], set[str]]:
    options, warnings = parse_options(params.items())
    return options.model_dump(), {w.code for w in warnings}


@pytest.mark.parametrize(
    ("params", "expected", "codes"),
    [
        ({"initial_zoom": "2"}, {"initial_zoom": 2}, set()),
        ({"initial_zoom": "11"}, {}, {"option-invalid"}),
        ({"initial_zoom": "2.5"}, {}, {"option-invalid"}),
        ({"start_at_slide": "+3"}, {"start_at_slide": 3}, set()),
        ({"start_at_slide": "-1"}, {}, {"option-invalid"}),
        ({"height": "900"}, {"height": 900}, set()),
        ({"height": 900}, {"height": 900}, set()),
        ({"height": "900px"}, {"height": 900}, {"option-corrected"}),
        ({"height": "100%"}, {"height": "100%"}, set()),
        ({"width": "80 %"}, {"width": "80%"}, {"option-corrected"}),
        ({"width": "0"}, {}, {"option-invalid"}),
        ({"width": "150%"}, {}, {"option-invalid"}),
        ({"width": True}, {}, {"option-invalid"}),
        ({"start_at_end": "true"}, {"start_at_end": True}, set()),
        ({"start_at_end": "1"}, {"start_at_end": True}, set()),
        ({"hash_bookmark": "false"}, {"hash_bookmark": False}, set()),
        ({"hash_bookmark": "FALSE"}, {"hash_bookmark": False}, set()),
        ({"debug": None}, {}, {"option-invalid"}),
        ({"debug": "maybe"}, {}, {"option-invalid"}),
        ({"dragging": False}, {"dragging": False}, set()),
        ({"track_resize": "true"}, {"trackResize": True}, set()),
        ({"trackResize": "false"}, {"trackResize": False}, set()),
        ({"timenav_position": "top"}, {"timenav_position": "top"}, set()),
        ({"timenav_position": "Top"}, {"timenav_position": "top"}, {"option-corrected"}),
        ({"timenav_position": "left"}, {}, {"option-invalid"}),
        ({"theme": "Contrast"}, {"theme": "contrast"}, set()),
        (
            {"theme": "http://example.org/t.css"},
            {"theme": "https://example.org/t.css"},
            {"insecure-scheme"},
        ),
        ({"default_bg_color": "#ABC"}, {"default_bg_color": "#aabbcc"}, set()),
        ({"default_bg_color": "fff000"}, {"default_bg_color": "#fff000"}, set()),
        ({"default_bg_color": "Black"}, {"default_bg_color": "black"}, set()),
        ({"default_bg_color": "grey"}, {}, {"option-invalid"}),
        ({"scale_factor": "0"}, {}, {"option-invalid"}),
        ({"timenav_height_percentage": "30"}, {"timenav_height_percentage": 30}, set()),
        ({"duration": "500"}, {"duration": 500}, set()),
        ({"Height": "900"}, {"height": 900}, {"option-corrected"}),
        ({"language": "fr"}, {"lang": "fr"}, set()),
        ({"maptype": "toner"}, {}, {"option-ignored"}),
        ({"start_zoom_adjust": "-1"}, {}, {"option-ignored"}),
        ({"gmap_key": "x"}, {}, {"option-ignored"}),
        ({"script_path": "https://evil.example/"}, {}, {"option-ignored"}),
        ({"sheets_proxy": "https://evil.example/?u="}, {}, {"option-ignored"}),
        ({"ga_measurement_id": "G-1"}, {}, {"option-ignored"}),
        ({"onload": "alert(1)"}, {}, {"option-ignored"}),
        ({"font": ""}, {}, {"option-invalid"}),
    ],
)
def test_option_typing(
    params: dict[str, object], expected: dict[str, object], codes: set[str]
) -> None:
    assert typed(**params) == (expected, codes)


@pytest.mark.parametrize(
    ("written", "font", "code"),
    [
        ("Bevan-PotanoSans", "bevan-pontanosans", "font-corrected"),
        ("bevan-potanosans", "bevan-pontanosans", "font-corrected"),
        ("PTSerif-PTSans", "pt", "font-corrected"),
        ("Bevan-PontanoSans", "bevan-pontanosans", None),
        ("Georgia-Helvetica", "georgia-helvetica", None),
        ("PT", "pt", None),
        ("Default", "default", None),
        ("UnicaOne-Vollkorn", "unicaone-vollkorn", None),
        ("Arvo-PTSans", None, "font-unknown"),
        ("AbrilFatface-Average", None, "font-unknown"),
        ("Comic-Sans", None, "font-unknown"),
        ("https://example.org/fonts/mine.css", "https://example.org/fonts/mine.css", None),
        ("//example.org/mine.css", "https://example.org/mine.css", None),
        ("mine.css", None, "option-invalid"),
    ],
)
def test_fonts(written: str, font: str | None, code: str | None) -> None:
    options, warnings = parse_options([("font", written)])
    assert options.font == font
    assert [w.code for w in warnings] == ([code] if code else [])


@pytest.mark.parametrize(
    ("written", "lang", "code"),
    [
        ("en", "en", None),
        ("pt-br", "pt-br", None),
        ("EN", "en", "lang-corrected"),
        ("pt_BR", "pt-br", "lang-corrected"),
        ("zh-CN", "zh-cn", "lang-corrected"),
        ("cs", "cz", "lang-corrected"),
        ("en-US", "en", "lang-corrected"),
        ("de-CH", "de", "lang-corrected"),
        ("xx", None, "lang-unknown"),
        ("klingon", None, "lang-unknown"),
        ("https://example.org/my-lang.json", "https://example.org/my-lang.json", None),
        ("my-lang.json", None, "option-invalid"),
    ],
)
def test_languages(written: str, lang: str | None, code: str | None) -> None:
    options, warnings = parse_options([("lang", written)])
    assert options.lang == lang
    assert [w.code for w in warnings] == ([code] if code else [])


def test_language_wins_over_lang_whatever_the_order() -> None:
    for params in ([("language", "fr"), ("lang", "de")], [("lang", "de"), ("language", "fr")]):
        options, warnings = parse_options(params)
        assert options.lang == "fr"
        assert [(w.code, w.param) for w in warnings] == [("option-ignored", "lang")]


def test_a_repeated_option_keeps_the_last_value_as_v3_does() -> None:
    options, warnings = parse_options([("height", "500"), ("height", "700")])
    assert options.height == 700
    assert [w.code for w in warnings] == ["option-ignored"]


def test_warnings_follow_the_order_of_the_url() -> None:
    embed = parse_timeline(f"{V3}?source={KEY}&maptype=toner&font=Bevan-PotanoSans&lang=xx").embed
    assert embed is not None
    assert [w.param for w in embed.warnings] == ["maptype", "font", "lang"]


def test_too_many_parameters_are_cut_off() -> None:
    options, warnings = parse_options([(f"x{i}", "1") for i in range(500)])
    assert options.model_dump() == {}
    assert len(warnings) == 65


def test_false_booleans_are_kept_in_options_but_not_sent() -> None:
    # v3 hands "false" over as a string and tests it for truthiness: it would turn them on.
    value = (
        f"{V3}?source={KEY}&hash_bookmark=false&debug=false&start_at_end=false&hash_bookmark=false"
    )
    embed = parse_timeline(value).embed
    assert embed is not None
    assert embed.options.hash_bookmark is False and embed.options.debug is False
    assert embed.embed_url == f"{V3}?source={KEY}"


def test_true_booleans_are_sent_as_true() -> None:
    embed = parse_timeline(f"{V3}?source={KEY}&hash_bookmark=1&debug=yes&use_bc=on").embed
    assert embed is not None
    assert embed.embed_url == f"{V3}?source={KEY}&debug=true&hash_bookmark=true&use_bc=true"
