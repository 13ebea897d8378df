"""Timeline data kept with the content: CSV (the Google Sheet template), TimelineJS JSON or YAML."""

from __future__ import annotations

from api.timeline.data.document import validate_timeline_json
from api.timeline.data.load import load_timeline_data
from api.timeline.data.models import Background, Date, Era, Media, Slide, Text, TimelineData
from api.timeline.data.result import DataProblem, TimelineDataResult

__all__ = [
    "Background",
    "DataProblem",
    "Date",
    "Era",
    "Media",
    "Slide",
    "Text",
    "TimelineData",
    "TimelineDataResult",
    "load_timeline_data",
    "validate_timeline_json",
]
