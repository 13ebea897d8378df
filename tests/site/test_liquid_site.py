"""Liquid over a whole site, as Jekyll renders it: ``site.time``, ``site.posts`` and
``site.<collection>`` in Jekyll's order, ``include_relative``, the expression filters,
``{% link %}`` and ``{% post_url %}`` for every document."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from api.content.loader import Loader, LoadOptions
from api.site import Site
from tests.support.sites import load, page, write_site


def _site(tmp_path: Path, files: dict[str, str], **options: bool) -> Site:
    return Site(load(write_site(tmp_path, files), **options))


def _html(site: Site, doc_id: str) -> str:
    doc = site.get(doc_id)
    assert doc is not None, doc_id
    rendered = site.rendered(doc)
    assert [d.code for d in rendered.diagnostics] == []
    return rendered.html.replace("\n", "")  # blocks compare without the line breaks


def test_site_time_is_written_as_jekyll_writes_it(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "_config.yml": "timezone: Asia/Tokyo\n",
            "index.md": page("title: Home", "{{ site.time }} / {{ site.time | date: '%Y' }}\n"),
            "_posts/2020-01-02-a.md": page("title: A", "{{ page.date }}\n"),
        },
    )
    stamp = datetime(2026, 12, 1, 13, 51, 1, tzinfo=UTC).timestamp()
    for path in tmp_path.rglob("*"):
        os.utime(path, (stamp, stamp))
    site = Site(load(tmp_path))
    # The time the content last changed, in the site's zone, as Ruby writes a Time.
    assert _html(site, "index") == "<p>2026-12-01 22:51:01 +0900 / 2026</p>"
    assert _html(site, "posts/2020-01-02-a") == "<p>2020-01-02 00:00:00 +0900</p>"


def test_site_posts_are_newest_first_and_ties_by_path(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.md": page(
                "title: Home",
                "{% for p in site.posts %}{{ p.title }};{% endfor %}\n\n"
                "{% for c in site.categories %}{{ c[0] }}={{ c[1].size }};{% endfor %}\n",
            ),
            "_posts/2020-01-01-old.md": page("title: Old"),
            "_posts/2021-05-05-b.md": page("title: B"),
            "_posts/2021-05-05-a.md": page("title: A"),
            "en/_posts/2021-05-05-a.md": page("title: EnA"),
            "_posts/2022-01-01-new.md": page("title: New\ncategories: [x]"),
        },
    )
    # On the same day the path that sorts last comes first (Jekyll reverses its order);
    # categories come in the order the oldest posts bring them.
    assert _html(site, "index") == "<p>New;EnA;B;A;Old;</p><p>en=1;x=1;</p>"


def test_site_collections_are_in_jekyll_order(tmp_path: Path) -> None:
    loop = "{% for d in site.LABEL %}{{ d.title }};{% endfor %}"
    site = _site(
        tmp_path,
        {
            "_config.yml": (
                "collections:\n"
                "  plain: {output: true}\n"
                "  dated: {output: true}\n"
                "  keyed: {sort_by: rank}\n"
                "  listed: {order: [c.md, a.md]}\n"
            ),
            "index.md": page(
                "title: Home",
                "\n\n".join(loop.replace("LABEL", label) for label in ("plain", "dated"))
                + "\n\n"
                + "\n\n".join(loop.replace("LABEL", label) for label in ("keyed", "listed"))
                + "\n\n{% for p in site.pages %}{{ p.name }};{% endfor %}\n",
            ),
            # No dates: by path, whatever the titles say.
            "_plain/b.md": page("title: A-title"),
            "_plain/a.md": page("title: Z-title"),
            "_dated/x.md": page("title: Later\ndate: 2021-01-01"),
            "_dated/y.md": page("title: Earlier\ndate: 2020-01-01"),
            "_keyed/one.md": page("title: One\nrank: 2"),
            "_keyed/two.md": page("title: Two\nrank: 1"),
            "_keyed/none.md": page("title: None"),
            "_listed/a.md": page("title: LA"),
            "_listed/b.md": page("title: LB"),
            "_listed/c.md": page("title: LC"),
            "z/about.md": page("title: About"),
        },
    )
    assert _html(site, "index") == (
        "<p>Z-title;A-title;</p><p>Earlier;Later;</p><p>Two;One;None;</p><p>LC;LA;LB;</p>"
        "<p>about.md;index.md;</p>"
    )


def test_include_relative_reads_beside_the_page(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "docs/guide.md": page(
                "title: Guide",
                "{% include_relative parts/intro.md who='you' %}\n\n"
                "{% assign name = 'outro.md' %}{% include_relative {{ name }} %}\n",
            ),
            "docs/parts/intro.md": "Hello {{ include.who }}, {% include_relative parts/x.txt %}\n",
            "docs/parts/x.txt": "from x",
            "docs/outro.md": "Bye *now*",
            "_posts/2020-01-01-p.md": page("title: P", "{% include_relative ../secret.txt %}\n"),
            "secret.txt": "SECRET",
        },
    )
    assert _html(site, "docs/guide") == "<p>Hello you, from x</p><p>Bye <em>now</em></p>"
    assert site.snapshot.relative_includes.keys() >= {"docs/parts/intro.md", "docs/outro.md"}
    post = site.get("posts/2020-01-01-p")
    assert post is not None
    rendered = site.rendered(post)
    assert "SECRET" not in rendered.html
    assert [d.code for d in rendered.diagnostics] == ["liquid-include-failed"]


def test_expression_filters(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "_config.yml": "collections:\n  members: {output: false}\n",
            "_members/ann.md": page("title: Ann\nyear: 2014\nactive: true"),
            "_members/bo.md": page("title: Bo\nyear: 2015\nactive: true"),
            "_members/cy.md": page("title: Cy\nyear: 2014\nactive: false"),
            "index.md": page(
                "title: Home",
                '{{ site.members | where_exp: "m", "m.year == 2014" | map: "title" | join: "," }}'
                ' / {{ site.members | where_exp: "m", "m.year == 2014 and m.active" | size }}'
                ' / {{ site.members | find_exp: "m", "m.year > 2014" | map: "title" }}'
                ' / {% assign g = site.members | group_by_exp: "m", "m.year | plus: 1" %}'
                "{% for x in g %}{{ x.name }}:{{ x.items | map: 'title' | join: '+' }};{% endfor %}"
                ' / {{ "/a/index.html" | strip_index }}\n',
            ),
        },
    )
    assert _html(site, "index") == "<p>Ann,Cy / 1 / Bo / 2015:Ann+Cy;2016:Bo; / /a/</p>"


def test_link_and_post_url_reach_every_document(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "_config.yml": "permalink: pretty\nbaseurl: /site\n",
            "_posts/2020-01-01-hello.md": page("title: Root"),
            "en/news/_posts/2020-01-01-hello.md": page("title: En"),
            "ja/news/_posts/2020-01-01-hello.md": page("title: Ja"),
            "_posts/2019/2019-12-31-eve.md": page("title: Eve"),
            "files/report.pdf": "%PDF",
            "index.md": page(
                "title: Home",
                "{% post_url 2020-01-01-hello %} {% post_url en/news/2020-01-01-hello %} "
                "{% post_url /ja/news/2020-01-01-hello %} {% post_url 2019/2019-12-31-eve %} "
                "{% link ja/news/_posts/2020-01-01-hello.md %} {% link files/report.pdf %}\n",
            ),
        },
    )
    assert _html(site, "index") == (
        "<p>/site/2020/01/01/hello/ /site/en/news/2020/01/01/hello/ "
        "/site/ja/news/2020/01/01/hello/ /site/2019/12/31/eve/ "
        "/site/ja/news/2020/01/01/hello/ /site/files/report.pdf</p>"
    )


def test_post_url_falls_back_to_date_and_slug(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "ja/_posts/2020-01-01-only.md": page("title: Ja"),
            "index.md": page("title: Home", "{% post_url 2020-01-01-only %}\n"),
        },
    )
    # No `_posts/2020-01-01-only.*`: Jekyll's older rule finds the post by date and slug.
    assert _html(site, "index") == "<p>/ja/2020/01/01/only.html</p>"


def test_an_included_file_that_changes_is_a_new_content_version(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {"a.md": page("title: A", "{% include_relative part.txt %}\n"), "part.txt": "one"},
    )
    loader = Loader(root, LoadOptions())
    first = loader.load()
    (root / "part.txt").write_text("two", encoding="utf-8")
    second = loader.load(changed=["part.txt"])
    assert first.content_version != second.content_version
    assert _html(Site(second), "a") == "<p>two</p>"


def test_content_and_excerpt_of_other_documents_are_rendered_when_read(tmp_path: Path) -> None:
    loop = "{% for p in site.posts %}[{{ p.title }}: {{ p.content | strip }}]{% endfor %}"
    site = _site(
        tmp_path,
        {
            "index.html": page(
                "title: Home", "{% for p in site.posts %}({{ p.excerpt }}){% endfor %}"
            ),
            "_posts/2020-01-01-a.md": page("title: A", "First *a*.\n\nSecond a.\n"),
            # A post that reads every post's content, its own included: no cycle renders
            # forever, and a document being rendered is seen as it is written.
            "_posts/2020-01-02-b.html": page("title: B", loop),
            "_posts/2020-01-03-c.md": page("title: C\nexcerpt: Written", "{{ page.title }}\n"),
        },
    )
    assert _html(site, "posts/2020-01-02-b") == (
        f"[C: <p>C</p>][B: {loop}][A: <p>First <em>a</em>.</p><p>Second a.</p>]"
    )
    # Excerpts: c's own, then b's and a's first paragraphs, rendered.
    assert _html(site, "index") == (
        f"(Written)([C: <p>C</p>][B: {loop}][A: <p>First <em>a</em>.</p><p>Second a.</p>])"
        "(<p>First <em>a</em>.</p>)"
    )
