"""The seed page's timeline, as the issue's "Done when" list states it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from api.timeline import TimelineEmbed, parse_timeline
from api.timeline.example import SEED_EMBED_EXAMPLE, SEED_TIMELINE_VALUE
from tests.timeline.helpers import assert_safe_embed

SHARED_SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed"


def _front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    _, block, _ = text.split("---\n", 2)
    data = yaml.safe_load(block)
    assert isinstance(data, dict)
    return data


@pytest.fixture
def seed_value(seed_path: Path) -> object:
    if not seed_path.exists():
        seed_path = SHARED_SEED / "the-us-icc-relationship.md"
    if not seed_path.exists():
        pytest.skip("the seed page is not in this checkout")
    return _front_matter(seed_path)["timeline"]


@pytest.fixture
def seed(seed_value: object) -> TimelineEmbed:
    result = parse_timeline(seed_value)
    assert result.problems == ()
    assert result.embed is not None
    return result.embed


def test_the_page_holds_the_value_the_example_was_built_from(seed_value: object) -> None:
    assert seed_value == SEED_TIMELINE_VALUE


def test_seed_source_and_options(seed: TimelineEmbed) -> None:
    assert seed.provider == "knightlab-timelinejs"
    assert seed.version == 3
    assert seed.source.kind == "google-sheet"
    assert seed.source.key == "0AtZ5yV_Pso2idDZQRXNfUzQxd3JTQzhhMXg5UEpVYmc"
    assert seed.options.lang == "en"
    assert seed.options.height == 900
    assert type(seed.options.height) is int
    assert seed.options.font == "bevan-pontanosans"


def test_seed_warnings(seed: TimelineEmbed) -> None:
    codes = {w.code for w in seed.warnings}
    assert {"font-corrected", "option-ignored", "old-sheet-key"} <= codes
    ignored = [w for w in seed.warnings if w.code == "option-ignored"]
    assert [w.param for w in ignored] == ["maptype"]


def test_seed_embed(seed: TimelineEmbed) -> None:
    assert seed.embed_url == (
        "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html"
        "?source=0AtZ5yV_Pso2idDZQRXNfUzQxd3JTQzhhMXg5UEpVYmc"
        "&font=bevan-pontanosans&lang=en&height=900"
    )
    assert "maptype" not in seed.embed_url
    assert seed.iframe_html is not None and "&amp;" in seed.iframe_html
    assert "height='900'" in seed.iframe_html
    assert_safe_embed(seed)


def test_seed_json_is_the_openapi_example(seed: TimelineEmbed) -> None:
    assert seed.model_dump(mode="json") == SEED_EMBED_EXAMPLE
    schema = TimelineEmbed.model_json_schema(mode="serialization")
    assert schema["examples"] == [SEED_EMBED_EXAMPLE]
    assert TimelineEmbed.model_validate(SEED_EMBED_EXAMPLE) == seed


def test_embed_is_frozen(seed: TimelineEmbed) -> None:
    with pytest.raises(ValueError, match="frozen"):
        seed.version = 2  # type: ignore[misc]
