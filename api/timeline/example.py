"""The OpenAPI example of a TimelineEmbed: what the seed page's ``timeline:`` becomes.

tests/timeline/test_seed.py checks that parse_timeline still produces exactly this.
"""

from __future__ import annotations

from typing import Any, Final

_KEY: Final = "0AtZ5yV_Pso2idDZQRXNfUzQxd3JTQzhhMXg5UEpVYmc"
_V3: Final = "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html"
_EMBED_URL: Final = f"{_V3}?source={_KEY}&font=bevan-pontanosans&lang=en&height=900"

SEED_TIMELINE_VALUE: Final = (
    f"{_V3}?source={_KEY}&font=Bevan-PotanoSans&maptype=toner&lang=en&height=900"
)
SEED_EMBED_EXAMPLE: Final[dict[str, Any]] = {
    "provider": "knightlab-timelinejs",
    "version": 3,
    "source_url": SEED_TIMELINE_VALUE,
    "source": {
        "kind": "google-sheet",
        "key": _KEY,
        "url": None,
        "sheet_url": f"https://docs.google.com/spreadsheet/pub?key={_KEY}",
    },
    "options": {"font": "bevan-pontanosans", "lang": "en", "height": 900},
    "embed_url": _EMBED_URL,
    "iframe_html": (
        f"<iframe src='{_EMBED_URL.replace('&', '&amp;')}' width='100%' height='900' "
        "webkitallowfullscreen mozallowfullscreen allowfullscreen frameborder='0'></iframe>"
    ),
    "warnings": [
        {
            "code": "font-corrected",
            "message": (
                "'Bevan-PotanoSans' is a TimelineJS 2 font name; TimelineJS 3 calls the same "
                "typefaces bevan-pontanosans."
            ),
            "param": "font",
        },
        {
            "code": "option-ignored",
            "message": (
                "'maptype' is a TimelineJS 2 option that TimelineJS 3 ignores; it was left out. "
                "(Stamen map tiles, the usual value, stopped working in 2023.)"
            ),
            "param": "maptype",
        },
        {
            "code": "old-sheet-key",
            "message": (
                f"{_KEY} looks like a pre-2014 Google Sheets key. It is uncertain whether Google "
                "still serves these to TimelineJS; if the timeline does not load, open the "
                "sheet, publish it to the web again and use its new URL."
            ),
            "param": "source",
        },
    ],
    "hosted_embed_url": None,
    "hosted_iframe_html": None,
}
