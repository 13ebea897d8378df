"""Option values: each checked against what TimelineJS 3 accepts and typed.

Whatever reaches the embed URL is one of: a name from a table, an int, a bool, a checked
colour or a checked https URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from api.timeline.colors import normalize_color
from api.timeline.fonts import lookup_font
from api.timeline.languages import lookup_lang
from api.timeline.models import OptionValue, WarningCode
from api.timeline.urls import HttpUrl, check_http_url, quote_for_message

_THEMES: Final = frozenset({"contrast", "dark"})
_INT: Final = re.compile(r"[+-]?[0-9]{1,9}")
_PIXELS: Final = re.compile(r"([0-9]{1,6})\s*(px)?", re.IGNORECASE)
_PERCENT: Final = re.compile(r"([0-9]{1,3})(\s*)%")
_TRUE: Final = frozenset({"true", "1", "yes", "on"})
_FALSE: Final = frozenset({"false", "0", "no", "off"})


@dataclass(frozen=True, slots=True)
class Outcome:
    """A typed value (None: leave the option out) and at most one warning about it."""

    value: OptionValue | None
    code: WarningCode | None = None
    message: str | None = None


Parser = Callable[[str, object], Outcome]


def _invalid(name: str, raw: object, expected: str) -> Outcome:
    text = _text(raw)
    shown = "no value" if raw is None else (quote_for_message(text) if text else "that value")
    message = f"{name} must be {expected}, not {shown}; it was left out."
    return Outcome(None, WarningCode.OPTION_INVALID, message)


def _text(raw: object) -> str | None:
    """The value as text (front matter may give ints and bools); None for anything else."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, int) and -(10**15) < raw < 10**15:  # str() of a huge int raises
        return str(raw)
    if isinstance(raw, str):
        return raw.strip()
    return None


def _bool(name: str, raw: object) -> Outcome:
    text = _text(raw)
    lowered = "" if text is None else text.lower()
    if lowered in _TRUE or lowered in _FALSE:
        return Outcome(lowered in _TRUE)
    return _invalid(name, raw, "true or false")


def _int_between(low: int, high: int) -> Parser:
    def parse(name: str, raw: object) -> Outcome:
        text = None if isinstance(raw, bool) else _text(raw)
        if text is not None and _INT.fullmatch(text) and low <= int(text) <= high:
            return Outcome(int(text))
        return _invalid(name, raw, f"a whole number from {low} to {high}")

    return parse


def _dimension(name: str, raw: object) -> Outcome:
    text = None if isinstance(raw, bool) else _text(raw)
    if text is not None and (match := _PIXELS.fullmatch(text)) and int(match.group(1)) >= 1:
        pixels = int(match.group(1))
        if match.group(2) or text != match.group(1):
            shown = quote_for_message(text)
            message = f"TimelineJS 3 wants {name} in plain pixels; {shown} was read as {pixels}."
            return Outcome(pixels, WarningCode.OPTION_CORRECTED, message)
        return Outcome(pixels)
    if text is not None and (match := _PERCENT.fullmatch(text)) and 1 <= int(match.group(1)) <= 100:
        percent = f"{int(match.group(1))}%"
        if percent != text:
            message = f"{quote_for_message(text)} was read as {percent}."
            return Outcome(percent, WarningCode.OPTION_CORRECTED, message)
        return Outcome(percent)
    return _invalid(name, raw, 'a number of pixels or a percentage such as "100%"')


def _font(name: str, raw: object) -> Outcome:
    text = _text(raw)
    if not text:
        return _invalid(name, raw, "a font name")
    if text.lower().startswith(("http", "//")) or text.lower().endswith(".css"):
        return _stylesheet_url(name, raw, text)
    found = lookup_font(text)
    shown = quote_for_message(text)
    if found.name is not None and found.corrected_from_v2:
        message = (
            f"{shown} is a TimelineJS 2 font name; TimelineJS 3 calls the same typefaces "
            f"{found.name}."
        )
        return Outcome(found.name, WarningCode.FONT_CORRECTED, message)
    if found.name is not None:
        return Outcome(found.name)
    if found.v2_typefaces is not None:
        message = (
            f"{shown} is a TimelineJS 2 font set ({found.v2_typefaces}) that TimelineJS 3 does "
            "not have; the embed uses the default font."
        )
    else:
        message = f"{shown} is not a TimelineJS 3 font; the embed uses the default font."
    return Outcome(None, WarningCode.FONT_UNKNOWN, message)


def _lang(name: str, raw: object) -> Outcome:
    text = _text(raw)
    if not text:
        return _invalid(name, raw, "a language code")
    if text.lower().endswith(".json"):
        checked = check_http_url(text)
        return _https(name, checked) if checked else _invalid(name, raw, "an absolute URL")
    found = lookup_lang(text)
    shown = quote_for_message(text)
    if found.code is None:
        message = (
            f"{shown} is not a TimelineJS 3 language; TimelineJS would show an error and use "
            "English, so it was left out."
        )
        return Outcome(None, WarningCode.LANG_UNKNOWN, message)
    if found.corrected:
        message = f"TimelineJS 3 has no language file {shown}; {found.code} is used."
        return Outcome(found.code, WarningCode.LANG_CORRECTED, message)
    return Outcome(found.code)


def _timenav_position(name: str, raw: object) -> Outcome:
    text = _text(raw)
    if text is not None and text.lower() in ("top", "bottom"):
        if text != text.lower():
            shown = quote_for_message(text)
            message = (
                f"TimelineJS 3 only understands lower case; {shown} was read as {text.lower()}."
            )
            return Outcome(text.lower(), WarningCode.OPTION_CORRECTED, message)
        return Outcome(text)
    return _invalid(name, raw, "top or bottom")


def _theme(name: str, raw: object) -> Outcome:
    text = _text(raw)
    if text and (text.lower().startswith(("http", "//")) or text.lower().endswith(".css")):
        return _stylesheet_url(name, raw, text)
    if text and text.lower() in _THEMES:
        return Outcome(text.lower())
    return _invalid(name, raw, "contrast, dark or the URL of a CSS file")


def _color(name: str, raw: object) -> Outcome:
    text = _text(raw)
    color = None if text is None else normalize_color(text)
    return Outcome(color) if color else _invalid(name, raw, "a hex colour or a CSS colour name")


def _stylesheet_url(name: str, raw: object, text: str) -> Outcome:
    checked = check_http_url(text)
    return _https(name, checked) if checked else _invalid(name, raw, "an absolute https URL")


def _https(name: str, checked: HttpUrl) -> Outcome:
    if checked.was_insecure:
        message = (
            f"{name} was an http: URL; {checked.url} is used instead, because browsers block "
            "http stylesheets and files in the https TimelineJS page."
        )
        return Outcome(checked.url, WarningCode.INSECURE_SCHEME, message)
    return Outcome(checked.url)


PARSERS: Final[dict[str, Parser]] = {
    "font": _font,
    "lang": _lang,
    "timenav_position": _timenav_position,
    "theme": _theme,
    "initial_zoom": _int_between(0, 10),
    "start_at_slide": _int_between(0, 100_000),
    "start_at_end": _bool,
    "hash_bookmark": _bool,
    "debug": _bool,
    "width": _dimension,
    "height": _dimension,
    "default_bg_color": _color,
    "scale_factor": _int_between(1, 1000),
    "timenav_height": _int_between(0, 100_000),
    "timenav_height_percentage": _int_between(0, 100),
    "timenav_mobile_height_percentage": _int_between(0, 100),
    "timenav_height_min": _int_between(0, 100_000),
    "marker_height_min": _int_between(0, 100_000),
    "marker_width_min": _int_between(0, 100_000),
    "marker_padding": _int_between(0, 100_000),
    "slide_padding_lr": _int_between(0, 100_000),
    "optimal_tick_width": _int_between(1, 100_000),
    "menubar_height": _int_between(0, 100_000),
    "duration": _int_between(0, 600_000),
    "use_bc": _bool,
    "dragging": _bool,
    "track_resize": _bool,
}
