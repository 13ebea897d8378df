"""Embed options: which parameters are v3 options, which win, and what is left out.

The values themselves are typed in ``option_values``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from api.timeline.models import EmbedWarning, OptionValue, TimelineOptions, WarningCode
from api.timeline.option_values import PARSERS
from api.timeline.urls import quote_for_message, unicode_text

MAX_PARAMS: Final = 64
#: No option value of TimelineJS is longer (a stylesheet or language file URL is the longest).
MAX_OPTION_CHARS: Final = 2048
# What no option value holds: markup and quotes (they could only be an attempt to break out
# of the iframe's attribute), control characters, or a scheme other than http(s).
_HOSTILE: Final = re.compile(r"[<>\"'`\x00-\x1f\x7f-\x9f]")
_SCHEME: Final = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.-]*):")

# v2 options with no v3 meaning (v2 Embed.CDN.js and its docs).
V2_ONLY: Final = frozenset({"maptype", "start_zoom_adjust", "gmap_key", "embed_id", "wmode"})
# v3 options deliberately not passed on: the hosted embed overrides them, they load code or
# data from elsewhere (script_path, sheets_proxy), or they cannot be written as text.
NOT_PASSED_ON: Final = frozenset(
    {
        "ga_measurement_id",
        "ga_property_id",
        "soundcite",
        "script_path",
        "sheets_proxy",
        "track_events",
        "zoom_sequence",
        "ease",
        "base_class",
        "is_embed",
        "is_full_embed",
        "layout",
        "skinny_size",
        "medium_size",
        "slide_default_fade",
    }
)
# Other spellings v3 reads under a field's name ("language" is v3's own name for lang).
_ALIASES: Final[dict[str, str]] = {"language": "lang", "trackResize": "track_resize"}
_LANGUAGE_WINS: Final = "TimelineJS 3 uses language, not lang, when both are given."


def parse_options(
    params: Iterable[tuple[str, object]],
) -> tuple[TimelineOptions, tuple[EmbedWarning, ...]]:
    """Type ``(name as written, raw value)`` pairs; ``raw`` is a str, None (no ``=``) or a
    front-matter scalar. A later pair wins, as in the v3 embed page, except that ``language``
    beats ``lang`` whatever the order, as in v3's Timeline constructor.
    """
    chosen: dict[str, tuple[int, str, object]] = {}
    warnings: list[tuple[int, EmbedWarning]] = []  # by position, so they read in URL order
    for index, (written_as, raw_value) in enumerate(params):
        written = unicode_text(str(written_as))
        raw = unicode_text(raw_value) if isinstance(raw_value, str) else raw_value
        if index == MAX_PARAMS:
            message = "Too many parameters; the rest were ignored."
            warnings.append((index, _warn(WarningCode.OPTION_IGNORED, message, None)))
            break
        name, warning = _option_name(written)
        if warning is not None:
            warnings.append((index, warning))
        if name is None:
            continue
        if name in chosen:
            previous = chosen[name][1]
            if name == "lang" and "language" in (previous, written) and previous != written:
                loser = written if previous == "language" else previous
                warnings.append((index, _warn(WarningCode.OPTION_IGNORED, _LANGUAGE_WINS, loser)))
                if previous == "language":
                    continue
            else:
                message = f"{name} is given more than once; the later value is used."
                warnings.append((index, _warn(WarningCode.OPTION_IGNORED, message, previous)))
        chosen[name] = (index, written, raw)
    values: dict[str, OptionValue] = {}
    for name, (index, written, raw) in chosen.items():
        refused = _hostile(name, raw)
        if refused is not None:
            warnings.append((index, _warn(WarningCode.OPTION_INVALID, refused, written)))
            continue
        outcome = PARSERS[name](name, raw)
        if outcome.code is not None and outcome.message is not None:
            warnings.append((index, _warn(outcome.code, outcome.message, written)))
        if outcome.value is not None:
            values[name] = outcome.value
    warnings.sort(key=lambda item: item[0])
    return TimelineOptions.model_validate(values), tuple(w for _, w in warnings)


def _hostile(name: str, raw: object) -> str | None:
    """Why a value cannot be an option value at all, whatever the option; None if it can."""
    if not isinstance(raw, str):
        return None
    if len(raw) > MAX_OPTION_CHARS:
        return f"{name} is longer than {MAX_OPTION_CHARS} characters; it was left out."
    if _HOSTILE.search(raw):
        shown = quote_for_message(raw)
        return f"{name} holds markup, quotes or control characters ({shown}); it was left out."
    scheme = _SCHEME.match(raw)
    if scheme is not None and scheme.group(1).lower() not in ("http", "https"):
        shown = quote_for_message(scheme.group(1) + ":")
        return f"{name} is a {shown} URL, which no option takes; it was left out."
    return None


def _option_name(written: str) -> tuple[str | None, EmbedWarning | None]:
    if written in PARSERS:
        return written, None
    if written in _ALIASES:
        return _ALIASES[written], None
    lower = written.lower()
    shown = quote_for_message(written)
    for name in (lower, *(v for k, v in _ALIASES.items() if k.lower() == lower)):
        if name in PARSERS:
            message = f"TimelineJS 3 reads option names as written; {shown} was read as {name}."
            return name, _warn(WarningCode.OPTION_CORRECTED, message, written)
    if lower in V2_ONLY:
        message = f"{shown} is a TimelineJS 2 option that TimelineJS 3 ignores; it was left out."
        if lower == "maptype":
            message += " (Stamen map tiles, the usual value, stopped working in 2023.)"
        return None, _warn(WarningCode.OPTION_IGNORED, message, written)
    if lower in NOT_PASSED_ON:
        message = f"{shown} cannot be set from an embed URL; it was left out."
        return None, _warn(WarningCode.OPTION_IGNORED, message, written)
    message = f"{shown} is not a TimelineJS 3 option; it was left out."
    return None, _warn(WarningCode.OPTION_IGNORED, message, written)


def _warn(code: WarningCode, message: str, param: str | None) -> EmbedWarning:
    return EmbedWarning(code=code, message=message, param=None if param is None else param[:100])
