from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.timeline_options_timenav_position import TimelineOptionsTimenavPosition
from ..types import UNSET, Unset

T = TypeVar("T", bound="TimelineOptions")


@_attrs_define
class TimelineOptions:
    """Every option TimelineJS 3 reads from an embed URL, typed, under its v3 name.

    Only options that were given (and valid) appear in the JSON.

        Attributes:
            font (str | Unset): A v3 font set name (lower case), or an https URL of a CSS file.
            lang (str | Unset): A v3 language code such as en or pt-br, or an https URL of a .json file.
            timenav_position (TimelineOptionsTimenavPosition | Unset): Where the time navigation sits.
            theme (str | Unset): contrast, dark, or an https URL of a CSS file.
            initial_zoom (int | Unset): Index 0-10 into the zoom sequence.
            start_at_slide (int | Unset): The slide shown first (0 is the title).
            start_at_end (bool | Unset): Start on the last slide.
            hash_bookmark (bool | Unset): Update the page URL's #hash as slides change.
            debug (bool | Unset): Log to the browser console.
            width (int | str | Unset): Pixels (int) or a percentage ("100%").
            height (int | str | Unset): Pixels (int) or a percentage ("100%").
            default_bg_color (str | Unset): Slide background: #rrggbb or a CSS colour name.
            scale_factor (int | Unset): How many screen widths wide the timeline is at first.
            timenav_height (int | Unset): Time navigation height in pixels.
            timenav_height_percentage (int | Unset): Time navigation height, % of the embed.
            timenav_mobile_height_percentage (int | Unset): The same on mobile.
            timenav_height_min (int | Unset): Minimum time navigation height in pixels.
            marker_height_min (int | Unset): Minimum marker height in pixels.
            marker_width_min (int | Unset): Minimum marker width in pixels.
            marker_padding (int | Unset): Marker top and bottom padding in pixels.
            slide_padding_lr (int | Unset): Slide left and right padding in pixels.
            optimal_tick_width (int | Unset): Optimal distance between axis ticks in pixels.
            menubar_height (int | Unset): Menu bar height in pixels.
            duration (int | Unset): Animation duration in milliseconds.
            use_bc (bool | Unset): Use a BC suffix on dates before year 0.
            dragging (bool | Unset): Allow dragging the slides.
            track_resize (bool | Unset): Follow window resizes (v3 spells it trackResize).
    """

    font: str | Unset = UNSET
    lang: str | Unset = UNSET
    timenav_position: TimelineOptionsTimenavPosition | Unset = UNSET
    theme: str | Unset = UNSET
    initial_zoom: int | Unset = UNSET
    start_at_slide: int | Unset = UNSET
    start_at_end: bool | Unset = UNSET
    hash_bookmark: bool | Unset = UNSET
    debug: bool | Unset = UNSET
    width: int | str | Unset = UNSET
    height: int | str | Unset = UNSET
    default_bg_color: str | Unset = UNSET
    scale_factor: int | Unset = UNSET
    timenav_height: int | Unset = UNSET
    timenav_height_percentage: int | Unset = UNSET
    timenav_mobile_height_percentage: int | Unset = UNSET
    timenav_height_min: int | Unset = UNSET
    marker_height_min: int | Unset = UNSET
    marker_width_min: int | Unset = UNSET
    marker_padding: int | Unset = UNSET
    slide_padding_lr: int | Unset = UNSET
    optimal_tick_width: int | Unset = UNSET
    menubar_height: int | Unset = UNSET
    duration: int | Unset = UNSET
    use_bc: bool | Unset = UNSET
    dragging: bool | Unset = UNSET
    track_resize: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        font = self.font

        lang = self.lang

        timenav_position: str | Unset = UNSET
        if not isinstance(self.timenav_position, Unset):
            timenav_position = self.timenav_position.value

        theme = self.theme

        initial_zoom = self.initial_zoom

        start_at_slide = self.start_at_slide

        start_at_end = self.start_at_end

        hash_bookmark = self.hash_bookmark

        debug = self.debug

        width: int | str | Unset
        if isinstance(self.width, Unset):
            width = UNSET
        else:
            width = self.width

        height: int | str | Unset
        if isinstance(self.height, Unset):
            height = UNSET
        else:
            height = self.height

        default_bg_color = self.default_bg_color

        scale_factor = self.scale_factor

        timenav_height = self.timenav_height

        timenav_height_percentage = self.timenav_height_percentage

        timenav_mobile_height_percentage = self.timenav_mobile_height_percentage

        timenav_height_min = self.timenav_height_min

        marker_height_min = self.marker_height_min

        marker_width_min = self.marker_width_min

        marker_padding = self.marker_padding

        slide_padding_lr = self.slide_padding_lr

        optimal_tick_width = self.optimal_tick_width

        menubar_height = self.menubar_height

        duration = self.duration

        use_bc = self.use_bc

        dragging = self.dragging

        track_resize = self.track_resize

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if font is not UNSET:
            field_dict["font"] = font
        if lang is not UNSET:
            field_dict["lang"] = lang
        if timenav_position is not UNSET:
            field_dict["timenav_position"] = timenav_position
        if theme is not UNSET:
            field_dict["theme"] = theme
        if initial_zoom is not UNSET:
            field_dict["initial_zoom"] = initial_zoom
        if start_at_slide is not UNSET:
            field_dict["start_at_slide"] = start_at_slide
        if start_at_end is not UNSET:
            field_dict["start_at_end"] = start_at_end
        if hash_bookmark is not UNSET:
            field_dict["hash_bookmark"] = hash_bookmark
        if debug is not UNSET:
            field_dict["debug"] = debug
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if default_bg_color is not UNSET:
            field_dict["default_bg_color"] = default_bg_color
        if scale_factor is not UNSET:
            field_dict["scale_factor"] = scale_factor
        if timenav_height is not UNSET:
            field_dict["timenav_height"] = timenav_height
        if timenav_height_percentage is not UNSET:
            field_dict["timenav_height_percentage"] = timenav_height_percentage
        if timenav_mobile_height_percentage is not UNSET:
            field_dict["timenav_mobile_height_percentage"] = (
                timenav_mobile_height_percentage
            )
        if timenav_height_min is not UNSET:
            field_dict["timenav_height_min"] = timenav_height_min
        if marker_height_min is not UNSET:
            field_dict["marker_height_min"] = marker_height_min
        if marker_width_min is not UNSET:
            field_dict["marker_width_min"] = marker_width_min
        if marker_padding is not UNSET:
            field_dict["marker_padding"] = marker_padding
        if slide_padding_lr is not UNSET:
            field_dict["slide_padding_lr"] = slide_padding_lr
        if optimal_tick_width is not UNSET:
            field_dict["optimal_tick_width"] = optimal_tick_width
        if menubar_height is not UNSET:
            field_dict["menubar_height"] = menubar_height
        if duration is not UNSET:
            field_dict["duration"] = duration
        if use_bc is not UNSET:
            field_dict["use_bc"] = use_bc
        if dragging is not UNSET:
            field_dict["dragging"] = dragging
        if track_resize is not UNSET:
            field_dict["trackResize"] = track_resize

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        font = d.pop("font", UNSET)

        lang = d.pop("lang", UNSET)

        _timenav_position = d.pop("timenav_position", UNSET)
        timenav_position: TimelineOptionsTimenavPosition | Unset
        if isinstance(_timenav_position, Unset):
            timenav_position = UNSET
        else:
            timenav_position = TimelineOptionsTimenavPosition(_timenav_position)

        theme = d.pop("theme", UNSET)

        initial_zoom = d.pop("initial_zoom", UNSET)

        start_at_slide = d.pop("start_at_slide", UNSET)

        start_at_end = d.pop("start_at_end", UNSET)

        hash_bookmark = d.pop("hash_bookmark", UNSET)

        debug = d.pop("debug", UNSET)

        def _parse_width(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        width = _parse_width(d.pop("width", UNSET))

        def _parse_height(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        height = _parse_height(d.pop("height", UNSET))

        default_bg_color = d.pop("default_bg_color", UNSET)

        scale_factor = d.pop("scale_factor", UNSET)

        timenav_height = d.pop("timenav_height", UNSET)

        timenav_height_percentage = d.pop("timenav_height_percentage", UNSET)

        timenav_mobile_height_percentage = d.pop(
            "timenav_mobile_height_percentage", UNSET
        )

        timenav_height_min = d.pop("timenav_height_min", UNSET)

        marker_height_min = d.pop("marker_height_min", UNSET)

        marker_width_min = d.pop("marker_width_min", UNSET)

        marker_padding = d.pop("marker_padding", UNSET)

        slide_padding_lr = d.pop("slide_padding_lr", UNSET)

        optimal_tick_width = d.pop("optimal_tick_width", UNSET)

        menubar_height = d.pop("menubar_height", UNSET)

        duration = d.pop("duration", UNSET)

        use_bc = d.pop("use_bc", UNSET)

        dragging = d.pop("dragging", UNSET)

        track_resize = d.pop("trackResize", UNSET)

        timeline_options = cls(
            font=font,
            lang=lang,
            timenav_position=timenav_position,
            theme=theme,
            initial_zoom=initial_zoom,
            start_at_slide=start_at_slide,
            start_at_end=start_at_end,
            hash_bookmark=hash_bookmark,
            debug=debug,
            width=width,
            height=height,
            default_bg_color=default_bg_color,
            scale_factor=scale_factor,
            timenav_height=timenav_height,
            timenav_height_percentage=timenav_height_percentage,
            timenav_mobile_height_percentage=timenav_mobile_height_percentage,
            timenav_height_min=timenav_height_min,
            marker_height_min=marker_height_min,
            marker_width_min=marker_width_min,
            marker_padding=marker_padding,
            slide_padding_lr=slide_padding_lr,
            optimal_tick_width=optimal_tick_width,
            menubar_height=menubar_height,
            duration=duration,
            use_bc=use_bc,
            dragging=dragging,
            track_resize=track_resize,
        )

        return timeline_options
