"""The change feed: which pages each reload adds, changes and removes, and since when."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.content.loader import Loader
from api.site import Site
from api.site.changes import MAX_VERSIONS, Delta, Feed, compose
from api.site.fingerprints import Needs, needs
from tests.support.sites import page, write_site

CONFIG = "collections:\n  notes:\n    output: true\n    sort_by: order\n"


class Sequence:
    """A site on disk and its feed, advanced by each ``reload``."""

    def __init__(self, root: Path, files: dict[str, str]) -> None:
        self.root = write_site(root, {"_config.yml": CONFIG, **files})
        self.loader = Loader(self.root)
        self.site = Site(self.loader.load())
        self.feed = Feed.start(self.site)

    def write(self, name: str, text: str) -> None:
        write_site(self.root, {name: text})

    def remove(self, name: str) -> None:
        (self.root / name).unlink()

    def reload(self) -> Delta:
        before = self.feed.current
        self.site = Site(self.loader.load())
        self.feed = self.feed.advance(self.site)
        found = self.feed.since(before)
        assert found is not None
        return found


def note(title: str, order: int, body: str = "Body.\n") -> str:
    return page(f"title: {title}\norder: {order}", body)


@pytest.fixture
def notes(tmp_path: Path) -> Sequence:
    return Sequence(
        tmp_path / "site",
        {
            "_notes/a.md": note("A", 1),
            "_notes/b.md": note("B", 2),
            "_notes/c.md": note("C", 3),
            "_notes/d.md": note("D", 4),
            "_notes/e.md": note("E", 5),
        },
    )


def ids(delta: Delta) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    return delta.added, delta.changed, delta.removed


def test_an_edit_changes_the_page_and_the_neighbours_that_show_its_title(notes: Sequence) -> None:
    notes.write("_notes/c.md", note("C", 3, "New text.\n"))
    assert ids(notes.reload()) == ((), ("notes/c",), ())  # same title: neighbours unchanged
    notes.write("_notes/c.md", note("C renamed", 3, "New text.\n"))
    assert ids(notes.reload()) == ((), ("notes/b", "notes/c", "notes/d"), ())


def test_added_and_removed_pages_change_their_neighbours(notes: Sequence) -> None:
    notes.write("_notes/bb.md", note("BB", 2))  # sorts after b (same order, then path)
    assert ids(notes.reload()) == (("notes/bb",), ("notes/b", "notes/c"), ())
    notes.remove("_notes/e.md")
    assert ids(notes.reload()) == ((), ("notes/d",), ("notes/e",))


def test_a_reload_that_finds_nothing_is_no_version(notes: Sequence) -> None:
    feed = notes.feed
    notes.site = Site(notes.loader.load())
    assert notes.feed.advance(notes.site) is feed


def test_since_the_current_version_nothing_changed(notes: Sequence) -> None:
    delta = notes.feed.since(notes.feed.current)
    assert delta is not None and ids(delta) == ((), (), ())
    assert delta.as_dict() == {
        "from": notes.feed.current,
        "to": notes.feed.current,
        "added": [],
        "changed": [],
        "removed": [],
    }


def test_an_unknown_version_is_none(notes: Sequence) -> None:
    assert notes.feed.since("0" * 32) is None
    assert notes.feed.steps_after("nope") is None


def test_steps_compose_over_several_versions(notes: Sequence) -> None:
    first = notes.feed.current
    notes.write("_notes/x.md", note("X", 9))
    notes.reload()  # x added (e changes: its next)
    notes.write("_notes/x.md", note("X", 9, "Edited.\n"))
    notes.reload()  # x changed
    notes.remove("_notes/a.md")
    notes.reload()  # a removed (b changes: its previous)
    notes.write("_notes/a.md", note("A", 1))
    notes.reload()  # a back
    delta = notes.feed.since(first)
    assert delta is not None
    assert delta.since == first and delta.to == notes.feed.current
    # x: added then changed is added; a: removed then back is changed.
    assert ids(delta) == (("notes/x",), ("notes/a", "notes/b", "notes/e"), ())
    steps = notes.feed.steps_after(first)
    assert steps is not None and len(steps) == 4


def test_added_then_removed_is_nothing() -> None:
    steps = [Delta("v1", "v2", added=("p",)), Delta("v2", "v3", removed=("p",), changed=("q",))]
    assert ids(compose("v1", "v3", steps, {"q": 0})) == ((), ("q",), ())


def test_an_undone_edit_comes_back_to_a_known_version(notes: Sequence) -> None:
    first = notes.feed.current
    notes.write("_notes/a.md", note("A", 1, "Changed.\n"))
    notes.reload()
    notes.write("_notes/a.md", note("A", 1))
    notes.reload()
    assert notes.feed.current == first  # the same content is the same version
    delta = notes.feed.since(first)
    assert delta is not None and ids(delta) == ((), (), ())


def test_the_history_keeps_the_last_versions_only(notes: Sequence) -> None:
    first = notes.feed.current
    versions = [first]
    for i in range(MAX_VERSIONS + 2):
        notes.write("_notes/a.md", note("A", 1, f"Version {i}.\n"))
        notes.reload()
        versions.append(notes.feed.current)
    assert len(notes.feed.versions) == MAX_VERSIONS
    assert notes.feed.since(first) is None
    assert notes.feed.since(versions[2]) is None
    oldest = notes.feed.since(versions[-MAX_VERSIONS])
    assert oldest is not None and ids(oldest) == ((), ("notes/a",), ())


def test_liquid_that_reads_data_changes_with_the_data(tmp_path: Path) -> None:
    sequence = Sequence(
        tmp_path / "site",
        {
            "_data/people.yml": "- name: Ann\n",
            "_data/other.yml": "x: 1\n",
            "_notes/uses-data.md": note("D", 1, "{{ site.data.people[0].name }}\n"),
            "_notes/uses-config.md": note("T", 5, "{{ site.title }} {{ page.title }}\n"),
            "_notes/plain.md": note("P", 9),
        },
    )
    sequence.write("_data/people.yml", "- name: Bob\n")
    assert ids(sequence.reload()) == ((), ("notes/uses-data",), ())
    sequence.write("_notes/plain.md", note("P", 9, "Other text.\n"))
    assert ids(sequence.reload()) == ((), ("notes/plain",), ())


def test_liquid_that_reads_the_documents_changes_with_any_of_them(tmp_path: Path) -> None:
    sequence = Sequence(
        tmp_path / "site",
        {
            "_notes/index.md": note("I", 1, "{% for n in site.notes %}{{ n.title }}{% endfor %}"),
            "_notes/linker.md": note("L", 5, "[x]({% link _notes/far.md %})\n"),
            "_notes/mdlink.md": note("M", 6, "[far](far.md)\n"),
            "_notes/gap.md": note("G", 7),
            "_notes/far.md": note("F", 9),
        },
    )
    sequence.write("_notes/far.md", note("F", 9, "More.\n"))
    assert ids(sequence.reload()) == (
        (),
        ("notes/index", "notes/linker", "notes/mdlink", "notes/far"),
        (),
    )


def test_an_include_makes_a_page_change_with_everything(tmp_path: Path) -> None:
    sequence = Sequence(
        tmp_path / "site",
        {
            "_includes/box.html": "<div>box</div>\n",
            "_notes/boxed.md": note("B", 1, "{% include box.html %}\n"),
            "_notes/plain.md": note("P", 5),
            "_notes/last.md": note("L", 9),
        },
    )
    sequence.write("_includes/box.html", "<div>new box</div>\n")
    assert ids(sequence.reload()) == ((), ("notes/boxed",), ())


def test_a_config_change_changes_every_page(notes: Sequence) -> None:
    notes.write("_config.yml", CONFIG + "title: New\n")
    delta = notes.reload()
    assert delta.changed == tuple(f"notes/{n}" for n in "abcde")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Plain text.", Needs.NOTHING),
        ("{{ page.title }} {% if page.x %}y{% endif %}", Needs.NOTHING),
        ("{{ site.title }} {{ site.baseurl }}/img.png", Needs.NOTHING),
        ("{{ site.data.x }}", Needs.DATA),
        ("{{ site.pages | size }}", Needs.DOCUMENTS),
        ("{% for c in site.cases %}{% endfor %}", Needs.DOCUMENTS),
        ("{% post_url 2020-01-01-a %}", Needs.DOCUMENTS),
        ("[a](other.md#x)", Needs.DOCUMENTS),
        ("{{ site.data.x }}{{ site.posts }}", Needs.DATA | Needs.DOCUMENTS),
        ("{% include x.html %}", Needs.EVERYTHING),
        ("{%- include_relative x.md -%}", Needs.EVERYTHING),
        ("{{ site.time }}", Needs.EVERYTHING),
        ("{{ site['data'] }}", Needs.EVERYTHING),
        ("{% assign s = site %}", Needs.EVERYTHING),
    ],
)
def test_what_a_body_needs(body: str, expected: int) -> None:
    assert needs(body, frozenset({"cases"})) == expected


def test_translations_change_with_their_group(tmp_path: Path) -> None:
    sequence = Sequence(
        tmp_path / "site",
        {
            "_notes/en.md": page("title: Hello\nlang: en\nref: hello\norder: 1"),
            "_notes/fr.md": page("title: Bonjour\nlang: fr\nref: hello\norder: 5"),
            "_notes/z.md": page("title: Z\norder: 9"),
        },
    )
    sequence.write("_notes/es.md", page("title: Hola\nlang: es\nref: hello\norder: 7"))
    delta = sequence.reload()
    assert delta.added == ("notes/es",)
    assert set(delta.changed) >= {"notes/en", "notes/fr"}


def test_references_and_backlinks_change_with_the_pages_they_name(tmp_path: Path) -> None:
    config = "collections:\n  cases:\n    output: true\n  countries:\n    output: true\n"
    sequence = Sequence(
        tmp_path / "site",
        {
            "_cases/one.md": page("title: One\ncountry: sudan"),
            "_cases/two.md": page("title: Two\ncountry: kenya"),
            "_countries/sudan.md": page("title: Sudan"),
            "_countries/kenya.md": page("title: Kenya"),
            "_countries/chad.md": page("title: Chad"),
        },
    )
    sequence.write("_config.yml", config)
    sequence.reload()
    # The country's text: the case that points at it changes (its expanded reference shows it).
    sequence.write("_countries/sudan.md", page("title: Sudan", "New text.\n"))
    delta = sequence.reload()
    assert "cases/one" in delta.changed and "cases/two" not in delta.changed
    # A case pointing elsewhere: the countries it leaves and joins change (their backlinks).
    sequence.write("_cases/one.md", page("title: One\ncountry: chad"))
    delta = sequence.reload()
    assert {"cases/one", "countries/sudan", "countries/chad"} <= set(delta.changed)
    assert "countries/kenya" not in delta.changed
