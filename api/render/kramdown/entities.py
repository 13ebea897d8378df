"""kramdown's entity table and its ``entity_output`` rules.

kramdown knows the HTML 4 entity names (plus ``apos`` and ``vellip``, and with ``lceil``/
``rceil`` and ``lang``/``rang`` swapped, as its table has them) and maps the Windows-1252 code
points 128-159 to the characters browsers show for them. An unknown name is not an entity.
"""

from __future__ import annotations

from html.entities import name2codepoint

_NAMES: dict[str, int] = {
    **name2codepoint,
    "apos": 39,
    "vellip": 8942,
    "rceil": 8968,
    "lceil": 8969,
    "rang": 9001,
    "lang": 9002,
}
_CODEPOINT_NAMES: dict[int, str] = {}
for _name, _code in _NAMES.items():
    _CODEPOINT_NAMES.setdefault(_code, _name)

_WINDOWS_1252 = {
    128: 8364, 130: 8218, 131: 402, 132: 8222, 133: 8230, 134: 8224, 135: 8225, 136: 710,
    137: 8240, 138: 352, 139: 8249, 140: 338, 142: 381, 145: 8216, 146: 8217, 147: 8220,
    148: 8221, 149: 8226, 150: 8211, 151: 8212, 152: 732, 153: 8482, 154: 353, 155: 8250,
    156: 339, 158: 382, 159: 376,
}  # fmt: skip

ESCAPE_MAP = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"}


def code_point(name: str) -> int | None:
    """The code point of a named entity, or None when kramdown does not know the name."""
    return _NAMES.get(name)


def numeric(number: int) -> int:
    return _WINDOWS_1252.get(number, number)


def entity_to_str(code: int, original: str | None, mode: str) -> str:
    """How kramdown's HTML converter writes one entity under ``entity_output``."""
    try:
        char = chr(code)
    except (ValueError, OverflowError):
        char = "\ufffd"
    if mode == "as_char" and (char == '"' or char not in ESCAPE_MAP):
        return char
    if mode in ("as_input", "as_char") and original:
        return original
    name = _CODEPOINT_NAMES.get(code)
    if (mode == "symbolic" or char in ESCAPE_MAP) and name:
        return f"&{name};"
    return f"&#{code};"
