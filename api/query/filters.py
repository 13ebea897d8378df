"""One filter against one field index: the positions of the documents it keeps.

Semantics, where the issue leaves a choice:

- A query value is typed once per kind of value the field holds (see :mod:`api.query.values`).
  When the field holds scalars and a value fits none of their kinds (``abc`` against a field of
  numbers), that is a QueryError for the parameter: the client asked something that cannot
  mean anything. A field no document has is not an error: it matches nothing.
- ``null`` counts as missing: ``exists=true`` keeps documents with a value other than null.
- Several values (a repeated key adds its values) match when any of them does; for ``ne``,
  the document equals none of them.
- ``eq`` (and ``filter[F]=a,b``): any value equals, and an array equals when one of its
  elements does. Text equality is exact (case-sensitive).
- ``ne``: the document *has* the field and equals none of the values. A document without the
  field is not kept (as in SQL), so a misspelt field gives an empty result, never everything.
- ``gt gte lt lte``: a scalar, or any element of an array, compares so. Text compares
  case-insensitively; dates as explained in :mod:`api.query.values`. A value that reads as a
  number, a date or a boolean the field holds compares only with those, not with the field's
  text: ``gt 1999`` on dates never keeps the text ``Invalid date``.
- ``contains``: text contains the value as a substring, ignoring case; an array contains it as
  an element (exact). For numbers, dates and booleans it is ``eq``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from api.query.columns import TEXT_KINDS, Column, FieldIndex, Span
from api.query.errors import QueryError
from api.query.masks import Mask, mask_of, view
from api.query.params import Filter, Op
from api.query.values import Kind, query_bool, query_days, query_instant, query_number

_RANGES = frozenset({Op.GT, Op.GTE, Op.LT, Op.LTE})

_TYPERS: dict[Kind, Callable[[str], Any]] = {
    Kind.NUMBER: query_number,
    Kind.INSTANT: query_instant,
    Kind.DAY: query_days,
    Kind.BOOL: query_bool,
    Kind.STRING: lambda text: text,
    Kind.ELEMENT: lambda text: text,
}
_EXPECTED = {
    Kind.NUMBER: "a number",
    Kind.INSTANT: "a date-time (2020-06-15T10:30:00Z)",
    Kind.DAY: "a date (2020, 2020-06 or 2020-06-15)",
    Kind.BOOL: "true or false",
}


def select(index: FieldIndex, flt: Filter) -> Mask:
    """The documents ``flt`` keeps, as a mask over the documents."""
    if flt.op is Op.EXISTS:
        present = mask_of(index.size, view(index.present))
        if len(set(flt.values)) > 1:  # exists:true or exists:false (a repeat): every document
            return np.ones(index.size, dtype=np.bool_)
        return present if flt.values == ("true",) else ~present
    spans = [
        (column, span)
        for value in flt.values
        for column, span in _spans(index, flt, value)
        if span[0] < span[1]
    ]
    matched = mask_of(
        index.size, *(view(column.positions)[low:high] for column, (low, high) in spans)
    )
    if flt.op is Op.NE:
        return mask_of(index.size, view(index.present)) & ~matched
    return matched


def _spans(index: FieldIndex, flt: Filter, value: str) -> list[tuple[Column, Span]]:
    typed = {kind: key for kind in index.columns if (key := _TYPERS[kind](value)) is not None}
    if index.columns and not typed:
        kinds = [_EXPECTED[kind] for kind in sorted(index.columns) if kind in _EXPECTED]
        raise QueryError(
            flt.param, f"{value[:60]!r} cannot be compared with this field: it holds {_or(kinds)}"
        )
    op = Op.EQ if flt.op is Op.NE else flt.op
    if op in _RANGES and not typed.keys() <= TEXT_KINDS:
        typed = {kind: key for kind, key in typed.items() if kind not in TEXT_KINDS}
    found: list[tuple[Column, Span]] = []
    for kind, key in typed.items():
        column = index.columns[kind]
        if op is Op.CONTAINS:
            if kind is Kind.STRING:
                found += [(column, span) for span in column.substring(key)]
            else:
                found.append((column, column.equal(key)))
        else:
            found.append((column, column.span(op, key)))
    return found


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
