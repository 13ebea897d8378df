"""A reload resolves again only the pages the changed files touch, and ends up exactly where
a fresh build of the same content would."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.content.loader import Loader
from api.site import Site
from tests.site.test_references import SITE
from tests.support.sites import page, write_site


class Reloads:
    def __init__(self, root: Path) -> None:
        self.root = write_site(root, SITE)
        self.loader = Loader(root)
        self.site = Site(self.loader.load())

    def change(self, files: dict[str, str | None]) -> Site:
        for name, text in files.items():
            path = self.root / name
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        self.site = Site(self.loader.load(changed=list(files)), previous=self.site)
        assert_same_as_fresh(self.site, self.root)
        return self.site


def assert_same_as_fresh(site: Site, root: Path) -> None:
    fresh = Site(Loader(root).load())
    ids = [doc.id for doc in fresh.snapshot.documents]
    assert [doc.id for doc in site.snapshot.documents] == ids
    for doc_id in ids:
        assert site.references.outgoing(doc_id) == fresh.references.outgoing(doc_id), doc_id
        assert site.references.incoming(doc_id) == fresh.references.incoming(doc_id), doc_id
    assert sorted(site.references.diagnostics, key=repr) == sorted(
        fresh.references.diagnostics, key=repr
    )
    assert site.references.schema == fresh.references.schema


@pytest.fixture
def reloads(tmp_path: Path) -> Reloads:
    return Reloads(tmp_path)


def test_a_first_build_resolves_every_page(reloads: Reloads) -> None:
    assert reloads.site.references.resolved == len(reloads.site.snapshot.documents)


def test_nothing_changed_nothing_resolved(reloads: Reloads) -> None:
    before = reloads.site.references.diagnostics
    site = reloads.change({})
    assert site.references.resolved == 0
    assert site.references.diagnostics == before


def test_an_edit_that_keeps_the_references_resolves_one_page(reloads: Reloads) -> None:
    site = reloads.change(
        {"_cases-events/e1.md": page("title: E1\ncase: one\naccused: ali", "New.\n")}
    )
    assert site.references.resolved == 1


def test_backlinks_follow_a_page_that_starts_and_stops_pointing(reloads: Reloads) -> None:
    site = reloads.change({"_cases-events/e2.md": page("title: E2\ncase: one\naccused: ali")})
    assert site.references.resolved == 1
    assert dict(site.references.incoming("cases/one"))["cases-events.case"] == (
        "cases-events/e1",
        "cases-events/e2",
    )
    assert "cases-events.case" not in dict(site.references.incoming("cases/two"))


def test_a_new_page_resolves_what_named_it(reloads: Reloads) -> None:
    assert reloads.site.references.diagnostics
    site = reloads.change({"_cases/nope.md": page("title: Nope")})
    assert site.references.resolved == 2  # the new page, and the event that named it
    assert site.references.outgoing("cases-events/e3")[0] == ("case", ("cases/nope",))
    assert not site.references.diagnostics


def test_a_removed_page_leaves_dangling_values(reloads: Reloads) -> None:
    site = reloads.change({"_accuseds/omar.md": None})
    assert site.references.resolved == 1  # the case that named it
    assert site.references.outgoing("cases/one")[1] == ("accuseds", ("accuseds/ali",))
    assert any("`accuseds: omar`" in d.message for d in site.references.diagnostics)
    assert dict(site.references.incoming("countries/sudan"))["accuseds.country"] == (
        "accuseds/ali",
    )


def test_a_key_stops_being_inferred_when_most_values_dangle(reloads: Reloads) -> None:
    site = reloads.change({"_cases/one.md": None})
    # e1 named it: now one of three values of cases-events.case names a case.
    assert site.references.outgoing("cases-events/e2") == (("accused", ("accuseds/ali",)),)
    assert not any(d.source_path.startswith("_cases-events/") for d in site.references.diagnostics)


def test_a_renamed_slug_moves_the_references(reloads: Reloads) -> None:
    site = reloads.change({"_countries/sudan.md": page("title: Sudan\nslug: sd")})
    # ali, one and p3 name it "sudan", omar by its id: the page and the three that used its
    # old slug are resolved again, and still find it (by its file name now).
    assert site.references.resolved == 4
    assert site.references.outgoing("accuseds/ali") == (("country", ("countries/sudan",)),)
    site = reloads.change({"_cases/sudan.md": page("title: A case named like a country")})
    assert site.references.resolved == 1  # no key names cases by "sudan"...
    site = reloads.change({"_countries/sd.md": page("title: Other\nslug: sudan")})
    # ...but another country whose slug is "sudan" takes the name over.
    assert site.references.outgoing("accuseds/ali") == (("country", ("countries/sd",)),)
    assert site.references.outgoing("accuseds/omar") == (("country", ("countries/sudan",)),)


def test_a_key_that_starts_being_inferred_links_unchanged_pages(reloads: Reloads) -> None:
    assert reloads.site.references.outgoing("people/p3") == ()
    site = reloads.change(
        {f"_people/n{i}.md": page(f"title: N{i}\ncountry: kenya") for i in range(3)}
    )
    assert site.references.resolved == 3
    assert site.references.outgoing("people/p3") == (("country", ("countries/sudan",)),)
    # And stops again when those pages go.
    site = reloads.change({f"_people/n{i}.md": None for i in range(3)})
    assert site.references.outgoing("people/p3") == ()


def test_a_declaration_change_builds_afresh(reloads: Reloads) -> None:
    schema = "---\n_inputs:\n  country: {type: text}\n---\n"
    site = reloads.change({"_cases/_defaults.md": schema})
    assert site.references.resolved == len(site.snapshot.documents)
    assert site.references.outgoing("cases/one") == (
        ("accuseds", ("accuseds/omar", "accuseds/ali")),
    )


def test_a_long_series_of_edits_stays_exact(reloads: Reloads) -> None:
    steps: list[dict[str, str | None]] = [
        {"_accuseds/new.md": page("title: New\ncountry: ke")},
        {"_cases/one.md": page("title: One\ncountry: kenya\naccuseds: [new, ali, ghost]")},
        {"_countries/kenya.md": None},
        {"_countries/kenya.md": page("title: Kenya")},
        {"_cases-events/e3.md": None, "_cases-events/e6.md": page("case: [one, two]")},
        {"_accuseds/ali.md": page("title: Ali\nslug: ali-2\ncountry: sudan")},
    ]
    for files in steps:
        reloads.change(files)
