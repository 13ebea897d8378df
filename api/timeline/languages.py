"""TimelineJS 3 language codes, and the spellings authors use for them.

v3 loads ``js/locale/<code>.json`` from a case-sensitive CDN, so ``EN`` or ``pt_BR`` fail and the
timeline falls back to English with an error message. Codes from NUKnightLab/TimelineJS3
``src/js/language/locale`` (v3.9.13); every v2 code is among them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

_V3_LANG_LIST: Final = """
    af ar be bg ca cz da de el en en-24hr en-gb en-week eo es et eu fa fi fo fr fy ga gl he hi hr
    hu hy id is it iw ja ka ko lb lt lv ms my nb ne nl nn no pl pt pt-br rm ro ru si sk sl sr sr-cy
    sv ta te th tl tr uk ur vi zh-cn zh-tw
"""
V3_LANGS: Final = frozenset(_V3_LANG_LIST.split())

# Standard tags whose v3 file has another name (Czech is "cz" in TimelineJS).
_ALIASES: Final[dict[str, str]] = {
    "cs": "cz",
    "en-us": "en",
    "en-uk": "en-gb",
    "zh-hans": "zh-cn",
    "zh-sg": "zh-cn",
    "zh-hant": "zh-tw",
    "zh-hk": "zh-tw",
    "sr-cyrl": "sr-cy",
    "sr-latn": "sr",
}


@dataclass(frozen=True, slots=True)
class LangLookup:
    """``code`` is the v3 code to use, or None; ``corrected`` when it differs from the input."""

    code: str | None
    corrected: bool = False


def lookup_lang(value: str) -> LangLookup:
    """Resolve a language *code* (not a URL) to the v3 file name an author meant."""
    written = value.strip()
    tag = written.lower().replace("_", "-")
    if tag in V3_LANGS:
        return LangLookup(tag, corrected=tag != written)
    if tag in _ALIASES:
        return LangLookup(_ALIASES[tag], corrected=True)
    base = tag.split("-", 1)[0]
    if base != tag and base in V3_LANGS:
        # A regional variant v3 lacks (de-ch, es-mx): the base language is what the author wants.
        return LangLookup(base, corrected=True)
    return LangLookup(None)
