from __future__ import annotations

import xml.etree.ElementTree as ET

from api.publish.xmltext import clean, serialize, sub


def test_characters_xml_forbids_are_dropped() -> None:
    assert clean("a\x00b\x0cc\x1fd\ud800e\ufffef") == "abcdef"
    assert clean("tab\tnew\nline\r😀 ok") == "tab\tnew\nline\r😀 ok"


def test_serialized_documents_parse_back() -> None:
    root = ET.Element("feed")
    sub(root, "title", "<&> \"q\" 'a' \x0b", kind="x\x01<y>")
    parsed = ET.fromstring(serialize(root))
    title = parsed.find("title")
    assert title is not None
    assert title.text == "<&> \"q\" 'a' "
    assert title.get("kind") == "x<y>"
