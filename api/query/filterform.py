"""The ``filter=`` form: conditions in one plain string, for clients that build URLs from a
schema (generated clients send a string parameter as it is; none of them can send
``filter[FIELD][OP]``).

Grammar (``api.query.grammar.FILTER_PATTERN`` says the same as a regular expression)::

    filter    = [condition] *("," [condition])      ; at most MAX_CONDITIONS conditions
    condition = FIELD ":" VALUE                      ; eq
              / FIELD ":" OP ":" VALUE               ; OP: eq ne gt gte lt lte contains exists

- ``filter=country:sudan``, ``filter=order:gte:10``, ``filter=country:sudan,order:gte:10``.
- FIELD is a dotted name (``data.country`` or ``country``, as in ``filter[FIELD]``) with no
  backslash, colon, comma or bracket; spaces around it are ignored.
- Without OP the value holds no colon (``time:eq:10:30`` for a value with one, or ``\\:``):
  a second colon always introduces an operator, so ``time:10:30`` is an unknown operator
  rather than a silent guess.
- In a value, ``\\,`` is a comma, ``\\:`` a colon and ``\\\\`` a backslash; any other
  backslash stands for itself, and a backslash cannot end the string. Spaces around the value
  are ignored. ``exists`` takes ``true`` or ``false`` (any case).
- Only the ASCII space is trimmed, and empty conditions (``a:b,,c:d``, a trailing comma) are
  skipped.

How conditions combine is the caller's (:mod:`api.query.params`): the same field and
operator given twice add values, as a comma list does in ``filter[FIELD]=a,b``.
"""

from __future__ import annotations

from typing import NamedTuple

from api.query.errors import QueryError

PARAM = "filter"
#: Conditions in one ``filter`` value: what one request may ask, whatever its form.
MAX_CONDITIONS = 32
OPS = ("eq", "ne", "gt", "gte", "lt", "lte", "contains", "exists")
_ESCAPES = {",": ",", ":": ":", "\\": "\\"}


class Condition(NamedTuple):
    field: str
    op: str  # one of OPS
    value: str  # unescaped and trimmed; "true" or "false" for exists


def parse_conditions(text: str) -> list[Condition]:
    """The conditions of one ``filter`` value, in order. Raises QueryError naming ``filter``."""
    conditions = [_condition(item) for item in _split(text, ",") if item.strip(" ")]
    if len(conditions) > MAX_CONDITIONS:
        raise QueryError(PARAM, f"takes at most {MAX_CONDITIONS} conditions")
    return conditions


def valid_field(name: str) -> bool:
    """Whether a field name is well formed: dotted segments, none empty, no brackets."""
    return bool(name) and "[" not in name and "]" not in name and "" not in name.split(".")


def _condition(item: str) -> Condition:
    parts = _split(item, ":", most=2)
    if len(parts) == 1:
        raise QueryError(
            PARAM, f"{_shown(item)} needs a field and a value: write FIELD:VALUE or FIELD:OP:VALUE"
        )
    field = parts[0].strip(" ")
    if "\\" in field or not valid_field(field):
        raise QueryError(
            PARAM,
            f"{_shown(field)} is not a field name (dotted names, no empty parts, no "
            "backslash or brackets; write filter[FIELD]=VALUE for other names)",
        )
    if len(parts) == 2:
        return Condition(field, "eq", _unescape(parts[1]).strip(" "))
    op = parts[1].strip(" ")
    if op not in OPS:
        raise QueryError(
            PARAM,
            f"{_shown(op)} is not an operator (use one of: {' '.join(OPS)}); a value with a "
            f"colon is written after eq: ({field}:eq:10:30) or with \\:",
        )
    value = _unescape(parts[2]).strip(" ")
    if op == "exists":
        lowered = value.lower()
        if lowered not in ("true", "false"):
            raise QueryError(PARAM, f"{field}:exists takes true or false, not {_shown(value)}")
        value = lowered
    return Condition(field, op, value)


def _split(text: str, separator: str, most: int | None = None) -> list[str]:
    """``text`` cut at each ``separator`` not escaped by a backslash (at most ``most`` cuts);
    escapes are kept for the next step. A backslash ending the text is refused."""
    parts: list[str] = []
    start = index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            if index + 1 == len(text):
                raise QueryError(
                    PARAM, "ends with a lone backslash (\\\\ for a backslash, \\, for a comma)"
                )
            index += 2
            continue
        if char == separator and (most is None or len(parts) < most):
            parts.append(text[start:index])
            start = index + 1
        index += 1
    parts.append(text[start:])
    return parts


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in _ESCAPES:
            out.append(_ESCAPES[text[index + 1]])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _shown(text: str) -> str:
    return repr(text[:60])
