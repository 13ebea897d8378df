"""Small sites whose redirects and languages real Jekyll (4.3, with jekyll-redirect-from)
has an opinion on. ``golden/make_golden.py`` builds each with Jekyll and records what it
made in ``golden/jekyll.json``; the tests compare the API with that record (CI has no Ruby).
"""

from __future__ import annotations

from tests.support.sites import page

PLUGIN = "plugins:\n  - jekyll-redirect-from\n"

REDIRECTS: dict[str, str] = {
    "_config.yml": (
        "url: https://example.org\nbaseurl: /blog\n" + PLUGIN + "collections:\n"
        "  docs:\n    output: true\n    permalink: /docs/:path/\n"
        "  notes:\n    output: false\n"
        "defaults:\n"
        "  - scope: {path: archive}\n    values: {redirect_to: 'https://archive.example/'}\n"
    ),
    # redirect_from: a list, with and without a leading `/`, a trailing `/`, non-ASCII.
    "a.md": page("title: A\nredirect_from: [/old-a/, old-a.html, /café/, /with space/]"),
    "h é.md": page("title: H\nredirect_from: [~, /h b/, /ü/x.html]"),
    # redirect_to: a site path, a list (the first given wins), text to make absolute.
    "b.md": page("title: B\nredirect_to: /a.html", "A body Jekyll drops.\n"),
    "c.md": page("title: C\nredirect_to: [https://elsewhere.example/x, /a.html]"),
    "e.md": page("title: E\nredirect_to: new e"),
    "g.md": page("title: G\nredirect_to: [~, /a.html#x]"),
    "i.md": page("title: I\nredirect_to: /docs/../a.html?q=1&r=%7e"),
    "j.md": page("title: J\nredirect_to: 'mailto:x@example.org'"),
    "k.md": page("title: K\nredirect_to: 'HTTPS://Elsewhere.Example/K'"),
    # Defaults apply: every page under archive/ is a redirect.
    "archive/old.md": page("title: Old"),
    # Collections: written (docs) or not (notes); posts.
    "_docs/d.md": page("title: D\nredirect_from: /old-d"),
    "_docs/chain.md": page("title: Chain\nredirect_from: /chain-start/\nredirect_to: /b.html"),
    "_notes/n.md": page("title: N\nredirect_from: /old-n/"),
    "_posts/2020-01-01-p.md": page("title: P\nredirect_from: [/2019/p/]"),
    # Two claims on one old path: the last the plugin visits wins (pages by name, after
    # collections).
    "dup1.md": page("title: Dup 1\nredirect_from: /dup/"),
    "dup2.md": page("title: Dup 2\nredirect_from: /dup/"),
    "_docs/claim.md": page("title: Claim\nredirect_from: /claimed/"),
    "zz.md": page("title: ZZ\nredirect_from: /claimed/"),
    # An alias that is also a page's own URL.
    "s.md": page("title: S\nredirect_from: /a.html"),
    "plain.md": page("title: Plain"),
}

NO_URL: dict[str, str] = {
    "_config.yml": PLUGIN,
    "a.md": page("title: A\nredirect_from: /old/"),
    "b.md": page("title: B\nredirect_to: /a.html"),
    "c.md": page("title: C\nredirect_to: /files/report.pdf"),
}

ODD_URL: dict[str, str] = {
    # A trailing `/` on url and baseurl, and capitals in the host: Jekyll keeps the url as
    # written, then normalizes.
    "_config.yml": "url: https://Example.ORG/\nbaseurl: /b/\n" + PLUGIN,
    "a.md": page("title: A\nredirect_from: [/old/, /x/./y/../z/]"),
    "b.md": page("title: B\nredirect_to: a.html"),
}

LANGUAGES: dict[str, str] = {
    "_config.yml": (
        "lang: en\n" + PLUGIN + "defaults:\n"
        "  - scope: {path: ja}\n    values: {lang: ja}\n"
        "  - scope: {path: '', type: posts}\n    values: {layout: post}\n"
    ),
    "index.md": page("title: Home"),
    "about.md": page("title: About"),
    "en/about/index.md": page("title: About (en)\nlang: en"),
    "ja/about/index.md": page("title: About (ja)"),
    "pt-br/about/index.md": page("title: Sobre"),
    "zh_tw/about/index.md": page("title: 關於"),
    "fr/about/index.md": page("title: À propos\nlang: fr"),
    "de/kontakt.md": page("title: Kontakt\nref: contact"),
    "en/contact.md": page("title: Contact\nref: contact"),
    "id/about/index.md": page("title: Tentang"),
    "js/about/index.md": page("title: Not a language"),
    "css/about/index.md": page("title: Nor this"),
    "it/tools.md": page("title: IT tools"),
    "_posts/en/2020-01-01-hello.md": page("title: Hello"),
    "_posts/ja/2020-01-01-hello.md": page("title: こんにちは"),
}

SITES: dict[str, dict[str, str]] = {
    "redirects": REDIRECTS,
    "no-url": NO_URL,
    "odd-url": ODD_URL,
    "languages": LANGUAGES,
}
