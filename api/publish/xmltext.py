"""Text that is safe in XML 1.0 and serialization that always yields well-formed documents."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# XML 1.0 forbids most C0 controls (and lone surrogates) even when escaped: a stray form
# feed pasted into a markdown file would otherwise make the whole feed unparseable.
_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    return _INVALID.sub("", text)


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element; text and attribute values are cleaned (ElementTree escapes them)."""
    element = ET.SubElement(parent, tag, {k: clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = clean(text)
    return element


def serialize(root: ET.Element) -> bytes:
    ET.indent(root)
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return text + b"\n"
