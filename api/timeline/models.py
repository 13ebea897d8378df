"""The typed embed: what a page's ``timeline`` becomes, and the body of its timeline route.

These models are also the OpenAPI schema, so every field carries a description. Options
that are not set are left out of the JSON (``exclude_if``) rather than sent as null:
TimelineJS has its own defaults, and a null would read as "set to nothing".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Final, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from api.timeline.example import SEED_EMBED_EXAMPLE
from api.timeline.fields import optional

PROVIDER: Final = "knightlab-timelinejs"


class SourceKind(StrEnum):
    GOOGLE_SHEET = "google-sheet"
    GOOGLE_SHEET_PUBLISHED = "google-sheet-published"
    CSV_URL = "csv-url"
    JSON_URL = "json-url"
    LOCAL = "local"


class WarningCode(StrEnum):
    """Stable codes; frontends and CI match on them, the message is for people."""

    LEGACY_EMBED = "legacy-embed"
    INSECURE_SCHEME = "insecure-scheme"
    SCHEME_MISSING = "scheme-missing"
    FONT_CORRECTED = "font-corrected"
    FONT_UNKNOWN = "font-unknown"
    LANG_CORRECTED = "lang-corrected"
    LANG_UNKNOWN = "lang-unknown"
    OPTION_IGNORED = "option-ignored"
    OPTION_INVALID = "option-invalid"
    OPTION_CORRECTED = "option-corrected"
    OLD_SHEET_KEY = "old-sheet-key"
    SOURCE_MISREAD = "source-misread"
    SOURCE_REPLACED = "source-replaced"
    PUBLIC_URL_MISSING = "public-url-missing"
    DATA_URL_INVALID = "data-url-invalid"


class EmbedWarning(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: WarningCode = Field(description="Stable machine-readable code.")
    message: str = Field(description="What is wrong and what the API did, for a content editor.")
    param: str | None = Field(
        default=None, description="The query parameter concerned, as written, or null."
    )


class TimelineSource(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: SourceKind = Field(
        description=(
            "google-sheet: a sheet ID or sheet URL; google-sheet-published: a 2PACX "
            "publish-to-web key; csv-url / json-url: data fetched from a URL; local: data kept "
            "with the content and served by this API."
        )
    )
    key: str | None = Field(default=None, description="The sheet ID or 2PACX key, or null.")
    url: str | None = Field(
        default=None, description="The data URL, for csv-url, json-url and local; else null."
    )
    sheet_url: str | None = Field(
        default=None, description="A link a person can open to see the sheet, or null."
    )


Dimension = int | Annotated[str, Field(pattern=r"^[0-9]{1,3}%$")] | None
Int = Annotated[int, Field(ge=0)] | None
Positive = Annotated[int, Field(ge=1)] | None
Percent = Annotated[int, Field(ge=0, le=100)] | None
Zoom = Annotated[int, Field(ge=0, le=10)] | None


class TimelineOptions(BaseModel):
    """Every option TimelineJS 3 reads from an embed URL, typed, under its v3 name.

    Only options that were given (and valid) appear in the JSON.
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", serialize_by_alias=True, validate_by_name=True
    )

    font: str | None = optional("A v3 font set name (lower case), or an https URL of a CSS file.")
    lang: str | None = optional(
        "A v3 language code such as en or pt-br, or an https URL of a .json file."
    )
    timenav_position: Literal["top", "bottom"] | None = optional("Where the time navigation sits.")
    theme: str | None = optional("contrast, dark, or an https URL of a CSS file.")
    initial_zoom: Zoom = optional("Index 0-10 into the zoom sequence.")
    start_at_slide: Int = optional("The slide shown first (0 is the title).")
    start_at_end: bool | None = optional("Start on the last slide.")
    hash_bookmark: bool | None = optional("Update the page URL's #hash as slides change.")
    debug: bool | None = optional("Log to the browser console.")
    width: Dimension = optional('Pixels (int) or a percentage ("100%").')
    height: Dimension = optional('Pixels (int) or a percentage ("100%").')
    default_bg_color: str | None = optional("Slide background: #rrggbb or a CSS colour name.")
    scale_factor: Positive = optional("How many screen widths wide the timeline is at first.")
    timenav_height: Int = optional("Time navigation height in pixels.")
    timenav_height_percentage: Percent = optional("Time navigation height, % of the embed.")
    timenav_mobile_height_percentage: Percent = optional("The same on mobile.")
    timenav_height_min: Int = optional("Minimum time navigation height in pixels.")
    marker_height_min: Int = optional("Minimum marker height in pixels.")
    marker_width_min: Int = optional("Minimum marker width in pixels.")
    marker_padding: Int = optional("Marker top and bottom padding in pixels.")
    slide_padding_lr: Int = optional("Slide left and right padding in pixels.")
    optimal_tick_width: Positive = optional("Optimal distance between axis ticks in pixels.")
    menubar_height: Int = optional("Menu bar height in pixels.")
    duration: Int = optional("Animation duration in milliseconds.")
    use_bc: bool | None = optional("Use a BC suffix on dates before year 0.")
    dragging: bool | None = optional("Allow dragging the slides.")
    track_resize: bool | None = optional(
        "Follow window resizes (v3 spells it trackResize).", alias="trackResize"
    )


OptionValue = int | bool | str


class TimelineEmbed(BaseModel):
    """A Knight Lab TimelineJS embed, understood: typed options and an embed that works."""

    model_config = ConfigDict(
        frozen=True,
        json_schema_extra={"examples": [SEED_EMBED_EXAMPLE]},
    )

    provider: Literal["knightlab-timelinejs"] = Field(
        default=PROVIDER, description="Always knightlab-timelinejs."
    )
    version: Literal[2, 3] = Field(
        description="The TimelineJS version of the URL as written (the embed is always v3)."
    )
    source_url: str = Field(
        description="The value as written in the page (for local data: the data file path)."
    )
    source: TimelineSource = Field(description="Where the timeline's data comes from.")
    options: TimelineOptions = Field(description="The options TimelineJS 3 will use.")
    embed_url: str | None = Field(
        description=(
            "A canonical https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?... "
            "URL. Null only for local data when the API has no public URL configured."
        )
    )
    iframe_html: str | None = Field(
        description="The generator's iframe for embed_url, every attribute escaped; null with it."
    )
    warnings: tuple[EmbedWarning, ...] = Field(
        default=(), description="Things in the value that were corrected, ignored or doubtful."
    )
    hosted_embed_url: str | None = Field(
        default=None,
        description=(
            "This API's own embed page for the timeline (/embed/timelines/{page_id}): "
            "TimelineJS 3 served from this origin, no analytics, no other host. Null when "
            "CONTENT_API_PUBLIC_URL is not set, the TimelineJS assets are not installed, or "
            "the data is a CSV/JSON URL of another host (only local data and Google Sheets "
            "are hosted)."
        ),
    )
    hosted_iframe_html: str | None = Field(
        default=None,
        description="An iframe for hosted_embed_url, every attribute escaped; null with it.",
    )


class Problem(NamedTuple):
    """Why a value is not a TimelineJS embed at all; the loader names the file.

    Codes: not-text, too-long, not-url, bad-scheme, other-host, not-embed, no-source,
    bad-source.
    """

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class TimelineResult:
    """``embed`` is None when the value is empty or not an embed (then ``problems`` says why)."""

    embed: TimelineEmbed | None
    problems: tuple[Problem, ...] = ()
