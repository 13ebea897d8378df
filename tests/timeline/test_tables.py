"""The font and language tables against the facts in ../shared/reference/timelinejs.md."""

from __future__ import annotations

from api.timeline.fonts import V2_TO_V3, V2_WITHOUT_EQUIVALENT, V3_FONTS, lookup_font
from api.timeline.languages import V3_LANGS

# As listed in the reference (TimelineJS3 v3.9.13 and the retired TimelineJS 2).
V3_FONT_LIST = """
    abril-droidsans amatic-andika bevan-pontanosans bitter-raleway clicker-garamond dancing-ledger
    default fjalla-average georgia-helvetica knightlab lustria-lato medula-lato oldstandard
    opensans-gentiumbook playfair-faunaone playfair pt roboto-megrim rufina-sintony ubuntu
    unicaone-vollkorn
"""
V2_ONLY_FONT_LIST = """
    AbrilFatface-Average Arvo-PTSans Bevan-PotanoSans BreeSerif-OpenSans DroidSerif-DroidSans
    Lekton-Molengo Lora-Istok Merriweather-NewsCycle NewsCycle-Merriweather NixieOne-Ledger
    Pacifico-Arimo PlayfairDisplay-Muli PoiretOne-Molengo PTSerif-PTSans Rancho-Gudea
    SansitaOne-Kameron
"""
LANG_LIST = """
    af ar be bg ca cz da de el en en-24hr en-gb en-week eo es et eu fa fi fo fr fy ga gl he hi hr
    hu hy id is it iw ja ka ko lb lt lv ms my nb ne nl nn no pl pt pt-br rm ro ru si sk sl sr sr-cy
    sv ta te th tl tr uk ur vi zh-cn zh-tw
"""
REFERENCE_V3_FONTS = V3_FONT_LIST.split()
REFERENCE_V2_ONLY_FONTS = V2_ONLY_FONT_LIST.split()
REFERENCE_LANGS = LANG_LIST.split()


def test_v3_fonts_are_the_references() -> None:
    assert set(REFERENCE_V3_FONTS) == V3_FONTS


def test_every_v2_only_font_is_either_mapped_or_known_to_have_no_equivalent() -> None:
    lowered = {name.lower() for name in REFERENCE_V2_ONLY_FONTS}
    assert lowered == set(V2_TO_V3) | set(V2_WITHOUT_EQUIVALENT)
    assert not set(V2_TO_V3) & set(V2_WITHOUT_EQUIVALENT)
    assert set(V2_TO_V3.values()) <= V3_FONTS


def test_v2_names_that_are_also_v3_names_need_no_correction() -> None:
    for v2_name in ("Georgia-Helvetica", "PT", "Default"):
        found = lookup_font(v2_name)
        assert found.name == v2_name.lower() and not found.corrected_from_v2


def test_languages_are_the_references() -> None:
    assert set(REFERENCE_LANGS) == V3_LANGS
