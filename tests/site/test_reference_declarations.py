"""Declared references (CloudCannon's ``_inputs``, the ``content_api`` block) win over
inference; a declaration of another kind of input turns inference off."""

from __future__ import annotations

import json
from pathlib import Path

from api.content.reference_config import NOT_A_REFERENCE, Target, inputs_of
from tests.site.test_references import CONFIG, SITE, site_of
from tests.support.sites import page

SELECT = "{type: select, options: {values: collections.countries}}"


def test_cloudcannon_inputs_are_read_as_targets() -> None:
    assert inputs_of(
        {
            "country": {"type": "select", "options": {"values": "collections.countries"}},
            "cases": {
                "type": "multiselect",
                "options": {"values": "collections.cases", "value_key": "title"},
            },
            "staff": {"options": {"values": "collections.staff[*]"}},  # no type: a select
            "status": {"type": "select", "options": {"values": ["a", "b"]}},
            "note": {"type": "text"},
            "title": {"comment": "The page's title"},  # says nothing about the values
        }
    ) == {
        "country": Target(("countries",), None, "cloudcannon"),
        "cases": Target(("cases",), "title", "cloudcannon"),
        "staff": Target(("staff",), None, "cloudcannon"),
        "status": NOT_A_REFERENCE,
        "note": NOT_A_REFERENCE,
    }


def test_an_input_in_config_makes_free_text_a_reference(tmp_path: Path) -> None:
    site = site_of(tmp_path, {**SITE, "_config.yml": CONFIG + f"_inputs:\n  country: {SELECT}\n"})
    refs = site.references
    assert refs.outgoing("people/p3") == (("country", ("countries/sudan",)),)
    dangling = sorted(d.source_path for d in refs.diagnostics)
    assert dangling == ["_cases-events/e3.md", "_people/p1.md", "_people/p2.md"]


def test_cloudcannon_config_file_by_collection(tmp_path: Path) -> None:
    config = {
        "collections_config": {
            "people": {
                "_inputs": {
                    "country": {"type": "select", "options": {"values": "collections.countries"}}
                }
            },
            "cases": {"_inputs": {"country": {"type": "text"}}},
        }
    }
    files = {**SITE, "cloudcannon.config.json": json.dumps(config)}
    refs = site_of(tmp_path, files).references
    assert refs.outgoing("people/p3") == (("country", ("countries/sudan",)),)
    assert refs.outgoing("cases/one") == (("accuseds", ("accuseds/omar", "accuseds/ali")),)
    assert refs.outgoing("accuseds/ali") == (("country", ("countries/sudan",)),)  # inferred


def test_a_collection_schema_file_declares_its_inputs(tmp_path: Path) -> None:
    schema = f"---\ntitle:\ncountry:\n_inputs:\n  country: {SELECT}\n---\n"
    files = {**SITE, "_people/_defaults.md": schema, "cloudcannon.config.yml": "_inputs: {}\n"}
    site = site_of(tmp_path, files)
    assert site.references.outgoing("people/p3") == (("country", ("countries/sudan",)),)
    assert site.get("people/_defaults") is None  # still not a page
    # The schema is part of what is served: changing it changes the version.
    other = site_of(tmp_path / "other", {**SITE, "cloudcannon.config.yml": "_inputs: {}\n"})
    assert site.version != other.version


def test_a_page_can_declare_its_own_inputs(tmp_path: Path) -> None:
    files = {
        **SITE,
        "_people/p2.md": page(f"title: P2\ncountry: kenya\n_inputs:\n  country: {SELECT}"),
    }
    refs = site_of(tmp_path, files).references
    assert refs.outgoing("people/p2") == (("country", ("countries/kenya",)),)
    assert refs.outgoing("people/p3") == ()  # the others are still inferred, and are not


def test_value_key_matches_the_field_it_names(tmp_path: Path) -> None:
    inputs = "{type: multiselect, options: {values: collections.cases, value_key: title}}"
    files = {
        **SITE,
        "_config.yml": CONFIG + f"_inputs:\n  featured_cases: {inputs}\n",
        "_people/p1.md": page("title: P1\nfeatured_cases: [Case Two, one, Nothing]"),
    }
    refs = site_of(tmp_path, files).references
    assert refs.outgoing("people/p1") == (("featured_cases", ("cases/two", "cases/one")),)
    assert any("`featured_cases: Nothing`" in d.message for d in refs.diagnostics)


def test_content_api_keys_win_and_can_turn_keys_off(tmp_path: Path) -> None:
    block = (
        "content_api:\n  references:\n    keys:\n"
        "      related: cases\n"
        "      sponsor: {collections: [accuseds, people], value_key: title}\n"
        "      country: false\n"
    )
    files = {
        **SITE,
        "_config.yml": CONFIG + block + f"_inputs:\n  country: {SELECT}\n",
        "_people/p2.md": page("title: P2\nrelated: [two, one]\nsponsor: [Omar, P3]"),
    }
    refs = site_of(tmp_path, files).references
    assert refs.outgoing("people/p2") == (
        ("related", ("cases/two", "cases/one")),
        ("sponsor", ("accuseds/omar", "people/p3")),
    )
    assert refs.outgoing("cases/one") == (("accuseds", ("accuseds/omar", "accuseds/ali")),)
    assert refs.incoming("cases/two") == (
        ("cases-events.case", ("cases-events/e2",)),
        ("people.related", ("people/p2",)),
    )


def test_inference_can_be_turned_off(tmp_path: Path) -> None:
    block = "content_api:\n  references:\n    infer: false\n    keys:\n      case: cases\n"
    refs = site_of(tmp_path, {**SITE, "_config.yml": CONFIG + block}).references
    assert refs.outgoing("cases/one") == ()
    assert refs.outgoing("cases-events/e1") == (("case", ("cases/one",)),)
    off = site_of(
        tmp_path / "off", {**SITE, "_config.yml": CONFIG + "content_api:\n  references: false\n"}
    )
    assert off.references.outgoing("cases/one") == () and not off.references.diagnostics


def test_bad_declarations_are_reported_not_fatal(tmp_path: Path) -> None:
    block = (
        "content_api:\n  references:\n    colour: blue\n    keys:\n"
        "      case: 3\n      related: nowhere\n"
    )
    files = {**SITE, "_config.yml": CONFIG + block, "cloudcannon.config.yml": "_inputs: [oops\n"}
    site = site_of(tmp_path, files)
    codes = [
        (d.source_path, d.code)
        for d in site.references.diagnostics
        if d.code != "dangling-reference"
    ]
    assert ("_config.yml", "reference-config-invalid") in codes
    assert ("cloudcannon.config.yml", "reference-config-invalid") in codes
    messages = " ".join(d.message for d in site.references.diagnostics)
    assert "colour" in messages and "keys.case" in messages and "nowhere" in messages
    assert site.references.outgoing("cases-events/e1")[0] == ("case", ("cases/one",))
