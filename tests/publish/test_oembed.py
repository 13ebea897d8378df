from __future__ import annotations

from api.publish.oembed import Size, _with_param


def test_size_fits_inside_the_maxima_only_where_given() -> None:
    assert Size().fit(800, 650) == (800, 650)
    assert Size(maxwidth=300).fit(800, 650) == (300, 650)
    assert Size(maxheight=700).fit(800, 650) == (800, 650)
    assert Size(100, 50).fit(800, 650) == (100, 50)


def test_with_param_replaces_one_parameter() -> None:
    url = "https://cdn.example/embed/index.html?source=k&height=900&lang=en"
    assert _with_param(url, "height", 480) == (
        "https://cdn.example/embed/index.html?source=k&height=480&lang=en"
    )
    assert _with_param(url, "width", 10) == url
