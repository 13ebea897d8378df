"""Knight Lab TimelineJS embeds and timeline data: pure, no I/O.

``parse_timeline`` understands a page's ``timeline:`` value; ``embed_for_local_data`` makes the
embed of a page whose data is kept with the content; ``load_timeline_data`` reads that data and
``validate_timeline_json`` checks TimelineJS JSON. The models are the API's response schemas.
"""

from __future__ import annotations

from api.timeline.data import (
    Background,
    DataProblem,
    Date,
    Era,
    Media,
    Slide,
    Text,
    TimelineData,
    TimelineDataResult,
    load_timeline_data,
    validate_timeline_json,
)
from api.timeline.embed import EMBED_PREFIX, embed_for_local_data
from api.timeline.models import (
    EmbedWarning,
    Problem,
    SourceKind,
    TimelineEmbed,
    TimelineOptions,
    TimelineResult,
    TimelineSource,
    WarningCode,
)
from api.timeline.parse import parse_timeline

__all__ = [
    "EMBED_PREFIX",
    "Background",
    "DataProblem",
    "Date",
    "EmbedWarning",
    "Era",
    "Media",
    "Problem",
    "Slide",
    "SourceKind",
    "Text",
    "TimelineData",
    "TimelineDataResult",
    "TimelineEmbed",
    "TimelineOptions",
    "TimelineResult",
    "TimelineSource",
    "WarningCode",
    "embed_for_local_data",
    "load_timeline_data",
    "parse_timeline",
    "validate_timeline_json",
]
