"""Cached values: what is written is read back, anything else is refused, and a planted
value cannot run code."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from api.content.diagnostics import warning
from api.content.frontmatter import SourceError
from api.persist import codec
from api.query import SearchEntry, SearchIndex
from api.render.result import RenderedPage, TocEntry
from tests.support.sites import load, page, write_site


def test_parsed_files_renders_and_indexes_come_back_equal(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "_config.yml": "timezone: Europe/Paris\ncollections:\n  cases:\n    output: true\n",
            "_cases/a.md": page("title: A\ndate: 2020-01-02 10:00\ntags: [x, y]\nn: 3.5"),
            "_cases/b.md": page("title: [broken"),
        },
    )
    snapshot = load(site)
    for doc in snapshot.documents:
        value = (doc, tuple(snapshot.diagnostics), None)
        assert codec.decode(codec.encode(value), tuple) == value
    failure = SourceError("invalid-yaml", "Broken.", 2)
    back = codec.decode(codec.encode((None, (), failure)), tuple)[2]
    assert (back.code, back.message, back.line) == ("invalid-yaml", "Broken.", 2)
    rendered = RenderedPage(
        "<h2 id='a'>A</h2>", None, "A", (TocEntry(2, "a", "A"),), 1, 1, (warning("x.md", "c", "m"),)
    )
    assert codec.decode(codec.encode(rendered), RenderedPage) == rendered
    index = SearchIndex.build([SearchEntry.of(doc, i) for i, doc in enumerate(snapshot.documents)])
    image = codec.decode(codec.encode(index.image()), type(index.image()))
    assert SearchIndex.from_image(image).search("A").total == index.search("A").total
    times = (datetime(2020, 1, 1, tzinfo=ZoneInfo("Europe/Paris")), timezone(timedelta(hours=2)))
    assert codec.decode(codec.encode(times), tuple) == times
    assert codec.decode(codec.encode(datetime.now(UTC)), datetime).tzinfo is UTC


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # truncated
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 1]),  # one bit flipped
        lambda blob: b"XXXX" + blob[4:],  # another format
        lambda blob: b"",
        lambda blob: blob[:20],
    ],
)
def test_damaged_values_are_refused(damage: object) -> None:
    blob = codec.encode({"a": [1, 2, 3], "b": "text" * 100})
    with pytest.raises(codec.Invalid):
        codec.decode(damage(blob))  # type: ignore[operator]


def test_a_value_of_another_type_is_refused() -> None:
    with pytest.raises(codec.Invalid, match="expected"):
        codec.decode(codec.encode(["a list"]), RenderedPage)


class _Exploit:
    def __reduce__(self) -> tuple[object, ...]:
        import os

        return (os.system, ("touch /tmp/content-api-exploited",))


def _planted(value: object) -> bytes:
    """A value made by someone else, with a valid checksum."""
    import hashlib

    payload = pickle.dumps(value, protocol=5)
    return codec.MAGIC + hashlib.blake2b(payload, digest_size=16).digest() + payload


def test_a_planted_value_cannot_run_code(tmp_path: Path) -> None:
    marker = Path("/tmp/content-api-exploited")
    marker.unlink(missing_ok=True)
    with pytest.raises(codec.Invalid, match=r"posix\.system|os\.system"):
        codec.decode(_planted(_Exploit()))
    assert not marker.exists()
    with pytest.raises(codec.Invalid, match="not a class"):
        from api import cli

        codec.decode(_planted(cli.main))  # a function of the project: not a class
    with pytest.raises(codec.Invalid, match="enum member"):
        codec.decode(_planted_getattr())


def _planted_getattr() -> bytes:
    # getattr(api.persist.codec.Invalid, "__init__"): getattr is only for enum members.
    class Attribute:
        def __reduce__(self) -> tuple[object, ...]:
            return (getattr, (codec.Invalid, "__init__"))

    return _planted(Attribute())
