"""Prepare the source (kramdown's adapt_source) and the per-document data."""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore

from ..document import KdDoc, LinkDef, normalize_link_id
from ..options import KramdownOptions
from ..rules import CoreRule

_NEWLINES = re.compile(r"\r\n?")


def make_setup(options: KramdownOptions) -> CoreRule:
    def kd_setup(state: StateCore) -> None:
        if not isinstance(state.env.get("kd"), KdDoc):
            state.env["kd"] = KdDoc(options)
        document = state.env["kd"]
        for key, (url, title) in options.link_defs.items():
            document.link_defs[normalize_link_id(key)] = LinkDef(url, title, None)
        text = _NEWLINES.sub("\n", state.src).removesuffix("\n")
        # NUL is not valid in HTML; kramdown leaves it, browsers replace it.
        state.src = text.replace("\x00", "\ufffd") + "\n"

    return kd_setup
