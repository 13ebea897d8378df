"""References between pages: inference, declarations, dangling values, backlinks."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.content.loader import Loader, LoadOptions
from api.site import Site
from tests.support.sites import page, write_site

CONFIG = """\
collections:
  countries:
    output: true
  accuseds:
    output: true
  cases:
    output: true
  cases-events:
    output: false
  people:
    output: true
"""

SITE = {
    "_config.yml": CONFIG,
    "_countries/sudan.md": page("title: Sudan"),
    "_countries/kenya.md": page("title: Kenya\nslug: ke"),
    "_accuseds/ali.md": page("title: Ali\ncountry: sudan"),
    "_accuseds/omar.md": page("title: Omar\ncountry: /countries/sudan"),
    "_cases/one.md": page(
        "title: Case One\nlayout: case\ncountry: sudan\naccuseds:\n  - omar\n  - ali"
    ),
    "_cases/two.md": page("title: Case Two\ncountry: ke\naccuseds: [ali]"),
    "_cases-events/e1.md": page("title: E1\ncase: one\naccused: ali\nevent_date: 2021-01-02"),
    "_cases-events/e2.md": page("title: E2\ncase: _cases/two.md\naccused: ali"),
    "_cases-events/e3.md": page("title: E3\nevent_date: 2019-05-01\ncase: nope\naccused: [ali]"),
    # A key named after a collection whose values are mostly free text: not a reference.
    "_people/p1.md": page("title: sudan\ncountry: Sudan"),
    "_people/p2.md": page("title: P2\ncountry: France"),
    "_people/p3.md": page("title: P3\ncountry: sudan\nlayout: case\nmenu: cases"),
    "about.md": page("title: About\ncountry: kenya"),
}


def site_of(root: Path, files: dict[str, str], **options: bool) -> Site:
    return Site(Loader(write_site(root, files), LoadOptions(**options)).load())


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return site_of(tmp_path, SITE)


def test_keys_named_after_a_collection_are_inferred(site: Site) -> None:
    refs = site.references
    assert refs.outgoing("cases/one") == (
        ("country", ("countries/sudan",)),
        ("accuseds", ("accuseds/omar", "accuseds/ali")),  # in front-matter order
    )
    assert refs.outgoing("cases-events/e1") == (
        ("case", ("cases/one",)),
        ("accused", ("accuseds/ali",)),
    )
    assert dict(refs.schema.targets) == {
        "country": ("countries",),
        "accuseds": ("accuseds",),
        "case": ("cases",),
        "accused": ("accuseds",),
    }


def test_a_value_may_be_the_slug_the_id_the_path_or_the_file_stem(site: Site) -> None:
    refs = site.references
    assert refs.outgoing("accuseds/omar") == (("country", ("countries/sudan",)),)  # /id
    assert refs.outgoing("cases/two")[0] == ("country", ("countries/kenya",))  # front-matter slug
    assert refs.outgoing("cases-events/e2")[0] == ("case", ("cases/two",))  # path
    assert refs.outgoing("about") == (("country", ("countries/kenya",)),)  # file stem


def test_a_slug_wins_over_another_pages_file_stem(tmp_path: Path) -> None:
    files = {
        **SITE,
        "_countries/ke.md": page("title: Other\nslug: other"),  # stem "ke", slug "other"
    }
    refs = site_of(tmp_path, files).references
    assert refs.outgoing("cases/two")[0] == ("country", ("countries/kenya",))


def test_near_misses_are_not_references(site: Site) -> None:
    refs = site.references
    # people.country holds free text that mostly names no page: never inferred.
    for person in ("people/p1", "people/p2", "people/p3"):
        assert refs.outgoing(person) == ()
    assert "people" not in refs.schema.keys
    # `layout: case`, a title that equals a slug, `menu` naming a collection: nothing.
    assert all("layout" not in keys and "menu" not in keys for keys in refs.schema.keys.values())
    assert all(d.source_path.startswith("_cases-events/") for d in refs.diagnostics)


def test_dangling_values_are_warned_with_file_line_key_and_value(site: Site) -> None:
    [found] = site.references.diagnostics
    assert (found.source_path, found.line, found.code) == (
        "_cases-events/e3.md",
        4,
        "dangling-reference",
    )
    assert "`case: nope`" in found.message and "`cases`" in found.message
    assert found in site.diagnostics()
    assert site.load_counts() == (0, 1)


def test_a_dangling_list_item_is_reported_on_its_own_line(tmp_path: Path) -> None:
    files = {**SITE, "_cases/one.md": page("title: One\naccuseds:\n  - omar\n  - nobody\n  - ali")}
    [found] = [d for d in site_of(tmp_path, files).diagnostics() if "nobody" in d.message]
    assert found.line == 5
    assert site_of(tmp_path / "b", files).references.outgoing("cases/one") == (
        ("accuseds", ("accuseds/omar", "accuseds/ali")),
    )


def test_backlinks_by_group_in_collection_order_then_default_order(site: Site) -> None:
    refs = site.references
    assert refs.incoming("countries/sudan") == (
        ("accuseds.country", ("accuseds/ali", "accuseds/omar")),
        ("cases.country", ("cases/one",)),
    )
    assert refs.incoming("accuseds/ali") == (
        ("cases.accuseds", ("cases/one", "cases/two")),
        ("cases-events.accused", ("cases-events/e1", "cases-events/e2", "cases-events/e3")),
    )
    assert refs.incoming("countries/kenya") == (
        ("cases.country", ("cases/two",)),
        ("pages.country", ("about",)),  # top-level pages are the "pages" group
    )
    assert refs.sources("accuseds/ali")[0] == "cases/one"
    assert refs.targets("cases/one") == ("countries/sudan", "accuseds/omar", "accuseds/ali")
    assert refs.incoming("cases-events/e1") == ()


@pytest.mark.parametrize(
    ("target", "options"),
    [
        (page("title: Hidden\npublished: false"), {"unpublished": True}),
        (page("title: Later\ndate: 2999-01-01"), {"future": True}),
    ],
)
def test_hidden_pages_are_missing_unless_shown(
    tmp_path: Path, target: str, options: dict[str, bool]
) -> None:
    files = {
        **SITE,
        "_cases/hidden.md": target,
        "_cases-events/e4.md": page("case: hidden"),
        "_cases-events/e5.md": page("case: one"),
    }
    hidden = site_of(tmp_path / "a", files).references
    assert hidden.outgoing("cases-events/e4") == ()
    assert any(d.source_path == "_cases-events/e4.md" for d in hidden.diagnostics)
    shown = site_of(tmp_path / "b", files, **options).references
    assert shown.outgoing("cases-events/e4") == (("case", ("cases/hidden",)),)
    assert not any(d.source_path == "_cases-events/e4.md" for d in shown.diagnostics)


def test_counts_and_structured_values_under_a_collection_name_are_not_references(
    tmp_path: Path,
) -> None:
    files = {
        **SITE,
        # A count, and a list of mappings, under keys named after collections.
        "_countries/sudan.md": page(
            "title: Sudan\ncases: 2\naccuseds:\n  - name: Ali\n  - name: Omar"
        ),
        "_countries/kenya.md": page("title: Kenya\nslug: ke\ncases: 1"),
    }
    refs = site_of(tmp_path, files).references
    assert refs.outgoing("countries/sudan") == () and refs.outgoing("countries/kenya") == ()
    assert "countries" not in refs.schema.keys
    assert not any(d.source_path.startswith("_countries/") for d in refs.diagnostics)
    # The same keys elsewhere, holding slugs, still are.
    assert refs.outgoing("cases/one")[1] == ("accuseds", ("accuseds/omar", "accuseds/ali"))
