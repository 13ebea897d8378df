"""TimelineJS JSON, typed: the response model of a page's ``/timeline/data``.

Field names and meanings follow TimelineJS 3's JSON format. Unset fields are left out of the
JSON instead of being sent as null, because TimelineJS tests some of them for presence.
``extra="forbid"`` makes these models a validator of the format, not just a container.
"""

from __future__ import annotations

import re
from typing import Annotated, Final, Literal, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from api.timeline.data.dates import days_in_month
from api.timeline.fields import optional

_WHOLE: Final = re.compile(r"-?[0-9]{1,12}")


def _whole_number(value: object) -> object:
    """Sheets and hand-written JSON give "1998", " 1,998 " or 1998.0; TimelineJS takes them all."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None  # TimelineJS treats "" as not given
    if isinstance(value, bool):
        raise ValueError("must be a whole number, not true or false")
    if isinstance(value, str):
        text = re.sub(r"[\s,]+", "", value)  # as v3's clean_integer
        if not _WHOLE.fullmatch(text):
            raise ValueError(f"must be a whole number, not {value[:40]!r}")
        return int(text)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


_NUMERIC_TEXT = BeforeValidator(_whole_number)


Month = Annotated[Annotated[int, Field(ge=1, le=12)] | None, _NUMERIC_TEXT]
Day = Annotated[Annotated[int, Field(ge=1, le=31)] | None, _NUMERIC_TEXT]
Hour = Annotated[Annotated[int, Field(ge=0, le=23)] | None, _NUMERIC_TEXT]
Sixty = Annotated[Annotated[int, Field(ge=0, le=59)] | None, _NUMERIC_TEXT]
Millisecond = Annotated[Annotated[int, Field(ge=0, le=999)] | None, _NUMERIC_TEXT]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Date(_Model):
    year: Annotated[int, _NUMERIC_TEXT] = Field(description="The year; negative for BCE. Required.")
    month: Month = optional("1-12.")
    day: Day = optional("1-31, and a day that exists in that month.")
    hour: Hour = optional("0-23.")
    minute: Sixty = optional("0-59.")
    second: Sixty = optional("0-59.")
    millisecond: Millisecond = optional("0-999.")
    display_date: str | None = optional("Shown instead of the formatted date.")
    format: str | None = optional("A TimelineJS date format string.")

    @model_validator(mode="after")
    def _calendar(self) -> Self:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.day is not None and self.month is not None:
            last = days_in_month(self.year, self.month)
            if self.day > last:
                raise ValueError(
                    f"month {self.month} of {self.year} has {last} days, not {self.day}"
                )
        return self

    def sort_key(self) -> tuple[int, ...]:
        parts = (self.month or 1, self.day or 1, self.hour, self.minute, self.second)
        return (self.year, *(p or 0 for p in parts), self.millisecond or 0)


class Text(_Model):
    headline: str | None = optional("The slide's headline (HTML allowed).")
    text: str | None = optional("The slide's body (HTML allowed).")


class Media(_Model):
    url: str = Field(description="Image, video, tweet... URL, or embed code. Required.")
    caption: str | None = optional("Caption.")
    credit: str | None = optional("Credit.")
    thumbnail: str | None = optional("Thumbnail image URL for the time navigation.")
    alt: str | None = optional("Alternative text for an image.")
    title: str | None = optional("Title attribute.")
    link: str | None = optional("Makes the media a link to this URL.")
    link_target: str | None = optional("The link's target, e.g. _blank.")


class Background(_Model):
    url: str | None = optional("Background image URL.")
    alt: str | None = optional("Alternative text for the background image.")
    color: str | None = optional("Background colour: #rrggbb or a CSS colour name.")


class Slide(_Model):
    """An event, or the title slide (which needs no date)."""

    start_date: Date | None = optional("When it starts. Required for events.")
    end_date: Date | None = optional("When it ends.")
    text: Text | None = optional("Headline and text.")
    media: Media | None = optional("One media item.")
    group: str | None = optional("Events of a group share a row in the time navigation.")
    display_date: str | None = optional("Shown instead of the formatted dates.")
    background: Background | None = optional("Slide background.")
    autolink: bool | None = optional("Turn URLs in text into links (default true).")
    unique_id: str | None = optional("The slide's id, used in #hash bookmarks.")


class Era(_Model):
    start_date: Date = Field(description="Required.")
    end_date: Date = Field(description="Required.")
    text: Text | None = optional("The era's headline.")


class TimelineData(_Model):
    """A whole timeline, as TimelineJS 3 reads it from JSON."""

    events: list[Slide] = Field(min_length=1, description="The events; at least one.")
    title: Slide | None = optional("The title slide.")
    eras: list[Era] | None = optional("Spans of time shown behind the events.")
    scale: Literal["human", "cosmological"] | None = optional(
        "human (the default) or cosmological, for dates beyond JavaScript's range."
    )
