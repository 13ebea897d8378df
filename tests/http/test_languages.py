"""Languages over HTTP: ``lang`` on every page and item, ``?lang=`` with and without fallback,
``translations``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from api.http import examples, listing
from api.http.app import create_app
from api.settings import Settings
from tests.http.conftest import Client
from tests.support.sites import page, write_site

SEED_TIMELINE = examples.SEED_TIMELINE
FILES = {
    "_config.yml": "lang: en\ndefaults:\n  - scope: {path: ja}\n    values: {lang: ja}\n",
    "en/about.md": page(f"title: About\norder: 1\ntimeline: '{SEED_TIMELINE}'"),
    "ja/about.md": page(f"title: 概要\norder: 1\ntimeline: '{SEED_TIMELINE}'"),
    "pt-br/about.md": page("title: Sobre\norder: 1"),
    "en/news.md": page("title: News\norder: 2"),
    "ja/news.md": page("title: ニュース\norder: 2"),
    "en/english-only.md": page("title: English only\norder: 3"),
    "ja/japanese-only.md": page("title: 日本語のみ\norder: 4"),
    "zh_tw/about.md": page("title: 關於\norder: 1"),
    "zh_cn/about.md": page("title: 关于\norder: 1\nlang: zh-CN"),
    "fr/about.md": page("title: À propos\norder: 1\nlang: fr-CA"),
    "misc.md": page("title: Misc\norder: 9\nlang: ''"),  # empty: the site's lang
}


@pytest.fixture
def client(make_client: Callable[..., Client]) -> Client:
    return make_client(FILES)


def _ids(client: Client, query: str) -> list[str]:
    body = client.get(f"/api/v1/pages?{query}&limit=100").json()
    return [item["id"] for item in body["data"]]


def test_lang_is_on_every_page_and_item(client: Client) -> None:
    assert client.get("/api/v1/pages/ja/news").json()["lang"] == "ja"
    assert client.get("/api/v1/pages/pt-br/about").json()["lang"] == "pt-br"
    assert client.get("/api/v1/pages/misc").json()["lang"] == "en"
    items = client.get("/api/v1/pages?limit=100").json()["data"]
    assert all("lang" in item for item in items)
    assert {item["id"]: item["lang"] for item in items}["zh_cn/about"] == "zh-CN"
    timelines = client.get("/api/v1/timelines").json()["data"]
    assert {item["id"]: item["lang"] for item in timelines} == {"en/about": "en", "ja/about": "ja"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lang=ja", ["ja/about", "ja/news", "ja/japanese-only"]),
        ("lang=JA", ["ja/about", "ja/news", "ja/japanese-only"]),
        ("lang=pt-BR", ["pt-br/about"]),
        ("lang=pt", ["pt-br/about"]),  # a range: pt matches pt-br
        ("lang=zh", ["zh_cn/about", "zh_tw/about"]),
        ("lang=zh-TW", ["zh_tw/about"]),
        ("lang=zh_cn", ["zh_cn/about"]),
        ("lang=fr", ["fr/about"]),
        ("lang=fr-FR", []),
        ("lang=pt-br,ja&collection=", ["ja/about", "pt-br/about", "ja/news", "ja/japanese-only"]),
        ("lang=ja&lang=pt-br", ["ja/about", "pt-br/about", "ja/news", "ja/japanese-only"]),
        ("lang=ko", []),
    ],
)
def test_lang_filters_by_language_range(client: Client, query: str, expected: list[str]) -> None:
    assert _ids(client, f"{query}&sort=order,id") == sorted(expected, key=lambda i: (_order(i), i))


def _order(doc_id: str) -> int:
    name = doc_id.rsplit("/", 1)[-1]
    return {"about": 1, "news": 2, "english-only": 3, "japanese-only": 4}.get(name, 9)


def test_any_language(client: Client) -> None:
    assert len(_ids(client, "lang=*")) == len(FILES) - 1


def test_fallback_gives_one_page_per_group_and_marks_it(client: Client) -> None:
    body = client.get("/api/v1/pages?lang=ja,en&lang_fallback=true&sort=order,id").json()
    got = [(item["id"], item["lang_fallback"]) for item in body["data"]]
    assert got == [
        ("ja/about", False),
        ("ja/news", False),
        ("en/english-only", True),  # no Japanese version: English stands in, marked
        ("ja/japanese-only", False),
        ("misc", True),
    ]
    assert body["meta"]["total"] == 5
    # Without fallback the same languages are simply both kept, unmarked.
    plain = client.get("/api/v1/pages?lang=ja,en&limit=100").json()["data"]
    assert len(plain) == 7 and all("lang_fallback" not in item for item in plain)


def test_fallback_is_chosen_before_other_filters(client: Client) -> None:
    # The Japanese news page exists, so its English version is not shown, even though only
    # the English one matches the title filter.
    query = "lang=ja,en&lang_fallback=true&filter[title]=News"
    assert _ids(client, query) == []
    assert _ids(client, "lang=pt-br,*&lang_fallback=true&filter[order]=1&sort=id") == [
        "pt-br/about"
    ]


def test_fallback_with_fields_and_on_timelines(client: Client) -> None:
    body = client.get("/api/v1/pages?lang=zh-TW,en&lang_fallback=true&fields=title").json()
    first = body["data"][0]
    assert first == {"id": "zh_tw/about", "title": "關於", "lang_fallback": False}
    timelines = client.get("/api/v1/timelines?lang=pt-br,ja&lang_fallback=true").json()["data"]
    # The about group has pt-br (no timeline) first: the timeline list keeps no page of it.
    assert timelines == []
    timelines = client.get("/api/v1/timelines?lang=ja,en&lang_fallback=true").json()["data"]
    assert [(t["id"], t["lang_fallback"]) for t in timelines] == [("ja/about", False)]


def test_lang_is_a_core_field(client: Client) -> None:
    assert _ids(client, "filter[lang]=zh-CN") == ["zh_cn/about"]
    assert _ids(client, "filter[lang]=zh") == []  # a filter is exact; ?lang= is a range
    langs = [
        item["lang"]
        for item in client.get("/api/v1/pages?sort=-lang&fields=lang&limit=100").json()["data"]
    ]
    assert langs == sorted(langs, key=str.casefold, reverse=True)


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("lang=e n", "lang"),
        ("lang=en;ja", "lang"),
        ("lang=" + ",".join(["en"] * 33), "lang"),
        ("lang=en&lang_fallback=maybe", "lang_fallback"),
    ],
)
def test_bad_lang_parameters_are_422(client: Client, query: str, param: str) -> None:
    response = client.get(f"/api/v1/pages?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert param in {error["param"] for error in response.json()["errors"]}


def test_translations_on_the_page(client: Client) -> None:
    body = client.get("/api/v1/pages/en/about").json()
    assert body["translations"] == [
        {"lang": "fr-CA", "id": "fr/about", "url": "/fr/about.html"},
        {"lang": "ja", "id": "ja/about", "url": "/ja/about.html"},
        {"lang": "pt-br", "id": "pt-br/about", "url": "/pt-br/about.html"},
        {"lang": "zh-CN", "id": "zh_cn/about", "url": "/zh_cn/about.html"},
        {"lang": "zh_tw", "id": "zh_tw/about", "url": "/zh_tw/about.html"},
    ]
    assert client.get("/api/v1/pages/en/english-only").json()["translations"] == []


def test_translations_in_lists_only_when_asked(client: Client) -> None:
    plain: list[dict[str, Any]] = client.get("/api/v1/pages?lang=ja").json()["data"]
    assert all("translations" not in item for item in plain)
    asked = client.get("/api/v1/pages?lang=ja&include=translations&sort=order").json()["data"]
    assert [t["id"] for t in asked[1]["translations"]] == ["en/news"]
    fields = client.get("/api/v1/pages?lang=ja&fields=translations&sort=order").json()["data"]
    assert fields[1] == {"id": "ja/news", "translations": asked[1]["translations"]}


def test_fallback_without_languages_changes_nothing(client: Client) -> None:
    plain = client.get("/api/v1/pages?limit=100").json()
    assert client.get("/api/v1/pages?limit=100&lang_fallback=true").json() == plain


def test_translations_are_never_built_on_the_event_loop(tmp_path: Path) -> None:
    root = write_site(tmp_path, FILES)
    served = create_app(Settings(content_dir=root), start=False).state.runtime.load()
    for query in ("include=translations", "lang=ja,en&lang_fallback=true"):
        with pytest.raises(listing.WouldBlock):
            listing.respond(served, "pages", "/api/v1/pages", query, inline=True)
    assert not served.site.translations_ready
    listing.respond(served, "pages", "/api/v1/pages", "include=translations", inline=False)
    assert served.site.translations_ready
    found = listing.respond(
        served, "pages", "/api/v1/pages", "lang=ja&lang_fallback=true", inline=True
    )
    assert found.status == 200
