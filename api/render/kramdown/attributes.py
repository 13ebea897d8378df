"""Inline attribute lists (IALs), attribute list definitions (ALDs) and HTML attributes.

An IAL is parsed into a dict of attributes plus the names of the ALDs it refers to
(under the key ``REFS``); it is applied to an element's attributes only once every ALD of the
document is known, as kramdown does after parsing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import patterns as p

REFS = ":refs"
IAL = dict[str, Any]


def parse_attribute_list(text: str, into: IAL) -> IAL:
    """Add the attributes of ``{: ...}`` content to ``into`` (kramdown's parse_attribute_list)."""
    if not text.strip() or text.strip() == ":":
        return into
    for match in p.ALD_TYPE_ANY.finditer(text):
        key, sep, value, ref, id_and_or_class = match.group(1, 2, 3, 4, 5)
        if ref:
            into.setdefault(REFS, []).append(ref)
        elif id_and_or_class:
            for part in p.ALD_TYPE_ID_OR_CLASS.finditer(id_and_or_class):
                if part.group(2) is not None:
                    into["class"] = f"{into.get('class', '')} {part.group(2)}".lstrip()
                else:
                    into["id"] = part.group(1)
        elif key:
            into[key] = value.replace("\\}", "}").replace("\\" + sep, sep)
    return into


def merge_ial(into: IAL, other: IAL) -> None:
    """kramdown's update_ial_with_ial: classes add up, refs add up, the rest overrides."""
    if REFS in other:
        into.setdefault(REFS, []).extend(other[REFS])
    for key, value in other.items():
        if key == "class":
            into["class"] = f"{into.get('class', '')} {value}".lstrip()
        elif key != REFS:
            into[key] = value


def apply_ial(attrs: dict[str, Any], ial: IAL, alds: Mapping[str, IAL], depth: int = 0) -> None:
    """kramdown's update_attr_with_ial: referenced ALDs first, then the IAL's own attributes."""
    if depth > 20:  # an ALD referring to itself must not recurse forever
        return
    for ref in ial.get(REFS, ()):
        ald = alds.get(ref)
        if ald is not None:
            apply_ial(attrs, ald, alds, depth + 1)
    for key, value in ial.items():
        if key == "class":
            attrs["class"] = f"{attrs.get('class', '')} {value}".lstrip()
        elif key != REFS:
            attrs[key] = value


def parse_html_attributes(text: str, known_tag: bool) -> dict[str, str]:
    """Attributes of a raw HTML tag; names are lower-cased for tags HTML knows."""
    attrs: dict[str, str] = {}
    for match in p.HTML_ATTRIBUTE_RE.finditer(text):
        name, bare, _quote, quoted = match.group(1, 2, 3, 4)
        if known_tag:
            name = name.lower()
        attrs[name] = bare if bare is not None else (quoted if quoted is not None else "")
    return attrs


def for_html(attribute_text: str | None) -> bool:
    """Whether a ``{::nomarkdown type="..."}`` body is meant for HTML output."""
    kinds = str(parse_attribute_list(attribute_text or "", {}).get("type", "")).split()
    return not kinds or "html" in kinds
