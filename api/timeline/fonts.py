"""TimelineJS font sets: the v3 names, and what the v2 names became.

v3 lower-cases ``font`` and loads ``css/fonts/font.<name>.css``; a name it does not ship
requests a stylesheet that does not exist. Sources: NUKnightLab/TimelineJS3 ``src/less/fonts``
(v3.9.13) and NUKnightLab/TimelineJS ``source/less/Core/Font`` plus the v2 embed's font presets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

V3_FONTS: Final = frozenset(
    {
        "abril-droidsans",
        "amatic-andika",
        "bevan-pontanosans",
        "bitter-raleway",
        "clicker-garamond",
        "dancing-ledger",
        "default",
        "fjalla-average",
        "georgia-helvetica",
        "knightlab",
        "lustria-lato",
        "medula-lato",
        "oldstandard",
        "opensans-gentiumbook",
        "playfair-faunaone",
        "playfair",
        "pt",
        "roboto-megrim",
        "rufina-sintony",
        "ubuntu",
        "unicaone-vollkorn",
    }
)

# v2 name (lower-cased) -> v3 name, only where v3 ships the same typefaces.
# Georgia-Helvetica, PT and Default need no entry: lower-cased they already are v3 names.
V2_TO_V3: Final[dict[str, str]] = {
    # v2 misspelt Pontano as "Potano"; the typefaces (Bevan + Pontano Sans) are the same.
    "bevan-potanosans": "bevan-pontanosans",
    # v2 paired PT Serif with PT Sans; v3's pt set is PT Serif with PT Sans / PT Sans Narrow.
    "ptserif-ptsans": "pt",
}

# v2 sets whose typefaces v3 does not ship (v2 name -> its typefaces, for the message).
V2_WITHOUT_EQUIVALENT: Final[dict[str, str]] = {
    "abrilfatface-average": "Abril Fatface and Average",
    "arvo-ptsans": "Arvo and PT Sans",
    "breeserif-opensans": "Bree Serif and Open Sans",
    "droidserif-droidsans": "Droid Serif and Droid Sans",
    "lekton-molengo": "Lekton and Molengo",
    "lora-istok": "Lora and Istok Web",
    "merriweather-newscycle": "Merriweather and News Cycle",
    "newscycle-merriweather": "News Cycle and Merriweather",
    "nixieone-ledger": "Nixie One and Ledger",
    "pacifico-arimo": "Pacifico and Arimo",
    "playfairdisplay-muli": "Playfair Display and Muli",
    "poiretone-molengo": "Poiret One and Molengo",
    "rancho-gudea": "Rancho and Gudea",
    "sansitaone-kameron": "Sansita One and Kameron",
}


@dataclass(frozen=True, slots=True)
class FontLookup:
    """``name`` is the v3 name to use, or None when there is none."""

    name: str | None
    corrected_from_v2: bool = False
    v2_typefaces: str | None = None


def lookup_font(value: str) -> FontLookup:
    """Resolve a font *name* (not a URL) the way an author meant it for v3."""
    key = value.strip().lower()
    if key in V3_FONTS:
        return FontLookup(key)
    if key in V2_TO_V3:
        return FontLookup(V2_TO_V3[key], corrected_from_v2=True)
    return FontLookup(None, v2_typefaces=V2_WITHOUT_EQUIVALENT.get(key))
