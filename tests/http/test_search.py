"""``/api/v1/search`` over HTTP: languages, text with no word in it, the fast path."""

from __future__ import annotations

from collections.abc import Callable

from tests.http.conftest import Client
from tests.support.sites import page

SITE = {
    "_config.yml": "lang: en\ncollections:\n  news:\n    output: true\n",
    "_news/courts.md": page("title: Courts", "Two courts were running trials.\n"),
    "_news/tribunaux.md": page("title: Tribunaux\nlang: fr", "Les juridictions jugèrent.\n"),
    "_news/tokyo.md": page("title: ニュース\nlang: ja", "私は東京都庁で働いています。\n"),
}


def ids(client: Client, query: str) -> list[str]:
    response = client.get(f"/api/v1/search?{query}")
    assert response.status_code == 200, response.text
    return sorted(hit["id"] for hit in response.json()["data"])


def test_lang_filters_and_each_page_is_read_in_its_language(
    make_client: Callable[..., Client],
) -> None:
    client = make_client(SITE)
    assert ids(client, "q=court") == ["news/courts"]  # stemmed as English, the site's lang
    assert ids(client, "q=court&lang=en") == ["news/courts"]
    assert ids(client, "q=court&lang=fr") == []
    assert ids(client, "q=juridiction&lang=fr,ja") == ["news/tribunaux"]
    assert ids(client, "q=%E6%9D%B1%E4%BA%AC") == ["news/tokyo"]  # 東京, in a sentence
    assert ids(client, "q=%E6%9D%B1%E4%BA%AC&lang=en&lang=ja") == ["news/tokyo"]
    problem = client.get("/api/v1/search?q=court&lang=en%20us")
    assert problem.status_code == 422
    assert problem.json()["errors"][0]["param"] == "lang"


def test_text_with_no_word_finds_nothing(make_client: Callable[..., Client]) -> None:
    client = make_client(SITE)
    for q in ("%21%21%21", "", "%22%22", "***", "%20"):
        response = client.get(f"/api/v1/search?q={q}")
        assert response.status_code == 200, q
        assert response.json()["data"] == []
        assert response.json()["meta"]["total"] == 0
        assert response.headers["x-total-count"] == "0"
