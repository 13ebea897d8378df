"""The fast loader builds exactly what PyYAML's safe loader builds, whatever the document."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from api.content.yamlbuild import Loader

try:
    from yaml import CSafeLoader as Reference
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as Reference  # type: ignore[assignment]


def both(text: str) -> tuple[Any, Any]:
    return yaml.load(text, Loader=Loader), yaml.load(text, Loader=Reference)


def outcome(text: str, loader: type[Reference]) -> str:
    """What loading gives: the value's repr (NaN equals itself; types and order count), or
    the kind of error."""
    try:
        return repr(yaml.load(text, Loader=loader))
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError, TypeError) as exc:
        return f"raises {type(exc).__name__}"


def assert_same(text: str) -> None:
    assert outcome(text, Loader) == outcome(text, Reference), text


TRICKY = [
    "",
    "---\n",
    "~",
    "title: x\nn: 1\nok: yes\nno_: off\nnull_: ~\nf: .inf\nnan: .NaN\nneg: -.inf",
    "hex: 0x1F\noct: 0o17\nold_oct: 017\nsep: 1_000\nsexa: 1:20\nfloat: 1.5e3\nsexaf: 1:20.5",
    "d: 2001-12-14\nt: 2001-12-14t21:59:43.10-05:00\ns: 2001-12-14 21:59:43.10 +3\nu: 2002-12-14",
    "a: &x [1, 2]\nb: *x",
    "base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3",
    "list:\n  - &v value\n  - *v",
    "= : equals\nk: v",
    "s: !!set {a, b}\no: !!omap [{a: 1}, {b: 2}]\nb: !!binary aGVsbG8=",
    "explicit: !!str 123\nint: !!int '7'\nf: !!float '1'",
    "? [a, b]\n: complex key",
    "? {a: 1}\n: mapping key",
    "dup: 1\ndup: 2\nother: 3",
    "nested:\n  - {a: [1, {b: [2, 3]}]}\n  - [x, [y, [z]]]\n  - {}\n  - []",
    "text: |\n  line one\n  line two\nfolded: >\n  folded\n  text\n",
    'quoted: "yes"\nsingle: \'1.0\'\nplain: 1.0\nunicode: "caf\\u00e9 \\U0001F600"',
    "2020-01-01: date key\n1: int key\ntrue: bool key\nnull: null key\n1.5: float key",
    "- a\n- b: c\n  d: e\n- - nested",
    "key: value # comment\n# only a comment\nother: 'it''s'",
    "tags: [jekyll, 'ruby', \"go\"]\ndate: 2024-05-01 10:00:00 +0200",
]


@pytest.mark.parametrize("text", TRICKY)
def test_documents_of_every_shape_load_as_pyyaml_loads_them(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize("text", ["? [a]\n: b", "a: !!python/object:os.system x", "x: !custom y"])
def test_what_pyyaml_refuses_the_fast_loader_refuses_alike(text: str) -> None:
    assert outcome(text, Reference).startswith("raises")
    assert_same(text)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["yes", "No", "on", "OFF", "~", "null", "0x1F", "1:20", "1_0", ".5", "-0"]),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=-5))])),
)
keys = st.one_of(st.text(max_size=15), st.integers(-100, 100), st.booleans(), st.none())
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(trees, st.sampled_from([None, True, False]), st.booleans())
def test_any_dumped_tree_loads_as_pyyaml_loads_it(
    value: Any, flow: bool | None, sort_keys: bool
) -> None:
    text = yaml.safe_dump(value, default_flow_style=flow, sort_keys=sort_keys, allow_unicode=True)
    assert_same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab:-[]{},&*!#|>'\"\n ?.0123456789~<=", max_size=60))
def test_any_text_loads_or_fails_as_pyyaml_does(text: str) -> None:
    assert_same(text)


def test_a_datetime_with_a_zone_keeps_it() -> None:
    fast, reference = both("when: 2024-05-01 10:00:00 +02:00")
    assert fast == reference and isinstance(fast["when"], datetime)
    assert fast["when"].utcoffset() == timedelta(hours=2)
