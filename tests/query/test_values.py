from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from api.query.values import (
    MISSING,
    Kind,
    data_datetime,
    data_keys,
    is_present,
    query_bool,
    query_days,
    query_instant,
    query_number,
    sort_key,
)


def day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def test_missing_is_a_falsy_singleton() -> None:
    assert not MISSING
    assert repr(MISSING) == "MISSING"
    assert type(MISSING)() is MISSING
    assert not is_present(MISSING)
    assert not is_present(None)
    assert is_present(0)
    assert is_present("")
    assert is_present([])


@pytest.mark.parametrize(
    ("text", "number"),
    [("10", 10), (" -3 ", -3), ("+4", 4), ("2.5", 2.5), (".5", 0.5), ("1e3", 1000.0), ("7.", 7.0)],
)
def test_query_numbers(text: str, number: float) -> None:
    assert query_number(text) == number


@pytest.mark.parametrize("text", ["", "ten", "1_000", "nan", "inf", "0x10", "1e999", "1" * 500])
def test_not_query_numbers(text: str) -> None:
    assert query_number(text) is None


def test_query_bools() -> None:
    assert query_bool("true") is True
    assert query_bool(" False ") is False
    assert query_bool("1") is None
    assert query_bool("yes") is None


def test_query_days_cover_a_day_a_month_or_a_year() -> None:
    assert query_days("2020-06-15") == (day("2020-06-15"), day("2020-06-16"))
    assert query_days("2020-02") == (day("2020-02-01"), day("2020-03-01"))
    assert query_days("2020-12") == (day("2020-12-01"), day("2021-01-01"))
    assert query_days("2020") == (day("2020-01-01"), day("2021-01-01"))
    assert query_days("9999") == (day("9999-01-01"), date.max.toordinal() + 1)
    assert query_days("9999-12")[1] == date.max.toordinal() + 1  # type: ignore[index]


@pytest.mark.parametrize("text", ["2020-13", "2021-02-29", "0000", "20200615", "2020-6-1", "x"])
def test_not_query_days(text: str) -> None:
    assert query_days(text) is None


def test_query_instants_need_a_time_and_default_to_utc() -> None:
    noon = datetime(2020, 6, 15, 12, tzinfo=UTC).timestamp()
    assert query_instant("2020-06-15T12:00:00Z") == noon
    assert query_instant("2020-06-15T12:00") == noon
    assert query_instant("2020-06-15 14:00:00+02:00") == noon
    assert query_instant("2020-06-15T14:00:00+0200") == noon
    assert query_instant("2020-06-15T12:00:00.5Z") == noon + 0.5
    assert query_instant("2020-06-15") is None
    assert query_instant("2020-06-15T25:00") is None


def test_data_dates_are_iso_strings() -> None:
    assert data_datetime("2020-06-15") == datetime(2020, 6, 15, tzinfo=UTC)
    stamp = data_datetime("2020-06-15T10:00:00-05:00")
    assert stamp is not None
    assert stamp.utcoffset() == timedelta(hours=-5)
    assert data_datetime("2020-06-15T10:00:00.123456789Z") == datetime(
        2020, 6, 15, 10, 0, 0, 123456, tzinfo=UTC
    )
    for text in ("2020", "2020-06", "Invalid date", "2020-02-30", "2020-06-15 is a day", ""):
        assert data_datetime(text) is None


def test_data_keys_type_each_scalar() -> None:
    assert data_keys(3) == {(Kind.NUMBER, 3)}
    assert data_keys(True) == {(Kind.BOOL, True)}
    assert data_keys("sudan") == {(Kind.STRING, "sudan")}
    assert data_keys(["a", "a", 1]) == {(Kind.ELEMENT, "a"), (Kind.NUMBER, 1)}
    assert data_keys([["nested"]]) == {(Kind.ELEMENT, "nested")}
    assert data_keys({"a": 1}) == set()
    assert data_keys(None) == set()
    assert data_keys(float("nan")) == set()


def test_a_date_is_an_instant_and_the_day_as_written() -> None:
    late = "2020-06-15T23:30:00-05:00"  # already the 16th in UTC
    instant = datetime(2020, 6, 16, 4, 30, tzinfo=UTC).timestamp()
    assert data_keys(late) == {(Kind.INSTANT, instant), (Kind.DAY, day("2020-06-15"))}
    assert data_keys(date(2020, 6, 15)) == data_keys("2020-06-15")
    naive = datetime(2020, 6, 15, 12)
    assert data_keys(naive) == data_keys("2020-06-15T12:00:00Z")


def test_extreme_dates_do_not_overflow() -> None:
    far = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5)))
    assert {kind for kind, _ in data_keys(far)} == {Kind.INSTANT, Kind.DAY}
    assert data_keys("9999-12-31T23:59:59-05:00")


def test_sort_keys_order_kinds_and_fold_case() -> None:
    values = [True, "banana", "Apple", "2020-01-01", 10, 2.5, "apple"]
    ordered = sorted(values, key=lambda v: sort_key(v))  # type: ignore[arg-type,return-value]
    assert ordered == [2.5, 10, "2020-01-01", "Apple", "apple", "banana", True]
    assert sort_key(["b", "a"]) == sort_key("b")
    assert sort_key([]) is None
    assert sort_key({"a": 1}) is None
    assert sort_key(None) is None
    assert sort_key(MISSING) is None
    assert sort_key(float("nan")) is None
    assert sort_key(date(2020, 1, 1)) == sort_key("2020-01-01")
