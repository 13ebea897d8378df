"""Every page's language (front matter, defaults, language folder, ``site.lang``) and its
translations."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from api.content.config import parse_config
from api.content.languages import LanguageFolders, assign, placement, tag_key
from api.content.translations import Translations
from api.site import Site
from tests.content.jekyll_sites import LANGUAGES
from tests.support.sites import load, page, write_site


def _site(tmp_path: Path, files: dict[str, str]) -> Site:
    return Site(load(write_site(tmp_path, files)))


def _langs(site: Site) -> dict[str, str | None]:
    return {d.source_path: d.lang for d in site.snapshot.documents}


def _translations(site: Site, path: str) -> list[tuple[str, str]]:
    doc = site.snapshot.by_source_path[path]
    return [(t.lang, t.id) for t in site.translations.of(doc.id)]


def test_front_matter_then_defaults_then_folder_then_site_lang(tmp_path: Path) -> None:
    langs = _langs(_site(tmp_path, LANGUAGES))
    assert langs == {
        "index.md": "en",  # site.lang
        "about.md": "en",
        "en/about/index.md": "en",  # front matter
        "ja/about/index.md": "ja",  # defaults
        "fr/about/index.md": "fr",
        "pt-br/about/index.md": "pt-br",  # folders shaped as BCP 47, beside translations
        "zh_tw/about/index.md": "zh_tw",
        "id/about/index.md": "id",
        "de/kontakt.md": "de",  # shares its `ref` with a page in another language
        "en/contact.md": "en",
        "js/about/index.md": "en",  # no language: `js` is not a tag, `css` has 3 letters
        "css/about/index.md": "en",
        "it/tools.md": "en",  # a tag, but nothing parallel: the IT department's folder
        "_posts/en/2020-01-01-hello.md": "en",  # folders inside _posts (and collections)
        "_posts/ja/2020-01-01-hello.md": "ja",
    }


def test_translations_by_path_and_by_ref(tmp_path: Path) -> None:
    site = _site(tmp_path, LANGUAGES)
    assert _translations(site, "en/about/index.md") == [
        ("fr", "fr/about/index"),
        ("id", "id/about/index"),
        ("ja", "ja/about/index"),
        ("pt-br", "pt-br/about/index"),
        ("zh_tw", "zh_tw/about/index"),
    ]
    assert [lang for lang, _ in _translations(site, "zh_tw/about/index.md")] == [
        "en",
        "fr",
        "id",
        "ja",
        "pt-br",
    ]
    assert _translations(site, "de/kontakt.md") == [("en", "en/contact")]
    assert _translations(site, "_posts/ja/2020-01-01-hello.md") == [
        ("en", "posts/en/2020-01-01-hello")
    ]
    assert _translations(site, "js/about/index.md") == []
    assert _translations(site, "about.md") == []  # about.md is not about/index.md


def test_the_default_language_at_the_top_level_joins_its_translations(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "_config.yml": "lang: en\n",
            "about.md": page("title: About"),
            "fr/about.md": page("title: À propos"),
            "de/about.md": page("title: Über"),
            "index.md": page("title: Choose a language"),
            "en/index.md": page("title: Home"),
            "ja/index.md": page("title: ホーム", ""),
        },
    )
    assert _translations(site, "about.md") == [("de", "de/about"), ("fr", "fr/about")]
    assert _translations(site, "fr/about.md") == [("de", "de/about"), ("en", "about")]
    # en/index.md already speaks English for its group: the top-level index stays out.
    assert _translations(site, "ja/index.md") == [("en", "en/index")]
    assert _translations(site, "index.md") == []


def test_translation_keys(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "_config.yml": "collections:\n  docs:\n    output: true\n",
            "a.md": page("title: A\nlang: en\nref: 7"),
            "b.md": page("title: B\nlang: es\nref: 7"),
            "c.md": page("title: C\nlang: en\ntranslation_key: home"),
            "d.md": page("title: D\nlang: pt-BR\ntranslation_key: home"),
            "e.md": page("title: E\nlang: en\npage_id: e"),
            "f.md": page("title: F\nlang: sv\npage_id: e\nlang_ref: x"),
            "g.md": page("title: G\nlang: fi\nlang_ref: x"),
            "h.md": page("title: H\nlang: en\nref: 7"),  # same language as a.md
            "i.md": page("title: I\nref: 7"),  # no language at all
            "_docs/j.md": page("title: J\nlang: ja\nref: '7'"),
            "k.md": page("title: K\nlang: de\nref: ''"),
            "l.md": page("title: L\nlang: nl\nref: ''"),
        },
    )
    assert _translations(site, "a.md") == [("es", "b"), ("ja", "docs/j")]
    assert _translations(site, "h.md") == [("es", "b"), ("ja", "docs/j")]
    assert _translations(site, "b.md") == [("en", "a"), ("en", "h"), ("ja", "docs/j")]
    assert _translations(site, "c.md") == [("pt-BR", "d")]
    # Transitive: e and f share a page_id, f and g a lang_ref.
    assert _translations(site, "e.md") == [("fi", "g"), ("sv", "f")]
    assert _translations(site, "i.md") == []
    assert _translations(site, "k.md") == []  # an empty value names no group


def test_declared_languages_and_the_sites_spelling(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "_config.yml": "languages: [en, sv, haw]\n",
            "sv/om.md": page("title: Om"),  # declared: no parallel content needed
            "haw/index.md": page("title: Aloha"),  # three letters, but declared
            "zh_tw/a.md": page("title: A"),
            "zh_tw/b.md": page("title: B\nlang: zh-TW"),  # the site's spelling of zh_tw/
            "fil/a.md": page("title: A"),  # three letters, not declared
            "pt/a.md": page("title: A"),
        },
    )
    langs = _langs(site)
    assert langs["sv/om.md"] == "sv"
    assert langs["haw/index.md"] == "haw"
    assert langs["zh_tw/a.md"] == "zh-TW"
    assert langs["fil/a.md"] is None
    assert langs["pt/a.md"] == "pt"  # a tag, with zh_tw/a.md beside it
    assert _translations(site, "pt/a.md") == [("zh-TW", "zh_tw/a")]


def test_language_folders_inside_collections(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "_config.yml": ("collections_dir: content\ncollections:\n  docs:\n    output: true\n"),
            "content/_docs/en/intro.md": page("title: Intro"),
            "content/_docs/ja/intro.md": page("title: 紹介"),
            "content/_docs/ja/only.md": page("title: Only"),
            "content/_docs/guide/intro.md": page("title: Not a language folder"),
        },
    )
    langs = _langs(site)
    assert langs["content/_docs/en/intro.md"] == "en"
    assert langs["content/_docs/ja/only.md"] == "ja"
    assert langs["content/_docs/guide/intro.md"] is None
    assert _translations(site, "content/_docs/en/intro.md") == [("ja", "docs/ja/intro")]


def test_posts_under_language_folders_take_their_folders_language(tmp_path: Path) -> None:
    # Posts in <lang>/news/_posts/ by their source path, whatever their ids are.
    config, _ = parse_config("lang: en\n")
    base = load(write_site(tmp_path, {"_posts/2020-01-01-x.md": page("title: X")}))
    post = base.documents[0]
    docs = [
        replace(post, id=f"posts/{lang}/news/2020-01-01-x", source_path=path, lang="en")
        for lang, path in (
            ("en", "en/news/_posts/2020-01-01-x.md"),
            ("ja", "ja/news/_posts/2020-01-01-x.md"),
            ("pt-br", "pt-br/news/_posts/2020-01-01-x.md"),
        )
    ]
    placed = assign(docs, config)
    assert [d.lang for d in placed] == ["en", "ja", "pt-br"]
    translations = Translations(placed, LanguageFolders(placed, config))
    assert [(t.lang, t.id) for t in translations.of(placed[0].id)] == [
        ("ja", "posts/ja/news/2020-01-01-x"),
        ("pt-br", "posts/pt-br/news/2020-01-01-x"),
    ]
    # The front matter still comes first.
    spanish = replace(docs[1], data={**docs[1].data, "lang": "es"})
    assert assign([docs[0], spanish], config)[1].lang == "es"


def test_placement() -> None:
    assert placement("en/about/index.md") is not None
    assert placement("en/news/_posts/2020-01-01-x.md") == placement(
        "en/news/_posts/2020-01-01-x.markdown"
    )
    found = placement("_posts/en/2020-01-01-x.md")
    assert found is not None and (found.folder, found.scope, found.key) == (
        "en",
        "_posts",
        "_posts/2020-01-01-x",
    )
    assert placement("about.md") is None
    assert placement("_posts/2020-01-01-x.md") is None
    assert tag_key(" zh_TW ") == "zh-tw"


def test_pages_without_any_language_have_none(tmp_path: Path) -> None:
    site = _site(tmp_path, {"a.md": page("title: A"), "en/a.md": page("title: A")})
    assert _langs(site) == {"a.md": None, "en/a.md": None}
    assert _translations(site, "a.md") == []
