"""Colour values TimelineJS 3 accepts for ``default_bg_color``.

v3 passes the value to ``hexToRgb``, which knows hex (#rgb, #rrggbb, with or without #) and this
list of CSS colour names (CSS Color 3, without the "grey" spellings, which v3 does not have).
"""

from __future__ import annotations

import re
from typing import Final

_CSS_COLOR_LIST: Final = """
    aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet
    brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan
    darkblue darkcyan darkgoldenrod darkgray darkgreen darkkhaki darkmagenta darkolivegreen
    darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray
    darkturquoise darkviolet deeppink deepskyblue dimgray dodgerblue firebrick floralwhite
    forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow honeydew
    hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue
    lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightpink lightsalmon
    lightseagreen lightskyblue lightslategray lightsteelblue lightyellow lime limegreen linen
    magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream
    mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
    palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
    powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
    seagreen seashell sienna silver skyblue slateblue slategray snow springgreen steelblue tan
    teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen
"""
CSS_COLOR_NAMES: Final = frozenset(_CSS_COLOR_LIST.split())

_HEX = re.compile(r"#?([0-9a-f]{3}|[0-9a-f]{6})")


def normalize_color(value: str) -> str | None:
    """``#rrggbb`` or a lower-case colour name, or None when v3 would not understand it."""
    text = value.strip().lower()
    if text in CSS_COLOR_NAMES:
        return text
    match = _HEX.fullmatch(text)
    if match is None:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return f"#{digits}"
